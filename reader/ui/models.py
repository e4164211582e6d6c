"""Qt item models over the library and the open document (the widgets hold no data of their own)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from ..export.citation import korean_date
from ..model import Document
from .fonts import language_of, text_font

DOC_ID_ROLE = Qt.ItemDataRole.UserRole + 1
UNIT_ID_ROLE = Qt.ItemDataRole.UserRole + 2
COUNTERPART_ROLE = Qt.ItemDataRole.UserRole + 3

Index = QModelIndex | QPersistentModelIndex

LANGUAGE_MARKS = {"zh": "中", "ko": "한"}


#: The library panel's columns: (document field, header). The first shows the title with
#: the number, languages and note count beneath; the rest sort and edit one field each.
LIBRARY_COLUMNS = (
    ("title", QT_TRANSLATE_NOOP("LibraryModel", "Title")),
    ("title_ko", QT_TRANSLATE_NOOP("LibraryModel", "Korean title")),
    ("doc_number", QT_TRANSLATE_NOOP("LibraryModel", "Number")),
    ("issuer", QT_TRANSLATE_NOOP("LibraryModel", "Issuer")),
    ("date", QT_TRANSLATE_NOOP("LibraryModel", "Date written")),
    ("date_published", QT_TRANSLATE_NOOP("LibraryModel", "Date published")),
    ("languages", QT_TRANSLATE_NOOP("LibraryModel", "Languages")),
    ("annotations", QT_TRANSLATE_NOOP("LibraryModel", "Notes")),
)
#: Fields the user may edit in the panel (the rest are facts of the text).
EDITABLE_COLUMNS = frozenset({"title", "title_ko", "doc_number", "issuer", "date", "date_published"})
DATE_COLUMNS = frozenset({"date", "date_published"})
#: What a column sorts by (plain text or a number, never the two-line display).
SORT_ROLE = Qt.ItemDataRole.UserRole + 4


class LibraryModel(QAbstractTableModel):
    """The documents of the library, one row each, a column per metadata field.

    Editing a cell changes nothing itself: ``edit_requested(doc_id, field, value)`` asks
    the window, which stores the change through its undo stack and refreshes the model.
    """

    edit_requested = Signal(str, str, str)

    def __init__(self, documents: list[dict] | None = None, parent=None):
        super().__init__(parent)
        self._documents = documents or []

    def set_documents(self, documents: list[dict]) -> None:
        self.beginResetModel()
        self._documents = documents
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._documents)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(LIBRARY_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(LIBRARY_COLUMNS):
            return QCoreApplication.translate("LibraryModel", str(LIBRARY_COLUMNS[section][1]))
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and LIBRARY_COLUMNS[index.column()][0] in EDITABLE_COLUMNS:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._documents):
            return None
        doc = self._documents[index.row()]
        name = LIBRARY_COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return self._summary(doc)
            return self._value(doc, name)
        if role == Qt.ItemDataRole.EditRole:
            return str(doc.get(name) or "")
        if role == Qt.ItemDataRole.FontRole:  # Chinese and Korean each in their own glyph forms
            return text_font(language_of(self._value(doc, name)))
        if role == SORT_ROLE:
            value = doc.get(name)
            if isinstance(value, int):
                return value
            shown = self._value(doc, name)
            if name in DATE_COLUMNS and korean_date(str(value or "")):
                return "{:0>4}-{:0>2}-{:0>2}".format(*re.findall(r"\d+", shown))  # in date order
            return shown.casefold()
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [doc["title"], doc.get("title_ko", ""), doc.get("doc_number", ""), doc.get("issuer", ""), doc["id"]]
            return "\n".join(line for line in lines if line)
        if role == DOC_ID_ROLE:
            return doc["id"]
        return None

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            role != Qt.ItemDataRole.EditRole
            or not index.isValid()
            or not self.flags(index) & Qt.ItemFlag.ItemIsEditable
        ):
            return False
        doc = self._documents[index.row()]
        name = LIBRARY_COLUMNS[index.column()][0]
        text = " ".join(str(value).split())  # one line: a pasted newline would break `list`
        if text == (doc.get(name) or "") or (name == "title" and not text):
            return False
        self.edit_requested.emit(doc["id"], name, text)
        return True

    @staticmethod
    def _value(doc: dict, name: str) -> str:
        if name == "languages":
            return " · ".join(LANGUAGE_MARKS.get(lang, lang) for lang in doc["languages"])
        if name == "annotations":
            return str(doc.get("annotations", 0) or "")
        if name in DATE_COLUMNS:  # 二〇一〇年八月三十一日 → 2010. 8. 31., as Korean documents write it
            value = str(doc.get(name) or "")
            return korean_date(value) or value
        return str(doc.get(name) or "")

    @staticmethod
    def _summary(doc: dict) -> str:
        facts = [f for f in (doc.get("doc_number", ""), LibraryModel._value(doc, "languages")) if f]
        notes = doc.get("annotations", 0)
        if notes:
            facts.append(f"✎ {notes}")
        return f"{doc['title']}\n{'  ·  '.join(facts)}"

    def document_at(self, row: int) -> dict:
        return self._documents[row]

    def row_of(self, doc_id: str) -> int:
        for row, doc in enumerate(self._documents):
            if doc["id"] == doc_id:
                return row
        return -1


@dataclass
class OutlineNode:
    unit_id: str
    text: str
    counterpart: str = ""
    parent: OutlineNode | None = None
    children: list[OutlineNode] = field(default_factory=list)

    def row(self) -> int:
        return self.parent.children.index(self) if self.parent else 0


def outline_nodes(document: Document, lang: str, counterpart_lang: str = "") -> list[OutlineNode]:
    """Parts with their numbered clauses, from one language; the other language's
    heading of the same structural place is shown alongside."""
    others: dict[str, str] = {}
    if counterpart_lang:
        for seg in document.segments_in(counterpart_lang):
            if seg.kind in ("part", "clause"):
                others[_place(seg.id)] = seg.printed or seg.label
    roots: list[OutlineNode] = []
    current_part: OutlineNode | None = None
    bare: OutlineNode | None = None  # a clause whose number opens its first sentence
    for seg in document.segments_in(lang):
        if seg.kind not in ("part", "clause"):
            if bare is not None and seg.kind == "sentence" and seg.text:
                bare.text = seg.printed  # 〇、本协议适用于… rather than a lone 〇 (the view elides it)
                bare = None
            continue
        node = OutlineNode(seg.id, seg.printed or seg.label, others.get(_place(seg.id), ""))
        bare = node if not seg.text else None
        if seg.kind == "part" or current_part is None:
            roots.append(node)
            current_part = node if seg.kind == "part" else None
        else:
            node.parent = current_part
            current_part.children.append(node)
    return roots


def _place(segment_id: str) -> str:
    """Structural place of a segment id, the same in both languages (zh.p2.c1.ab12cd → p2.c1)."""
    parts = segment_id.split(".")
    return ".".join(parts[1:-1])


class PartsTreeModel(QAbstractItemModel):
    """A two-level tree of nodes with ``parent`` and ``children`` (parts, and what is
    under them), one column. Subclasses set ``_roots`` and call ``_index_rows`` inside
    their model reset, and give ``data``."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._roots: list = []
        self._row_of: dict[int, int] = {}  # id(node) → its row: looked up, never searched

    def _index_rows(self) -> None:
        self._row_of = {}
        for r, root in enumerate(self._roots):
            self._row_of[id(root)] = r
            for c, child in enumerate(root.children):
                self._row_of[id(child)] = c

    def _node(self, index: Index):
        return index.internalPointer() if index.isValid() else None

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        node = self._node(parent)
        children = node.children if node else self._roots
        if row >= len(children):
            return QModelIndex()
        return self.createIndex(row, 0, children[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        node = self._node(index)
        if node is None or node.parent is None:
            return QModelIndex()
        return self.createIndex(self._row_of[id(node.parent)], 0, node.parent)  # parents are roots

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        node = self._node(parent)
        return len(node.children if node else self._roots)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1


class OutlineModel(PartsTreeModel):
    """Parts and numbered clauses of the open document, as a tree."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._roots: list[OutlineNode] = []
        self._parents: dict[str, str | None] = {}
        self._font = text_font("zh")
        # Looked up on every scroll (the outline follows the reading line): by id, not by
        # searching lists of nodes (whose comparison walks their children).
        self._entries: dict[str, OutlineNode] = {}  # unit id → its (first) entry

    def set_document(self, document: Document | None, lang: str = "zh") -> None:
        self.beginResetModel()
        self._parents = {s.id: s.parent for s in document.segments} if document is not None else {}
        present = document.languages if document is not None else []  # reads every segment: once
        if not present:
            self._roots = []
        else:
            assert document is not None
            lang = lang if lang in present else present[0]
            other = next((x for x in present if x != lang), "")
            self._roots = outline_nodes(document, lang, other)
            self._font = text_font(lang)
        self._index_rows()
        self._entries = {}
        for root in self._roots:
            self._entries.setdefault(root.unit_id, root)
            for child in root.children:
                self._entries.setdefault(child.unit_id, child)
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        node = self._node(index)
        if node is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return node.text
        if role == Qt.ItemDataRole.FontRole:
            return self._font
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{node.text}\n{node.counterpart}" if node.counterpart else node.text
        if role == UNIT_ID_ROLE:
            return node.unit_id
        if role == COUNTERPART_ROLE:
            return node.counterpart
        return None

    def index_of(self, unit_id: str) -> QModelIndex:
        node = self._entries.get(unit_id)
        return self.createIndex(self._row_of[id(node)], 0, node) if node is not None else QModelIndex()

    def unit_ids(self) -> list[str]:
        out = []
        for root in self._roots:
            out.append(root.unit_id)
            out.extend(child.unit_id for child in root.children)
        return out

    def enclosing(self, unit_id: str) -> QModelIndex:
        """The entry of the nearest part or clause that contains a unit (invalid if none)."""
        listed = self._entries
        while unit_id and unit_id not in listed:
            unit_id = self._parents.get(unit_id) or ""
        return self.index_of(unit_id) if unit_id else QModelIndex()
