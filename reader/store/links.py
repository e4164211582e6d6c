"""Alignment links of a document, in document order, and the user's corrections."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from ..model import AlignmentLink, Document
from .database import Database
from .versions import VersionStore, split_ref

if TYPE_CHECKING:
    from ..align.carry import LostCorrection

#: Aligns a document keeping pinned links (reader.align.align_document).
Aligner = Callable[[Document, Sequence[AlignmentLink]], list[AlignmentLink]]


class LinkStore:
    """Links of each document. Corrections (pin, unpin, confirm) read the stored
    alignment, change it and store it back in one transaction; pin and unpin re-align
    with ``aligner``, which the library passes in."""

    def __init__(self, db: Database, aligner: Aligner | None = None):
        self.db = db
        self.aligner = aligner

    def _stored(self, doc_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM links WHERE doc_id = ? LIMIT 1", [doc_id]).fetchone() is not None

    def _stored_document(self, doc_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM documents WHERE id = ?", [doc_id]).fetchone() is not None

    def replace(self, doc_id: str, links: list[AlignmentLink]) -> None:
        """Store a document's whole alignment in one transaction."""
        with self.db.atomic():
            self.db.execute("DELETE FROM links WHERE doc_id = ?", [doc_id])
            self.db.conn.executemany(
                "INSERT INTO links (doc_id, position, zh_ids, ko_ids, type, score, pinned, status)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        doc_id,
                        i,
                        json.dumps(link.zh_ids),
                        json.dumps(link.ko_ids),
                        link.type,
                        float(link.score),
                        int(link.pinned),
                        link.status,
                    )
                    for i, link in enumerate(links)
                ],
            )

    def get(self, doc_id: str) -> list[AlignmentLink]:
        """A document's alignment; for an earlier version's id (``DOC@N``) the one it had."""
        base, number = split_ref(doc_id)
        if number is not None and not self._stored(doc_id) and self._stored_document(base):
            versions = VersionStore(self.db)
            return self.get(base) if versions.is_current(base, number) else versions.links(base, number)
        rows = self.db.execute(
            "SELECT zh_ids, ko_ids, score, pinned, status FROM links WHERE doc_id = ? ORDER BY position", [doc_id]
        ).fetchall()
        # Each column holds a JSON array: all of a document's are parsed in one call
        # (a call per link was a third of opening a 2 MB document).
        zh = json.loads("[" + ",".join(row[0] for row in rows) + "]")
        ko = json.loads("[" + ",".join(row[1] for row in rows) + "]")
        return [
            AlignmentLink(zh_ids, ko_ids, score, bool(pinned), status)
            for zh_ids, ko_ids, (_zh, _ko, score, pinned, status) in zip(zh, ko, rows, strict=True)
        ]

    def pinned(self, doc_id: str) -> list[AlignmentLink]:
        return [link for link in self.get(doc_id) if link.pinned]

    # -- corrections a new version could not keep ------------------------------
    def record_lost(self, doc_id: str, lost: Sequence[LostCorrection]) -> None:
        """Add corrections lost by a re-import to the document's record, stamped with the
        time (kept until the document is removed: a lost correction stays lost)."""
        if not lost:
            return
        when = datetime.now(UTC).isoformat(timespec="seconds")
        with self.db.atomic():
            start = self.db.execute(
                "SELECT COALESCE(MAX(position) + 1, 0) FROM lost_corrections WHERE doc_id = ?", [doc_id]
            ).fetchone()[0]
            self.db.conn.executemany(
                "INSERT INTO lost_corrections"
                " (doc_id, position, zh, ko, zh_ids, ko_ids, pinned, status, reason, lost_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        doc_id,
                        start + k,
                        item.zh,
                        item.ko,
                        json.dumps(item.zh_ids),
                        json.dumps(item.ko_ids),
                        int(item.pinned),
                        item.status,
                        item.reason,
                        when,
                    )
                    for k, item in enumerate(lost)
                ],
            )

    def lost(self, doc_id: str) -> list[LostCorrection]:
        """Corrections earlier re-imports of the document could not keep, oldest first."""
        from ..align.carry import LostCorrection

        return [
            LostCorrection(zh, ko, json.loads(zh_ids), json.loads(ko_ids), bool(pinned), status, reason, lost_at)
            for zh, ko, zh_ids, ko_ids, pinned, status, reason, lost_at in self.db.execute(
                "SELECT zh, ko, zh_ids, ko_ids, pinned, status, reason, lost_at FROM lost_corrections"
                " WHERE doc_id = ? ORDER BY position",
                [doc_id],
            )
        ]

    # -- corrections -----------------------------------------------------------
    def realign(self, doc_id: str) -> list[AlignmentLink]:
        """Align the stored document again, keeping pins and confirmations."""
        from ..align import corrections

        return self._correct(doc_id, lambda document, links: corrections.realign(document, links, self._aligner()))

    def pin(self, doc_id: str, zh_ids: Sequence[str], ko_ids: Sequence[str]) -> list[AlignmentLink]:
        """Pin zh_ids ↔ ko_ids (a side may be empty) and re-align around it."""
        from ..align import corrections

        self._check_units(doc_id, [*zh_ids, *ko_ids])
        return self._correct(
            doc_id, lambda document, links: corrections.pin(document, links, zh_ids, ko_ids, self._aligner())
        )

    def unpin(self, doc_id: str, unit_ids: Iterable[str]) -> list[AlignmentLink]:
        """Release the pins holding any of unit_ids and re-align."""
        from ..align import corrections

        units = list(unit_ids)
        return self._correct(doc_id, lambda document, links: corrections.unpin(document, links, units, self._aligner()))

    def confirm(self, doc_id: str, unit_ids: Iterable[str], status: str = "confirmed") -> list[AlignmentLink]:
        """Record the reviewer's verdict on the links holding unit_ids ('' clears it)."""
        from ..align import corrections

        units = list(unit_ids)
        with self.db.atomic():
            links = corrections.set_status(self.get(doc_id), units, status)
            self.replace(doc_id, links)
        return links

    def _aligner(self) -> Aligner:
        if self.aligner is None:
            raise RuntimeError("this LinkStore was made without an aligner")
        return self.aligner

    def _correct(
        self, doc_id: str, change: Callable[[Document, list[AlignmentLink]], list[AlignmentLink]]
    ) -> list[AlignmentLink]:
        from .documents import DocumentStore

        with self.db.atomic():
            document = DocumentStore(self.db).get(doc_id)
            links = change(document, self.get(doc_id))
            self.replace(doc_id, links)
        return links

    def _check_units(self, doc_id: str, unit_ids: Sequence[str]) -> None:
        from ..errors import DuizhaoError

        known = {
            row[0]
            for row in self.db.execute(
                f"SELECT id FROM segments WHERE doc_id = ? AND id IN ({', '.join('?' * len(unit_ids))})",
                [doc_id, *unit_ids],
            )
        }
        unknown = [i for i in unit_ids if i not in known]
        if unknown:
            raise DuizhaoError(f"document {doc_id} has no unit {unknown[0]}")
