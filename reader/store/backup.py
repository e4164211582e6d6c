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

import contextlib
import filecmp
import logging
import os
import re
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from .errors import DAMAGED as DAMAGE_CAUSE
from .errors import ERRORS as STORAGE_ERRORS
from .errors import StorageError, classified, classify, diagnose

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger(__name__)

KEEP = 7
EVERY = timedelta(days=1)
#: Without fcntl (Windows): a cut-short copy this old (seconds) is taken to be a dead one's.
ABANDONED_AFTER = 3600.0
PREFIX = "duizhao-"
SUFFIX = ".sqlite3"
_NAME = re.compile(r"^duizhao-(\d{8}-\d{6}-\d{6})\.sqlite3$")
_STAMP = "%Y%m%d-%H%M%S-%f"
#: Suffix of a copy being written (a backup, or a backup being restored).
PARTIAL = ".part"

OK = "ok"
MISSING = "missing"
DAMAGED = "damaged"
#: Sound as far as anyone can tell, but it cannot be used now: a full disk,
#: permissions, a read-only folder, a lock. Never moved; the user fixes the cause.
UNAVAILABLE = "unavailable"


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


def _sync_folder(folder: Path) -> None:
    """Make renames in ``folder`` durable (POSIX; a no-op where folders cannot be opened)."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


class _Staged:
    """A copy being written under a temporary name, held with an exclusive ``flock``
    until it is renamed into place, so that ``clean_leftovers`` in another process
    leaves it alone (a killed process holds nothing, and its copy is cleared)."""

    def __init__(self, partial: Path):
        self.partial = partial
        self._hold = open(partial, "a+b")  # noqa: SIM115 (held until release)
        if fcntl is not None:
            fcntl.flock(self._hold.fileno(), fcntl.LOCK_EX)  # type: ignore[union-attr]

    def release(self) -> None:
        self._hold.close()  # closing drops the flock


def _stage_copy(source: Path, target: Path) -> _Staged:
    """A consistent, fsynced copy of a database with the backup API, under a
    temporary name beside ``target``; on any failure (a full disk) nothing is left."""
    partial = target.with_name(target.name + PARTIAL)
    partial.unlink(missing_ok=True)
    staged = None
    try:
        with classified(target):
            staged = _Staged(partial)
            src = sqlite3.connect(f"{Path(source).resolve().as_uri()}?mode=ro", uri=True)
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
    except BaseException:
        if staged is not None:
            staged.release()
        for leftover in (partial, partial.with_name(partial.name + "-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink()
        raise
    return staged


def _copy_database(source: Path, target: Path) -> None:
    """A consistent copy of a database, written under a temporary name first."""
    staged = _stage_copy(source, target)
    try:
        with classified(target):
            os.replace(staged.partial, target)
    finally:
        staged.release()
    _sync_folder(target.parent)


def _abandoned(partial: Path) -> bool:
    """True when no running process is writing the copy ``partial`` (its writer was
    killed or failed): nobody holds its lock, or, without fcntl, it is old."""
    try:
        if fcntl is None:
            return time.time() - partial.stat().st_mtime >= ABANDONED_AFTER
        with open(partial, "rb") as handle:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except FileNotFoundError:
        return True
    except OSError:
        return False  # another process is writing it now
    return True


def clean_leftovers(db_path: Path, backup_dir: Path) -> list[Path]:
    """Remove the temporary files of copies that were cut short (a killed or failed
    backup or restore), but not a copy another process is writing now; returns what
    was removed."""
    removed = []
    candidates = list(Path(backup_dir).glob(f"{PREFIX}*{PARTIAL}*")) if Path(backup_dir).is_dir() else []
    candidates += list(Path(db_path).parent.glob(f"{Path(db_path).name}{PARTIAL}*"))
    for path in candidates:
        copy = path.with_name(path.name.removesuffix("-journal"))
        if not _abandoned(copy):
            continue
        with contextlib.suppress(OSError):
            path.unlink()
            removed.append(path)
    return removed


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
    """The state of the database file at start, and the backups there are to offer.

    ``problem`` is one line for the user; ``details`` the raw findings of SQLite's
    quick_check (for the log, never for the dialog); ``error`` the classified
    cause when the file could not be used (``UNAVAILABLE``).
    """

    path: Path
    status: str
    problem: str = ""
    backups: list[Path] = field(default_factory=list)
    details: tuple[str, ...] = ()
    error: StorageError | None = None

    @property
    def damaged(self) -> bool:
        return self.status == DAMAGED

    @property
    def unavailable(self) -> bool:
        return self.status == UNAVAILABLE

    @property
    def cause(self) -> str:
        """Why the file cannot be used (a cause of ``reader.store.errors``), '' when it can."""
        if self.damaged:
            return DAMAGE_CAUSE
        return self.error.cause if self.error is not None else ""

    @property
    def latest_backup(self) -> Path | None:
        return self.backups[0] if self.backups else None

    def message(self) -> str:
        """What to tell the user about a database that cannot be used (empty when it is fine)."""
        if self.unavailable and self.error is not None:
            return (
                f"The library {self.path} cannot be opened: {self.error.problem}. Nothing was moved or changed: "
                f"{self.error.advice.split(';')[0]}."
            )
        if not self.damaged:
            return ""
        text = f"The database {self.path} is damaged ({self.problem}). It will be kept aside, not overwritten."
        latest = self.latest_backup
        if latest is not None:
            when = backup_time(latest)
            stamp = when.astimezone().strftime("%Y-%m-%d %H:%M") if when else latest.name
            return f"{text} The latest backup is from {stamp}: restore it?"
        return f"{text} There is no backup: an empty database will be started."


def _damage_summary(rows: list[str]) -> str:
    if len(rows) == 1:
        return "SQLite's integrity check found a problem"
    more = "+" if len(rows) >= 100 else ""
    return f"SQLite's integrity check found {len(rows)}{more} problems"


def check_database(db_path: Path, backup_dir: Path | None = None, writable: bool = True) -> DatabaseCheck:
    """Is the database file sound, and can it be used? Changes nothing.

    The file is opened read-only; SQLite's quick_check runs only when it opens.
    Only a file SQLite calls corrupt or not a database (or an empty file) is
    ``DAMAGED``; a file that cannot be opened or written because of the disk,
    permissions or a lock is ``UNAVAILABLE`` with the cause.
    """
    db_path = Path(db_path)
    backups = list_backups(Path(backup_dir)) if backup_dir else []
    try:
        exists = db_path.exists()
        size = db_path.stat().st_size if exists else 0
    except OSError as exc:
        error = classify(exc, db_path) or STORAGE_ERRORS["io"](db_path, str(exc))
        return DatabaseCheck(db_path, UNAVAILABLE, error.problem, backups, error=error)
    if not exists:
        return DatabaseCheck(db_path, MISSING, backups=backups)
    if size == 0:
        # SQLite would take an empty file for a new database; ours never is one.
        return DatabaseCheck(db_path, DAMAGED, "the file is empty", backups)
    try:
        conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            rows = [str(r[0]) for r in conn.execute("PRAGMA quick_check(100)").fetchall()]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        failure = classify(exc, db_path)
        if failure is None or failure.cause == DAMAGE_CAUSE:
            return DatabaseCheck(db_path, DAMAGED, "SQLite cannot read it as a database", backups, (str(exc),))
        return DatabaseCheck(db_path, UNAVAILABLE, failure.problem, backups, error=failure)
    if rows != ["ok"]:
        log.warning("quick_check of %s: %s", db_path, "; ".join(rows[:10]))
        return DatabaseCheck(db_path, DAMAGED, _damage_summary(rows), backups, tuple(rows))
    cause = diagnose(db_path, writing=True) if writable else None
    if cause is not None:
        error = STORAGE_ERRORS[cause](db_path)
        return DatabaseCheck(db_path, UNAVAILABLE, error.problem, backups, error=error)
    return DatabaseCheck(db_path, OK, backups=backups)


def check_at_start(db_path: Path, backup_dir: Path, now: datetime | None = None) -> DatabaseCheck:
    """What the program does first: clear what cut-short copies left, check the
    database, and back it up when it is sound.

    A damaged or unavailable database is not touched: the caller tells the user
    (``check.message()``) and, for a damaged one, calls ``recover`` with the user's
    choice. A backup that fails (a full backup folder) does not stop the start.
    """
    clean_leftovers(db_path, backup_dir)
    check = check_database(db_path, backup_dir)
    if check.status == OK:
        try:
            make_backup(db_path, backup_dir, now)
        except StorageError as exc:
            log.warning("no backup at start: %s", exc)
    return check


def set_aside(db_path: Path, now: datetime | None = None) -> Path:
    """Move a (damaged) database and its journal files to a new name next to it
    (renames only: this needs no free space)."""
    db_path = Path(db_path)
    stamp = _now(now).strftime("%Y%m%d-%H%M%S")
    aside = db_path.with_name(f"{db_path.name}.damaged-{stamp}")
    n = 2
    while aside.exists():
        aside = db_path.with_name(f"{db_path.name}.damaged-{stamp}-{n}")
        n += 1
    with classified(db_path):
        for suffix in ("-wal", "-shm", "-journal"):
            companion = db_path.with_name(db_path.name + suffix)
            if companion.exists():
                os.replace(companion, aside.with_name(aside.name + suffix))
        os.replace(db_path, aside)
    _sync_folder(db_path.parent)
    return aside


def recover(check: DatabaseCheck, backup: Path | None = None, now: datetime | None = None) -> Path | None:
    """Keep the current database aside and put a backup in its place (or nothing: a
    fresh database is created on next open). Returns where the old file went.

    The backup is first copied whole beside the database and fsynced; only then is
    the old file renamed aside and the copy renamed into place. A copy that fails
    (a full disk) raises a StorageError and leaves the old file where it was.
    """
    staged = _stage_copy(Path(backup), check.path) if backup is not None else None
    try:
        aside = set_aside(check.path, now) if check.path.exists() else None
        if staged is not None:
            with classified(check.path):
                os.replace(staged.partial, check.path)
            _sync_folder(check.path.parent)
    finally:
        if staged is not None:
            staged.release()
            with contextlib.suppress(OSError):
                staged.partial.unlink()
    return aside


#: What the user may answer when the database cannot be used at start.
RESTORE = "restore"
START_EMPTY = "empty"
QUIT = "quit"
RETRY = "retry"


def settle_at_start(
    db_path: Path,
    backup_dir: Path,
    ask: Callable[[DatabaseCheck], str],
    tell: Callable[[str], None],
) -> bool:
    """Check (and back up) the database at start; on damage ask the user and recover.

    Returns False when the user chose to quit. A damaged file is always kept aside;
    a sound file that cannot be used now (full disk, permissions, read-only, in use)
    is never moved: the user fixes the cause and tries again, or quits. A restore
    that fails (the backup does not fit on the disk) leaves the damaged file in
    place, says why and asks again. ``ask`` and ``tell`` are the user's side (a
    dialog in the GUI); nothing here needs Qt.
    """
    while True:
        check = check_at_start(Path(db_path), Path(backup_dir))
        if check.status in (OK, MISSING):
            return True
        choice = ask(check)
        if check.unavailable:
            if choice == RETRY:
                continue  # the user fixed the cause (or says so): look again
            return False
        if choice == QUIT:
            return False
        try:
            recover(check, check.latest_backup if choice == RESTORE else None)
        except StorageError as exc:
            tell(str(exc))
            continue
        return True
