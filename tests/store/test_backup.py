"""Rolling backups and damaged-database detection, on real database files."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

from reader import config
from reader.cli import main
from reader.library import Library
from reader.store import backup
from tests.conftest import SEED_000

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def _annotation_count(path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT COUNT(*) FROM annotations WHERE deleted IS NULL").fetchone()[0]
    finally:
        conn.close()


def _seeded_library() -> tuple[Library, object]:
    library = Library()
    document = library.import_files([SEED_000], doc_id="g")
    return library, document


def test_backup_is_a_consistent_copy_of_the_open_database():
    library, document = _seeded_library()
    try:
        library.annotations.annotate(document, "zh.p1.c1.s1", note="in the backup")
        made = backup.make_backup(config.database_path(), config.backup_dir(), T0)
    finally:
        library.close()
    assert made is not None and made.parent == config.backup_dir()
    assert backup.backup_time(made) == T0
    assert _annotation_count(made) == 1
    assert backup.check_database(made).status == backup.OK
    assert not list(config.backup_dir().glob("*-wal"))  # self-contained file


def test_rotation_keeps_the_seven_newest_distinct_backups():
    library, document = _seeded_library()
    made = []
    try:
        for day in range(10):
            library.annotations.annotate(document, "zh.p1.c1.s1", note=f"day {day}")
            made.append(backup.make_backup(config.database_path(), config.backup_dir(), T0 + timedelta(days=day)))
        # Nothing changed since the last one: no new backup pushes an old one out.
        assert backup.make_backup(config.database_path(), config.backup_dir(), T0 + timedelta(days=11)) is None
    finally:
        library.close()
    kept = backup.list_backups(config.backup_dir())
    assert kept == list(reversed(made[3:]))
    assert [_annotation_count(p) for p in kept] == [10, 9, 8, 7, 6, 5, 4]
    assert sorted(p.name for p in config.backup_dir().iterdir()) == sorted(p.name for p in kept)


def test_daily_backup_only_when_the_newest_is_a_day_old():
    library, document = _seeded_library()
    db_path, backup_dir = config.database_path(), config.backup_dir()
    try:
        assert backup.backup_if_due(db_path, backup_dir, T0) is not None  # none yet
        library.annotations.annotate(document, "zh.p1.c1.s1")
        assert backup.backup_if_due(db_path, backup_dir, T0 + timedelta(hours=23)) is None
        assert backup.backup_if_due(db_path, backup_dir, T0 + timedelta(hours=25)) is not None
    finally:
        library.close()
    assert len(backup.list_backups(backup_dir)) == 2


def test_start_check_backs_up_a_sound_database():
    library, _ = _seeded_library()
    library.close()
    check = backup.check_at_start(config.database_path(), config.backup_dir(), T0)
    assert check.status == backup.OK and not check.damaged and check.message() == ""
    assert len(backup.list_backups(config.backup_dir())) == 1


def test_missing_database_is_not_damage(data_dir):
    check = backup.check_at_start(config.database_path(), config.backup_dir())
    assert check.status == backup.MISSING
    assert not config.database_path().exists()


def _damage(path, how: str) -> bytes:
    data = bytearray(path.read_bytes())
    if how == "empty":
        data = bytearray()
    elif how == "header":
        data[:16] = b"not a database!!"
    else:  # overwrite the middle pages (b-tree pages of the tables) with garbage
        page = 4096
        for offset in range(page, len(data) - page, page):
            data[offset : offset + 64] = b"\xff" * 64
    path.write_bytes(bytes(data))
    return bytes(data)


def test_damaged_database_is_detected_kept_aside_and_the_latest_backup_restored():
    for how in ("header", "pages", "empty"):
        library, document = _seeded_library()
        library.annotations.annotate(document, "zh.p1.c1.s1", note="saved")
        library.close()
        db_path, backup_dir = config.database_path(), config.backup_dir()
        backup.check_at_start(db_path, backup_dir, T0)
        library = Library()
        library.annotations.annotate(library.documents.get("g"), "ko.p1.c1.s1", note="after the backup")
        library.close()
        sqlite3.connect(db_path).execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
        damaged_bytes = _damage(db_path, how)

        check = backup.check_at_start(db_path, backup_dir, T0 + timedelta(days=1))
        assert check.damaged, how
        assert db_path.read_bytes() == damaged_bytes  # untouched until the user decides
        assert len(backup.list_backups(backup_dir)) == 1  # a damaged file is never backed up
        assert "damaged" in check.message() and "restore it?" in check.message()

        aside = backup.recover(check, check.latest_backup, T0 + timedelta(days=1))
        assert aside is not None and aside.read_bytes() == damaged_bytes
        restored = Library()
        try:
            assert [a.note for a in restored.annotations.list()] == ["saved"]
        finally:
            restored.close()
        # Clean up for the next kind of damage.
        for path in config.data_dir().rglob("*"):
            if path.is_file():
                path.unlink()


def test_cli_reports_a_damaged_database_and_restores_the_latest_backup(capsys):
    library, document = _seeded_library()
    library.annotations.annotate(document, "zh.p1.c1.s1", note="keep")
    library.close()
    assert main(["backup"]) == 0
    made = capsys.readouterr().out.strip()
    assert backup.list_backups(config.backup_dir()) == [config.backup_dir() / made.rsplit("/", 1)[-1]]
    damaged_bytes = _damage(config.database_path(), "header")

    assert main(["notes"]) == 1
    err = capsys.readouterr().err
    assert "is damaged" in err and "restore" in err and err.count("\n") == 1

    assert main(["restore"]) == 0
    out = capsys.readouterr().out
    assert "kept as" in out
    kept = [p for p in config.data_dir().iterdir() if ".damaged-" in p.name and not p.name.endswith(("-wal", "-shm"))]
    assert len(kept) == 1 and kept[0].read_bytes() == damaged_bytes
    assert main(["notes", "--json"]) == 0
    assert '"note": "keep"' in capsys.readouterr().out


def test_cli_backup_list_and_bad_restore_source(capsys, tmp_path):
    assert main(["backup"]) == 1
    assert "no database to back up yet" in capsys.readouterr().err
    library, _ = _seeded_library()
    library.close()
    assert main(["backup"]) == 0
    assert main(["backup"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("Unchanged since the latest backup")
    assert main(["backup", "--list"]) == 0
    listed = capsys.readouterr().out.split()
    assert listed == [str(p) for p in backup.list_backups(config.backup_dir())] and len(listed) == 1
    not_a_backup = tmp_path / "notes.txt"
    not_a_backup.write_text("hello", encoding="utf-8")
    assert main(["restore", str(not_a_backup)]) == 1
    assert "not a sound database backup" in capsys.readouterr().err
    assert backup.check_database(config.database_path()).status == backup.OK  # untouched
