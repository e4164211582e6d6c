"""The status bar: the clause being read, links left to review, and one-line messages."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QStatusBar, QWidget

#: How long a message stays (ms).
MESSAGE_MS = 8000


class ElidedLabel(QLabel):
    """One line that shortens itself to the room it is given (…) and shows the whole text
    as its tooltip: a long heading never widens the window, however narrow it is."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self._elide()

    def text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        super().setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, max(self.width(), 0)))


class ReaderStatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.position_label = ElidedLabel()
        self.review_label = QLabel()
        self.addWidget(self.position_label, 1)
        self.addPermanentWidget(self.review_label)
        self.reviewing = False  # a review message stays until review mode moves on or ends

    @Slot(str)
    def show_message(self, text: str) -> None:
        """One line for a while: what a command did, why it did nothing, what went wrong."""
        self.showMessage(text, MESSAGE_MS)

    @Slot(str)
    def show_review(self, text: str) -> None:
        """Why the link under review is flagged ('' when review mode ends)."""
        self.reviewing = bool(text)
        if text:
            self.showMessage(text)
        else:
            self.clearMessage()

    @Slot(str)
    def show_hint(self, text: str) -> None:
        """A hint about the unit under the mouse ('' when it leaves it)."""
        if text:
            self.showMessage(text)
        elif not self.reviewing:
            self.clearMessage()
