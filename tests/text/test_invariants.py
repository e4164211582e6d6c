"""The structure invariants on every file we have: the seeds, the fixtures of each
layout in tests/text/data/, and every document file under tests/data/."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.text.importer import parse_files
from reader.text.loaders import SUFFIXES
from tests.conftest import CORPUS, ROOT
from tests.text.invariants import check_document

FIXTURES = Path(__file__).resolve().parent / "data"
# Notes beside the data (where it came from, its licence) are not documents.
_NOT_DOCUMENTS = ("source", "readme", "licence", "license", "notice")


def _document_files() -> list[Path]:
    found = sorted(CORPUS.glob("*.txt")) + sorted(FIXTURES.iterdir())
    data = ROOT / "tests" / "data"
    if data.is_dir():
        found += sorted(
            p
            for p in data.rglob("*")
            if p.is_file() and p.suffix.lower() in SUFFIXES - {""} and not p.name.lower().startswith(_NOT_DOCUMENTS)
        )
    return found


@pytest.mark.parametrize("path", _document_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_units_reproduce_the_file_in_document_order(path):
    check_document(parse_files([path]), path)
