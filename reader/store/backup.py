"""Rolling backups of the database, and what to do when it is found damaged.

Backups are made with SQLite's online backup API, which copies a consistent
snapshot even while the library has the database open (write-ahead log
included). Each is written to a temporary name and renamed, so a backup file is
always complete. The last ``KEEP`` distinct backups are kept: a backup identical
to the newest one is not stored, so starting the program many times without
changes does not push older states out.

At start the GUI calls ``check_at_start``: a healthy database is backed up; a
damaged one is left untouched and reported with the latest backup, and the user
decides; ``recover`` then moves the damaged file aside (it is never overwritten
or deleted) and restores the chosen backup, or starts an empty database.
"""

from __future__ import annotations

import filecmp
import os
import re
import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

KEEP = 7
EVERY = timedelta(days=1)
PREFIX = "duizhao-"
SUFFIX = ".sqlite3"
_NAME = re.compile(r"^duizhao-(\d{8}-\d{6}-\d{6})\.sqlite3$")
_STAMP = "%Y%m%d-%H%M%S-%f"

OK = "ok"
MISSING = "missing"
DAMAGED = "damaged"


def _now(now: datetime | None) -> datetime:
    return (now or datetime.now(UTC)).astimezone(UTC)


def backup_time(path: Path) -> datetime | None:
    """When a backup was made, read from its file name (None: not a backup file)."""
    match = _NAME.match(path.name)
    if not match:
        return None
    return datetime.strptime(match.group(1), _STAMP).replace(tzinfo=UTC)


def list_backups(backup_dir: Path) -> list[Path]:
    """Backup files, newest first."""
    if not backup_dir.is_dir():
        return []
    found = [p for p in backup_dir.iterdir() if p.is_file() and backup_time(p) is not None]
    return sorted(found, key=lambda p: backup_time(p) or datetime.min.replace(tzinfo=UTC), reverse=True)


def _copy_database(source: Path, target: Path) -> None:
    """A consistent copy of a database with the backup API, written under a temporary name first."""
    partial = target.with_name(target.name + ".part")
    partial.unlink(missing_ok=True)
    src = sqlite3.connect(source)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
            # A self-contained file: no write-ahead log beside it.
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    with open(partial, "rb") as handle:
        os.fsync(handle.fileno())
    os.replace(partial, target)


def make_backup(db_path: Path, backup_dir: Path, now: datetime | None = None, keep: int = KEEP) -> Path | None:
    """Back up the database now and drop the oldest beyond ``keep``.

    Returns the new backup, or None when there is no database or it is identical
    to the newest backup.
    """
    db_path, backup_dir = Path(db_path), Path(backup_dir)
    if not db_path.is_file():
        return None
    backup_dir.mkdir(parents=True, exist_ok=True)
    target = backup_dir / f"{PREFIX}{_now(now).strftime(_STAMP)}{SUFFIX}"
    previous = list_backups(backup_dir)
    _copy_database(db_path, target)
    if previous and previous[0] != target and filecmp.cmp(previous[0], target, shallow=False):
        target.unlink()
        return None
    rotate(backup_dir, keep)
    return target


def rotate(backup_dir: Path, keep: int = KEEP) -> list[Path]:
    """Delete all but the newest ``keep`` backups; returns the deleted ones."""
    old = list_backups(Path(backup_dir))[keep:]
    for path in old:
        path.unlink()
    return old


def backup_if_due(
    db_path: Path, backup_dir: Path, now: datetime | None = None, every: timedelta = EVERY
) -> Path | None:
    """Back up if the newest backup is older than ``every`` (the daily backup)."""
    backups = list_backups(Path(backup_dir))
    newest = backup_time(backups[0]) if backups else None
    if newest is not None and _now(now) - newest < every:
        return None
    return make_backup(db_path, backup_dir, now)


# -- damaged databases ---------------------------------------------------------
@dataclass(frozen=True)
class DatabaseCheck:
    """The state of the database file at start, and the backups there are to offer."""

    path: Path
    status: str
    problem: str = ""
    backups: list[Path] = field(default_factory=list)

    @property
    def damaged(self) -> bool:
        return self.status == DAMAGED

    @property
    def latest_backup(self) -> Path | None:
        return self.backups[0] if self.backups else None

    def message(self) -> str:
        """What to tell the user about a damaged database (empty when it is fine)."""
        if not self.damaged:
            return ""
        text = f"The database {self.path} is damaged ({self.problem}). It will be kept aside, not overwritten."
        latest = self.latest_backup
        if latest is not None:
            when = backup_time(latest)
            stamp = when.astimezone().strftime("%Y-%m-%d %H:%M") if when else latest.name
            return f"{text} The latest backup is from {stamp}: restore it?"
        return f"{text} There is no backup: an empty database will be started."


def check_database(db_path: Path, backup_dir: Path | None = None) -> DatabaseCheck:
    """Is the database file sound? Runs SQLite's quick_check; changes nothing."""
    db_path = Path(db_path)
    backups = list_backups(Path(backup_dir)) if backup_dir else []
    if not db_path.exists():
        return DatabaseCheck(db_path, MISSING, backups=backups)
    if db_path.stat().st_size == 0:
        # SQLite would take an empty file for a new database; ours never is one.
        return DatabaseCheck(db_path, DAMAGED, "the file is empty", backups)
    try:
        conn = sqlite3.connect(db_path)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return DatabaseCheck(db_path, DAMAGED, str(exc), backups)
    if rows != [("ok",)]:
        return DatabaseCheck(db_path, DAMAGED, "; ".join(str(r[0]) for r in rows[:3]), backups)
    return DatabaseCheck(db_path, OK, backups=backups)


def check_at_start(db_path: Path, backup_dir: Path, now: datetime | None = None) -> DatabaseCheck:
    """What the program does first: check the database; back it up when it is sound.

    A damaged database is not touched: the caller tells the user
    (``check.message()``) and calls ``recover`` with the user's choice.
    """
    check = check_database(db_path, backup_dir)
    if check.status == OK:
        make_backup(db_path, backup_dir, now)
    return check


def set_aside(db_path: Path, now: datetime | None = None) -> Path:
    """Move a (damaged) database and its journal files to a new name next to it."""
    db_path = Path(db_path)
    stamp = _now(now).strftime("%Y%m%d-%H%M%S")
    aside = db_path.with_name(f"{db_path.name}.damaged-{stamp}")
    n = 2
    while aside.exists():
        aside = db_path.with_name(f"{db_path.name}.damaged-{stamp}-{n}")
        n += 1
    for suffix in ("-wal", "-shm", "-journal"):
        companion = db_path.with_name(db_path.name + suffix)
        if companion.exists():
            os.replace(companion, aside.with_name(aside.name + suffix))
    os.replace(db_path, aside)
    return aside


def recover(check: DatabaseCheck, backup: Path | None = None, now: datetime | None = None) -> Path | None:
    """Keep the damaged database aside and put a backup in its place (or nothing: a
    fresh database is created on next open). Returns where the damaged file went."""
    aside = set_aside(check.path, now) if check.path.exists() else None
    if backup is not None:
        _copy_database(Path(backup), check.path)
    return aside
