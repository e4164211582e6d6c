"""Sino-Korean readings, numbers, anchors of the structure, and the banded search."""

from __future__ import annotations

import numpy as np
import pytest

from reader.align import CostModel, align_document
from reader.align.anchors import find_anchors, heaviest_chain, label_number, structural_key
from reader.align.features import (
    chinese_numeral,
    document_features,
    is_translator_note,
    numbers_in,
    syllable_pairs,
)
from reader.align.readings import normalise_syllable, reading_table, sino_reading, to_traditional
from reader.model import Segment
from reader.text.importer import parse_files
from tests.conftest import SEED_000


def test_chinese_is_read_in_korean_through_traditional_characters():
    (traditional,) = to_traditional(["劳动密集型产业"])
    assert traditional == "勞動密集型產業"
    assert sino_reading(traditional) == "로동밀집형산업"
    assert "".join(map(normalise_syllable, sino_reading("勞動密集型"))) == "노동밀집형"  # the word-initial form
    assert normalise_syllable("로") == normalise_syllable("노") == "노"


def test_the_bundled_reading_table_covers_the_unified_ideographs():
    table = reading_table()
    assert len(table) > 27_000
    assert sum(0x4E00 <= ord(c) <= 0x9FFF for c in table) > 20_000
    assert [table[c] for c in "韓國大學漢字"] == list("한국대학한자")


@pytest.mark.parametrize(("a", "b"), [("력", "역"), ("률", "율"), ("량", "양"), ("녀", "여"), ("리", "이")])
def test_initial_sound_law_is_undone(a, b):
    assert normalise_syllable(a) == normalise_syllable(b)


def test_cognates_meet_across_languages():
    features = document_features(["劳动密集型产业。", "加强环境保护。"], ["노동집약형 산업.", "환경보호를 강화한다."])
    zh, ko = features.zh, features.ko
    assert {"노동", "산업"} <= zh[0].anchors & ko[0].anchors
    assert features.similarity(zh[0].anchors, ko[0].anchors) > features.similarity(zh[0].anchors, ko[1].anchors)
    assert features.similarity(zh[1].anchors, ko[1].anchors) > 0.3


def test_korean_syllable_pairs_bridge_one_space_only():
    assert "업분" in syllable_pairs("산업 분공")
    assert "업분" not in syllable_pairs("산업, 분공")


@pytest.mark.parametrize(
    ("text", "value"), [("二○一○", 2010), ("三十一", 31), ("二十八", 28), ("十", 10), ("一百二十", 120)]
)
def test_chinese_numerals(text, value):
    assert chinese_numeral(text) == value


def test_numbers_and_dates_meet():
    assert numbers_in("二○一○年八月三十一日，国发〔2010〕28号", "zh") == {"2010", "8", "31", "28"}
    assert numbers_in("进一步发展", "zh") == set()  # 一 inside a word is no number
    assert numbers_in("2010년 8월 31일", "ko") == {"2010", "8", "31"}


def test_a_latin_term_the_korean_transliterates_counts_as_its_syllables():
    zh = [
        "国际象棋可以使用 Chess Engine Communication Protocol 兼容的引擎。",
        "访问 https://habitica.com/party 获取 AOSP。",
    ]
    ko = [
        "체스 엔진 통신 프로토콜과 호환되는 엔진을 쓸 수 있습니다.",
        "https://habitica.com/party 에서 AOSP를 받으세요.",
    ]
    features = document_features(zh, ko)
    # 13 Han characters and 32 Latin letters the Korean does not keep, counted as
    # 3 + 3 + 7 + 4 (half of each word, rounded up): 30, not 45.
    assert features.zh[0].length == 13 + 17
    # A word and an address the Korean keeps as written count in full, on both sides.
    assert features.zh[1].length == 4 + len("httpshabiticacomparty") + 4
    assert features.ko[1].length == len("httpshabiticacomparty") + 4 + 7


def test_translator_notes_are_recognised():
    assert is_translator_note("(역주: 출양은 토지사용권 양도이다.)")
    assert is_translator_note("※ 역자 주: 가공무역은 …")
    assert is_translator_note("[역주] …")
    assert not is_translator_note("주요 산업을 육성한다.")


@pytest.mark.parametrize(("label", "number"), [("一", 1), ("（十一）", 11), ("1.", 1), ("(30)", 30), ("Ⅱ.", 2)])
def test_label_numbers(label, number):
    assert label_number(label) == number


