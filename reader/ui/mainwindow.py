"""The main window: library and outline on the left, the parallel view in the middle.

All signals between the panels, the panes and the library are wired here, in
``_wire``; widgets only say what happened (``clause_activated``, ``hit_activated``)
and the window decides what follows.
"""

from __future__ import annotations

import importlib
import logging
import weakref
from pathlib import Path

import shiboken6
from PySide6.QtCore import QEvent, QSize, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QToolBar,
)

from .. import APP_NAME
from ..align.embeddings import encoder_notice
from ..errors import DuizhaoError
from ..library import Library
from ..model import AlignmentLink, Document
from . import corrections
from .alignment import review_reason
from .corrections import AlignmentEdit
from .fonts import font_fix, missing_scripts
from .importing import ImportJob, Prepare, Preparer, Store
from .models import LibraryModel, OutlineModel
from .panels import LibraryPanel, OutlinePanel
from .parallel import ParallelView
from .settings import Settings
from .theme import pane_colors

log = logging.getLogger(__name__)

IMPORT_FILTER = "*.txt *.md *.docx *.pdf *.hwpx"
MIN_POINT_SIZE, MAX_POINT_SIZE = 8.0, 40.0

#: Panels made by other parts of the app: (module, class, dock object name, what the constructor takes).
HOSTED_PANELS = (
    ("reader.ui.search_panel", "SearchPanel", "search_dock", "library"),
    ("reader.ui.annotations_panel", "AnnotationsPanel", "annotations_dock", "annotations"),
)

#: Keys 1–6 highlight the selection in these colours (names of reader.annotations COLORS).
HIGHLIGHT_KEYS = ("yellow", "green", "blue", "pink", "purple", "orange")


def _while_alive(widget, callback):
    """A library listener that calls ``callback`` only while ``widget`` exists: the
    library outlives windows (tests, the screenshot command) and keeps its listeners."""
    ref = weakref.ref(widget)

    def listener(event: str, doc_id: str) -> None:
        alive = ref()
        if alive is not None and shiboken6.isValid(alive):
            callback(event, doc_id)

    return listener


