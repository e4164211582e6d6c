"""The main window: library and outline on the left, the parallel view in the middle.

The window only coordinates. Its commands come from one table (``actions.py``); what they do
is done by controllers (``controllers/``: imports, alignment editing, review mode, annotations)
and panels, given what they work on and connected in ``_wire``. Widgets and controllers only
say what happened (``clause_activated``, ``document_ready``); the window decides what follows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QShowEvent, QUndoStack
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QWidget

from .. import APP_NAME
from ..errors import DuizhaoError
from ..model import AlignmentLink, Document
from ..protocols import LibraryProtocol
from . import actions, collector, compare_window, dialogs, hosting
from .controllers.alignment import AlignmentEditor
from .controllers.annotations import AnnotationController, AnnotationEdits
from .controllers.imports import ImportController
from .controllers.metadata import MetadataEdits
from .controllers.review import ReviewController
from .errors import ErrorReporter
from .fonts import font_fix, missing_scripts
from .layout import NarrowLayout
from .models import UNIT_ID_ROLE, LibraryModel, OutlineModel
from .pane_menu import PaneMenu
from .panels import HostedPanel, LibraryPanel, OutlinePanel
from .parallel import ParallelView
from .session import Session
from .settings import Settings
from .statusbar import ReaderStatusBar
from .theme import pane_colors

if TYPE_CHECKING:
    from ..search import SearchIndex
    from .annotations_panel import AnnotationsPanel
    from .lookup import LookupController
    from .search_panel import SearchPanel


class MainWindow(QMainWindow):
    document_opened = Signal(str)
    search_requested = Signal(str)  # 'document' or 'library'

    def __init__(self, library: LibraryProtocol, settings: Settings | None = None, translations: object = None):
        super().__init__()
        self.setObjectName("main_window")
        self.library = library
        self.settings = settings or Settings()
        self.translations = translations
        self.document: Document | None = None
        self.links: list[AlignmentLink] = []
        self.pending_unit = ""  # reading position to restore once the window has its size
        self.errors = ErrorReporter(self)
        self.undo_stack = QUndoStack(self)  # every edit: alignment corrections and annotations
        self.resize(1400, 900)
        self.setAcceptDrops(True)
        self.parallel = ParallelView()
        self.setCentralWidget(self.parallel)
        self.session = Session(self.settings, self, self.parallel)
        self.status = ReaderStatusBar(self)
        self.setStatusBar(self.status)
        self.position_label, self.review_label = self.status.position_label, self.status.review_label
        self.library_model = LibraryModel(parent=self)
        self.library_panel = LibraryPanel(self.library_model, self.settings)
        self.outline_model = OutlineModel(self)
        self.outline_panel = OutlinePanel(self.outline_model)
        self.library_dock = self.add_dock("library_dock", self.library_panel, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.outline_dock = self.add_dock("outline_dock", self.outline_panel, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.font_warning = self.parallel.add_banner(
            "font_warning", "padding: 6px; background: #fde2e1; color: #5c1a17;"
        )
        self.empty_hint = self.parallel.add_banner("empty_hint", "padding: 24px;")

        self.imports = ImportController(library, self, self.errors)
        self.alignment = AlignmentEditor(library, self.parallel, self.undo_stack, self.errors)
        self.review = ReviewController(self.parallel, self.alignment)
        self.annotation_edits = AnnotationEdits(library.annotations, self.undo_stack, self.errors)
        self.annotations = AnnotationController(self.annotation_edits, self.parallel)
        self.metadata_edits = MetadataEdits(library, self.undo_stack, self.errors)
        self.hosted: dict[str, HostedPanel] = {}  # by dock name
        self.search_panel: SearchPanel | None = None
        self.annotations_panel: AnnotationsPanel | None = None
        self.lookups: list[LookupController] = []  # the reading aid over each side
        self.search_index: SearchIndex | None = None

        self.actions_by_name = actions.create_actions(self)
        self.menus = actions.create_menus(self.menuBar(), self.actions_by_name)
        for dock in (self.library_dock, self.outline_dock):
            self.menus["view"].addAction(dock.toggleViewAction())
        self.toolbar = actions.create_toolbar(self, self.actions_by_name)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        self._wire()
        self.pane_menu, self.narrow = PaneMenu(self), NarrowLayout(self)
        self.compare_mode = compare_window.CompareMode(self)  # the compare view (issue 14)
        self.retranslate_ui()
        self.session.apply(self.actions_by_name["sync"], self.actions_by_name["readings"])
        self.refresh_library()
        self.check_fonts()

    def add_dock(self, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        features = QDockWidget.DockWidgetFeature
        dock.setFeatures(features.DockWidgetMovable | features.DockWidgetClosable | features.DockWidgetFloatable)
        self.addDockWidget(area, dock)
        return dock

    def _wire(self) -> None:
        """Every connection between the parts of the window, in one place."""
        self.library_panel.document_activated.connect(self.open_document)
        self.library_panel.remove_requested.connect(self.remove_document)
        self.library_model.edit_requested.connect(self.metadata_edits.edit)
        self.outline_panel.clause_activated.connect(self.go_to_unit)
        self.parallel.reading_unit_changed.connect(self._on_reading_unit_changed)
        self.parallel.swapped_sides.connect(
            lambda: self.outline_model.set_document(self.document, self.parallel.left.lang)
        )
        self.parallel.unit_hovered.connect(self._on_unit_hovered)
        self.parallel.attach_requested.connect(self.on_attach_translation)
        self.imports.document_ready.connect(self.open_document)
        self.imports.corpus_ready.connect(lambda doc_id: self.document is None and self.open_document(doc_id))
        self.imports.library_changed.connect(self.refresh_library)
        self.imports.message.connect(self.status.show_message)
        self.alignment.message.connect(self.status.show_message)
        self.alignment.links_changed.connect(self._on_links_changed)
        self.review.message.connect(self.status.show_review)
        self.review.count_changed.connect(self.review_label.setText)
        self.review.go_to_requested.connect(self.go_to_unit)
        self.review.mode_changed.connect(lambda on: actions.set_review_keys(self.actions_by_name, on))
        self.annotations.message.connect(self.status.show_message)
        self.errors.reported.connect(self.status.show_message)
        for name, can in (("undo", self.undo_stack.canUndoChanged), ("redo", self.undo_stack.canRedoChanged)):
            self.actions_by_name[name].setEnabled(False)
            can.connect(self.actions_by_name[name].setEnabled)
        self.library.listen(hosting.while_alive(self, self._on_library_event))
        QApplication.styleHints().colorSchemeChanged.connect(lambda *_: self.parallel.set_colors(pane_colors()))

    def retranslate_ui(self) -> None:
        """Every user-visible string, so a language switch takes effect at once."""
        actions.retranslate(self.actions_by_name, self.menus)
        self.library_dock.setWindowTitle(self.tr("Library"))
        self.outline_dock.setWindowTitle(self.tr("Outline"))
        for name in self.hosted:
            dock = self.hosted_dock(name)
            if dock is not None:
                dock.setWindowTitle(hosting.dock_title(name))
        self.toolbar.setWindowTitle(self.tr("Toolbar"))
        self.parallel.bar.retranslate()
        self.empty_hint.setText(self.tr("No document is open: choose one in the Library or import one (Ctrl+O)."))
        for pane in self.parallel.sides:
            pane.unmatched_labels = {
                "not_translated": self.tr("Not translated"),
                "added": self.tr("Added in translation"),
            }
        self._update_title()
        self.review.update_count()
        self.check_fonts()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        elif event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.parallel.set_colors(pane_colors())
        super().changeEvent(event)

    def check_fonts(self) -> None:
        missing = missing_scripts()
        if missing:
            names = {"zh": self.tr("Chinese"), "ko": self.tr("Korean")}
            self.font_warning.setText(
                self.tr("No installed font can show {languages}: text would appear as boxes. To fix: {fix}").format(
                    languages=self.tr(" and ").join(names[m] for m in missing), fix=font_fix()
                )
            )
            self.status.showMessage(self.font_warning.text())
        self.font_warning.setVisible(bool(missing))

    # -- start and end -------------------------------------------------------------------------
    def restore_layout(self) -> None:
        self.session.restore_layout()
        self.narrow.reapply()

    def save_state(self) -> None:
        self.session.save(self.document.id if self.document is not None else "", self.narrow.wide_state())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.pending_unit:
            QTimer.singleShot(0, self.restore_position)

    @Slot()
    def restore_position(self) -> None:
        unit, self.pending_unit = self.pending_unit, ""
        if unit and self.document is not None:
            self.go_to_unit(self.parallel.same_place(unit))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        self.shutdown()
        super().closeEvent(event)

    @Slot()
    def shutdown(self) -> None:
        """Stop background work while the library is open: import, comparison, panels, index."""
        self.imports.shutdown()
        self.compare_mode.compare.shutdown()
        for panel in self.hosted.values():
            panel.shutdown()
        index, self.search_index = self.search_index, None
        if index is not None:
            index.close()

    # -- the library and the open document ------------------------------------------------------------
    def refresh_library(self) -> None:
        documents = self.library.documents.list()
        counts = self.library.annotations.counts()
        for doc in documents:
            doc["annotations"] = counts.get(doc["id"], 0)
        self.library_model.set_documents(documents)
        if self.document is not None:
            self.library_panel.select_document(self.document.id)

    def _on_library_event(self, event: str, doc_id: str) -> None:
        self.refresh_library()
        if self.document is None or doc_id != self.document.id:
            return
        if event == "annotated":
            self.annotations.refresh_marks()
        elif event == "deleted":
            self.close_document()
        elif event in ("changed", "realigned"):
            self.open_document(doc_id, self.parallel.reading_unit())
        elif event == "described":  # new metadata, the same text: the title bar and citations follow
            self.document.take_metadata(self.library.documents.get(doc_id))
            self._update_title()

    @Slot(str)
    @collector.collection_paused()  # a long document makes objects by the hundred thousand
    def open_document(self, doc_id: str, unit_id: str = "") -> None:
        """Show a document at ``unit_id``; without one, another document opens where the
        reader left it (the same one stays where it is)."""
        try:
            document = self.library.documents.get(doc_id)
        except DuizhaoError as exc:
            self.status.show_message(str(exc))
            return
        changed = self.document is None or self.document.id != document.id
        if changed:
            if self.document is not None:
                self.session.remember(self.document.id)
            unit_id = unit_id or self.session.position_of(document.id)
            self.undo_stack.clear()  # undo never changes a document that is not on screen
        unit_id = unit_id or self.parallel.reading_unit()
        self.document = document
        self.links = self.library.links_of(document)
        self.parallel.show_document(document, self.links, near=unit_id)
        self.empty_hint.setVisible(False)
        self.alignment.set_document(document, self.links)
        self.annotations.set_document(document, self.links)
        self.outline_model.set_document(document, self.parallel.left.lang)
        self.library_panel.select_document(document.id)
        if changed:
            self.position_label.setText("")
        (self.review.reset if changed else self.review.update_count)()  # a reset counts, too
        self._update_title()
        self.actions_by_name["attach_translation"].setEnabled(len(document.languages) == 1)
        unit_id = self.parallel.same_place(unit_id) if unit_id else ""
        if unit_id:
            self.go_to_unit(unit_id)
        self.document_opened.emit(document.id)

    def close_document(self) -> None:
        """The open document was removed: empty panes, and a hint what to do."""
        self.document, self.links = None, []
        self.parallel.clear()
        self.alignment.set_document(None, [])
        self.annotations.set_document(None, [])
        self.outline_model.set_document(None)
        self.undo_stack.clear()
        self.position_label.setText("")
        self.review.reset()
        self.empty_hint.setVisible(True)
        self._update_title()

    @Slot(str)
    def _on_links_changed(self, doc_id: str) -> None:
        if self.document is not None and self.document.id == doc_id:
            self.links = list(self.alignment.links)
            self.annotations.set_document(self.document, self.links)

    @Slot(str, str)
    def go_to(self, doc_id: str, segment_id: str) -> None:
        """Open a document at a unit (a search hit, an annotation): both panes level at it."""
        if self.document is None or self.document.id != doc_id:
            self.open_document(doc_id, segment_id)
        self.go_to_unit(segment_id)
        self.parallel.select_unit(segment_id)

    @Slot(str)
    def go_to_unit(self, unit_id: str) -> None:
        self.parallel.go_to_unit(unit_id)

    @Slot(str)
    def _on_reading_unit_changed(self, unit_id: str) -> None:
        """The outline and the status bar follow the clause being read (in the outline's language)."""
        others = self.parallel.alignment.counterparts(unit_id) if unit_id else []
        if others and not unit_id.startswith(self.parallel.left.lang + "."):
            unit_id = others[0]
        index = self.outline_model.enclosing(unit_id)
        if index.isValid():
            unit = index.data(UNIT_ID_ROLE)  # a new outline's first selection measures all above it
            self.parallel.after_paint("outline", lambda: self.outline_panel.follow(unit))
            self.position_label.setText(index.data() or "")

    @Slot(str)
    def _on_unit_hovered(self, unit_id: str) -> None:
        kind = self.parallel.alignment.unmatched().get(unit_id) if unit_id else None
        pane = self.parallel.pane_of(unit_id)
        if not unit_id or (kind and pane is not None):
            self.status.show_hint(pane.unmatched_labels[kind] if kind and pane is not None else "")

    def _update_title(self) -> None:
        title = f"{self.document.title} — {APP_NAME}" if self.document is not None else f"{APP_NAME} 对照 · 대조"
        self.setWindowTitle(title)

    # -- importing and removing -------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            QTimer.singleShot(0, lambda: self.imports.import_paths(paths))

    @Slot()
    def on_attach_translation(self) -> None:
        if self.document is not None:
            self.imports.choose_translation(self.document)

    @Slot()
    def on_remove_document(self) -> None:
        doc_id = self.library_panel.current_document() or (self.document.id if self.document else "")
        if doc_id:
            self.remove_document(doc_id)

    @Slot(str)
    def remove_document(self, doc_id: str) -> bool:
        row = self.library_model.row_of(doc_id)
        if not dialogs.confirm_removal(self, self.library_model.document_at(row)["title"] if row >= 0 else doc_id):
            return False
        self.library.delete(doc_id)
        self.refresh_library()
        return True

    @Slot()
    # -- panels and dialogs ------------------------------------------------------------------
    def host_panels(self, index: SearchIndex | None = None) -> None:
        """Dock the search and annotations panels (after the first paint; see ``hosting``)."""
        hosting.host_panels(self, index)

    def hosted_dock(self, name: str) -> QDockWidget | None:
        return self.findChild(QDockWidget, name)

    def request_search(self, scope: str) -> None:
        dock = self.hosted_dock("search_dock")
        if dock is not None and self.search_panel is not None:
            dock.show()
            dock.raise_()
            self.search_panel.focus_query(scope, self.document.id if self.document and scope == "document" else "")
        self.search_requested.emit(scope)

    @Slot()
    def on_export(self) -> None:
        """The briefing export dialog (annotations of this document or the library)."""
        from .export_dialog import ExportDialog

        self.export_dialog = ExportDialog(self.library, self.document.id if self.document else "", self)
        self.export_dialog.exec()

    @Slot()
    def on_settings(self) -> None:
        from .settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self)
        if dialog.exec():
            dialog.apply(self)

    @Slot()
    def on_about(self) -> None:
        dialogs.show_about(self)
