"""SQLite errors sorted into those a user can act on and bugs (as qutebrowser's ``misc/sql.py``).

A full disk, a read-only or locked library, a damaged file: the user can do something
about these, so they become a :class:`StorageError` with one line fit to show. Any other
SQLite error (a syntax error, a constraint the code should have kept) is a bug: it stays
what it is, to be logged with its traceback.
"""

from __future__ import annotations

import sqlite3

from ..errors import DuizhaoError

#: Primary SQLite result codes a user can act on → (reason key, what to say).
USER_FACING: dict[int, tuple[str, str]] = {
    sqlite3.SQLITE_FULL: ("disk_full", "the disk is full"),
    sqlite3.SQLITE_READONLY: ("read_only", "the library is read-only"),
    sqlite3.SQLITE_PERM: ("read_only", "the library is read-only"),
    sqlite3.SQLITE_CANTOPEN: ("cannot_open", "the library file cannot be opened"),
    sqlite3.SQLITE_IOERR: ("io_error", "the disk could not be read or written"),
    sqlite3.SQLITE_BUSY: ("busy", "the library is in use by another program"),
    sqlite3.SQLITE_LOCKED: ("busy", "the library is in use by another program"),
    sqlite3.SQLITE_CORRUPT: ("damaged", "the library file is damaged"),
    sqlite3.SQLITE_NOTADB: ("damaged", "the library file is damaged"),
}


class StorageError(DuizhaoError):
    """The library could not be written or read for a reason the user can act on."""

    def __init__(self, reason: str, problem: str, cause: sqlite3.Error):
        self.reason = reason
        self.problem = problem
        super().__init__(f"{problem} ({cause})")


def classify(exc: BaseException) -> StorageError | None:
    """The user-facing form of an SQLite error, or None if it is a bug (or not SQLite's)."""
    if isinstance(exc, StorageError):
        return exc
    if not isinstance(exc, sqlite3.Error):
        return None
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:
        return None
    known = USER_FACING.get(code & 0xFF)  # the primary code of an extended one (SQLITE_IOERR_WRITE)
    if known is None:
        return None
    return StorageError(known[0], known[1], exc)
