"""The compare view: two documents (or two versions) on the two sides of the reading view.

The engine (``reader.compare``) matches their provisions; this controller shows side A on
the left and side B on the right, pairs the panes by the comparison (so synchronized
scrolling follows the matching), has each pane tint and mark its provisions by status
and its changed words, fills the overview, walks the changes (next/previous) and writes
the comparison as a 新旧对照表. A side that has a translation can show it instead (the
toggle): the pairs then go through that side's alignment.

The comparison itself runs on a worker thread (``reader.ui.comparing``) with its progress
and Cancel in the status bar (``WorkProgress``); what was on screen stays until the result is there, and a cancelled or
failed comparison leaves it as it was.

The window stays read-only while comparing (no document is open for editing); opening a
document leaves the comparison.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import QFileDialog, QWidget

from ...model import Document
from ...protocols import LibraryProtocol
from ..compare_marks import SIDE_B, SideView, ViewMarks, next_change, view_document, view_marks
from ..compare_model import STATUS_NAMES, ComparisonOverviewModel, status_name
from ..comparing import ComparisonWorker
from ..errors import ErrorReporter, guarded
from ..pane import DARK_CHANGES, LIGHT_CHANGES
from ..parallel import ParallelView
from ..theme import is_dark
from ..work_progress import WorkProgress

if TYPE_CHECKING:
    from ...compare import Comparison, ComparisonTask  # the engine (numpy, jieba) loads at the first comparison

#: Export formats of the comparison: suffix → format.
EXPORT_SUFFIXES = {".docx": "docx", ".hwpx": "hwpx", ".html": "html", ".pdf": "pdf"}


def ask_export_path(parent: QWidget | None, suggested: str, title: str = "") -> str:
    """Where to write the comparison, or another two-column table (a modal file dialog
    offering the formats of EXPORT_SUFFIXES; tests replace it)."""
    path, _ = QFileDialog.getSaveFileName(
        parent,
        title or QCoreApplication.translate("CompareController", "Export comparison"),
        suggested,
        QCoreApplication.translate(
            "CompareController", "Word (*.docx);;Hangul (*.hwpx);;PDF (*.pdf);;Web page (*.html)"
        ),
    )
    return path


class CompareController(QObject):
    """What is compared, and what the reading view and the overview show of it."""

    started = Signal()  # a comparison is on screen
    failed = Signal()  # a comparison asked for was cancelled or failed (what was shown stays)
    shown = Signal()  # the sides were (re)drawn: a new comparison, or the translations toggled
    ended = Signal()  # the view went back to reading a document
    message = Signal(str)
    pair_reached = Signal(int)  # the pair gone to (next/previous change, the overview)

    def __init__(self, library: LibraryProtocol, view: ParallelView, errors: ErrorReporter):
        super().__init__(view)
        self.library = library
        self.view = view
        self.errors = errors
        self.model = ComparisonOverviewModel(self)
        self.comparison: Comparison | None = None
        self.documents: tuple[Document, Document] | None = None
        self.translation = False  # each side shows its translation where it has one
        self.marks = ViewMarks()
        self.views: tuple[SideView, SideView] | None = None  # how each side is shown
        self.current: int | None = None
        self.ask_path: Callable[[QWidget | None, str], str] = ask_export_path
        self.worker = ComparisonWorker(self)
        self.worker.progressed.connect(self._on_progressed)
        self.worker.compared.connect(self._on_compared)
        self.worker.failed.connect(self._on_failed)
        self.ticket = 0  # the comparison being made (0: none)
        self.task: ComparisonTask | None = None
        self.place_after: int | None = None  # the pair to go back to when it is there (restart)
        #: What the comparison being made is doing, with Cancel (the window puts it in its status bar).
        self.progress = WorkProgress()
        self.progress.canceled.connect(self.cancel)
        view.reading_unit_changed.connect(self._on_reading_unit_changed)

    @property
    def active(self) -> bool:
        return self.comparison is not None

    @property
    def running(self) -> bool:
        """A comparison is being made on the worker."""
        return self.ticket != 0

    # -- starting and ending ------------------------------------------------------------
    @guarded("comparing documents")
    def start(self, a_ref: str, b_ref: str, lang: str = "zh", place: int | None = None) -> bool:
        """Compare two documents or versions (``DOC``, ``DOC@N``) in the background and show
        them when done (``started``; ``failed`` if cancelled or failed). A comparison asked
        for while another runs replaces it. False if the documents cannot be compared
        (reported at once)."""
        from ...compare import prepare  # jieba and numpy: loaded at the first comparison

        task = prepare(self.library, a_ref, b_ref, lang)  # the database, on this thread
        self._stop_running()
        self.task, self.place_after = task, place
        self.ticket = self.worker.submit(task)
        self._show_progress()
        return True

    def _show_progress(self) -> None:
        self.progress.begin(self.tr("Comparing…"))

    def _end_progress(self) -> None:
        self.progress.finish()

    def _stop_running(self) -> None:
        if self.ticket:
            self.worker.cancel(self.ticket)
        self.ticket, self.task = 0, None
        self._end_progress()

    @Slot()
    def cancel(self) -> None:
        """Stop the comparison being made; what is on screen stays."""
        if self.running:
            self._stop_running()
            self.message.emit(self.tr("Comparison cancelled"))
            self.failed.emit()

    @Slot(int, int, int, str)
    def _on_progressed(self, ticket: int, done: int, total: int, stage: str) -> None:
        if ticket != self.ticket:
            return
        if stage == "encoding":
            text = self.tr("Reading the meaning of the sentences: {done} done…").format(done=done)
        else:
            text = self.tr("Matching the provisions…")
        self.progress.report(text, done, total)

    @Slot(int, object, object)
    def _on_compared(self, ticket: int, comparison: Comparison, encoded: dict) -> None:
        if ticket != self.ticket or self.task is None:
            return  # cancelled or replaced: dropped unshown
        task, place = self.task, self.place_after
        self.ticket, self.task, self.place_after = 0, None, None
        self._end_progress()
        for doc_id, vectors in encoded.items():
            try:
                self.library.keep_vectors(doc_id, vectors)
            except Exception as exc:  # a read-only library: the comparison is still shown
                self.errors.report(exc, "keeping sentence vectors")
        self.documents = (task.a, task.b)
        self.comparison = comparison
        self.current = None
        self.show()
        self.started.emit()
        counts = comparison.counts()
        summary = " · ".join(f"{status_name(s)} {counts.get(s, 0)}" for s in STATUS_NAMES if counts.get(s))
        self.message.emit(self.tr("Compared: {summary}").format(summary=summary))
        if place is not None and self.marks.pairs:
            self.go_to_pair(min(place, len(self.marks.pairs) - 1))

    @Slot(int, object)
    def _on_failed(self, ticket: int, exc: Exception) -> None:
        if ticket != self.ticket:
            return
        self.ticket, self.task, self.place_after = 0, None, None
        self._end_progress()
        from ...compare import Cancelled

        if not isinstance(exc, Cancelled):
            self.errors.report(exc, "comparing documents")
        self.failed.emit()

    @Slot()
    def shutdown(self) -> None:
        """Stop the comparison being made and wait for the worker."""
        self._stop_running()
        self.worker.wait()

    def follows(self, doc_id: str) -> bool:
        """True if one of the compared documents (or one of its versions) is ``doc_id``."""
        return self.documents is not None and any(d.id.split("@")[0] == doc_id for d in self.documents)

    def restart(self) -> None:
        """Compare again (a compared document changed), staying at the pair being read."""
        if self.comparison is not None:
            self.start(self.comparison.a, self.comparison.b, self.comparison.lang, place=self.current_pair())

    def end(self) -> None:
        """Back to reading: the overview empties (the panes are the document's again)."""
        self._stop_running()
        if self.comparison is None:
            return
        self.comparison, self.documents, self.current, self.views = None, None, None, None
        self.marks = ViewMarks()
        self.model.set_comparison([], None)
        for pane in self.view.sides:
            pane.set_changes({}, [])
        self.ended.emit()

    # -- showing --------------------------------------------------------------------------
    def side_views(self) -> tuple[SideView, SideView]:
        assert self.comparison is not None and self.documents is not None
        lang = self.comparison.lang
        views = []
        for document, suffix in zip(self.documents, ("", SIDE_B), strict=True):
            other = "ko" if lang == "zh" else "zh"
            shown = other if self.translation and other in document.languages else lang
            links = self.library.links.get(document.id) if shown != lang else []
            views.append(SideView(view_document(document, suffix), links, lang, shown, suffix))
        return views[0], views[1]

    def show(self) -> None:
        """Both sides in their languages, paired and marked by the comparison."""
        assert self.comparison is not None
        # Where the reader is, as a pair: the units on screen change with the languages.
        place = self.current_pair() if self.view.pairing and self.marks.pairs else None
        a, b = self.views = self.side_views()
        self.view.show_sides((a.document, a.shown), (b.document, b.shown))
        self.marks = view_marks(self.comparison.pairs, a, b)
        self.view.set_pairs(self.marks.pairs)
        self.apply_colors()
        labels = {status: status_name(status) for status in STATUS_NAMES}
        for pane in self.view.sides:
            pane.change_labels = labels
            pane.set_changes(self.marks.statuses, self.marks.words)
        self.model.set_comparison(self.comparison.pairs, self.documents[1] if self.documents else None,
                                  self.comparison.lang)  # fmt: skip
        if place is not None:
            self.go_to_pair(place)
        self.shown.emit()

    def apply_colors(self) -> None:
        colors = DARK_CHANGES if is_dark() else LIGHT_CHANGES
        for pane in self.view.sides:
            pane.set_change_colors(colors)

    @Slot(bool)
    def set_translation(self, on: bool) -> None:
        """Show each side's translation (where it has one) instead of the compared text.
        A side without one (a document never translated, or an earlier version imported
        before its translation was) stays in the compared language, and the status bar
        says so: the current version's translation is of the current text, so it is not
        shown for an earlier one."""
        self.translation = on
        if self.active:
            self.show()
            untranslated = [title for title, view in zip(self.titles(), self.views or (), strict=True)
                            if view.shown == view.compared]  # fmt: skip
            if on and untranslated:
                other = self.tr("Korean") if self.comparison and self.comparison.lang == "zh" else self.tr("Chinese")
                self.message.emit(
                    self.tr("No {language} translation of its own, shown as compared: {sides}").format(
                        language=other, sides="; ".join(untranslated)
                    )
                )

    def titles(self) -> tuple[str, str]:
        assert self.comparison is not None and self.documents is not None
        refs = (self.comparison.a, self.comparison.b)
        return tuple(  # type: ignore[return-value]
            f"{d.title or d.id}{f' ({ref})' if '@' in ref else ''}" for d, ref in zip(self.documents, refs, strict=True)
        )

    # -- moving ------------------------------------------------------------------------------
    def go_to_pair(self, index: int) -> None:
        """Bring a pair's units to the reading line (B's, or A's for a dropped provision)."""
        if not self.active or not 0 <= index < len(self.marks.pairs):
            return
        a_ids, b_ids = self.marks.pairs[index]
        target = (b_ids or a_ids or [""])[0]
        if not target:
            return
        self.current = index
        self.view.go_to_unit(target)
        self.view.select_unit(target)
        self.pair_reached.emit(index)

    @Slot(bool)
    def step(self, forward: bool = True) -> int | None:
        """Go to the next (or previous) change: reworded, moved, new or dropped."""
        if not self.active:
            return None
        assert self.comparison is not None
        index = next_change(self.comparison.pairs, self.current_pair(), forward)
        if index is None:
            self.message.emit(self.tr("Nothing changed between the two sides."))
            return None
        self.go_to_pair(index)
        return index

    def current_pair(self) -> int | None:
        """The pair the reader is at: the one last gone to while it is on the reading line,
        else the pair of the unit at the reading line (the last before it, for units of no pair)."""
        unit = self.view.reading_unit()
        if self.current is not None and unit in self.group(self.current):
            return self.current
        pane = self.view.pane_of(unit)
        if pane is None:
            return self.current
        ids = pane.unit_ids
        for i in range(ids.index(unit), -1, -1):
            index = self.marks.pair_of.get(ids[i])
            if index is not None:
                return index
        return None

    def group(self, index: int) -> list[str]:
        a, b = self.marks.pairs[index]
        return [*a, *b]

    @Slot(str)
    def _on_reading_unit_changed(self, unit_id: str) -> None:
        if self.active and unit_id in self.marks.pair_of:
            self.pair_reached.emit(self.marks.pair_of[unit_id])

    # -- exporting --------------------------------------------------------------------------
    @guarded("exporting the comparison")
    def export(self, same_as_left: bool = False, parent: QWidget | None = None) -> Path | None:
        """Ask where, then write the comparison as a 新旧对照表 (the format by the name's suffix)."""
        if not self.active:
            return None
        assert self.comparison is not None
        suggested = f"{self.comparison.a}_{self.comparison.b}.docx".replace("@", "-")
        chosen = self.ask_path(parent, suggested)
        if not chosen:
            return None
        path = Path(chosen)
        fmt = EXPORT_SUFFIXES.get(path.suffix.lower())
        if fmt is None:
            path, fmt = path.with_suffix(".docx"), "docx"
        from ...export.compare_table import export_comparison

        written = export_comparison(self.comparison, self.library, path, fmt, same_as_left=same_as_left, force=True)
        self.message.emit(self.tr("Comparison written to {path}").format(path=written))
        return written
