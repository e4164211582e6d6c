"""The last resort for errors in the GUI: log them, tell the user in one line, go on.

An exception that escapes a Qt slot does not stop the program, but whatever the slot was
doing stops half-way (an import that never says it has finished, a note never saved) and
the user is told nothing. Slots that write are decorated with :func:`guarded`, and
``install_excepthook`` catches what still escapes. Errors are told apart as in
``reader.store.errors``: a known one (full disk, read-only library, a bad file) is shown
as it is; anything else is a bug, logged with its traceback and shown as such.
"""

from __future__ import annotations

import functools
import logging
import sys
from collections.abc import Callable
from types import TracebackType
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal

from ..errors import DuizhaoError
from ..store.errors import classify

log = logging.getLogger(__name__)

#: What the user reads for a storage error, by ``StorageError.reason``.
STORAGE_REASONS = {
    "disk_full": QT_TRANSLATE_NOOP("Errors", "The disk is full: free some space and try again."),
    "read_only": QT_TRANSLATE_NOOP("Errors", "The library is read-only: nothing could be saved."),
    "cannot_open": QT_TRANSLATE_NOOP("Errors", "The library file cannot be opened."),
    "io_error": QT_TRANSLATE_NOOP("Errors", "The disk could not be read or written."),
    "busy": QT_TRANSLATE_NOOP("Errors", "The library is in use by another program: try again."),
    "damaged": QT_TRANSLATE_NOOP("Errors", "The library file is damaged: restart to restore a backup."),
}
BUG = QT_TRANSLATE_NOOP("Errors", "Something went wrong ({error}); the details are in the log.")


def _tr(text: object) -> str:
    return QCoreApplication.translate("Errors", str(text))


def describe(exc: BaseException) -> str:
    """One line for the user: what went wrong and, if they can, what to do."""
    storage = classify(exc)
    if storage is not None:
        return _tr(STORAGE_REASONS[storage.reason])
    if isinstance(exc, DuizhaoError):
        return str(exc)
    return _tr(BUG).format(error=type(exc).__name__)


def is_bug(exc: BaseException) -> bool:
    return classify(exc) is None and not isinstance(exc, DuizhaoError)


class ErrorReporter(QObject):
    """Where errors go: logged here, and ``reported`` carries the line for the user."""

    reported = Signal(str)

    def report(self, exc: BaseException, doing: str = "") -> str:
        message = describe(exc)
        if is_bug(exc):
            log.error("bug while %s", doing or "handling an event", exc_info=exc)
        else:
            log.warning("%s: %s", doing or "error", exc)
        self.reported.emit(message)
        return message


class HasErrorReporter(Protocol):
    errors: ErrorReporter


F = TypeVar("F", bound=Callable[..., Any])


def guarded(doing: str) -> Callable[[F], F]:
    """Decorate a method of an object with an ``errors`` reporter: an exception from it is
    reported (and the method returns None) instead of escaping into Qt."""

    def decorate(method: F) -> F:
        @functools.wraps(method)
        def wrapper(self: HasErrorReporter, *args: Any, **kwargs: Any) -> Any:
            try:
                return method(self, *args, **kwargs)
            except Exception as exc:
                self.errors.report(exc, doing)
                return None

        return wrapper  # type: ignore[return-value]

    return decorate


def install_excepthook(reporter: ErrorReporter) -> Callable[[], None]:
    """Report every exception that still escapes (a slot, a timer) instead of only printing
    it; returns a function that puts the previous hook back."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt | SystemExit):
            previous(kind, exc, tb)
            return
        reporter.report(exc.with_traceback(tb), "running a GUI slot")

    sys.excepthook = hook

    def restore() -> None:
        sys.excepthook = previous

    return restore
