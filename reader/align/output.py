"""Links as the JSON the CLI prints (a contract: see ``python -m reader align``)."""

from __future__ import annotations

from ..model import AlignmentLink, Document, Segment


def numbering(segment: Segment) -> str:
    """The printed number of a part, clause or item: 一、 （三） —— / 1. (3) -."""
    if not segment.label:
        return ""
    if segment.lang == "zh":
        needs_comma = segment.kind == "part" and segment.label[-1] not in "、.．"
        return segment.label + ("、" if needs_comma else "")
    return segment.label


def unit_text(segment: Segment) -> str:
    """The text of a unit as printed, with its number: 一、总体要求, (3) 노동집약형 산업."""
    return segment.printed


def side_text(segments: list[Segment], lang: str) -> str:
    joiner = "" if lang == "zh" else " "
    return joiner.join(unit_text(s) for s in segments)


def link_record(link: AlignmentLink, by_id: dict[str, Segment]) -> dict:
    """{"zh", "ko", "zh_ids", "ko_ids", "type", "score"}, plus "pinned" and "status"."""
    return {
        "zh": side_text([by_id[i] for i in link.zh_ids], "zh"),
        "ko": side_text([by_id[i] for i in link.ko_ids], "ko"),
        "zh_ids": list(link.zh_ids),
        "ko_ids": list(link.ko_ids),
        "type": link.type,
        "score": round(link.score, 4),
        "pinned": link.pinned,
        "status": link.status,
    }


def links_as_records(document: Document, links: list[AlignmentLink]) -> list[dict]:
    by_id = {s.id: s for s in document.segments}
    return [link_record(link, by_id) for link in links]
