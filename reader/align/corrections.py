"""User corrections of an alignment as pure functions over a list of links.

A pinned link is a hard constraint: re-alignment keeps it and searches only between
pins. A reviewer's status ('confirmed') stays on every link that comes out of a
re-alignment unchanged. The most recent pin wins over older pins it contradicts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from ..model import AlignmentLink, Document

Aligner = Callable[[Document, Sequence[AlignmentLink]], list[AlignmentLink]]


def align_document(document: Document, pinned: Sequence[AlignmentLink] = ()) -> list[AlignmentLink]:
    """The default aligner (``aligner.align_document``), imported when a correction first
    re-aligns: the aligner brings numpy, which a window that only shows links does not need."""
    from .aligner import align_document as align

    return align(document, pinned)


def realign(
    document: Document, links: Sequence[AlignmentLink], aligner: Aligner = align_document
) -> list[AlignmentLink]:
    """Align again keeping the pinned links of ``links`` and the statuses of links that
    come out the same."""
    pins = [link for link in links if link.pinned]
    statuses = {_key(link): link.status for link in links if link.status}
    fresh = aligner(document, pins)
    for link in fresh:
        link.status = statuses.get(_key(link), link.status)
    return fresh


def pin(
    document: Document,
    links: Sequence[AlignmentLink],
    zh_ids: Sequence[str],
    ko_ids: Sequence[str],
    aligner: Aligner = align_document,
) -> list[AlignmentLink]:
    """Pin zh_ids ↔ ko_ids (one side may be empty: "not translated" / "added") and
    re-align around it; older pins that share a unit with it or cross it give way."""
    if not zh_ids and not ko_ids:
        raise ValueError("a pinned link needs at least one unit")
    new = AlignmentLink(list(zh_ids), list(ko_ids), 1.0, pinned=True, status="confirmed")
    units = set(zh_ids) | set(ko_ids)
    kept = [link for link in links if not (units & (set(link.zh_ids) | set(link.ko_ids)))]
    # The newest pin is listed last: the aligner gives it precedence over crossing pins.
    return realign(document, [*kept, new], aligner)


def separate(
    document: Document,
    links: Sequence[AlignmentLink],
    zh_ids: Sequence[str],
    ko_ids: Sequence[str],
    aligner: Aligner = align_document,
) -> list[AlignmentLink]:
    """Pin each unit as having no counterpart (breaking the link that held it) and
    re-align around them; older pins holding any of them give way."""
    if not zh_ids and not ko_ids:
        raise ValueError("nothing to separate")
    alone = [AlignmentLink([z], [], 1.0, pinned=True, status="confirmed") for z in zh_ids]
    alone += [AlignmentLink([], [k], 1.0, pinned=True, status="confirmed") for k in ko_ids]
    units = set(zh_ids) | set(ko_ids)
    kept = [link for link in links if not (units & (set(link.zh_ids) | set(link.ko_ids)))]
    return realign(document, [*kept, *alone], aligner)


def unpin(
    document: Document, links: Sequence[AlignmentLink], unit_ids: Iterable[str], aligner: Aligner = align_document
) -> list[AlignmentLink]:
    """Release the pins holding any of ``unit_ids`` and re-align."""
    units = set(unit_ids)
    released = [
        AlignmentLink(link.zh_ids, link.ko_ids, link.score, False, "")
        if link.pinned and units & (set(link.zh_ids) | set(link.ko_ids))
        else link
        for link in links
    ]
    return realign(document, released, aligner)


def set_status(links: Sequence[AlignmentLink], unit_ids: Iterable[str], status: str) -> list[AlignmentLink]:
    """Set the reviewer's status ('confirmed' or '') of the links holding ``unit_ids``."""
    units = set(unit_ids)
    out = []
    for link in links:
        if units & (set(link.zh_ids) | set(link.ko_ids)):
            link = AlignmentLink(link.zh_ids, link.ko_ids, link.score, link.pinned, status)
        out.append(link)
    return out


def _key(link: AlignmentLink) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return tuple(link.zh_ids), tuple(link.ko_ids)
