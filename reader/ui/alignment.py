"""The alignment of the open document as the reader sees it: who is whose counterpart,
and which links need a reviewer's eye. Pure Python over :class:`AlignmentLink` lists."""

from __future__ import annotations

from collections.abc import Sequence

from ..align.confidence import REVIEW_BELOW
from ..model import AlignmentLink

#: Links scored below this by the aligner are shown in review as "low confidence"
#: (the threshold of the aligner's own review report).
LOW_CONFIDENCE = REVIEW_BELOW

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
