"""Documents and their segments in the database."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from ..errors import UnknownDocument
from ..model import EDITABLE_METADATA, Document, Segment
from .database import Database
from .versions import ReadOnlyVersion, VersionStore, split_ref

#: Columns of the documents table that come from the Document itself.
_METADATA = (*EDITABLE_METADATA, "ocr", "languages", "sources")


def _metadata_values(document: Document) -> list:
    return [
        *(getattr(document, name) for name in EDITABLE_METADATA),
        json.dumps(document.ocr, ensure_ascii=False) if document.ocr else "",
        json.dumps(document.languages),
        json.dumps(document.sources, ensure_ascii=False),
    ]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class DocumentStore:
    """Read and write documents; every write is one transaction.

    A reference is an id, a unique id prefix, or a version ``DOC@N`` (see
    ``store.versions``): ``get`` reads an earlier version, ``resolve`` (the id to
    change) refuses one.
    """

    def __init__(self, db: Database):
        self.db = db
        self.versions = VersionStore(db)

    # -- writing ------------------------------------------------------------
    def add(self, document: Document) -> str:
        """Store a new document; returns its id, made unique if it was taken."""
        with self.db.atomic():
            document.id = self._free_id(document.id)
            columns = ", ".join(_METADATA)
            self.db.execute(
                f"INSERT INTO documents ({columns}, id, imported_at) VALUES ({', '.join('?' * (len(_METADATA) + 2))})",
                [*_metadata_values(document), document.id, _now()],
            )
            self._insert_segments(document)
            self.versions.record_first(document)
        return document.id

    def replace_segments(self, document: Document) -> None:
        """Store new segments and metadata of an existing document (e.g. a translation added)."""
        with self.db.atomic():
            assignments = ", ".join(f"{name} = ?" for name in _METADATA)
            self.db.execute(
                f"UPDATE documents SET {assignments} WHERE id = ?", [*_metadata_values(document), document.id]
            )
            self.db.execute("DELETE FROM segments WHERE doc_id = ?", [document.id])
            self._insert_segments(document)

    def _insert_segments(self, document: Document) -> None:
        self.db.conn.executemany(
            "INSERT INTO segments (doc_id, id, position, lang, kind, label, text, parent)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (document.id, s.id, i, s.lang, s.kind, s.label, s.text, s.parent)
                for i, s in enumerate(document.segments)
            ],
        )

    def _free_id(self, wanted: str) -> str:
        taken = {
            row[0]
            for row in self.db.execute("SELECT id FROM documents WHERE id = ? OR id LIKE ?", [wanted, wanted + "-%"])
        }
        if wanted not in taken:
            return wanted
        n = 2
        while f"{wanted}-{n}" in taken:
            n += 1
        return f"{wanted}-{n}"

    def delete(self, doc_id: str) -> None:
        with self.db.atomic():
            self.db.execute("DELETE FROM documents WHERE id = ?", [doc_id])

    def update_metadata(self, doc_id: str, **fields: str) -> None:
        unknown = set(fields) - set(EDITABLE_METADATA)
        if unknown:
            raise ValueError(f"unknown document fields: {sorted(unknown)}")
        if not fields:
            return
        assignments = ", ".join(f"{name} = ?" for name in fields)
        with self.db.atomic():
            self.db.execute(f"UPDATE documents SET {assignments} WHERE id = ?", [*fields.values(), doc_id])

    # -- reading ------------------------------------------------------------
    def resolve(self, ref: str) -> str:
        """A document id from an id, a unique id prefix, or ``DOC@N`` naming its current
        version; an earlier version raises ``ReadOnlyVersion``."""
        doc_id, number = self._split(ref)
        if number is not None and not self.versions.is_current(doc_id, number):
            raise ReadOnlyVersion(ref)
        return doc_id

    def _split(self, ref: str) -> tuple[str, int | None]:
        """(document id, version number or None) of a reference."""
        if self.db.execute("SELECT 1 FROM documents WHERE id = ?", [ref]).fetchone():
            return ref, None  # an id that happens to contain "@N" is an id
        base, number = split_ref(ref)
        return self._resolve_id(base), number

    def _resolve_id(self, ref: str) -> str:
        row = self.db.execute("SELECT id FROM documents WHERE id = ?", [ref]).fetchone()
        if row:
            return row[0]
        rows = self.db.execute(
            "SELECT id FROM documents WHERE id LIKE ? ORDER BY id", [ref.replace("%", "") + "%"]
        ).fetchall()
        if len(rows) == 1:
            return rows[0][0]
        raise UnknownDocument(ref)

    def list(self) -> list[dict]:
        keys = ["id", *EDITABLE_METADATA, "ocr", "languages", "imported_at"]
        rows = self.db.execute(
            f"SELECT {', '.join('d.' + key for key in keys)},"
            " (SELECT COUNT(*) FROM segments s WHERE s.doc_id = d.id AND s.kind = 'sentence') AS sentences"
            " FROM documents d ORDER BY d.rowid"
        ).fetchall()
        out = []
        for row in rows:
            item = dict(zip([*keys, "sentences"], row, strict=True))
            item["languages"] = json.loads(item["languages"])
            item["ocr"] = bool(item["ocr"])
            out.append(item)
        return out

    def find_same_text(self, document: Document) -> str:
        """The id of a stored document with exactly these segments in this order ('' if none).

        A segment id is its place in the structure and a hash of its text, so equal id
        lists mean equal text, whatever the file was called or its title says.
        """
        ids = [s.id for s in document.segments]
        candidates = self.db.execute(
            "SELECT doc_id FROM segments GROUP BY doc_id HAVING COUNT(*) = ? ORDER BY MIN(rowid)", [len(ids)]
        ).fetchall()
        for (doc_id,) in candidates:
            stored = self.db.execute("SELECT id FROM segments WHERE doc_id = ? ORDER BY position", [doc_id])
            if [row[0] for row in stored] == ids:
                return doc_id
        return ""

    def get(self, ref: str) -> Document:
        """A document's current text, or an earlier version's (id ``DOC@N``) for ``DOC@N``."""
        doc_id, number = self._split(ref)
        if number is not None and not self.versions.is_current(doc_id, number):
            return self.versions.document(doc_id, number)
        row = self.db.execute(
            f"SELECT {', '.join(EDITABLE_METADATA)}, ocr, sources FROM documents WHERE id = ?", [doc_id]
        ).fetchone()
        segments = [
            Segment(*r)
            for r in self.db.execute(
                "SELECT id, lang, kind, label, text, parent FROM segments WHERE doc_id = ? ORDER BY position", [doc_id]
            )
        ]
        fields = dict(zip(EDITABLE_METADATA, row, strict=False))
        return Document(
            id=doc_id,
            **fields,
            ocr=json.loads(row[-2]) if row[-2] else {},
            sources=json.loads(row[-1]),
            segments=segments,
        )

    # -- small key/value facts ------------------------------------------------
    def get_meta(self, key: str, default: str = "") -> str:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else default

    def set_meta(self, key: str, value: str) -> None:
        with self.db.atomic():
            self.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", [key, value])
