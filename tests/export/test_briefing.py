"""The briefing builder: selection, grouping, counterparts, citations."""

from __future__ import annotations

import pytest

from reader.export import BriefingOptions, EmptySelection, briefing_from_library
from reader.export.citation import chinese_number, citation_line, korean_date, korean_label
from tests.export.conftest import EXPORT_DATE, GUOFA, MANUFACTURING


def _brief(library, **options):
    return briefing_from_library(library, BriefingOptions(exported_on=EXPORT_DATE, **options))


def test_citation_helpers():
    assert chinese_number("二十三") == 23
    assert chinese_number("十") == 10
    assert chinese_number("二○一○") == 2010
    assert chinese_number("abc") is None
    assert korean_label("二", "part") == "2."
    assert korean_label("（十二）", "clause") == "(12)"
    assert korean_date("二○一○年八月三十一日") == "2010. 8. 31."
    assert korean_date("2021年12月1日") == "2021. 12. 1."
    assert korean_date("国务院") == ""
    assert citation_line("国发〔2010〕28号", "二（三）", "2.(3)") == "国发〔2010〕28号 二（三） / 2.(3)"


def test_clause_grouping_counterparts_and_citations(annotated):
    library, ids = annotated
    briefing = _brief(library)
    assert briefing.count == 4
    assert [d.doc_id for d in briefing.documents] == [GUOFA, MANUFACTURING]
    doc = briefing.sections[0]
    assert doc.kind == "document" and doc.zh == "国务院关于中西部地区承接产业转移的指导意见"
    assert doc.ko == "국무원의 중서부지역 산업이전 유치에 관한 지도의견"
    assert [s.heading() for s in doc.sections] == ["前言 · 전문", "一、总体要求 · 1. 전반적 요구"]
    clauses = doc.sections[1].sections
    assert [c.heading() for c in clauses] == ["（一）指导思想。 · (1) 지도사항.", "（二）基本原则。 · (2) 기본원칙"]

    concept = clauses[0].items[0]
    assert concept.annotation.id == ids["concept"]
    assert concept.zh.pieces()[1] == "科学发展观"
    # The 1-2 bead: both Korean sentences are the counterpart.
    assert concept.ko.text.startswith("과학발전관을 심도 있게 관철한다. 국제 및 국내의")
    assert not concept.ko.marked
    assert concept.citation == "国发〔2010〕28号 一（一） / 1.(1)"

    hostile = clauses[1].items[0]
    # A Korean annotation on a 2-1 bead: both Chinese sentences, the span marked in Korean.
    assert hostile.zh.text.endswith("规范招商引资行为。") and hostile.zh.text.startswith("遵循市场规律")
    assert hostile.ko.pieces()[1] == "시장의 자원배치 기본역할"

    quoted = briefing.sections[1].sections[0].items[0]
    assert quoted.ko is None  # the document has no Korean text
    assert quoted.citation == "《关于促进制造业有序转移的指导意见》 二 / 2."


