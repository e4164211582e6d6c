"""What the window remembers between starts: its layout, text size, sides, sync, the last
document, and where the reader left each document (so that reopening one from the Library
opens it there). Every key is declared in ``reader.config.SETTINGS``."""

from __future__ import annotations

import json

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from .parallel import ParallelView
from .settings import Settings
from .theme import pane_colors


class Session:
    def __init__(self, settings: Settings, window: QMainWindow, view: ParallelView):
        self.settings = settings
        self.window = window
        self.view = view

    def apply(self, sync_action: QAction, readings_action: QAction | None = None) -> None:
        """Text size, sides, sync and readings as last chosen."""
        size = float(self.settings.get("reader/font_size"))
        for pane in self.view.sides:
            pane.set_point_size(size)
        self.view.set_swapped(bool(self.settings.get("reader/swapped")))
        sync = bool(self.settings.get("reader/sync"))
        sync_action.setChecked(sync)
        self.view.sync.set_enabled(sync)
        if readings_action is not None:
            readings_action.setChecked(bool(self.settings.get("reader/readings")))
        self.view.set_colors(pane_colors())

    def restore_layout(self) -> None:
        geometry, state = self.settings.get("ui/geometry"), self.settings.get("ui/state")
        if geometry:
            self.window.restoreGeometry(geometry)
        if state:
            self.window.restoreState(state)

    def fit_to_screen(self) -> None:
        """Keep the window on its screen: the default 1400×900, or a size remembered from a
        larger monitor, shrinks to the space the screen has (an 800×600 screen showed only
        the left part of the window, the Korean pane cut off)."""
        screen = self.window.screen()
        if screen is None or self.window.isMaximized() or self.window.isFullScreen():
            return
        room = screen.availableGeometry()
        frame = self.window.frameGeometry()
        extra_w, extra_h = frame.width() - self.window.width(), frame.height() - self.window.height()
        width = min(self.window.width(), room.width() - extra_w)
        height = min(self.window.height(), room.height() - extra_h)
        if (width, height) != (self.window.width(), self.window.height()):
            self.window.resize(width, height)
        frame = self.window.frameGeometry()
        x = min(max(frame.x(), room.left()), room.right() + 1 - frame.width())
        y = min(max(frame.y(), room.top()), room.bottom() + 1 - frame.height())
        if (x, y) != (frame.x(), frame.y()):
            self.window.move(x, y)

    def positions(self) -> dict[str, str]:
        """Where the reader left each document: document id → unit id."""
        try:
            positions = json.loads(self.settings.get("reader/positions") or "{}")
        except ValueError:
            return {}
        return positions if isinstance(positions, dict) else {}

    def position_of(self, doc_id: str) -> str:
        return str(self.positions().get(doc_id, ""))

    def remember(self, doc_id: str) -> None:
        """The reader leaves ``doc_id`` (shown in the view) where it is now."""
        unit = self.view.reading_unit()
        if unit:
            positions = self.positions()
            positions[doc_id] = unit
            self.settings.set("reader/positions", json.dumps(positions, ensure_ascii=False))

    def save(self, doc_id: str, state: QByteArray | None = None) -> None:
        """At the end: the window's layout and choices, and the open document's place.
        ``state``: the dock layout to keep (the wide one while a narrow window has put panels away)."""
        self.settings.set("ui/geometry", bytes(self.window.saveGeometry().data()))
        self.settings.set("ui/state", bytes((state if state is not None else self.window.saveState()).data()))
        if doc_id:
            self.settings.set("reader/last_document", doc_id)
            self.settings.set("reader/last_unit", self.view.reading_unit())
            self.remember(doc_id)
        self.settings.set("reader/font_size", self.view.left.point_size())
        self.settings.set("reader/swapped", self.view.swapped)
        self.settings.set("reader/sync", self.view.sync.enabled)
        self.settings.set("reader/readings", self.view.readings_shown)
        self.settings.sync()
