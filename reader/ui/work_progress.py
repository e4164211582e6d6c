"""Work going on in the background, shown in the status bar: what is being done, a bar and
Cancel.

Not a dialog: a window of its own would take the keys from the reading view when it
appears and not hand them back on every platform when it goes (offscreen and some X11
window managers leave no window active), and a modal one runs the event loop inside its
``setValue``. It shows only once the work has lasted ``delay_ms``, so quick work does not
flicker, and its button takes no focus from the text when clicked.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

#: How long work runs before it is shown (ms).
SHOW_AFTER_MS = 300


class WorkProgress(QWidget):
    canceled = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("work_progress")
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(160)
        self.bar.setTextVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.cancel_button.clicked.connect(self.canceled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self.delay_ms = SHOW_AFTER_MS
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.show)
        self.hide()

    def begin(self, text: str) -> None:
        """Work has started: shown after ``delay_ms`` unless it ends before."""
        self.label.setText(text)
        self.bar.setRange(0, 0)  # busy until the first report
        self._timer.start(self.delay_ms)

    def report(self, text: str, done: int, total: int) -> None:
        self.label.setText(text)
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)

    @Slot()
    def finish(self) -> None:
        self._timer.stop()
        self.hide()

    def retranslate(self) -> None:
        self.cancel_button.setText(self.tr("Cancel"))
