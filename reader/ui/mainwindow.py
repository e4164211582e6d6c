"""The main window: library on the left, Chinese and Korean panes side by side."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QListView,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..errors import DuizhaoError
from ..library import Library
from ..model import Document
from .models import DOC_ID_ROLE, LibraryModel
from .render import pane_html


class MainWindow(QMainWindow):
    document_opened = Signal(str)

    def __init__(self, library: Library):
        super().__init__()
        self.library = library
        self.document: Document | None = None
        self.setWindowTitle("Duizhao 对照 · 대조")
        self.resize(1400, 900)

        self.library_model = LibraryModel(library.documents.list(), self)
        self.library_view = QListView()
        self.library_view.setModel(self.library_model)
        self.library_view.setWordWrap(True)
        self.library_view.setSpacing(4)
        self.library_view.activated.connect(self.on_library_activated)
        self.library_view.clicked.connect(self.on_library_activated)

        self.panes = {lang: QTextBrowser() for lang in ("zh", "ko")}
        self.no_translation = QLabel(self.tr("No translation yet: File ▸ Import translation… adds one."))
        self.no_translation.setVisible(False)
        self.no_translation.setStyleSheet("padding: 6px; background: palette(alternate-base);")

        reading = QSplitter(Qt.Orientation.Horizontal)
        reading.addWidget(self.panes["zh"])
        reading.addWidget(self.panes["ko"])
        center = QWidget()
        layout = QVBoxLayout(center)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.no_translation)
        layout.addWidget(reading)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.library_view)
        splitter.addWidget(center)
        splitter.setStretchFactor(1, 4)
        splitter.setSizes([280, 1120])
        self.setCentralWidget(splitter)
        self._build_menus()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        action = file_menu.addAction(self.tr("&Import…"), self.on_import)
        action.setShortcut("Ctrl+O")
        file_menu.addSeparator()
        action = file_menu.addAction(self.tr("&Quit"), self.close)
        action.setShortcut("Ctrl+Q")

    @Slot(QModelIndex)
    def on_library_activated(self, index: QModelIndex) -> None:
        doc_id = index.data(DOC_ID_ROLE)
        if doc_id:
            self.open_document(doc_id)

    def open_document(self, doc_id: str) -> None:
        document = self.library.documents.get(doc_id)
        self.document = document
        for lang, pane in self.panes.items():
            pane.setHtml(pane_html(document, lang))
            pane.setVisible(lang in document.languages)
        self.no_translation.setVisible(len(document.languages) == 1)
        self.library_view.setCurrentIndex(self.library_model.index(self.library_model.row_of(doc_id)))
        self.setWindowTitle(f"{document.title} — Duizhao")
        self.document_opened.emit(doc_id)

    @Slot()
    def on_import(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import document"), "", self.tr("Documents (*.txt *.md *.docx *.pdf *.hwpx)")
        )
        if not paths:
            return
        try:
            document = self.library.import_files(paths[:2])
        except DuizhaoError as exc:
            QMessageBox.warning(self, self.tr("Import failed"), str(exc))
            return
        self.library_model.set_documents(self.library.documents.list())
        self.open_document(document.id)
