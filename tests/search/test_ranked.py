"""BM25-ranked search scored with numpy (``reader.search.ranked``) gives Whoosh's own
ranking: the same matches with the same scores (within float rounding), the same
top-k in the same order (ties in reading order), on the corpus's one small segment,
on an index split into segments with deleted entries, and on a segment of more than
5,000 entries (where Whoosh unites an ``Or`` with another matcher)."""

from __future__ import annotations

import itertools
import random

import numpy as np
import pytest
from whoosh import fields
from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh.analysis import SpaceSeparatedTokenizer

from reader.search import SearchIndex
from reader.search.ordered import first_matches
from reader.search.query import compile_query, parse_query
from reader.search.ranked import ranked_matches, ranked_scores
from reader.search.sequence import ExactSequence

from .test_reading_order import QUERIES as READING_ORDER_QUERIES

QUERIES = [
    *READING_ORDER_QUERIES,
    "转移",
    "産業",
    '"承接产业转移"',
    "산업단지",
    "산*",
    '"중서부 지역"',
    "产业 OR 转移 OR 西部",
    "承接 -产业",
]
#: Shapes left to Whoosh (a NOT inside an OR).
FALLBACK = {"转移 OR NOT 产业"}
#: What a ranked search returns at most in these tests (the panel asks for 50).
TOP = 50


def _canonical(pairs) -> list[tuple[float, int]]:
    """(score, docnum) best first, ties by document number, scores rounded so that
    sums taken in another order compare equal."""
    return sorted(((round(float(s), 9), int(d)) for d, s in pairs), key=lambda p: (-p[0], p[1]))


def _compare(searcher, query, prefixes=None) -> int:
    """Asserts that the numpy scores and top-k are Whoosh's; returns the number of matches.

    What matches is what Whoosh's matcher finds (the reading-order walk, which
    test_reading_order holds to it): Whoosh's scored search over several segments lets
    through an entry that the NOT of ``承接 -产业`` excludes (its array union matcher,
    skipped by block quality, misses the negative side), so its scored list is taken
    only for the entries that match.
    """
    matching = set(first_matches(searcher, query, 0, 10**9, prefixes))
    expected = [(hit.docnum, hit.score) for hit in searcher.search(query, limit=None) if hit.docnum in matching]
    scored = ranked_scores(searcher, query, prefixes)
    assert scored is not None, f"{query} is scored by the numpy path"
    docs, scores = scored
    assert sorted(docs.tolist()) == sorted(d for d, _ in expected)
    by_doc = dict(expected)
    np.testing.assert_allclose(scores, [by_doc[int(d)] for d in docs], rtol=1e-9, atol=1e-12)
    # Whoosh's ranking (its collector orders ties by document number) is the numpy path's.
    found = ranked_matches(searcher, query, 0, TOP, prefixes)
    assert found is not None
    best = _canonical(expected)[:TOP]
    assert _canonical((d, by_doc[d]) for d in found) == best
    assert found == [d for _, d in best]
    return len(expected)


def _compiled(index: SearchIndex, text: str):
    searcher = index._current_searcher()
    query = compile_query(parse_query(text), searcher.reader(), index._resolve_doc, vocabulary=index._vocabulary).query
    return searcher, query, index._prefix_terms(query)


@pytest.mark.parametrize("text", QUERIES)
def test_one_segment_ranks_as_whoosh(seeded, text):
    searcher, query, prefixes = _compiled(seeded.index, text)
    if text in FALLBACK:
        assert ranked_scores(searcher, query, prefixes) is None
        expected = [searcher.stored_fields(hit.docnum)["segment_id"] for hit in searcher.search(query, limit=TOP)]
        assert [h.segment_id for h in seeded.index.search(text, limit=TOP, ranked=True).hits] == expected
        return
    assert _compare(searcher, query, prefixes) > 0


@pytest.mark.parametrize("text", QUERIES)
def test_several_segments_with_deletions_rank_as_whoosh(segmented, text):
    searcher, query, prefixes = _compiled(segmented, text)
    assert not searcher.is_atomic() and searcher.reader().has_deletions()
    if text not in FALLBACK:
        _compare(searcher, query, prefixes)


@pytest.mark.parametrize("text", ["产业转移", "业", "산업* 유치", "产业 NOT 转移"])
def test_ranked_pages_are_whooshs_pages(segmented, text):
    """``index.search(ranked=True)`` pages through Whoosh's ranking (hits, highlights, has_more)."""
    searcher, query, _ = _compiled(segmented, text)
    expected = [searcher.stored_fields(hit.docnum)["segment_id"] for hit in searcher.search(query, limit=None)]
    scores = {hit.docnum: hit.score for hit in searcher.search(query, limit=None)}
    assert len(expected) > 10
    pages = []
    for offset in range(0, len(expected) + 10, 10):
        results = segmented.search(text, limit=10, offset=offset, ranked=True)
        assert results.has_more == (offset + 10 < len(expected))
        assert all(hit.highlights for hit in results.hits)
        pages.extend(h.segment_id for h in results.hits)
    assert sorted(pages) == sorted(expected)
    ids = {searcher.stored_fields(d)["segment_id"]: d for d in scores}
    ranked_scores_seen = [scores[ids[s]] for s in pages]
    assert all(a >= b - 1e-9 for a, b in itertools.pairwise(ranked_scores_seen))


