"""The document model."""

from __future__ import annotations

from reader.model import Segment
from reader.text.importer import parse_files
from tests.conftest import SEED_000


def test_find_segment_by_id_or_by_its_place_without_the_hash():
    document = parse_files([SEED_000])
    sentence = next(s for s in document.segments if s.id.startswith("zh.p2.c1.s1."))
    assert document.find_segment(sentence.id) is sentence
    assert document.find_segment("zh.p2.c1.s1") is sentence
    assert document.find_segment("zh.p2.c1.s1.000000") is None
    assert document.find_segment("zh.p99") is None
    assert [s.kind for s in document.units("ko")][:2] == ["addressee", "sentence"]


def test_printed_text_holds_the_number_once():
    new = Segment("zh.p1.c1.000000", "zh", "clause", "（一）", "（一）指导思想。", None)
    assert (new.printed, new.body) == ("（一）指导思想。", "指导思想。")
    part = Segment("zh.p1.000000", "zh", "part", "一", "一、总体要求", None)
    assert (part.printed, part.body) == ("一、总体要求", "总体要求")
    # Stored before the number was kept in the text: put back in front, once.
    assert Segment("zh.p1.000000", "zh", "part", "一", "总体要求", None).printed == "一、总体要求"
    assert Segment("ko.p1.c1.000000", "ko", "clause", "(1)", "지도사항.", None).printed == "(1) 지도사항."
    assert Segment("ko.c1.000000", "ko", "clause", "1조", "1조 - 정의.", None).body == "정의."
