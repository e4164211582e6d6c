"""Alignment links of a document, in document order, and the user's corrections."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence

import sqlite_utils

from ..model import AlignmentLink, Document

#: Aligns a document keeping pinned links (reader.align.align_document).
Aligner = Callable[[Document, Sequence[AlignmentLink]], list[AlignmentLink]]


class LinkStore:
    """Links of each document. Corrections (pin, unpin, confirm) read the stored
    alignment, change it and store it back in one transaction; pin and unpin re-align
    with ``aligner``, which the library passes in."""

    def __init__(self, db: sqlite_utils.Database, aligner: Aligner | None = None):
        self.db = db
        self.aligner = aligner

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
        return [
            AlignmentLink(json.loads(zh), json.loads(ko), score, bool(pinned), status)
            for zh, ko, score, pinned, status in self.db.execute(
                "SELECT zh_ids, ko_ids, score, pinned, status FROM links WHERE doc_id = ? ORDER BY position",
                [doc_id],
            )
        ]

    def pinned(self, doc_id: str) -> list[AlignmentLink]:
        return [link for link in self.get(doc_id) if link.pinned]

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
