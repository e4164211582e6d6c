"""Anchors are made from offsets or quotes and found again in changed text."""

from __future__ import annotations

import dataclasses

import pytest

from reader.annotations import AnnotationError, locate, make_anchor
from reader.annotations.anchoring import TextFlow, fuzzy_span
from reader.model import Document, Segment


def _doc(*texts: str, lang: str = "zh") -> Document:
    segments = [Segment(f"{lang}.p1.c1.s{i + 1}.{i:06x}", lang, "sentence", "", t, None) for i, t in enumerate(texts)]
    return Document(id="d", title="t", segments=segments)


def test_anchor_from_quote_has_offsets_and_context_across_segments():
    doc = _doc("第一句话结束了。", "促进产业优化升级；提高能力。")
    anchor = make_anchor(doc, "zh.p1.c1.s2", quote="产业优化")
    assert (anchor.start, anchor.end, anchor.quote) == (2, 6, "产业优化")
    assert anchor.segment_id == "zh.p1.c1.s2.000001"
    assert anchor.prefix.endswith("结束了。\n促进")
    assert anchor.suffix.startswith("升级；")


def test_whole_segment_is_the_default_and_bad_spans_are_refused():
    doc = _doc("一二三四五六。")
    assert make_anchor(doc, "zh.p1.c1.s1").quote == "一二三四五六。"
    with pytest.raises(AnnotationError, match="does not contain"):
        make_anchor(doc, "zh.p1.c1.s1", quote="七")
    with pytest.raises(AnnotationError, match="outside"):
        make_anchor(doc, "zh.p1.c1.s1", start=3, end=30)
    with pytest.raises(AnnotationError, match="no segment"):
        make_anchor(doc, "zh.p9")


def test_same_segment_id_is_placed_by_segment():
    doc = _doc("甲乙丙丁。", "戊己庚辛。")
    anchor = make_anchor(doc, "zh.p1.c1.s2", quote="庚辛")
    placement = locate(anchor, TextFlow(doc, "zh"))
    assert placement is not None
    assert (placement.segment_id, placement.start, placement.end, placement.placed_by) == (
        "zh.p1.c1.s2.000001",
        2,
        4,
        "segment",
    )


def test_repeated_quote_is_told_apart_by_context():
    old = _doc("加强合作。", "推进改革，加强合作，扩大开放。")
    anchor = make_anchor(old, "zh.p1.c1.s2", quote="加强合作")
    # The new version inserts a sentence and changes the ids; the quote occurs twice.
    new = Document(
        id="d",
        title="t",
        segments=[
            Segment("zh.p1.c1.s1.aaaaaa", "zh", "sentence", "", "加强合作。", None),
            Segment("zh.p1.c1.s2.bbbbbb", "zh", "sentence", "", "新增一句。", None),
            Segment("zh.p1.c1.s3.cccccc", "zh", "sentence", "", "推进改革，加强合作，扩大开放。", None),
        ],
    )
    placement = locate(anchor, TextFlow(new, "zh"))
    assert placement is not None
    assert (placement.segment_id, placement.start, placement.placed_by) == ("zh.p1.c1.s3.cccccc", 5, "context")


def test_repeated_quote_without_any_agreeing_context_is_not_guessed():
    anchor = make_anchor(_doc("前文。", "加强合作"), "zh.p1.c1.s2")
    new = _doc("甲加强合作乙", "丙加强合作丁")
    new.segments = [dataclasses.replace(s, id=s.id.replace("p1", "p7")) for s in new.segments]
    assert locate(anchor, TextFlow(new, "zh")) is None


def test_edited_quote_is_placed_by_fuzzy_match():
    old = _doc("着力加强环境保护，节约集约利用资源，促进可持续发展；")
    anchor = make_anchor(old, "zh.p1.c1.s1")
    new = _doc("开头。", "着力加强生态环境保护，节约集约利用资源，推动可持续发展；")
    placement = locate(anchor, TextFlow(new, "zh"))
    assert placement is not None
    assert placement.placed_by == "fuzzy"
    assert placement.segment_id == new.segments[1].id
    text = new.segments[1].text
    assert text[placement.start : placement.end].startswith("着力")
    assert text[placement.start : placement.end].endswith("发展；")


def test_unrelated_text_is_not_a_fuzzy_match():
    anchor = make_anchor(_doc("当前，国际国内产业分工深刻调整。"), "zh.p1.c1.s1")
    new = _doc("完善就业和社会保障服务。", "引进高层次人才。")
    assert locate(anchor, TextFlow(new, "zh")) is None


def test_fuzzy_span_finds_the_window_not_the_whole_text():
    similarity, start, end = fuzzy_span(
        "节约集约利用资源", "前面很长的无关文字，节约集约利用资源，后面也很长的无关文字"
    )
    assert similarity == 1.0
    assert (start, end) == (10, 18)


def test_short_quote_found_only_elsewhere_with_other_context_is_orphaned_not_moved():
    old = _doc("甲乙丙。", "丁戊促进改革开放己庚。")
    anchor = make_anchor(old, "zh.p1.c1.s2", quote="促进改革开放")
    new = _doc("甲乙丙。", "辛壬癸子丑寅卯辰。", "其他内容，促进改革开放，其他。")
    new.segments = [dataclasses.replace(s, id=s.id[:-6] + "ffffff") for s in new.segments]
    assert locate(anchor, TextFlow(new, "zh")) is None
    # The same phrase with its surroundings kept is found again.
    kept = _doc("甲乙丙。", "新句。", "丁戊促进改革开放己庚。")
    placement = locate(anchor, TextFlow(kept, "zh"))
    assert placement is not None and placement.placed_by == "context"