class MainWindow(QMainWindow):
    document_opened = Signal(str)
    search_requested = Signal(str)  # 'document' or 'library'
    alignment_changed = Signal(str)  # doc id
    review_changed = Signal(int)  # links left to review
    import_finished = Signal(list)  # ids of the documents stored by an import or an attached translation

    def __init__(self, library: Library, settings: Settings | None = None, translations=None):
        super().__init__()
        self.setObjectName("main_window")
        self.library = library
        self.settings = settings or Settings()
        self.translations = translations
        self.document: Document | None = None
        self.links: list[AlignmentLink] = []
        self.review_mode = False
        self.review_index: int | None = None
        self.undo_stack = QUndoStack(self)
        self._history: list[str] = []  # 'align' or 'note', most recent last: what Undo undoes
        self._redo_history: list[str] = []
        self._undoing = False
        self._parents: dict[str, str | None] = {}
        self.hosted: dict[str, object] = {}
        self._last_span: tuple[str, int, int] = ("", 0, 0)  # the user's last text selection in a pane
        self.pending_unit = ""  # reading position to restore once the window has its size
        self.import_pool = QThreadPool(self)  # prepares imports off the GUI thread, one file at a time
        self.import_pool.setMaxThreadCount(1)
        self.preparer = Preparer(self.import_pool, self)  # after the pool: deleted after it has finished
        self.import_job: ImportJob | None = None
        self.import_progress: QProgressDialog | None = None
        self.resize(1400, 900)
        self.setAcceptDrops(True)

        self.parallel = ParallelView()
        self.setCentralWidget(self.parallel)
        self.library_model = LibraryModel(parent=self)
        self.library_panel = LibraryPanel(self.library_model)
        self.outline_model = OutlineModel(self)
        self.outline_panel = OutlinePanel(self.outline_model)
        self.library_dock = self._dock("library_dock", self.library_panel, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.outline_dock = self._dock("outline_dock", self.outline_panel, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.font_warning = QLabel()
        self.font_warning.setObjectName("font_warning")
        self.font_warning.setWordWrap(True)
        self.font_warning.setVisible(False)
        self.font_warning.setStyleSheet("padding: 6px; background: #fde2e1; color: #5c1a17;")
        self.parallel.layout().insertWidget(0, self.font_warning)
        self.position_label = QLabel()
        self.review_label = QLabel()
        self.statusBar().addWidget(self.position_label, 1)
        self.statusBar().addPermanentWidget(self.review_label)

        self.actions_by_name: dict[str, QAction] = {}
        self._create_actions()
        self._create_menus()
        self._create_toolbar()
        self._wire()
        self.retranslate_ui()
        self.apply_settings()
        self.refresh_library()
        self.check_fonts()

    # -- construction ------------------------------------------------------------------------
    def _dock(self, name: str, widget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.addDockWidget(area, dock)
        return dock

    def _action(self, name: str, slot, shortcuts=(), checkable: bool = False) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        action.setCheckable(checkable)
        if shortcuts:
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if checkable:
            action.toggled.connect(slot)
        else:
            action.triggered.connect(slot)
        self.addAction(action)
        self.actions_by_name[name] = action
        return action

    def _create_actions(self) -> None:
        a = self._action
        a("import", self.on_import, [QKeySequence.StandardKey.Open])
        a("attach_translation", self.on_attach_translation, ["Ctrl+Shift+O"])
        a("remove_document", self.on_remove_document, ["Ctrl+Del"])
        a("export", self.on_export, ["Ctrl+E"])
        a("settings", self.on_settings, ["Ctrl+,"])
        a("quit", self.close, ["Ctrl+Q"])
        a("undo", self.on_undo, [QKeySequence.StandardKey.Undo])
        a("redo", self.on_redo, ["Ctrl+Shift+Z", "Ctrl+Y"])
        a("find_document", lambda: self.request_search("document"), [QKeySequence.StandardKey.Find])
        a("find_library", lambda: self.request_search("library"), ["Ctrl+Shift+F"])
        a("zoom_in", self.zoom_in, [QKeySequence.StandardKey.ZoomIn, "Ctrl+="])
        a("zoom_out", self.zoom_out, [QKeySequence.StandardKey.ZoomOut])
        a("zoom_reset", self.zoom_reset, ["Ctrl+0"])
        a("swap_panes", self.swap_panes, ["Ctrl+Shift+X"])
        a("sync", self.set_sync, ["Ctrl+Shift+S"], checkable=True)
        a("next_sentence", lambda: self.step("sentence", True), ["J", "Alt+Down"])
        a("previous_sentence", lambda: self.step("sentence", False), ["K", "Alt+Up"])
        a("next_clause", lambda: self.step("clause", True), ["]", "Ctrl+Alt+Down"])
        a("previous_clause", lambda: self.step("clause", False), ["[", "Ctrl+Alt+Up"])
        a("next_part", lambda: self.step("part", True), ["}", "Alt+PgDown"])
        a("previous_part", lambda: self.step("part", False), ["{", "Alt+PgUp"])
        a("link", self.link_selection, ["Ctrl+L"])
        a("unlink", self.unlink_selection, ["Ctrl+Shift+L"])
        a("merge_next", self.merge_selection, ["Ctrl+M"])
        a("confirm", self.confirm_current, ["Ctrl+Return"])
        a("review_mode", self.set_review_mode, ["F7"], checkable=True)
        a("next_review", lambda: self.go_to_review(forward=True), ["F8"])
        a("previous_review", lambda: self.go_to_review(forward=False), ["Shift+F8"])
        # One key each while reviewing (enabled only in review mode).
        a("review_confirm", self.review_confirm_next, ["Y", "Return"])
        a("review_skip", lambda: self.go_to_review(forward=True), ["N"])
        a("review_unlink", self.unlink_selection, ["U"])
        a("review_merge", self.merge_selection, ["M"])
        for number, colour in enumerate(HIGHLIGHT_KEYS, start=1):
            a(f"highlight_{number}", lambda _=False, c=colour: self.highlight_selection(c), [str(number)])
        a("about", self.on_about)
        for name in ("review_confirm", "review_skip", "review_unlink", "review_merge"):
            self.actions_by_name[name].setEnabled(False)

    def _create_menus(self) -> None:
        bar = self.menuBar()
        act = self.actions_by_name
        self.menus = {}
        layout = {
            "file": ["import", "attach_translation", "remove_document", None, "export", None, "settings", None, "quit"],
            "edit": [
                "undo",
                "redo",
                None,
                "find_document",
                "find_library",
                None,
                *(f"highlight_{n}" for n in range(1, len(HIGHLIGHT_KEYS) + 1)),
            ],
            "view": ["zoom_in", "zoom_out", "zoom_reset", None, "swap_panes", "sync", None],
            "go": [
                "next_sentence",
                "previous_sentence",
                "next_clause",
                "previous_clause",
                "next_part",
                "previous_part",
            ],
            "alignment": [
                "link",
                "unlink",
                "merge_next",
                "confirm",
                None,
                "review_mode",
                "next_review",
                "previous_review",
                None,
                "review_confirm",
                "review_skip",
                "review_unlink",
                "review_merge",
            ],
            "help": ["about"],
        }
        for key, names in layout.items():
            menu = bar.addMenu("")
            menu.setObjectName(f"menu_{key}")
            self.menus[key] = menu
            for name in names:
                if name is None:
                    menu.addSeparator()
                else:
                    menu.addAction(act[name])
        for dock in (self.library_dock, self.outline_dock):
            self.menus["view"].addAction(dock.toggleViewAction())

    def _create_toolbar(self) -> None:
        toolbar = QToolBar(self)
        toolbar.setObjectName("main_toolbar")
        toolbar.setIconSize(QSize(18, 18))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for name in ("import", "swap_panes", "sync", "review_mode", "zoom_out", "zoom_in"):
            toolbar.addAction(self.actions_by_name[name])
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        self.toolbar = toolbar

    def _wire(self) -> None:
        """Every connection between the parts of the window, in one place."""
        self.library_panel.document_activated.connect(self.open_document)
        self.library_panel.remove_requested.connect(self.remove_document)
        self.outline_panel.clause_activated.connect(self.go_to_unit)
        self.parallel.reading_unit_changed.connect(self._on_reading_unit_changed)
        self.parallel.unit_hovered.connect(self._on_unit_hovered)
        self.parallel.attach_requested.connect(self.on_attach_translation)
        for pane in self.parallel.panes.values():
            pane.span_selected.connect(self._on_span_selected)
        self.undo_stack.indexChanged.connect(self._update_undo_actions)
        self.library.listen(_while_alive(self, self._on_library_event))
        QApplication.styleHints().colorSchemeChanged.connect(self._on_color_scheme_changed)

    def retranslate_ui(self) -> None:
        """Every user-visible string, so a language switch takes effect at once."""
        texts = {
            "import": self.tr("&Import…"),
            "attach_translation": self.tr("Attach &translation…"),
            "remove_document": self.tr("&Remove document…"),
            "export": self.tr("&Export notes…"),
            "settings": self.tr("&Settings…"),
            "quit": self.tr("&Quit"),
            "undo": self.tr("&Undo"),
            "redo": self.tr("&Redo"),
            "find_document": self.tr("&Find in document…"),
            "find_library": self.tr("Find in &library…"),
            "zoom_in": self.tr("Zoom &in"),
            "zoom_out": self.tr("Zoom &out"),
            "zoom_reset": self.tr("&Actual size"),
            "swap_panes": self.tr("S&wap panes"),
            "sync": self.tr("&Synchronized scrolling"),
            "next_sentence": self.tr("Next &sentence"),
            "previous_sentence": self.tr("Previous s&entence"),
            "next_clause": self.tr("Next &clause"),
            "previous_clause": self.tr("Previous c&lause"),
            "next_part": self.tr("Next &part"),
            "previous_part": self.tr("Previous p&art"),
            "link": self.tr("&Link selected sentences"),
            "unlink": self.tr("&Unlink"),
            "merge_next": self.tr("&Merge with next"),
            "confirm": self.tr("&Confirm link"),
            "review_mode": self.tr("&Review mode"),
            "next_review": self.tr("&Next to review"),
            "previous_review": self.tr("&Previous to review"),
            "review_confirm": self.tr("Review: confirm and go on"),
            "review_skip": self.tr("Review: skip"),
            "review_unlink": self.tr("Review: unlink"),
            "review_merge": self.tr("Review: merge with next"),
            "about": self.tr("&About Duizhao"),
        }
        colour_names = {
            "yellow": self.tr("yellow"),
            "green": self.tr("green"),
            "blue": self.tr("blue"),
            "pink": self.tr("pink"),
            "purple": self.tr("purple"),
            "orange": self.tr("orange"),
        }
        for number, colour in enumerate(HIGHLIGHT_KEYS, start=1):
            texts[f"highlight_{number}"] = self.tr("Highlight in {colour}").format(colour=colour_names[colour])
        for name, text in texts.items():
            action = self.actions_by_name[name]
            action.setText(text)
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{text.replace('&', '')} ({keys})" if keys else text.replace("&", ""))
        titles = {
            "file": self.tr("&File"),
            "edit": self.tr("&Edit"),
            "view": self.tr("&View"),
            "go": self.tr("&Go"),
            "alignment": self.tr("&Alignment"),
            "help": self.tr("&Help"),
        }
        for key, title in titles.items():
            self.menus[key].setTitle(title)
        self.library_dock.setWindowTitle(self.tr("Library"))
        for dock_name, title in self._hosted_titles().items():
            dock = self.hosted_dock(dock_name)
            if dock is not None:
                dock.setWindowTitle(title)
        self.outline_dock.setWindowTitle(self.tr("Outline"))
        self.toolbar.setWindowTitle(self.tr("Toolbar"))
        self.parallel.bar.retranslate()
        for pane in self.parallel.panes.values():
            pane.unmatched_labels = {
                "not_translated": self.tr("Not translated"),
                "added": self.tr("Added in translation"),
            }
        self._update_title()
        self._update_review_label()
        self.check_fonts()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        elif event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.parallel.set_colors(pane_colors())
        super().changeEvent(event)

    # -- settings ------------------------------------------------------------------------------
    def apply_settings(self) -> None:
        size = float(self.settings.get("reader/font_size"))
        for pane in self.parallel.panes.values():
            pane.set_point_size(size)
        self.parallel.set_swapped(bool(self.settings.get("reader/swapped")))
        self.actions_by_name["sync"].setChecked(bool(self.settings.get("reader/sync")))
        self.parallel.sync.set_enabled(bool(self.settings.get("reader/sync")))
        self.parallel.set_colors(pane_colors())

    def restore_layout(self) -> None:
        geometry = self.settings.get("ui/geometry")
        state = self.settings.get("ui/state")
        if geometry:
            self.restoreGeometry(geometry)
        if state:
            self.restoreState(state)

    def save_state(self) -> None:
        self.settings.set("ui/geometry", bytes(self.saveGeometry().data()))
        self.settings.set("ui/state", bytes(self.saveState().data()))
        if self.document is not None:
            self.settings.set("reader/last_document", self.document.id)
            self.settings.set("reader/last_unit", self.parallel.reading_unit())
        self.settings.set("reader/font_size", self.parallel.left.point_size())
        self.settings.set("reader/swapped", self.parallel.order[0] == "ko")
        self.settings.set("reader/sync", self.parallel.sync.enabled)
        self.settings.sync()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.pending_unit:
            QTimer.singleShot(0, self.restore_position)

    @Slot()
    def restore_position(self) -> None:
        unit, self.pending_unit = self.pending_unit, ""
        if unit and self.document is not None:
            self.parallel.layout().activate()
            self.go_to_unit(self._same_place(unit))

    def _same_place(self, unit_id: str) -> str:
        """The unit itself, or the one at the same structural place if the text was
        re-imported since (ids end in a hash of the text: zh.p3.c1.s2.1057aa)."""
        if self.parallel.pane_of(unit_id) is not None:
            return unit_id
        place = unit_id.rsplit(".", 1)[0] + "."
        pane = self.parallel.panes.get(unit_id.split(".", 1)[0])
        return next((u for u in pane.unit_ids if u.startswith(place)), "") if pane is not None else ""

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        self.shutdown()
        super().closeEvent(event)

    @Slot()
    def shutdown(self) -> None:
        """Stop background work while the library is open: an import (nothing half-prepared is
        stored) and the hosted panels' work (the search index)."""
        job = self.import_job
        if job is not None:
            job.finished.disconnect(self._on_import_job_finished)
            job.cancel()
            self._end_import()
        self.preparer.wait()
        for panel in self.hosted.values():
            stop = getattr(panel, "shutdown", None)
            if callable(stop):
                stop()

    @Slot()
    def _on_color_scheme_changed(self, *_args) -> None:
        self.parallel.set_colors(pane_colors())

    def check_fonts(self) -> None:
        missing = missing_scripts()
        if missing:
            names = {"zh": self.tr("Chinese"), "ko": self.tr("Korean")}
            self.font_warning.setText(
                self.tr("No installed font can show {languages}: text would appear as boxes. To fix: {fix}").format(
                    languages=self.tr(" and ").join(names[m] for m in missing), fix=font_fix()
                )
            )
            self.statusBar().showMessage(self.font_warning.text())
        self.font_warning.setVisible(bool(missing))

    # -- library -------------------------------------------------------------------------------------
    def refresh_library(self) -> None:
        documents = self.library.documents.list()
        annotations = getattr(self.library, "annotations", None)
        counts = annotations.counts() if annotations is not None and hasattr(annotations, "counts") else {}
        for doc in documents:
            doc["annotations"] = counts.get(doc["id"], 0)
        self.library_model.set_documents(documents)
        if self.document is not None:
            self.library_panel.select_document(self.document.id)

    def _on_library_event(self, event: str, doc_id: str) -> None:
        if event == "annotated" and not self._undoing:
            self._history.append("note")
            self._redo_history.clear()
        self.refresh_library()
        if self.document is None or doc_id != self.document.id:
            return
        if event == "annotated":
            self.refresh_marks()
        elif event == "deleted":
            self.close_document()
        elif event in ("changed", "realigned"):
            self.open_document(doc_id, self.parallel.reading_unit())

    def links_for(self, document: Document) -> list[AlignmentLink]:
        """The stored alignment; a bilingual document stored before it was aligned is aligned now."""
        links = self.library.links.get(document.id)
        if not links and len(document.languages) == 2:
            links = self.library.align(document)
            self.library.links.replace(document.id, links)
        return links

    @Slot(str)
    def open_document(self, doc_id: str, unit_id: str = "") -> None:
        try:
            document = self.library.documents.get(doc_id)
        except DuizhaoError as exc:
            self.statusBar().showMessage(str(exc), 5000)
            return
        changed = self.document is None or self.document.id != document.id
        self.document = document
        self._parents = {s.id: s.parent for s in document.segments}
        self.links = self.links_for(document)
        self.parallel.show_document(document, self.links)
        self.refresh_marks()
        self.outline_model.set_document(document, self.parallel.order[0])
        self.library_panel.select_document(document.id)
        if changed:
            self.undo_stack.clear()
            self._history = [h for h in self._history if h != "align"]
            self.review_index = None
        self._update_title()
        self._update_review_label()
        self._update_undo_actions()
        self.actions_by_name["attach_translation"].setEnabled(len(document.languages) == 1)
        if unit_id:
            self.parallel.layout().activate()
            self.go_to_unit(unit_id)
        self.document_opened.emit(document.id)

    def close_document(self) -> None:
        self.document = None
        self.links = []
        for pane in self.parallel.panes.values():
            pane.clear_document()
        self.parallel.document = None
        self.parallel.bar.setVisible(False)
        self.outline_model.set_document(None)
        self.undo_stack.clear()
        self._update_title()
        self._update_review_label()

    @Slot(str, str)
    def go_to(self, doc_id: str, segment_id: str) -> None:
        """Open a document at a unit (a search hit, an annotation): both panes level at it."""
        if self.document is None or self.document.id != doc_id:
            self.open_document(doc_id)
        self.go_to_unit(segment_id)
        self.parallel.select_unit(segment_id)

    @Slot(str)
    def go_to_unit(self, unit_id: str) -> None:
        self.parallel.go_to_unit(unit_id)
        self._on_reading_unit_changed(self.parallel.reading_unit())

    def import_paths(self, paths: list[str | Path]) -> bool:
        """Import files in the background with progress; two files of one drop may be the two
        languages of one document. ``import_finished`` tells the ids stored."""
        paths = [Path(p) for p in paths]
        groups: list[list[Path]] = [paths] if len(paths) == 2 else [[p] for p in paths]
        return self._start_import(groups, self.library.prepare, self.library.store, "import")

    def _start_import(self, groups: list[list[Path]], prepare: Prepare, store: Store, kind: str) -> bool:
        if self.import_job is not None:
            self.statusBar().showMessage(self.tr("An import is already running"), 5000)
            return False
        job = ImportJob(self.preparer, groups, prepare, store, kind)
        progress = QProgressDialog(self.tr("Importing…"), self.tr("Cancel"), 0, job.total, self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.canceled.connect(job.cancel)
        job.group_started.connect(self._on_import_group_started)
        job.finished.connect(self._on_import_job_finished)
        self.import_job, self.import_progress = job, progress
        job.start()
        return True

    @Slot(object, int)
    def _on_import_group_started(self, group: list[Path], done: int) -> None:
        if self.import_progress is not None:
            self.import_progress.setLabelText(
                self.tr("Importing {name}…").format(name=", ".join(p.name for p in group))
            )
            self.import_progress.setValue(done)

    def _end_import(self) -> None:
        progress, self.import_progress, self.import_job = self.import_progress, None, None
        if progress is not None:
            progress.canceled.disconnect()  # closing the dialog would emit it
            progress.close()
            progress.deleteLater()

    @Slot(list, list)
    def _on_import_job_finished(self, imported: list[str], errors: list[str]) -> None:
        kind = self.import_job.kind if self.import_job is not None else "import"
        self._end_import()
        if kind == "attach":
            if errors:
                QMessageBox.warning(self, self.tr("Attach translation"), "\n".join(errors))
            if imported and self.document is not None and self.document.id == imported[-1]:
                self.open_document(imported[-1])
        else:
            self.refresh_library()
            if errors:
                QMessageBox.warning(self, self.tr("Import failed"), "\n".join(errors))
            if imported:
                self.open_document(imported[-1])
                self.statusBar().showMessage(self.tr("Imported {count} document(s)").format(count=len(imported)), 5000)
        if imported and encoder_notice():
            self.statusBar().showMessage(
                self.tr("Aligned on length and cognates only: the sentence encoder could not be loaded"), 10000
            )
        self.import_finished.emit(imported)

    @Slot()
    def on_import(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import documents"), "", self.tr("Documents ({patterns})").format(patterns=IMPORT_FILTER)
        )
        if paths:
            self.import_paths(paths)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            QTimer.singleShot(0, lambda: self.import_paths(paths))

    @Slot()
    def on_remove_document(self) -> None:
        doc_id = self.library_panel.current_document() or (self.document.id if self.document else "")
        if doc_id:
            self.remove_document(doc_id)

    @Slot(str)
    def remove_document(self, doc_id: str) -> bool:
        row = self.library_model.row_of(doc_id)
        title = self.library_model.document_at(row)["title"] if row >= 0 else doc_id
        answer = QMessageBox.question(
            self,
            self.tr("Remove document"),
            self.tr("Remove “{title}” and its alignment and annotations from the library?").format(title=title),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self.library.delete(doc_id)
        self.refresh_library()
        return True

    @Slot()
    def on_attach_translation(self) -> None:
        if self.document is None:
            return
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Attach translation"), "", self.tr("Documents ({patterns})").format(patterns=IMPORT_FILTER)
        )
        if path:
            self.attach_translation(path)

    def attach_translation(self, path: str | Path) -> bool:
        """Add the missing language to the open document in the background, like an import."""
        assert self.document is not None
        existing = self.document
        return self._start_import(
            [[Path(path)]],
            lambda group: Library.prepare_translation(group[0], existing),
            self.library.store_translation,
            "attach",
        )

    # -- reading -------------------------------------------------------------------------------------------
    def step(self, level: str, forward: bool) -> None:
        self.parallel.step(level, forward)
        self._on_reading_unit_changed(self.parallel.reading_unit())

    @Slot(bool)
    def set_sync(self, enabled: bool) -> None:
        self.parallel.sync.set_enabled(enabled)

    @Slot()
    def swap_panes(self) -> None:
        unit = self.parallel.reading_unit()
        self.parallel.swap()
        if self.document is not None:
            self.outline_model.set_document(self.document, self.parallel.order[0])
            if unit:
                self.parallel.layout().activate()
                self.go_to_unit(unit)

    def set_text_size(self, size: float) -> None:
        unit = self.parallel.reading_unit()
        size = max(MIN_POINT_SIZE, min(MAX_POINT_SIZE, size))
        for pane in self.parallel.panes.values():
            pane.set_point_size(size)
        if unit:
            self.go_to_unit(unit)

    @Slot()
    def zoom_in(self) -> None:
        self.set_text_size(self.parallel.left.point_size() + 1)

    @Slot()
    def zoom_out(self) -> None:
        self.set_text_size(self.parallel.left.point_size() - 1)

    @Slot()
    def zoom_reset(self) -> None:
        self.set_text_size(float(self.settings.default("reader/font_size")))

    def request_search(self, scope: str) -> None:
        dock = self.hosted_dock("search_dock")
        if dock is not None:
            dock.show()
            dock.raise_()
        panel = self.hosted.get("search_dock")
        focus = getattr(panel, "focus_query", None)
        if callable(focus):
            focus(scope, self.document.id if self.document and scope == "document" else "")
        self.search_requested.emit(scope)

    @Slot(str)
    def _on_reading_unit_changed(self, unit_id: str) -> None:
        clause = self._enclosing(unit_id, ("clause", "part"))
        if clause:
            self.outline_panel.follow(clause)
            index = self.outline_model.index_of(clause)
            self.position_label.setText(index.data() or "" if index.isValid() else "")

    def _enclosing(self, unit_id: str, kinds: tuple[str, ...]) -> str:
        """The nearest clause or part containing a unit (in the outline's language)."""
        outline = set(self.outline_model.unit_ids())
        lang = self.parallel.order[0]
        if unit_id and not unit_id.startswith(lang + ".") and self.parallel.alignment:
            others = self.parallel.alignment.counterparts(unit_id)
            unit_id = others[0] if others else unit_id
        while unit_id:
            if unit_id in outline:
                return unit_id
            unit_id = self._parents.get(unit_id) or ""
        return ""

    @Slot(str)
    def _on_unit_hovered(self, unit_id: str) -> None:
        if not unit_id:
            self.statusBar().clearMessage()
            return
        kind = self.parallel.alignment.unmatched().get(unit_id)
        pane = self.parallel.pane_of(unit_id)
        if kind and pane is not None:
            self.statusBar().showMessage(pane.unmatched_labels[kind])

    def _update_title(self) -> None:
        if self.document is None:
            self.setWindowTitle(f"{APP_NAME} 对照 · 대조")
        else:
            self.setWindowTitle(f"{self.document.title} — {APP_NAME}")

    # -- alignment corrections -------------------------------------------------------------------
    def _picked(self, lang: str) -> list[str]:
        """Units the user chose in one pane: the text selection, else the clicked unit."""
        pane = self.parallel.panes[lang]
        units = pane.selected_units()
        if units:
            return units
        chosen = self.parallel.selected_unit
        if chosen and pane.has_unit(chosen):
            return [chosen]
        return []

    def _current_link_index(self) -> int | None:
        if self.review_mode and self.review_index is not None:
            return self.review_index
        for lang in self.parallel.order:
            for unit in self._picked(lang):
                index = self.parallel.alignment.link_index(unit)
                if index is not None:
                    return index
        return None

    def store_links(self, doc_id: str, links: list[AlignmentLink]) -> None:
        """Store a document's alignment and show it (used by undo commands)."""
        self.library.links.replace(doc_id, links)
        if self.document is not None and self.document.id == doc_id:
            self.links = list(links)
            self.parallel.set_links(self.links)
            self.refresh_marks()
            self._update_review_label()
            if self.review_mode and self.review_index is not None:
                self._show_review(min(self.review_index, len(self.links) - 1))
        self.alignment_changed.emit(doc_id)

    def _edit(self, text: str, after: list[AlignmentLink]) -> None:
        assert self.document is not None
        command = AlignmentEdit(text, self.document.id, self.links, after, self.store_links)
        if not self._undoing:
            self._history.append("align")
            self._redo_history.clear()
        self.undo_stack.push(command)

    @Slot()
    def link_selection(self) -> bool:
        if self.document is None or not self.parallel.is_bilingual():
            return False
        zh, ko = self._picked("zh"), self._picked("ko")
        if not zh and not ko:
            self.statusBar().showMessage(self.tr("Select sentences in both panes to link them."), 5000)
            return False
        self._edit(self.tr("Link"), corrections.link(self.document, self.links, zh, ko))
        return True

    @Slot()
    def unlink_selection(self) -> bool:
        index = self._current_link_index()
        if self.document is None or index is None:
            return False
        self._edit(self.tr("Unlink"), corrections.unlink(self.document, self.links, index))
        return True

    @Slot()
    def merge_selection(self) -> bool:
        index = self._current_link_index()
        if self.document is None or index is None or index >= len(self.links) - 1:
            return False
        self._edit(self.tr("Merge with next"), corrections.merge_with_next(self.document, self.links, index))
        return True

    @Slot()
    def confirm_current(self) -> bool:
        index = self._current_link_index()
        if self.document is None or index is None:
            return False
        self._edit(self.tr("Confirm"), corrections.confirm(self.links, index))
        return True

    @Slot()
    def on_undo(self) -> None:
        kind = self._history.pop() if self._history else ("align" if self.undo_stack.canUndo() else "")
        self._undoing = True
        try:
            if kind == "align" and self.undo_stack.canUndo():
                self.undo_stack.undo()
            elif kind == "note" and getattr(self.library, "annotations", None) is not None:
                self.library.annotations.undo()
            else:
                return
        finally:
            self._undoing = False
        self._redo_history.append(kind)

    @Slot()
    def on_redo(self) -> None:
        kind = self._redo_history.pop() if self._redo_history else ("align" if self.undo_stack.canRedo() else "")
        self._undoing = True
        try:
            if kind == "align" and self.undo_stack.canRedo():
                self.undo_stack.redo()
            elif kind == "note" and getattr(self.library, "annotations", None) is not None:
                self.library.annotations.redo()
            else:
                return
        finally:
            self._undoing = False
        self._history.append(kind)

    @Slot()
    def _update_undo_actions(self, *_args) -> None:
        self.actions_by_name["undo"].setEnabled(True)
        self.actions_by_name["redo"].setEnabled(True)

    # -- review mode --------------------------------------------------------------------------------------
    @Slot(bool)
    def set_review_mode(self, enabled: bool) -> None:
        self.review_mode = enabled
        for name in ("review_confirm", "review_skip", "review_unlink", "review_merge"):
            self.actions_by_name[name].setEnabled(enabled)
        if enabled:
            self.go_to_review(forward=True, start=True)
        else:
            self.review_index = None
            for pane in self.parallel.panes.values():
                pane.set_focus_units([])
        self._update_review_label()

    def go_to_review(self, forward: bool = True, start: bool = False) -> int | None:
        alignment = self.parallel.alignment
        after = None if start else self.review_index
        index = alignment.next_to_review(after, backwards=not forward)
        if index is None:
            self.statusBar().showMessage(self.tr("Nothing left to review."), 5000)
            for pane in self.parallel.panes.values():
                pane.set_focus_units([])
            self.review_index = None
        else:
            self._show_review(index)
        self._update_review_label()
        return index

    def _show_review(self, index: int) -> None:
        self.review_index = index
        link = self.links[index]
        units = [*link.zh_ids, *link.ko_ids]
        for pane in self.parallel.panes.values():
            pane.set_focus_units(units)
        if units:
            self.go_to_unit(units[0])
        reason = review_reason(link)
        labels = {
            "not_translated": self.tr("not translated"),
            "added": self.tr("added in translation"),
            "low_confidence": self.tr("low confidence ({score:.0%})").format(score=link.score),
        }
        if reason:
            self.statusBar().showMessage(self.tr("To review: {reason}").format(reason=labels[reason]))

    @Slot()
    def review_confirm_next(self) -> None:
        if self.review_index is None:
            self.go_to_review(forward=True, start=True)
            return
        current = self.review_index
        self.confirm_current()
        self.review_index = current
        self.go_to_review(forward=True)

    def _update_review_label(self) -> None:
        left = len(self.parallel.alignment.review_queue()) if self.parallel.alignment else 0
        if self.document is None or not self.parallel.is_bilingual():
            self.review_label.setText("")
        else:
            self.review_label.setText(self.tr("{count} to review").format(count=left))
        self.review_changed.emit(left)

    # -- annotations ---------------------------------------------------------------------------------------------
    def refresh_marks(self) -> None:
        """Draw the document's annotations in both panes (counterparts paler, from the current links)."""
        annotations = getattr(self.library, "annotations", None)
        if self.document is None or annotations is None:
            return
        from ..annotations.marks import marks_by_language

        marks = marks_by_language(self.document, annotations.list(doc_id=self.document.id), self.links)
        for lang, pane in self.parallel.panes.items():
            pane.set_marks([tuple(m) for m in marks.get(lang, [])])

    @Slot(str, int, int, str)
    def _on_span_selected(self, segment_id: str, start: int, end: int, _quote: str) -> None:
        self._last_span = (segment_id, start, end)

    def highlight_selection(self, colour: str) -> bool:
        """Highlight the selected span (or the clicked sentence) in a colour."""
        annotations = getattr(self.library, "annotations", None)
        if self.document is None or annotations is None:
            return False
        target: tuple[str, int | None, int | None] | None = None
        segment_id, start, end = self._last_span
        pane = self.parallel.pane_of(segment_id) if segment_id else None
        if pane is not None and pane.textCursor().hasSelection():
            target = (segment_id, start, end)
        elif self.parallel.selected_unit:
            target = (self.parallel.selected_unit, None, None)
        if target is None:
            self.statusBar().showMessage(self.tr("Select text or click a sentence to highlight it."), 5000)
            return False
        panel = self.hosted.get("annotations_dock")
        create = getattr(panel, "create_annotation", None)
        if callable(create):
            create(self.document, target[0], target[1], target[2], colour)
        else:
            annotations.annotate(self.document, target[0], target[1], target[2], color=colour)
        return True

    # -- hosted panels and dialogs ------------------------------------------------------------------
    def host_panels(self) -> None:
        """Add the panels other parts of the app provide (search, annotations), if present.

        Called after the first paint: their modules may import heavier libraries.
        """
        for module_name, class_name, dock_name, takes in HOSTED_PANELS:
            if dock_name in self.hosted:
                continue
            try:
                module = importlib.import_module(module_name)
            except ModuleNotFoundError:
                continue
            panel_class = getattr(module, class_name, None)
            source = self.library if takes == "library" else getattr(self.library, takes, None)
            if panel_class is None or source is None:
                continue
            try:
                panel = panel_class(source)
            except Exception:  # a broken optional panel must not take the reader down
                log.exception("could not create %s.%s", module_name, class_name)
                continue
            self.hosted[dock_name] = panel
            dock = self._dock(dock_name, panel, Qt.DockWidgetArea.RightDockWidgetArea)
            dock.setWindowTitle(panel.windowTitle() or self._hosted_titles().get(dock_name, class_name))
            self.menus["view"].addAction(dock.toggleViewAction())
            self._wire_hosted(panel)
        self.restore_layout()

    def _wire_hosted(self, panel) -> None:
        """Connect a hosted panel by the names it exposes."""
        for signal_name in ("hit_activated", "annotation_activated"):
            signal = getattr(panel, signal_name, None)
            if signal is not None:
                signal.connect(self.go_to)
        for method_name in ("show_document", "set_document"):
            method = getattr(panel, method_name, None)
            if callable(method):
                self.document_opened.connect(method)
                if self.document is not None:
                    method(self.document.id)
                break
        on_event = getattr(panel, "on_library_event", None)
        if callable(on_event):
            self.library.listen(_while_alive(panel, on_event))
        # Undo and redo are the window's (one history across alignment and annotations).
        for name in ("undo_action", "redo_action"):
            action = getattr(panel, name, None)
            if isinstance(action, QAction):
                action.setShortcut(QKeySequence())

    def _hosted_titles(self) -> dict[str, str]:
        return {"search_dock": self.tr("Search"), "annotations_dock": self.tr("Annotations")}

    def hosted_dock(self, name: str) -> QDockWidget | None:
        return self.findChild(QDockWidget, name)

    @Slot()
    def on_export(self) -> None:
        """The briefing export dialog (annotations of this document or the library)."""
        try:
            from .export_dialog import ExportDialog
        except ModuleNotFoundError:
            return
        dialog = ExportDialog(self.library, self.document.id if self.document else "", self)
        self.export_dialog = dialog
        dialog.exec()

    @Slot()
    def on_settings(self) -> None:
        from .settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self)
        if dialog.exec():
            dialog.apply(self)

    @Slot()
    def on_about(self) -> None:
        from .. import __version__

        QMessageBox.about(
            self,
            self.tr("About Duizhao"),
            self.tr(
                "{app} {version}\nRead Chinese policy documents side by side with their Korean translation."
            ).format(app=APP_NAME, version=__version__),
        )
