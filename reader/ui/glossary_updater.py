"""Keeps the mined glossary up to date in the background, whichever panel is on screen.

The glossary is the evidence of the translation checks as well as the content of the
glossary panel, and the two share one place (tabs): mining only while the glossary
panel was on screen left the checks working from a stale (on a new library, an empty)
glossary. The updater mines a moment after the library changes (an import, a
re-alignment, a removal) or after start-up when the stored glossary is stale, on a
low-priority thread with a database connection of its own; only the analysis of new
sentences is new work (see ``terms.glossary.analyse``). Whoever shows the glossary or
uses it listens to ``mined``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

log = logging.getLogger(__name__)
#: How long the library must stay unchanged before the glossary is mined again (ms):
#: an import of many files mines once, at the end.
MINE_DELAY_MS = 1500
#: Library events that change the glossary's evidence.
EVENTS = ("imported", "changed", "realigned", "deleted")


class _Miner(QObject):
    """Mines the glossary on a thread of its own, through a connection of its own."""

    finished = Signal(bool)

    def __init__(self, database: Path):
        super().__init__()
        self.database = database
        self.stop = False

    @Slot()
    def run(self) -> None:
        from ..library import LibraryReader
        from ..terms.service import refresh_glossary

        reader = LibraryReader(self.database)
        try:
            done = refresh_glossary(reader, cancelled=lambda: self.stop) is not None
        except Exception:  # the panel says so; the library is not touched
            log.exception("mining the glossary failed")
            done = False
        finally:
            reader.close()
        self.finished.emit(done)


class GlossaryUpdater(QObject):
    started = Signal()  # mining began
    mined = Signal(bool)  # mining ended: True if the stored glossary is new

    def __init__(self, library, parent: QObject | None = None, delay_ms: int = MINE_DELAY_MS):
        super().__init__(parent)
        self.library = library
        self._thread: QThread | None = None
        self._miner: _Miner | None = None
        self._again = False  # the library changed while mining: mine once more
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(delay_ms)
        self._later.timeout.connect(self._mine_if_stale)

    @property
    def busy(self) -> bool:
        """Mining, or about to."""
        return self._thread is not None or self._later.isActive()

    def schedule(self) -> None:
        """Mine a moment from now if the stored glossary is stale (again if mining now)."""
        if self._thread is not None:
            self._again = True
        elif self.library.terms.stale:
            self._later.start()

    def on_library_event(self, event: str, _doc_id: str) -> None:
        if event in EVENTS:
            self.schedule()

    @Slot()
    def _mine_if_stale(self) -> None:
        if self.library.terms.stale:
            self.refresh()

    def refresh(self) -> None:
        """Mine now (unless mining already)."""
        self._later.stop()
        if self._thread is not None:
            return
        self._again = False
        self._thread = QThread(self)
        self._miner = _Miner(self.library.path)
        self._miner.moveToThread(self._thread)
        self._thread.started.connect(self._miner.run)
        self._miner.finished.connect(self._on_finished)
        self._thread.start(QThread.Priority.LowPriority)
        self.started.emit()

    @Slot(bool)
    def _on_finished(self, done: bool) -> None:
        self._join()
        again, self._again = self._again, False
        self.mined.emit(done)
        if again:
            self.schedule()

    def _join(self) -> None:
        if self._thread is None:
            return
        self._thread.quit()
        self._thread.wait()
        self._thread = None
        self._miner = None

    def stop(self) -> None:
        """Stop mining (the window is closing); waits for the thread."""
        self._later.stop()
        self._again = False
        if self._miner is not None:
            self._miner.stop = True
            self._miner.finished.disconnect(self._on_finished)
        self._join()
