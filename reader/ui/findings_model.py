"""The translation-check findings of one document as a Qt table model, and its filter.

reader.terms.checks (pure: the findings) → FindingsModel (rows, in Korean in the Korean
UI) → FindingsPanel (widget). The core's messages are English (``qa`` prints them); the
model says the same in the UI's language from the finding's fields.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from ..terms.checks import KINDS, Finding

FINDING_ROLE = Qt.ItemDataRole.UserRole + 1
CONTEXT = "FindingsModel"

#: The name of each kind of check.
KIND_NAMES = {
    "near_miss": QT_TRANSLATE_NOOP("FindingsModel", "Near miss"),
    "untranslated_chinese": QT_TRANSLATE_NOOP("FindingsModel", "Chinese left in Korean"),
    "number_mismatch": QT_TRANSLATE_NOOP("FindingsModel", "Number differs"),
    "inconsistent": QT_TRANSLATE_NOOP("FindingsModel", "Inconsistent rendering"),
    "partial_omission": QT_TRANSLATE_NOOP("FindingsModel", "Partial omission"),
}
#: What a finding of each kind says ({zh}, {ko}: the terms; {expected}: what was expected).
KIND_MESSAGES = {
    "near_miss": QT_TRANSLATE_NOOP("FindingsModel", "{ko} is one syllable away from {expected} ({zh}): a slip?"),
    "untranslated_chinese": QT_TRANSLATE_NOOP(
        "FindingsModel", "Chinese {zh} is left in the Korean text: render it (e.g. {expected}) or gloss it"
    ),
    "number_mismatch": QT_TRANSLATE_NOOP("FindingsModel", "{zh} ({expected}) is not in the Korean"),
    "inconsistent": QT_TRANSLATE_NOOP("FindingsModel", "{zh} is rendered {ko} here but {expected} elsewhere"),
    "partial_omission": QT_TRANSLATE_NOOP("FindingsModel", "{zh} (usually {expected}) has no rendering in the Korean"),
}
DECISION_NAMES = {
    "": QT_TRANSLATE_NOOP("FindingsModel", "Open"),
    "confirmed": QT_TRANSLATE_NOOP("FindingsModel", "Confirmed"),
    "dismissed": QT_TRANSLATE_NOOP("FindingsModel", "Dismissed"),
}
_HEADERS = (
    QT_TRANSLATE_NOOP("FindingsModel", "Check"),
    QT_TRANSLATE_NOOP("FindingsModel", "Chinese"),
    QT_TRANSLATE_NOOP("FindingsModel", "Korean"),
    QT_TRANSLATE_NOOP("FindingsModel", "Finding"),
    QT_TRANSLATE_NOOP("FindingsModel", "Verdict"),
)
MESSAGE_COLUMN = 3

Index = QModelIndex | QPersistentModelIndex


def _tr(text: object) -> str:
    return QCoreApplication.translate(CONTEXT, str(text))


def kind_name(kind: str) -> str:
    return _tr(KIND_NAMES[kind])


def describe(finding: Finding) -> str:
    """The finding in the UI's language."""
    template = _tr(KIND_MESSAGES[finding.kind])
    return template.format(zh=finding.zh_term, ko=finding.ko_term or "—", expected=finding.expected or "?")


class FindingsModel(QAbstractTableModel):
    """One row per finding, in reading order."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._findings: list[Finding] = []

    def set_findings(self, findings: list[Finding]) -> None:
        self.beginResetModel()
        self._findings = list(findings)
        self.endResetModel()

    def finding(self, row: int) -> Finding | None:
        return self._findings[row] if 0 <= row < len(self._findings) else None

    def row_of(self, key: str) -> int:
        return next((i for i, f in enumerate(self._findings) if f.key == key), -1)

    def set_decision(self, key: str, decision: str) -> None:
        row = self.row_of(key)
        if row < 0:
            return
        self._findings[row].decision = decision
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def counts(self) -> dict[str, int]:
        """Open findings by kind."""
        found = dict.fromkeys(KINDS, 0)
        for finding in self._findings:
            if not finding.decision:
                found[finding.kind] += 1
        return found

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._findings)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(_HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        finding = self.finding(index.row()) if index.isValid() else None
        if finding is None:
            return None
        if role == FINDING_ROLE:
            return finding
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return kind_name(finding.kind)
            if column == 1:
                return finding.zh_term
            if column == 2:
                return finding.ko_term
            if column == MESSAGE_COLUMN:
                return describe(finding)
            return _tr(DECISION_NAMES.get(finding.decision, finding.decision))
        if role == Qt.ItemDataRole.ToolTipRole:
            return describe(finding)
        if role == Qt.ItemDataRole.FontRole and finding.decision == "dismissed":
            from PySide6.QtGui import QFont

            font = QFont()
            font.setStrikeOut(True)
            return font
        return None


class FindingsFilter(QSortFilterProxyModel):
    """The findings of one kind (or all), with or without those already decided."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.kind = ""  # '' : every kind
        self.show_decided = False

    def set_kind(self, kind: str) -> None:
        self._begin_change()
        self.kind = kind
        self._end_change()

    def set_show_decided(self, shown: bool) -> None:
        self._begin_change()
        self.show_decided = shown
        self._end_change()

    def _begin_change(self) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9 and later
            self.beginFilterChange()

    def _end_change(self) -> None:
        if hasattr(self, "endFilterChange"):
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        finding = model.finding(source_row) if isinstance(model, FindingsModel) else None
        if finding is None:
            return False
        if self.kind and finding.kind != self.kind:
            return False
        return self.show_decided or not finding.decision
