"""Filtering and sorting annotations for the annotations panel (pure, no Qt).

The panel filters on every keystroke, over up to tens of thousands of
annotations, so the text each annotation is matched against (quote, note, tags,
document) is folded once when the list is loaded, not on every filter.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .model import Annotation

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
    """A loaded set of annotations that can be filtered and sorted quickly."""

    def __init__(self, annotations: Iterable[Annotation]):
        self.annotations: list[Annotation] = list(annotations)
        self._text = [_folded(a) for a in self.annotations]
        self._tags = [{t.casefold() for t in a.tags} for a in self.annotations]

    def __len__(self) -> int:
        return len(self.annotations)

    def select(self, wanted: AnnotationFilter) -> list[Annotation]:
        """The annotations that pass the filter, in the filter's order."""
        words = wanted.text.casefold().split()
        tag = wanted.tag.strip().lstrip("#").casefold()
        chosen = []
        for annotation, text, tags in zip(self.annotations, self._text, self._tags, strict=True):
            if wanted.doc_id and annotation.doc_id != wanted.doc_id:
                continue
            if wanted.colors and annotation.color not in wanted.colors:
                continue
            if wanted.starred_only and not annotation.starred:
                continue
            if wanted.orphaned_only and not annotation.orphaned:
                continue
            if tag and tag not in tags:
                continue
            if words and not all(word in text for word in words):
                continue
            chosen.append(annotation)
        return sort_annotations(chosen, wanted.sort)


def sort_annotations(annotations: list[Annotation], sort: str = "position") -> list[Annotation]:
    """Reading order (orphaned last within a document), or newest first by date."""
    if sort == "position":
        return sorted(annotations, key=lambda a: (a.doc_id, a.orphaned, a.position, a.anchor.start, a.created))
    if sort in ("created", "updated"):
        return sorted(annotations, key=lambda a: getattr(a, sort), reverse=True)
    raise ValueError(f"unknown sort {sort!r}: one of {', '.join(SORTS)}")
