"""The glossary panel: the library's Chinese terms and how they were rendered.

Search and sort the terms; select one to see its renderings and where each is used
(activate an example to open the document there: ``hit_activated(doc, segment)``);
mark a rendering as preferred, add, edit or remove your own entries (each an undoable
command on the window's undo stack), import and export CSV or TBX. The glossary is
mined again in the background when the library has changed (``GlossaryUpdater``,
shared with the translation checks).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal, Slot
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..errors import DuizhaoError
from .glossary_model import ENTRY_ROLE, SORT_ROLE, GlossaryModel
from .glossary_updater import GlossaryUpdater

log = logging.getLogger(__name__)
EXAMPLE_ROLE = Qt.ItemDataRole.UserRole + 10


def _write_text(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


class TermCommand(QUndoCommand):
    """One change of the user's term base (add, prefer, edit or remove a rendering)."""

    def __init__(self, panel: GlossaryPanel, text: str, before: list[tuple], after: list[tuple]):
        super().__init__(text)
        self.panel, self.before, self.after = panel, before, after

    def _apply(self, rows: list[tuple], other: list[tuple]) -> None:
        terms = self.panel.library.terms
        for zh, ko, *_ in other:
            terms.delete_term(zh, ko)
        for zh, ko, preferred, note in rows:
            terms.put_term(zh, ko, preferred, note)
        if not self.panel.batch:
            self.panel.reload()

    def redo(self) -> None:
        self._apply(self.after, self.before)

    def undo(self) -> None:
        self._apply(self.before, self.after)


