"""The export dialog: choose what goes into a briefing, see it, write it.

Options (scope, languages, grouping, layout, starred only, tags, colours, format) make a
``BriefingOptions``; every change rebuilds the briefing and shows it in a live
preview, the Qt rich-text rendering the PDF is printed from. Export asks for a
file name, asks before replacing an existing file, and writes atomically.

The dialog takes the Library explicitly; the main window opens it from a menu
action. Tests replace ``choose_path``, ``confirm_overwrite`` and ``show_error``
instead of clicking through modal dialogs.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..annotations import COLORS
from ..errors import DuizhaoError
from ..export import FORMATS, REPORT_FORMATS, BriefingOptions, EmptySelection, briefing_from_library, write_briefing
from ..export.briefing import GROUP_NAMES, Briefing
from ..export.legend import read_meanings
from ..export.rich_text import empty_message, render
from .i18n import color_name

Index = QModelIndex | QPersistentModelIndex

#: Scopes of an export: the open document, the documents ticked in the list, or all.
SCOPES = ("current", "chosen", "library")
#: The export formats as the dialog names them (``reader.export.FORMATS`` descriptions, translated).
FORMAT_LABELS = {
    "md": QT_TRANSLATE_NOOP("ExportDialog", "Markdown"),
    "docx": QT_TRANSLATE_NOOP("ExportDialog", "Word (DOCX)"),
    "hwpx": QT_TRANSLATE_NOOP("ExportDialog", "Hangul (HWPX)"),
    "pdf": QT_TRANSLATE_NOOP("ExportDialog", "PDF"),
    "html": QT_TRANSLATE_NOOP("ExportDialog", "Web page (HTML)"),
    "csv": QT_TRANSLATE_NOOP("ExportDialog", "CSV (Excel)"),
    "json": QT_TRANSLATE_NOOP("ExportDialog", "W3C Web Annotation (JSON)"),
}


class ChoiceListModel(QAbstractListModel):
    """A list of (key, label) choices the user ticks; nothing ticked means "all"."""

    choices_changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._choices: list[tuple[str, str]] = []
        self._checked: set[str] = set()

    def set_choices(self, choices: list[tuple[str, str]], checked: set[str] | None = None) -> None:
        self.beginResetModel()
        self._choices = list(choices)
        keys = {key for key, _ in self._choices}
        self._checked = (checked if checked is not None else self._checked) & keys
        self.endResetModel()

    def checked(self) -> list[str]:
        """Ticked keys, in list order."""
        return [key for key, _ in self._choices if key in self._checked]

    def set_checked(self, key: str, checked: bool) -> None:
        for row, (choice, _) in enumerate(self._choices):
            if choice == key:
                self.setData(
                    self.index(row),
                    Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked,
                    Qt.ItemDataRole.CheckStateRole,
                )

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._choices)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._choices):
            return None
        key, label = self._choices[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return label
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if key in self._checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.UserRole:
            return key
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        key = self._choices[index.row()][0]
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self._checked.add(key)
        else:
            self._checked.discard(key)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.choices_changed.emit()
        return True


def _swatch(color_hex: str) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(color_hex))
    return QIcon(pixmap)


class ExportDialog(QDialog):
    """Export annotations as a briefing, with a live preview."""

    #: Emitted with the path of each file written.
    exported = Signal(str)

    def __init__(self, library, current_doc_id: str = "", parent=None, preview_delay_ms: int = 200):
        super().__init__(parent)
        self.setObjectName("export_dialog")
        self.setWindowTitle(self.tr("Export notes"))
        self.library = library
        self.current_doc_id = current_doc_id
        self.last_briefing: Briefing | None = None
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(preview_delay_ms)
        self._preview_timer.timeout.connect(self.refresh_preview)
        self._build_widgets()
        self._layout()
        self._connect()
        self.reload_choices()
        self.refresh_preview()

    # -- building ----------------------------------------------------------------
    def _build_widgets(self) -> None:
        self.scope = QComboBox()
        if self.current_doc_id:
            self.scope.addItem(self.tr("Current document"), "current")
        self.scope.addItem(self.tr("Chosen documents"), "chosen")
        self.scope.addItem(self.tr("Whole library"), "library")
        self.scope.setCurrentIndex(0 if self.current_doc_id else self.scope.findData("library"))
        self.documents = ChoiceListModel(self)
        self.document_list = QListView()
        self.document_list.setObjectName("export_documents")
        self.document_list.setModel(self.documents)
        self.document_list.setMaximumHeight(110)
        self.language = QComboBox()
        for code, label in (
            ("both", self.tr("Chinese and Korean")),
            ("zh", self.tr("Chinese")),
            ("ko", self.tr("Korean")),
        ):
            self.language.addItem(label, code)
        self.group_by = QComboBox()
        for code, label in (
            ("clause", self.tr("By part and clause")),
            ("tag", self.tr("By tag")),
            ("color", self.tr("By colour")),
        ):
            self.group_by.addItem(label, code)
        self.group_by.setToolTip(", ".join(GROUP_NAMES.values()))
        self.layout_choice = QComboBox()
        self.layout_choice.setObjectName("export_layout")
        self.layout_choice.addItem(self.tr("Note list (메모형)"), "memo")
        self.layout_choice.addItem(self.tr("Report (보고서형): Word, Hangul, PDF"), "report")
        self.starred = QCheckBox(self.tr("Starred only"))
        self.tags = ChoiceListModel(self)
        self.tag_list = QListView()
        self.tag_list.setObjectName("export_tags")
        self.tag_list.setModel(self.tags)
        self.tag_list.setMaximumHeight(110)
        self.color_buttons: dict[str, QToolButton] = {}
        meanings = read_meanings()
        for name, color_hex in COLORS.items():
            button = QToolButton()
            button.setCheckable(True)
            button.setIcon(_swatch(color_hex))
            meaning = meanings.get(name, "")
            button.setToolTip(f"{color_name(name)}: {meaning}" if meaning else color_name(name))
            button.setObjectName(f"export_color_{name}")
            self.color_buttons[name] = button
        self.format = QComboBox()
        for fmt in FORMATS.values():
            self.format.addItem(self.tr(str(FORMAT_LABELS.get(fmt.name, fmt.description))), fmt.name)
        self.preview = QTextBrowser()
        self.preview.setObjectName("export_preview")
        self.preview.setOpenLinks(False)
        self.count = QLabel()
        self.count.setObjectName("export_count")
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setDefault(True)

    def _layout(self) -> None:
        options = QWidget()
        form = QFormLayout(options)
        form.addRow(self.tr("Documents"), self.scope)
        form.addRow("", self.document_list)
        form.addRow(self.tr("Text"), self.language)
        form.addRow(self.tr("Sections"), self.group_by)
        form.addRow(self.tr("Layout"), self.layout_choice)
        form.addRow("", self.starred)
        form.addRow(self.tr("Tags"), self.tag_list)
        colors = QHBoxLayout()
        colors.setSpacing(2)
        for button in self.color_buttons.values():
            colors.addWidget(button)
        colors.addStretch(1)
        form.addRow(self.tr("Colours"), colors)
        form.addRow(self.tr("Format"), self.format)
        splitter = QSplitter()
        splitter.addWidget(options)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(1, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self.resize(1000, 680)

    def _connect(self) -> None:
        self.scope.currentIndexChanged.connect(self.schedule_preview)
        self.documents.choices_changed.connect(self.schedule_preview)
        self.language.currentIndexChanged.connect(self.schedule_preview)
        self.group_by.currentIndexChanged.connect(self.schedule_preview)
        self.layout_choice.currentIndexChanged.connect(self.on_layout_changed)
        self.starred.toggled.connect(self.schedule_preview)
        self.tags.choices_changed.connect(self.schedule_preview)
        for button in self.color_buttons.values():
            button.toggled.connect(self.schedule_preview)
        self.export_button.clicked.connect(self.export_clicked)

    def reload_choices(self) -> None:
        """Fill the document and tag lists from the library (keeping what is ticked)."""
        documents = self.library.documents.list()
        counts = self.library.annotations.counts()
        self.documents.set_choices(
            [(d["id"], f"{d['title'] or d['id']} ({counts.get(d['id'], 0)})") for d in documents],
            checked={self.current_doc_id} if self.current_doc_id and not self.documents.checked() else None,
        )
        self.tags.set_choices([(tag, f"#{tag} ({n})") for tag, n in self.library.annotations.tags()])

    # -- options and preview ----------------------------------------------------------
    def options(self) -> BriefingOptions:
        scope = self.scope.currentData()
        if scope == "current":
            doc_ids: tuple[str, ...] = (self.current_doc_id,)
        elif scope == "chosen":
            doc_ids = tuple(self.documents.checked())
        else:
            doc_ids = ()
        return BriefingOptions(
            doc_ids=doc_ids,
            tags=tuple(self.tags.checked()),
            colors=tuple(name for name, button in self.color_buttons.items() if button.isChecked()),
            starred_only=self.starred.isChecked(),
            lang=self.language.currentData(),
            group_by=self.group_by.currentData(),
            color_meanings=tuple(read_meanings().items()),
            layout=self.layout_choice.currentData(),
        )

    @Slot()
    def on_layout_changed(self) -> None:
        """The report layout is made in Word, Hangul and PDF only: the other formats are
        greyed out (and left for Word if one of them was chosen)."""
        report = self.layout_choice.currentData() == "report"
        model = self.format.model()
        for row in range(self.format.count()):
            item = model.item(row)  # type: ignore[attr-defined]  # a QComboBox's own QStandardItemModel
            item.setEnabled(not report or self.format.itemData(row) in REPORT_FORMATS)
        if report and self.format.currentData() not in REPORT_FORMATS:
            self.format.setCurrentIndex(self.format.findData("docx"))
        self.schedule_preview()

    @Slot()
    def schedule_preview(self) -> None:
        self.document_list.setEnabled(self.scope.currentData() == "chosen")
        self._preview_timer.start()

    @Slot()
    def refresh_preview(self) -> None:
        """Rebuild the briefing from the options and show it."""
        self._preview_timer.stop()
        self.document_list.setEnabled(self.scope.currentData() == "chosen")
        options = self.options()
        if self.scope.currentData() == "chosen" and not options.doc_ids:
            self._show_empty(self.tr("Tick the documents to export."))
            return
        try:
            briefing = briefing_from_library(self.library, options)
        except EmptySelection:
            self._show_empty(self.tr("No annotations match these options: there is nothing to export."))
            return
        except DuizhaoError as exc:
            self._show_empty(str(exc))
            return
        self.last_briefing = briefing
        from ..export.pdf import available_fonts

        scroll = self.preview.verticalScrollBar().value()
        if options.layout == "report":
            from ..export.rich_report import render as render_report

            self.preview.setHtml(render_report(briefing, available_fonts()))
        else:
            self.preview.setHtml(render(briefing, available_fonts()))
        self.preview.verticalScrollBar().setValue(scroll)
        self.count.setText(self.tr("%n annotation(s)", "", briefing.count))
        self.export_button.setEnabled(True)

    def _show_empty(self, message: str) -> None:
        self.last_briefing = None
        self.preview.setHtml(empty_message(message))
        self.count.setText(message)
        self.export_button.setEnabled(False)

    # -- exporting --------------------------------------------------------------------
    def choose_path(self, fmt: str) -> str:
        """Ask for the file to write ('' when cancelled)."""
        suffix = FORMATS[fmt].suffix
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export notes"),
            str(Path.home() / f"briefing{suffix}"),
            f"{self.tr(str(FORMAT_LABELS.get(fmt, FORMATS[fmt].description)))} (*{suffix})",
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path and not path.lower().endswith(suffix):
            path += suffix
        return path

    def confirm_overwrite(self, path: str) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Replace file?"),
            self.tr("%1 already exists. Replace it?").replace("%1", path),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def show_error(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Export failed"), message)

    @Slot()
    def export_clicked(self) -> None:
        fmt = self.format.currentData()
        path = self.choose_path(fmt)
        if path:
            self.export_to(path, fmt)

    def export_to(self, path: str, fmt: str | None = None) -> Path | None:
        """Write the previewed briefing to path (asking before replacing a file)."""
        fmt = fmt or self.format.currentData()
        self.refresh_preview()
        if self.last_briefing is None:
            self.show_error(self.count.text())
            return None
        force = False
        if Path(path).exists():
            if not self.confirm_overwrite(path):
                return None
            force = True
        try:
            written = write_briefing(self.last_briefing, fmt, path, force=force)
        except DuizhaoError as exc:
            self.show_error(str(exc))
            return None
        self.count.setText(self.tr("Wrote %1").replace("%1", str(written)))
        self.exported.emit(str(written))
        return written
