"""The repository commits every change at once, reports each change so it can be restored, and announces."""

from __future__ import annotations

import sqlite3

import pytest

from reader.annotations import ANNOTATED, COLORS, AnnotationError
from reader.annotations.query import AnnotationCatalog, AnnotationFilter
from reader.library import Library


def test_at_least_six_named_colours():
    assert len(COLORS) >= 6
    assert all(value.startswith("#") and len(value) == 7 for value in COLORS.values())


def test_created_annotation_is_committed_before_create_returns(seeded, data_dir):
    library, document = seeded
    annotation = library.annotations.annotate(
        document,
        "zh.p1.c1.s2",
        quote="提高自主创新能力",
        color="green",
        note="**重点**",
        tags=["创新", "#创新", " 政策 "],
    )
    # A second connection (another process would see the same) finds the row at once.
    other = sqlite3.connect(data_dir / "duizhao.sqlite3")
    row = other.execute("SELECT quote, color, note, tags FROM annotations WHERE id = ?", [annotation.id]).fetchone()
    other.close()
    assert row == ("提高自主创新能力", "green", "**重点**", '["创新", "政策"]')
    assert len(annotation.id) == 36
    assert annotation.created == annotation.updated
    assert annotation.anchor.segment_id.startswith("zh.p1.c1.s2.")


def test_update_delete_and_restore_what_each_change_reports(seeded):
    library, document = seeded
    repo = library.annotations
    annotation = repo.annotate(document, "ko.p1.c1.s1", color="blue")
    edited, change = repo.edit(annotation.id, note="첫 메모", starred=True, tags=["a"])
    assert edited.note == "첫 메모"
    assert change.before["note"] == "" and change.after["note"] == "첫 메모"
    assert repo.edit(annotation.id, note="첫 메모")[1] is None  # nothing changed
    deleted = repo.delete(annotation.id)
    assert not repo.exists(annotation.id)
    assert repo.list(doc_id=document.id) == []
    assert not hasattr(repo, "undo")  # the repository keeps no history: the window's undo stack does

    repo.restore(annotation.id, document.id, deleted.before)  # undo the delete
    restored = repo.get(annotation.id)
    assert (restored.note, restored.starred, restored.tags, restored.color) == ("첫 메모", True, ("a",), "blue")
    repo.restore(annotation.id, document.id, change.before)  # undo the edit
    assert (repo.get(annotation.id).note, repo.get(annotation.id).starred) == ("", False)
    repo.restore(annotation.id, document.id, None)  # undo the creation
    assert not repo.exists(annotation.id)


def test_bad_input_is_a_clear_error(seeded):
    library, document = seeded
    with pytest.raises(AnnotationError, match="unknown colour"):
        library.annotations.annotate(document, "zh.p1.c1.s1", color="mauve")
    with pytest.raises(AnnotationError, match="no annotation"):
        library.annotations.update("nope", note="x")
    annotation = library.annotations.annotate(document, "zh.p1.c1.s1")
    with pytest.raises(AnnotationError, match="cannot change"):
        library.annotations.update(annotation.id, quote="x")


def test_changes_are_announced_for_the_search_index(seeded):
    library, document = seeded
    heard = []
    library.listen(lambda event, doc_id: heard.append((event, doc_id)))
    annotation = library.annotations.annotate(document, "zh.p1.c1.s1")
    library.annotations.update(annotation.id, tags=["x"])
    change = library.annotations.delete(annotation.id)
    library.annotations.restore(annotation.id, document.id, change.before)
    assert heard == [(ANNOTATED, document.id)] * 4


def test_list_filters_and_reading_order(seeded):
    library, document = seeded
    repo = library.annotations
    late = repo.annotate(document, "zh.p2.c1.s1", tags=["产业"], color="pink")
    early = repo.annotate(document, "zh.p1.c1.s1", tags=["总体"], starred=True)
    assert [a.id for a in repo.list(doc_id=document.id)] == [early.id, late.id]
    assert [a.id for a in repo.list(tag="产业")] == [late.id]
    assert [a.id for a in repo.list(color="pink")] == [late.id]
    assert [a.id for a in repo.list(starred=True)] == [early.id]
    assert repo.tags() == [("产业", 1), ("总体", 1)]
    assert repo.counts() == {document.id: 2}


