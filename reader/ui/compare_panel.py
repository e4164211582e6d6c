"""The compare view's widgets: the dialog that chooses what to compare, and the overview
panel docked beside the reading view (counts, the changes per part, the legend, export)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from .compare_marks import CHANGES
from .compare_model import PAIR_ROLE, ComparisonOverviewModel, status_hint, status_name
from .pane import CHANGE_MARKERS

LANGUAGES = ("zh", "ko")


class CompareDialog(QDialog):
    """Choose the two documents (or versions) to compare, and the language to compare them in."""

    def __init__(self, documents: list[tuple[str, str]], left: str = "", right: str = "", parent=None):
        """``documents``: (reference, title) of every document or version that can be chosen."""
        super().__init__(parent)
        self.setObjectName("compare_dialog")
        self.setWindowTitle(self.tr("Compare documents"))
        self.left = QComboBox()
        self.left.setObjectName("compare_left")
        self.right = QComboBox()
        self.right.setObjectName("compare_right")
        for combo in (self.left, self.right):
            for ref, title in documents:
                combo.addItem(title, ref)
        if left:
            self.left.setCurrentIndex(max(0, self.left.findData(left)))
        others = [ref for ref, _title in documents if ref != self.left.currentData()]
        chosen = right or (others[0] if others else "")
        self.right.setCurrentIndex(max(0, self.right.findData(chosen)))
        self.language = QComboBox()
        self.language.setObjectName("compare_language")
        self.language.addItem(self.tr("Chinese"), "zh")
        self.language.addItem(self.tr("Korean"), "ko")
        form = QFormLayout()
        form.addRow(self.tr("Left (old, A):"), self.left)
        form.addRow(self.tr("Right (new, B):"), self.right)
        form.addRow(self.tr("Compare the text in:"), self.language)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def choice(self) -> tuple[str, str, str]:
        """(left reference, right reference, language)."""
        return self.left.currentData(), self.right.currentData(), self.language.currentData()


class ComparisonPanel(QWidget):
    """What changed between the two sides: totals, a legend, and the changes part by part."""

    pair_activated = Signal(int)
    step_requested = Signal(bool)  # forward
    export_requested = Signal(bool)  # unchanged provisions as 同左 / 좌동

    def __init__(self, model: ComparisonOverviewModel, parent=None):
        super().__init__(parent)
        self.setObjectName("comparison_panel")
        self.model = model
        self.title = QLabel()
        self.title.setObjectName("comparison_title")
        self.title.setWordWrap(True)
        self.totals = QLabel()
        self.totals.setObjectName("comparison_totals")
        self.totals.setWordWrap(True)
        self.legend = QLabel()
        self.legend.setObjectName("comparison_legend")
        self.legend.setWordWrap(True)
        self.view = QTreeView()
        self.view.setObjectName("comparison_view")
        self.view.setModel(model)
        self.view.setHeaderHidden(True)
        self.view.setWordWrap(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.activated.connect(self._on_activated)
        self.view.clicked.connect(self._on_activated)
        model.modelReset.connect(self.view.expandAll)
        model.modelReset.connect(self.update_totals)
        self.previous = QPushButton()
        self.previous.clicked.connect(lambda: self.step_requested.emit(False))
        self.next = QPushButton()
        self.next.clicked.connect(lambda: self.step_requested.emit(True))
        self.same_as_left = QCheckBox()
        self.same_as_left.setObjectName("same_as_left")
        self.export = QPushButton()
        self.export.setObjectName("export_comparison")
        self.export.clicked.connect(lambda: self.export_requested.emit(self.same_as_left.isChecked()))
        steps = QHBoxLayout()
        steps.addWidget(self.previous)
        steps.addWidget(self.next)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.totals)
        layout.addLayout(steps)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.same_as_left)
        layout.addWidget(self.export)
        self.retranslate()

    def retranslate(self) -> None:
        self.previous.setText(self.tr("◀ Previous change"))
        self.next.setText(self.tr("Next change ▶"))
        self.same_as_left.setText(self.tr("Unchanged provisions as 同左 / 좌동"))
        self.export.setText(self.tr("Export comparison…"))
        lines = [f"{CHANGE_MARKERS[s]}  {status_name(s)}: {status_hint(s)}" for s in ("continued", *CHANGES)]
        lines.append(self.tr("Inserted words are underlined, deleted words struck through."))
        self.legend.setText("\n".join(lines))
        self.update_totals()

    def set_title(self, left: str, right: str) -> None:
        self.title.setText(self.tr("{left}  ↔  {right}").format(left=left, right=right))

    @Slot()
    def update_totals(self) -> None:
        totals = self.model.totals
        if not totals:
            self.totals.setText("")
            return
        parts = [f"{CHANGE_MARKERS[s]} {status_name(s)} {totals.get(s, 0)}" for s in ("continued", *CHANGES)]
        self.totals.setText(" · ".join(parts))

    def follow(self, pair: int) -> None:
        """Select the entry of a change without moving the panes."""
        index = self.model.index_of_pair(pair)
        if index.isValid():
            self.view.blockSignals(True)
            self.view.setCurrentIndex(index)
            self.view.blockSignals(False)

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        pair = index.data(PAIR_ROLE)
        if pair is not None and pair >= 0:
            self.pair_activated.emit(pair)