def test_an_unknown_query_shape_falls_back_to_whoosh(seeded):
    searcher, _, _ = _compiled(seeded.index, "产业")
    query = wq.Or([wq.Term("zh", "产业"), wq.Term("zh", "转移")], minmatch=2)
    assert ranked_scores(searcher, query) is None
    assert ranked_matches(searcher, wq.Term("zh", "产业", boost=2.0), 0, 10) is None


# -- a segment of more than 5,000 entries -------------------------------------------
WORDS = ["产业", "产品", "产能", "转移", "承接", "西部", "地区", "发展", "合作", "创新"]
WORDS += [f"产{i:02d}" for i in range(40)] + [f"词{i:03d}" for i in range(200)]


@pytest.fixture(scope="module")
def large(tmp_path_factory):
    """A Whoosh index with the schema's field formats: 6,000 entries in one segment
    (one word in most of them), a second small segment,
    and deleted entries."""
    root = tmp_path_factory.mktemp("large")
    schema = fields.Schema(
        zh=fields.TEXT(analyzer=SpaceSeparatedTokenizer(), phrase=True, chars=True),
        lang=fields.ID(stored=True),
        n=fields.ID(stored=True, unique=True),
    )
    ix = whoosh_index.create_in(str(root), schema)
    rng = random.Random(18)
    weights = [1 / (rank + 1) ** 0.9 for rank in range(len(WORDS))]

    def add(writer, n: int) -> None:
        words = rng.choices(WORDS, weights, k=rng.randint(1, 14))
        if rng.random() < 0.6:
            words.append("的")  # in most entries
        if rng.random() < 0.3:
            words[rng.randrange(len(words)) :] = ["产业", "转移", *words[rng.randrange(len(words)) :]]
        writer.add_document(zh=" ".join(words), lang=rng.choice(["zh", "ko"]), n=str(n))

    writer = ix.writer(limitmb=64)
    for n in range(6000):
        add(writer, n)
    writer.commit()
    writer = ix.writer()
    for n in range(6000, 6300):
        add(writer, n)
    writer.commit(merge=False)
    writer = ix.writer()
    for n in range(0, 6300, 37):
        writer.delete_by_term("n", str(n))
    writer.commit(merge=False)
    with ix.searcher() as searcher:
        yield searcher


LARGE_QUERIES = [
    wq.Term("zh", "产业"),
    wq.Term("zh", "词150"),
    wq.And([wq.Term("zh", "产业"), wq.Term("zh", "西部")]),
    wq.Or([wq.Term("zh", "产业"), wq.Term("zh", "转移")]),
    wq.Or([wq.Term("zh", "产品"), wq.Term("zh", "转移"), wq.Term("zh", "词010")]),
    wq.Or([wq.Term("zh", w) for w in WORDS]),
    wq.AndNot(wq.Term("zh", "产业"), wq.Term("zh", "转移")),
    wq.Prefix("zh", "产"),
    wq.Prefix("zh", "产0"),
    wq.Prefix("zh", "词"),  # 200 terms
    wq.And([wq.Prefix("zh", "产"), wq.Term("lang", "ko")]),
    wq.Or(
        [
            wq.And([wq.Term("zh", "承接"), wq.Term("zh", "地区")]),
            wq.AndNot(wq.Term("zh", "合作"), wq.Term("zh", "发展")),
        ]
    ),
    wq.Or([wq.Term("zh", "的"), wq.Term("zh", "词150")]),
    wq.And([wq.Term("zh", "的"), wq.Term("zh", "西部")]),
    wq.Or([wq.Term("zh", "的"), wq.Term("lang", "ko"), wq.Term("zh", "词150")]),
    ExactSequence("zh", [("产业", 0), ("转移", 1)]),
    wq.Phrase("zh", ["产业", "转移"]),
    wq.And([ExactSequence("zh", [("产业", 0), ("转移", 1)]), wq.Term("lang", "zh")]),
]


def test_the_large_index_has_a_big_segment_a_small_one_and_deletions(large):
    sizes = [sub.doc_count_all() for sub, _ in large.subsearchers]
    assert max(sizes) > 5000 and min(sizes) <= 5000
    assert large.reader().has_deletions()


@pytest.mark.parametrize("query", LARGE_QUERIES, ids=repr)
def test_a_large_segment_ranks_as_whoosh(large, query):
    assert _compare(large, query) > 0


@pytest.mark.parametrize(
    "text", ["产业转移", "业", "产*", "산업* 유치", '"산업이전 유치"', "承接 -产业", "纺织 OR 服装"]
)
def test_ranked_highlights_are_read_from_the_postings_as_without_the_ranking(segmented, text):
    """Ranked hits are highlighted from the postings values the scoring read: the spans
    are those highlighting finds by reading the postings itself."""
    from reader.search.highlight import highlight_hits

    searcher, _, _ = _compiled(segmented, text)
    compiled = compile_query(
        parse_query(text), searcher.reader(), segmented._resolve_doc, vocabulary=segmented._vocabulary
    )
    results = segmented.search(text, limit=TOP, ranked=True)
    assert results.hits
    docnums = ranked_matches(searcher, compiled.query, 0, TOP, segmented._prefix_terms(compiled.query))
    assert docnums is not None
    stored = [searcher.stored_fields(n) for n in docnums]
    expected = highlight_hits(
        searcher, [(n, s["lang"], s["text"]) for n, s in zip(docnums, stored, strict=True)], compiled.leaves
    )
    assert [h.highlights for h in results.hits] == [expected[n] for n in docnums]
