"""Qt item models over the library (the widgets hold no data of their own)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

DOC_ID_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


class LibraryModel(QAbstractListModel):
    """The documents of the library: title, document number and languages."""

    def __init__(self, documents: list[dict], parent=None):
        super().__init__(parent)
        self._documents = documents

    def set_documents(self, documents: list[dict]) -> None:
        self.beginResetModel()
        self._documents = documents
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._documents)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._documents):
            return None
        doc = self._documents[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            langs = " · ".join({"zh": "中", "ko": "한"}[lang] for lang in doc["languages"])
            number = f"\n{doc['doc_number']}" if doc["doc_number"] else ""
            return f"{doc['title']}{number}\n{langs}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return doc["title_ko"] or doc["title"]
        if role == DOC_ID_ROLE:
            return doc["id"]
        return None

    def row_of(self, doc_id: str) -> int:
        for row, doc in enumerate(self._documents):
            if doc["id"] == doc_id:
                return row
        return -1
