"""The reading aid in the panes: rest the mouse on a Chinese word (or select one) and a
popup shows its Sino-Korean reading (한자음), pinyin, the Korean renderings the library
uses for it, and example pairs.

``LookupController`` watches a pane without the pane knowing: it filters the events of
its viewport, waits until the mouse rests, finds the word under it
(``terms.words.word_at``) and asks ``terms.service.look_up`` (the stored glossary only,
so a lookup takes a few milliseconds).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QContextMenuEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QLabel, QMenu, QVBoxLayout, QWidget

from ..store.terms import TermStore
from ..terms.service import Lookup, look_up
from ..terms.words import word_at
from .pane import ReadingPane
from .pane_menu import MenuContext

#: How long the mouse rests on a word before the popup shows (ms).
DWELL_MS = 450
#: The width at which the popup's text wraps (px).
WRAP_WIDTH = 420


class LookupPopup(QFrame):
    """A small tool window with one lookup."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.ToolTip)
        self.setObjectName("lookup_popup")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel()
        self.label.setObjectName("lookup_text")
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setWordWrap(True)
        self.label.setMaximumWidth(WRAP_WIDTH)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.label)
        self.lookup: Lookup | None = None

    def show_lookup(self, lookup: Lookup, at: QPoint) -> None:
        self.lookup = lookup
        # With example sentences the text wraps at the label's full width anyway: giving
        # it that width spares QLabel its search for the best wrapping width (a layout
        # of the whole text per width tried, half the popup's time). A word with no
        # examples keeps a popup as narrow as its text.
        width = WRAP_WIDTH if lookup.examples else 0
        if width != self.label.minimumWidth():
            self.label.setMinimumWidth(width)
        self.label.setText(self.html(lookup))
        self.adjustSize()
        self.move(at + QPoint(12, 16))
        self.show()

    def html(self, lookup: Lookup) -> str:
        e = html.escape
        lines = [
            f'<span lang="zh-CN" style="font-size:large"><b>{e(lookup.word)}</b></span>'
            f" &nbsp; {e(lookup.traditional)} &nbsp; <b>{e(lookup.reading)}</b> &nbsp; <i>{e(lookup.pinyin)}</i>"
        ]
        if lookup.renderings:
            renderings = ", ".join(f"{e(ko)} ({count})" for ko, count in lookup.renderings[:5])
            label = self.tr("Renderings")  # outside the f-string, where lupdate sees it
            lines.append(f"{e(label)}: {renderings}")
        else:
            lines.append(e(self.tr("No rendering in the library yet")))
        for example in lookup.examples[:3]:
            lines.append(f'<span lang="zh-CN">{e(example.zh)}</span><br>{e(example.ko)}')
        return "<br><br>".join(lines[:2]) + "".join(f"<hr>{line}" for line in lines[2:])


class LookupController(QObject):
    """Shows the lookup popup for the Chinese word under the mouse in a pane."""

    looked_up = Signal(str)

    def __init__(self, pane: ReadingPane, terms: TermStore, parent: QObject | None = None):
        super().__init__(parent or pane)
        self.pane = pane
        self.terms = terms
        self.enabled = True
        self.popup = LookupPopup(pane)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DWELL_MS)
        self._timer.timeout.connect(self._on_rest)
        self._point = QPoint()
        self._word_span: tuple[int, int] | None = None
        pane.viewport().installEventFilter(self)
        pane.installEventFilter(self)  # the popup never outlives the pane on screen

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.pane:
            if kind in (QEvent.Type.Hide, QEvent.Type.Close, QEvent.Type.WindowDeactivate):
                self._timer.stop()
                self.popup.hide()
            return False
        if self.pane.lang != "zh":
            return False  # this side shows Korean now
        if kind == QEvent.Type.ContextMenu and isinstance(event, QContextMenuEvent):
            self._point = event.pos()
            self._timer.stop()
            self.popup.hide()
        elif kind == QEvent.Type.MouseMove and self.enabled and isinstance(event, QMouseEvent):
            self._point = event.position().toPoint()
            if self.popup.isVisible() and self._word_span and not self._over(self._word_span):
                self.popup.hide()
            self._timer.start()
        elif kind in (QEvent.Type.Leave, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel):
            self._timer.stop()
            self.popup.hide()
        return False

    def _over(self, span: tuple[int, int]) -> bool:
        position = self.pane.cursorForPosition(self._point).position()
        return span[0] <= position < span[1]

    def word_at_point(self, point: QPoint) -> tuple[str, int, int] | None:
        """The Chinese word at a viewport point: (word, start, end) as document positions."""
        cursor = self.pane.cursorForPosition(point)
        block = cursor.block()
        offset = cursor.position() - block.position()
        # cursorForPosition returns the nearest gap: take the character under the mouse.
        rect = self.pane.cursorRect(cursor)
        if point.x() < rect.x() and offset > 0:
            offset -= 1
        span = word_at(block.text(), offset)
        if span is None:
            return None
        return span.text, block.position() + span.start, block.position() + span.end

    def look_up_at(self, point: QPoint) -> Lookup | None:
        found = self.word_at_point(point)
        if found is None:
            return None
        word, start, end = found
        return self.show_word(word, self.pane.viewport().mapToGlobal(point), (start, end))

    def show_word(self, word: str, at: QPoint, span: tuple[int, int] | None = None) -> Lookup:
        lookup = look_up(word, self.terms)
        self._word_span = span
        self.popup.show_lookup(lookup, at)
        self.looked_up.emit(word)
        return lookup

    def _on_rest(self) -> None:
        if self.pane.textCursor().hasSelection():
            selected = self.pane.textCursor().selectedText().strip()
            if selected and len(selected) <= 12 and all("\u3400" <= c <= "\u9fff" for c in selected):
                self.show_word(selected, self.pane.viewport().mapToGlobal(self._point))
                return
        self.look_up_at(self._point)

    def menu_extension(self, context: MenuContext, menu: QMenu) -> None:
        """The panes' context menu entry "Look up …" (see ``pane_menu.add_extension``)."""
        if context.pane is not self.pane:
            return
        selected = context.selected_text.strip()
        if selected and len(selected) <= 12 and all("\u3400" <= c <= "\u9fff" for c in selected):
            word, span = selected, None
        else:
            found = self.word_at_point(context.point)
            if found is None:
                return
            word, span = found[0], (found[1], found[2])
        at = self.pane.viewport().mapToGlobal(context.point)
        action = menu.addAction(self.tr("Look up %1").replace("%1", word))
        action.setObjectName("pane_look_up")
        action.triggered.connect(lambda _=False: self.show_word(word, at, span))
