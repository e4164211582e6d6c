"""Chinese terms, Korean candidates, readings and numbers."""

from __future__ import annotations

import pytest

from reader.terms.numbers import chinese_numbers, korean_numbers
from reader.terms.readings import jamo_distance, reading, similarity, traditional
from reader.terms.words import chinese_terms, korean_candidates


def test_chinese_terms_join_words_into_policy_compounds():
    terms = {t.text for t in chinese_terms("承接、改造和发展纺织、服装、玩具、家电等劳动密集型产业，承接产业转移。")}
    assert {"劳动密集型产业", "劳动密集型", "纺织", "承接产业转移", "产业转移"} <= terms
    # a function word never starts or ends a multi-word term
    assert not any(t.startswith("等") or t.endswith("等") for t in terms)
    assert "和发展" not in terms


def test_chinese_term_offsets_point_into_the_text():
    text = "中西部地区有序承接产业转移"
    for term in chinese_terms(text):
        assert text[term.start : term.end] == term.text


def test_korean_candidates_drop_particles_and_keep_compounds():
    text = "노동집약형 산업을 유치하고 산업이전을 다그친다."
    candidates = {c.text for c in korean_candidates(text)}
    assert {"노동집약형", "노동집약형 산업", "산업이전", "이전", "다그치다"} <= candidates
    assert not any(c.endswith("을") for c in candidates)
    for c in korean_candidates(text):
        if not c.text.endswith("다"):
            assert text[c.start : c.end] == c.text


def test_reading_comes_from_the_traditional_form():
    assert traditional("产业转移") == "產業轉移"
    assert reading("产业转移") == "산업전이"
    # the initial-sound law does not stand between a reading and its Korean word
    assert similarity(reading("劳动"), "노동") == 1.0
    # reordered and replaced characters still agree, unrelated words do not
    assert similarity(reading("转移"), "이전") == 1.0
    assert similarity(reading("劳动密集型"), "노동집약형") >= 0.75
    assert similarity(reading("服装"), "의류") == 0.0


def test_jamo_distance_tells_a_typo_from_another_word():
    assert jamo_distance("조", "고") == 1
    assert jamo_distance("본", "원") == 2
    assert jamo_distance("산", "공") == 3


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("二○一○年八月三十一日", [2010, 8, 31]),
        ("投入1.5万亿元", [1.5e12]),
        ("增长百分之三十", [30]),
        ("30%的企业", [30]),
        ("第十一条", [11]),
        ("一千五百家企业", [1500]),
        ("统一进一步一批两个三个", []),
    ],
)
def test_chinese_numbers(text, values):
    assert [n.value for n in chinese_numbers(text)] == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("2010년 8월 31일", [2010, 8, 31]),
        ("2010. 8. 31.", [2010, 8, 31]),
        ("1조 5천억 원", [1.5e12]),
        ("3만 명", [30000]),
        ("30% 증가", [30]),
    ],
)
def test_korean_numbers(text, values):
    assert [n.value for n in korean_numbers(text)] == values


def test_word_at_finds_the_chinese_word_under_a_position():
    from reader.terms.words import word_at

    text = "推进中西部地区承接产业转移，한국어 abc"
    assert word_at(text, 9).text in ("产业", "产业转移")
    span = word_at(text, 3)
    assert text[span.start : span.end] == span.text and span.start <= 3 < span.end
    assert word_at(text, text.index("한")) is None
    assert word_at(text, len(text)) is None