def _segment(lang, path, kind, label, text):
    return Segment(f"{lang}.{path}.000000", lang, kind, label, text, None)


def test_clause_numbers_are_not_trusted_against_the_wording():
    """The translator dropped clause (五) and numbered the next one (5): (五)↔(5) share a
    number but not their wording, so they must not anchor; (六)↔(5) do agree."""
    zh = [
        _segment("zh", "p1.c1", "clause", "（四）", "能源矿产开发和加工业。"),
        _segment("zh", "p1.c2", "clause", "（五）", "农产品加工业。"),
        _segment("zh", "p1.c3", "clause", "（六）", "装备制造业。"),
    ]
    ko = [
        _segment("ko", "p1.c1", "clause", "(4)", "에너지 및 광산 개발과 가공업."),
        _segment("ko", "p1.c2", "clause", "(5)", "장비제조업."),
    ]
    features = document_features([s.text for s in zh], [s.text for s in ko])
    assert structural_key(zh[1]) == structural_key(ko[1]) == ("clause", "5")

    def evidence(i, j):
        return features.similarity(features.zh[i].anchors, features.ko[j].anchors)

    assert find_anchors(zh, ko, evidence) == [(0, 0), (2, 1)]


def test_items_of_lists_of_different_lengths_do_not_anchor_by_place():
    """The Korean list has an item the Chinese lacks: the third items are no pair just
    because both are third (app store listings: 更多... against 빠른 설정). Items of
    lists of the same length still anchor by place."""
    zh = [
        _segment("zh", "g1.i1", "item", "*", "* 科学计算器模式，"),
        _segment("zh", "g1.i2", "item", "*", "* 保存历史记录，"),
        _segment("zh", "g1.i3", "item", "*", "* 更多..."),
        _segment("zh", "g2.i1", "item", "*", "* 跨设备同步"),
        _segment("zh", "g2.i2", "item", "*", "* 离线可用"),
    ]
    ko = [
        _segment("ko", "g1.i1", "item", "*", "* 공학용 계산기"),
        _segment("ko", "g1.i2", "item", "*", "* 계산 기록"),
        _segment("ko", "g1.i3", "item", "*", "* 빠른 설정"),
        _segment("ko", "g1.i4", "item", "*", "* 더보기..."),
        _segment("ko", "g2.i1", "item", "*", "* 기기 간 동기화"),
        _segment("ko", "g2.i2", "item", "*", "* 오프라인 사용"),
    ]
    assert find_anchors(zh, ko, lambda i, j: 1.0) == [(3, 4), (4, 5)]


def test_heaviest_chain_keeps_order():
    candidates = [(0, 0, 1.0), (1, 3, 1.0), (2, 1, 1.0), (3, 2, 1.0), (4, 4, 1.0)]
    assert heaviest_chain(candidates, 5) == [(0, 0), (2, 1), (3, 2), (4, 4)]


def test_banded_search_finds_the_same_path_as_the_full_one():
    """The whole seed as one block (no structural anchors): the band around the
    diagonal must not cut off the best path."""
    from reader.align.aligner import BeadScorer, search_block

    document = parse_files([SEED_000])
    zh, ko = document.units("zh"), document.units("ko")
    features = document_features([s.text for s in zh], [s.text for s in ko])

    def path(model):
        beads = search_block(BeadScorer(zh, ko, features, model), 0, len(zh), 0, len(ko))
        return [(b.i, b.a, b.j, b.b) for b in beads]

    full = path(CostModel())
    assert path(CostModel(full_search_cells=0, band=20)) == full
    assert sum(a == b == 1 for _, a, _, b in full) > 150


