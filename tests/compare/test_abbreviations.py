"""Abbreviations read from the two texts of a successor comparison."""

from __future__ import annotations

import numpy as np

from reader.compare.abbreviations import abbreviations, expanded
from reader.compare.engine import successor_signals, unit_classes
from reader.compare.similarity import related_score
from reader.model import Document, Segment

OLD = "严禁国家明令淘汰的落后生产能力和高耗能、高排放等不符合国家产业政策的项目转入。"
NEW = "严格实施产能置换办法，坚决遏制“两高”项目盲目发展。"


def test_a_numbered_abbreviation_stands_for_the_list_the_other_text_spells_out():
    assert abbreviations([OLD], [NEW]) == {"两高": "高耗能、高排放"}
    assert abbreviations(["推动高耗能和高排放项目退出"], ["“两高”"]) == {"两高": "高耗能和高排放"}


def test_a_list_of_another_length_or_its_middle_is_not_the_abbreviation():
    three = ["支持建设高标准、高质量、高效率园区。"]
    assert abbreviations(three, ["“两高”项目"]) == {}  # neither 高标准、高质量 nor 高质量、高效率
    assert abbreviations(three, ["“三高”园区"]) == {"三高": "高标准、高质量、高效率"}
    assert abbreviations(["推进节能降耗。"], [NEW]) == {}  # no list to stand for


def test_a_defined_abbreviation_stands_for_the_words_before_its_parenthesis():
    table = abbreviations(["在中西部地区设立产业转移示范区（以下简称“示范区”）。"], ["支持示范区建设。"])
    assert table == {"示范区": "在中西部地区设立产业转移示范区"}


def test_expanded_texts_carry_what_their_abbreviations_stand_for():
    table = {"两高": "高耗能、高排放"}
    assert expanded([NEW, OLD, "其他"], table) == [f"{NEW}（高耗能、高排放）", OLD, "其他"]
    assert expanded([NEW], {}) == [NEW]


def _document(doc_id: str, texts: list[str]) -> Document:
    return Document(
        id=doc_id,
        title=doc_id,
        segments=[Segment(f"zh.s{k}", "zh", "sentence", "", t, None) for k, t in enumerate(texts)],
    )


def test_the_abbreviation_makes_the_spelt_out_provision_the_best_candidate():
    old = _document(
        "old",
        [
            OLD,
            "坚持节能环保，严格产业准入，项目发展必须符合国家产业政策。",
            "加强园区基础设施建设，提高园区综合配套能力。",
        ],
    )
    new = _document("new", [NEW])
    a_units, b_units = old.units("zh"), new.units("zh")
    allowed = np.array(unit_classes(a_units), object)[:, None] == np.array(unit_classes(b_units), object)[None, :]
    score = related_score(list(successor_signals(a_units, b_units, "zh").values()), allowed)
    assert int(score[:, 0].argmax()) == 0
    # Without the abbreviation (another word in its place) the principle sentence wins.
    plain = _document("plain", [NEW.replace("“两高”", "“两类”")])
    score = related_score(list(successor_signals(a_units, plain.units("zh"), "zh").values()), allowed)
    assert int(score[:, 0].argmax()) == 1
