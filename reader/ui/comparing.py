"""Comparisons that keep the window responsive.

The documents and their stored sentence vectors are read on the GUI thread (the library's
SQLite connection stays on the thread that made it, ``reader.compare.prepare``); the slow
half — encoding the sentences that have no vector yet, matching, the word diffs
(``reader.compare.run``) — runs on a worker thread, and the result comes back by a queued
signal. ``run`` reports its progress after each batch of sentences and each stage; Cancel
sets a flag that the next report turns into ``Cancelled`` on the worker, so a cancelled
comparison stops at the next batch or stage and nothing of it is shown.
"""

from __future__ import annotations

import itertools
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool, Signal

if TYPE_CHECKING:
    from ..compare import ComparisonTask  # the engine (numpy, jieba) loads at the first comparison


class ComparisonWorker(QObject):
    """Runs comparisons on its pool, one at a time, and hands each back to the GUI thread.

    Like ``importing.Preparer`` it lives as long as its controller, so a worker thread never
    holds the last reference to an object of the GUI thread.
    """

    progressed = Signal(int, int, int, str)  # ticket, steps done, steps in all, "encoding" / "matching"
    compared = Signal(int, object, object)  # ticket, Comparison, {doc id: vectors encoded}
    failed = Signal(int, object)  # ticket, the exception (Cancelled when cancelled)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._tickets = itertools.count(1)
        self._stops: dict[int, threading.Event] = {}

    def submit(self, task: ComparisonTask) -> int:
        ticket = next(self._tickets)
        stop = self._stops[ticket] = threading.Event()
        self.pool.start(lambda: self._run(ticket, task, stop))
        return ticket

    def cancel(self, ticket: int) -> None:
        """Stop a comparison at its next report (it may be waiting to start: then at once)."""
        stop = self._stops.get(ticket)
        if stop is not None:
            stop.set()

    def _run(self, ticket: int, task: ComparisonTask, stop: threading.Event) -> None:
        """On a pool thread: touches no database and no widget, only emits."""
        from ..compare import Cancelled, run

        def progress(done: int, total: int, stage: str) -> None:
            if stop.is_set():
                raise Cancelled("cancelled")
            self.progressed.emit(ticket, done, total, stage)

        try:
            if stop.is_set():
                raise Cancelled("cancelled")
            comparison, encoded = run(task, progress)
        except Exception as exc:  # Cancelled, a known error or a bug: the controller reports it
            self.failed.emit(ticket, exc)  # (with its traceback) on the GUI thread
        else:
            self.compared.emit(ticket, comparison, encoded)
        finally:
            self._stops.pop(ticket, None)

    def wait(self) -> None:
        """Cancel what runs, drop what has not started, and wait for the pool."""
        for stop in list(self._stops.values()):
            stop.set()
        self.pool.clear()
        self.pool.waitForDone()
