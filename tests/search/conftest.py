"""A library holding the bundled corpus (seed 000 bilingual, seed 002 Chinese only) and its index.

``seeded`` is built once per module in its own directory (Kiwi and jieba take
seconds to load; the queries only read), ``fresh_index`` per test for writes.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from reader.library import Library
from reader.search import SearchIndex

SEED_000_ID = "guofa-2010-28"
SEED_002_ID = "manufacturing-transfer"


class Seeded:
    def __init__(self, library: Library, index: SearchIndex):
        self.library = library
        self.index = index
        self.documents = {d: library.documents.get(d) for d in (SEED_000_ID, SEED_002_ID)}

    def units(self, lang: str | None = None):
        """Every reading unit of the corpus as (doc_id, segment)."""
        for doc_id, document in self.documents.items():
            for language in document.languages:
                if lang in (None, language):
                    for unit in document.units(language):
                        yield doc_id, unit

    def ids_containing(self, needle: str, lang: str | None = None) -> set[str]:
        return {unit.id for _, unit in self.units(lang) if needle in unit.text}

    def hit_ids(self, query: str, **options) -> set[str]:
        results = self.index.search(query, limit=2000, **options)
        assert not results.has_more
        return {h.segment_id for h in results.hits}


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> Seeded:
    root = tmp_path_factory.mktemp("seeded")
    library = Library(root / "library.sqlite3")
    library.import_corpus()
    index = SearchIndex(library, root / "index")
    index.ensure_current()
    yield Seeded(library, index)
    index.close()
    library.close()


@pytest.fixture
def corpus_library(library):
    library.import_corpus()
    return library


@pytest.fixture
def fresh_index(corpus_library):
    index = SearchIndex(corpus_library)
    index.ensure_current()
    index.follow()
    yield index
    index.close()


@pytest.fixture(scope="module")
def segmented(tmp_path_factory):
    """The corpus, then copies of both seeds added and one deleted one by one, so the
    index has several segments and deleted entries."""
    from reader.align import align_document
    from reader.library import Library

    root = tmp_path_factory.mktemp("segmented")
    library = Library(root / "library.sqlite3")
    library.import_corpus()
    index = SearchIndex(library, root / "index")
    index.ensure_current()
    index.follow()
    for copy in range(3):
        for doc_id in (SEED_002_ID, SEED_000_ID):
            document = library.documents.get(doc_id)
            new_id = f"{doc_id}-copy{copy}"
            library.documents.add(replace(document, id=new_id))
            library.links.replace(new_id, align_document(document))
            index.update_document(new_id)
    library.delete(f"{SEED_002_ID}-copy1")
    yield index
    index.close()
    library.close()
