"""Imports that keep the window responsive.

Each group of files is prepared (parsed and aligned, the slow part) on a worker thread and
stored on the GUI thread when the result comes back by a queued signal: the library's SQLite
connection stays on the thread that made it. One group is prepared at a time; a scan is
recognised page by page, each page reported (``page_done``), and Cancel stops it before the
next page; a result that arrives after Cancel is dropped unstored.

Parsing and aligning are pure Python and hold the interpreter lock. The GUI thread takes the
lock again after each Qt call, and under CPython's default switch interval it may wait up to
5 ms each time: over the thousands of calls of a repaint that is seconds. While a job runs the
interval is lowered so that the window keeps up (measured: 1 timer tick in 1.5 s → 60).
"""

from __future__ import annotations

import itertools
import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot

from ..errors import DuizhaoError
from ..library import PreparedImport
from ..model import Document
from .errors import describe, is_bug
from .messages import translate_error

log = logging.getLogger(__name__)

#: Longest wait (s) of the GUI thread for the interpreter lock while a file is prepared.
SWITCH_INTERVAL = 0.0005

#: Told of each page recognised by OCR (pages done, pages in all); raising stops the import.
PageCallback = Callable[[int, int], None]
Prepare = Callable[[list[Path], PageCallback], PreparedImport]
Store = Callable[[PreparedImport], Document]


class Preparer(QObject):
    """Runs the slow half of imports on its pool (one file at a time) and hands each result
    back to the GUI thread. It lives as long as the window: a worker thread must never hold
    the last reference to an object of the GUI thread, as it would to a job."""

    prepared = Signal(int, object)  # ticket, PreparedImport
    failed = Signal(int, str)  # ticket, message naming the file(s)

    def __init__(self, pool: QThreadPool, parent: QObject | None = None):
        super().__init__(parent)
        self.pool = pool
        self._tickets = itertools.count(1)

    def submit(self, group: list[Path], prepare: Prepare, on_page: PageCallback) -> int:
        ticket = next(self._tickets)
        self.pool.start(lambda: self._run(ticket, group, prepare, on_page))
        return ticket

    def _run(self, ticket: int, group: list[Path], prepare: Prepare, on_page: PageCallback) -> None:
        """On a pool thread: touches no database and no widget, only emits."""
        try:
            prepared = prepare(group, on_page)
        except Cancelled:
            return  # the job has ended already; nothing to hand back
        except DuizhaoError as exc:
            self.failed.emit(ticket, str(exc))
        except Exception as exc:  # a bug must not leave the import waiting forever
            log.exception("preparing %s failed", group)
            self.failed.emit(ticket, f"{', '.join(Path(p).name for p in group)}: {exc}")
        else:
            self.prepared.emit(ticket, prepared)

    def wait(self) -> None:
        """Drop what has not started and wait for the file being prepared."""
        self.pool.clear()
        self.pool.waitForDone()


class Cancelled(DuizhaoError):
    """Raised on the worker thread between two OCR pages once the import was cancelled."""


class ImportJob(QObject):
    """Imports groups of files one after another: prepared by ``preparer``, stored here.

    A group of two files is first tried as the two languages of one document; if that
    fails, each file is imported on its own.
    """

    group_started = Signal(object, int)  # the files now being prepared, files done before them
    finished = Signal(list, list)  # ids of the stored documents, one error message per failed file
    page_done = Signal(int, int)  # OCR of the file being prepared: pages done, pages in all

    def __init__(self, preparer: Preparer, groups: list[list[Path]], prepare: Prepare, store: Store, kind: str):
        super().__init__()
        self.preparer = preparer
        self.groups = [list(group) for group in groups]
        self.total = sum(len(group) for group in groups)
        self.prepare = prepare
        self.store = store
        self.kind = kind  # what the window does with the result: 'import' or 'attach'
        self.imported: list[str] = []
        self.errors: list[str] = []
        self.notices: list[str] = []  # "file: what to know" for documents stored despite it
        self.done = 0
        self.running = False
        self.cancelled = False
        self._stop = threading.Event()  # read by the worker thread between OCR pages
        self.group: list[Path] = []
        self.ticket = 0
        self._switch_interval = sys.getswitchinterval()

    def start(self) -> None:
        self.running = True
        self.preparer.prepared.connect(self._on_prepared)
        self.preparer.failed.connect(self._on_failed)
        sys.setswitchinterval(min(self._switch_interval, SWITCH_INTERVAL))
        self._next()

    @Slot()
    def cancel(self) -> None:
        """Stop now: what is stored stays, the file being prepared is dropped when it is ready."""
        if self.running:
            self.cancelled = True
            self._stop.set()
            self._finish()

    def _next(self) -> None:
        if not self.groups:
            self._finish()
            return
        self.group = self.groups.pop(0)
        self.group_started.emit(self.group, self.done)
        self.ticket = self.preparer.submit(self.group, self.prepare, self._on_page)

    def _on_page(self, done: int, total: int) -> None:
        """On the worker thread: stop if cancelled, else report the page (a queued signal)."""
        if self._stop.is_set():
            raise Cancelled("cancelled")
        self.page_done.emit(done, total)

    @Slot(int, object)
    def _on_prepared(self, ticket: int, prepared: PreparedImport) -> None:
        if ticket != self.ticket or not self.running:
            return
        try:
            self.imported.append(self.store(prepared).id)
            names = ", ".join(p.name for p in self.group)
            self.notices.extend(translate_error(f"{names}: {notice}") for notice in prepared.notices)
        except Exception as exc:  # a full disk, a read-only library, a bug: the import goes on
            if is_bug(exc):
                log.exception("storing %s failed", self.group)
            self.errors.append(f"{', '.join(p.name for p in self.group)}: {describe(exc)}")
        self.done += len(self.group)
        self._next()

    @Slot(int, str)
    def _on_failed(self, ticket: int, message: str) -> None:
        if ticket != self.ticket or not self.running:
            return
        if len(self.group) == 2:
            self.groups[:0] = [[path] for path in self.group]  # not one document: each on its own
        else:
            self.errors.append(translate_error(message))
            self.done += len(self.group)
        self._next()

    def _finish(self) -> None:
        self.running = False
        self.preparer.prepared.disconnect(self._on_prepared)
        self.preparer.failed.disconnect(self._on_failed)
        sys.setswitchinterval(self._switch_interval)
        self.finished.emit(self.imported, self.errors)
