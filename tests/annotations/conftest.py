"""A library with seed 000 imported under a short id."""

from __future__ import annotations

import pytest

from tests.conftest import SEED_000

DOC = "g"


@pytest.fixture
def seeded(library):
    """(library, document) with seed 000 (bilingual) imported as document 'g'."""
    document = library.import_files([SEED_000], doc_id=DOC)
    return library, document
