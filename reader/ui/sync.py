"""The sync controller: when one pane scrolls, the other follows.

It listens to both vertical scrollbars. When one moves, it maps the moving pane's
reading line through the :class:`SyncMap` and sets the other scrollbar so the
counterpart sits on its reading line. A re-entrancy guard stops the follower's own
``valueChanged`` from driving the leader back (no feedback loop, no jitter). An
optional throttle coalesces bursts of wheel events; tests set its delay to 0, which
follows synchronously.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from .pane import ReadingPane
from .syncmap import Extent, LazySyncMap, Pair


class PaneSide:
    """One pane as the lazy sync map sees it (its units measured when asked)."""

    def __init__(self, pane: ReadingPane):
        self.pane = pane
        self.geometry = pane.unit_geometry
        self.order = pane.unit_geometry.order

    def extent(self, unit_id: str) -> Extent:
        return self.geometry.axis(self.order[unit_id])

    def index_at(self, y: float) -> int:
        return self.geometry.index_at(y)

    def height(self) -> float:
        return self.pane.content_height()


class SyncController(QObject):
    """Keeps two reading panes level at their reading lines."""

    followed = Signal(str)  # the pane that followed: 'left' or 'right'

    def __init__(self, left: ReadingPane, right: ReadingPane, delay_ms: int = 0, parent: QObject | None = None):
        super().__init__(parent)
        self.left = left
        self.right = right
        self.enabled = True
        self._pairs: list[Pair] = []
        self._map: LazySyncMap | None = None
        self._map_content: tuple[int, ...] = ()
        self._map_geometry: tuple[int, int] = (0, 0)
        self._following = False
        self._pending_from_left: bool | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._flush)
        self.delay_ms = delay_ms
        # The map is rebuilt when a pane's geometry_version moves (see sync_map), not on
        # a signal: a queued signal could arrive after the map was already rebuilt.
        for pane in (left, right):
            pane.verticalScrollBar().valueChanged.connect(self._on_scrolled)

    @property
    def delay_ms(self) -> int:
        return self._timer.interval()

    @delay_ms.setter
    def delay_ms(self, value: int) -> None:
        self._timer.setInterval(max(0, value))

    def set_pairs(self, pairs: Sequence[Pair]) -> None:
        """What the two sides show that says the same (left units, right units), in reading order."""
        self._pairs = list(pairs)
        self.invalidate()

    def set_enabled(self, enabled: bool) -> None:
        self.enabled = enabled
        if enabled:
            self.follow(from_left=True)

    @Slot()
    def invalidate(self) -> None:
        """Pane geometry or links changed: rebuild the map when next needed."""
        self._map = None

    def sync_map(self) -> LazySyncMap:
        """The map between the panes: which pairs it follows is settled when the texts or
        the pairs change; where they are is measured as scrolling reaches them, again
        after a reflow."""
        content = (id(self.left), id(self.right), self.left.content_version, self.right.content_version)
        geometry = (self.left.geometry_version, self.right.geometry_version)
        if self._map is None or content != self._map_content:
            self._map_content = content
            self._map_geometry = geometry
            self._map = LazySyncMap(self._pairs, PaneSide(self.left), PaneSide(self.right))
        elif geometry != self._map_geometry:
            self._map_geometry = geometry
            self._map.clear()
        return self._map

    def set_panes(self, left: ReadingPane, right: ReadingPane, pairs: Sequence[Pair]) -> None:
        """The panes changed sides (swap), and with them the pairs."""
        self.left, self.right = left, right
        self.set_pairs(pairs)

    @Slot(int)
    def _on_scrolled(self, _value: int) -> None:
        self._schedule(from_left=self.sender() is self.left.verticalScrollBar())

    def _schedule(self, from_left: bool) -> None:
        if self._following or not self.enabled or not self._pairs:
            return
        if self.left.isHidden() or self.right.isHidden():
            return
        if self.delay_ms == 0:
            self.follow(from_left)
            return
        self._pending_from_left = from_left
        if not self._timer.isActive():
            self._timer.start()

    @Slot()
    def _flush(self) -> None:
        if self._pending_from_left is not None:
            from_left, self._pending_from_left = self._pending_from_left, None
            self.follow(from_left)

    def place(self, pane: ReadingPane, value: int) -> None:
        """Set a pane's scroll position without the other pane following (a jump that
        levels both panes itself)."""
        self._following = True
        try:
            pane.verticalScrollBar().setValue(value)
        finally:
            self._following = False

    @contextmanager
    def held(self) -> Iterator[None]:
        """Neither pane follows the other meanwhile (a pane moving with its own text)."""
        following, self._following = self._following, True
        try:
            yield
        finally:
            self._following = following

    def follow(self, from_left: bool) -> None:
        """Move the other pane so it is level with ``from_left``'s reading line."""
        if not self._pairs:
            return
        leader, follower = (self.left, self.right) if from_left else (self.right, self.left)
        target = self.sync_map().map(leader.reading_y(), from_left) - follower.reading_line()
        bar = follower.verticalScrollBar()
        follower.ensure_scroll_range(round(target))
        value = max(bar.minimum(), min(bar.maximum(), round(target)))
        if value == bar.value():
            return
        self._following = True
        try:
            bar.setValue(value)
        finally:
            self._following = False
        self.followed.emit("right" if from_left else "left")
