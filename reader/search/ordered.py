"""The first matches of a query in reading order, without scoring.

Reading order is index order (document number), so the default search only has to
walk the postings of its terms up to the ``limit``-th common document. Whoosh's own
matchers would do that too, but ``Searcher.postings`` gives every term a BM25 scorer
even in a boolean context, and an ``Or`` over a prefix's or a character's terms opens
every one of those terms' postings (in every segment) before the first step. Here:

- a term's postings are opened without a scorer;
- a union of terms opens a term's postings only when the walk reaches its first
  document (its term info knows its lowest and highest document number), and drops
  it unread once the walk is past its last one; a union of many terms whose hits
  lie far into the index is therefore never read;
- each segment is walked in turn, so no ``MultiMatcher`` is built.

Only the order of work changes, never the set of matches: anything this module does
not know (``Not`` inside an ``Or``, a Whoosh ``Phrase``) is left to Whoosh's matcher
for that segment.

The walk also keeps what highlighting needs (``Capture``): at each hit, every term
cursor standing on it holds that term's posting there, whose value is where the term
occurs in the text. A cursor is *exact* at a hit when it stands on the first match at
or after the hit: then it stands on the hit exactly when its term occurs there, so a
term it does not hold is known to be absent. The cursors of a union, of a difference
and of a union of terms are exact whenever their parent is; those of an intersection or
a sequence only when it matches the hit itself (under a union it may stand beyond it).
Highlights then read the postings again only for what the walk could not tell.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Sequence

from whoosh import query as wq
from whoosh.reading import TermNotFound

from .sequence import ExactSequence, SequenceMatcher

_END = 2**63


Key = tuple[str, str]  # (field, term)


class Capture:
    """What the walk saw of the query's terms at each hit (global document numbers).

    ``values[(field, term)][docnum]``: the term's raw posting value in that hit;
    ``known[docnum]``: terms whose presence at that hit is certain (present exactly when
    they have a value); ``prefixes[docnum]``: prefixes (field, prefix) all of whose
    terms at that hit are in ``values``.
    """

    def __init__(self) -> None:
        self.values: dict[Key, dict[int, bytes]] = defaultdict(dict)
        self.known: dict[int, set[Key]] = defaultdict(set)
        self.prefixes: dict[int, set[Key]] = defaultdict(set)

    def hold(self, key: Key, docnum: int, matcher) -> None:
        self.values[key][docnum] = matcher.value()


class _Cursor:
    """What a step of the walk needs: ``active``, ``id``, ``next`` and ``skip_to``
    (to the first match at or after a document number); ``note`` records, for a cursor
    exact at ``target``, what its terms hold there (``docnum`` is the global number)."""

    def note(self, target: int, docnum: int, capture: Capture) -> None:
        """Nothing is known of an opaque cursor (a Whoosh matcher)."""

    def active(self) -> bool:
        raise NotImplementedError

    def id(self) -> int:
        raise NotImplementedError

    def next(self) -> None:
        raise NotImplementedError

    def skip_to(self, target: int) -> None:
        raise NotImplementedError


class _Whoosh(_Cursor):
    """A Whoosh matcher (which raises when moved past its end) as a cursor."""

    def __init__(self, matcher):
        self.m = matcher

    def active(self) -> bool:
        return self.m.is_active()

    def id(self) -> int:
        return self.m.id()

    def next(self) -> None:
        if self.m.is_active():
            self.m.next()

    def skip_to(self, target: int) -> None:
        if self.m.is_active() and self.m.id() < target:
            self.m.skip_to(target)


class _Term(_Whoosh):
    """One term's postings."""

    def __init__(self, matcher, key: Key):
        super().__init__(matcher)
        self.key = key

    def note(self, target: int, docnum: int, capture: Capture) -> None:
        capture.known[docnum].add(self.key)
        if self.m.is_active() and self.m.id() == target:
            capture.hold(self.key, docnum, self.m)


class _Sequence(_Whoosh):
    """Terms at fixed distances (a ``SequenceMatcher``): its terms' postings stand on a
    hit only when the sequence matches it."""

    def __init__(self, matcher, keys: list[Key]):
        super().__init__(matcher)
        self.keys = keys

    def note(self, target: int, docnum: int, capture: Capture) -> None:
        if self.m.is_active() and self.m.id() == target:
            for key, matcher in zip(self.keys, self.m.ms, strict=True):
                capture.known[docnum].add(key)
                capture.hold(key, docnum, matcher)


