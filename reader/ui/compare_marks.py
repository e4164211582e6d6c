"""What the compare view draws, worked out from a comparison: pure Python, no Qt.

A comparison (``reader.compare``) pairs units of side A with units of side B, each pair
with a status and a word diff over the sides' printed texts. The reading view shows each
side in one language: the compared one, or the side's translation (the toggle). This
module turns the pairs into what the panes need:

- **view ids.** Two versions of one document share most unit ids (the id is the place and
  a hash of the text), and two documents share those of equal headings at the same place;
  a pane looks units up by id, so B's units get a suffix in the view (``SIDE_B``);
- **pairs** of view ids for the sync map, through the side's alignment when it shows
  its translation;
- each unit's **status**, and the **word marks**: the diff's deleted runs on A's units
  and inserted runs on B's, as offsets from each unit's first printed character.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from ..model import AlignmentLink, Document

#: Appended to the ids of side B's units in the view (never stored).
SIDE_B = "~b"

#: Statuses the overview lists and "next change" walks (continued provisions are not changes).
CHANGES = ("reworded", "moved", "new", "dropped")


def view_document(document: Document, suffix: str) -> Document:
    """A copy of a document whose segment ids (and parents) carry ``suffix``."""
    if not suffix:
        return document
    segments = [
        replace(s, id=s.id + suffix, parent=s.parent + suffix if s.parent else s.parent) for s in document.segments
    ]
    return replace(document, segments=segments, warnings=[])


def model_id(view_id: str) -> str:
    """The stored id of a unit shown in the view."""
    return view_id[: -len(SIDE_B)] if view_id.endswith(SIDE_B) else view_id


@dataclass(frozen=True)
class SideView:
    """How one side is shown: its document, its alignment, the compared language and the
    language on screen."""

    document: Document
    links: Sequence[AlignmentLink]
    compared: str
    shown: str
    suffix: str = ""

    def view_ids(self, ids: Sequence[str]) -> list[str]:
        """The units on screen for units of the compared language (their translation's
        units, through the alignment, when the side shows its translation)."""
        if self.shown == self.compared:
            return [i + self.suffix for i in ids]
        out: list[str] = []
        wanted = set(ids)
        for link in self.links:
            own, other = (link.zh_ids, link.ko_ids) if self.compared == "zh" else (link.ko_ids, link.zh_ids)
            if wanted & set(own):
                out.extend(i + self.suffix for i in other if i + self.suffix not in out)
        return out


@dataclass
class ViewMarks:
    """Everything the compare view draws for one comparison and one choice of languages."""

    pairs: list[tuple[list[str], list[str]]] = field(default_factory=list)  # A view ids, B view ids
    statuses: dict[str, str] = field(default_factory=dict)  # view id → status
    words: list[tuple[str, int, int, str]] = field(default_factory=list)  # view id, start, end, op
    pair_of: dict[str, int] = field(default_factory=dict)  # view id → index of its pair


def _word_marks(
    ids: Sequence[str], printed: dict[str, str], diff: Sequence[tuple[str, str]], side: str, joiner: str, suffix: str
) -> list[tuple[str, int, int, str]]:
    """The changed runs of one side of a diff as (view id, start, end, op) within each unit."""
    changed_op, skipped_op = ("delete", "insert") if side == "a" else ("insert", "delete")
    # Where each unit's printed text starts in the side's joined text.
    starts, position = [], 0
    for unit_id in ids:
        starts.append(position)
        position += len(printed.get(unit_id, "")) + len(joiner)
    marks: list[tuple[str, int, int, str]] = []
    position = 0
    for op, text in diff:
        if op == skipped_op:
            continue
        if op == changed_op and text.strip():
            begin, end = position, position + len(text)
            for unit_id, start in zip(ids, starts, strict=True):
                length = len(printed.get(unit_id, ""))
                a, b = max(begin, start), min(end, start + length)
                if b > a:
                    marks.append((unit_id + suffix, a - start, b - start, op))
        position += len(text)
    return marks


def view_marks(pairs: Sequence, a: SideView, b: SideView) -> ViewMarks:
    """The view's pairs, statuses and word marks for a comparison's ``pairs``."""
    marks = ViewMarks()
    joiner = " " if a.compared == "ko" else ""
    printed_a = {model_id(s.id): s.printed for s in a.document.segments}
    printed_b = {model_id(s.id): s.printed for s in b.document.segments}
    for index, pair in enumerate(pairs):
        a_view, b_view = a.view_ids(pair.a_ids), b.view_ids(pair.b_ids)
        marks.pairs.append((a_view, b_view))
        for view_id in (*a_view, *b_view):
            marks.statuses[view_id] = pair.status
            marks.pair_of[view_id] = index
        if pair.status in ("reworded", "moved", "continued"):
            if a.shown == a.compared:
                marks.words += _word_marks(pair.a_ids, printed_a, pair.diff, "a", joiner, a.suffix)
            if b.shown == b.compared:
                marks.words += _word_marks(pair.b_ids, printed_b, pair.diff, "b", joiner, b.suffix)
    return marks


def next_change(pairs: Sequence, current: int | None, forward: bool = True) -> int | None:
    """The index of the next (or previous) pair that is a change, after ``current`` (a pair
    index, None before the first); wraps around; None if nothing changed."""
    changes = [i for i, pair in enumerate(pairs) if pair.status in CHANGES]
    if not changes:
        return None
    if current is None:
        return changes[0] if forward else changes[-1]
    if forward:
        later = [i for i in changes if i > current]
        return later[0] if later else changes[0]
    earlier = [i for i in changes if i < current]
    return earlier[-1] if earlier else changes[-1]
