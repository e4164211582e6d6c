"""The database: migrations, pragmas, transactions."""

from __future__ import annotations

import sqlite3

import pytest

from reader.model import Document, Segment
from reader.store import SCHEMA_VERSION, DocumentStore, open_database
from reader.store.database import DatabaseTooNew
from reader.text.importer import parse_files
from tests.conftest import SEED_000


def test_new_database_is_migrated_with_wal_and_foreign_keys(tmp_path):
    db = open_database(tmp_path / "a.sqlite3")
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert {"documents", "segments", "links", "meta"} <= set(db.table_names())
    db.close()
    # Opening again runs no migration twice.
    db = open_database(tmp_path / "a.sqlite3")
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    db.close()


def test_a_database_from_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "new.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(DatabaseTooNew):
        open_database(path)


def test_document_round_trip_and_cascade_delete(tmp_path):
    db = open_database(tmp_path / "db.sqlite3")
    store = DocumentStore(db)
    document = parse_files([SEED_000], doc_id="guofa")
    store.add(document)
    again = store.get("guofa")
    assert again.segments == document.segments
    assert again.metadata()["doc_number"] == "国发〔2010〕28号"
    assert store.resolve("guo") == "guofa"
    store.delete("guofa")
    assert db.execute("SELECT COUNT(*) FROM segments").fetchone()[0] == 0
    db.close()


def test_duplicate_ids_get_a_suffix(tmp_path):
    db = open_database(tmp_path / "db.sqlite3")
    store = DocumentStore(db)
    first = store.add(parse_files([SEED_000], doc_id="guofa"))
    second = store.add(parse_files([SEED_000], doc_id="guofa"))
    assert (first, second) == ("guofa", "guofa-2")
    db.close()


def test_a_failed_import_leaves_nothing_behind(tmp_path):
    db = open_database(tmp_path / "db.sqlite3")
    store = DocumentStore(db)
    store.add(parse_files([SEED_000], doc_id="kept"))
    broken = Document(
        id="broken",
        title="x",
        segments=[Segment("zh.s1.aaaaaa", "zh", "sentence", "", "一。", None)] * 2,  # duplicate key
    )
    with pytest.raises(sqlite3.IntegrityError):
        store.add(broken)
    assert [d["id"] for d in store.list()] == ["kept"]
    assert db.execute("SELECT COUNT(*) FROM segments WHERE doc_id = 'broken'").fetchone()[0] == 0
    db.close()