class _Nothing(_Cursor):
    """No match: a term (``key``) this segment does not have, or a sequence one of whose terms it lacks."""

    def __init__(self, key: Key | None = None):
        self.key = key

    def note(self, target: int, docnum: int, capture: Capture) -> None:
        if self.key is not None:
            capture.known[docnum].add(self.key)

    def active(self) -> bool:
        return False

    def id(self) -> int:
        raise ValueError("no current match")

    def next(self) -> None:
        pass

    def skip_to(self, target: int) -> None:
        pass


class _TermUnion(_Cursor):
    """Documents with any of the terms, opening each term's postings only when needed.

    ``pending`` holds the terms not opened yet, by their first document; every term
    whose first document is at or before the current match is open (in the heap).
    """

    def __init__(self, reader, field: str, terms: Sequence[str], prefix: str | None = None):
        self.reader = reader
        self.field = field
        self.prefix = prefix  # the prefix the terms stand for, if they do
        pending = []
        for text in terms:
            try:
                info = reader.term_info(field, text)
            except TermNotFound:
                continue
            first, last = info.min_id(), info.max_id()  # None when the codec did not record them
            pending.append((0 if first is None else first, _END if last is None else last, text))
        pending.sort(reverse=True)  # popped from the end: lowest first document first
        self.pending = pending
        self.heap: list[tuple[int, int, _Term]] = []
        self.floor = 0  # no match below this
        self.serial = 0
        self._settle()

    def _open(self, text: str) -> None:
        cursor = _Term(self.reader.postings(self.field, text), (self.field, text))
        cursor.skip_to(self.floor)
        if cursor.active():
            self.serial += 1
            heapq.heappush(self.heap, (cursor.id(), self.serial, cursor))

    def _settle(self) -> None:
        pending, heap = self.pending, self.heap
        while pending:
            first, last, text = pending[-1]
            if last < self.floor:
                pending.pop()  # all its documents lie behind the walk
                continue
            if heap and first > heap[0][0]:
                break
            pending.pop()
            self._open(text)

    def active(self) -> bool:
        return bool(self.heap)

    def id(self) -> int:
        return self.heap[0][0]

    def note(self, target: int, docnum: int, capture: Capture) -> None:
        """The open terms standing on ``target`` are all the terms there: the others
        start after the walk's position or ended before it."""
        heap = self.heap
        if self.prefix is not None:
            capture.prefixes[docnum].add((self.field, self.prefix))
        stack = [0] if heap else []
        while stack:
            i = stack.pop()
            entry = heap[i]
            if entry[0] != target:
                continue  # the heap's order: nothing below it stands on the target either
            cursor = entry[2]
            capture.hold(cursor.key, docnum, cursor.m)
            stack.extend(j for j in (2 * i + 1, 2 * i + 2) if j < len(heap))

    def next(self) -> None:
        if self.heap:
            self._advance(self.heap[0][0] + 1)

    def skip_to(self, target: int) -> None:
        if self.heap and self.heap[0][0] < target:
            self._advance(target)
        elif not self.heap:
            self.floor = max(self.floor, target)

    def _advance(self, target: int) -> None:
        self.floor = max(self.floor, target)
        heap = self.heap
        while heap and heap[0][0] < target:
            _, serial, cursor = heapq.heappop(heap)
            cursor.skip_to(target)
            if cursor.active():
                heapq.heappush(heap, (cursor.id(), serial, cursor))
        self._settle()


class _Union(_Cursor):
    """Documents matched by any of the cursors."""

    def __init__(self, cursors: list[_Cursor]):
        self.cursors = [c for c in cursors if c.active()]

    def active(self) -> bool:
        return bool(self.cursors)

    def id(self) -> int:
        return min(c.id() for c in self.cursors)

    def note(self, target: int, docnum: int, capture: Capture) -> None:
        for cursor in self.cursors:
            cursor.note(target, docnum, capture)

    def next(self) -> None:
        if self.cursors:
            self.skip_to(self.id() + 1)

    def skip_to(self, target: int) -> None:
        for cursor in self.cursors:
            cursor.skip_to(target)
        self.cursors = [c for c in self.cursors if c.active()]


