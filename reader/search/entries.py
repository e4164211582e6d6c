"""A document → its index entries (pure: no Whoosh, no database)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..model import AlignmentLink, Document, Segment

#: Kinds whose ancestors give the "part" and "clause" shown with a hit.
PART_KINDS = frozenset({"part", "chapter"})
CLAUSE_KINDS = frozenset({"clause", "article"})


@dataclass
class SegmentNotes:
    """What annotations add to one segment's entry."""

    notes: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    colors: list[str] = field(default_factory=list)


@dataclass
class IndexEntry:
    doc: str
    segment_id: str
    lang: str
    kind: str
    position: int
    text: str
    counterpart: str = ""
    counterpart_ids: list[str] = field(default_factory=list)
    part: str = ""
    clause: str = ""
    notes: SegmentNotes = field(default_factory=SegmentNotes)


def structural_path(segment_id: str) -> str:
    """``zh.p2.c1.9fc684`` → ``p2.c1``: the place shared by both languages."""
    parts = segment_id.split(".")
    return ".".join(parts[1:-1])


def heading(segment: Segment) -> str:
    """A part or clause as printed (its text holds its numbering)."""
    return segment.printed or segment.label


def counterparts(document: Document, links: Iterable[AlignmentLink]) -> dict[str, list[str]]:
    """Segment id → ids of its aligned units in the other language.

    Without an alignment, headings (titles, parts, clauses) still pair by their
    structural path, which both languages share; sentences then have none.
    """
    pairs: dict[str, list[str]] = {}
    for link in links:
        for zh_id in link.zh_ids:
            pairs[zh_id] = list(link.ko_ids)
        for ko_id in link.ko_ids:
            pairs[ko_id] = list(link.zh_ids)
    if pairs:
        return pairs
    by_path: dict[tuple[str, str], str] = {}
    for s in document.segments:
        if s.is_unit and s.kind != "sentence":
            by_path[(s.lang, structural_path(s.id))] = s.id
    for (lang, path), seg_id in by_path.items():
        other = by_path.get(("ko" if lang == "zh" else "zh", path))
        if other:
            pairs[seg_id] = [other]
    return pairs


def document_entries(
    document: Document,
    links: Iterable[AlignmentLink] = (),
    notes: dict[str, SegmentNotes] | None = None,
) -> list[IndexEntry]:
    """One entry per reading unit of each language, in reading order."""
    notes = notes or {}
    by_id = {s.id: s for s in document.segments}
    pairs = counterparts(document, links)
    entries = []
    for lang in document.languages:
        for position, unit in enumerate(document.units(lang)):
            part = clause = ""
            node: Segment | None = unit
            while node is not None:
                if node.kind in CLAUSE_KINDS and not clause:
                    clause = heading(node)
                elif node.kind in PART_KINDS and not part:
                    part = heading(node)
                node = by_id.get(node.parent) if node.parent else None
            other_ids = [i for i in pairs.get(unit.id, []) if i in by_id]
            entries.append(
                IndexEntry(
                    doc=document.id,
                    segment_id=unit.id,
                    lang=lang,
                    kind=unit.kind,
                    position=position,
                    text=unit.text,
                    counterpart=" ".join(by_id[i].text for i in other_ids),
                    counterpart_ids=other_ids,
                    part=part,
                    clause=clause,
                    notes=notes.get(unit.id, SegmentNotes()),
                )
            )
    return entries


def fingerprint(segment_ids: Iterable[str], links: Iterable[str], notes: Iterable[str]) -> str:
    """What an entry set depends on, hashed: segment ids carry a hash of their text."""
    digest = hashlib.sha1()
    for group in (segment_ids, links, notes):
        for item in group:
            digest.update(item.encode("utf-8"))
            digest.update(b"\x1f")
        digest.update(b"\x1e")
    return digest.hexdigest()
