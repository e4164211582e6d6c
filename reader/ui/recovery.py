"""At start: a damaged database is reported and the latest backup offered; while
running: the daily backup. The decisions live in ``reader.store.backup``; this
module only asks the user and keeps a timer.

Use in ``run`` before the library is opened::

    if not ensure_sound_database(config.database_path(), config.backup_dir()):
        return 1
    ...
    daily = DailyBackup(config.database_path(), config.backup_dir(), parent=app)
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from ..store import backup

RESTORE = "restore"
START_EMPTY = "empty"
QUIT = "quit"

#: How often the running program looks whether the daily backup is due.
CHECK_EVERY_MS = 60 * 60 * 1000


def ask_user(check: backup.DatabaseCheck, parent: QWidget | None = None) -> str:
    """Ask what to do with a damaged database: RESTORE, START_EMPTY or QUIT."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(box.tr("Damaged database"))
    box.setText(check.message())
    restore = box.addButton(box.tr("Restore the backup"), QMessageBox.ButtonRole.AcceptRole)
    restore.setEnabled(check.latest_backup is not None)
    empty = box.addButton(box.tr("Start with an empty library"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(box.tr("Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore if check.latest_backup is not None else empty)
    box.exec()
    clicked = box.clickedButton()
    if clicked is restore:
        return RESTORE
    if clicked is empty:
        return START_EMPTY
    return QUIT


def ensure_sound_database(
    db_path: Path,
    backup_dir: Path,
    ask: Callable[[backup.DatabaseCheck], str] = ask_user,
) -> bool:
    """Check (and back up) the database at start; on damage ask the user and recover.

    Returns False when the user chose to quit. The damaged file is always kept aside.
    """
    check = backup.check_at_start(Path(db_path), Path(backup_dir))
    if not check.damaged:
        return True
    choice = ask(check)
    if choice == QUIT:
        return False
    backup.recover(check, check.latest_backup if choice == RESTORE else None)
    return True


class DailyBackup(QObject):
    """Backs the database up once a day while the program runs."""

    def __init__(self, db_path: Path, backup_dir: Path, interval_ms: int = CHECK_EVERY_MS, parent=None):
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.backup_dir = Path(backup_dir)
        self.last: Path | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    @Slot()
    def check(self) -> None:
        made = backup.backup_if_due(self.db_path, self.backup_dir)
        if made is not None:
            self.last = made
