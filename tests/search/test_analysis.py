"""Folding and the Chinese/Korean analyzers: terms and their exact offsets."""

from __future__ import annotations

import pytest

from reader.search.analysis import chinese_terms, chinese_words, fold, korean_query_terms, korean_terms, mixed_terms

from .conftest import SEED_000_ID


@pytest.mark.parametrize(
    ("variant", "simplified"),
    [
        ("產業轉移", "产业转移"),  # traditional
        ("勞動密集型", "劳动密集型"),  # Korean Hanja are traditional forms
        ("産業", "产业"),  # Japanese shinjitai
        ("経済発展", "经济发展"),  # Japanese shinjitai t2s alone leaves unchanged
        ("國務院關於", "国务院关于"),
        ("２０１０年ＧＤＰ", "2010年gdp"),  # full-width ASCII and case
    ],
)
def test_fold_to_simplified(variant, simplified):
    assert fold(variant) == simplified


def test_fold_keeps_chinese_characters_that_are_also_shinjitai():
    # 予, 芸, 欠 and 浜 are Japanese forms of other characters but ordinary Chinese ones too.
    assert fold("予以芸术欠缺沙家浜") == "予以芸术欠缺沙家浜"


def test_fold_keeps_length_so_offsets_carry_over():
    text = "國務院關於中西部地區承接產業轉移的指導意見，산업이전（産業）"
    assert len(fold(text)) == len(text)


def test_chinese_search_mode_words_overlap_at_their_real_offsets():
    text = "国务院关于中西部地区承接产业转移的指导意见"
    terms = {(t.text, t.start, t.end) for t in chinese_terms(text)}
    start = text.index("中西部")
    assert ("中西部", start, start + 3) in terms
    assert ("西部", start + 1, start + 3) in terms
    assert ("中西", start, start + 2) in terms
    start = text.index("产业转移")
    assert ("产业", start, start + 2) in terms
    assert ("转移", start + 2, start + 4) in terms
    # every character is inside some term; a term is positioned at its offset
    assert all(any(start <= i < end for _, start, end in terms) for i in range(len(text)))
    assert all(t.pos == t.start and text[t.start : t.end] == t.text for t in chinese_terms(text))


def test_chinese_terms_of_traditional_text_point_into_the_original():
    text = "承接產業轉移"
    for term in chinese_terms(text):
        assert fold(text[term.start : term.end]) == term.text


def test_chinese_query_word_is_split_without_overlaps():
    assert chinese_words("西部地区") == [("西部", 0), ("地区", 2)]


def test_korean_particles_and_endings_are_not_terms():
    terms = korean_terms("산업이전을 적극 유치하는")
    simple = [t.text for t in terms if not t.compound]
    assert simple == ["산업", "이전", "적극", "유치"]
    assert [t.pos for t in terms if not t.compound] == [0, 1, 2, 3]


def test_korean_compounds_are_indexed_with_their_parts():
    text = "중서부지역의 산업단지"
    terms = {(t.text, t.start, t.end) for t in korean_terms(text)}
    for word in ("중서부지역", "중서부", "서부지역", "산업단지", "산업", "단지", "지역"):
        start = text.index(word)
        assert (word, start, start + len(word)) in terms, word


def test_korean_query_word_becomes_one_compound():
    assert korean_query_terms("산업이전을")[1] == "산업이전"
    assert korean_query_terms("노동집약형")[1] == "노동집약형"  # noun + suffix
    parts, whole = korean_query_terms("산업")
    assert [p.text for p in parts] == ["산업"] and whole is None


def test_korean_verbs_are_indexed_by_stem_over_their_surface():
    text = "전환을 다그치는 필요한"
    stem = next(t for t in korean_terms(text) if t.text == "다그치")
    assert text[stem.start : stem.end] == "다그치"


@pytest.mark.parametrize(
    ("text", "stem"), [("기업을 도왔다", "돕"), ("의견을 들었다", "듣"), ("아름다운 산천", "아름답"), ("돕다", "돕")]
)
def test_irregular_korean_stems_are_indexed_too(text, stem):
    """Kiwi tags an irregular stem VV-I / VA-I: it is a stem like any other, so 돕다 finds 도왔다."""
    assert stem in {t.text for t in korean_terms(text)}
    parts, _ = korean_query_terms("돕다")
    assert [t.text for t in parts] == ["돕"]


def test_notes_in_both_languages_are_analysed_by_script():
    terms = {t.text for t in mixed_terms("브리핑용 产业转移 요약")}
    assert {"브리핑", "产业", "转移", "요약"} <= terms


def test_seed_units_produce_terms_inside_their_text(library):
    library.import_corpus()
    document = library.documents.get(SEED_000_ID)
    for unit in document.units("ko")[:40]:
        for term in korean_terms(unit.text):
            assert 0 <= term.start < term.end <= len(unit.text)
    for unit in document.units("zh")[:40]:
        for term in chinese_terms(unit.text):
            assert fold(unit.text[term.start : term.end]) == term.text
