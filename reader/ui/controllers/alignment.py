"""Correcting the alignment of the open document: link, unlink, merge, confirm.

Every correction is an :class:`~reader.ui.corrections.AlignmentEdit` on the window's one
undo stack. Linking explains itself: with only one side chosen nothing changes and the
status bar says what else to select; after a link it names what was linked.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal, Slot
from PySide6.QtGui import QUndoStack

from ...model import AlignmentLink, Document
from ...protocols import LibraryProtocol
from .. import corrections
from ..corrections import AlignmentEdit
from ..errors import ErrorReporter, guarded
from ..pane import ReadingPane
from ..parallel import ParallelView

#: How much of a sentence the status bar quotes after a link.
QUOTE_CHARS = 14

LANGUAGE_NAMES = {
    "zh": QT_TRANSLATE_NOOP("AlignmentEditor", "Chinese"),
    "ko": QT_TRANSLATE_NOOP("AlignmentEditor", "Korean"),
}


class AlignmentEditor(QObject):
    """Link, unlink, merge and confirm units of the document shown in ``view``."""

    links_changed = Signal(str)  # doc id: the stored alignment changed (and is shown)
    message = Signal(str)

    def __init__(self, library: LibraryProtocol, view: ParallelView, undo_stack: QUndoStack, errors: ErrorReporter):
        super().__init__(view)
        self.library = library
        self.view = view
        self.undo_stack = undo_stack
        self.errors = errors
        self.document: Document | None = None
        self.links: list[AlignmentLink] = []
        self._text: dict[str, str] = {}
        #: The link review mode is at: what unlink, merge and confirm act on.
        self.focus_link: int | None = None

    def set_document(self, document: Document | None, links: list[AlignmentLink]) -> None:
        self.document = document
        self.links = list(links)
        self._text = {s.id: s.text for s in document.segments} if document is not None else {}
        self.focus_link = None

    # -- what the user chose -----------------------------------------------------------------
    def picked(self, pane: ReadingPane) -> list[str]:
        """Units the user chose on one side: the text selection, else the clicked unit."""
        units = pane.selected_units()
        if units:
            return units
        chosen = self.view.selected_unit
        if chosen and pane.has_unit(chosen):
            return [chosen]
        return []

    def current_link_index(self) -> int | None:
        if self.focus_link is not None:
            return self.focus_link
        for pane in self.view.shown():
            for unit in self.picked(pane):
                index = self.view.alignment.link_index(unit)
                if index is not None:
                    return index
        return None

    # -- storing -----------------------------------------------------------------------------
    def store_links(self, doc_id: str, links: list[AlignmentLink]) -> None:
        """Store a document's alignment and show it (undo commands call this)."""
        self.library.links.replace(doc_id, links)
        if self.document is not None and self.document.id == doc_id:
            self.links = list(links)
            self.view.set_links(self.links)
        self.links_changed.emit(doc_id)

    def _edit(self, text: str, after: list[AlignmentLink]) -> None:
        assert self.document is not None
        self.undo_stack.push(AlignmentEdit(text, self.document.id, self.links, after, self.store_links, self.errors))

    # -- the corrections ---------------------------------------------------------------------
    @Slot()
    @guarded("linking sentences")
    def link_selection(self) -> bool:
        if self.document is None or not self.view.is_bilingual():
            return False
        left, right = self.view.left, self.view.right
        chosen_left, chosen_right = self.picked(left), self.picked(right)
        if not chosen_left and not chosen_right:
            self.message.emit(self.tr("Select sentences in both panes to link them."))
            return False
        if not chosen_left or not chosen_right:
            missing = right if not chosen_right else left
            self.message.emit(
                self.tr(
                    "Nothing linked: also select the {language} sentences to link (select text in that pane)."
                ).format(language=self._language(missing))
            )
            return False
        zh, ko = (chosen_left, chosen_right) if left.lang == "zh" else (chosen_right, chosen_left)
        self._edit(self.tr("Link"), corrections.link(self.document, self.links, zh, ko))
        self.message.emit(
            self.tr("Linked “{left}” with “{right}”.").format(
                left=self._quote(chosen_left), right=self._quote(chosen_right)
            )
        )
        return True

    @Slot()
    @guarded("unlinking sentences")
    def unlink_selection(self) -> bool:
        index = self.current_link_index()
        if self.document is None or index is None:
            return False
        self._edit(self.tr("Unlink"), corrections.unlink(self.document, self.links, index))
        return True

    @Slot()
    @guarded("merging links")
    def merge_selection(self) -> bool:
        index = self.current_link_index()
        if self.document is None or index is None or index >= len(self.links) - 1:
            return False
        self._edit(self.tr("Merge with next"), corrections.merge_with_next(self.document, self.links, index))
        return True

    @Slot()
    @guarded("confirming a link")
    def confirm_current(self) -> bool:
        index = self.current_link_index()
        if self.document is None or index is None:
            return False
        self._edit(self.tr("Confirm"), corrections.confirm(self.links, index))
        return True

    def _language(self, pane: ReadingPane) -> str:
        name = LANGUAGE_NAMES.get(pane.lang)
        return QCoreApplication.translate("AlignmentEditor", str(name)) if name else pane.lang

    def _quote(self, units: list[str]) -> str:
        text = "".join(self._text.get(u, "") for u in units).strip()
        return text if len(text) <= QUOTE_CHARS else text[:QUOTE_CHARS] + "…"
