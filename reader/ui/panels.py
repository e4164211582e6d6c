"""Side panels: the library and the outline of the open document, and what every panel
hosted beside the reading view (search, annotations) offers the window."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import QAbstractItemView, QListView, QMenu, QTreeView, QVBoxLayout, QWidget

from .models import DOC_ID_ROLE, UNIT_ID_ROLE, LibraryModel, OutlineModel


class HostedPanel(Protocol):
    """A panel in a dock beside the reading view. It is given what it works on (the
    library, the search index, the annotation edits) when it is made; the window then
    tells it which document is open and what changed in the library, and stops its
    background work before the library closes."""

    def show_document(self, doc_id: str) -> None: ...

    def on_library_event(self, event: str, doc_id: str) -> None: ...

    def shutdown(self) -> None: ...


class LibraryPanel(QWidget):
    """All documents of the library; activate one to open it."""

    document_activated = Signal(str)
    remove_requested = Signal(str)

    def __init__(self, model: LibraryModel, parent=None):
        super().__init__(parent)
        self.setObjectName("library_panel")
        self.model = model
        self.view = QListView()
        self.view.setObjectName("library_view")
        self.view.setModel(model)
        self.view.setWordWrap(True)
        self.view.setSpacing(3)
        self.view.setUniformItemSizes(False)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._on_context_menu)
        self.view.activated.connect(self._on_activated)
        self.view.clicked.connect(self._on_activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def current_document(self) -> str:
        index = self.view.currentIndex()
        return index.data(DOC_ID_ROLE) or "" if index.isValid() else ""

    def select_document(self, doc_id: str) -> None:
        row = self.model.row_of(doc_id)
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row))

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
        menu.addAction(self.tr("Remove…"), lambda: self.remove_requested.emit(doc_id))
        menu.exec(self.view.viewport().mapToGlobal(pos))


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
