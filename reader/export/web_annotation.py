"""Annotations as W3C Web Annotation JSON-LD, written and read back.

Each annotation is an ``Annotation`` whose target is the document
(``urn:duizhao:doc:<id>``) narrowed by the anchor's selectors: a
``FragmentSelector`` naming the segment, refined by a ``TextQuoteSelector``
(exact quote with prefix and suffix) and a ``TextPositionSelector`` (offsets in
the segment's text). The note is a ``TextualBody`` (``commenting``, Markdown),
each tag one more (``tagging``); a star adds the ``bookmarking`` motivation and
the colour is the target's ``styleClass`` with its CSS in ``stylesheet``. Files
are an ``AnnotationCollection`` whose first page holds the items.

Reading a file back places each annotation with the re-anchoring strategies of
``reader.annotations`` (segment, then quote with context, then fuzzy quote), so
notes land on the same text even in a re-imported version of the document.
What cannot be placed is stored orphaned, never dropped.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from .. import APP_NAME, __version__
from ..annotations import COLORS, DEFAULT_COLOR, Anchor
from ..annotations.anchoring import TextFlow, anchor_at, locate
from ..annotations.model import normalize_tags
from ..errors import DuizhaoError, UnknownDocument
from .briefing import Briefing

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
DOC_URN = "urn:duizhao:doc:"
UUID_URN = "urn:uuid:"


def annotation_json(annotation) -> dict:
    """One annotation in the W3C Web Annotation data model."""
    anchor = annotation.anchor
    body = []
    if annotation.note:
        body.append(
            {"type": "TextualBody", "purpose": "commenting", "format": "text/markdown", "value": annotation.note}
        )
    body.extend({"type": "TextualBody", "purpose": "tagging", "value": tag} for tag in annotation.tags)
    motivation = ["commenting" if annotation.note else "highlighting"]
    if annotation.starred:
        motivation.append("bookmarking")
    return {
        "@context": CONTEXT,
        "id": UUID_URN + annotation.id,
        "type": "Annotation",
        "motivation": motivation if len(motivation) > 1 else motivation[0],
        "created": annotation.created,
        "modified": annotation.updated,
        "stylesheet": {
            "type": "CssStylesheet",
            "value": f".{annotation.color} {{ background-color: {annotation.color_hex} }}",
        },
        "body": body,
        "target": {
            "type": "SpecificResource",
            "source": DOC_URN + annotation.doc_id,
            "styleClass": annotation.color,
            "selector": anchor.selectors(),
        },
    }


def collection_json(briefing: Briefing) -> dict:
    items = [annotation_json(item.annotation) for item in briefing.items]
    return {
        "@context": CONTEXT,
        "id": UUID_URN + str(uuid.uuid4()),
        "type": "AnnotationCollection",
        "label": briefing.title,
        "generator": {"type": "Software", "name": f"{APP_NAME} {__version__}"},
        "generated": datetime.now(UTC).isoformat(timespec="seconds"),
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def write(briefing: Briefing, path: Path) -> None:
    path.write_text(json.dumps(collection_json(briefing), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


# -- reading back -------------------------------------------------------------------
class NotesFileError(DuizhaoError):
    """A notes file cannot be read as Web Annotations."""


@dataclass(frozen=True)
class IncomingNote:
    """What a Web Annotation says, before it is placed on a document."""

    id: str
    doc_id: str
    anchor: Anchor
    color: str
    note: str
    tags: tuple[str, ...]
    starred: bool
    created: str = ""
    updated: str = ""


def _timestamp(value) -> str:
    """An ISO 8601 time of the file as the library stores it (UTC), or '' when it is none."""
    from datetime import UTC, datetime

    if not isinstance(value, str) or not value.strip():
        return ""
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


@dataclass
class ImportReport:
    restored: list[str] = field(default_factory=list)
    already_present: list[str] = field(default_factory=list)
    orphaned: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    #: Notes whose id the library holds with other content: stored under a new id.
    conflicts: list[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = [f"restored {len(self.restored)} annotation{'s' * (len(self.restored) != 1)}"]
        if self.already_present:
            parts.append(f"{len(self.already_present)} already present")
        if self.orphaned:
            parts.append(f"{len(self.orphaned)} could not be placed and are listed as orphaned")
        if self.conflicts:
            parts.append(
                f"{len(self.conflicts)} conflict{'s' * (len(self.conflicts) != 1)} (same id, other content: both kept)"
            )
        if self.skipped:
            parts.append(f"{len(self.skipped)} skipped")
        return ", ".join(parts)


def _items(data) -> list:
    if isinstance(data, list):
        return data
    if not isinstance(data, dict):
        return []
    if data.get("type") == "Annotation":
        return [data]
    items = _list_of(data.get("items"))
    page = data.get("first")
    while isinstance(page, dict):
        items.extend(_list_of(page.get("items")))
        page = page.get("next") if isinstance(page.get("next"), dict) else None
    return items


def _list_of(value) -> list:
    """A JSON list as is; anything else (a number, a string, an object) holds no items."""
    return list(value) if isinstance(value, list) else []


def _text(value, what: str) -> str:
    """A JSON string; anything else is refused rather than stored as its Python repr."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValueError(f"{what} is not text")
    return value


