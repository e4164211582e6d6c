"""A Whoosh query for terms at fixed distances from one another.

Chinese terms are positioned at their character offset (see ``analysis``), so
"西部 then 地区" means: 地区 starts exactly two positions after 西部. Whoosh's own
``Phrase`` only knows "next position", which overlapping search-mode words break.
"""

from __future__ import annotations

from whoosh import matching
from whoosh.query import Query, Term
from whoosh.query.spans import Span, SpanWrappingMatcher
from whoosh.util import make_binary_tree


class ExactSequence(Query):
    """Documents where each term occurs at ``offset`` positions after the first one."""

    def __init__(self, fieldname: str, terms: list[tuple[str, int]], boost: float = 1.0):
        self.fieldname = fieldname
        self.sequence = list(terms)
        self.boost = boost

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, ExactSequence)
            and self.fieldname == other.fieldname
            and self.sequence == other.sequence
            and self.boost == other.boost
        )

    def __hash__(self) -> int:
        return hash((self.fieldname, tuple(self.sequence), self.boost))

    def __repr__(self) -> str:
        return f"ExactSequence({self.fieldname!r}, {self.sequence!r})"

    def is_leaf(self) -> bool:
        return True

    def has_terms(self) -> bool:
        return True

    def terms(self, phrases: bool = False):
        for text, _ in self.sequence:
            yield self.fieldname, text

    def normalize(self) -> Query:
        return self

    def estimate_size(self, ixreader) -> int:
        return min(ixreader.doc_frequency(self.fieldname, text) for text, _ in self.sequence)

    def matcher(self, searcher, context=None):
        reader = searcher.reader()
        matchers = []
        for text, _ in self.sequence:
            if (self.fieldname, text) not in reader:
                return matching.NullMatcher()
            matchers.append(Term(self.fieldname, text).matcher(searcher, context))
        offsets = [offset for _, offset in self.sequence]
        return SequenceMatcher(matchers, offsets)


class SequenceMatcher(SpanWrappingMatcher):
    def __init__(self, matchers, offsets: list[int]):
        self.ms = matchers
        self.offsets = offsets
        super().__init__(make_binary_tree(matching.IntersectionMatcher, matchers))

    def copy(self):
        return self.__class__([m.copy() for m in self.ms], self.offsets)

    def replace(self, minquality=0):
        if not self.is_active():
            return matching.NullMatcher()
        return self

    def _get_spans(self) -> list[Span]:
        first = self.ms[0].value_as("positions")
        others = [
            (set(m.value_as("positions")), offset) for m, offset in zip(self.ms[1:], self.offsets[1:], strict=True)
        ]
        return [
            Span(start, start + self.offsets[-1])
            for start in first
            if all(start + offset in positions for positions, offset in others)
        ]
