"""The alignment of the open document as the reader sees it: who is whose counterpart,
which links need a reviewer's eye, and the corrections a user can make.

Pure Python over :class:`AlignmentLink` lists; the window turns corrections into
undoable commands that store the new list.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from ..model import AlignmentLink

#: Links scored below this by the aligner are shown in review as "low confidence".
LOW_CONFIDENCE = 0.5

CONFIRMED = "confirmed"


def review_reason(link: AlignmentLink) -> str:
    """Why a link needs review ('' if it does not): the reviewer confirms or fixes it."""
    if link.status == CONFIRMED or link.pinned:
        return ""
    if link.zh_ids and not link.ko_ids:
        return "not_translated"
    if link.ko_ids and not link.zh_ids:
        return "added"
    if link.score < LOW_CONFIDENCE:
        return "low_confidence"
    return ""


class Alignment:
    """Links of one document, indexed by unit id."""

    def __init__(self, links: Sequence[AlignmentLink]):
        self.links = list(links)
        self._link_of: dict[str, int] = {}
        for i, link in enumerate(self.links):
            for unit_id in (*link.zh_ids, *link.ko_ids):
                self._link_of[unit_id] = i

    def __bool__(self) -> bool:
        return bool(self.links)

    def link_index(self, unit_id: str) -> int | None:
        return self._link_of.get(unit_id)

    def link_of(self, unit_id: str) -> AlignmentLink | None:
        i = self._link_of.get(unit_id)
        return None if i is None else self.links[i]

    def group(self, unit_id: str) -> list[str]:
        """The unit and every unit linked with it, in both languages."""
        link = self.link_of(unit_id)
        return [unit_id] if link is None else [*link.zh_ids, *link.ko_ids]

    def counterparts(self, unit_id: str) -> list[str]:
        link = self.link_of(unit_id)
        if link is None:
            return []
        return list(link.ko_ids if unit_id in link.zh_ids else link.zh_ids)

    def unmatched(self) -> dict[str, str]:
        """Units with no counterpart: id → 'not_translated' (Chinese) or 'added' (Korean)."""
        out: dict[str, str] = {}
        for link in self.links:
            if link.zh_ids and not link.ko_ids:
                out.update(dict.fromkeys(link.zh_ids, "not_translated"))
            elif link.ko_ids and not link.zh_ids:
                out.update(dict.fromkeys(link.ko_ids, "added"))
        return out

    def review_queue(self) -> list[int]:
        """Indexes of the links still to review, in reading order."""
        return [i for i, link in enumerate(self.links) if review_reason(link)]

    def next_to_review(self, after: int | None, backwards: bool = False) -> int | None:
        queue = self.review_queue()
        if not queue:
            return None
        if after is None:
            return queue[-1] if backwards else queue[0]
        if backwards:
            earlier = [i for i in queue if i < after]
            return earlier[-1] if earlier else queue[-1]
        later = [i for i in queue if i > after]
        return later[0] if later else queue[0]


# -- corrections: each returns a new link list; the old one is left untouched --------


def link_units(links: Sequence[AlignmentLink], zh_ids: Iterable[str], ko_ids: Iterable[str]) -> list[AlignmentLink]:
    """Pair the given units as one pinned link, placed where the first of them was.
    The other units of the links they leave stay together (unmatched if their other
    side went into the new link)."""
    zh, ko = list(zh_ids), list(ko_ids)
    chosen = set(zh) | set(ko)
    if not chosen:
        return list(links)
    out: list[AlignmentLink] = []
    new = AlignmentLink(zh, ko, 1.0, True, CONFIRMED)
    placed = False
    for link in links:
        rest_zh = [i for i in link.zh_ids if i not in chosen]
        rest_ko = [i for i in link.ko_ids if i not in chosen]
        touched = len(rest_zh) != len(link.zh_ids) or len(rest_ko) != len(link.ko_ids)
        if touched and not placed:
            out.append(new)
            placed = True
        if not touched:
            out.append(link)
        elif rest_zh or rest_ko:
            out.append(replace(link, zh_ids=rest_zh, ko_ids=rest_ko, pinned=False, status=""))
    if not placed:
        out.append(new)
    return out


def unlink(links: Sequence[AlignmentLink], index: int) -> list[AlignmentLink]:
    """Break a link: each of its units becomes unmatched, pinned so re-alignment keeps it so."""
    link = links[index]
    pieces = [AlignmentLink([i], [], 1.0, True, CONFIRMED) for i in link.zh_ids]
    pieces += [AlignmentLink([], [i], 1.0, True, CONFIRMED) for i in link.ko_ids]
    return [*links[:index], *pieces, *links[index + 1 :]]


def merge_with_next(links: Sequence[AlignmentLink], index: int) -> list[AlignmentLink]:
    """Join a link with the one after it (e.g. a 1-1 and a 0-1 become a 1-2)."""
    if not 0 <= index < len(links) - 1:
        return list(links)
    a, b = links[index], links[index + 1]
    merged = AlignmentLink([*a.zh_ids, *b.zh_ids], [*a.ko_ids, *b.ko_ids], 1.0, True, CONFIRMED)
    return [*links[:index], merged, *links[index + 2 :]]


def confirm(links: Sequence[AlignmentLink], index: int) -> list[AlignmentLink]:
    out = list(links)
    out[index] = replace(out[index], status=CONFIRMED)
    return out
