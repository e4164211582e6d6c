"""The search panel: a query box, filters, and the hits as KWIC lines or as pairs.

reader.search (pure: query → hits) → SearchResultsModel (hits as rows, fetched page
by page as the list scrolls) → SearchPanel (widget). Activating a hit emits
``hit_activated(doc_id, segment_id)``; the main window opens the document there.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor, QFontMetrics, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..errors import DuizhaoError
from ..search import SearchHit, SearchIndex
from ..search.display import kwic, marked_html
from .contrast import muted
from .fonts import css_families, text_font
from .i18n import color_name
from .messages import translate_error

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
DOC_ID_ROLE = Qt.ItemDataRole.UserRole + 2
SEGMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 3
HIGHLIGHTS_ROLE = Qt.ItemDataRole.UserRole + 4
COUNTERPART_ROLE = Qt.ItemDataRole.UserRole + 5
HTML_ROLE = Qt.ItemDataRole.UserRole + 6

KWIC, PAIRS = "kwic", "pairs"
PAGE = 50
HIT_COLOR = "#ffe066"


class SearchResultsModel(QAbstractListModel):
    """The hits of one query, one per row; more are fetched as the view needs them."""

    def __init__(self, index: SearchIndex, titles: dict[str, str] | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.search_index = index
        self.titles = titles or {}
        self.mode = KWIC
        self.query = ""
        self.options: dict = {}
        self.error = ""
        self._hits: list[SearchHit] = []
        self._has_more = False
        #: Colours of the place line and of the counterpart in pairs (set from the palette).
        self.colors = {"place": "#5f6368", "counterpart": "#3c4043"}

    # -- querying --------------------------------------------------------------------
    def run(self, query: str, **options) -> str:
        """Search anew; returns the error message ('' when the query ran)."""
        self.beginResetModel()
        self.query, self.options, self.error = query.strip(), options, ""
        self._hits, self._has_more = [], False
        if self.query:
            try:
                results = self.search_index.search(self.query, limit=PAGE, **options)
                self._hits, self._has_more = results.hits, results.has_more
            except DuizhaoError as exc:
                self.error = str(exc)
        self.endResetModel()
        return self.error

    def clear(self) -> None:
        self.run("")

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._has_more

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._has_more:
            return
        try:
            results = self.search_index.search(self.query, limit=PAGE, offset=len(self._hits), **self.options)
        except DuizhaoError as exc:
            self.error, self._has_more = str(exc), False
            return
        if results.hits:
            first = len(self._hits)
            self.beginInsertRows(QModelIndex(), first, first + len(results.hits) - 1)
            self._hits.extend(results.hits)
            self.endInsertRows()
        self._has_more = results.has_more

    def set_mode(self, mode: str) -> None:
        if mode != self.mode:
            self.mode = mode
            if self._hits:
                self.dataChanged.emit(self.index_of(0), self.index_of(len(self._hits) - 1))

    # -- reading -----------------------------------------------------------------------
    @property
    def has_more(self) -> bool:
        return self._has_more

    def hit(self, row: int) -> SearchHit:
        return self._hits[row]

    def index_of(self, row: int) -> QModelIndex:
        return self.index(row, 0)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if self.mode == KWIC:
                return "".join(kwic(hit.text, hit.highlights))
            return f"{hit.text}\n{hit.counterpart}" if hit.counterpart else hit.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(x for x in (self.place(hit), hit.text, hit.counterpart) if x)
        if role == HIT_ROLE:
            return hit
        if role == DOC_ID_ROLE:
            return hit.doc
        if role == SEGMENT_ID_ROLE:
            return hit.segment_id
        if role == HIGHLIGHTS_ROLE:
            return [list(span) for span in hit.highlights]
        if role == COUNTERPART_ROLE:
            return hit.counterpart
        if role == HTML_ROLE:
            return self.html(hit)
        return None

    def place(self, hit: SearchHit) -> str:
        """Document title, part and clause of a hit."""
        return " · ".join(x for x in (self.titles.get(hit.doc, hit.doc), hit.part, hit.clause) if x)

    def html(self, hit: SearchHit) -> str:
        """A hit as a pair: where it is, the sentence with its matches, its counterpart."""
        mark = f'<span style="background:{HIT_COLOR}; color:#000">'
        text = marked_html(hit.text, hit.highlights, "span").replace('<span class="hit">', mark)
        place, counterpart = self.colors["place"], self.colors["counterpart"]
        other = "ko" if hit.lang == "zh" else "zh"
        parts = [
            f'<div style="color:{place}; font-size:small">{_escape(self.place(hit))}</div>',
            f'<div style="font-family:{css_families(hit.lang)}">{text}</div>',
        ]
        if hit.counterpart:
            style = f"color:{counterpart}; font-family:{css_families(other)}"
            parts.append(f'<div style="{style}">{_escape(hit.counterpart)}</div>')
        return "".join(parts)


def _escape(text: str) -> str:
    from html import escape

    return escape(text)


class HitDelegate(QStyledItemDelegate):
    """Paints a hit as a KWIC line (keyword centred) or as a pair (rich text)."""

    def __init__(self, model: SearchResultsModel, parent: QObject | None = None):
        super().__init__(parent)
        self.model = model

    def paint(self, painter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        hit: SearchHit = index.data(HIT_ROLE)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        if selected:
            painter.fillRect(option.rect, option.palette.highlight())
        text_color = option.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        if self.model.mode == KWIC:
            self._paint_kwic(painter, option, hit, text_color)
        else:
            document = self._document(option, index)
            painter.translate(option.rect.topLeft())
            document.drawContents(painter, QRectF(0, 0, option.rect.width(), option.rect.height()))
        painter.restore()

    def _paint_kwic(self, painter, option: QStyleOptionViewItem, hit: SearchHit, color: QColor) -> None:
        left, keyword, right = kwic(hit.text, hit.highlights)
        font = text_font(hit.lang, option.font)
        painter.setFont(font)
        metrics = QFontMetrics(font)
        rect = option.rect.adjusted(4, 0, -4, 0)
        key_width = metrics.horizontalAdvance(keyword)
        centre = rect.left() + max(rect.width() // 2 - key_width // 2, 0)
        left_rect = rect.adjusted(0, 0, -(rect.right() - centre), 0)
        key_rect = rect.adjusted(centre - rect.left(), 0, 0, 0)
        key_rect.setWidth(key_width)
        right_rect = rect.adjusted(centre - rect.left() + key_width, 0, 0, 0)
        align = Qt.AlignmentFlag.AlignVCenter
        painter.setPen(color)
        painter.drawText(
            left_rect,
            align | Qt.AlignmentFlag.AlignRight,
            metrics.elidedText(left, Qt.TextElideMode.ElideLeft, left_rect.width()),
        )
        if keyword:
            painter.fillRect(key_rect, QColor(HIT_COLOR))
            painter.setPen(QColor("#000"))
            painter.drawText(key_rect, align | Qt.AlignmentFlag.AlignLeft, keyword)
            painter.setPen(color)
        painter.drawText(
            right_rect,
            align | Qt.AlignmentFlag.AlignLeft,
            metrics.elidedText(right, Qt.TextElideMode.ElideRight, right_rect.width()),
        )

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setHtml(index.data(HTML_ROLE))
        document.setTextWidth(max(option.rect.width(), 100))
        return document

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        if self.model.mode == KWIC:
            return QSize(option.rect.width(), QFontMetrics(option.font).height() + 6)
        view = option.widget
        width = view.viewport().width() if isinstance(view, QAbstractScrollArea) else 400
        option = QStyleOptionViewItem(option)
        option.rect.setWidth(width)
        document = self._document(option, index)
        return QSize(width, int(document.size().height()) + 4)


class _IndexSignals(QObject):
    """Carries the index worker's progress and completion to the GUI thread."""

    progress = Signal(int, int)
    finished = Signal()


