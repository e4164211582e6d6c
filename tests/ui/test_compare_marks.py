"""What the compare view draws, worked out without Qt: view ids, pairs through an alignment,
word marks at the offsets the diff gives, and the walk over the changes."""

from __future__ import annotations

from dataclasses import dataclass

from reader.model import AlignmentLink, Document, Segment
from reader.ui.compare_marks import SIDE_B, SideView, model_id, next_change, view_document, view_marks


@dataclass(frozen=True)
class Pair:
    a_ids: tuple[str, ...]
    b_ids: tuple[str, ...]
    status: str
    diff: tuple[tuple[str, str], ...] = ()


def _document(doc_id: str, texts: dict[str, str], lang: str = "zh") -> Document:
    segments = [Segment(i, lang, "sentence", "", t, None) for i, t in texts.items()]
    return Document(doc_id, doc_id, segments=segments)


def test_view_ids_of_side_b_carry_a_suffix_and_come_back():
    document = _document("d", {"zh.p1.s1.aa": "甲。"})
    shown = view_document(document, SIDE_B)
    assert shown.segments[0].id == "zh.p1.s1.aa" + SIDE_B and document.segments[0].id == "zh.p1.s1.aa"
    assert model_id(shown.segments[0].id) == "zh.p1.s1.aa" and view_document(document, "") is document


def test_word_marks_fall_in_the_units_the_diff_covers():
    a = _document("a", {"a1": "推动产业转移。", "a2": "加快发展。"})
    b = _document("b", {"b1": "推进产业有序转移，加快发展。"})
    # A's two sentences merged into one of B's: 动 → 进, 有序 inserted, 。 → ，
    diff = (
        ("equal", "推"),
        ("delete", "动"),
        ("insert", "进"),
        ("equal", "产业"),
        ("insert", "有序"),
        ("equal", "转移"),
        ("delete", "。"),
        ("insert", "，"),
        ("equal", "加快发展。"),
    )
    pairs = [Pair(("a1", "a2"), ("b1",), "reworded", diff)]
    marks = view_marks(pairs, SideView(a, [], "zh", "zh"), SideView(view_document(b, SIDE_B), [], "zh", "zh", SIDE_B))
    assert marks.pairs == [(["a1", "a2"], ["b1" + SIDE_B])]
    assert marks.statuses == {"a1": "reworded", "a2": "reworded", "b1" + SIDE_B: "reworded"}
    deleted = [(u, s, e) for u, s, e, op in marks.words if op == "delete"]
    inserted = [(u, s, e) for u, s, e, op in marks.words if op == "insert"]
    assert deleted == [("a1", 1, 2), ("a1", 6, 7)]  # 动, and the 。 that became ，
    assert inserted == [("b1" + SIDE_B, 1, 2), ("b1" + SIDE_B, 4, 6), ("b1" + SIDE_B, 8, 9)]


def test_a_side_showing_its_translation_pairs_through_its_alignment():
    segments = [
        Segment("zh.s1.aa", "zh", "sentence", "", "甲。", None),
        Segment("zh.s2.bb", "zh", "sentence", "", "乙。", None),
        Segment("ko.s1.cc", "ko", "sentence", "", "갑.", None),
        Segment("ko.s2.dd", "ko", "sentence", "", "을.", None),
    ]
    a = Document("a", "a", segments=segments)
    links = [AlignmentLink(["zh.s1.aa"], ["ko.s1.cc"]), AlignmentLink(["zh.s2.bb"], ["ko.s2.dd"])]
    side = SideView(a, links, "zh", "ko")
    assert side.view_ids(["zh.s2.bb"]) == ["ko.s2.dd"]
    marks = view_marks([Pair(("zh.s2.bb",), (), "dropped")], side, SideView(a, [], "zh", "zh", SIDE_B))
    assert marks.statuses == {"ko.s2.dd": "dropped"} and marks.words == []


def test_next_change_skips_continued_provisions_and_wraps():
    pairs = [Pair((), (), s) for s in ("continued", "new", "continued", "dropped", "continued")]
    assert next_change(pairs, None) == 1
    assert next_change(pairs, 1) == 3
    assert next_change(pairs, 3) == 1  # wraps
    assert next_change(pairs, 2, forward=False) == 1
    assert next_change(pairs, None, forward=False) == 3
    assert next_change([Pair((), (), "continued")], None) is None
