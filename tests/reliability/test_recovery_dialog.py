"""The start-up dialog: no raw quick_check lines; a sound but unusable library gets
Try again / Quit and nothing that would move it."""

from __future__ import annotations

import sqlite3

from PySide6.QtWidgets import QMessageBox

from reader import config
from reader.library import Library
from reader.store import backup
from reader.ui import recovery
from tests.conftest import SEED_000

from .conftest import snapshot


def _library_with_backup():
    library = Library()
    library.import_files([SEED_000], doc_id="g")
    library.close()
    backup.make_backup(config.database_path(), config.backup_dir())
    conn = sqlite3.connect(config.database_path())
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def test_the_damaged_dialog_shows_no_raw_check_lines(qtbot, monkeypatch):
    _library_with_backup()
    db_path = config.database_path()
    data = bytearray(db_path.read_bytes())
    # The last table leaf page (type 0x0d; which page that is depends on what the import
    # stored): its cell count no longer matches its cells.
    page_size = int.from_bytes(data[16:18], "big")
    last = next(
        start
        for start in range(len(data) - page_size, 0, -page_size)
        if data[start] == 0x0D and int.from_bytes(data[start + 3 : start + 5], "big") > 1
    )
    data[last + 3 : last + 5] = b"\x00\x01"
    db_path.write_bytes(bytes(data))
    check = backup.check_database(db_path, config.backup_dir())
    assert check.damaged and check.details and any("page" in d.lower() for d in check.details)

    shown = []

    def quit_(box):
        shown.append((box.text(), [b.text() for b in box.buttons()], box.defaultButton().text()))
        next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.RejectRole).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", quit_)
    assert not recovery.ensure_sound_database(db_path, config.backup_dir())
    text, buttons, default = shown[0]
    assert "damaged" in text and "restore it?" in text
    assert not any(line in text for line in check.details)
    assert "Page" not in text and "***" not in text
    assert default == "Restore the backup" and "Start with an empty library" in buttons


def test_an_unusable_sound_library_offers_try_again_not_restore(qtbot, monkeypatch, data_dir):
    _library_with_backup()
    before = snapshot(data_dir)
    db_path = config.database_path()
    # Another program holds an exclusive lock: SQLITE_BUSY, not damage.
    holder = sqlite3.connect(db_path, timeout=0)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    shown = []

    def answer(box):
        shown.append((box.text(), [b.text() for b in box.buttons()], box.defaultButton().text()))
        if len(shown) == 1:
            holder.rollback()
            holder.close()  # the other program is closed; the user clicks the default
            box.defaultButton().click()
        else:
            raise AssertionError("asked twice")
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    assert recovery.ensure_sound_database(db_path, config.backup_dir())
    text, buttons, default = shown[0]
    assert buttons == ["Try again", "Quit"] and default == "Try again"
    assert "another program" in text and "damaged" not in text
    assert not list(data_dir.glob("*.damaged-*"))
    assert snapshot(data_dir)["duizhao.sqlite3"] == before["duizhao.sqlite3"]
