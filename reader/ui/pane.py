"""A reading pane: one language of a document as flowing text, with each unit's place known.

The pane builds its QTextDocument itself, block by block, so it knows the character
range of every unit (title, clause heading, sentence …). From the document layout it
reports each unit's vertical extent (what the sync map pairs) and finds the unit under
the mouse. Everything drawn over the text (hover highlight, units without a
counterpart, the review focus, annotation marks) is an extra selection: the text
itself is never re-laid out for it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple, cast

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSizeF, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPalette,
    QPolygonF,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QAbstractSlider, QMenu, QTextBrowser, QTextEdit, QToolTip

from ..model import Document, Segment
from .contrast import readable_on
from .geometry import ExtentView, UnitGeometry

#: Where the reader's eye is: this fraction of the pane's height from its top.
READING_LINE = 0.25
#: Line height of the text (percent of the font's), and with readings above Chinese text:
#: the readings sit in the room between the lines.
LINE_HEIGHT = 150
RUBY_LINE_HEIGHT = 215
#: Size of a reading against the text's.
RUBY_SCALE = 0.55

#: (segment_id, start, end, color_hex, tooltip): an annotation drawn over a unit's text.
Mark = tuple[str, int, int, str, str]

HEADING_KINDS = {"title", "part"}
BLOCK_KINDS = {"title", "doc_number", "addressee", "part", "clause", "item", "signature", "date"}


class UnitSpan(NamedTuple):
    """Where a unit is in the pane's text: ``start`` to ``end``. ``text_start`` is where
    the text annotation offsets count in begins: ``start``, since a unit's text holds
    its numbering, except for segments stored before it did (the number goes first)."""

    id: str
    kind: str
    start: int
    text_start: int
    end: int
    block: int = 0  # the number of the text block it is in


@dataclass(frozen=True)
class PaneColors:
    """What is drawn over the text, chosen so that all of it can be told apart at once:
    the hovered or chosen sentence (a pale teal fill, under the highlights, which keep
    their colours), the text selection (translucent blue, so a highlight shows through
    it), the review focus, and text with no counterpart (muted text beside a margin bar;
    no underline, which would read as a spelling mark). Text on any of them keeps a
    contrast of at least 4.5:1 (``tests/ui/test_colors.py``)."""

    base: str  # the pane's background
    text: str
    hover: str
    unmatched: str  # colour of text with no counterpart
    unmatched_line: str  # the margin bar beside it
    focus: str
    selection: str  # the selection's colour, drawn at SELECTION_ALPHA over what is below


LIGHT = PaneColors(
    base="#ffffff",
    text="#1a1a1a",
    hover="#c9e8e4",
    unmatched="#5f6368",
    unmatched_line="#c0392b",
    focus="#cfe3ff",
    selection="#2f6fd0",
)
DARK = PaneColors(
    base="#17181a",
    text="#e8eaed",
    hover="#1b3f3b",
    unmatched="#b4b9bf",
    unmatched_line="#e57373",
    focus="#23405f",
    selection="#5b8fe0",
)
#: Opacity of the selection: what it covers (a new highlight) stays visible under it.
SELECTION_ALPHA = 110

#: (unit_id, start, end, op): a word change inside a unit of a comparison; offsets count
#: from the unit's first printed character; op ``insert`` (underlined) or ``delete`` (struck).
WordMark = tuple[str, int, int, str]

#: The text marker drawn in the margin beside a unit of a comparison, by status: the
#: status is never told by colour alone.
CHANGE_MARKERS = {"continued": "=", "reworded": "≈", "moved": "↕", "new": "+", "dropped": "−"}


@dataclass(frozen=True)
class ChangeColors:
    """The tints of the provisions of a comparison by status (continued ones are not
    tinted), and the colours of inserted and deleted words. Text on every tint, and the
    word colours on every tint, keep at least 4.5:1 (``tests/ui/test_colors.py``)."""

    reworded: str
    moved: str
    new: str
    dropped: str
    inserted: str
    deleted: str

    def tint(self, status: str) -> str:
        return getattr(self, status, "") if status in ("reworded", "moved", "new", "dropped") else ""


LIGHT_CHANGES = ChangeColors(
    reworded="#fff3bf", moved="#e5dbff", new="#d3f9d8", dropped="#ffe3e3", inserted="#0b4f8a", deleted="#a61b1b"
)
DARK_CHANGES = ChangeColors(
    reworded="#3b3414", moved="#30274f", new="#173d22", dropped="#4a1f22", inserted="#9fd0ff", deleted="#ffadad"
)

#: A text with more units than this carries its drawn-over marks (highlights, muted text)
#: only around the screen, renewed as it scrolls: Qt lays the text out under every mark
#: it is given, which for marks all over a long text means laying all of it out.
WINDOWED_UNITS = 2000

#: A long text opened far from its start (a place remembered, a search hit) first shows
#: its blocks from HIDDEN_MARGIN blocks before that place on: the blocks above are
#: hidden, and Qt lays out no hidden block, so the first paint does not wait for the
#: layout of everything above the place (most of a 2 MB text). They are shown in steps
#: afterwards (``show_more``), the text on screen kept where it is. Opened fewer than
#: HIDDEN_MIN blocks in, the text is shown whole at once.
HIDDEN_MIN = 200
HIDDEN_MARGIN = 30


def _x(value: object) -> float:
    """The x of ``QTextLine.cursorToX`` (PySide6 returns it alone or with the position)."""
    return float(value[0] if isinstance(value, tuple) else value)  # type: ignore[arg-type]


class ReadingPane(QTextBrowser):
    """One language of the open document."""

    unit_hovered = Signal(str)  # '' when the mouse leaves every unit
    unit_clicked = Signal(str)
    span_selected = Signal(str, int, int, str)  # segment_id, start, end, quote
    geometry_changed = Signal()  # unit extents moved (resize, zoom, new text)

    def __init__(self, lang: str, parent=None):
        super().__init__(parent)
        self.lang = lang
        self.setObjectName(f"pane_{lang}")
        self.setOpenLinks(False)
        self.setMouseTracking(True)
        self.viewport().setMouseTracking(True)
        self.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.colors = LIGHT
        self._spans: list[UnitSpan] = []
        self._span_of: dict[str, UnitSpan] = {}
        self._starts: list[int] = []
        self.unit_geometry = UnitGeometry(self.document(), [])
        self._measured_width = -1.0
        self._hovered = ""
        self._highlight: list[str] = []
        self._focus: list[str] = []
        self._unmatched: dict[str, str] = {}
        self._marks: list[Mark] = []
        self._changes: dict[str, str] = {}  # unit id → status, in a comparison
        self._words: list[WordMark] = []
        self.change_colors = LIGHT_CHANGES
        self.change_labels: dict[str, str] = {}  # status → its name, for the tooltip
        self._padding = -1
        self._covered: tuple[float, float] | None = None  # where a long text carries its marks
        self.geometry_version = 0
        self.content_version = 0  # moves when the pane shows another text
        self._point_size = 13.0
        self.unmatched_labels = {"not_translated": "Not translated", "added": "Added in translation"}
        self._readings_shown = False
        self._readings: dict[str, list[str]] = {}  # block text → the reading of each character
        self._hidden = 0  # the first blocks of the text, hidden until shown (see HIDDEN_MIN)
        #: Builds the context menu for a point of the viewport (None: Qt's own menu).
        self.menu_provider: Callable[[ReadingPane, QPoint], QMenu | None] | None = None
        self._geometry_timer = QTimer(self)
        self._geometry_timer.setSingleShot(True)
        self._geometry_timer.setInterval(0)
        self._geometry_timer.timeout.connect(self._announce_geometry)
        self.selectionChanged.connect(self._on_selection_changed)
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)

    # -- content --------------------------------------------------------------
    def load(self, document: Document, lang: str | None = None, near: Sequence[str] = ()) -> None:
        """Show one language of ``document`` (default: the pane's language); ``near``:
        units about to be gone to (the first one found is shown first: ``_hide_head``)."""
        self.lang = lang or self.lang
        text = QTextDocument(self)
        text.setDefaultFont(self._font())
        text.setDocumentMargin(24)
        text.setUndoRedoEnabled(False)
        spans = _write_document(text, document.segments_in(self.lang), self.lang)
        self._spans = spans
        self._span_of = {s.id: s for s in spans}
        self._starts = [s.start for s in spans]
        self.unit_geometry = UnitGeometry(text, spans)  # before the text is shown: showing it scrolls
        self._hovered = ""
        self._highlight, self._focus, self._marks = [], [], []
        self._unmatched = {}
        self._changes, self._words = {}, []
        self._padding = -1
        self._covered = None
        self._hidden = 0
        self._hide_head(text, near)
        # The bottom room is set before Qt lays the text out (a frame format changed
        # afterwards makes Qt lay out the text again).
        self._update_padding(text)
        self._replace_document(text)
        self._readings = {}
        if self.draws_readings():
            self._apply_line_height()
        self._measured_width = text.textWidth()
        self.geometry_version += 1
        self.content_version += 1
        text.documentLayout().documentSizeChanged.connect(self._on_layout_changed)
        self._refresh_selections()
        self.verticalScrollBar().setValue(0)

    def clear_document(self) -> None:
        self._spans, self._span_of, self._starts = [], {}, []
        self._hovered = ""
        self._highlight, self._focus, self._marks = [], [], []
        self._unmatched = {}
        self._changes, self._words = {}, []
        self._hidden = 0
        empty = QTextDocument(self)
        self.unit_geometry = UnitGeometry(empty, [])
        self._replace_document(empty)
        self.geometry_version += 1
        self.content_version += 1

    def _replace_document(self, text: QTextDocument) -> None:
        """Show a new text and free the previous one (the pane owns the texts it made)."""
        old = self.document()
        ours = old is not None and old is not text and old.parent() is self
        self.setDocument(text)
        if ours:
            old.deleteLater()

    def _font(self) -> QFont:
        font = QFont(self.font())
        font.setFamilies(_families(self.lang))
        font.setPointSizeF(self._point_size)
        return font

    def set_point_size(self, size: float) -> None:
        self._point_size = size
        self.document().setDefaultFont(self._font())
        self._invalidate_geometry()

    def point_size(self) -> float:
        return self._point_size

    # -- units and geometry -------------------------------------------------------
    @property
    def unit_ids(self) -> list[str]:
        """The units in text order (a new list: the pane's own stays as it is)."""
        return [s.id for s in self._spans]

    def unit_count(self) -> int:
        return len(self._spans)

    def span(self, unit_id: str) -> UnitSpan | None:
        return self._span_of.get(unit_id)

    def has_unit(self, unit_id: str) -> bool:
        return unit_id in self._span_of

    def unit_at_position(self, position: int) -> str:
        i = bisect_right(self._starts, position) - 1
        if i < 0:
            return ""
        span = self._spans[i]
        return span.id if position < span.end else ""

    def unit_at(self, point: QPoint | QPointF) -> str:
        """The unit under a point of the viewport ('' in margins and between units)."""
        p = point.toPoint() if isinstance(point, QPointF) else point
        position = self.cursorForPosition(p).position()
        y = p.y() + self.verticalScrollBar().value()
        for candidate in (position, position - 1):
            uid = self.unit_at_position(candidate)
            if uid:
                top, bottom = self.extents()[uid]
                return uid if top <= y < bottom else ""
        return ""

    def extents(self) -> Mapping[str, tuple[float, float]]:
        """unit id → (top of its first line, bottom of its last line) in document pixels
        (the scrollbar's coordinates), measured when looked up (see ``unit_geometry``)."""
        return ExtentView(self.unit_geometry, axis=False)

    def sync_extents(self) -> Mapping[str, tuple[float, float]]:
        """unit id → (start, end) on the pane's reading axis, for the sync map.

        Text flows: a sentence may start in the middle of a line another one ends. On
        the reading axis a position lies as far down its line as it lies across it, so
        units that share a line get consecutive, non-overlapping extents, while a unit
        that starts a block (a clause, a part) starts exactly at its line's top.
        """
        return ExtentView(self.unit_geometry, axis=True)

    def content_height(self) -> float:
        return float(self.document().size().height())

    def reading_line(self) -> int:
        """Pixels from the top of the viewport to the reading line."""
        return round(self.viewport().height() * READING_LINE)

    def reading_y(self) -> float:
        return self.verticalScrollBar().value() + self.reading_line()

    def unit_at_reading_line(self) -> str:
        """The unit the reader is at: the last one starting at or above the reading line."""
        if not self._spans:
            return ""
        # Half a pixel of slack: scrolling to a unit rounds its top to whole pixels.
        return self._spans[max(0, self.unit_geometry.index_at(self.reading_y() + 1))].id

    def viewport_top_of(self, unit_id: str) -> float:
        """Where a unit's first line is, in viewport pixels."""
        return self.extents()[unit_id][0] - self.verticalScrollBar().value()

    # -- a long text shown from a place on, the blocks above it in steps ----------------
    def _hide_head(self, text: QTextDocument, near: Sequence[str]) -> None:
        """Hide the blocks more than HIDDEN_MARGIN blocks above the first unit of ``near``
        that the text has (if that is at least HIDDEN_MIN blocks), before Qt lays any of
        it out: the place shows at once, and Qt lays out the text from it on."""
        span = next((self._span_of[u] for u in near if u in self._span_of), None)
        cut = span.block - HIDDEN_MARGIN if span is not None else 0
        if cut < HIDDEN_MIN:
            return
        block = text.begin()
        for _ in range(cut):
            block.setVisible(False)
            block = block.next()
        self._hidden = cut

    def _visible_units(self, top: float, bottom: float) -> range:
        """The units that may be drawn between two heights, none of the hidden ones (which
        all sit at the top, where a window reaching above the text would take them all)."""
        units = self.unit_geometry.visible(top, bottom)
        if not self._hidden:
            return units
        first = self.unit_geometry.first_of_block(self._hidden)
        return range(max(first, units.start), max(first, units.stop))

    def hidden_blocks(self) -> int:
        """How many blocks at the start of the text are not shown yet."""
        return self._hidden

    def laid_out(self) -> bool:
        """Qt has laid the text out to its end (a long one is laid out in steps)."""
        return self.document().lastBlock().layout().lineCount() > 0

    def is_shown(self, unit_id: str) -> bool:
        """The unit's block is shown (not one of the hidden first blocks)."""
        span = self._span_of.get(unit_id)
        return span is not None and span.block >= self._hidden

    def show_more(self, count: int) -> None:
        """Show up to ``count`` more hidden blocks (those just above the shown ones); the
        scrollbar moves by the height they add, so the text on screen stays where it is."""
        if not self._hidden:
            return
        text = self.document()
        layout = text.documentLayout()
        if not self.laid_out():
            # Blocks shown move the ones below them, and Qt moves a block it has not laid
            # out yet without ever laying it out: the rest is laid out first.
            layout.blockBoundingRect(text.lastBlock())
        shown = text.findBlockByNumber(self._hidden)
        before = layout.blockBoundingRect(shown).top()
        start = max(0, self._hidden - count)
        block = text.findBlockByNumber(start)
        position = block.position()
        for _ in range(self._hidden - start):
            block.setVisible(True)
            block = block.next()
        self._hidden = start
        # Qt would repaint all that moved (the viewport too, whose text only moves with
        # the scrollbar); the scrollbar is told the new height below.
        layout.blockSignals(True)
        try:
            text.markContentsDirty(position, shown.position() - position)
        finally:
            layout.blockSignals(False)
        added = layout.blockBoundingRect(shown).top() - before
        self._invalidate_geometry()
        layout.documentSizeChanged.emit(layout.documentSize())
        bar = self.verticalScrollBar()
        # The text moved by as much as the scrollbar: the viewport is not scrolled (Qt
        # would move its pixels), it is drawn again, showing the same text.
        viewport = self.viewport()
        viewport.setUpdatesEnabled(False)
        try:
            bar.setValue(bar.value() + round(added))
        finally:
            viewport.setUpdatesEnabled(True)

    def scroll_value_for(self, unit_id: str) -> int:
        """The scroll position that puts a unit's first line on the reading line."""
        return round(self.extents()[unit_id][0] - self.reading_line())

    def scroll_to_unit(self, unit_id: str) -> None:
        """Put a unit's first line on the reading line."""
        if unit_id in self._span_of:
            value = self.scroll_value_for(unit_id)
            self.ensure_scroll_range(value)
            self.verticalScrollBar().setValue(value)

    def ensure_scroll_range(self, value: int) -> None:
        """Let the scrollbar reach ``value`` now if the text is laid out that far.

        Qt lays a long text out in steps and tells the scrollbar its new height on a
        timer; a jump that measured a unit further down (which lays the text out down to
        it) must not be clamped to the old height meanwhile."""
        if value > self.verticalScrollBar().maximum():
            # The text edit reads the laid-out height itself; the size sent is not used.
            self.document().documentLayout().documentSizeChanged.emit(QSizeF())

    @Slot()
    def _on_layout_changed(self, *_args) -> None:
        # Qt's incremental layout announces each step; units already measured stay
        # where they are unless the text reflowed (another width).
        if self.document().textWidth() == self._measured_width:
            return
        self._invalidate_geometry()

    def _invalidate_geometry(self) -> None:
        self.geometry_version += 1
        self.unit_geometry.invalidate()
        self._measured_width = self.document().textWidth()
        self._geometry_timer.start()

    @Slot()
    def _announce_geometry(self) -> None:
        if self._covered is not None:
            self._refresh_selections()  # the marks' window was measured in the old layout
        self.geometry_changed.emit()

    @Slot(int)
    def _on_scrolled(self, value: int) -> None:
        covered = self._covered
        if covered is not None and (value < covered[0] or value + self.viewport().height() > covered[1]):
            self._refresh_selections()

    def _update_padding(self, text: QTextDocument | None = None) -> None:
        """Room below the last line so that it, too, can reach the reading line."""
        padding = max(24, self.viewport().height() - self.reading_line())
        if abs(padding - self._padding) < 8:
            return
        self._padding = padding
        root = (text or self.document()).rootFrame()
        fmt = root.frameFormat()
        fmt.setBottomMargin(padding)
        root.setFrameFormat(fmt)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_padding()
        if self.document().textWidth() != self._measured_width:
            self._invalidate_geometry()  # the text reflowed
        else:
            self._geometry_timer.start()  # only the reading line moved: the view may level again

    # -- what is drawn over the text --------------------------------------------------
    def set_colors(self, colors: PaneColors) -> None:
        self.colors = colors
        palette = self.palette()
        for role, color in ((QPalette.ColorRole.Base, colors.base), (QPalette.ColorRole.Text, colors.text)):
            palette.setColor(role, QColor(color))
        selection = QColor(colors.selection)
        selection.setAlpha(SELECTION_ALPHA)
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, QPalette.ColorRole.Highlight, selection)
            palette.setColor(group, QPalette.ColorRole.HighlightedText, palette.color(group, QPalette.ColorRole.Text))
        self.setPalette(palette)
        self._refresh_selections()

    def set_highlight(self, unit_ids: list[str]) -> None:
        """Highlight a sentence and its counterparts (hover or click)."""
        ids = [i for i in unit_ids if i in self._span_of]
        if ids != self._highlight:
            self._highlight = ids
            self._refresh_selections()

    def highlighted_units(self) -> list[str]:
        """The units highlighted now (not QTextBrowser's ``highlighted`` signal, which this
        method used to shadow)."""
        return list(self._highlight)

    def set_focus_units(self, unit_ids: list[str]) -> None:
        """The link under review."""
        self._focus = [i for i in unit_ids if i in self._span_of]
        self._refresh_selections()

    def set_unmatched(self, unmatched: dict[str, str]) -> None:
        """Units with no counterpart: id → 'not_translated' or 'added'."""
        self._unmatched = {i: k for i, k in unmatched.items() if i in self._span_of}
        self._refresh_selections()

    def unmatched(self) -> dict[str, str]:
        return dict(self._unmatched)

    def set_changes(self, statuses: dict[str, str], words: list[WordMark]) -> None:
        """The provisions of a comparison: each unit's status (tinted, with a marker in the
        margin) and the changed words inside them (insertions underlined, deletions struck)."""
        self._changes = {i: status for i, status in statuses.items() if i in self._span_of}
        self._words = [w for w in words if w[0] in self._span_of]
        self._refresh_selections()
        self.viewport().update()

    def changes(self) -> dict[str, str]:
        return dict(self._changes)

    def word_marks(self) -> list[WordMark]:
        return list(self._words)

    def set_change_colors(self, colors: ChangeColors) -> None:
        self.change_colors = colors
        self._refresh_selections()

    def set_marks(self, marks: list[Mark]) -> None:
        """Annotation marks: (segment_id, start, end, color_hex, tooltip); offsets count in the unit's text.

        A new mark over the selected text (the highlight just made from it) ends the
        selection, so the new highlight shows in its own colour at once."""
        marks = [m for m in marks if m[0] in self._span_of]
        old = set(map(tuple, self._marks))
        new = [m for m in marks if tuple(m) not in old]
        self._marks = marks
        cursor = self.textCursor()
        if new and cursor.hasSelection():
            a, b = cursor.selectionStart(), cursor.selectionEnd()
            for uid, start, end, *_rest in new:
                at = self._span_of[uid].text_start
                if at + start < b and at + end > a:
                    cursor.clearSelection()
                    self.setTextCursor(cursor)
                    break
        self._refresh_selections()

    def marks(self) -> list[Mark]:
        return list(self._marks)

    def _selection(self, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cursor
        sel.format = fmt
        return sel

    def _refresh_selections(self) -> None:
        """Drawn in this order, each over the one before: review focus, hovered or chosen
        sentence, the muted colour of text with no counterpart, then highlights (so they
        keep their colour, and their text its contrast, on everything else)."""
        # Inside an edit block a cursor placed in the text does not lay its line out (to
        # know its x): otherwise the marks all over a long text would lay all of it out.
        within: set[str] | None = None
        if len(self._spans) > WINDOWED_UNITS:
            offset, height = self.verticalScrollBar().value(), self.viewport().height()
            self._covered = (offset - height, offset + 2 * height)
            within = {self._spans[i].id for i in self._visible_units(*self._covered)}
        else:
            self._covered = None
        batch = QTextCursor(self.document())
        batch.beginEditBlock()
        try:
            selections = self._selections(within)
        finally:
            batch.endEditBlock()
        self.setExtraSelections(selections)

    def _selections(self, within: set[str] | None) -> list[QTextEdit.ExtraSelection]:
        """The extra selections, of the units ``within`` (None: of all)."""

        def shown(uid: str) -> bool:
            return within is None or uid in within

        selections = []
        # Under everything: the tint of each changed provision of a comparison.
        for uid, status in self._changes.items():
            tint = self.change_colors.tint(status)
            if tint:
                fmt = QTextCharFormat()
                fmt.setBackground(QColor(tint))
                span = self._span_of[uid]
                selections.append(self._selection(span.start, span.end, fmt))
        for ids, color in ((self._focus, self.colors.focus), (self._highlight, self.colors.hover)):
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(color))
            for uid in filter(shown, ids):
                span = self._span_of[uid]
                selections.append(self._selection(span.start, span.end, fmt))
        unmatched_fmt = QTextCharFormat()
        unmatched_fmt.setForeground(QColor(self.colors.unmatched))
        for uid in filter(shown, self._unmatched):
            span = self._span_of[uid]
            selections.append(self._selection(span.text_start, span.end, unmatched_fmt))
        for uid, start, end, color, _tip in self._marks:
            if not shown(uid):
                continue
            span = self._span_of[uid]
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(color))
            # Highlights are light colours: their text is dark in both themes.
            fmt.setForeground(QColor(readable_on(color)))
            a = min(span.end, span.text_start + max(0, start))
            b = min(span.end, span.text_start + max(start, end))
            if b > a:
                selections.append(self._selection(a, b, fmt))
        for uid, start, end, op in self._words:
            if not shown(uid):
                continue
            span = self._span_of[uid]
            fmt = QTextCharFormat()
            if op == "insert":
                fmt.setFontUnderline(True)
                fmt.setForeground(QColor(self.change_colors.inserted))
            else:
                fmt.setFontStrikeOut(True)
                fmt.setForeground(QColor(self.change_colors.deleted))
            a, b = min(span.end, span.start + start), min(span.end, span.start + end)
            if b > a:
                selections.append(self._selection(a, b, fmt))
        return selections

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        painter.setPen(Qt.PenStyle.NoPen)
        # The reading line: where the two panes are level.
        painter.setBrush(self.palette().color(QPalette.ColorRole.Mid))
        y = self.reading_line()
        painter.drawPolygon(QPolygonF([QPointF(0, y - 5), QPointF(6, y), QPointF(0, y + 5)]))
        # A bar in the left margin beside every unit with no counterpart: visible at a
        # glance while scrolling, without touching the text.
        painter.setBrush(QColor(self.colors.unmatched_line))
        offset = self.verticalScrollBar().value()
        height = self.viewport().height()
        if self._unmatched:
            # Only the units on screen are measured (a long text is laid out lazily).
            for i in self._visible_units(offset, offset + height):
                span = self._spans[i]
                if span.id not in self._unmatched:
                    continue
                top, bottom = self.unit_geometry.line(i)
                if bottom - offset < 0 or top - offset > height:
                    continue
                painter.drawRect(QRectF(6, top - offset, 4, max(4.0, bottom - top)))
        if self._changes:
            self._paint_change_markers(painter, offset, height)
        if self.draws_readings():
            self._paint_readings(painter)
        painter.end()

    def _paint_change_markers(self, painter: QPainter, offset: int, height: int) -> None:
        """The status marker of each provision in the left margin, at its first line (units
        that start on one line share it: their markers stand side by side)."""
        by_line: dict[float, list[str]] = {}
        extents = self.extents()
        for uid, status in self._changes.items():
            top = extents[uid][0]
            if -40 <= top - offset <= height:
                markers = by_line.setdefault(top, [])
                if CHANGE_MARKERS[status] not in markers:
                    markers.append(CHANGE_MARKERS[status])
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, self._point_size * 0.7))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor(self.colors.text))
        for top, markers in by_line.items():
            painter.drawText(QRectF(0, top - offset, 22, 22), Qt.AlignmentFlag.AlignHCenter, "".join(markers[:2]))

    # -- readings above Chinese text (ruby) ---------------------------------------------------
    def set_readings_shown(self, shown: bool) -> None:
        """Show the Sino-Korean reading (한자음) above each Chinese character: the lines
        move apart to make room, so the unit extents change (the sync map follows)."""
        if shown == self._readings_shown:
            return
        before = self.draws_readings()
        self._readings_shown = shown
        if self.draws_readings() != before:
            self._apply_line_height()
        self.viewport().update()

    def readings_shown(self) -> bool:
        return self._readings_shown

    def draws_readings(self) -> bool:
        """Readings are drawn where the pane shows Chinese and the reader asked for them."""
        return self._readings_shown and self.lang == "zh"

    def _apply_line_height(self) -> None:
        fmt = QTextBlockFormat()
        height = RUBY_LINE_HEIGHT if self.draws_readings() else LINE_HEIGHT
        fmt.setLineHeight(height, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        cursor = QTextCursor(self.document())
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.mergeBlockFormat(fmt)
        self._invalidate_geometry()

    def block_readings(self, text: str) -> list[str]:
        """The reading of each character of a block's text (cached per text)."""
        found = self._readings.get(text)
        if found is None:
            from ..terms.readings import character_readings

            found = self._readings[text] = character_readings(text)
        return found

    def _paint_readings(self, painter: QPainter) -> None:
        """Each Han character's reading, centred above it, for the blocks on screen."""
        font = QFont(self.document().defaultFont())
        font.setFamilies(_families("ko"))
        font.setPointSizeF(max(6.0, self._point_size * RUBY_SCALE))
        font.setBold(False)
        painter.setFont(font)
        painter.setPen(QColor(self.colors.unmatched))  # muted, still readable (4.5:1)
        ruby_height = painter.fontMetrics().height()
        dx, dy = -self.horizontalScrollBar().value(), -self.verticalScrollBar().value()
        height = self.viewport().height()
        block = self.cursorForPosition(QPoint(0, 0)).block()
        while block.isValid():
            layout = block.layout()
            origin = layout.position()
            if origin.y() + dy > height:
                break
            readings = self.block_readings(block.text())
            if any(readings):
                for i in range(layout.lineCount()):
                    line = layout.lineAt(i)
                    top = origin.y() + line.y() + dy
                    if top > height:
                        break
                    if top + line.height() < 0:
                        continue
                    start = line.textStart()
                    for position in range(start, start + line.textLength()):
                        syllable = readings[position] if position < len(readings) else ""
                        if not syllable:
                            continue
                        left = _x(line.cursorToX(position))
                        right = _x(line.cursorToX(position + 1))
                        box = QRectF(origin.x() + left + dx - 4, top - ruby_height, right - left + 8, ruby_height)
                        painter.drawText(
                            box, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom), syllable
                        )
            block = block.next()

    # -- keys -------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Ctrl+Home / Ctrl+End go to the start / end of the text, as Home and End do: a
        read-only browser hands them to its hidden text cursor, which may not move the view."""
        key = event.key()
        if event.modifiers() == Qt.KeyboardModifier.ControlModifier and key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            to = (
                QAbstractSlider.SliderAction.SliderToMinimum
                if key == Qt.Key.Key_Home
                else QAbstractSlider.SliderAction.SliderToMaximum
            )
            self.verticalScrollBar().triggerAction(to)
            event.accept()
            return
        super().keyPressEvent(event)

    # -- mouse ------------------------------------------------------------------------------
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        if event.buttons() != Qt.MouseButton.NoButton:
            return
        uid = self.unit_at(event.position())
        if uid != self._hovered:
            self._hovered = uid
            self.unit_hovered.emit(uid)

    def leaveEvent(self, event: QEvent) -> None:
        super().leaveEvent(event)
        if self._hovered:
            self._hovered = ""
            self.unit_hovered.emit("")

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            uid = self.unit_at(event.position())
            if uid:
                self.unit_clicked.emit(uid)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.menu_provider(self, event.pos()) if self.menu_provider is not None else None
        if menu is None:
            super().contextMenuEvent(event)
            return
        self.show_menu(menu, event.globalPos())
        menu.deleteLater()

    def show_menu(self, menu: QMenu, global_pos: QPoint) -> None:
        """Show a context menu (modal until the user picks or dismisses; tests replace it)."""
        menu.exec(global_pos)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            help_event = cast(QHelpEvent, event)
            uid = self.unit_at(help_event.pos())
            tip = self.tooltip_for(uid, self.cursorForPosition(help_event.pos()).position())
            if tip:
                QToolTip.showText(help_event.globalPos(), tip, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def tooltip_for(self, unit_id: str, position: int) -> str:
        if not unit_id:
            return ""
        span = self._span_of[unit_id]
        offset = position - span.text_start
        notes = [tip for uid, a, b, _c, tip in self._marks if uid == unit_id and a <= offset < b and tip]
        if notes:
            return "\n\n".join(notes)
        status = self._changes.get(unit_id)
        if status:
            return self.change_labels.get(status, status)
        kind = self._unmatched.get(unit_id)
        return self.unmatched_labels.get(kind, "") if kind else ""

    # -- the user's selection -------------------------------------------------------------------
    def selected_units(self) -> list[str]:
        """Units touched by the text selection (or the clicked/highlighted one without a selection)."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return []
        a, b = cursor.selectionStart(), cursor.selectionEnd()
        return [s.id for s in self._spans if s.start < b and s.end > a]

    @Slot()
    def _on_selection_changed(self) -> None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return
        a, b = cursor.selectionStart(), cursor.selectionEnd()
        uid = self.unit_at_position(a)
        if not uid or self.unit_at_position(max(a, b - 1)) != uid:
            return
        span = self._span_of[uid]
        start, end = max(0, a - span.text_start), b - span.text_start
        quote = self.document().toPlainText()[span.text_start + start : span.text_start + end]
        if end > start:
            self.span_selected.emit(uid, start, end, quote)


