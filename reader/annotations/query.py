"""Filtering and sorting annotations for the annotations panel (pure, no Qt).

A filter is answered two ways that give the same rows in the same order: in SQL
(``sql_where``/``sql_order``, which the repository runs so that the panel counts its
rows and reads only the window on screen, never all ten thousand), and in memory by
``AnnotationCatalog`` over a loaded list (the reference the SQL is tested against, and
a source for lists that are not in a database). Both implement ``AnnotationSource``.
Text matches are case-folded (``str.casefold``, registered in SQLite as
``duizhao_casefold``): each word must occur in the quote, the note, a tag or the
document id.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from .model import ORPHANED, Annotation

SORTS = ("position", "created", "updated")
#: The SQL function ``str.casefold`` is registered as on the repository's connection.
CASEFOLD = "duizhao_casefold"


@dataclass(frozen=True)
class AnnotationFilter:
    """What the panel shows. Empty fields do not filter."""

    doc_id: str = ""
    colors: frozenset[str] = field(default_factory=frozenset)
    tag: str = ""
    text: str = ""
    starred_only: bool = False
    orphaned_only: bool = False
    sort: str = "position"


class AnnotationSource(Protocol):
    """Where the panel's model reads a filter: the ids of its rows in order, then the
    annotations of the rows it shows."""

    def ordered_ids(self, wanted: AnnotationFilter) -> list[str]: ...

    def by_ids(self, ids: Sequence[str]) -> list[Annotation]: ...

    def count_matching(self, wanted: AnnotationFilter) -> int: ...

    def tags(self) -> list[tuple[str, int]]: ...


def casefold(value: str | bytes | int | float | None) -> str | bytes | int | float | None:
    """``str.casefold`` for SQLite (NULL and numbers pass through)."""
    return value.casefold() if isinstance(value, str) else value


def sql_where(wanted: AnnotationFilter) -> tuple[str, list]:
    """The WHERE clause (over ``annotations a``) and its parameters that select what
    ``AnnotationCatalog.select`` selects; the ordering is ``sql_order``'s."""
    where = ["a.deleted IS NULL"]
    params: list = []
    if wanted.doc_id:
        where.append("a.doc_id = ?")
        params.append(wanted.doc_id)
    if wanted.colors:
        where.append(f"a.color IN ({', '.join('?' * len(wanted.colors))})")
        params.extend(sorted(wanted.colors))
    if wanted.starred_only:
        where.append("a.starred != 0")
    if wanted.orphaned_only:
        where.append("a.state = ?")
        params.append(ORPHANED)
    tag = wanted.tag.strip().lstrip("#").casefold()
    if tag:
        where.append(f"EXISTS (SELECT 1 FROM json_each(a.tags) t WHERE {CASEFOLD}(t.value) = ?)")
        params.append(tag)
    # A word has no whitespace, so it never spans two of the fields the catalog joins with newlines.
    for word in wanted.text.casefold().split():
        if _caseless(word):
            # Folding changes no Chinese or Korean character and makes none: plain instr, in C.
            where.append("(instr(a.quote, ?) OR instr(a.note, ?) OR instr(a.doc_id, ?) OR instr(a.tags, ?))")
            params.extend([word] * 4)
        else:
            where.append(
                f"(instr({CASEFOLD}(a.quote || char(10) || a.note || char(10) || a.doc_id), ?)"
                f" OR EXISTS (SELECT 1 FROM json_each(a.tags) t WHERE instr({CASEFOLD}(t.value), ?)))"
            )
            params.extend([word] * 2)
    return " AND ".join(where), params


#: Characters no case folding changes or produces: ASCII digits, CJK punctuation, kana,
#: Hangul jamo and syllables, CJK ideographs (the ranges a Chinese or Korean word is made of).
_CASELESS = (
    (0x30, 0x39),
    (0x1100, 0x11FF),
    (0x2E80, 0x9FFF),
    (0xA960, 0xA97F),
    (0xAC00, 0xD7FF),
    (0xF900, 0xFAFF),
    (0x20000, 0x3FFFF),
)


def _caseless(word: str) -> bool:
    """True if ``word`` is found in a text exactly where it is found in the text case-folded.

    (A word of such characters contains no JSON punctuation either, so it is found in a
    tag list's JSON exactly where it is found in one of its tags.)"""
    return all(any(low <= ord(ch) <= high for low, high in _CASELESS) for ch in word)


