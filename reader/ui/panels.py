"""Side panels: the library and the outline of the open document, and what every panel
hosted beside the reading view (search, annotations) offers the window."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QByteArray, QModelIndex, QSortFilterProxyModel, Qt, Signal, Slot
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTreeView, QVBoxLayout, QWidget

from .models import DOC_ID_ROLE, LIBRARY_COLUMNS, SORT_ROLE, UNIT_ID_ROLE, LibraryModel, OutlineModel
from .settings import Settings

COLUMNS_SETTING = "ui/library_columns"
#: Columns shown beside the title until the user chooses others (header context menu): the
#: title's cell already shows the number, languages and notes beneath it, and the docked
#: panel is narrow.
DEFAULT_COLUMNS = frozenset({"date"})


class HostedPanel(Protocol):
    """A panel in a dock beside the reading view. It is given what it works on (the
    library, the search index, the annotation edits) when it is made; the window then
    tells it which document is open and what changed in the library, and stops its
    background work before the library closes."""

    def show_document(self, doc_id: str) -> None: ...

    def on_library_event(self, event: str, doc_id: str) -> None: ...

    def shutdown(self) -> None: ...


class LibraryPanel(QWidget):
    """All documents of the library, a row each with its metadata in sortable columns;
    activate one to open it, edit a cell (F2, or click a selected one) to change a field,
    right-click the header to choose the columns."""

    document_activated = Signal(str)
    remove_requested = Signal(str)
    compare_requested = Signal(str)

    def __init__(self, model: LibraryModel, settings: Settings | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("library_panel")
        self.settings = settings
        self.model = model
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setSortRole(SORT_ROLE)
        self.view = QTreeView()
        self.view.setObjectName("library_view")
        self.view.setModel(self.proxy)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(False)
        self.view.setWordWrap(False)  # the title on its line, the number and languages on the next, each elided
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setAlternatingRowColors(True)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # library order until a header is clicked
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._on_context_menu)
        self.view.activated.connect(self._on_activated)
        self.view.clicked.connect(self._on_activated)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._on_header_menu)
        for column in range(1, model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
            self.view.setColumnHidden(column, LIBRARY_COLUMNS[column][0] not in DEFAULT_COLUMNS)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        if settings is not None:  # the columns shown, their widths and the sort, as last left
            self.restore_header_state(settings.get(COLUMNS_SETTING))
            for changed in (header.sectionResized, header.sectionMoved, header.sortIndicatorChanged):
                changed.connect(self._save_header_state)

    def _save_header_state(self, *_args) -> None:
        if self.settings is not None:
            self.settings.set(COLUMNS_SETTING, self.header_state())

    def current_document(self) -> str:
        index = self.view.currentIndex()
        return index.data(DOC_ID_ROLE) or "" if index.isValid() else ""

    def select_document(self, doc_id: str) -> None:
        row = self.model.row_of(doc_id)
        if row >= 0:
            self.view.setCurrentIndex(self.proxy.mapFromSource(self.model.index(row, 0)))

    def index_of(self, doc_id: str, field: str = "title") -> QModelIndex:
        """Where a document's field is shown in the view (for tests and keyboard focus)."""
        column = [name for name, _ in LIBRARY_COLUMNS].index(field)
        return self.proxy.mapFromSource(self.model.index(self.model.row_of(doc_id), column))

    def header_state(self) -> bytes:
        return bytes(self.view.header().saveState().data())

    def restore_header_state(self, state: bytes) -> None:
        if state:
            self.view.header().restoreState(QByteArray(state))

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        doc_id = index.data(DOC_ID_ROLE)
        if doc_id:
            self.document_activated.emit(doc_id)

    @Slot()
    def _on_context_menu(self, pos) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid():
            return
        doc_id = index.data(DOC_ID_ROLE)
        menu = QMenu(self)
        menu.addAction(self.tr("Open"), lambda: self.document_activated.emit(doc_id))
        menu.addAction(self.tr("Compare with…"), lambda: self.compare_requested.emit(doc_id))
        if index.flags() & Qt.ItemFlag.ItemIsEditable:
            menu.addAction(self.tr("Edit this field"), lambda: self.view.edit(index))
        menu.addAction(self.tr("Remove…"), lambda: self.remove_requested.emit(doc_id))
        menu.exec(self.view.viewport().mapToGlobal(pos))

    def show_column(self, column: int, shown: bool) -> None:
        self.view.setColumnHidden(column, not shown)
        self._save_header_state()

    @Slot()
    def _on_header_menu(self, pos) -> None:
        menu = QMenu(self)
        for column in range(1, self.model.columnCount()):
            action = menu.addAction(str(self.model.headerData(column, Qt.Orientation.Horizontal)))
            action.setCheckable(True)
            action.setChecked(not self.view.isColumnHidden(column))
            action.toggled.connect(lambda shown, c=column: self.show_column(c, shown))
        menu.exec(self.view.header().mapToGlobal(pos))


class OutlinePanel(QWidget):
    """Parts and numbered clauses of the open document; activate one to go there."""

    clause_activated = Signal(str)

    def __init__(self, model: OutlineModel, parent=None):
        super().__init__(parent)
        self.setObjectName("outline_panel")
        self.model = model
        self.view = QTreeView()
        self.view.setObjectName("outline_view")
        self.view.setModel(model)
        self.view.setHeaderHidden(True)
        self.view.setWordWrap(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.activated.connect(self._on_activated)
        self.view.clicked.connect(self._on_activated)
        model.modelReset.connect(self.view.expandAll)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        unit_id = index.data(UNIT_ID_ROLE)
        if unit_id:
            self.clause_activated.emit(unit_id)

    def follow(self, unit_id: str) -> None:
        """Select the outline entry of a unit (or of the clause it belongs to) without moving the panes."""
        index = self.model.index_of(unit_id)
        if index.isValid():
            self.view.blockSignals(True)
            self.view.setCurrentIndex(index)
            self.view.blockSignals(False)