class SearchPanel(QWidget):
    """Query box, filters and results; ``hit_activated`` when the user picks a hit.

    Takes the library, and the search index when the caller has one; otherwise it
    opens the library's index itself (and closes it in ``shutdown``): the index is
    built if needed and follows the library's changes in its background worker, so
    an import or an annotation never waits for indexing. ``index_updated`` says
    when the worker has committed; the results are refreshed then.
    """

    hit_activated = Signal(str, str)
    index_updated = Signal()

    def __init__(self, library, index: SearchIndex | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("search_panel")
        self.library = library
        self._owns_index = index is None
        self.index = index if index is not None else SearchIndex(library)
        self.search_delay_ms = 250
        self.current_document = ""

        self.model = SearchResultsModel(self.index, parent=self)
        self.query_edit = QLineEdit()
        self.query_edit.setObjectName("search_query")
        self.query_edit.setClearButtonEnabled(True)
        self.doc_filter = QComboBox()
        self.doc_filter.setObjectName("search_document")
        self.lang_filter = QComboBox()
        self.lang_filter.setObjectName("search_language")
        for lang in ("", "zh", "ko"):
            self.lang_filter.addItem("", lang)
        self.annotated_only = QCheckBox()
        self.annotated_only.setObjectName("search_annotated")
        self.tag_filter = QComboBox()
        self.tag_filter.setObjectName("search_tag")
        self.color_filter = QComboBox()
        self.color_filter.setObjectName("search_color")
        for combo in (self.doc_filter, self.tag_filter):
            # Long titles and tags show elided: the panel must not push the reading panes aside.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
        self.kwic_button = QToolButton()
        self.kwic_button.setCheckable(True)
        self.kwic_button.setChecked(True)
        self.kwic_button.setObjectName("search_kwic")
        self.pairs_button = QToolButton()
        self.pairs_button.setCheckable(True)
        self.pairs_button.setObjectName("search_pairs")
        modes = QButtonGroup(self)
        modes.addButton(self.kwic_button)
        modes.addButton(self.pairs_button)
        self.status = QLabel()
        self.status.setObjectName("search_status")
        self.status.setWordWrap(True)
        self.view = QListView()
        self.view.setObjectName("search_results")
        self.view.setModel(self.model)
        self.view.setItemDelegate(HitDelegate(self.model, self.view))
        self.view.setUniformItemSizes(False)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self._layout()
        self.retranslate_ui()
        self.apply_palette()
        self.refresh_filters()

        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self.run_search)
        self.query_edit.textEdited.connect(self._on_text_edited)
        self.query_edit.returnPressed.connect(self.run_search)
        for combo in (self.doc_filter, self.lang_filter, self.tag_filter, self.color_filter):
            combo.currentIndexChanged.connect(self.run_search)
        self.annotated_only.toggled.connect(self.run_search)
        self.kwic_button.toggled.connect(self._on_mode_toggled)
        self.view.activated.connect(self._on_activated)
        self.view.clicked.connect(self._on_activated)

        self._signals = _IndexSignals(self)
        self._signals.progress.connect(self._on_index_progress, Qt.ConnectionType.QueuedConnection)
        self._signals.finished.connect(self._on_index_finished, Qt.ConnectionType.QueuedConnection)
        if not self.index.ready and not self.index.building:
            if self.index.start(self._signals.progress.emit, self._signals.finished.emit):
                self.status.setText(self.tr("Building the search index…"))
        else:
            self.index.follow()

    def _layout(self) -> None:
        # Two rows of filters keep the dock narrow enough to leave the reading panes their room.
        scope = QHBoxLayout()
        scope.setContentsMargins(0, 0, 0, 0)
        for widget in (self.doc_filter, self.lang_filter, self.annotated_only):
            scope.addWidget(widget)
        scope.addStretch(1)
        marks = QHBoxLayout()
        marks.setContentsMargins(0, 0, 0, 0)
        for widget in (self.tag_filter, self.color_filter):
            marks.addWidget(widget)
        marks.addStretch(1)
        marks.addWidget(self.kwic_button)
        marks.addWidget(self.pairs_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.query_edit)
        layout.addLayout(scope)
        layout.addLayout(marks)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)

    def retranslate_ui(self) -> None:
        """Every fixed string of the panel (again when the UI language changes)."""
        self.setWindowTitle(self.tr("Search"))
        self.query_edit.setPlaceholderText(self.tr('Search: words, OR, NOT, "phrase", prefix*'))
        languages = {"": self.tr("Both languages"), "zh": self.tr("Chinese"), "ko": self.tr("Korean")}
        for row in range(self.lang_filter.count()):
            self.lang_filter.setItemText(row, languages[self.lang_filter.itemData(row)])
        self.annotated_only.setText(self.tr("Annotated"))
        self.annotated_only.setToolTip(self.tr("Only sentences with a highlight or a note"))
        self.kwic_button.setText(self.tr("KWIC"))
        self.kwic_button.setToolTip(self.tr("One line per hit, the matched words in the middle"))
        self.pairs_button.setText(self.tr("Pairs"))
        self.pairs_button.setToolTip(self.tr("Each hit with its aligned counterpart"))
        # The first entry of each filter is "any"; the colours are named, the rest is data.
        for combo, text in (
            (self.doc_filter, self.tr("All documents")),
            (self.tag_filter, self.tr("Any tag")),
            (self.color_filter, self.tr("Any colour")),
        ):
            if combo.count():
                combo.setItemText(0, text)
        for row in range(1, self.color_filter.count()):
            self.color_filter.setItemText(row, color_name(self.color_filter.itemData(row)))

    def apply_palette(self) -> None:
        """Secondary text (place, counterpart) faded from the palette's text, never below 4.5:1."""
        palette = self.view.palette()
        text = palette.color(QPalette.ColorRole.Text).name()
        base = palette.color(QPalette.ColorRole.Base).name()
        self.model.colors = {"place": muted(text, base, 0.45), "counterpart": muted(text, base, 0.25)}
        self.view.viewport().update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.apply_palette()
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            if self.model.query:
                self._show_status(self.model.error)
        super().changeEvent(event)

    # -- API for the main window ------------------------------------------------------
    def focus_query(self, scope: str = "library", doc_id: str = "") -> None:
        """Ctrl+F (scope 'document', the open document) or Ctrl+Shift+F ('library')."""
        self.set_document_filter(doc_id if scope == "document" else "")
        self.query_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.query_edit.selectAll()

    @Slot(str)
    def show_document(self, doc_id: str) -> None:
        """The document open in the reader (what Ctrl+F searches)."""
        self.set_document(doc_id)

    @Slot(str)
    def set_document(self, doc_id: str) -> None:
        """The document open in the reader (what Ctrl+F searches)."""
        self.current_document = doc_id

    def set_document_filter(self, doc_id: str) -> None:
        row = self.doc_filter.findData(doc_id)
        self.doc_filter.setCurrentIndex(max(row, 0))

    def set_mode(self, mode: str) -> None:
        (self.kwic_button if mode == KWIC else self.pairs_button).setChecked(True)

    def on_library_event(self, event: str, doc_id: str) -> None:
        """Documents, tags or texts changed. An index that follows on this thread has
        already followed: show it; a background update shows when it is committed."""
        self.refresh_filters()
        if self.model.query and not self.index.building:
            self.run_search()

    def shutdown(self) -> None:
        """Stop the index's background work and close it, if this panel opened it."""
        if self._owns_index:
            self.index.close()

    def refresh_filters(self) -> None:
        documents = self.library.documents.list()
        self.model.titles = {d["id"]: d["title"] or d["id"] for d in documents}
        current_doc = self.doc_filter.currentData() or ""
        current_tag = self.tag_filter.currentData() or ""
        current_color = self.color_filter.currentData() or ""
        for combo in (self.doc_filter, self.tag_filter, self.color_filter):
            combo.blockSignals(True)
            combo.clear()
        self.doc_filter.addItem(self.tr("All documents"), "")
        for doc in documents:
            self.doc_filter.addItem(doc["title"] or doc["id"], doc["id"])
        self.tag_filter.addItem(self.tr("Any tag"), "")
        self.color_filter.addItem(self.tr("Any colour"), "")
        annotations = getattr(self.library, "annotations", None)
        if annotations is not None:
            from ..annotations import COLORS

            for tag, count in annotations.tags():
                self.tag_filter.addItem(f"{tag} ({count})", tag)
            for name, hex_color in COLORS.items():
                self.color_filter.addItem(color_name(name), name)
                self.color_filter.setItemData(
                    self.color_filter.count() - 1, QColor(hex_color), Qt.ItemDataRole.DecorationRole
                )
        for combo, value in (
            (self.doc_filter, current_doc),
            (self.tag_filter, current_tag),
            (self.color_filter, current_color),
        ):
            combo.setCurrentIndex(max(combo.findData(value), 0))
            combo.blockSignals(False)

    # -- searching ------------------------------------------------------------------------
    def options(self) -> dict:
        return {
            "doc": self.doc_filter.currentData() or None,
            "lang": self.lang_filter.currentData() or None,
            "tag": self.tag_filter.currentData() or None,
            "color": self.color_filter.currentData() or None,
            "annotated": self.annotated_only.isChecked(),
        }

    @Slot()
    def run_search(self) -> None:
        self._timer.stop()
        query = self.query_edit.text()
        if not query.strip():
            self.model.clear()
            self.status.clear()
            return
        error = self.model.run(query, **self.options())
        self.view.scrollToTop()  # new hits are read from the first, whatever was scrolled before
        self._show_status(error)

    def _show_status(self, error: str = "") -> None:
        if error:
            self.status.setStyleSheet("color: #c92a2a")
            self.status.setText(translate_error(error))
            return
        self.status.setStyleSheet("")
        count = self.model.rowCount()
        if count == 0:
            self.status.setText(self.tr("No hits"))
        elif self.model.has_more:
            self.status.setText(self.tr("%n+ hits (scroll for more)", "", count))
        else:
            self.status.setText(self.tr("%n hit(s)", "", count))

    @Slot(str)
    def _on_text_edited(self, _text: str) -> None:
        if self.search_delay_ms <= 0:
            self.run_search()
        else:
            self._timer.start(self.search_delay_ms)

    @Slot(bool)
    def _on_mode_toggled(self, kwic_checked: bool) -> None:
        self.model.set_mode(KWIC if kwic_checked else PAIRS)
        self.view.doItemsLayout()

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.hit_activated.emit(index.data(DOC_ID_ROLE), index.data(SEGMENT_ID_ROLE))

    @Slot(int, int)
    def _on_index_progress(self, done: int, total: int) -> None:
        percent = round(100 * done / total) if total else 0
        self.status.setText(self.tr("Building the search index… %1%").replace("%1", str(percent)))

    @Slot()
    def _on_index_finished(self) -> None:
        if self.model.query or self.query_edit.text().strip():
            self.run_search()
        else:
            self.status.clear()
        self.index_updated.emit()
