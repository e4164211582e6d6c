"""Alignment corrections as undoable commands.

A correction (link, unlink, merge, confirm) produces a new link list; the units the
user paired are pinned, and the rest of the document is re-aligned around the pins.
The command stores the whole list before and after, so undo and redo are exact.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QUndoCommand

from ..model import AlignmentLink, Document


def realign_around_pins(document: Document, links: Sequence[AlignmentLink]) -> list[AlignmentLink]:
    """Re-run the aligner keeping every pinned link; reviewers' confirmations of links
    that come out unchanged are kept.

    If the aligner cannot keep every pin (pins crossing each other), the corrected
    list is kept as the user made it: a correction is never silently undone.
    """
    from ..align import align_document

    def key(link: AlignmentLink) -> tuple[tuple[str, ...], tuple[str, ...]]:
        return tuple(link.zh_ids), tuple(link.ko_ids)

    pinned = {key(link): link for link in links if link.pinned}
    statuses = {key(link): link.status for link in links if link.status}
    fresh = align_document(document, list(pinned.values()))
    if not set(pinned) <= {key(link) for link in fresh}:
        return list(links)
    for link in fresh:
        if key(link) in pinned:
            link.pinned = True
            link.score = pinned[key(link)].score
        link.status = statuses.get(key(link), link.status)
    return fresh


class AlignmentEdit(QUndoCommand):
    """One correction of one document's alignment."""

    def __init__(
        self,
        text: str,
        doc_id: str,
        before: Sequence[AlignmentLink],
        after: Sequence[AlignmentLink],
        store: Callable[[str, list[AlignmentLink]], None],
    ):
        super().__init__(text)
        self.doc_id = doc_id
        self.before = list(before)
        self.after = list(after)
        self._store = store

    def redo(self) -> None:
        self._store(self.doc_id, self.after)

    def undo(self) -> None:
        self._store(self.doc_id, self.before)
