"""Queries on the seeds with their expected hits and highlight offsets.

Expected hits are computed from the real texts (every unit that contains the
word), never written down by hand; highlights are checked against the text.
"""

from __future__ import annotations

import pytest

from .conftest import SEED_000_ID, SEED_002_ID

# query → the string every hit must contain and that every highlight must cover
CHINESE = [
    ("西部", "西部"),  # inside 中西部
    ("转移", "转移"),  # inside 产业转移
    ("产业转移", "产业转移"),
    ("中西部地区", "中西部地区"),
    ("劳动密集型", "劳动密集型"),
    ("承接", "承接"),
]

FOLDED = [
    ("產業轉移", "产业转移"),  # traditional
    ("産業", "产业"),  # Japanese shinjitai
    ("勞動密集型", "劳动密集型"),  # Korean Hanja (traditional forms)
    ("經濟", "经济"),
    ("発展", "发展"),  # Japanese 発 → 发
]

KOREAN = [
    ("산업이전", "산업이전"),
    ("중서부", "중서부"),
    ("산업단지", "산업단지"),
    ("노동집약형", "노동집약형"),
]


def _assert_highlights(hit, needle: str) -> None:
    covered = [hit.text[start:end] for start, end in hit.highlights]
    assert needle in covered, (hit.text, covered)
    for start, end in hit.highlights:
        assert 0 <= start < end <= len(hit.text)


@pytest.mark.parametrize(("query", "needle"), CHINESE + FOLDED)
def test_chinese_queries_find_every_sentence_with_the_word(seeded, query, needle):
    expected = seeded.ids_containing(needle, "zh")
    assert expected, f"the seeds contain {needle}"
    results = seeded.index.search(query, lang="zh", limit=2000)
    assert {h.segment_id for h in results.hits} == expected
    for hit in results.hits:
        _assert_highlights(hit, needle)


@pytest.mark.parametrize(("query", "needle"), KOREAN)
def test_korean_queries_find_every_sentence_with_the_word(seeded, query, needle):
    expected = seeded.ids_containing(needle, "ko")
    assert expected
    results = seeded.index.search(query, lang="ko", limit=2000)
    assert {h.segment_id for h in results.hits} == expected
    for hit in results.hits:
        _assert_highlights(hit, needle)


def test_folded_and_simplified_queries_give_the_same_hits(seeded):
    assert seeded.hit_ids("產業轉移") == seeded.hit_ids("产业转移")
    assert seeded.hit_ids("勞動密集型") == seeded.hit_ids("劳动密集型")
    assert seeded.hit_ids("産業") == seeded.hit_ids("产业")


def test_word_inside_a_longer_word_is_highlighted_exactly(seeded):
    title = seeded.documents[SEED_000_ID].units("zh")[0]
    assert "中西部" in title.text
    hit = next(h for h in seeded.index.search("西部", limit=2000).hits if h.segment_id == title.id)
    start = title.text.index("西部")
    assert hit.highlights == [[start, start + 2]]
    hit = next(h for h in seeded.index.search("转移", limit=2000).hits if h.segment_id == title.id)
    start = title.text.index("转移")
    assert title.text[start - 2 : start] == "产业"
    assert hit.highlights == [[start, start + 2]]


def test_korean_particles_do_not_block_a_match(seeded):
    with_particle = seeded.hit_ids("산업이전을", lang="ko")
    assert with_particle == seeded.ids_containing("산업이전", "ko")
    sentence = next(u for _, u in seeded.units("ko") if "산업이전을" in u.text)
    hit = next(h for h in seeded.index.search("산업이전을", limit=2000).hits if h.segment_id == sentence.id)
    start = sentence.text.index("산업이전을")
    assert [start, start + 4] in hit.highlights  # the noun, not its particle


def test_korean_word_finds_its_compounds(seeded):
    hits = seeded.hit_ids("산업", lang="ko")
    assert seeded.ids_containing("산업이전", "ko") <= hits
    assert seeded.ids_containing("산업단지", "ko") <= hits
    texts = [h.text[s:e] for h in seeded.index.search("산업", lang="ko", limit=2000).hits for s, e in h.highlights]
    assert set(texts) == {"산업"}


def test_korean_verb_is_found_by_its_dictionary_form(seeded):
    # 다그치는 / 다그치고 and the contracted 다그쳐 (다그치 + 어) are all the verb 다그치다.
    expected = seeded.ids_containing("다그치", "ko") | seeded.ids_containing("다그쳐", "ko")
    assert seeded.ids_containing("다그쳐", "ko")
    results = seeded.index.search("다그치다", limit=2000)
    assert {h.segment_id for h in results.hits} == expected
    for hit in results.hits:
        assert {hit.text[s:e] for s, e in hit.highlights} <= {"다그치", "다그쳐"}


def test_a_sentence_shows_its_aligned_counterpart(seeded):
    links = seeded.library.links.get(SEED_000_ID)
    link = next(
        lk for lk in links if len(lk.zh_ids) == 1 and len(lk.ko_ids) == 1 and "产业转移" in _text(seeded, lk.zh_ids[0])
    )
    hit = next(h for h in seeded.index.search("产业转移", limit=2000).hits if h.segment_id == link.zh_ids[0])
    assert hit.counterpart_ids == link.ko_ids
    assert hit.counterpart == _text(seeded, link.ko_ids[0])
    back = next(h for h in seeded.index.search("lang:ko 산업", limit=2000).hits if h.segment_id == link.ko_ids[0])
    assert back.counterpart == _text(seeded, link.zh_ids[0])


def _text(seeded, segment_id: str) -> str:
    document = seeded.documents[SEED_000_ID]
    return next(s.text for s in document.segments if s.id == segment_id)


def test_chinese_only_document_has_no_counterpart(seeded):
    hits = seeded.index.search(f"doc:{SEED_002_ID} 制造业", limit=2000).hits
    assert hits
    assert all(h.doc == SEED_002_ID and h.counterpart == "" for h in hits)


def test_hits_carry_part_and_clause_labels(seeded):
    document = seeded.documents[SEED_000_ID]
    clause = next(s for s in document.segments if s.kind == "clause" and s.lang == "zh")
    sentence = next(s for s in document.segments if s.parent == clause.id and s.kind == "sentence")
    part = next(s for s in document.segments if s.id == clause.parent)
    word = sentence.text[:4]
    hit = next(h for h in seeded.index.search(f'"{word}"', limit=2000).hits if h.segment_id == sentence.id)
    assert hit.clause == clause.text == "（一）指导思想。"
    assert hit.part == part.text == "一、总体要求"


def test_hits_come_in_reading_order(seeded):
    hits = seeded.index.search("产业", lang="zh", limit=2000).hits
    order = {doc: [u.id for u in seeded.documents[doc].units("zh")] for doc in seeded.documents}
    for doc in order:
        positions = [order[doc].index(h.segment_id) for h in hits if h.doc == doc]
        assert positions == sorted(positions)
        assert [h.position for h in hits if h.doc == doc] == positions


def test_paging_with_offset_continues_where_the_first_page_stopped(seeded):
    everything = [h.segment_id for h in seeded.index.search("产业", limit=2000).hits]
    first = seeded.index.search("产业", limit=10)
    second = seeded.index.search("产业", limit=10, offset=10)
    assert first.has_more and len(everything) > 20
    assert [h.segment_id for h in first.hits + second.hits] == everything[:20]


def test_ranked_search_returns_the_same_hits_best_first(seeded):
    plain = seeded.hit_ids("产业转移")
    ranked = seeded.index.search("产业转移", limit=2000, ranked=True)
    assert {h.segment_id for h in ranked.hits} == plain
