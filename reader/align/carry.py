"""Carrying user corrections (pinned links, confirmed links) to a new version of a
document.

Segment ids end with a hash of the text, so a re-imported document has new ids
wherever the text or its place changed. A unit of the old version is found in the new
one by, in order: the same id; the same text (the nearest occurrence to its old
relative place, so a sentence that moved because another was inserted is still
found); the same structural place and kind (the sentence was edited in place). A link
whose units cannot all be found is not carried: a correction is never guessed. It is
reported instead (``LostCorrection``), so the user can make it again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from ..model import AlignmentLink, Document, Segment
from .anchors import structural_path
from .corrections import Aligner, align_document, realign
from .output import side_text

#: Why a correction did not survive a new version of its document.
NOT_FOUND = "not_found"  # some of its sentences are not in the new text
NOT_KEPT = "not_kept"  # its sentences are there, but the new alignment could not keep it


@dataclass
class LostCorrection:
    """A pin or confirmation of an earlier version that the new version does not hold,
    with the text it was made on (its ids may name units that no longer exist)."""

    zh: str
    ko: str
    zh_ids: list[str]
    ko_ids: list[str]
    pinned: bool
    status: str
    reason: str
    lost_at: str = ""

    @classmethod
    def of(cls, document: Document, link: AlignmentLink, reason: str) -> LostCorrection:
        """The correction ``link`` on the units of ``document``, lost for ``reason``."""
        by_id = {s.id: s for s in document.segments}
        return cls(
            side_text([by_id[i] for i in link.zh_ids if i in by_id], "zh"),
            side_text([by_id[i] for i in link.ko_ids if i in by_id], "ko"),
            list(link.zh_ids),
            list(link.ko_ids),
            link.pinned,
            link.status,
            reason,
        )

    def as_dict(self) -> dict:
        return {
            "zh": self.zh,
            "ko": self.ko,
            "zh_ids": self.zh_ids,
            "ko_ids": self.ko_ids,
            "pinned": self.pinned,
            "status": self.status,
            "reason": self.reason,
            "lost_at": self.lost_at,
        }


class Carried(NamedTuple):
    links: list[AlignmentLink]  # rewritten onto the units of the new version
    lost: list[AlignmentLink]  # still on the units of the old version


def _unit_map(old: list[Segment], new: list[Segment]) -> dict[str, str]:
    new_ids = {s.id for s in new}
    by_text: dict[tuple[str, str], list[int]] = {}
    by_place: dict[tuple[str, str], int] = {}
    for k, s in enumerate(new):
        by_text.setdefault((s.kind, s.text), []).append(k)
        by_place[(s.kind, structural_path(s.id))] = k
    mapping: dict[str, str] = {s.id: s.id for s in old if s.id in new_ids}
    taken: set[str] = set(mapping)
    scale = len(new) / max(1, len(old))
    # Same text first, for every unit: a unit found only by its place must not take the
    # place of one that moved (a deleted sentence would hand its corrections on to the next).
    for k, s in enumerate(old):
        if s.id in mapping:
            continue
        if candidates := [c for c in by_text.get((s.kind, s.text), []) if new[c].id not in taken]:
            mapping[s.id] = new[min(candidates, key=lambda c: abs(c - k * scale))].id
            taken.add(mapping[s.id])
    for s in old:
        if s.id in mapping:
            continue
        place = by_place.get((s.kind, structural_path(s.id)))
        if place is not None and new[place].id not in taken:
            mapping[s.id] = new[place].id
            taken.add(mapping[s.id])
    return mapping


def carry_links(old: Document, new: Document, links: list[AlignmentLink]) -> Carried:
    """The links of ``old`` (pinned or confirmed ones) rewritten onto the units of
    ``new``, and those whose units could not all be found."""
    mapping = {}
    for lang in ("zh", "ko"):
        mapping.update(_unit_map(old.units(lang), new.units(lang)))
    carried, lost = [], []
    for link in links:
        ids = link.zh_ids + link.ko_ids
        if not (ids and all(i in mapping for i in ids)):
            lost.append(link)
            continue
        carried.append(
            AlignmentLink(
                [mapping[i] for i in link.zh_ids],
                [mapping[i] for i in link.ko_ids],
                link.score,
                link.pinned,
                link.status,
            )
        )
    return Carried(carried, lost)


def carry_corrections(
    old: Document, new: Document, links: list[AlignmentLink], aligner: Aligner = align_document
) -> tuple[list[AlignmentLink], list[LostCorrection]]:
    """The alignment of ``new`` keeping the corrections (pins, confirmations) of ``old``
    that it can hold, and the corrections it cannot: their units are not in the new text,
    or the re-alignment could not keep them (a pin whose units are no longer neighbours
    or that crosses a newer pin, a confirmed link that now comes out paired differently)."""
    carried = carry_links(old, new, links)
    aligned = realign(new, carried.links, aligner)
    held = {_state(x) for x in aligned}
    lost = [LostCorrection.of(old, link, NOT_FOUND) for link in carried.lost]
    lost += [LostCorrection.of(new, link, NOT_KEPT) for link in carried.links if _state(link) not in held]
    return aligned, lost


def _state(link: AlignmentLink) -> tuple[tuple[str, ...], tuple[str, ...], bool, str]:
    return tuple(link.zh_ids), tuple(link.ko_ids), link.pinned, link.status
