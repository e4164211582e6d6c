"""Highlights to draw in the reading panes, for both languages.

An annotation is drawn on its own span and, paler, on the whole of the aligned
counterpart sentence(s) in the other language. Counterparts come from the
current alignment links at drawing time, so a corrected alignment moves the
counterpart highlight with it.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

from ..model import AlignmentLink, Document
from .model import Annotation

#: How much of the colour a counterpart highlight keeps (the rest is white).
COUNTERPART_STRENGTH = 0.45
TOOLTIP_CHARS = 240


class Mark(NamedTuple):
    """One highlight for ``pane.set_marks``: a span of a segment's text."""

    segment_id: str
    start: int
    end: int
    color_hex: str
    tooltip: str


def counterparts(links: Iterable[AlignmentLink]) -> dict[str, list[str]]:
    """segment id → the ids of the other language aligned with it."""
    other: dict[str, list[str]] = {}
    for link in links:
        for zh in link.zh_ids:
            other.setdefault(zh, []).extend(link.ko_ids)
        for ko in link.ko_ids:
            other.setdefault(ko, []).extend(link.zh_ids)
    return other


@lru_cache(maxsize=64)
def tint(color_hex: str, strength: float = COUNTERPART_STRENGTH) -> str:
    """The colour mixed with white: strength 1 keeps it, 0 gives white."""
    value = color_hex.lstrip("#")
    r, g, b = (int(value[i : i + 2], 16) for i in (0, 2, 4))
    mixed = (round(255 - (255 - c) * strength) for c in (r, g, b))
    return "#" + "".join(f"{c:02x}" for c in mixed)


def tooltip(annotation: Annotation) -> str:
    """What hovering a highlight shows: the note (shortened), tags and star."""
    note = annotation.note.strip()
    if len(note) > TOOLTIP_CHARS:
        note = note[: TOOLTIP_CHARS - 1].rstrip() + "…"
    badges = ("★ " if annotation.starred else "") + " ".join("#" + t for t in annotation.tags)
    badges = badges.strip()
    if note and badges:
        return note + "\n" + badges
    return note or badges


def marks_by_language(
    document: Document, annotations: Iterable[Annotation], links: Iterable[AlignmentLink] = ()
) -> dict[str, list[Mark]]:
    """The marks of each language of a document: {"zh": [...], "ko": [...]}.

    Orphaned annotations have no place to draw and are left out; marks are in
    reading order within each language.
    """
    lengths = {s.id: len(s.text) for s in document.segments}
    position = {s.id: i for i, s in enumerate(document.segments)}
    langs = {s.id: s.lang for s in document.segments}
    other = counterparts(links)
    out: dict[str, list[Mark]] = {lang: [] for lang in document.languages}
    for annotation in annotations:
        anchor = annotation.anchor
        if annotation.orphaned or anchor.segment_id not in lengths or annotation.doc_id != document.id:
            continue
        tip = tooltip(annotation)
        end = min(anchor.end, lengths[anchor.segment_id])
        out[langs[anchor.segment_id]].append(Mark(anchor.segment_id, anchor.start, end, annotation.color_hex, tip))
        pale = tint(annotation.color_hex)
        for segment_id in other.get(anchor.segment_id, ()):
            if lengths.get(segment_id):
                out[langs[segment_id]].append(Mark(segment_id, 0, lengths[segment_id], pale, tip))
    for marks in out.values():
        marks.sort(key=lambda m: (position[m.segment_id], m.start, m.end))
    return out
