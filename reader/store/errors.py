"""Why the library's files cannot be read or written, told apart by cause.

A database that cannot be opened is rarely damaged: a full disk, a file or folder
the user may not write, a read-only mount or another program holding a lock all
raise ``sqlite3`` errors too, and treating them as damage (setting the file aside)
would hide a healthy library. ``classify`` turns an exception into a
``StorageError`` by SQLite's error code (``sqlite_errorcode``: SQLITE_FULL,
SQLITE_READONLY_*, SQLITE_CORRUPT, SQLITE_NOTADB …) or by ``errno`` for an
``OSError``. Where the code alone does not say (SQLITE_CANTOPEN, SQLITE_IOERR),
``diagnose`` looks at the file system: read-only mount, permissions, free space.
Only SQLITE_CORRUPT and SQLITE_NOTADB mean damage.

Each error carries a ``cause`` (one of ``CAUSES``, for a GUI that words its own
translated message) and says in one line what is wrong and what to do.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from ..errors import DuizhaoError

DISK_FULL = "disk-full"
READ_ONLY = "read-only"
NO_PERMISSION = "permission"
BUSY = "busy"
DAMAGED = "damaged"
IO_ERROR = "io"
CAUSES = (DISK_FULL, READ_ONLY, NO_PERMISSION, BUSY, DAMAGED, IO_ERROR)

#: Below this many free bytes a write that failed is put down to a full disk.
LOW_SPACE = 256 * 1024

_PROBLEMS = {
    DISK_FULL: ("the disk is full", "free some space on it and try again; nothing was changed"),
    READ_ONLY: (
        "it is on a read-only file system",
        "mount it writable or set DUIZHAO_DATA_DIR to a writable folder; nothing was changed",
    ),
    NO_PERMISSION: (
        "permission denied",
        "fix the permissions (you must be able to read and write the file and its folder); nothing was changed",
    ),
    BUSY: ("another program is using it", "close the other Duizhao window or command and try again"),
    DAMAGED: ("the file is damaged", "`python -m reader restore` keeps it aside and puts back the latest backup"),
    IO_ERROR: ("the disk reported an input/output error", "check the disk; nothing was changed"),
}

_SQLITE_CAUSES = {
    "SQLITE_FULL": DISK_FULL,
    "SQLITE_READONLY": READ_ONLY,
    "SQLITE_PERM": NO_PERMISSION,
    "SQLITE_AUTH": NO_PERMISSION,
    "SQLITE_BUSY": BUSY,
    "SQLITE_LOCKED": BUSY,
    "SQLITE_CORRUPT": DAMAGED,
    "SQLITE_NOTADB": DAMAGED,
}

_ERRNO_CAUSES = {
    errno.ENOSPC: DISK_FULL,
    errno.EDQUOT: DISK_FULL,
    errno.EFBIG: DISK_FULL,
    errno.EROFS: READ_ONLY,
    errno.EACCES: NO_PERMISSION,
    errno.EPERM: NO_PERMISSION,
    errno.EIO: IO_ERROR,
}


#: The ``reason`` keys the window's messages use (``reader.ui.errors``), by cause.
REASONS = {
    DISK_FULL: "disk_full",
    READ_ONLY: "read_only",
    NO_PERMISSION: "read_only",
    BUSY: "busy",
    DAMAGED: "damaged",
    IO_ERROR: "io_error",
}


class StorageError(DuizhaoError):
    """The library's files cannot be read or written, and why; fit to show as is."""

    cause = IO_ERROR

    @property
    def reason(self) -> str:
        """The key of the window's translated message for this cause."""
        return REASONS[self.cause]

    def __init__(self, path: str | Path, detail: str = ""):
        self.path = str(path)
        self.detail = detail
        problem, advice = _PROBLEMS[self.cause]
        self.problem, self.advice = problem, advice
        super().__init__(f"{self.path}: {problem}; {advice}")


class DiskFull(StorageError):
    cause = DISK_FULL


class ReadOnlyStorage(StorageError):
    cause = READ_ONLY


class PermissionDenied(StorageError):
    cause = NO_PERMISSION


class StorageBusy(StorageError):
    cause = BUSY


class DatabaseDamaged(StorageError):
    cause = DAMAGED


class StorageIOError(StorageError):
    cause = IO_ERROR


ERRORS: dict[str, type[StorageError]] = {
    cls.cause: cls
    for cls in (DiskFull, ReadOnlyStorage, PermissionDenied, StorageBusy, DatabaseDamaged, StorageIOError)
}


def _existing(path: Path) -> Path:
    """The path itself if it exists, else its nearest existing parent."""
    for candidate in (path, *path.parents):
        if candidate.exists():
            return candidate
    return Path(path.anchor or ".")


def diagnose(path: str | Path, writing: bool = True) -> str | None:
    """Which cause the file system shows for ``path``: read-only mount, missing
    permissions or a full disk (None: nothing visibly wrong)."""
    path = Path(path)
    place = _existing(path)
    folder = place if place.is_dir() else place.parent
    with contextlib.suppress(OSError):
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return READ_ONLY
    if path.exists() and not os.access(path, os.R_OK | (os.W_OK if writing else 0)):
        return NO_PERMISSION
    if not os.access(folder, os.R_OK | os.X_OK | (os.W_OK if writing else 0)):
        return NO_PERMISSION
    with contextlib.suppress(OSError):
        if shutil.disk_usage(folder).free < LOW_SPACE:
            return DISK_FULL
    return None


def sqlite_cause(exc: sqlite3.Error) -> str | None:
    """The cause named by a sqlite3 error's (primary) result code, if it names one."""
    name = getattr(exc, "sqlite_errorname", None) or ""
    for prefix, cause in _SQLITE_CAUSES.items():
        if name == prefix or name.startswith(prefix + "_"):
            return cause
    return None


def classify(exc: BaseException, path: str | Path | None = None) -> StorageError | None:
    """``exc`` as a StorageError naming the cause, or None when it is not about storage
    (a bug, a constraint, a missing table: those stay what they are)."""
    if isinstance(exc, StorageError):
        return exc
    if isinstance(exc, sqlite3.Error):
        where = Path(path) if path is not None else Path("the database")
        cause = sqlite_cause(exc)
        name = getattr(exc, "sqlite_errorname", None) or ""
        if cause is None and (name.startswith("SQLITE_CANTOPEN") or name.startswith("SQLITE_IOERR")):
            cause = (diagnose(where) if path is not None else None) or IO_ERROR
        elif cause in (READ_ONLY, NO_PERMISSION) and path is not None:
            # SQLITE_READONLY also means "the folder is not writable for you".
            cause = diagnose(where) or cause
        elif cause is None and name == "" and "disk is full" in str(exc):
            cause = DISK_FULL
        if cause is None:
            return None
        return ERRORS[cause](where, str(exc))
    if isinstance(exc, OSError):
        cause = _ERRNO_CAUSES.get(exc.errno or 0)
        if cause is None:
            return None
        named: str | Path = exc.filename if exc.filename is not None else (path if path is not None else "file")
        return ERRORS[cause](named, exc.strerror or str(exc))
    return None


@contextlib.contextmanager
def classified(path: str | Path | None = None) -> Iterator[None]:
    """Raise storage failures inside the block as classified StorageErrors."""
    try:
        yield
    except (sqlite3.Error, OSError) as exc:
        error = classify(exc, path)
        if error is None or error is exc:
            raise
        raise error from exc