#: Reading order (``position_key``) over ``annotations a`` joined with their segment ``s``;
#: the id last, so that equal keys keep one order from one window to the next.
_POSITION_ORDER = "a.doc_id, a.state, COALESCE(s.position, -1), a.start_offset, a.created, a.id"


def sql_order(sort: str) -> str:
    """The ORDER BY of a sort: reading order, or newest first (ties in reading order, as a stable sort keeps them)."""
    if sort == "position":
        return _POSITION_ORDER
    if sort in ("created", "updated"):
        return f"a.{sort} DESC, {_POSITION_ORDER}"
    raise ValueError(f"unknown sort {sort!r}: one of {', '.join(SORTS)}")


def _folded(annotation: Annotation) -> str:
    parts = [annotation.anchor.quote, annotation.note, *annotation.tags, annotation.doc_id]
    return "\n".join(parts).casefold()


class AnnotationCatalog:
    """A loaded set of annotations that can be filtered and sorted quickly.

    ``ordered=True`` promises the annotations come in reading order already (as
    ``AnnotationRepository.list`` returns them), which saves sorting them again.
    """

    def __init__(self, annotations: Iterable[Annotation], ordered: bool = False):
        items = list(annotations)
        self.annotations: list[Annotation] = items if ordered else sort_annotations(items)
        self._text: list[str] | None = None  # folded on the first text filter

    def __len__(self) -> int:
        return len(self.annotations)

    def put(self, annotation_id: str, annotation: Annotation | None) -> None:
        """One annotation changed: replace it (None: it is gone), keeping reading order."""
        for i, existing in enumerate(self.annotations):
            if existing.id == annotation_id:
                del self.annotations[i]
                if self._text is not None:
                    del self._text[i]
                break
        if annotation is not None:
            at = bisect_right(self.annotations, position_key(annotation), key=position_key)
            self.annotations.insert(at, annotation)
            if self._text is not None:
                self._text.insert(at, _folded(annotation))

    def tag_counts(self) -> list[tuple[str, int]]:
        """Tags in use with their number of annotations, most used first."""
        counts = Counter(tag for annotation in self.annotations for tag in annotation.tags)
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))

    # -- as an AnnotationSource --------------------------------------------------
    def tags(self) -> list[tuple[str, int]]:
        return self.tag_counts()

    def count_matching(self, wanted: AnnotationFilter) -> int:
        return len(self.select(wanted))

    def ordered_ids(self, wanted: AnnotationFilter) -> list[str]:
        return [annotation.id for annotation in self.select(wanted)]

    def by_ids(self, ids: Sequence[str]) -> list[Annotation]:
        wanted = set(ids)
        found = {a.id: a for a in self.annotations if a.id in wanted}
        return [found[i] for i in ids if i in found]

    def select(self, wanted: AnnotationFilter) -> list[Annotation]:
        """The annotations that pass the filter, in the filter's order."""
        words = wanted.text.casefold().split()
        if words and self._text is None:
            self._text = [_folded(a) for a in self.annotations]
        texts = self._text or ()
        tag = wanted.tag.strip().lstrip("#").casefold()
        chosen = []
        for i, annotation in enumerate(self.annotations):
            if wanted.doc_id and annotation.doc_id != wanted.doc_id:
                continue
            if wanted.colors and annotation.color not in wanted.colors:
                continue
            if wanted.starred_only and not annotation.starred:
                continue
            if wanted.orphaned_only and annotation.state != ORPHANED:
                continue
            if tag and not any(t.casefold() == tag for t in annotation.tags):
                continue
            if words and not all(word in texts[i] for word in words):
                continue
            chosen.append(annotation)
        return chosen if wanted.sort == "position" else sort_annotations(chosen, wanted.sort)


def position_key(annotation: Annotation) -> tuple:
    """Reading order: by document, anchored before orphaned, position, offset, creation."""
    return (annotation.doc_id, annotation.state, annotation.position, annotation.anchor.start, annotation.created)


def sort_annotations(annotations: list[Annotation], sort: str = "position") -> list[Annotation]:
    """Reading order (orphaned last within a document), or newest first by date."""
    if sort == "position":
        return sorted(annotations, key=position_key)
    if sort in ("created", "updated"):
        return sorted(annotations, key=lambda a: getattr(a, sort), reverse=True)
    raise ValueError(f"unknown sort {sort!r}: one of {', '.join(SORTS)}")
