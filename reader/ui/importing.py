"""Imports that keep the window responsive.

Each group of files is prepared (parsed and aligned, the slow part) on a worker thread and
stored on the GUI thread when the result comes back by a queued signal: the library's SQLite
connection stays on the thread that made it. One group is prepared at a time, so Cancel
takes effect after the current file; a result that arrives after Cancel is dropped unstored.

Parsing and aligning are pure Python and hold the interpreter lock. The GUI thread takes the
lock again after each Qt call, and under CPython's default switch interval it may wait up to
5 ms each time: over the thousands of calls of a repaint that is seconds. While a job runs the
interval is lowered so that the window keeps up (measured: 1 timer tick in 1.5 s → 60).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot

from ..errors import DuizhaoError
from ..library import PreparedImport
from ..model import Document

log = logging.getLogger(__name__)

#: Longest wait (s) of the GUI thread for the interpreter lock while a file is prepared.
SWITCH_INTERVAL = 0.0005

Prepare = Callable[[list[Path]], PreparedImport]
Store = Callable[[PreparedImport], Document]


class ImportJob(QObject):
    """Imports groups of files one after another: prepare on ``pool``, store here.

    A group of two files is first tried as the two languages of one document; if that
    fails, each file is imported on its own.
    """

    group_started = Signal(object, int)  # the files now being prepared, files done before them
    finished = Signal(list, list)  # ids of the stored documents, one error message per failed file

    # From the worker thread to this object's (the GUI) thread.
    _prepared = Signal(object, object)
    _failed = Signal(object, str)

    def __init__(self, pool: QThreadPool, groups: list[list[Path]], prepare: Prepare, store: Store, kind: str):
        super().__init__()
        self.pool = pool
        self.groups = [list(group) for group in groups]
        self.total = sum(len(group) for group in groups)
        self.prepare = prepare
        self.store = store
        self.kind = kind  # what the window does with the result: 'import' or 'attach'
        self.imported: list[str] = []
        self.errors: list[str] = []
        self.done = 0
        self.running = False
        self.cancelled = False
        self._switch_interval = sys.getswitchinterval()
        self._prepared.connect(self._on_prepared)
        self._failed.connect(self._on_failed)

    def start(self) -> None:
        self.running = True
        sys.setswitchinterval(min(self._switch_interval, SWITCH_INTERVAL))
        self._next()

    @Slot()
    def cancel(self) -> None:
        """Stop now: what is stored stays, the file being prepared is dropped when it is ready."""
        if self.running:
            self.cancelled = True
            self._finish()

    def _next(self) -> None:
        if not self.groups:
            self._finish()
            return
        group = self.groups.pop(0)
        self.group_started.emit(group, self.done)
        self.pool.start(lambda: self._prepare_off_thread(group))

    def _prepare_off_thread(self, group: list[Path]) -> None:
        """Runs on a pool thread: touches no database and no widget, only emits."""
        try:
            prepared = self.prepare(group)
        except DuizhaoError as exc:
            self._failed.emit(group, str(exc))
        except Exception as exc:  # a bug must not leave the import waiting forever
            log.exception("preparing %s failed", group)
            self._failed.emit(group, f"{', '.join(p.name for p in group)}: {exc}")
        else:
            self._prepared.emit(group, prepared)

    @Slot(object, object)
    def _on_prepared(self, group: list[Path], prepared: PreparedImport) -> None:
        if not self.running:
            return
        try:
            self.imported.append(self.store(prepared).id)
        except DuizhaoError as exc:
            self._on_failed(group, str(exc))
            return
        self.done += len(group)
        self._next()

    @Slot(object, str)
    def _on_failed(self, group: list[Path], message: str) -> None:
        if not self.running:
            return
        if len(group) == 2:
            self.groups[:0] = [[path] for path in group]  # not one document: each on its own
        else:
            self.errors.append(message)
            self.done += len(group)
        self._next()

    def _finish(self) -> None:
        self.running = False
        sys.setswitchinterval(self._switch_interval)
        self.finished.emit(self.imported, self.errors)
