"""Carrying user corrections (pinned links, confirmed links) to a new version of a
document.

Segment ids end with a hash of the text, so a re-imported document has new ids
wherever the text or its place changed. A unit of the old version is found in the new
one by, in order: the same id; the same text (the nearest occurrence to its old
relative place, so a sentence that moved because another was inserted is still
found); the same structural place and kind (the sentence was edited in place). A link
whose units cannot all be found is dropped: a correction is never guessed.
"""

from __future__ import annotations

from ..model import AlignmentLink, Document, Segment
from .anchors import structural_path


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
    for k, s in enumerate(old):
        if s.id in mapping:
            continue
        if candidates := [c for c in by_text.get((s.kind, s.text), []) if new[c].id not in taken]:
            found = new[min(candidates, key=lambda c: abs(c - k * scale))].id
        elif (place := by_place.get((s.kind, structural_path(s.id)))) is not None and new[place].id not in taken:
            found = new[place].id
        else:
            continue
        mapping[s.id] = found
        taken.add(found)
    return mapping


def carry_links(old: Document, new: Document, links: list[AlignmentLink]) -> list[AlignmentLink]:
    """The links of ``old`` (pinned or confirmed ones) rewritten onto the units of ``new``."""
    mapping = {}
    for lang in ("zh", "ko"):
        mapping.update(_unit_map(old.units(lang), new.units(lang)))
    carried = []
    for link in links:
        ids = link.zh_ids + link.ko_ids
        if ids and all(i in mapping for i in ids):
            carried.append(
                AlignmentLink(
                    [mapping[i] for i in link.zh_ids],
                    [mapping[i] for i in link.ko_ids],
                    link.score,
                    link.pinned,
                    link.status,
                )
            )
    return carried