def test_filters_and_other_groupings(annotated):
    library, ids = annotated
    by_tag = _brief(library, group_by="tag")
    # Each item once, under its first tag (concept is tagged 정책 then 이념).
    assert [s.heading() for s in by_tag.sections] == ["#원칙", "#정책", "태그 없음"]
    assert {i.annotation.id for i in by_tag.sections[1].items} == {ids["concept"], ids["quoted"]}
    assert sum(len(s.items) for s in by_tag.sections) == by_tag.count == 4

    chosen = _brief(library, group_by="tag", tags=("정책",))
    assert [s.heading() for s in chosen.sections] == ["#정책"]
    assert chosen.count == 2

    by_color = _brief(library, group_by="color")
    assert [s.key for s in by_color.sections] == ["yellow", "green", "blue", "red"]

    assert [i.annotation.id for i in _brief(library, starred_only=True).items] == [ids["concept"]]
    assert [i.annotation.id for i in _brief(library, colors=("red",)).items] == [ids["quoted"]]
    assert _brief(library, doc_ids=("manufacturing",)).documents[0].doc_id == MANUFACTURING

    korean_only = _brief(library, lang="ko")
    bilingual = [item for item in korean_only.items if item.document.doc_id != MANUFACTURING]
    assert bilingual and all(item.zh is None and item.ko for item in bilingual)
    # The emphasis survives the hidden side: the Korean rendering of a Chinese term (by its
    # Sino-Korean reading), the whole counterpart of a highlighted sentence.
    by_id = {item.annotation.id: item for item in korean_only.items}
    assert by_id[ids["concept"]].ko.pieces()[1] == "과학발전관"
    preamble = by_id[ids["preamble"]].ko
    assert preamble.pieces() == ("", preamble.text, "")
    assert by_id[ids["hostile"]].ko.pieces()[1] == "시장의 자원배치 기본역할"  # a Korean highlight as it was
    chinese_only = {item.annotation.id: item for item in _brief(library, lang="zh").items}
    assert chinese_only[ids["concept"]].zh.pieces()[1] == "科学发展观"
    assert not chinese_only[ids["hostile"]].zh.marked  # a Korean phrase has no place in the Chinese found
    # The Chinese-only document keeps its Chinese, highlight included, instead of an empty item.
    (quoted,) = [item for item in korean_only.items if item.document.doc_id == MANUFACTURING]
    assert quoted.ko is None and quoted.zh.pieces()[1] == "“两高”"
    guofa = next(d for d in korean_only.documents if d.doc_id != MANUFACTURING)
    assert guofa.issuer == "국무원 (国务院)"
    assert next(d for d in _brief(library).documents if d.doc_id != MANUFACTURING).issuer == "国务院"
    assert korean_only.sections[0].sections[1].heading("ko") == "1. 전반적 요구"


def test_korean_issuer_names():
    from reader.export.citation import korean_issuer

    assert korean_issuer("国务院") == "국무원 (国务院)"
    assert korean_issuer("财政部、商务部") == "재정부·상무부 (财政部、商务部)"
    assert korean_issuer("某某市人民政府") == "某某市人民政府"


def test_empty_selection_says_so(annotated):
    library, _ = annotated
    with pytest.raises(EmptySelection, match="tag 없는태그"):
        _brief(library, tags=("없는태그",))


def test_deleted_and_orphaned_annotations_are_left_out(annotated):
    library, ids = annotated
    library.annotations.delete(ids["preamble"])
    library.delete(MANUFACTURING)  # its annotation becomes orphaned
    briefing = _brief(library)
    assert {i.annotation.id for i in briefing.items} == {ids["concept"], ids["hostile"]}


def test_korean_annotations_take_the_place_of_their_chinese_text(annotated):
    library, ids = annotated
    guofa = library.documents.get(GUOFA)
    # Segments are stored Chinese first, then Korean: a Korean note on the preamble
    # must still come before a Chinese note on part one.
    early = library.annotations.annotate(guofa, "ko.pre1.s1", color="yellow")
    briefing = _brief(library, group_by="color", colors=("yellow",))
    assert [i.annotation.id for i in briefing.items] == [early.id, ids["concept"]]


def test_span_in_the_second_sentence_of_a_bead_is_marked_in_the_joined_text(annotated):
    library, _ = annotated
    guofa = library.documents.get(GUOFA)
    made = library.annotations.annotate(guofa, "ko.p1.c1.s2", quote="시장역할을 발휘시키고", color="purple")
    item = next(i for i in _brief(library, colors=("purple",)).items if i.annotation.id == made.id)
    before, span, _after = item.ko.pieces()
    assert span == "시장역할을 발휘시키고"
    assert before.startswith("과학발전관을 심도 있게 관철한다. 국제 및 국내의")  # the bead's first sentence too
    assert item.zh.text.startswith("深入贯彻落实科学发展观") and not item.zh.marked


def test_source_page_and_published_date_are_facts_of_the_header(annotated):
    library, _ = annotated
    library.describe(MANUFACTURING, source_url="https://www.gov.cn/zhengce/example.htm", date_published="2025年1月8日")
    header = next(d for d in _brief(library).documents if d.doc_id == MANUFACTURING)
    facts = dict(header.facts())
    assert facts["원문 주소"] == "https://www.gov.cn/zhengce/example.htm"
    assert facts["공개일"] == "2025年1月8日"
