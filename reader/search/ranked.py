"""BM25-ranked matches of a query, scored with numpy from the postings in bulk.

Whoosh's own ranked search builds a scorer for every term and scores each match in
Python, one matcher call at a time: a query that matches tens of thousands of entries
(common words, a prefix, a one-character query standing for hundreds of terms) takes
seconds. The scores themselves need only what the postings hold and the index's
statistics, so here each term's postings are read a block at a time (document numbers
and weights as arrays), and its BM25 contribution is computed for all its documents at
once, with Whoosh's very formula and statistics (``BM25F``'s B and K1, the index's
inverse document frequency, the average field length and each entry's field length as
Whoosh stores it, one byte). The combination follows Whoosh's matchers: a union or an
intersection adds its parts' scores, a difference keeps the positive side's, a field
that keeps no lengths (``lang``, ``doc``, tags) scores a term by its weight.

Only the query shapes listed in ``_Segment.evaluate`` are handled (terms, prefixes,
AND, OR, AND NOT, exact sequences and phrases, whose positions are checked for the
entries that have every term); anything else returns None and the caller asks
Whoosh. Results are ordered by score, ties by document number (reading order), as
Whoosh's top-N collector orders them.
"""

from __future__ import annotations

import itertools
import weakref
from collections import OrderedDict

import numpy as np
from whoosh import query as wq
from whoosh.matching.wrappers import FilterMatcher
from whoosh.scoring import BM25F
from whoosh.util.numeric import byte_to_length

from .ordered import Capture
from .sequence import ExactSequence

#: Decoded field length of each length byte (Whoosh stores lengths in one byte).
_LENGTHS = np.array([byte_to_length(b) for b in range(256)], dtype=np.float64)

#: Field lengths per segment reader and field, read once per reader.
_length_cache: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


#: Decoded positions by raw posting value: a term's values repeat (one occurrence at
#: the same position gives the same bytes), and decoding one is a pickle load.
_positions_cache: dict[bytes, tuple[int, ...]] = {}
_POSITIONS_CACHED = 200_000


def _positions_at(decode, values: list, rows) -> list[tuple[int, ...]]:
    """The positions of the postings at ``rows`` of a term's ``values``."""
    cache = _positions_cache
    out = []
    for i in rows:
        value = values[i]
        positions = cache.get(value)
        if positions is None:
            positions = tuple(decode(value))
            if len(cache) >= _POSITIONS_CACHED:
                cache.clear()
            cache[value] = positions
        out.append(positions)
    return out


class _Unsupported(Exception):
    """A query shape this module does not score: Whoosh does."""


class _Postings:
    """One term's postings in a segment: ascending document numbers, weights and
    (when asked for) the raw values, which hold the positions."""

    __slots__ = ("ids", "positions", "values", "weights")

    def __init__(self, ids: np.ndarray, weights: np.ndarray, values: list | None):
        self.ids = ids
        self.weights = weights
        self.values = values
        self.positions: tuple[np.ndarray, np.ndarray] | None = None

    def all_positions(self, decode) -> tuple[np.ndarray, np.ndarray]:
        """Every posting's positions, flat, and where each posting's start (``starts``,
        one more than the postings): decoded once per postings read, so a sequence
        compares positions with numpy."""
        if self.positions is None:
            decoded = _positions_at(decode, self.values or [], range(self.ids.size))
            counts = np.fromiter(map(len, decoded), dtype=np.int64, count=self.ids.size)
            starts = np.zeros(self.ids.size + 1, dtype=np.int64)
            np.cumsum(counts, out=starts[1:])
            flat = np.fromiter(itertools.chain.from_iterable(decoded), dtype=np.int64, count=int(starts[-1]))
            self.positions = (starts, flat)
        return self.positions