class GlossaryPanel(QWidget):
    hit_activated = Signal(str, str)  # doc_id, segment_id
    glossary_mined = Signal()  # the stored glossary was mined again

    def __init__(
        self, library, undo_stack: QUndoStack | None = None, updater: GlossaryUpdater | None = None, parent=None
    ):
        super().__init__(parent)
        self.setObjectName("glossary_panel")
        self.setWindowTitle(self.tr("Glossary"))
        self.library = library
        self.undo_stack = undo_stack or QUndoStack(self)
        self.model = GlossaryModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.batch = False  # inside a many-row change: reload once at its end
        # The window's updater mines for every panel; a panel of its own gets its own.
        self._own_updater = updater is None
        self.updater = updater or GlossaryUpdater(library, self)
        self.updater.started.connect(self._on_mining)
        self.updater.mined.connect(self._on_mined)

        self.search = QLineEdit()
        self.search.setObjectName("glossary_search")
        self.search.setPlaceholderText(self.tr("Find a term (Chinese, reading or Korean)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.status = QLabel()
        self.status.setObjectName("glossary_status")

        self.table = QTableView()
        self.table.setObjectName("glossary_table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._show_current)

        self.renderings = QListWidget()
        self.renderings.setObjectName("glossary_renderings")
        self.renderings.currentRowChanged.connect(self._show_uses)
        self.examples = QListWidget()
        self.examples.setObjectName("glossary_examples")
        self.examples.setWordWrap(True)
        self.examples.itemActivated.connect(self._open_example)
        self.examples.itemClicked.connect(self._open_example)

        buttons = QHBoxLayout()
        self.prefer_button = QPushButton(self.tr("Preferred"))
        self.prefer_button.setToolTip(self.tr("Mark the selected rendering as the preferred one"))
        self.add_button = QPushButton(self.tr("Add…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.import_button = QPushButton(self.tr("Import…"))
        self.export_button = QPushButton(self.tr("Export…"))
        for button, slot in (
            (self.prefer_button, self.prefer_selected),
            (self.add_button, self.on_add),
            (self.edit_button, self.on_edit),
            (self.remove_button, self.remove_selected),
            (self.import_button, self.on_import),
            (self.export_button, self.on_export),
        ):
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch()

        details = QWidget()
        details_layout = QVBoxLayout(details)
        details_layout.setContentsMargins(0, 0, 0, 0)
        details_layout.addWidget(QLabel(self.tr("Renderings")))
        details_layout.addWidget(self.renderings, 1)
        details_layout.addWidget(QLabel(self.tr("Where it is used")))
        details_layout.addWidget(self.examples, 2)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.reload()

    # -- data ---------------------------------------------------------------------------
    def reload(self) -> None:
        """Show the stored glossary (the updater mines it again if it is stale)."""
        current = self.current_entry()
        self.model.set_entries(self.library.terms.glossary())
        self.status.setText(self.tr("%n term(s)", "", self.model.rowCount()))
        if current is not None:
            self.select_term(current.zh)
        if self.library.terms.stale:
            self.updater.schedule()

    def refresh(self) -> None:
        """Mine the glossary again now."""
        self.updater.refresh()

    @Slot()
    def _on_mining(self) -> None:
        self.status.setText(self.tr("Updating the glossary…"))

    @Slot(bool)
    def _on_mined(self, done: bool) -> None:
        if done:
            self.reload()
            self.glossary_mined.emit()
        else:
            self.status.setText(self.tr("The glossary could not be updated."))

    def stop_work(self) -> None:
        """Stop mining (on quit); waits for the thread."""
        self.updater.stop()

    def show_document(self, doc_id: str) -> None:
        """The glossary is the library's: the open document changes nothing here."""

    def shutdown(self) -> None:
        """The window is closing: stop mining before the library closes."""
        self.stop_work()

    def on_library_event(self, event: str, doc_id: str) -> None:
        if self._own_updater:  # the window's updater hears the library itself
            self.updater.on_library_event(event, doc_id)

    def closeEvent(self, event) -> None:
        if self._own_updater:
            self.stop_work()
        super().closeEvent(event)

    # -- selection ------------------------------------------------------------------------
    def current_entry(self):
        index = self.table.currentIndex()
        return index.data(ENTRY_ROLE) if index.isValid() else None

    def select_term(self, zh: str) -> bool:
        row = self.model.row_of(zh)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            self.search.clear()
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def current_rendering(self) -> str:
        item = self.renderings.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else ""

    @Slot()
    def _show_current(self, *_args) -> None:
        entry = self.current_entry()
        self.renderings.clear()
        self.examples.clear()
        if entry is None:
            return
        for rendering in entry.renderings:
            star = "★ " if rendering.preferred else ""
            item = QListWidgetItem(
                self.tr("%1%2 — %n use(s)", "", rendering.count).replace("%1", star).replace("%2", rendering.ko)
            )
            item.setData(Qt.ItemDataRole.UserRole, rendering.ko)
            self.renderings.addItem(item)
        if entry.renderings:
            self.renderings.setCurrentRow(0)
        else:
            self._show_uses(-1)

    @Slot(int)
    def _show_uses(self, _row: int) -> None:
        entry = self.current_entry()
        self.examples.clear()
        if entry is None:
            return
        ko = self.current_rendering()
        examples = [e for e in entry.examples if not ko or ko in e.ko] or entry.examples
        for example in examples:
            item = QListWidgetItem(f"{example.zh}\n{example.ko}\n[{example.doc_id}]")
            item.setData(EXAMPLE_ROLE, (example.doc_id, example.zh_id))
            self.examples.addItem(item)

    @Slot(QListWidgetItem)
    def _open_example(self, item: QListWidgetItem) -> None:
        doc_id, segment_id = item.data(EXAMPLE_ROLE)
        self.hit_activated.emit(doc_id, segment_id)

    # -- editing the term base (undoable) -----------------------------------------------------
    def _rows(self, zh: str) -> list[tuple]:
        return [(t["zh"], t["ko"], t["preferred"], t["note"]) for t in self.library.terms.term_base() if t["zh"] == zh]

    def _change(self, text: str, zh: str, after: list[tuple]) -> None:
        try:
            self.undo_stack.push(TermCommand(self, text, self._rows(zh), after))
        except DuizhaoError as exc:
            self.status.setText(str(exc))

    @Slot()
    def prefer_selected(self) -> bool:
        entry, ko = self.current_entry(), self.current_rendering()
        if entry is None or not ko:
            self.status.setText(self.tr("Select a term and one of its renderings first."))
            return False
        after = [(zh, k, False, note) for zh, k, _, note in self._rows(entry.zh) if k != ko]
        after.append((entry.zh, ko, True, ""))
        self._change(self.tr("Prefer %1 for %2").replace("%1", ko).replace("%2", entry.zh), entry.zh, after)
        return True

    def add_term(self, zh: str, ko: str, preferred: bool = False) -> None:
        zh, ko = zh.strip(), ko.strip()
        if not zh or not ko:
            return
        after = [row for row in self._rows(zh) if row[1] != ko] + [(zh, ko, preferred, "")]
        self._change(self.tr("Add %1 → %2").replace("%1", zh).replace("%2", ko), zh, after)
        if not self.batch:
            self.select_term(zh)

    def edit_term(self, zh: str, old_ko: str, new_ko: str) -> None:
        rows = self._rows(zh)
        preferred = any(k == old_ko and p for _, k, p, _ in rows)
        after = [row for row in rows if row[1] not in (old_ko, new_ko)] + [(zh, new_ko.strip(), preferred, "")]
        self._change(self.tr("Edit %1").replace("%1", zh), zh, after)

    @Slot()
    def remove_selected(self) -> bool:
        entry, ko = self.current_entry(), self.current_rendering()
        if entry is None or not ko or not any(k == ko for _, k, _, _ in self._rows(entry.zh)):
            self.status.setText(self.tr("Only renderings you added or marked can be removed."))
            return False
        after = [row for row in self._rows(entry.zh) if row[1] != ko]
        self._change(self.tr("Remove %1 → %2").replace("%1", entry.zh).replace("%2", ko), entry.zh, after)
        return True

    @Slot()
    def on_add(self) -> None:
        entry = self.current_entry()
        zh, ok = QInputDialog.getText(
            self, self.tr("Add a term"), self.tr("Chinese term:"), text=entry.zh if entry else ""
        )
        if not ok or not zh.strip():
            return
        ko, ok = QInputDialog.getText(self, self.tr("Add a term"), self.tr("Korean rendering of %1:").replace("%1", zh))
        if ok:
            self.add_term(zh, ko)

    @Slot()
    def on_edit(self) -> None:
        entry, ko = self.current_entry(), self.current_rendering()
        if entry is None or not ko:
            self.status.setText(self.tr("Select a term and one of its renderings first."))
            return
        new, ok = QInputDialog.getText(self, self.tr("Edit the rendering"), entry.zh, text=ko)
        if ok and new.strip() and new.strip() != ko:
            self.edit_term(entry.zh, ko, new)

    @Slot()
    def on_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import terms"), "", self.tr("Terms (*.csv *.tbx)"))
        if path:
            self.import_terms(path)

    def import_terms(self, path: str | Path) -> int:
        from ..terms.exchange import read_terms

        try:
            rows = read_terms(path)
        except DuizhaoError as exc:
            QMessageBox.warning(self, self.tr("Import terms"), str(exc))
            return 0
        self.batch = True
        try:
            self.undo_stack.beginMacro(self.tr("Import %n term(s)", "", len(rows)))
            for row in rows:
                self.add_term(row.zh, row.ko, row.preferred)
            self.undo_stack.endMacro()
        finally:
            self.batch = False
        self.reload()
        self.status.setText(self.tr("Imported %n term(s).", "", len(rows)))
        return len(rows)

    @Slot()
    def on_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the glossary"), "glossary.csv", self.tr("CSV (*.csv);;TBX (*.tbx)")
        )
        if path:
            self.export_terms(path)

    def export_terms(self, path: str | Path) -> bool:
        from ..export.atomic import write_atomically
        from ..terms.exchange import to_csv, to_tbx

        shown = (
            self.model.entry(self.proxy.mapToSource(self.proxy.index(r, 0)).row()) for r in range(self.proxy.rowCount())
        )
        entries = [entry for entry in shown if entry is not None]
        text = to_tbx(entries) if str(path).lower().endswith(".tbx") else to_csv(entries)
        try:
            write_atomically(path, lambda temporary: _write_text(temporary, text), force=True)
        except DuizhaoError as exc:
            QMessageBox.warning(self, self.tr("Export the glossary"), str(exc))
            return False
        self.status.setText(self.tr("Exported %n term(s).", "", len(entries)))
        return True
