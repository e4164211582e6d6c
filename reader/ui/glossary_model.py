"""The glossary as a Qt table model: one row per Chinese term.

reader.terms (pure: mining, the stored glossary) → GlossaryModel (rows) →
GlossaryPanel (widget).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from ..terms.glossary import GlossaryEntry

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

#: Column headers (translated in headerData; the strings are marked for lupdate here).
_HEADERS = (
    QT_TRANSLATE_NOOP("GlossaryModel", "Chinese"),
    QT_TRANSLATE_NOOP("GlossaryModel", "Reading"),
    QT_TRANSLATE_NOOP("GlossaryModel", "Korean renderings"),
    QT_TRANSLATE_NOOP("GlossaryModel", "Uses"),
    QT_TRANSLATE_NOOP("GlossaryModel", "Documents"),
)

Index = QModelIndex | QPersistentModelIndex


class GlossaryModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._entries: list[GlossaryEntry] = []

    def set_entries(self, entries: list[GlossaryEntry]) -> None:
        self.beginResetModel()
        self._entries = [e for e in entries if e.renderings or e.frequency]
        self.endResetModel()

    def entry(self, row: int) -> GlossaryEntry | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def row_of(self, zh: str) -> int:
        return next((i for i, e in enumerate(self._entries) if e.zh == zh), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("GlossaryModel", str(_HEADERS[section]))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        column = index.column()
        if role == ENTRY_ROLE:
            return entry
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return entry.zh
            if column == 1:
                return entry.reading
            if column == 2:
                return ", ".join(f"{'★ ' if r.preferred else ''}{r.ko} ({r.count})" for r in entry.renderings[:4])
            if column == 3:
                return entry.frequency
            if column == 4:
                return len(entry.documents)
        if role == SORT_ROLE:
            return (entry.zh, entry.reading, entry.top, entry.frequency, len(entry.documents))[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            return "\n".join(f"{r.ko}: {r.count}" for r in entry.renderings)
        return None
