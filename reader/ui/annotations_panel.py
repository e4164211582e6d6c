"""The annotations panel: list, filter, edit and delete annotations.

Pure query (``reader.annotations.query``, run in SQL by the repository) → ``AnnotationListModel``
(a count and the window of rows on screen) → ``AnnotationsPanel``.
The panel is given the repository, which it reads, and the window's ``AnnotationEdits``,
which it writes through (each change committed at once and undoable on the window's one
undo stack); it reloads when told the library changed (``on_library_event``). It never
holds annotation data the database does not have, and never more than a few pages of
it. (Its annotations are loaded without the anchors' prefix/suffix, which it does not
show: read an annotation from the repository when those are needed.)

Signals:
- ``annotation_activated(doc_id, segment_id)``: the user clicked or pressed Enter on an annotation.
- ``annotations_changed(doc_id)``: annotations of a document changed (redraw its marks).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSignalBlocker,
    QStringListModel,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..annotations import COLORS, Annotation, AnnotationRepository
from ..annotations.query import AnnotationCatalog, AnnotationFilter, AnnotationSource
from ..model import Document
from .fonts import text_font
from .i18n import color_name

if TYPE_CHECKING:
    from .controllers.annotations import AnnotationEdits

ANNOTATION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
DOC_ID_ROLE = Qt.ItemDataRole.UserRole + 2
SEGMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 3
ORPHANED_ROLE = Qt.ItemDataRole.UserRole + 4

QUOTE_CHARS = 80
NOTE_CHARS = 80
#: Typing in the note is committed this long after the last key (and on leaving the field).
NOTE_COMMIT_MS = 600

Index = QModelIndex | QPersistentModelIndex

SORT_CHOICES = (
    ("position", QT_TRANSLATE_NOOP("AnnotationsPanel", "By position")),
    ("created", QT_TRANSLATE_NOOP("AnnotationsPanel", "Newest first")),
    ("updated", QT_TRANSLATE_NOOP("AnnotationsPanel", "Recently edited")),
)


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class AnnotationListModel(QAbstractListModel):
    """The annotations that pass the panel's filter, one row each, read a page at a time.

    The rows come from an ``AnnotationSource``: the repository (the panel's), which filters
    and orders them in SQL, or a loaded list (``set_annotations``). A filter costs one
    query for the ids of its rows in order; an annotation is read only when its row is
    shown, ``PAGE_ROWS`` at a time, and at most ``KEPT_PAGES`` pages are kept, so a list of
    ten thousand holds a few hundred. The view is given ``SHOWN_ROWS`` rows at first and
    more as it scrolls to the end (``fetchMore``): Qt's list view lays out every row it
    is given, asking the model about each.
    """

    PAGE_ROWS = 64
    KEPT_PAGES = 6
    SHOWN_ROWS = 256

    def __init__(self, parent=None):
        super().__init__(parent)
        self._source: AnnotationSource = AnnotationCatalog([])
        self._filter = AnnotationFilter()
        self._ids: list[str] = []  # the filter's rows, in its order
        self._rows_by_id: dict[str, int] | None = None  # made when a row is looked up
        self._shown = 0  # rows the view has been given
        self._total = 0
        self._pages: dict[int, dict[str, Annotation]] = {}  # page number → its rows, least recently used first
        self._titles: dict[str, str] = {}
        self._colors = {name: QColor(value) for name, value in COLORS.items()}
        self._fonts = {lang: text_font(lang) for lang in ("zh", "ko")}

    # -- loading and filtering ---------------------------------------------------
    def set_source(self, source: AnnotationSource, wanted: AnnotationFilter | None = None) -> None:
        """Read the rows from ``source`` (again: what changed in it is shown), with this filter if given."""
        self._source = source
        if wanted is not None:
            self._filter = wanted
        self._total = source.count_matching(AnnotationFilter())
        self._apply()

    def set_annotations(self, annotations: list[Annotation], ordered: bool = False) -> None:
        """Load annotations (``ordered``: they are in reading order already, as the repository lists them)."""
        self.set_source(AnnotationCatalog(annotations, ordered))

    def tag_counts(self) -> list[tuple[str, int]]:
        return self._source.tags()

    def put(self, annotation_id: str, annotation: Annotation | None) -> None:
        """One annotation changed (None: deleted). Redraws its row, or the list if rows came or went."""
        if isinstance(self._source, AnnotationCatalog):
            self._source.put(annotation_id, annotation)
        if annotation is not None and self._edit_keeps_rows() and self.row_of(annotation_id) >= 0:
            # An edit of a listed annotation (colour, note, tags, star) moves no row of this filter.
            self._pages.clear()
            row = self.row_of(annotation_id)
            self.dataChanged.emit(self.index(row), self.index(row))
            return
        self._total = self._source.count_matching(AnnotationFilter())
        ids = self._source.ordered_ids(self._filter)
        if ids != self._ids:
            self._reset(ids)
            return
        self._pages.clear()
        row = self.row_of(annotation_id)
        if row >= 0:
            self.dataChanged.emit(self.index(row), self.index(row))

    def _edit_keeps_rows(self) -> bool:
        """True if no edit of an annotation's colour, note, tags or star can add, remove or move
        a row of the filter (it selects and sorts by none of them, nor by the edit's time)."""
        wanted = self._filter
        return not (
            wanted.colors or wanted.tag or wanted.text.strip() or wanted.starred_only or wanted.sort == "updated"
        )

    def set_filter(self, wanted: AnnotationFilter) -> None:
        self._filter = wanted
        self._apply()

    def annotation_filter(self) -> AnnotationFilter:
        return self._filter

    def set_document_titles(self, titles: dict[str, str]) -> None:
        self._titles = dict(titles)
        if self._shown:
            self.dataChanged.emit(self.index(0), self.index(self._shown - 1))

    def _apply(self) -> None:
        self._shown = 0
        self._reset(self._source.ordered_ids(self._filter))

    def _reset(self, ids: list[str]) -> None:
        self.beginResetModel()
        self._ids = ids
        self._rows_by_id = None
        self._pages.clear()
        # As far down as the view had scrolled, or the first rows.
        self._shown = min(len(ids), max(self._shown, self.SHOWN_ROWS))
        self.endResetModel()

    @property
    def count(self) -> int:
        """How many annotations pass the filter (the view may have been given fewer rows so far)."""
        return len(self._ids)

    @property
    def total(self) -> int:
        return self._total

    @property
    def materialised(self) -> int:
        """How many annotations the model holds now (a few pages, not the list)."""
        return sum(len(rows) for rows in self._pages.values())

    def annotation(self, row: int) -> Annotation | None:
        if not 0 <= row < len(self._ids):
            return None
        page = row // self.PAGE_ROWS
        rows = self._pages.pop(page, None)
        if rows is None:
            wanted = self._ids[page * self.PAGE_ROWS : (page + 1) * self.PAGE_ROWS]
            rows = {a.id: a for a in self._source.by_ids(wanted)}
            while len(self._pages) >= self.KEPT_PAGES:
                del self._pages[next(iter(self._pages))]
        self._pages[page] = rows  # the most recently used last
        return rows.get(self._ids[row])

    def row_of(self, annotation_id: str) -> int:
        """The row of an annotation (-1: the filter hides it), given to the view if it was not yet."""
        if self._rows_by_id is None:
            self._rows_by_id = {annotation_id: row for row, annotation_id in enumerate(self._ids)}
        row = self._rows_by_id.get(annotation_id, -1)
        if row >= self._shown:
            self._show_rows(row + 1)
        return row

    def _show_rows(self, rows: int) -> None:
        self.beginInsertRows(QModelIndex(), self._shown, rows - 1)
        self._shown = rows
        self.endInsertRows()

    # -- Qt model ------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._shown

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._shown < len(self._ids)

    def fetchMore(self, parent: Index) -> None:
        if self.canFetchMore(parent):
            self._show_rows(min(len(self._ids), self._shown + self.SHOWN_ROWS))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        annotation = self.annotation(index.row()) if index.isValid() and index.row() < self._shown else None
        if annotation is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(annotation)
        if role == Qt.ItemDataRole.ToolTipRole:
            return annotation.note or annotation.anchor.quote
        if role == Qt.ItemDataRole.DecorationRole:
            return self._colors.get(annotation.color)
        if role == Qt.ItemDataRole.FontRole:
            return self._fonts["ko" if annotation.anchor.segment_id.startswith("ko.") else "zh"]
        if role == Qt.ItemDataRole.ForegroundRole and annotation.orphaned:
            return QColor("#868e96")
        if role == ANNOTATION_ID_ROLE:
            return annotation.id
        if role == DOC_ID_ROLE:
            return annotation.doc_id
        if role == SEGMENT_ID_ROLE:
            return annotation.anchor.segment_id
        if role == ORPHANED_ROLE:
            return annotation.orphaned
        return None

    def _display(self, annotation: Annotation) -> str:
        star = "★ " if annotation.starred else ""
        orphan = self.tr("⚠ orphaned · ") if annotation.orphaned else ""
        lines = [f"{orphan}{star}「{_short(annotation.anchor.quote, QUOTE_CHARS)}」"]
        details = []
        if annotation.note.strip():
            details.append(_short(annotation.note, NOTE_CHARS))
        if annotation.tags:
            details.append(" ".join(f"#{t}" for t in annotation.tags))
        if not self._filter.doc_id:
            details.append(self._titles.get(annotation.doc_id, annotation.doc_id))
        if details:
            lines.append(" · ".join(details))
        return "\n".join(lines)


class TagCompleter(QCompleter):
    """Completes the tag being typed (the text after the last comma), keeping the others."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setModel(QStringListModel(self))
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)

    def set_tags(self, tags: list[str]) -> None:
        model = self.model()
        assert isinstance(model, QStringListModel)
        model.setStringList(tags)

    def splitPath(self, path: str) -> list[str]:
        return [path.rsplit(",", 1)[-1].strip()]

    def pathFromIndex(self, index: Index) -> str:
        widget = self.widget()
        typed = widget.text() if isinstance(widget, QLineEdit) else ""
        head = typed.rsplit(",", 1)[0] + ", " if "," in typed else ""
        return head + str(index.data())


def split_tags(text: str) -> list[str]:
    return [t.strip() for t in text.split(",") if t.strip()]


class AnnotationsPanel(QWidget):
    """All annotations of a document or of the library, with a small editor."""

    annotation_activated = Signal(str, str)  # doc_id, segment_id
    annotations_changed = Signal(str)  # doc_id

    def __init__(self, repository: AnnotationRepository, edits: AnnotationEdits, parent=None):
        super().__init__(parent)
        self.setObjectName("annotations_panel")
        self.repository = repository
        self.edits = edits
        self._current_doc = ""
        self._editing = ""  # id of the annotation in the editor
        self._writing = False  # the panel itself is writing: library events about it are expected
        self._reloading = False  # the list is being rebuilt: selection changes are not the user's
        self._loaded_note = ""  # the note as last loaded or saved: typing differs from it
        self._loaded = False  # read from the repository yet (the first filter or event loop turn does)

        self.model = AnnotationListModel(self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setUniformItemSizes(True)
        self.view.setAlternatingRowColors(True)
        self.view.activated.connect(self.on_activated)
        self.view.clicked.connect(self.on_activated)
        self.view.selectionModel().currentChanged.connect(self.on_current_changed)

        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.on_filter_changed)
        self.color_filter = QComboBox()
        self.color_filter.addItem("", "")
        for name in COLORS:
            self.color_filter.addItem("", name)
            self.color_filter.setItemData(
                self.color_filter.count() - 1, QColor(COLORS[name]), Qt.ItemDataRole.DecorationRole
            )
        self.color_filter.currentIndexChanged.connect(self.on_filter_changed)
        self.tag_filter = QComboBox()
        self.tag_filter.currentIndexChanged.connect(self.on_filter_changed)
        self.scope = QComboBox()
        self.scope.addItem("", "document")
        self.scope.addItem("", "library")
        self.scope.currentIndexChanged.connect(self.on_filter_changed)
        self.sort = QComboBox()
        for key, _label in SORT_CHOICES:
            self.sort.addItem("", key)
        self.sort.currentIndexChanged.connect(self.on_filter_changed)
        self.starred_only = QCheckBox()
        self.starred_only.toggled.connect(self.on_filter_changed)
        self.orphaned_only = QCheckBox()
        self.orphaned_only.toggled.connect(self.on_filter_changed)
        self.count_label = QLabel()

        self.note = QPlainTextEdit()
        self.preview = QTextBrowser()
        self.preview.setOpenLinks(False)
        self.note_stack = QStackedWidget()
        self.note_stack.addWidget(self.note)
        self.note_stack.addWidget(self.preview)
        self.preview_button = QToolButton()
        self.preview_button.setCheckable(True)
        self.preview_button.toggled.connect(self.on_preview_toggled)
        self.note.textChanged.connect(self.on_note_typed)
        self.note.installEventFilter(self)
        self.note_timer = QTimer(self)
        self.note_timer.setSingleShot(True)
        self.note_timer.setInterval(NOTE_COMMIT_MS)
        self.note_timer.timeout.connect(self.commit_note)
        self.tags = QLineEdit()
        self.tag_completer = TagCompleter(self)
        self.tags.setCompleter(self.tag_completer)
        self.tags.editingFinished.connect(self.commit_tags)
        self.color = QComboBox()
        for i, name in enumerate(COLORS):
            self.color.addItem("", name)
            self.color.setItemData(i, QColor(COLORS[name]), Qt.ItemDataRole.DecorationRole)
        self.color.activated.connect(self.on_color_chosen)
        self.star = QToolButton()
        self.star.setText("★")
        self.star.setCheckable(True)
        self.star.toggled.connect(self.on_star_toggled)
        self.delete_button = QPushButton()
        self.delete_button.clicked.connect(self.delete_current)

        edits.restored.connect(self.select_annotation)

        self._layout()
        self.retranslate_ui()
        self._set_editor(None)
        # Read on the next turn of the event loop, unless a document is shown first (as the
        # window does at once): one query for the list shown, not a first one for the library.
        QTimer.singleShot(0, self, self._load_once)

    @Slot()
    def _load_once(self) -> None:
        if not self._loaded:
            self.reload()

    def retranslate_ui(self) -> None:
        """Every fixed string of the panel (again when the UI language changes)."""
        self.setWindowTitle(self.tr("Annotations"))
        self.search.setPlaceholderText(self.tr("Filter by quote, note or tag"))
        self.color_filter.setItemText(0, self.tr("All colours"))
        for row in range(1, self.color_filter.count()):
            self.color_filter.setItemText(row, color_name(self.color_filter.itemData(row)))
        for row in range(self.color.count()):
            self.color.setItemText(row, f"{row + 1}  {color_name(self.color.itemData(row))}")
        self.scope.setItemText(0, self.tr("This document"))
        self.scope.setItemText(1, self.tr("All documents"))
        for row, (_key, label) in enumerate(SORT_CHOICES):
            self.sort.setItemText(row, self.tr(str(label)))
        self.starred_only.setText(self.tr("★ only"))
        self.orphaned_only.setText(self.tr("Orphaned only"))
        self.orphaned_only.setToolTip(self.tr("Notes whose text is gone from the new version of the document"))
        self.preview_button.setText(self.tr("Preview"))
        self.preview_button.setToolTip(self.tr("Show the note rendered from Markdown"))
        self.note.setPlaceholderText(self.tr("Note (Markdown)"))
        self.tags.setPlaceholderText(self.tr("Tags, separated by commas"))
        self.star.setToolTip(self.tr("Star"))
        self.delete_button.setText(self.tr("Delete"))
        self.color.setToolTip(self.tr("Colour of the highlight"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            # Only the words change: nothing is read again (a closing window's library may be closed).
            if self.tag_filter.count():
                self.tag_filter.setItemText(0, self.tr("All tags"))
            self._update_count()
        super().changeEvent(event)

    def _layout(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.color_filter)
        filters.addWidget(self.tag_filter)
        filters.addWidget(self.scope)
        options = QHBoxLayout()
        options.addWidget(self.sort)
        options.addWidget(self.starred_only)
        options.addWidget(self.orphaned_only)
        options.addStretch(1)
        options.addWidget(self.count_label)
        editor_row = QHBoxLayout()
        editor_row.addWidget(self.color)
        editor_row.addWidget(self.star)
        editor_row.addWidget(self.tags, 1)
        editor_row.addWidget(self.preview_button)
        editor_row.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addLayout(options)
        layout.addWidget(self.view, 3)
        layout.addLayout(editor_row)
        layout.addWidget(self.note_stack, 1)

    # -- what is shown -------------------------------------------------------------
    def set_document_titles(self, titles: dict[str, str]) -> None:
        self.model.set_document_titles(titles)

    def show_document(self, doc_id: str) -> None:
        """The document open in the reader: the panel shows its annotations (scope 'This document')."""
        self._current_doc = doc_id
        self.on_filter_changed()

    def reload(self, annotation_id: str = "") -> None:
        """Read the annotations again from the repository (only ``annotation_id`` if given),
        keeping the current one selected. (A count in SQL: rows are read when shown.)"""
        keep = self._editing
        self._reloading = True
        try:
            if annotation_id and self._loaded:
                exists = self.repository.exists(annotation_id)
                self.model.put(annotation_id, self.repository.get(annotation_id) if exists else None)
            else:
                self.model.set_source(self.repository, self.current_filter())
                self._loaded = True
            self._refresh_tag_choices()
        finally:
            self._reloading = False
        self._reselect(keep)
        self._update_count()

    def current_filter(self) -> AnnotationFilter:
        whole_library = self.scope.currentData() == "library"
        return AnnotationFilter(
            doc_id="" if whole_library else self._current_doc,
            colors=frozenset({self.color_filter.currentData()}) if self.color_filter.currentData() else frozenset(),
            tag=self.tag_filter.currentData() or "",
            text=self.search.text(),
            starred_only=self.starred_only.isChecked(),
            orphaned_only=self.orphaned_only.isChecked(),
            sort=self.sort.currentData() or "position",
        )

    def _refresh_tag_choices(self) -> None:
        tags = [tag for tag, _n in self.model.tag_counts()]
        chosen = self.tag_filter.currentData() or ""
        with QSignalBlocker(self.tag_filter):
            self.tag_filter.clear()
            self.tag_filter.addItem(self.tr("All tags"), "")
            for tag in tags:
                self.tag_filter.addItem(f"#{tag}", tag)
            at = self.tag_filter.findData(chosen)
            self.tag_filter.setCurrentIndex(max(at, 0))
        self.tag_completer.set_tags(tags)

    def _reselect(self, annotation_id: str) -> None:
        row = self.model.row_of(annotation_id) if annotation_id else -1
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row))
            self._set_editor(self.model.annotation(row))
        else:
            self._set_editor(None)

    def _update_count(self) -> None:
        self.count_label.setText(
            self.tr("%1 of %2").replace("%1", str(self.model.count)).replace("%2", str(self.model.total))
        )

    # -- the editor ----------------------------------------------------------------
    def current_annotation(self) -> Annotation | None:
        return self.model.annotation(self.view.currentIndex().row())

    def _set_editor(self, annotation: Annotation | None) -> None:
        self._editing = annotation.id if annotation else ""
        self._loaded_note = annotation.note if annotation else ""
        for widget in (self.note, self.tags, self.color, self.star, self.delete_button):
            widget.setEnabled(annotation is not None)
        note = annotation.note if annotation else ""
        tags = ", ".join(annotation.tags) if annotation else ""
        with (
            QSignalBlocker(self.note),
            QSignalBlocker(self.tags),
            QSignalBlocker(self.color),
            QSignalBlocker(self.star),
        ):
            # Text being typed is left alone (and the cursor where it is) once it is saved.
            if self.note.toPlainText() != note:
                self.note.setPlainText(note)
            if split_tags(self.tags.text()) != split_tags(tags):
                self.tags.setText(tags)
            self.color.setCurrentIndex(max(self.color.findData(annotation.color), 0) if annotation else 0)
            self.star.setChecked(bool(annotation and annotation.starred))
        if self.preview_button.isChecked():
            self._render_preview()

    def _render_preview(self) -> None:
        # Raw HTML in a note is shown as text, never interpreted.
        features = QTextDocument.MarkdownFeature.MarkdownDialectGitHub | QTextDocument.MarkdownFeature.MarkdownNoHTML
        self.preview.document().setMarkdown(self.note.toPlainText(), features)

    def _commit(self, **changes) -> None:
        if self._editing:
            annotation_id = self._editing
            self._write(lambda: (self.edits.update(annotation_id, **changes).doc_id, annotation_id))

    def _write(self, action: Callable[[], tuple[str, str] | None]) -> None:
        """Run one repository write (it commits) that returns (doc_id, annotation_id);
        then show the result and tell who draws marks."""
        self._writing = True
        try:
            written = action()
        except Exception as exc:  # a full disk, a read-only library: say so, keep the panel usable
            self.edits.errors.report(exc, "saving an annotation")
            self.reload()
            return
        finally:
            self._writing = False
        if written is None:
            return
        doc_id, annotation_id = written
        self.reload(annotation_id)
        self.annotations_changed.emit(doc_id)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.note and event.type() == event.Type.FocusOut:
            self.commit_note()
        return super().eventFilter(watched, event)

    # -- slots ---------------------------------------------------------------------
    @Slot()
    def on_filter_changed(self, *_args) -> None:
        self.commit_note()
        if not self._loaded:
            self.reload()
            return
        self._reloading = True
        try:
            self.model.set_filter(self.current_filter())
        finally:
            self._reloading = False
        self._reselect(self._editing)
        self._update_count()

    @Slot(QModelIndex)
    def on_activated(self, index: QModelIndex) -> None:
        annotation = self.model.annotation(index.row())
        if annotation is not None and not annotation.orphaned:
            self.annotation_activated.emit(annotation.doc_id, annotation.anchor.segment_id)

    @Slot(QModelIndex, QModelIndex)
    def on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._reloading:
            return
        self.commit_note()
        self._set_editor(self.model.annotation(current.row()))

    @Slot(bool)
    def on_preview_toggled(self, checked: bool) -> None:
        if checked:
            self.commit_note()
            self._render_preview()
        self.note_stack.setCurrentWidget(self.preview if checked else self.note)

    @Slot()
    def on_note_typed(self) -> None:
        self.note_timer.start()

    @Slot()
    def commit_note(self) -> None:
        self.note_timer.stop()
        text = self.note.toPlainText()
        if self._editing and text != self._loaded_note:
            self._loaded_note = text
            self._commit(note=text)

    @Slot()
    def commit_tags(self) -> None:
        current = self.model.annotation(self.model.row_of(self._editing))
        if current is not None and list(current.tags) != split_tags(self.tags.text()):
            self._commit(tags=split_tags(self.tags.text()))

    @Slot(int)
    def on_color_chosen(self, index: int) -> None:
        self._commit(color=self.color.itemData(index))

    @Slot(bool)
    def on_star_toggled(self, checked: bool) -> None:
        self._commit(starred=checked)

    @Slot()
    def delete_current(self) -> None:
        if not self._editing:
            return
        annotation_id, row = self._editing, self.view.currentIndex().row()

        def delete() -> tuple[str, str]:
            doc_id = self.repository.get(annotation_id).doc_id
            self.edits.delete(annotation_id)
            # The next annotation in the list takes the deleted one's place.
            following = self.model.annotation(row + 1) or self.model.annotation(row - 1)
            self._editing = following.id if following else ""
            return doc_id, annotation_id

        self._write(delete)

    @Slot(str, str)
    def on_library_event(self, event: str, doc_id: str) -> None:
        """Connect to ``Library.listen``: follow changes made elsewhere (re-import, another view)."""
        if self._writing:
            return
        self.commit_note()  # what is being typed is saved first: it is the newest intent
        self.reload()
        if event == "annotated":
            self.annotations_changed.emit(doc_id)

    @Slot(str)
    def select_annotation(self, annotation_id: str) -> None:
        """Show an annotation in the editor (one an undo just gave back)."""
        self.commit_note()
        if self.repository.exists(annotation_id):
            self._editing = annotation_id
        self.reload(annotation_id)

    @Slot(str)
    def focus_annotation(self, annotation_id: str) -> None:
        """Select an annotation (one just made by a highlight key) and put the cursor in its note."""
        self.commit_note()
        self._editing = annotation_id
        self.reload(annotation_id)
        self.note.setFocus()

    def shutdown(self) -> None:
        """The window closes: save the note being typed."""
        self.commit_note()

    def edit_annotation(self, annotation_id: str) -> bool:
        """Show an annotation in the editor with the note focused (the pane's "Edit note");
        False if the current filter hides it."""
        self.commit_note()
        if self.model.row_of(annotation_id) < 0:
            with QSignalBlocker(self.scope):
                self.scope.setCurrentIndex(max(self.scope.findData("library"), 0))
            self.search.clear()
            for combo in (self.color_filter, self.tag_filter):
                combo.setCurrentIndex(0)
            self.starred_only.setChecked(False)
            self.orphaned_only.setChecked(False)
            self.on_filter_changed()
        if self.model.row_of(annotation_id) < 0:
            return False
        self._reselect(annotation_id)
        self.note.setFocus()
        return True

    def create_annotation(
        self, document: Document, segment_id: str, start: int | None = None, end: int | None = None, color: str = ""
    ) -> Annotation:
        """Annotate a span (from a pane's selection or a clicked sentence), select it and focus the note."""
        self.commit_note()
        created: list[Annotation] = []

        def create() -> tuple[str, str]:
            created.append(self.edits.create(document, segment_id, start, end, **({"color": color} if color else {})))
            self._editing = created[0].id
            return document.id, created[0].id

        self._write(create)
        self.note.setFocus()
        return created[0]
