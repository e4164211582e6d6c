"""Alignment corrections as undoable commands.

The corrections themselves are the aligner's (``reader.align.corrections``): a pin
is a hard constraint and the rest of the document is re-aligned around it, keeping
reviewers' confirmations. Here each correction becomes a new link list, and the
command stores the whole list before and after, so undo and redo are exact.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QUndoCommand

from ..align import corrections as aligner_corrections
from ..model import AlignmentLink, Document
from .alignment import CONFIRMED
from .errors import ErrorReporter


def link(
    document: Document, links: Sequence[AlignmentLink], zh_ids: Sequence[str], ko_ids: Sequence[str]
) -> list[AlignmentLink]:
    """Pair the given units as one pinned link; re-align around it."""
    return aligner_corrections.pin(document, links, zh_ids, ko_ids)


def unlink(document: Document, links: Sequence[AlignmentLink], index: int) -> list[AlignmentLink]:
    """Break a link: each of its units is pinned as having no counterpart; re-align around them."""
    broken = links[index]
    return aligner_corrections.separate(document, links, broken.zh_ids, broken.ko_ids)


def merge_with_next(document: Document, links: Sequence[AlignmentLink], index: int) -> list[AlignmentLink]:
    """Join a link with the one after it (e.g. a 1-1 and a 0-1 become a 1-2), pinned."""
    a, b = links[index], links[index + 1]
    return aligner_corrections.pin(document, links, [*a.zh_ids, *b.zh_ids], [*a.ko_ids, *b.ko_ids])


def confirm(links: Sequence[AlignmentLink], index: int) -> list[AlignmentLink]:
    """The reviewer's verdict: this link is right (no re-alignment)."""
    target = links[index]
    return aligner_corrections.set_status(links, [*target.zh_ids, *target.ko_ids], CONFIRMED)


class AlignmentEdit(QUndoCommand):
    """One correction of one document's alignment."""

    def __init__(
        self,
        text: str,
        doc_id: str,
        before: Sequence[AlignmentLink],
        after: Sequence[AlignmentLink],
        store: Callable[[str, list[AlignmentLink]], None],
        errors: ErrorReporter | None = None,
    ):
        super().__init__(text)
        self.doc_id = doc_id
        self.before = list(before)
        self.after = list(after)
        self._store = store
        self._errors = errors

    def redo(self) -> None:
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)

    def _apply(self, links: list[AlignmentLink]) -> None:
        """Store one side of the edit; a failed write (full disk) is reported and the
        command dropped from the stack, never left half-done in Qt's hands."""
        try:
            self._store(self.doc_id, links)
        except Exception as exc:
            if self._errors is None:
                raise
            self._errors.report(exc, "storing an alignment correction")
            self.setObsolete(True)