def _gather(starts: np.ndarray, flat: np.ndarray, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The positions of the postings at ``rows``, flat, with the index (into ``rows``)
    of the posting each came from."""
    counts = starts[rows + 1] - starts[rows]
    owner = np.repeat(np.arange(rows.size), counts)
    begin = np.repeat(starts[rows] - (np.cumsum(counts) - counts), counts)
    return flat[begin + np.arange(owner.size)], owner


def _read_postings(matcher, values: bool) -> _Postings:
    """All of a term's postings, a block at a time where the matcher is Whoosh's
    on-disk one (``W3LeafMatcher``), else one posting at a time."""
    if isinstance(matcher, FilterMatcher):  # deleted entries: masked out by the caller
        matcher = matcher.child
    ids_parts: list[np.ndarray] = []
    weight_parts: list[np.ndarray] = []
    value_list: list | None = [] if values else None
    if all(hasattr(matcher, name) for name in ("_read_data", "_goto", "_lastblock", "_byteids", "_blocklength")):
        while matcher.is_active():
            if matcher._data is None:
                matcher._read_data()
            data = matcher._data
            length = matcher._blocklength
            raw = np.asarray(data[0], dtype=np.int64)
            ids_parts.append(raw if matcher._byteids else np.cumsum(raw))
            weights = data[1]
            if weights is None:
                weight_parts.append(np.ones(length))
            elif isinstance(weights, float):
                weight_parts.append(np.full(length, weights))
            else:
                weight_parts.append(np.asarray(weights, dtype=np.float64))
            if value_list is not None:
                if matcher._values is None:
                    matcher._read_values()
                value_list.extend(matcher._values)
            if matcher._lastblock:
                break
            matcher._goto(matcher._nextoffset)
    else:  # another codec: the matcher interface
        ids, weights_, raw_values = [], [], []
        while matcher.is_active():
            ids.append(matcher.id())
            weights_.append(matcher.weight())
            if value_list is not None:
                raw_values.append(matcher.value())
            matcher.next()
        ids_parts.append(np.asarray(ids, dtype=np.int64))
        weight_parts.append(np.asarray(weights_, dtype=np.float64))
        if value_list is not None:
            value_list.extend(raw_values)
    if not ids_parts:
        return _Postings(np.zeros(0, dtype=np.int64), np.zeros(0), value_list)
    return _Postings(np.concatenate(ids_parts), np.concatenate(weight_parts), value_list)


class _PostingsCache:
    """The postings read last from one segment reader, least recently used out first
    past a budget (a posting costs 1, about 16 bytes; its kept value and decoded positions
    5 more)."""

    BUDGET = 2_000_000

    def __init__(self) -> None:
        self.entries: OrderedDict[tuple[str, str], _Postings] = OrderedDict()
        self.cost = 0

    @staticmethod
    def _cost(postings: _Postings) -> int:
        return postings.ids.size * (1 if postings.values is None else 6)

    def get(self, key: tuple[str, str], values: bool) -> _Postings | None:
        postings = self.entries.get(key)
        if postings is None or (values and postings.values is None):
            return None
        self.entries.move_to_end(key)
        return postings

    def put(self, key: tuple[str, str], postings: _Postings) -> None:
        old = self.entries.pop(key, None)
        if old is not None:
            self.cost -= self._cost(old)
        cost = self._cost(postings)
        if cost > self.BUDGET:
            return
        self.entries[key] = postings
        self.cost += cost
        while self.cost > self.BUDGET:
            _, dropped = self.entries.popitem(last=False)
            self.cost -= self._cost(dropped)


_postings_cache: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _field_lengths(reader, fieldname: str) -> np.ndarray:
    """Every entry's length in a field, as Whoosh's scorer reads it
    (``doc_field_length``: the stored byte, decoded)."""
    per_reader = _length_cache.setdefault(reader, {})
    if fieldname in per_reader:
        return per_reader[fieldname]
    count = reader.doc_count_all()
    perdoc = getattr(reader, "_perdoc", None)
    column = None
    if perdoc is not None and hasattr(perdoc, "_cached_reader"):
        from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield

        column = perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
    if column is not None and all(hasattr(column, a) for a in ("_dbfile", "_basepos", "_count", "_fixedlen")):
        stored = min(column._count, count)
        raw = np.frombuffer(column._dbfile.get(column._basepos, stored * column._fixedlen), dtype=np.uint8)
        codes = np.zeros(count, dtype=np.uint8)
        codes[:stored] = raw[:stored]
        lengths = _LENGTHS[codes]
    else:
        lengths = np.array(
            [reader.doc_field_length(n, fieldname, 1) or 0 for n in range(count)],
            dtype=np.float64,
        )
    per_reader[fieldname] = lengths
    return lengths


class _Segment:
    """Scores of a query over one segment: ``evaluate`` returns (matched, scores),
    arrays over the segment's document numbers."""

    def __init__(self, searcher, segment, prefixes: dict[tuple[str, str], list[str]]):
        self.top = searcher  # global statistics (idf, average length), as Whoosh's scorer takes them
        self.reader = segment.reader()
        self.count = self.reader.doc_count_all()
        self.prefixes = prefixes
        #: Every term looked up, with its postings (None: not in this segment), and the
        #: prefixes all of whose terms were: what highlighting can take from here.
        self.read: dict[tuple[str, str], _Postings | None] = {}
        self.whole_prefixes: set[tuple[str, str]] = set()
        weighting = searcher.weighting
        self.K1 = weighting.K1
        self.B = weighting.B
        self.field_B = weighting._field_B

    def empty(self) -> tuple[np.ndarray, np.ndarray]:
        return np.zeros(self.count, dtype=bool), np.zeros(self.count)

    def postings(self, fieldname: str, text: str, values: bool = True) -> _Postings | None:
        cache = _postings_cache.get(self.reader)
        if cache is None:
            cache = _postings_cache.setdefault(self.reader, _PostingsCache())
        key = (fieldname, text)
        postings = cache.get(key, values)
        if postings is None:
            if key not in self.reader:
                self.read[key] = None
                return None
            postings = _read_postings(self.reader.postings(fieldname, text), values)
            cache.put(key, postings)
        self.read[key] = postings
        return postings

    def term_scores(self, fieldname: str, text: str, postings: _Postings) -> np.ndarray:
        """Whoosh's score of the term in each of its documents (``BM25FScorer`` or,
        for a field without lengths, ``WeightScorer``)."""
        if not self.top.schema[fieldname].scorable:
            return postings.weights
        idf = self.top.idf(fieldname, text)
        avgfl = self.top.avg_field_length(fieldname) or 1
        B = self.field_B.get(fieldname, self.B)
        K1 = self.K1
        tf = postings.weights
        fl = _field_lengths(self.reader, fieldname)[postings.ids]
        return idf * ((tf * (K1 + 1)) / (tf + K1 * ((1 - B) + B * fl / avgfl)))

    def terms(self, fieldname: str, texts: list[str]) -> tuple[np.ndarray, np.ndarray, int]:
        """A union of terms of one field (an ``Or`` of ``Term``, a prefix) summing their
        scores, and how many of the terms this segment has."""
        matched, scores = self.empty()
        present = 0
        for text in texts:
            postings = self.postings(fieldname, text)
            if postings is None:
                continue
            present += 1
            matched[postings.ids] = True
            scores[postings.ids] += self.term_scores(fieldname, text, postings)  # ids are distinct within a term
        return matched, scores, present

    def preloaded(self, parts: int) -> bool:
        """Whether Whoosh unites ``parts`` subqueries of an ``Or`` in this segment with its
        array matcher (``PreloadedOr``) rather than a tree of union matchers: with
        many parts, or more than two in a segment of at most 5,000 entries (the rule of
        ``Or._matcher`` when no matcher needs the current posting, as in a search)."""
        return parts >= wq.Or.TOO_MANY_CLAUSES or (parts > 2 and self.count <= 5000)

    def sequence(self, fieldname: str, sequence: list[tuple[str, int]]) -> tuple[np.ndarray, np.ndarray]:
        """Entries where each term stands at its offset from the first; the score is the
        sum of the terms' (Whoosh's ``SequenceMatcher`` and phrase matcher wrap an
        intersection of the terms' scored matchers)."""
        lists = []
        for text, _ in sequence:
            postings = self.postings(fieldname, text, values=True)
            if postings is None:
                return self.empty()
            lists.append(postings)
        every = np.zeros(self.count, dtype=np.int16)
        for postings in lists:
            every[postings.ids] += 1
        common = np.flatnonzero(every == len(lists))  # ascending, like each term's ids
        matched, scores = self.empty()
        if not common.size:
            return matched, scores
        fmt = self.top.schema[fieldname].format
        decode = fmt.decoder("positions")
        rows = [np.searchsorted(p.ids, common) for p in lists]
        # Every (candidate, position of the first term) pair, kept while each other term
        # stands at its offset from it in that candidate: all pairs at once.
        first, owner = _gather(*lists[0].all_positions(decode), rows[0])
        stride = np.int64(1 << 32)
        alive = np.ones(first.size, dtype=bool)
        for postings, r, (_, offset) in zip(lists[1:], rows[1:], sequence[1:], strict=True):
            positions, owners = _gather(*postings.all_positions(decode), r)
            alive &= np.isin(owner * stride + first + offset, owners * stride + positions)
        ok = np.zeros(common.size, dtype=bool)
        ok[owner[alive]] = True
        keep = np.flatnonzero(ok)
        docs = common[np.asarray(keep, dtype=np.int64)]
        matched[docs] = True
        for (text, _), postings, r in zip(sequence, lists, rows, strict=True):
            kept = r[np.asarray(keep, dtype=np.int64)]
            term = _Postings(postings.ids[kept], postings.weights[kept], None)
            scores[docs] += self.term_scores(fieldname, text, term)
        return matched, scores

    def evaluate(self, query: wq.Query) -> tuple[np.ndarray, np.ndarray]:
        if getattr(query, "boost", 1.0) != 1.0:
            raise _Unsupported(query)
        if type(query) is wq.Term:
            matched, scores, _ = self.terms(query.fieldname, [query.text])
            return matched, scores
        if type(query) is wq.Prefix:
            texts = self.prefixes.get((query.fieldname, query.text))
            if texts is None:
                texts = list(self.reader.expand_prefix(query.fieldname, query.text))
            matched, scores, present = self.terms(query.fieldname, texts)
            self.whole_prefixes.add((query.fieldname, query.text))
            if present > 1 and self.preloaded(present):
                # A prefix's union is unscored (Whoosh's ``MultiTerm`` sets no weighting,
                # which only the array matcher heeds): 1 for every match.
                scores = matched.astype(np.float64)
            return matched, scores
        if type(query) is wq.Or:
            if query.minmatch or query.scale:
                raise _Unsupported(query)
            subqueries = query.subqueries
            if len(subqueries) == 1:
                return self.evaluate(subqueries[0])
            if (
                all(type(q) is wq.Term and q.boost == 1.0 for q in subqueries)
                and len({q.fieldname for q in subqueries}) == 1
            ):
                matched, scores, _ = self.terms(subqueries[0].fieldname, [q.text for q in subqueries])
            else:
                matched, scores = self.empty()
                for sub in subqueries:
                    m, s = self.evaluate(sub)
                    matched |= m
                    scores += s
            return matched, scores  # Whoosh's union matchers, tree or array, add the parts' scores
        if type(query) is wq.And:
            matched, scores = self.evaluate(query.subqueries[0])
            for sub in query.subqueries[1:]:
                m, s = self.evaluate(sub)
                matched &= m
                scores += s
            scores[~matched] = 0.0
            return matched, scores
        if type(query) is wq.AndNot:
            matched, scores = self.evaluate(query.a)
            negative, _ = self.evaluate(query.b)
            matched &= ~negative
            scores[~matched] = 0.0  # a union above adds the scores of its parts' matches only
            return matched, scores
        if type(query) is ExactSequence:
            return self.sequence(query.fieldname, query.sequence)
        if type(query) is wq.Phrase and query.slop == 1:
            return self.sequence(query.fieldname, [(word, i) for i, word in enumerate(query.words)])
        raise _Unsupported(query)


def _scored(searcher, query: wq.Query, prefixes) -> tuple[np.ndarray, np.ndarray, list[tuple[int, _Segment]]] | None:
    if type(searcher.weighting) is not BM25F:
        return None
    leaves = [(searcher, 0)] if searcher.is_atomic() else list(searcher.subsearchers)
    docnums, scores, parts = [], [], []
    try:
        for segment, base in leaves:
            part = _Segment(searcher, segment, prefixes or {})
            matched, score = part.evaluate(query)
            if part.reader.has_deletions():
                deleted = part.reader.deleted_docs_set
                if deleted:
                    matched[np.fromiter(deleted, dtype=np.int64)] = False
            found = np.flatnonzero(matched)
            docnums.append(found + base)
            scores.append(score[found])
            parts.append((base, part))
    except _Unsupported:
        return None
    if not docnums:
        return np.zeros(0, dtype=np.int64), np.zeros(0), parts
    return np.concatenate(docnums), np.concatenate(scores), parts


def ranked_scores(
    searcher, query: wq.Query, prefixes: dict[tuple[str, str], list[str]] | None = None
) -> tuple[np.ndarray, np.ndarray] | None:
    """Every match's global document number (ascending) and Whoosh's BM25F score of
    it, or None when the query or the weighting is not one this module scores."""
    scored = _scored(searcher, query, prefixes)
    return None if scored is None else scored[:2]


def _capture(parts: list[tuple[int, _Segment]], hits: list[int], capture: Capture) -> None:
    """What the postings read hold at the hits, for highlighting (see ``ordered.Capture``):
    every term looked up is known at every hit of its segment."""
    for base, part in parts:
        local = np.asarray([d - base for d in hits if base <= d < base + part.count], dtype=np.int64)
        if not local.size:
            continue
        docs = (local + base).tolist()
        for key, postings in part.read.items():
            if postings is not None and postings.values is None:
                continue  # nothing to tell: highlighting reads the postings itself
            for doc in docs:
                capture.known[doc].add(key)
            if postings is None or not postings.ids.size:
                continue
            rows = np.minimum(np.searchsorted(postings.ids, local), postings.ids.size - 1)
            values = postings.values or []
            held = capture.values[key]
            for doc, row, present in zip(docs, rows.tolist(), (postings.ids[rows] == local).tolist(), strict=True):
                if present:
                    held[doc] = values[row]
        for prefix in part.whole_prefixes:
            for doc in docs:
                capture.prefixes[doc].add(prefix)


def ranked_matches(
    searcher,
    query: wq.Query,
    offset: int,
    count: int,
    prefixes: dict[tuple[str, str], list[str]] | None = None,
    capture: Capture | None = None,
) -> list[int] | None:
    """Document numbers of the ranked matches ``offset`` to ``offset + count`` (best
    first, ties in index order, as Whoosh's top-N collector orders them), or None when
    the query or the weighting is not one this module scores as Whoosh does.
    ``capture`` receives what the terms' postings hold at the matches returned."""
    scored = _scored(searcher, query, prefixes)
    if scored is None:
        return None
    docs, scores, parts = scored
    wanted = offset + count
    if docs.size > wanted:
        # The ``wanted`` best: all above the wanted-th best score, then the first of
        # those equal to it.
        threshold = np.partition(scores, docs.size - wanted)[docs.size - wanted]
        above = np.flatnonzero(scores > threshold)
        tied = np.flatnonzero(scores == threshold)[: wanted - above.size]
        chosen = np.concatenate([above, tied])
    else:
        chosen = np.arange(docs.size)
    order = chosen[np.lexsort((docs[chosen], -scores[chosen]))]
    hits = [int(d) for d in docs[order][offset:wanted]]
    if capture is not None:
        _capture(parts, hits, capture)
    return hits
