"""The status bar: the clause being read, links left to review, and one-line messages."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

#: How long a message stays (ms).
MESSAGE_MS = 8000


class ReaderStatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.position_label = QLabel()
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
