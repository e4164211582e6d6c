"""Alignment links of a document, in document order."""

from __future__ import annotations

import json

import sqlite_utils

from ..model import AlignmentLink


class LinkStore:
    def __init__(self, db: sqlite_utils.Database):
        self.db = db

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