def test_catalog_filters_by_text_colour_tag_and_sorts_by_date(seeded):
    library, document = seeded
    repo = library.annotations
    first = repo.annotate(document, "zh.p1.c1.s1", note="对外开放 memo", color="green", tags=["Open"])
    second = repo.annotate(document, "ko.p1.c1.s1", note="과학발전관", color="blue")
    catalog = AnnotationCatalog(repo.list())
    assert catalog.select(AnnotationFilter(text="MEMO")) == [first]
    assert catalog.select(AnnotationFilter(text="과학발전관")) == [second]
    assert catalog.select(AnnotationFilter(text="深入贯彻")) == [first]  # the quote is searched too
    assert catalog.select(AnnotationFilter(colors=frozenset({"blue"}))) == [second]
    assert catalog.select(AnnotationFilter(tag="#open")) == [first]
    assert catalog.select(AnnotationFilter(sort="created")) == [second, first]
    assert catalog.select(AnnotationFilter(doc_id="other")) == []


def test_removed_document_keeps_its_annotations_orphaned_and_gets_them_back(seeded):
    library, document = seeded
    annotation = library.annotations.annotate(document, "zh.p1.c1.s2", quote="提高自主创新能力", note="keep me")
    library.delete(document.id)
    orphaned = library.annotations.get(annotation.id)
    assert orphaned.orphaned and orphaned.note == "keep me"
    from tests.conftest import SEED_000

    library.import_files([SEED_000], doc_id=document.id)
    back = library.annotations.get(annotation.id)
    assert not back.orphaned
    assert back.anchor.quote == "提高自主创新能力"


def test_library_repairs_annotations_left_behind_by_an_interrupted_reimport(seeded, data_dir):
    library, document = seeded
    annotation = library.annotations.annotate(document, "zh.p1.c1.s2", quote="提高自主创新能力")
    # Simulate a stop between storing the new text and re-anchoring: the segment id is gone.
    with library.db.atomic():
        library.db.execute(
            "UPDATE segments SET id = id || 'x' WHERE doc_id = ? AND id LIKE 'zh.p1.c1.s2.%'", [document.id]
        )
    library.close()
    reopened = Library()
    try:
        repaired = reopened.annotations.get(annotation.id)
        assert repaired.anchor.segment_id.endswith("x")
        assert repaired.position >= 0
    finally:
        reopened.close()


def test_catalog_put_keeps_reading_order_and_text_search(seeded):
    library, document = seeded
    repo = library.annotations
    first = repo.annotate(document, "zh.p1.c1.s1")
    last = repo.annotate(document, "zh.p2.c1.s1")
    catalog = AnnotationCatalog(repo.list(), ordered=True)
    assert catalog.select(AnnotationFilter(text="劳动密集型")) == [last]  # folds the text once
    middle = repo.annotate(document, "zh.p1.c2.i1.s1", note="中间")
    catalog.put(middle.id, middle)
    assert [a.id for a in catalog.select(AnnotationFilter())] == [first.id, middle.id, last.id]
    assert catalog.select(AnnotationFilter(text="中间")) == [middle]
    catalog.put(first.id, None)
    assert [a.id for a in catalog.select(AnnotationFilter())] == [middle.id, last.id]
    assert catalog.tag_counts() == []


def test_number_keys_choose_the_first_colours():
    from reader.annotations import color_for_key

    assert [color_for_key(k) for k in range(1, 7)] == list(COLORS)[:6]
    with pytest.raises(ValueError):
        color_for_key(0)


def test_list_without_context_for_display(seeded):
    library, document = seeded
    annotation = library.annotations.annotate(document, "zh.p1.c1.s2", quote="提高自主创新能力")
    (light,) = library.annotations.list(context=False)
    assert (light.anchor.prefix, light.anchor.suffix) == ("", "")
    assert light.anchor.quote == annotation.anchor.quote and light.position == annotation.position
    assert library.annotations.list()[0].anchor.prefix == annotation.anchor.prefix != ""
