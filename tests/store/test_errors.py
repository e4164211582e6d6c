"""SQLite errors a user can act on are told apart from bugs by their error code."""

from __future__ import annotations

import sqlite3

import pytest

from reader.errors import DuizhaoError
from reader.store.errors import StorageError, classify


def test_a_write_to_a_read_only_library_is_a_user_facing_error(library):
    library.db.execute("PRAGMA query_only = ON")
    # The store classifies it on the way out (reader.store.database.LibraryDatabase.atomic).
    with pytest.raises(StorageError) as caught:
        library.documents.set_meta("probe", "1")
    error = classify(caught.value)
    assert error is caught.value and isinstance(error, DuizhaoError)
    assert error.reason == "read_only"
    assert "read-only" in str(error)


def test_a_term_base_write_to_a_read_only_library_is_classified_and_changes_nothing(library):
    library.terms.put_term("政策", "정책")
    library.db.execute("PRAGMA query_only = ON")
    with pytest.raises(StorageError) as caught:
        library.terms.put_term("政策", "폴리시", preferred=True)
    assert caught.value.reason == "read_only"
    library.db.execute("PRAGMA query_only = OFF")
    assert [(r.ko, r.preferred) for r in library.terms.entry("政策").renderings] == [("정책", False)]


def test_a_syntax_error_is_a_bug_not_a_user_facing_error(library):
    with pytest.raises(sqlite3.Error) as caught:
        library.db.execute("SELEC nothing")
    assert classify(caught.value) is None


def test_errors_that_are_not_sqlite_are_not_classified():
    assert classify(ValueError("x")) is None
