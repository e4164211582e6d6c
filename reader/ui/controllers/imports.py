"""Importing from the window: files chosen, dropped or attached as a translation.

The slow half runs on a worker thread (``reader.ui.importing``); this controller shows
the progress, stores what comes back, asks what to do with a file whose text is already
in the library, and reports what failed. Whatever goes wrong, the import ends: the
progress dialog goes away for good and ``finished`` is emitted, so the next import can
start.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMimeData, QObject, Qt, QThreadPool, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from ...align.embeddings import encoder_notice
from ...library import CorpusEntry, PreparedImport
from ...model import Document
from ...protocols import LibraryProtocol
from ...text.loaders import SUFFIXES
from ...text.pasted import save_pasted
from ...text.scripts import language_of
from ..errors import ErrorReporter
from ..importing import ImportJob, Prepare, Preparer, Store

IMPORT_FILTER = " ".join(f"*{suffix}" for suffix in sorted(SUFFIXES) if suffix)

#: How long an import runs before its progress dialog shows (ms).
PROGRESS_DELAY_MS = 300


class Duplicate(enum.Enum):
    """What to do with a file whose text is already in the library."""

    OPEN = "open"  # store nothing, open the document already there
    REPLACE = "replace"  # store it as a new version of that document
    KEEP_BOTH = "keep"  # store it as another document


def ask_duplicate(parent: QWidget, name: str, existing_title: str) -> Duplicate:
    """Ask the user what to do with an import that is already in the library."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("ImportController", "Already in the library"))
    box.setText(
        QCoreApplication.translate(
            "ImportController", "The text of {name} is already in the library as “{title}”."
        ).format(name=name, title=existing_title)
    )
    open_button = box.addButton(
        QCoreApplication.translate("ImportController", "Open it"), QMessageBox.ButtonRole.AcceptRole
    )
    replace_button = box.addButton(
        QCoreApplication.translate("ImportController", "Replace it (new version)"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    box.addButton(QCoreApplication.translate("ImportController", "Keep both"), QMessageBox.ButtonRole.ActionRole)
    box.setDefaultButton(open_button)
    box.exec()
    clicked = box.clickedButton()
    if clicked is open_button:
        return Duplicate.OPEN
    if clicked is replace_button:
        return Duplicate.REPLACE
    return Duplicate.KEEP_BOTH


class ImportController(QObject):
    """Runs one import (or attached translation) at a time for a window."""

    document_ready = Signal(str)  # open this document (the last one imported)
    corpus_ready = Signal(str)  # the first sample, imported after the first paint: opens only in an empty window
    library_changed = Signal()
    message = Signal(str)  # one line for the status bar
    finished = Signal(list)  # ids of the documents stored (or opened) by the import

    def __init__(self, library: LibraryProtocol, window: QWidget, errors: ErrorReporter):
        super().__init__(window)
        self.library = library
        self.window = window
        self.errors = errors
        self.pool = QThreadPool(self)  # prepares imports off the GUI thread, one file at a time
        self.pool.setMaxThreadCount(1)
        self.preparer = Preparer(self.pool, self)  # after the pool: deleted after it has finished
        self.job: ImportJob | None = None
        self.progress: QProgressDialog | None = None
        self.progress_delay_ms = PROGRESS_DELAY_MS
        #: Asked when an imported text is already in the library (tests answer it).
        self.ask_duplicate: Callable[[QWidget, str, str], Duplicate] = ask_duplicate

    # -- starting -----------------------------------------------------------------
    @Slot()
    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self.window,
            self.tr("Import documents"),
            "",
            self.tr("Documents ({patterns})").format(patterns=IMPORT_FILTER),
        )
        if paths:
            self.import_paths(paths)

    def choose_translation(self, document: Document) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Attach translation"),
            "",
            self.tr("Documents ({patterns})").format(patterns=IMPORT_FILTER),
        )
        if path:
            self.attach_translation(path, document)

    def import_paths(self, paths: list[str | Path] | list[str] | list[Path]) -> bool:
        """Import files in the background with progress; two files of one drop may be the two
        languages of one document."""
        files = [Path(p) for p in paths]
        groups: list[list[Path]] = [files] if len(files) == 2 else [[p] for p in files]
        return self._start(
            groups, lambda group, on_page: self.library.prepare([*group], on_page=on_page), self._store_new, "import"
        )

    def paste_clipboard(self, document: Document | None) -> bool:
        return self.paste(QGuiApplication.clipboard().mimeData(), document)

    def paste(self, mime: QMimeData | None, document: Document | None) -> bool:
        """What is on the clipboard (text or HTML) as a new document, or as the translation of
        the open document when that has one language and the pasted text is the other."""
        html = mime.html() if mime is not None and mime.hasHtml() else ""
        text = mime.text() if mime is not None and mime.hasText() else ""
        if not (text.strip() or html.strip()):
            self.message.emit(self.tr("The clipboard holds no text to import"))
            return False
        try:
            path = save_pasted(Path(self.library.path).parent, text, html)
        except Exception as exc:
            self.errors.report(exc, "keeping the pasted text")
            return False
        lang = language_of(text or html)
        if document is not None and len(document.languages) == 1 and lang and lang not in document.languages:
            return self.attach_translation(path, document)
        return self.import_paths([path])

    def attach_translation(self, path: str | Path, document: Document) -> bool:
        """Add the missing language to a document in the background, like an import."""
        return self._start(
            [[Path(path)]],
            lambda group, on_page: self.library.prepare_translation(group[0], document, on_page=on_page),
            self.library.store_translation,
            "attach",
        )

    def import_corpus(self, entries: list[CorpusEntry]) -> bool:
        """The bundled documents at the first start, in the background after the window is
        painted; the first of them opens when they are stored."""
        by_files = {tuple(entry.files): entry for entry in entries}
        return self._start(
            [list(entry.files) for entry in entries],
            lambda group, on_page: self.library.prepare_entry(by_files[tuple(group)]),
            self.library.store,
            "corpus",
        )

    def _start(self, groups: list[list[Path]], prepare: Prepare, store: Store, kind: str) -> bool:
        if self.job is not None:
            self.message.emit(self.tr("An import is already running"))
            return False
        job = ImportJob(self.preparer, groups, prepare, store, kind)
        label = self.tr("Importing the sample documents…") if kind == "corpus" else self.tr("Importing…")
        progress = QProgressDialog(label, self.tr("Cancel"), 0, job.total, self.window)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(self.progress_delay_ms)
        progress.canceled.connect(job.cancel)
        job.group_started.connect(self._on_group_started)
        job.page_done.connect(self._on_page_done)
        job.finished.connect(self._on_finished)
        self.job, self.progress = job, progress
        job.start()
        return True

    # -- storing ----------------------------------------------------------------------
    def _store_new(self, prepared: PreparedImport) -> Document:
        """Store an imported document, unless its text is in the library already and the
        user would rather open that one or replace it with this version."""
        same = self.library.find_same(prepared.document)
        if not same:
            return self.library.store(prepared)
        existing = self.library.documents.get(same)
        name = ", ".join(Path(s).name for s in prepared.document.sources) or prepared.document.title
        choice = self.ask_duplicate(self._dialog_parent(), name, existing.title)
        if choice is Duplicate.OPEN:
            return existing
        if choice is Duplicate.REPLACE:
            return self.library.store_version(same, prepared)
        return self.library.store(prepared)

    def _dialog_parent(self) -> QWidget:
        """A question asked during an import belongs to the (window-modal) progress dialog,
        which would otherwise block it."""
        return self.progress if self.progress is not None and self.progress.isVisible() else self.window

    # -- progress and the end -------------------------------------------------------------
    @Slot(object, int)
    def _on_group_started(self, group: list[Path], done: int) -> None:
        if self.progress is not None and self.job is not None and self.job.kind != "corpus":
            self.progress.setLabelText(self.tr("Importing {name}…").format(name=", ".join(p.name for p in group)))
            self.progress.setRange(0, self.job.total)
            self.progress.setValue(done)

    @Slot(int, int)
    def _on_page_done(self, done: int, total: int) -> None:
        """A scan is being recognised: the bar counts its pages until the next file."""
        if self.progress is None or self.job is None or not self.job.running:
            return
        name = ", ".join(p.name for p in self.job.group)
        self.progress.setLabelText(
            self.tr("Recognising the text of {name}: page {done} of {total}…").format(name=name, done=done, total=total)
        )
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _end(self) -> None:
        progress, self.progress, self.job = self.progress, None, None
        if progress is not None:
            progress.canceled.disconnect()  # closing the dialog would emit it
            # reset() stops the dialog's delayed-show timer: a closed dialog would otherwise
            # come back on top of the error box that follows, window-modal, and lock the window.
            progress.reset()
            progress.hide()
            progress.deleteLater()

    @Slot(list, list)
    def _on_finished(self, imported: list[str], errors: list[str]) -> None:
        kind = self.job.kind if self.job is not None else "import"
        notices = list(self.job.notices) if self.job is not None else []
        self._end()
        if kind == "attach":
            if errors:
                QMessageBox.warning(self.window, self.tr("Attach translation"), "\n".join(errors))
        elif kind == "corpus":
            self.library.mark_corpus_imported()
            self.library_changed.emit()
        else:
            self.library_changed.emit()
            if errors:
                QMessageBox.warning(self.window, self.tr("Import failed"), "\n".join(errors))
            if imported:
                self.message.emit(self.tr("Imported {count} document(s)").format(count=len(imported)))
        if notices:
            QMessageBox.warning(self.window, self.tr("Check the language"), "\n".join(notices))
        if imported and encoder_notice():
            self.message.emit(self.tr("Aligned on length and cognates only: the sentence encoder could not be loaded"))
        if imported and kind == "corpus":
            self.corpus_ready.emit(imported[0])
        elif imported:
            self.document_ready.emit(imported[-1])
        self.finished.emit(imported)

    @Slot()
    def shutdown(self) -> None:
        """Stop the import (nothing half-prepared is stored) and wait for the worker."""
        job = self.job
        if job is not None:
            job.finished.disconnect(self._on_finished)
            job.cancel()
            self._end()
        self.preparer.wait()