class _Intersection(_Cursor):
    """Documents matched by every cursor (each catches up with the furthest)."""

    def __init__(self, cursors: list[_Cursor]):
        self.cursors = cursors
        self._align()

    def _align(self) -> None:
        cursors = self.cursors
        while all(c.active() for c in cursors):
            target = max(c.id() for c in cursors)
            if all(c.id() == target for c in cursors):
                return
            for cursor in cursors:
                cursor.skip_to(target)

    def active(self) -> bool:
        return all(c.active() for c in self.cursors)

    def id(self) -> int:
        return self.cursors[0].id()

    def note(self, target: int, docnum: int, capture: Capture) -> None:
        if self.active() and self.id() == target:
            for cursor in self.cursors:
                cursor.note(target, docnum, capture)

    def next(self) -> None:
        if self.active():
            self.cursors[0].next()
            self._align()

    def skip_to(self, target: int) -> None:
        for cursor in self.cursors:
            cursor.skip_to(target)
        self._align()


class _Difference(_Cursor):
    """Documents of ``positive`` that ``negative`` does not match."""

    def __init__(self, positive: _Cursor, negative: _Cursor):
        self.positive = positive
        self.negative = negative
        self._settle()

    def _settle(self) -> None:
        positive, negative = self.positive, self.negative
        while positive.active():
            negative.skip_to(positive.id())
            if not negative.active() or negative.id() != positive.id():
                return
            positive.next()

    def active(self) -> bool:
        return self.positive.active()

    def id(self) -> int:
        return self.positive.id()

    def note(self, target: int, docnum: int, capture: Capture) -> None:
        self.positive.note(target, docnum, capture)
        self.negative.note(target, docnum, capture)

    def next(self) -> None:
        self.positive.next()
        self._settle()

    def skip_to(self, target: int) -> None:
        self.positive.skip_to(target)
        self._settle()


def _term_postings(reader, field: str, text: str):
    try:
        return reader.postings(field, text)
    except TermNotFound:
        return None


def _cursor(query: wq.Query, searcher, prefixes: dict[tuple[str, str], list[str]]) -> _Cursor:
    """The cursor of a query over one segment (``searcher`` is atomic)."""
    reader = searcher.reader()
    if isinstance(query, wq.Term):
        key = (query.fieldname, query.text)
        matcher = _term_postings(reader, query.fieldname, query.text)
        return _Nothing(key) if matcher is None else _Term(matcher, key)
    if isinstance(query, wq.Prefix):
        terms = prefixes.get((query.fieldname, query.text))
        if terms is None:
            terms = list(reader.expand_prefix(query.fieldname, query.text))
        return _TermUnion(reader, query.fieldname, terms, prefix=query.text)
    if isinstance(query, wq.Or):
        subqueries = query.subqueries
        if all(isinstance(q, wq.Term) for q in subqueries) and len({q.fieldname for q in subqueries}) == 1:
            return _TermUnion(reader, subqueries[0].fieldname, [q.text for q in subqueries])
        if not any(isinstance(q, wq.Not) for q in subqueries):
            return _Union([_cursor(q, searcher, prefixes) for q in subqueries])
    if isinstance(query, wq.AndNot):
        return _Difference(_cursor(query.a, searcher, prefixes), _cursor(query.b, searcher, prefixes))
    if isinstance(query, wq.And) and not any(isinstance(q, wq.Not) for q in query.subqueries):
        return _Intersection([_cursor(q, searcher, prefixes) for q in query.subqueries])
    if isinstance(query, ExactSequence):
        matchers = []
        for text, _ in query.sequence:
            matcher = _term_postings(reader, query.fieldname, text)
            if matcher is None:
                return _Nothing()
            matchers.append(matcher)
        keys = [(query.fieldname, text) for text, _ in query.sequence]
        return _Sequence(SequenceMatcher(matchers, [offset for _, offset in query.sequence]), keys)
    return _Whoosh(query.matcher(searcher, searcher.boolean_context()))


def first_matches(
    searcher,
    query: wq.Query,
    offset: int,
    count: int,
    prefixes: dict[tuple[str, str], list[str]] | None = None,
    capture: Capture | None = None,
) -> list[int]:
    """Document numbers of matches ``offset`` to ``offset + count`` in index order.

    ``prefixes`` maps (field, prefix) to the terms it stands for, expanded once for
    the whole index; a prefix not in it is expanded per segment. ``capture`` receives
    what the terms' postings hold at each of the matches returned.
    """
    leaves = [(searcher, 0)] if searcher.is_atomic() else list(searcher.subsearchers)
    wanted = offset + count
    found: list[int] = []
    for segment, base in leaves:
        cursor = _cursor(query, segment, prefixes or {})
        while cursor.active() and len(found) < wanted:
            target = cursor.id()
            if capture is not None and len(found) >= offset:
                cursor.note(target, target + base, capture)
            found.append(target + base)
            cursor.next()
        if len(found) >= wanted:
            break
    return found[offset:]
