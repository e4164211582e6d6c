"""Narrow windows: the side panels give way so that each reading pane keeps a readable line.

A reading pane needs about 30 characters per line to be read as prose. The window has
three arrangements, chosen by its width:

- *wide* (≥ 1200 px): the panels as the user arranged them;
- *compact* (900–1199 px): every open panel in one tabbed column on the left, narrow;
- *panels hidden* (< 900 px, or when even that column leaves a pane too little): the
  panels are put away (the View menu brings one back).

When narrow, the two panes stand side by side if each gets at least ``MIN_CHARS``
characters per line, and one above the other otherwise. Going back to wide
restores the user's arrangement exactly (``QMainWindow.saveState``), and that is also the
arrangement saved at quit (``wide_state``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt, QTimer, Slot
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QDockWidget, QStyle

if TYPE_CHECKING:
    from .mainwindow import MainWindow

WIDE, COMPACT, HIDDEN = "wide", "compact", "hidden"
COMPACT_BELOW = 1200
HIDE_BELOW = 900
MIN_CHARS = 30
DOCK_WIDTH = 230


class NarrowLayout(QObject):
    """Rearranges a main window's docks and its panes' orientation as its width changes."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.mode = WIDE
        self._wide_state: QByteArray | None = None
        self._put_away: list[QDockWidget] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.update)
        self._line_width = 0.0  # what the last arrangement was made for
        window.installEventFilter(self)
        for pane in window.parallel.sides:
            pane.geometry_changed.connect(self._on_geometry_changed)

    @Slot()
    def _on_geometry_changed(self) -> None:
        """Zoom changes the line a pane needs; the panes' own resizes (which the
        arrangement itself causes) change nothing here and must not start it again."""
        if self.line_width() != self._line_width:
            self._timer.start()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.window and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._timer.start()
        return False

    def reapply(self) -> None:
        """The user's arrangement was just restored (settings, new panels): it is the wide
        one; arrange it again for the present width."""
        self._wide_state = self.window.saveState()
        self._put_away = []
        self.mode = WIDE
        self.update()

    def wide_state(self) -> QByteArray:
        """The user's own arrangement of the panels (what is saved at quit)."""
        return self._wide_state if self.mode != WIDE and self._wide_state is not None else self.window.saveState()

    def docks(self) -> list[QDockWidget]:
        return [d for d in self.window.findChildren(QDockWidget) if d.parent() is self.window and not d.isFloating()]

    @Slot()
    def update(self) -> None:
        """Arrange for the present width; the reading place stays where it was (restored at
        once, not by a jump, so the counterpart stays level)."""
        parallel = self.window.parallel
        before = (self.mode, parallel.splitter.orientation())
        self._line_width = self.line_width()
        self._arrange()
        if parallel.document is not None and (self.mode, parallel.splitter.orientation()) != before:
            parallel.settle_layout()
            parallel.restore_place()

    def _arrange(self) -> None:
        width = self.window.width()
        mode = WIDE if width >= COMPACT_BELOW else COMPACT if width >= HIDE_BELOW else HIDDEN
        if mode != self.mode:
            if mode == WIDE:
                self._put_away = []
                if self._wide_state is not None:
                    self.window.restoreState(self._wide_state)
            elif mode == COMPACT:
                self._compact()
            else:
                self._hide()
            self.mode = mode
        if self.mode == COMPACT and self._room() < self.line_width():
            self._hide()  # even one narrow column leaves too little: the panels go away
            self.mode = HIDDEN
        self.orient()
        if self.mode == WIDE:
            # Taken while wide: by the time a resize is seen, the window is narrow already.
            self._wide_state = self.window.saveState()

    def _compact(self) -> None:
        for dock in self._put_away:
            dock.show()
        self._put_away = []
        docks = [d for d in self.docks() if not d.isHidden()]
        if not docks:
            return
        first = docks[0]
        self.window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, first)
        for dock in docks[1:]:
            self.window.tabifyDockWidget(first, dock)
        self.window.resizeDocks([first], [DOCK_WIDTH], Qt.Orientation.Horizontal)
        first.raise_()

    def _hide(self) -> None:
        self._put_away = [d for d in self.docks() if not d.isHidden()]
        for dock in self._put_away:
            dock.hide()

    def line_width(self) -> float:
        """Pixels a pane needs for MIN_CHARS characters per line (text, margins, scrollbar)."""
        pane = self.window.parallel.left
        metrics = QFontMetricsF(pane.document().defaultFont())
        margins = 2 * pane.document().documentMargin() + pane.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return MIN_CHARS * metrics.horizontalAdvance("中") + margins + 8

    def _room(self) -> int:
        layout = self.window.layout()
        if layout is not None:
            layout.activate()
        return self.window.parallel.width()

    @Slot()
    def orient(self) -> None:
        """Side by side when both panes get their line (and always in the wide arrangement),
        else one above the other."""
        splitter = self.window.parallel.splitter
        shown = [w for w in (splitter.widget(i) for i in range(splitter.count())) if w is not None and not w.isHidden()]
        room = self._room() - splitter.handleWidth() * (len(shown) - 1)
        fits = self.mode == WIDE or len(shown) < 2 or room >= len(shown) * self.line_width()
        orientation = Qt.Orientation.Horizontal if fits else Qt.Orientation.Vertical
        if splitter.orientation() != orientation:
            splitter.setOrientation(orientation)
            splitter.setSizes([1] * splitter.count())
