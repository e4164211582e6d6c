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
#: A merged mark shows at most this many notes in its tooltip.
MERGED_TOOLTIPS = 5


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

    Orphaned annotations have no place to draw and are left out. Overlapping
    marks of one colour on one segment are merged into one (their tooltips
    joined): they look the same, and a pane paints every mark on every repaint,
    so a heavily annotated document stays quick to scroll. Marks are in reading
    order within each language.
    """
    annotations = [a for a in annotations if not a.orphaned and a.doc_id == document.id]
    if not annotations:  # nothing to draw: no need to index a long document
        return {lang: [] for lang in document.languages}
    lengths = {s.id: len(s.text) for s in document.segments}
    position = {s.id: i for i, s in enumerate(document.segments)}
    langs = {s.id: s.lang for s in document.segments}
    other = counterparts(links)
    spans: dict[tuple[str, str], list[tuple[int, int, str]]] = {}
    for annotation in annotations:
        anchor = annotation.anchor
        if annotation.orphaned or anchor.segment_id not in lengths or annotation.doc_id != document.id:
            continue
        tip = tooltip(annotation)
        end = min(anchor.end, lengths[anchor.segment_id])
        spans.setdefault((anchor.segment_id, annotation.color_hex), []).append((anchor.start, end, tip))
        pale = tint(annotation.color_hex)
        for segment_id in other.get(anchor.segment_id, ()):
            if lengths.get(segment_id):
                spans.setdefault((segment_id, pale), []).append((0, lengths[segment_id], tip))
    out: dict[str, list[Mark]] = {lang: [] for lang in document.languages}
    for (segment_id, color), found in spans.items():
        out[langs[segment_id]].extend(_merged(segment_id, color, found))
    for marks in out.values():
        marks.sort(key=lambda m: (position[m.segment_id], m.start, m.end))
    return out


def _merged(segment_id: str, color: str, spans: list[tuple[int, int, str]]) -> list[Mark]:
    """Overlapping spans of one colour on one segment as single marks."""
    spans.sort()
    marks: list[Mark] = []
    start, end, tips = spans[0][0], spans[0][1], [spans[0][2]]
    for a, b, tip in spans[1:]:
        if a < end:
            end = max(end, b)
            tips.append(tip)
            continue
        marks.append(Mark(segment_id, start, end, color, _joined(tips)))
        start, end, tips = a, b, [tip]
    marks.append(Mark(segment_id, start, end, color, _joined(tips)))
    return marks


def _joined(tips: list[str], most: int = MERGED_TOOLTIPS) -> str:
    distinct = list(dict.fromkeys(t for t in tips if t))
    if len(distinct) > most:
        return "\n\n".join(distinct[:most]) + f"\n\n(+{len(distinct) - most})"
    return "\n\n".join(distinct)
