"""Annotations from the window: keys 1–6 highlight, marks in both panes, undoable edits.

Every edit of an annotation (create, change, delete), from the keys or from the
annotations panel, is an :class:`AnnotationEdit` on the window's one undo stack, beside
the alignment corrections; the repository keeps no history of its own.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QUndoCommand, QUndoStack

from ...annotations import Annotation, AnnotationRepository, make_anchor
from ...annotations.marks import marks_by_language
from ...annotations.repository import Change
from ...model import AlignmentLink, Document
from ..errors import ErrorReporter, guarded
from ..parallel import ParallelView


class AnnotationEdit(QUndoCommand):
    """One change of one annotation: undo puts ``before`` back, redo ``after``.

    The change is made before the command is pushed (so that an error reaches the caller
    and nothing is pushed); the first ``redo``, which ``push`` calls, does nothing.
    """

    def __init__(self, edits: AnnotationEdits, change: Change, text: str):
        super().__init__(text)
        self.edits = edits
        self.change = change
        self._done = True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._restore(self.change.after)

    def undo(self) -> None:
        self._restore(self.change.before)

    def _restore(self, values: dict | None) -> None:
        try:
            self.edits.repository.restore(self.change.annotation_id, self.change.doc_id, values)
        except Exception as exc:
            self.edits.errors.report(exc, "undoing an annotation change")
            self.setObsolete(True)
            return
        self.edits.restored.emit(self.change.annotation_id)


class AnnotationEdits(QObject):
    """Create, change and delete annotations as undoable commands (what the panel writes through)."""

    restored = Signal(str)  # an undo or redo gave this annotation its values back

    def __init__(self, repository: AnnotationRepository, undo_stack: QUndoStack, errors: ErrorReporter):
        super().__init__(undo_stack)
        self.repository = repository
        self.undo_stack = undo_stack
        self.errors = errors

    def create(
        self, document: Document, segment_id: str, start: int | None = None, end: int | None = None, **fields
    ) -> Annotation:
        anchor = make_anchor(document, segment_id, start, end)
        annotation = self.repository.create(document.id, anchor, **fields)
        change = Change("create", annotation.id, document.id, None, AnnotationRepository.editable(annotation))
        self.undo_stack.push(AnnotationEdit(self, change, self.tr("Highlight")))
        return annotation

    def update(self, annotation_id: str, **changes) -> Annotation:
        annotation, change = self.repository.edit(annotation_id, **changes)
        if change is not None:
            self.undo_stack.push(AnnotationEdit(self, change, self.tr("Edit note")))
        return annotation

    def delete(self, annotation_id: str) -> None:
        change = self.repository.delete(annotation_id)
        self.undo_stack.push(AnnotationEdit(self, change, self.tr("Delete note")))


class AnnotationController(QObject):
    """Highlights the selection in a colour and draws the open document's marks."""

    message = Signal(str)
    created = Signal(str)  # id of an annotation made by a highlight key

    def __init__(self, edits: AnnotationEdits, view: ParallelView):
        super().__init__(view)
        self.edits = edits
        self.repository = edits.repository
        self.errors = edits.errors
        self.view = view
        self.document: Document | None = None
        self.links: list[AlignmentLink] = []
        self._last_span: tuple[str, int, int] = ("", 0, 0)  # the user's last text selection in a pane
        for pane in view.sides:
            pane.span_selected.connect(self._on_span_selected)

    def set_document(self, document: Document | None, links: list[AlignmentLink]) -> None:
        self.document = document
        self.links = list(links)
        self._last_span = ("", 0, 0)
        self.refresh_marks()

    def refresh_marks(self) -> None:
        """Draw the document's annotations on both sides (counterparts paler, from the current links)."""
        if self.document is None:
            return
        marks = marks_by_language(self.document, self.repository.list(doc_id=self.document.id), self.links)
        for pane in self.view.shown():
            pane.set_marks([(m.segment_id, m.start, m.end, m.color_hex, m.tooltip) for m in marks.get(pane.lang, [])])

    @Slot(str, int, int, str)
    def _on_span_selected(self, segment_id: str, start: int, end: int, _quote: str) -> None:
        self._last_span = (segment_id, start, end)

    @guarded("highlighting")
    def highlight_selection(self, colour: str) -> bool:
        """Highlight the selected span (or the clicked sentence) in a colour."""
        if self.document is None:
            return False
        target: tuple[str, int | None, int | None] | None = None
        segment_id, start, end = self._last_span
        pane = self.view.pane_of(segment_id) if segment_id else None
        if pane is not None and pane.textCursor().hasSelection():
            target = (segment_id, start, end)
        elif self.view.selected_unit:
            target = (self.view.selected_unit, None, None)
        if target is None:
            self.message.emit(self.tr("Select text or click a sentence to highlight it."))
            return False
        annotation = self.edits.create(self.document, target[0], target[1], target[2], color=colour)
        self.created.emit(annotation.id)  # the annotations panel selects it, ready for a note
        return True