@pytest.mark.parametrize("name", ["seed000", "app-descriptions", "chess-rules", "habitica-faq"])
def test_vectorised_search_finds_the_path_of_the_python_search(name, tmp_path):
    """Without the encoder, the numpy search (every bead cost of a block at once, the
    merge support included) makes the same beads at the same total cost as the search
    that scores one bead at a time."""
    from reader.align import banded
    from reader.align.aligner import BeadScorer, search_block_python
    from tests.align import corpus

    evaluation_set = next(s for s in corpus.all_sets() if s.name == name)
    document = parse_files(evaluation_set.files(tmp_path))
    zh, ko = document.units("zh"), document.units("ko")
    scorer = BeadScorer(zh, ko, document_features([s.body for s in zh], [s.body for s in ko]), CostModel())
    one_at_a_time = search_block_python(scorer, 0, len(zh), 0, len(ko))
    vectorised = banded.search_block(scorer, 0, len(zh), 0, len(ko))
    assert [(b.i, b.a, b.j, b.b) for b in vectorised] == [(b.i, b.a, b.j, b.b) for b in one_at_a_time]
    # the same costs up to banded.log_erfc, whose error (1.5e-7 of erfc) is relative in
    # the tail: about 1e-4 of a bead whose lengths are a thousand to one against it
    assert sum(b.cost for b in vectorised) == pytest.approx(sum(b.cost for b in one_at_a_time), rel=1e-5)
    assert any(b.a > 1 or b.b > 1 for b in vectorised)  # merged beads were scored too


def _links(beads) -> list[tuple]:
    """The links a path makes: a unit left alone is the same link whichever side's
    one-sided bead comes first (a Chinese 1-0 before a Korean 0-1 or after it cost the
    same, and the two searches may break that tie differently)."""
    return sorted(
        ("both", b.i, b.a, b.j, b.b) if b.a and b.b else (("zh", b.i, b.a) if b.a else ("ko", b.j, b.b)) for b in beads
    )


