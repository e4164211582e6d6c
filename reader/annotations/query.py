"""Filtering and sorting annotations for the annotations panel (pure, no Qt).

The panel filters on every keystroke, over up to tens of thousands of
annotations, so the text each annotation is matched against (quote, note, tags,
document) is folded once when the list is loaded, not on every filter.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from .model import ORPHANED, Annotation

SORTS = ("position", "created", "updated")


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
