"""A sound library that cannot be used is never called damaged, never moved; a
restore that does not fit leaves the original; a full disk comes out as DiskFull.

Real faults: a full tmpfs, a read-only bind mount, another user (setpriv).
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest

from reader import config
from reader.library import Library
from reader.store import backup, errors
from reader.ui import recovery
from tests.conftest import SEED_000, SEED_002

from .conftest import (
    NOBODY_UID,
    as_user_prefix,
    cli_env,
    one_line_error,
    read_only_view,
    require_other_user,
    run_cli,
    snapshot,
)


def _make_library(data_dir, monkeypatch) -> None:
    monkeypatch.setenv("DUIZHAO_DATA_DIR", str(data_dir))
    library = Library()
    try:
        document = library.import_files([SEED_000], doc_id="g")
        library.annotations.annotate(document, "zh.p1.c1.s1", note="keep me")
    finally:
        library.close()


def _never_asked(check):
    raise AssertionError(f"asked about a sound database: {check}")


def test_full_disk_at_start_is_not_damage_and_nothing_moves(small_disk, monkeypatch):
    data = small_disk.path / "data"
    _make_library(data, monkeypatch)
    before = snapshot(data)
    small_disk.fill()

    check = backup.check_database(config.database_path(), config.backup_dir())
    assert check.status == backup.UNAVAILABLE and not check.damaged
    assert check.cause == errors.DISK_FULL
    assert "free some space" in check.message() and "Nothing was moved" in check.message()

    asked = []
    # The user clicks the default button (Try again) once, then quits.
    answers = iter([recovery.RETRY, recovery.QUIT])
    assert not recovery.ensure_sound_database(
        config.database_path(), config.backup_dir(), ask=lambda c: asked.append(c) or next(answers)
    )
    assert [c.cause for c in asked] == [errors.DISK_FULL, errors.DISK_FULL]
    assert snapshot(data) == before  # not moved, not changed, nothing set aside

    small_disk.free()  # the user frees space and starts again
    assert recovery.ensure_sound_database(config.database_path(), config.backup_dir(), ask=_never_asked)
    library = Library()
    try:
        assert [a.note for a in library.annotations.list()] == ["keep me"]
    finally:
        library.close()


def test_restore_on_a_full_disk_fails_cleanly_and_keeps_the_original(small_disk, monkeypatch):
    data = small_disk.path / "data"
    _make_library(data, monkeypatch)
    assert backup.make_backup(config.database_path(), config.backup_dir()) is not None
    db_path = config.database_path()
    sqlite3.connect(db_path).execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
    damaged = b"not a database!!" + db_path.read_bytes()[16:]
    db_path.write_bytes(damaged)
    small_disk.fill()

    told = []
    answers = iter([recovery.RESTORE, recovery.QUIT])
    assert not recovery.ensure_sound_database(
        db_path, config.backup_dir(), ask=lambda c: next(answers), tell=told.append
    )
    assert len(told) == 1 and "disk is full" in told[0]
    assert db_path.read_bytes() == damaged  # the only copy of what there was stays in place
    assert not list(data.rglob("*.part*")) and not list(data.glob("*.damaged-*"))

    with pytest.raises(errors.DiskFull):
        backup.recover(backup.check_database(db_path, config.backup_dir()), backup.list_backups(config.backup_dir())[0])
    assert db_path.read_bytes() == damaged

    # The CLI says the same in one line.
    done = run_cli(data, "restore")
    assert "disk is full" in one_line_error(done)
    assert db_path.read_bytes() == damaged and not list(data.rglob("*.part*"))

    small_disk.free()
    assert recovery.ensure_sound_database(db_path, config.backup_dir(), ask=lambda c: recovery.RESTORE)
    kept = [p for p in data.glob("*.damaged-*") if not p.name.endswith(("-wal", "-shm"))]
    assert [p.read_bytes() for p in kept] == [damaged]
    library = Library()
    try:
        assert [a.note for a in library.annotations.list()] == ["keep me"]
    finally:
        library.close()


def test_writes_on_a_full_disk_raise_disk_full_and_change_nothing(small_disk, monkeypatch):
    data = small_disk.path / "data"
    _make_library(data, monkeypatch)
    library = Library()
    try:
        prepared = library.prepare([SEED_002], doc_id="second")  # parsing and aligning need no disk
        small_disk.fill(leave=8 * 1024)
        with pytest.raises(errors.DiskFull) as raised:
            for _ in range(50):  # the WAL may take a few writes before it runs out
                library.store(prepared)
                library.delete("second")
        assert "disk is full" in str(raised.value)
        assert [d["id"] for d in library.documents.list()] == ["g"]
        small_disk.free()
        library.store(prepared)  # the same connection works again once there is space
        assert sorted(d["id"] for d in library.documents.list()) == ["g", "second"]
    finally:
        library.close()


def test_read_only_data_folder_is_explained_and_not_moved(tmp_path, monkeypatch):
    source = tmp_path / "data"
    _make_library(source, monkeypatch)
    before = snapshot(source)
    with read_only_view(source, tmp_path / "ro") as view:
        monkeypatch.setenv("DUIZHAO_DATA_DIR", str(view))
        check = backup.check_at_start(config.database_path(), config.backup_dir())
        assert check.status == backup.UNAVAILABLE and check.cause == errors.READ_ONLY
        assert not recovery.ensure_sound_database(
            config.database_path(), config.backup_dir(), ask=lambda c: recovery.QUIT
        )
        out = tmp_path / "notes.md"
        for command in (
            ["list"],
            ["show", "g"],
            ["notes"],
            ["search", "产业"],
            ["qa", "g"],
            ["annotate", "g", "zh.p1.c1.s1"],
            ["import", str(SEED_002)],
            ["align", "g"],
            ["meta", "g", "--title", "새 제목"],
            ["reindex"],
            ["backup"],
            ["export", "--format", "md", "--out", str(out)],
        ):
            done = run_cli(view, *command)
            assert "read-only" in one_line_error(done), command
        assert not out.exists()
    assert snapshot(source) == before


def test_another_user_gets_a_permission_message_and_the_file_stays(public_dir, monkeypatch):
    require_other_user()
    data = public_dir / "data"
    _make_library(data, monkeypatch)
    data.chmod(0o755)
    before = snapshot(data)
    script = (
        "from reader import config; from reader.store import backup; "
        "asked = []; "
        "ok = backup.settle_at_start(config.database_path(), config.backup_dir(), "
        "ask=lambda c: asked.append(c.cause) or backup.RESTORE, tell=print); "
        "print(ok, asked)"
    )
    done = subprocess.run(
        [*as_user_prefix(NOBODY_UID), sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=cli_env(data, HOME=str(public_dir)),
        cwd=str(public_dir),
        check=False,
    )
    assert done.stdout.strip() == "False ['permission']", done.stderr
    for command in (
        ["list"],
        ["show", "g"],
        ["notes"],
        ["search", "产业"],
        ["annotate", "g", "zh.p1.c1.s1"],
        ["import", str(SEED_002)],
        ["align", "g"],
        ["reindex"],
        ["backup"],
    ):
        done = run_cli(data, *command, as_user=NOBODY_UID)
        assert "permission denied" in one_line_error(done), command
    assert snapshot(data) == before
