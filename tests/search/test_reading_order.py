"""The fast reading-order walk (``reader.search.ordered``) finds exactly what Whoosh's
own matcher finds: the same hits in the same order, the same highlights and
counterparts, on one segment and on an index that updates have split into several
segments with deleted entries."""

from __future__ import annotations

import pytest

from reader.search import SearchIndex
from reader.search.highlight import highlight_hits
from reader.search.query import compile_query, parse_query

from .conftest import SEED_000_ID, SEED_002_ID

# The benchmark's queries and more: prefixes, one character, phrases, NOT, OR with
# NOT inside, filters.
QUERIES = [
    "产业转移",
    "西部",
    "產業轉移",
    "勞動密集型",
    "中西部地区",
    "承接 产业",
    "纺织 OR 服装",
    "产业 NOT 转移",
    '"产业园区"',
    "业",
    "制造*",
    "产*",
    "产* -产业",
    "lang:zh 环境保护",
    "体制机制 创新",
    "业 NOT 产业",
    "(纺织 OR 服装) 产业",
    "转移 OR NOT 产业",
    "산업이전",
    "산업이전을",
    "산업",
    "산업* 유치",
    "산* 지역",
    '"산업이전 유치"',
    "발전 NOT 산업",
    "인프라 OR 지역",
    "lang:ko 협력",
    "동부 연해지역",
    "产业 OR 산업",
    "2010",
]


def _reference(index: SearchIndex, text: str, **filters) -> list[tuple]:
    """Every hit as Whoosh's own matcher orders it, highlighted without the shared
    prefix expansion (each candidate looked up in the index)."""
    searcher = index._current_searcher()
    compiled = compile_query(
        parse_query(text), searcher.reader(), index._resolve_doc, vocabulary=index._vocabulary, **filters
    )
    matcher = compiled.query.matcher(searcher, searcher.boolean_context())
    docnums = []
    while matcher.is_active():
        docnums.append(matcher.id())
        matcher.next()
    stored = {n: searcher.stored_fields(n) for n in docnums}
    spans = highlight_hits(searcher, [(n, stored[n]["lang"], stored[n]["text"]) for n in docnums], compiled.leaves)
    return [
        (
            stored[n]["segment_id"],
            spans[n],
            stored[n].get("counterpart", ""),
            list(stored[n].get("counterpart_ids", [])),
        )
        for n in docnums
    ]


def _found(index: SearchIndex, text: str, limit: int = 5000, offset: int = 0, **filters) -> list[tuple]:
    results = index.search(text, limit=limit, offset=offset, **filters)
    return [(h.segment_id, h.highlights, h.counterpart, h.counterpart_ids) for h in results.hits]


@pytest.mark.parametrize("text", QUERIES)
def test_one_segment_gives_whooshs_hits_order_and_highlights(seeded, text):
    expected = _reference(seeded.index, text)
    assert expected, f"{text} finds something in the seeds"
    assert _found(seeded.index, text) == expected


def test_the_index_under_test_has_several_segments_and_deletions(segmented):
    searcher = segmented._current_searcher()
    assert not searcher.is_atomic()
    assert searcher.reader().has_deletions()


@pytest.mark.parametrize("text", QUERIES)
def test_several_segments_give_whooshs_hits_order_and_highlights(segmented, text):
    expected = _reference(segmented, text)
    assert _found(segmented, text) == expected
    assert all(not seg.startswith(f"{SEED_002_ID}-copy1") for seg, *_ in expected)


@pytest.mark.parametrize("text", ["产业", "业", "산업* 유치", "制造*"])
def test_pages_put_together_are_the_whole_list(segmented, text):
    expected = _reference(segmented, text)
    pages = [_found(segmented, text, limit=7, offset=offset) for offset in range(0, len(expected) + 7, 7)]
    assert [hit for page in pages for hit in page] == expected


@pytest.mark.parametrize(
    ("text", "filters"),
    [("产业", {"lang": "zh"}), ("산업", {"doc": SEED_000_ID}), ("业", {"doc": f"{SEED_000_ID}-copy2"})],
)
def test_filters_give_whooshs_hits(segmented, text, filters):
    expected = _reference(segmented, text, **filters)
    assert expected
    assert _found(segmented, text, **filters) == expected


def test_stored_fields_read_per_segment_are_whooshs(segmented):
    """Hits' stored fields come from each segment's per-document reader (no schema
    filter); across segments and deletions they are exactly Whoosh's own."""
    from reader.search.index import _stored_fields

    searcher = segmented._current_searcher()
    reader = searcher.reader()
    live = [n for n in range(reader.doc_count_all()) if not reader.is_deleted(n)]
    assert _stored_fields(searcher, live) == [searcher.stored_fields(n) for n in live]


def test_a_korean_query_word_is_analysed_once(seeded, monkeypatch):
    """The Korean field and the notes both need a query word's morphemes: Kiwi is asked once."""
    from reader.search import analysis

    asked: list[str] = []
    analyse = analysis.korean_text_morphemes
    monkeypatch.setattr(analysis, "korean_text_morphemes", lambda text: asked.append(text) or analyse(text))
    hits = seeded.index.search("산업이전을").hits
    assert hits and all("산업이전" in hit.text for hit in hits if hit.lang == "ko")
    assert asked == ["산업이전을"]


@pytest.mark.parametrize(
    "text", ["产业转移", "承接 产业", '"承接产业转移"', "산업* 유치", "制造*", "산업이전을", "产业 NOT 转移"]
)
def test_highlights_come_from_what_the_walk_saw(seeded, monkeypatch, text):
    """The walk keeps each term's posting at the hits it stands on: highlighting these
    queries opens no postings again, and its spans are the ones read from the index."""
    from reader.search.ordered import Capture, first_matches

    index = seeded.index
    searcher = index._current_searcher()
    compiled = compile_query(parse_query(text), searcher.reader(), index._resolve_doc, vocabulary=index._vocabulary)
    prefixes = index._prefix_terms(compiled.query)
    capture = Capture()
    docnums = first_matches(searcher, compiled.query, 0, 51, prefixes, capture)
    assert docnums
    hits = [(n, searcher.stored_fields(n)["lang"], searcher.stored_fields(n)["text"]) for n in docnums]
    expected = highlight_hits(searcher, hits, compiled.leaves, prefixes)
    opened: list[tuple[str, str]] = []
    reader = searcher.reader()
    postings = reader.postings
    monkeypatch.setattr(
        reader, "postings", lambda field, term, *a, **k: opened.append((field, term)) or postings(field, term, *a, **k)
    )
    assert highlight_hits(searcher, hits, compiled.leaves, prefixes, capture) == expected
    assert opened == []
