"""The start-up check in the GUI: a damaged database is reported, kept aside and a backup restored."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtWidgets import QMessageBox

from reader import config
from reader.library import Library
from reader.store import backup
from reader.ui import recovery
from tests.conftest import SEED_000


@pytest.fixture
def damaged_with_backup():
    library = Library()
    document = library.import_files([SEED_000], doc_id="g")
    library.annotations.annotate(document, "zh.p1.c1.s1", note="in the backup")
    library.close()
    assert recovery.ensure_sound_database(config.database_path(), config.backup_dir())  # sound: backed up
    assert len(backup.list_backups(config.backup_dir())) == 1
    damaged = b"garbage" * 1000
    config.database_path().write_bytes(damaged)
    for suffix in ("-wal", "-shm"):
        config.database_path().with_name(config.database_path().name + suffix).unlink(missing_ok=True)
    return damaged


def _kept_aside():
    return [p for p in config.data_dir().iterdir() if ".damaged-" in p.name]


def test_restore_the_latest_backup(damaged_with_backup):
    asked = []
    ok = recovery.ensure_sound_database(
        config.database_path(), config.backup_dir(), ask=lambda check: asked.append(check) or recovery.RESTORE
    )
    assert ok and asked[0].damaged and asked[0].latest_backup is not None
    assert [p.read_bytes() for p in _kept_aside()] == [damaged_with_backup]
    library = Library()
    try:
        assert [a.note for a in library.annotations.list()] == ["in the backup"]
    finally:
        library.close()


def test_start_empty_or_quit(damaged_with_backup):
    assert not recovery.ensure_sound_database(config.database_path(), config.backup_dir(), ask=lambda c: recovery.QUIT)
    assert config.database_path().read_bytes() == damaged_with_backup  # quitting touches nothing
    assert recovery.ensure_sound_database(
        config.database_path(), config.backup_dir(), ask=lambda c: recovery.START_EMPTY
    )
    assert not config.database_path().exists()
    assert [p.read_bytes() for p in _kept_aside()] == [damaged_with_backup]


def test_the_dialog_offers_the_backup(qtbot, damaged_with_backup, monkeypatch):
    def click_restore(box):
        restore = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
        assert restore.isEnabled()
        assert "damaged" in box.text() and "restore it?" in box.text()
        restore.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click_restore)
    assert recovery.ensure_sound_database(config.database_path(), config.backup_dir())
    assert _kept_aside()
    assert backup.check_database(config.database_path()).status == backup.OK


def test_daily_backup_timer(qtbot):
    library = Library()
    library.import_files([SEED_000], doc_id="g")
    library.close()
    daily = recovery.DailyBackup(config.database_path(), config.backup_dir(), interval_ms=10)
    qtbot.waitUntil(lambda: daily.last is not None)
    first = daily.last
    daily.check()  # not due again within the day
    assert daily.last == first
    assert backup.backup_time(first) > datetime.now(UTC) - timedelta(minutes=1)
    daily.timer.stop()
