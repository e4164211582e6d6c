"""The overview of a comparison as a Qt item model: parts of B with their counts, and
under each part its new, dropped, reworded and moved provisions (activate one to go there)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from ..export.compare_table import pair_parts
from ..model import Document
from .compare_marks import CHANGES
from .fonts import text_font
from .models import PartsTreeModel

PAIR_ROLE = Qt.ItemDataRole.UserRole + 11  # the index of a change's pair in the comparison
STATUS_ROLE = Qt.ItemDataRole.UserRole + 12

CONTEXT = "Compare"

#: Each status's name in the reader (the table of the export has its own, in Chinese and Korean).
STATUS_NAMES = {
    "continued": QT_TRANSLATE_NOOP("Compare", "continued"),
    "reworded": QT_TRANSLATE_NOOP("Compare", "reworded"),
    "moved": QT_TRANSLATE_NOOP("Compare", "moved"),
    "new": QT_TRANSLATE_NOOP("Compare", "new"),
    "dropped": QT_TRANSLATE_NOOP("Compare", "dropped"),
}

#: What a status means, for the tooltip and the legend.
STATUS_HINTS = {
    "continued": QT_TRANSLATE_NOOP("Compare", "the same provision (at most its numbering or punctuation changed)"),
    "reworded": QT_TRANSLATE_NOOP("Compare", "the same provision in other words"),
    "moved": QT_TRANSLATE_NOOP("Compare", "the same provision at another place"),
    "new": QT_TRANSLATE_NOOP("Compare", "only in the right-hand document"),
    "dropped": QT_TRANSLATE_NOOP("Compare", "only in the left-hand document"),
}

Index = QModelIndex | QPersistentModelIndex

EXCERPT = 40


def status_name(status: str) -> str:
    return QCoreApplication.translate(CONTEXT, str(STATUS_NAMES.get(status, status)))


def status_hint(status: str) -> str:
    return QCoreApplication.translate(CONTEXT, str(STATUS_HINTS.get(status, "")))


def counts_text(counts: dict[str, int]) -> str:
    """``reworded 2 · new 1`` (statuses with none left out)."""
    return " · ".join(f"{status_name(s)} {counts[s]}" for s in CHANGES if counts.get(s))


@dataclass
class OverviewNode:
    text: str
    status: str = ""
    pair: int = -1
    counts: dict[str, int] = field(default_factory=dict)
    parent: OverviewNode | None = None
    children: list[OverviewNode] = field(default_factory=list)


def overview_nodes(pairs: Sequence, document_b: Document, lang: str) -> list[OverviewNode]:
    """One node per part of B (in order) with its changes as children."""
    roots: dict[str, OverviewNode] = {}
    for index, (pair, part) in enumerate(zip(pairs, pair_parts(pairs, document_b, lang), strict=True)):
        root = roots.setdefault(part, OverviewNode(part))
        root.counts[pair.status] = root.counts.get(pair.status, 0) + 1
        if pair.status in CHANGES:
            text = pair.b_text or pair.a_text
            excerpt = text if len(text) <= EXCERPT else text[: EXCERPT - 1] + "…"
            root.children.append(OverviewNode(excerpt, pair.status, index, parent=root))
    return list(roots.values())


class ComparisonOverviewModel(PartsTreeModel):
    """Parts with counts, changes under them."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._roots: list[OverviewNode] = []
        self._font = text_font("zh")
        self.totals: dict[str, int] = {}

    def set_comparison(self, pairs: Sequence, document_b: Document | None, lang: str = "zh") -> None:
        self.beginResetModel()
        self._roots = overview_nodes(pairs, document_b, lang) if document_b is not None else []
        self._font = text_font(lang)
        self.totals = {}
        for pair in pairs:
            self.totals[pair.status] = self.totals.get(pair.status, 0) + 1
        self._index_rows()
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        node = self._node(index)
        if node is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if node.status:
                return f"[{status_name(node.status)}] {node.text}"
            counts = counts_text(node.counts)
            return f"{node.text}\n{counts}" if counts else node.text
        if role == Qt.ItemDataRole.FontRole:
            return self._font
        if role == Qt.ItemDataRole.ToolTipRole:
            return status_hint(node.status) if node.status else counts_text(node.counts)
        if role == PAIR_ROLE:
            return node.pair
        if role == STATUS_ROLE:
            return node.status
        return None

    def index_of_pair(self, pair: int) -> QModelIndex:
        for root in self._roots:
            for row, child in enumerate(root.children):
                if child.pair == pair:
                    return self.createIndex(row, 0, child)
        return QModelIndex()

    def change_count(self) -> int:
        return sum(len(root.children) for root in self._roots)