@pytest.mark.parametrize("name", ["seed000", "habitica-faq"])
def test_with_meaning_the_vectorised_search_finds_the_path_of_the_python_search(name, tmp_path):
    """The same with vectors (random ones around a meaning shared by units at the same
    relative place, enough to exercise the meaning evidence of every bead shape)."""
    from reader.align import banded
    from reader.align.aligner import BeadScorer, search_block_python
    from reader.align.embeddings import normalised
    from tests.align import corpus

    evaluation_set = next(s for s in corpus.all_sets() if s.name == name)
    document = parse_files(evaluation_set.files(tmp_path))
    zh, ko = document.units("zh"), document.units("ko")
    rng = np.random.default_rng(3)
    meanings = rng.normal(size=(len(zh), 32))
    zh_vectors = normalised(meanings + 0.5 * rng.normal(size=meanings.shape)).astype(np.float32)
    places = [min(len(zh) - 1, k * len(zh) // len(ko)) for k in range(len(ko))]
    ko_vectors = normalised(meanings[places] + 0.5 * rng.normal(size=(len(ko), 32))).astype(np.float32)
    features = document_features([s.body for s in zh], [s.body for s in ko])
    scorer = BeadScorer(zh, ko, features, CostModel(), vectors=(zh_vectors, ko_vectors))
    assert scorer.params.meaning_llr is not None
    one_at_a_time = search_block_python(scorer, 0, len(zh), 0, len(ko))
    vectorised = banded.search_block(scorer, 0, len(zh), 0, len(ko))
    assert _links(vectorised) == _links(one_at_a_time)
    # cosines in float32, summed in another order by the matrix product: 1e-7 of a
    # cosine, times the steepest slope of the evidence (about 100 nats per unit)
    assert sum(b.cost for b in vectorised) == pytest.approx(sum(b.cost for b in one_at_a_time), abs=1e-4 * len(zh))
    assert any(b.a > 1 or b.b > 1 for b in vectorised)


def test_monolingual_document_has_no_alignment():
    from tests.conftest import SEED_002

    assert align_document(parse_files([SEED_002])) == []


def test_latin_words_and_addresses_are_anchors_on_both_sides():
    from reader.align.features import latin_words

    assert latin_words("如果您有任何疑问，请尽管反馈至mobile@habitica.com !") == {"@mobile@habitica.com"}
    assert latin_words("질문이 있으시면 mobile@habitica.com으로 피드백을 보내주세요!") == {"@mobile@habitica.com"}
    assert latin_words("使用 Python OpenGL 和 GtkGLExt 库") == {"@python", "@opengl", "@gtkglext"}
    assert latin_words("第 a 条") == set()  # one letter is a list mark, not a word
    features = document_features(["基于 AOSP 的时钟。", "离线。"], ["AOSP 기반의 시계입니다.", "오프라인입니다."])
    assert "@aosp" in features.zh[0].anchors & features.ko[0].anchors


def test_agreeing_numbering_anchors_headings_whatever_their_wording(tmp_path):
    """chess-rules numbers its articles 第三条 … 第十一条 and 제 3 조 … 제 11 조 in both
    languages; 第九条 空余移动规则 / 제 9 조 (말의 움직임에 대한 추가 규칙) share no
    cognate, and before, the run after it was linked one sentence off."""
    from tests.align import corpus

    evaluation_set = next(s for s in corpus.all_sets() if s.name == "chess-rules")
    document = parse_files(evaluation_set.files(tmp_path))
    by_id = {s.id: s for s in document.segments}
    links = align_document(document, encoder=False)
    heading = next(link for link in links if any(by_id[i].text.startswith("第九条") for i in link.zh_ids))
    assert [by_id[i].text for i in heading.ko_ids] == ["제 9 조 (말의 움직임에 대한 추가 규칙)"]


def test_a_sentence_that_opens_its_numbered_clause_marks_where_the_clause_starts(tmp_path):
    """gpl2-licence numbers its sections 〇、… 十二、 and 제 0 항. … 제 12 항. inside their
    first sentences (too long for headings, so the clauses have no text of their own).
    Those sentences carry their clause's number to the anchors, and the sections start
    together in both languages: before, the two Korean-only paragraphs at the end of
    section 2 pulled 三、你可以… onto the first of them, and section 3's a) b) c) went
    one off. The translator may still split such a sentence: it is a boundary, not a
    fixed 1-1 link."""
    from reader.align.anchors import clause_openers
    from tests.align import corpus

    evaluation_set = next(s for s in corpus.all_sets() if s.name == "gpl2-licence")
    document = parse_files(evaluation_set.files(tmp_path))
    by_id = {s.id: s for s in document.segments}
    openers = clause_openers(document.segments)
    assert all(by_id[i].kind == "sentence" for i in openers)
    # a section whose first sentence is short enough is a heading with a number of its own
    numbers = {
        lang: [
            key[1]
            for s in document.units(lang)
            if (key := openers.get(s.id) or structural_key(s)) and key[0] in ("part", "clause")
        ]
        for lang in ("zh", "ko")
    }
    assert numbers["zh"] == numbers["ko"] == [str(n) for n in range(13)]
    assert sum(i.startswith("zh.") for i in openers) >= 5 and sum(i.startswith("ko.") for i in openers) >= 5
    links = align_document(document, encoder=False)
    section = next(link for link in links if any(by_id[i].text.startswith("三、") for i in link.zh_ids))
    assert [by_id[i].text[:7] for i in section.ko_ids] == ["제 3 항. "]
    unpinned_splits = [link for link in links if len(link.zh_ids) == 1 and len(link.ko_ids) > 1]
    assert any(by_id[link.ko_ids[0]].text.startswith("제 ") for link in unpinned_splits)


def test_lexical_evidence_is_learnt_from_the_document():
    """Sharing no anchor counts against a pair where true pairs nearly always share
    some (a faithful translation), and hardly at all where they often share none."""
    from reader.align.estimate import lexical_evidence

    chance = np.array([0.0] * 80 + [0.2] * 20)
    faithful = lexical_evidence(np.array([0.0] * 2 + [0.6] * 98), chance)
    free = lexical_evidence(np.array([0.0] * 70 + [0.4] * 30), chance)
    assert faithful[0] < free[0] <= 0.0
    assert faithful[0] < -2.0 and free[0] > -0.3
    assert (faithful[1:] >= 0).all() and (free[1:] >= 0).all()


def test_length_model_is_learnt_from_one_to_one_links():
    from reader.align.estimate import length_model

    zh = np.array([20.0, 40.0, 30.0, 25.0])
    ratio, variance = length_model(zh, zh * 1.5, 2.0, 6.8)
    assert ratio == pytest.approx(1.5) and variance == 2.0  # exact translations: the floor
    ratio, variance = length_model(zh, zh * np.array([0.5, 2.5, 1.0, 2.0]), 2.0, 6.8)
    assert variance > 2.0


def test_meaning_evidence_is_learnt_from_the_document_and_ignores_its_wrong_links():
    """The first pass's links: four in five true pairs (cosine about 0.65), one in
    five wrong (chance, about 0.15). The mixture finds the true pairs' mean, a chance
    cosine counts against a pair as much as a true one counts for it, and the
    evidence never falls as the cosine rises."""
    from reader.align.estimate import COSINE_GRID, meaning_evidence

    rng = np.random.default_rng(1)
    chance = rng.normal(0.15, 0.08, 2000)
    linked = np.concatenate([rng.normal(0.65, 0.1, 80), rng.normal(0.15, 0.08, 20)])
    llr, chance_mean, true_mean, spread = meaning_evidence(linked, chance)
    assert abs(chance_mean - 0.15) < 0.02 and abs(spread - 0.08) < 0.02
    assert abs(true_mean - 0.65) < 0.04
    at = dict(zip(np.round(COSINE_GRID, 2), llr, strict=True))
    assert at[0.15] < -4.0 and at[0.65] > 4.0
    assert at[0.15] >= np.log(0.01) - 1e-6  # bounded: a true pair looks like chance now and then
    assert np.all(np.diff(llr) >= -1e-12)
    # Past a typical translation a closer one still earns a little more (one nat per
    # spread of the true pairs, about 0.1 here), so of two rival pairings that both
    # look true the closer wins; below it nothing changed.
    assert 2.5 < at[0.95] - at[0.65] < 3.5


def test_with_meaning_a_list_the_other_side_lacks_stays_one_sided():
    """Vectors made so that the Korean has no counterpart for the Chinese list in the
    middle (independent cosines near chance) while the text around it agrees: the list
    is left one-sided, not paired item by item with what follows."""
    from reader.align.aligner import align_beads

    rng = np.random.default_rng(2)
    dimensions = 64
    meanings = rng.normal(size=(12, dimensions))
    zh_rows = [*range(4), *range(4, 8), *range(8, 12)]  # 4..7: the list the Korean lacks
    ko_rows = [0, 1, 2, 3, 8, 9, 10, 11]
    zh = [_segment("zh", f"g1.s{k}", "sentence", "", "甲乙丙丁戊己庚辛壬癸。") for k in range(12)]
    ko = [_segment("ko", f"g1.s{k}", "sentence", "", "가나다라마바사아자차카타파하.") for k in range(8)]
    vectors = {}
    for segment, row in zip(zh, zh_rows, strict=True):
        vectors[segment.id] = meanings[row] + 0.3 * rng.normal(size=dimensions)
    for segment, row in zip(ko, ko_rows, strict=True):
        vectors[segment.id] = meanings[row] + 0.3 * rng.normal(size=dimensions)
    beads, _ = align_beads(zh, ko, vectors=vectors)
    pairs = {(b.i, b.j) for b in beads if b.a == 1 and b.b == 1}
    assert {(0, 0), (1, 1), (2, 2), (3, 3), (8, 4), (9, 5), (10, 6), (11, 7)} <= pairs
    assert all(b.b == 0 for b in beads if 4 <= b.i < 8)


def test_a_heading_merged_with_the_sentence_before_it_crosses_a_boundary(tmp_path):
    """A heading or item starts its section: merged after the unit before it, it pays the
    crossing of a paragraph boundary on top of its merge cost (chess-manual: the next
    section's heading was merged into the last sentence of the section before)."""
    from reader.align.aligner import _crossings
    from tests.align import corpus

    evaluation_set = next(s for s in corpus.all_sets() if s.name == "chess-manual")
    zh = parse_files(evaluation_set.files(tmp_path)).units("zh")
    heading = next(k for k, s in enumerate(zh) if s.body == "国际象棋机器人引擎")
    assert zh[heading].kind == "part" and zh[heading - 1].kind == "sentence"
    assert _crossings(zh, 0.8)[heading] == 0.8


def test_a_merge_across_a_paragraph_boundary_costs_as_much_as_a_unit_left_alone(tmp_path):
    """news-dont-panic: 쿠버네티스는 v1.20 이후 … and **당황할 필요는 없습니다. 말처럼 극적이진
    않습니다.** are two paragraphs, and so are their Chinese. With the cost of merging a
    heading (0.8 nats) for the boundary, length and cognates alone gave the first
    sentence of the second paragraph to the sentence before it; the gold links of the
    corpus cross a paragraph boundary about once in 90 merges, and a crossing now costs
    what leaving a unit without counterpart does."""
    from tests.align import corpus

    evaluation_set = next(s for s in corpus.all_sets() if s.name == "news-dont-panic")
    document = parse_files(evaluation_set.files(tmp_path))
    by_id = {s.id: s for s in document.segments}
    links = align_document(document, encoder=False)
    calm = next(link for link in links if any(by_id[i].text.startswith("不必慌张") for i in link.zh_ids))
    assert [by_id[i].text for i in calm.ko_ids] == ["당황할 필요는 없습니다.", "말처럼 극적이진 않습니다."]
