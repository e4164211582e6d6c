"""At start: a damaged database is reported and the latest backup offered, a sound one
that cannot be used (full disk, permissions, read-only) is explained and never moved;
while running: the daily backup. The decisions live in ``reader.store.backup``; this
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

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from ..store import backup, errors

RESTORE = backup.RESTORE
START_EMPTY = backup.START_EMPTY
QUIT = backup.QUIT
RETRY = backup.RETRY

#: How often the running program looks whether the daily backup is due.
CHECK_EVERY_MS = 60 * 60 * 1000


def unavailable_text(check: backup.DatabaseCheck) -> str:
    """Why a sound library cannot be opened and what to do, in the UI language."""
    path = str(check.path)
    cause = check.cause
    if cause == errors.DISK_FULL:
        text = QCoreApplication.translate(
            "Recovery",
            "The library {path} cannot be opened because the disk is full. Nothing was moved or changed. "
            "Free some space on the disk, then choose Try again.",
        )
    elif cause == errors.READ_ONLY:
        text = QCoreApplication.translate(
            "Recovery",
            "The library {path} is on a read-only disk. Nothing was moved or changed. Mount the disk "
            "writable (or set DUIZHAO_DATA_DIR to a writable folder), then choose Try again.",
        )
    elif cause == errors.NO_PERMISSION:
        text = QCoreApplication.translate(
            "Recovery",
            "You may not read or write the library {path}. Nothing was moved or changed. Fix the "
            "permissions of the file and its folder, then choose Try again.",
        )
    elif cause == errors.BUSY:
        text = QCoreApplication.translate(
            "Recovery",
            "The library {path} is in use by another program. Close the other Duizhao window, then choose Try again.",
        )
    else:
        text = QCoreApplication.translate(
            "Recovery",
            "The library {path} cannot be read: the disk reported an error. Nothing was moved or changed. "
            "Check the disk, then choose Try again.",
        )
    return text.format(path=path)


def damaged_text(check: backup.DatabaseCheck) -> str:
    """What to tell the user about a damaged database, in the UI language (never the
    raw findings of SQLite's check: those go to the log)."""
    text = QCoreApplication.translate(
        "Recovery",
        "The database {path} is damaged: SQLite cannot read all of it. It will be kept aside, not overwritten.",
    ).format(path=str(check.path))
    latest = check.latest_backup
    if latest is None:
        return (
            text + " " + QCoreApplication.translate("Recovery", "There is no backup: an empty library will be started.")
        )
    when = backup.backup_time(latest)
    stamp = when.astimezone().strftime("%Y-%m-%d %H:%M") if when else latest.name
    return (
        text
        + " "
        + QCoreApplication.translate("Recovery", "The latest backup is from {stamp}: restore it?").format(stamp=stamp)
    )


def ask_user(check: backup.DatabaseCheck, parent: QWidget | None = None) -> str:
    """Ask what to do with a database that cannot be used.

    Damaged: RESTORE (the default when there is a backup), START_EMPTY or QUIT.
    Sound but unavailable (disk full, permissions, read-only, in use): RETRY or QUIT;
    nothing is offered that would move the file.
    """
    box = QMessageBox(parent)
    if check.unavailable:
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(QCoreApplication.translate("Recovery", "Library unavailable"))
        box.setText(unavailable_text(check))
        retry = box.addButton(QCoreApplication.translate("Recovery", "Try again"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QCoreApplication.translate("Recovery", "Quit"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(retry)
        box.exec()
        return RETRY if box.clickedButton() is retry else QUIT
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("Recovery", "Damaged database"))
    box.setText(damaged_text(check))
    restore = box.addButton(
        QCoreApplication.translate("Recovery", "Restore the backup"), QMessageBox.ButtonRole.AcceptRole
    )
    restore.setEnabled(check.latest_backup is not None)
    empty = box.addButton(
        QCoreApplication.translate("Recovery", "Start with an empty library"), QMessageBox.ButtonRole.DestructiveRole
    )
    box.addButton(QCoreApplication.translate("Recovery", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore if check.latest_backup is not None else empty)
    box.exec()
    clicked = box.clickedButton()
    if clicked is restore:
        return RESTORE
    if clicked is empty:
        return START_EMPTY
    return QUIT


def tell_user(problem: str, parent: QWidget | None = None) -> None:
    """A recovery that could not be done (the backup did not fit on the disk)."""
    QMessageBox.critical(parent, QCoreApplication.translate("Recovery", "Damaged database"), problem)


def ensure_sound_database(
    db_path: Path,
    backup_dir: Path,
    ask: Callable[[backup.DatabaseCheck], str] = ask_user,
    tell: Callable[[str], None] = tell_user,
) -> bool:
    """Check the database at start and ask the user with a dialog when it cannot be
    used (``backup.settle_at_start`` decides; this only supplies the dialogs)."""
    return backup.settle_at_start(db_path, backup_dir, ask, tell)


class DailyBackup(QObject):
    """Backs the database up once a day while the program runs."""

    def __init__(self, db_path: Path, backup_dir: Path, interval_ms: int = CHECK_EVERY_MS, parent=None):
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.backup_dir = Path(backup_dir)
        self.last: Path | None = None
        self.failed = ""
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    @Slot()
    def check(self) -> None:
        try:
            made = backup.backup_if_due(self.db_path, self.backup_dir)
        except errors.StorageError as exc:  # a full disk: try again at the next check
            self.failed = str(exc)
            return
        self.failed = ""
        if made is not None:
            self.last = made
