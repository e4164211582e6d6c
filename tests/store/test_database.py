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
    tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"documents", "segments", "links", "meta"} <= tables
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


def test_atomic_commits_a_block_and_rolls_back_a_failed_one(tmp_path):
    db = open_database(tmp_path / "t.db")
    with db.atomic():
        db.execute("INSERT INTO meta (key, value) VALUES ('a', '1')")
        db.execute("INSERT INTO meta (key, value) VALUES ('b', '1')")
    with pytest.raises(ZeroDivisionError), db.atomic():
        db.execute("INSERT INTO meta (key, value) VALUES ('c', '1')")
        raise ZeroDivisionError
    assert not db.conn.in_transaction
    assert [k for (k,) in db.execute("SELECT key FROM meta ORDER BY key")] == ["a", "b"]
    db.close()


def test_a_nested_block_that_fails_rolls_back_only_its_own_writes(tmp_path):
    db = open_database(tmp_path / "t.db")
    with db.atomic():
        db.execute("INSERT INTO meta (key, value) VALUES ('outer', '1')")
        with pytest.raises(ValueError), db.atomic():
            db.execute("INSERT INTO meta (key, value) VALUES ('inner', '1')")
            raise ValueError
        with db.atomic():
            db.execute("INSERT INTO meta (key, value) VALUES ('kept', '1')")
    # a second connection sees what was committed
    other = sqlite3.connect(tmp_path / "t.db")
    assert [k for (k,) in other.execute("SELECT key FROM meta ORDER BY key")] == ["kept", "outer"]
    other.close()
    db.close()


def test_a_statement_outside_a_block_is_committed_at_once(tmp_path):
    db = open_database(tmp_path / "t.db")
    db.execute("INSERT INTO meta (key, value) VALUES ('now', '1')")
    assert not db.conn.in_transaction
    other = sqlite3.connect(tmp_path / "t.db")
    assert other.execute("SELECT value FROM meta WHERE key = 'now'").fetchone() == ("1",)
    other.close()
    db.close()