def _optional_text(value) -> str:
    """A JSON string, or '' for anything else (context is a nicety, never an error)."""
    return value if isinstance(value, str) else ""


def _offset(value) -> int:
    """A character offset from JSON: a non-negative integer, else -1 (unknown)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return -1
    try:
        number = int(value)
    except (OverflowError, ValueError):  # 1e999, NaN
        return -1
    return number if 0 <= number < 2**31 else -1


def _as_list(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _selectors(target: dict) -> tuple[str, dict, dict]:
    """(segment id, TextQuoteSelector, TextPositionSelector) found in a target."""
    segment_id, quote, position = "", {}, {}
    source = target.get("source", "")
    source = source if isinstance(source, str) else ""
    if "#" in source:
        segment_id = source.split("#", 1)[1]
    pending = _as_list(target.get("selector"))
    while pending:
        selector = pending.pop(0)
        if not isinstance(selector, dict):
            continue
        kind = selector.get("type")
        if kind == "FragmentSelector":
            value = selector.get("value", segment_id)
            segment_id = value if isinstance(value, str) else segment_id
        elif kind == "TextQuoteSelector":
            quote = selector
        elif kind == "TextPositionSelector":
            position = selector
        pending.extend(_as_list(selector.get("refinedBy")))
    return segment_id, quote, position


def _language(segment_id: str, quote: str) -> str:
    prefix = segment_id.split(".", 1)[0]
    if prefix in ("zh", "ko"):
        return prefix
    return "ko" if any("\uac00" <= ch <= "\ud7a3" for ch in quote) else "zh"


def parse_item(item: dict, doc_override: str = "") -> IncomingNote:
    """One Web Annotation as an IncomingNote; raises ValueError saying what is missing."""
    if not isinstance(item, dict) or item.get("type") not in ("Annotation", "oa:Annotation"):
        raise ValueError("not an Annotation")
    targets = [t for t in _as_list(item.get("target")) if isinstance(t, dict)]
    if not targets:
        raise ValueError("no target")
    target = targets[0]
    source = target.get("source", "")
    source = (source if isinstance(source, str) else "").split("#", 1)[0]
    doc_id = doc_override or (source[len(DOC_URN) :] if source.startswith(DOC_URN) else "")
    if not doc_id:
        raise ValueError(f"target {source!r} is not a Duizhao document")
    segment_id, quote, position = _selectors(target)
    exact = _text(quote.get("exact"), "the exact quote")
    if not exact:
        raise ValueError("no TextQuoteSelector with an exact quote")
    start, end = _offset(position.get("start")), _offset(position.get("end"))
    if not 0 <= start < end:
        start, end = 0, len(exact)
    note, tags = "", []
    for body in _as_list(item.get("body")):
        if not isinstance(body, dict) or body.get("type") not in ("TextualBody", None):
            continue
        if body.get("purpose") == "tagging":
            tags.append(_text(body.get("value"), "a tag"))
        elif not note:
            note = _text(body.get("value"), "the note")
    color = target.get("styleClass", DEFAULT_COLOR)
    color = color if isinstance(color, str) else DEFAULT_COLOR
    ann_id = item.get("id", "")
    ann_id = ann_id if isinstance(ann_id, str) else ""
    return IncomingNote(
        id=ann_id[len(UUID_URN) :] if ann_id.startswith(UUID_URN) else "",
        doc_id=doc_id,
        anchor=Anchor(
            segment_id=segment_id,
            lang=_language(segment_id, exact),
            quote=exact,
            start=start,
            end=end,
            prefix=_optional_text(quote.get("prefix")),
            suffix=_optional_text(quote.get("suffix")),
        ),
        color=color if color in COLORS else DEFAULT_COLOR,
        note=note,
        tags=tuple(t for t in tags if t),
        starred="bookmarking" in _as_list(item.get("motivation")),
        created=_timestamp(item.get("created")),
        updated=_timestamp(item.get("modified")),
    )


def read_notes_file(path: str | Path, doc_override: str = "") -> tuple[list[IncomingNote], list[str]]:
    """The notes of a Web Annotation JSON file, and a reason for each item that is not one."""
    path = Path(path)
    if path.is_dir():
        raise NotesFileError(f"{path}: is a folder, not a file")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise NotesFileError(f"{path}: no such file") from exc
    except UnicodeDecodeError as exc:
        raise NotesFileError(f"{path}: not UTF-8 text") from exc
    except OSError as exc:
        raise NotesFileError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise NotesFileError(f"{path}: not valid JSON (line {exc.lineno}: {exc.msg})") from exc
    except RecursionError as exc:
        raise NotesFileError(f"{path}: JSON nested too deeply") from exc
    except ValueError as exc:  # an integer with more digits than Python converts
        raise NotesFileError(f"{path}: not usable JSON ({exc})") from exc
    items = _items(data)
    if not items:
        raise NotesFileError(f"{path}: no Web Annotations found (expected an AnnotationCollection or a list)")
    notes, skipped = [], []
    for number, item in enumerate(items, 1):
        try:
            notes.append(parse_item(item, doc_override))
        except ValueError as exc:
            skipped.append(f"{path}: item {number}: {exc}")
    return notes, skipped


def restore_notes(library, notes: list[IncomingNote]) -> ImportReport:
    """Store incoming notes on the library's documents, each in its own transaction.

    A note is already present when the library holds one with the same content
    (document, span, quote, note, colour, tags, star), under the same id or, for a
    note with an id the library does not know, under any id. A note whose id the
    library holds with different content is a conflict: it is stored under a new
    id and reported, never dropped, and the library's note is left as it was.
    """
    report = ImportReport()
    repository = library.annotations
    documents: dict = {}
    present: dict[str, set] = {}
    for note in notes:
        if note.doc_id not in documents:
            try:
                documents[note.doc_id] = library.documents.get(note.doc_id)
            except UnknownDocument:
                documents[note.doc_id] = None
            present[note.doc_id] = {_content(a.doc_id, a.anchor, a) for a in repository.list(doc_id=note.doc_id)}
        document = documents[note.doc_id]
        placement = None
        anchor = note.anchor
        if document is not None:
            flow = TextFlow(document, note.anchor.lang)
            placement = locate(note.anchor, flow)
            if placement is not None:
                anchor = anchor_at(flow, placement)
        content = _content(note.doc_id, anchor, note)
        same_id = repository.get(note.id) if note.id and repository.exists(note.id) else None
        if same_id is not None:
            stored = _content(same_id.doc_id, same_id.anchor, same_id)
            # An unplaceable note (its text changed) matches on everything but the place.
            if stored == content or (placement is None and stored[5:] == content[5:]):
                report.already_present.append(note.id)
                continue
        elif content in present[note.doc_id]:
            report.already_present.append(note.id)
            continue
        taken = same_id is not None or (note.id and _stored(repository, note.id) is not None)
        ann_id = note.id if note.id and not taken else str(uuid.uuid4())
        if same_id is not None:
            report.conflicts.append(
                f"annotation {note.id} is in the library with a different {_difference(same_id, note, anchor)}: "
                f"kept both, the imported one as {ann_id}"
            )
        fields = {
            "color": note.color,
            "note": note.note,
            "tags": note.tags,
            "starred": note.starred,
            "created": note.created,
            "updated": note.updated,
        }
        if document is None:
            repository.create(note.doc_id, note.anchor, annotation_id=ann_id, **fields)
            repository.orphan_document(note.doc_id)
            report.orphaned.append(ann_id)
        elif placement is None:
            repository.create(document.id, note.anchor, annotation_id=ann_id, **fields)
            repository.reanchor(document)
            report.orphaned.append(ann_id)
        else:
            repository.create(document.id, anchor, annotation_id=ann_id, **fields)
            report.restored.append(ann_id)
        present[note.doc_id].add(content)
    return report


def _content(doc_id: str, anchor: Anchor, note) -> tuple:
    """What makes two annotations the same: the same span with the same note, colour,
    tags and star (``note`` is an Annotation or an IncomingNote)."""
    return (
        doc_id,
        anchor.segment_id,
        anchor.start,
        anchor.end,
        anchor.quote,
        note.note,
        note.color,
        tuple(sorted(normalize_tags(note.tags))),
        bool(note.starred),
    )


def _difference(stored, incoming: IncomingNote, anchor: Anchor) -> str:
    """Which fields of two annotations with the same id differ, in words."""
    names = []
    if (stored.anchor.segment_id, stored.anchor.start, stored.anchor.end, stored.anchor.quote) != (
        anchor.segment_id,
        anchor.start,
        anchor.end,
        anchor.quote,
    ):
        names.append("place")
    if stored.note != incoming.note:
        names.append("note")
    if stored.color != incoming.color:
        names.append("colour")
    if sorted(normalize_tags(stored.tags)) != sorted(normalize_tags(incoming.tags)):
        names.append("tags")
    if bool(stored.starred) != bool(incoming.starred):
        names.append("star")
    return ", ".join(names) or "content"


def _stored(repository, annotation_id: str):
    """The annotation stored under this id, live or deleted (None: the id is free)."""
    try:
        return repository.get(annotation_id)
    except DuizhaoError:
        return None
