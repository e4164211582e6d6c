"""Sentence embeddings stored per segment (see ``reader.align.embeddings``).

One row per (document, segment, model tag) with a hash of the text it was computed
from: a vector is used only while the segment's text and the model (name and version)
are the same, so an edited text or a new model recomputes it. Vectors are stored as
float16 (1 KB per unit; cosines change by less than 0.001).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import TYPE_CHECKING

from ..model import UNIT_KINDS, Document
from .database import Database

if TYPE_CHECKING:  # imported when vectors are read or written (see reader.align.embeddings)
    import numpy as np


def text_hash(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


class EmbeddingStore:
    def __init__(self, db: Database):
        self.db = db

    def get(self, document: Document, model: str) -> dict[str, np.ndarray]:
        """Segment id → vector of the units whose stored vector is still valid."""
        import numpy as np

        hashes = {s.id: text_hash(s.text) for s in document.segments if s.is_unit}
        rows = self.db.execute(
            "SELECT segment_id, text_hash, vector FROM embeddings WHERE doc_id = ? AND model = ?",
            [document.id, model],
        ).fetchall()
        return {
            segment_id: np.frombuffer(vector, dtype=np.float16).astype(np.float32)
            for segment_id, stored_hash, vector in rows
            if hashes.get(segment_id) == stored_hash
        }

    def put(self, document: Document, model: str, vectors: Mapping[str, np.ndarray]) -> None:
        """Store the vectors of ``document``'s units and drop those of segments it no longer has."""
        import numpy as np

        texts = {s.id: s.text for s in document.segments if s.is_unit}
        rows = [
            (document.id, segment_id, model, text_hash(texts[segment_id]), np.asarray(v, np.float16).tobytes())
            for segment_id, v in vectors.items()
            if segment_id in texts
        ]
        with self.db.atomic():
            stored = self.db.execute("SELECT DISTINCT segment_id FROM embeddings WHERE doc_id = ?", [document.id])
            gone = [(document.id, sid) for (sid,) in stored.fetchall() if sid not in texts]
            self.db.conn.executemany("DELETE FROM embeddings WHERE doc_id = ? AND segment_id = ?", gone)
            self.db.conn.executemany(
                "INSERT OR REPLACE INTO embeddings (doc_id, segment_id, model, text_hash, vector) VALUES (?, ?, ?, ?, ?)",
                rows,
            )

    def documents_missing(self, model: str) -> list[str]:
        """Ids of documents with a unit that has no valid vector of ``model`` (by count;
        ``get`` checks the texts)."""
        kinds = ", ".join("?" * len(UNIT_KINDS))
        rows = self.db.execute(
            f"""SELECT d.id FROM documents d
               WHERE (SELECT COUNT(*) FROM segments s
                      WHERE s.doc_id = d.id AND s.text != '' AND s.kind IN ({kinds}))
                   > (SELECT COUNT(*) FROM embeddings e WHERE e.doc_id = d.id AND e.model = ?)
               ORDER BY d.id""",
            [*sorted(UNIT_KINDS), model],
        ).fetchall()
        return [row[0] for row in rows]
