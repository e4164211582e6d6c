"""Naming what each highlight colour means (핵심, 신규, 쟁점 …) from the settings dialog,
as an undoable command.

The meanings are a setting shared with ``python -m reader colors`` and read by every
export (its legend and colour groups), so they are stored at once through
``reader.export.legend``; the change is pushed on the window's one undo stack, where
undo stores the previous names again.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ...annotations import COLORS
from ...export.legend import clean_meanings, read_meanings, store_meanings
from ..errors import ErrorReporter


class ColorMeaningsEdit(QUndoCommand):
    """All the meanings before and after; stored before the push, so the first redo does nothing."""

    def __init__(self, edits: ColorMeaningsEdits, before: dict[str, str], after: dict[str, str]):
        super().__init__(QCoreApplication.translate("ColorMeaningsEdits", "Name the highlight colours"))
        self.edits, self.before, self.after = edits, before, after
        self._done = True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self.edits.store(self.after)

    def undo(self) -> None:
        if not self.edits.store(self.before):
            self.setObsolete(True)


class ColorMeaningsEdits(QObject):
    """Stores the colours' meanings in the settings file and keeps the change undoable."""

    #: The meanings now stored ({colour: meaning}), after an edit, an undo or a redo.
    meanings_changed = Signal(dict)

    def __init__(self, settings_path: Path, undo_stack: QUndoStack, errors: ErrorReporter):
        super().__init__(undo_stack)
        self.settings_path = settings_path
        self.undo_stack = undo_stack
        self.errors = errors

    def current(self) -> dict[str, str]:
        return read_meanings(self.settings_path)

    def change(self, meanings: Mapping[str, str]) -> bool:
        """Make ``meanings`` the whole set (a colour left out or empty has none); False when
        nothing changed or it could not be stored (the reason is shown)."""
        before, after = self.current(), clean_meanings(meanings)
        if before == after or not self.store(after):
            return False
        self.undo_stack.push(ColorMeaningsEdit(self, before, after))
        return True

    def store(self, meanings: dict[str, str]) -> bool:
        try:
            stored = store_meanings({color: meanings.get(color, "") for color in COLORS}, self.settings_path)
        except Exception as exc:  # a read-only settings file
            self.errors.report(exc, "saving the colours' meanings")
            return False
        self.meanings_changed.emit(stored)
        return True
