"""Editing a document's metadata in the library panel, as undoable commands.

A cell edited in the library panel asks for a change (``LibraryModel.edit_requested``);
the change is stored at once through the library (``Library.describe``, which announces
it, so every panel and the window title follow) and pushed on the window's one undo
stack, where undo puts the old value back the same way.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Slot
from PySide6.QtGui import QUndoCommand, QUndoStack

from ...protocols import LibraryProtocol
from ..errors import ErrorReporter


class MetadataEdit(QUndoCommand):
    """One field of one document: undo stores ``before``, redo ``after``. The change is
    made before the command is pushed, so the first ``redo`` (from ``push``) does nothing."""

    def __init__(self, edits: MetadataEdits, doc_id: str, field: str, before: str, after: str):
        super().__init__(QCoreApplication.translate("MetadataEdits", "Edit document details"))
        self.edits = edits
        self.doc_id, self.field, self.before, self.after = doc_id, field, before, after
        self._done = True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self.edits.store(self.doc_id, self.field, self.after)

    def undo(self) -> None:
        if not self.edits.store(self.doc_id, self.field, self.before):
            self.setObsolete(True)


class MetadataEdits(QObject):
    """Stores metadata changes through the library and keeps them undoable."""

    def __init__(self, library: LibraryProtocol, undo_stack: QUndoStack, errors: ErrorReporter):
        super().__init__(undo_stack)
        self.library = library
        self.undo_stack = undo_stack
        self.errors = errors

    @Slot(str, str, str)
    def edit(self, doc_id: str, field: str, value: str) -> bool:
        """Change one field now; False (with the reason shown) when it could not be stored."""
        try:
            before = str(getattr(self.library.documents.get(doc_id), field) or "")
        except Exception as exc:
            self.errors.report(exc, "reading the document's details")
            return False
        if before == value or not self.store(doc_id, field, value):
            return False
        self.undo_stack.push(MetadataEdit(self, doc_id, field, before, value))
        return True

    def store(self, doc_id: str, field: str, value: str) -> bool:
        try:
            self.library.describe(doc_id, **{field: value})
        except Exception as exc:  # a full disk, a read-only library, a document removed meanwhile
            self.errors.report(exc, "saving the document's details")
            return False
        return True