def _families(lang: str) -> list[str]:
    if lang == "zh":
        return ["Noto Serif CJK SC", "Noto Sans CJK SC", "Source Han Serif SC", "Microsoft YaHei", "PingFang SC"]
    return ["Noto Sans CJK KR", "Noto Serif CJK KR", "Source Han Sans K", "Malgun Gothic", "Apple SD Gothic Neo"]


_BEYOND_BMP = re.compile("[\U00010000-\U0010ffff]")


def _utf16_length(text: str) -> int:
    """Length in QTextDocument positions (UTF-16 code units: a character beyond the BMP counts two)."""
    return len(text) + len(_BEYOND_BMP.findall(text))


def _write_document(text: QTextDocument, segments: list[Segment], lang: str) -> list[UnitSpan]:
    """Write segments as blocks and runs; return each unit's character range and block.

    The sentences of a run share one format, so each run is inserted in one call (a call
    per sentence made building a 2 MB document take a third of a second); their ranges
    are counted, in UTF-16 units as the document counts them.
    """
    cursor = QTextCursor(text)
    spans: list[UnitSpan] = []
    plain = QTextCharFormat()
    bold = QTextCharFormat()
    bold.setFontWeight(QFont.Weight.Bold)
    body = QTextBlockFormat()
    body.setBottomMargin(8)
    body.setLineHeight(LINE_HEIGHT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    first_block = True
    in_run = False
    sep = "" if lang == "zh" else " "
    sep_length = len(sep)
    # Most texts have no character beyond the BMP: then a length is len() (a call of
    # _utf16_length per unit was a tenth of the writing).
    beyond = _BEYOND_BMP.search("".join(s.text for s in segments) + "".join(s.label for s in segments))
    length = _utf16_length if beyond else len
    position = cursor.position()
    block = 0
    pending: list[str] = []  # plain text of the run not yet inserted
    heading_formats: dict[str, tuple[QTextBlockFormat, QTextCharFormat]] = {}  # made once per kind

    def flush() -> None:
        if pending:
            cursor.insertText("".join(pending), plain)
            pending.clear()

    def new_block(fmt: QTextBlockFormat, char_fmt: QTextCharFormat = plain) -> None:
        nonlocal first_block, position, block
        flush()
        if first_block:
            cursor.setBlockFormat(fmt)
            cursor.setBlockCharFormat(char_fmt)
            first_block = False
        else:
            cursor.insertBlock(fmt, char_fmt)
            position += 1
            block += 1

    for seg in segments:
        kind = seg.kind
        if kind in ("preamble", "paragraph"):
            new_block(body)
            in_run = False
            continue
        if kind == "sentence":
            if not in_run and first_block:
                new_block(body)
            if in_run and sep:
                pending.append(sep)
                position += sep_length
            start = position
            pending.append(seg.text)
            position += length(seg.text)
            spans.append(UnitSpan(seg.id, kind, start, start, position, block))
            in_run = True
            continue
        formats = heading_formats.get(kind)
        if formats is None:
            formats = heading_formats[kind] = _heading_formats(kind, body, plain)
        fmt, char_fmt = formats
        new_block(fmt, char_fmt)
        # The text holds the numbering, so it is printed once; a segment stored before
        # that (text without its number) gets the number in front, outside its offsets.
        start = position
        printed = seg.printed
        cursor.insertText(printed, char_fmt)
        position += length(printed)
        text_start = position - length(seg.text)
        spans.append(UnitSpan(seg.id, kind, start, text_start, position, block))
        in_run = kind in ("clause", "item")
        if in_run:
            cursor.setCharFormat(plain)
    flush()
    return spans


def _heading_formats(
    kind: str, body: QTextBlockFormat, plain: QTextCharFormat
) -> tuple[QTextBlockFormat, QTextCharFormat]:
    """The block and character formats of a block that is not a run of sentences."""
    fmt = QTextBlockFormat(body)
    char_fmt = QTextCharFormat(plain)
    if kind == "title":
        fmt.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        fmt.setBottomMargin(6)
        char_fmt.setFontWeight(QFont.Weight.Bold)
        char_fmt.setProperty(QTextFormat.Property.FontSizeAdjustment, 2)
    elif kind == "doc_number":
        fmt.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        fmt.setBottomMargin(18)
    elif kind == "part":
        fmt.setTopMargin(14)
        char_fmt.setFontWeight(QFont.Weight.Bold)
        char_fmt.setProperty(QTextFormat.Property.FontSizeAdjustment, 1)
    elif kind in ("signature", "date"):
        fmt.setAlignment(Qt.AlignmentFlag.AlignRight)
        fmt.setBottomMargin(2)
    elif kind in ("clause", "item"):
        char_fmt.setFontWeight(QFont.Weight.Bold)
    return fmt, char_fmt
