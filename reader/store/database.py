"""The SQLite database: connection settings and ordered schema migrations.

The schema version lives in ``PRAGMA user_version``; each migration moves it up by
one inside a transaction, so a database is always at a version some release knew.
"""

from __future__ import annotations

import contextlib
import secrets
import sqlite3
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from .errors import classified


def _v1(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            title_ko TEXT NOT NULL DEFAULT '',
            doc_number TEXT NOT NULL DEFAULT '',
            issuer TEXT NOT NULL DEFAULT '',
            date TEXT NOT NULL DEFAULT '',
            languages TEXT NOT NULL,
            sources TEXT NOT NULL DEFAULT '[]',
            imported_at TEXT NOT NULL
        )"""
    )
    db.execute(
        """
        CREATE TABLE segments (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            id TEXT NOT NULL,
            position INTEGER NOT NULL,
            lang TEXT NOT NULL,
            kind TEXT NOT NULL,
            label TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL DEFAULT '',
            parent TEXT,
            PRIMARY KEY (doc_id, id)
        )"""
    )
    db.execute("CREATE INDEX segments_order ON segments(doc_id, position)")
    db.execute(
        """
        CREATE TABLE links (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            zh_ids TEXT NOT NULL,
            ko_ids TEXT NOT NULL,
            type TEXT NOT NULL,
            score REAL NOT NULL,
            pinned INTEGER NOT NULL DEFAULT 0,
            status TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (doc_id, position)
        )"""
    )
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")


def _v2_annotations(db: Database) -> None:
    # No foreign key to documents: annotations outlive the removal of their
    # document (they become orphaned) and return if it is imported again.
    db.execute(
        """
        CREATE TABLE annotations (
            id TEXT PRIMARY KEY,
            doc_id TEXT NOT NULL,
            segment_id TEXT NOT NULL,
            lang TEXT NOT NULL,
            quote TEXT NOT NULL,
            prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '',
            start_offset INTEGER NOT NULL,
            end_offset INTEGER NOT NULL,
            color TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            tags TEXT NOT NULL DEFAULT '[]',
            starred INTEGER NOT NULL DEFAULT 0,
            state TEXT NOT NULL DEFAULT 'anchored',
            placed_by TEXT NOT NULL DEFAULT 'created',
            created TEXT NOT NULL,
            updated TEXT NOT NULL,
            deleted TEXT
        )"""
    )
    db.execute("CREATE INDEX annotations_doc ON annotations(doc_id, segment_id)")


def _v3_lost_corrections(db: Database) -> None:
    # Alignment corrections a new version of a document could not keep (see
    # reader.align.carry), with the text they were made on, for the review report.
    db.execute(
        """
        CREATE TABLE lost_corrections (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            zh TEXT NOT NULL,
            ko TEXT NOT NULL,
            zh_ids TEXT NOT NULL,
            ko_ids TEXT NOT NULL,
            pinned INTEGER NOT NULL,
            status TEXT NOT NULL,
            reason TEXT NOT NULL,
            lost_at TEXT NOT NULL,
            PRIMARY KEY (doc_id, position)
        )"""
    )


def _v4_embeddings(db: Database) -> None:
    # Sentence vectors per segment (reader.store.embeddings), tagged with the model that
    # made them and the hash of the text they were made from.
    db.execute(
        """
        CREATE TABLE embeddings (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            segment_id TEXT NOT NULL,
            model TEXT NOT NULL,
            text_hash TEXT NOT NULL,
            vector BLOB NOT NULL,
            PRIMARY KEY (doc_id, segment_id, model)
        )"""
    )


def _v5_terms(db: Database) -> None:
    # The glossary mined from the library (replaced whole by each mining), the user's
    # own term base, and the reviewer's verdicts on translation-check findings. The
    # last two have no foreign key: they outlive the removal of a document and apply
    # again when it is imported anew.
    db.execute(
        """
        CREATE TABLE glossary (
            zh TEXT PRIMARY KEY,
            reading TEXT NOT NULL,
            frequency INTEGER NOT NULL,
            renderings TEXT NOT NULL,
            documents TEXT NOT NULL,
            examples TEXT NOT NULL
        )"""
    )
    db.execute(
        """
        CREATE TABLE term_base (
            zh TEXT NOT NULL,
            ko TEXT NOT NULL,
            preferred INTEGER NOT NULL DEFAULT 0,
            note TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL,
            updated TEXT NOT NULL,
            PRIMARY KEY (zh, ko)
        )"""
    )
    # The terms and candidate renderings of each sentence text (see reader.terms.words),
    # keyed by a hash of the analysis version and the text, so that mining the
    # glossary again after an import analyses only the new sentences.
    db.execute(
        """
        CREATE TABLE term_analysis (
            key TEXT PRIMARY KEY,
            items TEXT NOT NULL
        )"""
    )
    db.execute(
        """
        CREATE TABLE finding_decisions (
            doc_id TEXT NOT NULL,
            key TEXT NOT NULL,
            decision TEXT NOT NULL,
            kind TEXT NOT NULL,
            zh_term TEXT NOT NULL,
            ko_term TEXT NOT NULL,
            decided_at TEXT NOT NULL,
            PRIMARY KEY (doc_id, key)
        )"""
    )


def _v6_intake_metadata(db: Database) -> None:
    # What saved web pages and scans tell about a document: the published date next to
    # the written one (成文日期 / 发布日期), the page it came from, and how its text was
    # recognised when it was OCR'd (JSON; '' for text that was read, not recognised).
    db.execute("ALTER TABLE documents ADD COLUMN date_published TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE documents ADD COLUMN source_url TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE documents ADD COLUMN ocr TEXT NOT NULL DEFAULT ''")


def _versions(db: Database) -> None:
    # The versions of each document (reader.store.versions): the current one's row holds
    # its date, files and label; an earlier one's also a JSON snapshot of its metadata,
    # segments and alignment. Documents already stored become their own version 1.
    db.execute(
        """
        CREATE TABLE versions (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            number INTEGER NOT NULL,
            label TEXT NOT NULL DEFAULT '',
            imported_at TEXT NOT NULL,
            sources TEXT NOT NULL DEFAULT '[]',
            snapshot TEXT,
            links TEXT,
            PRIMARY KEY (doc_id, number)
        )"""
    )
    db.execute(
        "INSERT INTO versions (doc_id, number, imported_at, sources) SELECT id, 1, imported_at, sources FROM documents"
    )


MIGRATIONS: list[Callable[[Database], None]] = [
    _v1,
    _v2_annotations,
    _v3_lost_corrections,
    _v4_embeddings,
    _v5_terms,
    _v6_intake_metadata,
    _versions,
]
SCHEMA_VERSION = len(MIGRATIONS)


class DatabaseTooNew(RuntimeError):
    pass


def migrate(db: Database) -> None:
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise DatabaseTooNew(
            f"the database was written by a newer Duizhao (schema {version}, this one knows {SCHEMA_VERSION})"
        )
    for number in range(version, SCHEMA_VERSION):
        with db.atomic():
            MIGRATIONS[number](db)
            db.execute(f"PRAGMA user_version = {number + 1}")


class Database:
    """A SQLite connection with transactions as blocks: ``execute`` for one statement,
    ``atomic()`` for a transaction (a nested block is a savepoint, so an inner failure
    rolls back only its own work).

    The connection is in autocommit mode (``isolation_level=None``): a statement outside
    ``atomic()`` is committed when it runs. This is all the library used of sqlite-utils,
    whose import (with click, dateutil and pluggy) cost a tenth of a second of every start.
    """

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        conn.execute("PRAGMA recursive_triggers = ON")

    def execute(self, sql: str, parameters: Sequence[Any] | Mapping[str, Any] | None = None) -> sqlite3.Cursor:
        return self.conn.execute(sql) if parameters is None else self.conn.execute(sql, parameters)

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Database]:
        if self.conn.in_transaction:
            savepoint = f"nested_{secrets.token_hex(8)}"
            self.conn.execute(f"SAVEPOINT {savepoint}")
            try:
                yield self
            except BaseException:
                # An error can have ended the whole transaction (savepoints included);
                # cleaning up then would hide it behind "no such savepoint".
                if self.conn.in_transaction:
                    self.conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                    self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")
                raise
            self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")
            return
        self.conn.execute("BEGIN")
        try:
            yield self
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        try:
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise

    def close(self) -> None:
        self.conn.close()


class LibraryDatabase(Database):
    """A database whose transactions raise classified errors: a full disk, a read-only
    folder or a lock held elsewhere comes out of ``atomic`` as a
    ``reader.store.errors.StorageError`` saying so, after the rollback."""

    def __init__(self, conn: sqlite3.Connection, path: Path):
        super().__init__(conn)
        self.path = path

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Database]:
        with classified(self.path), super().atomic() as db:
            yield db


def open_database(path: str | Path) -> LibraryDatabase:
    """Open (and create or upgrade) the database at path.

    Raises a ``StorageError`` naming the cause when the file cannot be opened
    (full disk, permissions, read-only, damaged), never a bare sqlite3 error.
    """
    path = Path(path)
    # Autocommit at the driver level: every write goes through db.atomic(), which
    # commits when its block ends, so nothing waits for a "save".
    with classified(path):
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA busy_timeout = 5000")
            db = LibraryDatabase(conn, path)
            migrate(db)
        except BaseException:
            conn.close()
            raise
    return db
