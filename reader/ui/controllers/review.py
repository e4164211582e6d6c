"""Review mode: walk through the links the aligner flagged, one key per verdict."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot

from ..alignment import review_reason
from ..parallel import ParallelView
from .alignment import AlignmentEditor


class ReviewController(QObject):
    """Which link is under review; the editor acts on it."""

    mode_changed = Signal(bool)
    go_to_requested = Signal(str)  # a unit of the link under review
    message = Signal(str)  # '' clears the status bar
    count_changed = Signal(str)  # the permanent "N to review" label

    def __init__(self, view: ParallelView, editor: AlignmentEditor):
        super().__init__(view)
        self.view = view
        self.editor = editor
        self.active = False
        self.index: int | None = None
        editor.links_changed.connect(self._on_links_changed)

    @Slot(bool)
    def set_mode(self, enabled: bool) -> None:
        self.active = enabled
        self.mode_changed.emit(enabled)
        if enabled:
            self.go_to_next(forward=True, start=True)
        else:
            self._leave()
            self.message.emit("")  # "To review: …" belongs to review mode
        self.update_count()

    def reset(self) -> None:
        """Another document: nothing is under review in it yet."""
        self._leave()
        if self.active:
            self.message.emit("")
        self.update_count()

    def _leave(self) -> None:
        self.index = None
        self.editor.focus_link = None
        for pane in self.view.sides:
            pane.set_focus_units([])

    def go_to_next(self, forward: bool = True, start: bool = False) -> int | None:
        after = None if start else self.index
        index = self.view.alignment.next_to_review(after, backwards=not forward)
        if index is None:
            self._leave()
            self.message.emit(self.tr("Nothing left to review."))
        else:
            self._show(index)
        self.update_count()
        return index

    def _show(self, index: int) -> None:
        self.index = index
        self.editor.focus_link = index if self.active else None
        link = self.editor.links[index]
        units = [*link.zh_ids, *link.ko_ids]
        for pane in self.view.sides:
            pane.set_focus_units(units)
        if units:
            self.go_to_requested.emit(units[0])
        reason = review_reason(link)
        labels = {
            "not_translated": self.tr("not translated"),
            "added": self.tr("added in translation"),
            "low_confidence": self.tr("low confidence ({score:.0%})").format(score=link.score),
        }
        if reason:
            self.message.emit(self.tr("To review: {reason}").format(reason=labels[reason]))

    @Slot()
    def confirm_and_next(self) -> None:
        if self.index is None:
            self.go_to_next(forward=True, start=True)
            return
        current = self.index
        self.editor.confirm_current()
        self.index = current
        self.go_to_next(forward=True)

    @Slot(str)
    def _on_links_changed(self, _doc_id: str) -> None:
        if self.active and self.index is not None and self.editor.links:
            self._show(min(self.index, len(self.editor.links) - 1))
        self.update_count()

    def update_count(self) -> None:
        if self.editor.document is None or not self.view.is_bilingual():
            self.count_changed.emit("")
        else:
            left = len(self.view.alignment.review_queue())
            self.count_changed.emit(self.tr("{count} to review").format(count=left))
