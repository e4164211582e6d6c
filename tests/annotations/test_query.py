"""The panel's filters and sorts run in SQL give the rows the in-memory catalog gives (the
panel's old path: every row read, then filtered and sorted in Python), over 10,000 real rows."""

from __future__ import annotations

import pytest

from reader.annotations.query import AnnotationCatalog, AnnotationFilter
from tests.annotations.many import TOTAL, fill_many

FILTERS = [
    AnnotationFilter(),
    AnnotationFilter(doc_id="g"),
    AnnotationFilter(doc_id="m"),
    AnnotationFilter(doc_id="nowhere"),
    AnnotationFilter(colors=frozenset({"blue"})),
    AnnotationFilter(doc_id="g", colors=frozenset({"green", "purple"})),
    AnnotationFilter(tag="#REVIEW"),  # '#', and case folded: both spellings of the tag
    AnnotationFilter(tag="토지"),
    AnnotationFilter(text="产业"),
    AnnotationFilter(text="검토 필요"),
    AnnotationFilter(text="memo LAND"),
    AnnotationFilter(text="STRASSE"),  # ß folds to ss, in notes and tags
    AnnotationFilter(text="g"),  # the document id is searched too
    AnnotationFilter(text="nothing-like-this"),
    AnnotationFilter(starred_only=True),
    AnnotationFilter(orphaned_only=True),
    AnnotationFilter(doc_id="g", tag="产业", text="产业", starred_only=True),
    AnnotationFilter(doc_id="m", colors=frozenset({"yellow"}), orphaned_only=True),
]


@pytest.fixture(scope="module")
def many(tmp_path_factory):
    from reader.library import Library

    mp = pytest.MonkeyPatch()
    mp.setenv("DUIZHAO_DATA_DIR", str(tmp_path_factory.mktemp("many")))
    library = Library()
    fill_many(library)
    yield library
    library.close()
    mp.undo()


@pytest.fixture(scope="module")
def reference(many):
    return AnnotationCatalog(many.annotations.list(context=False), ordered=True)


@pytest.mark.parametrize("sort", ["position", "created", "updated"])
@pytest.mark.parametrize("wanted", FILTERS, ids=lambda f: repr(f)[17:80])
def test_sql_filter_and_sort_give_the_catalogs_rows(many, reference, wanted, sort):
    wanted = AnnotationFilter(**{**wanted.__dict__, "sort": sort})
    repo = many.annotations
    expected = reference.select(wanted)
    assert repo.count_matching(wanted) == len(expected)
    ids = repo.ordered_ids(wanted)
    assert ids == [a.id for a in expected]
    assert repo.by_ids(ids) == expected
    # Pages anywhere in the list, in the order asked.
    for offset in (0, 1, len(expected) // 2, max(len(expected) - 5, 0)):
        assert repo.by_ids(ids[offset : offset + 7]) == expected[offset : offset + 7]
        assert repo.by_ids(ids[offset : offset + 7][::-1]) == expected[offset : offset + 7][::-1]


def test_the_fixture_is_a_working_library(many, reference):
    # Deleted rows are out, ties in creation time exist, every kind of row is there.
    assert len(reference) == many.annotations.count_matching(AnnotationFilter()) < TOTAL
    created = [a.created for a in reference.annotations]
    assert len(set(created)) < len(created)
    assert {a.doc_id for a in reference.annotations} == {"g", "m"}
    assert any(a.orphaned for a in reference.annotations) and any(a.starred for a in reference.annotations)
    assert many.annotations.tags() == reference.tag_counts()
    deleted = many.db.execute("SELECT id FROM annotations WHERE deleted IS NOT NULL LIMIT 1").fetchone()[0]
    assert many.annotations.by_ids([deleted, reference.annotations[0].id]) == [reference.annotations[0]]
