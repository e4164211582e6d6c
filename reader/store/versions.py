"""The versions of each document: what ``import --replace`` keeps of the text it replaces.

Every document has versions 1 … N. The current one (N) lives where it always did (the
``documents``, ``segments`` and ``links`` tables) and its row here holds only its date,
source files and label. An earlier version's row also holds a snapshot of that
version: its metadata, its segments and its alignment as JSON, enough to read it (read
only) and to compare it. A version is addressed as ``DOC@N`` (``guofa@1``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime

from ..errors import DuizhaoError
from ..model import EDITABLE_METADATA, AlignmentLink, Document, Segment
from .database import Database

_REF = re.compile(r"^(?P<doc>.+)@(?P<number>\d+)$")


class UnknownVersion(DuizhaoError):
    def __init__(self, doc_id: str, number: int):
        super().__init__(f"{doc_id} has no version {number} (see `python -m reader versions {doc_id}`)")


class ReadOnlyVersion(DuizhaoError):
    def __init__(self, ref: str):
        super().__init__(f"{ref} is an earlier version: it can be read and compared, not changed")


def split_ref(ref: str) -> tuple[str, int | None]:
    """``"guofa@2"`` → ``("guofa", 2)``; a reference without a version → ``(ref, None)``."""
    match = _REF.match(ref)
    if not match:
        return ref, None
    return match["doc"], int(match["number"])


def version_ref(doc_id: str, number: int) -> str:
    return f"{doc_id}@{number}"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Version:
    """One version of a document, as ``versions DOC`` lists it."""

    doc_id: str
    number: int
    label: str
    imported_at: str
    sources: tuple[str, ...]
    title: str
    sentences: int
    current: bool

    @property
    def ref(self) -> str:
        return version_ref(self.doc_id, self.number)

    def as_dict(self) -> dict:
        return {
            "version": self.number,
            "ref": self.ref,
            "label": self.label,
            "imported_at": self.imported_at,
            "sources": list(self.sources),
            "title": self.title,
            "sentences": self.sentences,
            "current": self.current,
        }


class VersionStore:
    def __init__(self, db: Database):
        self.db = db

    # -- writing (inside the caller's transaction) ------------------------------
    def record_first(self, document: Document, label: str = "") -> None:
        """A new document's version 1 (its text is the current one)."""
        self.db.execute(
            "INSERT INTO versions (doc_id, number, label, imported_at, sources) VALUES (?, 1, ?, ?, ?)",
            [document.id, label, _now(), json.dumps(document.sources, ensure_ascii=False)],
        )

    def advance(self, existing: Document, links: list[AlignmentLink], new: Document, label: str = "") -> int:
        """Keep ``existing`` (the current text, with its alignment) as a snapshot and open
        a new current version for ``new``; returns the new version's number."""
        current = self.current_number(existing.id)
        snapshot = {
            "metadata": existing.metadata(),
            "segments": [[s.id, s.lang, s.kind, s.label, s.text, s.parent] for s in existing.segments],
        }
        self.db.execute(
            "UPDATE versions SET snapshot = ?, links = ? WHERE doc_id = ? AND number = ?",
            [
                json.dumps(snapshot, ensure_ascii=False),
                json.dumps([link.as_dict() for link in links], ensure_ascii=False),
                existing.id,
                current,
            ],
        )
        self.db.execute(
            "INSERT INTO versions (doc_id, number, label, imported_at, sources) VALUES (?, ?, ?, ?, ?)",
            [existing.id, current + 1, label, _now(), json.dumps(new.sources, ensure_ascii=False)],
        )
        return current + 1

    def set_label(self, doc_id: str, number: int, label: str) -> None:
        self._row(doc_id, number)
        with self.db.atomic():
            self.db.execute("UPDATE versions SET label = ? WHERE doc_id = ? AND number = ?", [label, doc_id, number])

    def remove(self, doc_id: str, number: int) -> None:
        """Remove a version's row (the caller has made another version current first, if it was)."""
        self.db.execute("DELETE FROM versions WHERE doc_id = ? AND number = ?", [doc_id, number])

    def make_current(self, doc_id: str, number: int) -> None:
        """Version ``number`` becomes the current one: its snapshot goes (its text is now
        in the documents tables)."""
        self.db.execute(
            "UPDATE versions SET snapshot = NULL, links = NULL WHERE doc_id = ? AND number = ?", [doc_id, number]
        )

    # -- reading ---------------------------------------------------------------
    def current_number(self, doc_id: str) -> int:
        row = self.db.execute("SELECT MAX(number) FROM versions WHERE doc_id = ?", [doc_id]).fetchone()
        return int(row[0]) if row and row[0] is not None else 1

    def history(self, doc_id: str, current: Document) -> list[Version]:
        """The versions of a document, oldest first (``current`` is its current text)."""
        rows = self.db.execute(
            "SELECT number, label, imported_at, sources, snapshot FROM versions WHERE doc_id = ? ORDER BY number",
            [doc_id],
        ).fetchall()
        latest = max((row[0] for row in rows), default=1)
        out = []
        for number, label, imported_at, sources, snapshot in rows:
            if snapshot:
                data = json.loads(snapshot)
                title = data["metadata"].get("title", "")
                sentences = sum(1 for s in data["segments"] if s[2] == "sentence")
            else:
                title = current.title
                sentences = sum(1 for s in current.segments if s.kind == "sentence")
            out.append(
                Version(
                    doc_id, number, label, imported_at, tuple(json.loads(sources)), title, sentences, number == latest
                )
            )
        return out

    def _row(self, doc_id: str, number: int) -> tuple[str | None, str | None]:
        row = self.db.execute(
            "SELECT snapshot, links FROM versions WHERE doc_id = ? AND number = ?", [doc_id, number]
        ).fetchone()
        if row is None:
            raise UnknownVersion(doc_id, number)
        return row[0], row[1]

    def is_current(self, doc_id: str, number: int) -> bool:
        snapshot, _ = self._row(doc_id, number)
        return snapshot is None

    def document(self, doc_id: str, number: int) -> Document:
        """An earlier version as a Document whose id is ``DOC@N`` (read only)."""
        snapshot, _ = self._row(doc_id, number)
        if snapshot is None:
            raise ValueError(f"{version_ref(doc_id, number)} is the current version: read it from the documents")
        data = json.loads(snapshot)
        metadata = data["metadata"]
        return Document(
            id=version_ref(doc_id, number),
            **{name: metadata.get(name, "") for name in EDITABLE_METADATA},
            ocr=metadata.get("ocr") or {},
            sources=list(metadata.get("sources", [])),
            segments=[Segment(*row) for row in data["segments"]],
        )

    def links(self, doc_id: str, number: int) -> list[AlignmentLink]:
        """The alignment an earlier version had."""
        _, links = self._row(doc_id, number)
        return [
            AlignmentLink(list(d["zh_ids"]), list(d["ko_ids"]), d["score"], d["pinned"], d["status"])
            for d in json.loads(links or "[]")
        ]
