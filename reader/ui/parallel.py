"""The parallel view: two reading panes side by side, kept level by the sync controller.

Chinese is on the left and Korean on the right unless swapped. A monolingual
document shows one pane and a "no translation yet" bar with an action to attach one.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from ..model import AlignmentLink, Document
from .alignment import Alignment
from .pane import PaneColors, ReadingPane
from .sync import SyncController

NAV_KINDS = {
    "sentence": None,  # every unit
    "clause": {"clause"},
    "part": {"part"},
}


class TranslationBar(QFrame):
    """Shown over a monolingual document: says so and offers to attach a translation."""

    attach_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("translation_bar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.label = QLabel()
        self.button = QPushButton()
        self.button.clicked.connect(self.attach_requested)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.retranslate()

    def retranslate(self) -> None:
        self.label.setText(self.tr("No translation yet: this document has only one language."))
        self.button.setText(self.tr("Attach translation…"))


class ParallelView(QWidget):
    """Both panes, the alignment between them, and hover/click highlighting."""

    reading_unit_changed = Signal(str)  # the unit at the reading line of the leading pane
    unit_hovered = Signal(str)
    unit_selected = Signal(str)  # clicked
    attach_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.panes = {"zh": ReadingPane("zh"), "ko": ReadingPane("ko")}
        self.order = ["zh", "ko"]
        self.document: Document | None = None
        self.alignment = Alignment([])
        self.active_lang = "zh"
        self.selected_unit = ""
        self.current_unit = ""
        self.bar = TranslationBar()
        self.bar.setVisible(False)
        self.bar.attach_requested.connect(self.attach_requested)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(6)
        for lang in self.order:
            self.splitter.addWidget(self.panes[lang])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.bar)
        layout.addWidget(self.splitter, 1)
        self.sync = SyncController(self.panes["zh"], self.panes["ko"])
        for pane in self.panes.values():
            pane.unit_hovered.connect(self._on_unit_hovered)
            pane.unit_clicked.connect(self._on_unit_clicked)
            pane.verticalScrollBar().valueChanged.connect(self._on_scrolled)
            pane.geometry_changed.connect(self._on_geometry_changed)
            pane.installEventFilter(self)
        self._last_reading_unit = ""
        # The unit last jumped to and the scroll values that put it on the reading line.
        self._jump: tuple[str, dict[str, int]] | None = None

    # -- panes ------------------------------------------------------------------------
    @property
    def left(self) -> ReadingPane:
        return self.panes[self.order[0]]

    @property
    def right(self) -> ReadingPane:
        return self.panes[self.order[1]]

    def pane_of(self, unit_id: str) -> ReadingPane | None:
        lang = unit_id.split(".", 1)[0]
        pane = self.panes.get(lang)
        return pane if pane is not None and pane.has_unit(unit_id) else None

    def active_pane(self) -> ReadingPane:
        pane = self.panes[self.active_lang]
        return pane if not pane.isHidden() else self.left if not self.left.isHidden() else self.right

    def is_bilingual(self) -> bool:
        return self.document is not None and len(self.document.languages) == 2

    def swap(self) -> None:
        """Put Korean on the left and Chinese on the right, or back."""
        self.order.reverse()
        for index, lang in enumerate(self.order):
            self.splitter.insertWidget(index, self.panes[lang])
        self.sync.set_panes(self.left, self.right)

    def set_swapped(self, swapped: bool) -> None:
        if (self.order[0] == "ko") != swapped:
            self.swap()

    def set_colors(self, colors: PaneColors) -> None:
        for pane in self.panes.values():
            pane.set_colors(colors)

    # -- content --------------------------------------------------------------------------
    def show_document(self, document: Document, links: Sequence[AlignmentLink]) -> None:
        self.document = document
        languages = document.languages
        for lang, pane in self.panes.items():
            if lang in languages:
                pane.load(document, lang)
            else:
                pane.clear_document()
            pane.setVisible(lang in languages)
        self.bar.setVisible(len(languages) == 1)
        if self.active_lang not in languages and languages:
            self.active_lang = languages[0]
        self.selected_unit = ""
        self.current_unit = ""
        self._jump = None
        self.set_links(links)

    def set_links(self, links: Sequence[AlignmentLink]) -> None:
        """A new or corrected alignment: redraw the unmatched marks and re-pair the panes."""
        self.alignment = Alignment(links)
        unmatched = self.alignment.unmatched()
        for pane in self.panes.values():
            pane.set_unmatched(unmatched)
        self.sync.set_links(self.alignment.links)
        if self.selected_unit:
            self._highlight(self.selected_unit)

    # -- navigation -------------------------------------------------------------------------
    def settle_layout(self) -> None:
        """Apply pending layout changes now: a pane shown or hidden with a new document,
        or a dock opened beside the view, resizes the panes and reflows their text only
        when Qt gets round to its layout requests, which would move a jump made before."""
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        self.layout().activate()

    def go_to_unit(self, unit_id: str) -> None:
        """Bring a unit to the reading line of its pane; the other pane follows."""
        pane = self.pane_of(unit_id)
        if pane is None:
            return
        self.settle_layout()
        self.active_lang = pane.lang
        self.current_unit = unit_id
        other = self.right if pane is self.left else self.left
        counterparts = [u for u in self.alignment.counterparts(unit_id) if other.has_unit(u)]
        if not self.sync.enabled or other.isHidden():
            pane.scroll_to_unit(unit_id)
        elif counterparts:
            # A jump levels the unit's first line with its counterpart's exactly (the
            # scroll map would level their places on the reading axis, which differ
            # by part of a line when a sentence starts mid-line).
            self.sync.place(pane, pane.scroll_value_for(unit_id))
            self.sync.place(other, other.scroll_value_for(counterparts[0]))
        else:
            pane.scroll_to_unit(unit_id)
            self.sync.follow(from_left=pane is self.left)
        self._jump = (unit_id, self._scroll_values())

    def _scroll_values(self) -> dict[str, int]:
        return {lang: pane.verticalScrollBar().value() for lang, pane in self.panes.items()}

    @Slot()
    def _on_geometry_changed(self) -> None:
        """The text reflowed after a jump (a pane or a dock shown, the window resized,
        zoom): make the jump again, unless the reader has scrolled since."""
        if self._jump is None:
            return
        unit_id, values = self._jump
        for lang, pane in self.panes.items():
            bar = pane.verticalScrollBar()
            if bar.value() != values[lang] and bar.value() != bar.maximum():  # the maximum: clamped by the reflow
                self._jump = None
                return
        self.go_to_unit(unit_id)

    def reading_unit(self) -> str:
        """The unit the reader is at: the one last gone to while its line is still on the
        reading line (several units can start on one line), else the one at the reading line."""
        pane = self.active_pane()
        if self.current_unit and pane.has_unit(self.current_unit):
            top, bottom = pane.extents()[self.current_unit]
            if top - 1 <= pane.reading_y() < bottom:
                return self.current_unit
        return pane.unit_at_reading_line()

    def step(self, level: str, forward: bool = True) -> str:
        """Go to the next (or previous) sentence, clause or part of the active pane."""
        pane = self.active_pane()
        kinds = NAV_KINDS[level]
        ids = pane.unit_ids
        if not ids:
            return ""
        current = self.reading_unit()
        index = ids.index(current) if current in ids else 0
        candidates = range(index + 1, len(ids)) if forward else range(index - 1, -1, -1)
        for i in candidates:
            if kinds is None or pane.span(ids[i]).kind in kinds:
                self.go_to_unit(ids[i])
                self.select_unit(ids[i])
                return ids[i]
        return ""

    # -- highlighting ------------------------------------------------------------------------
    @Slot(str)
    def _on_unit_hovered(self, unit_id: str) -> None:
        self._highlight(unit_id or self.selected_unit)
        self.unit_hovered.emit(unit_id)

    @Slot(str)
    def _on_unit_clicked(self, unit_id: str) -> None:
        self.select_unit(unit_id)

    def select_unit(self, unit_id: str) -> None:
        self.selected_unit = unit_id
        pane = self.pane_of(unit_id)
        if pane is not None:
            self.active_lang = pane.lang
        self._highlight(unit_id)
        self.unit_selected.emit(unit_id)

    def _highlight(self, unit_id: str) -> None:
        group = self.alignment.group(unit_id) if unit_id else []
        for pane in self.panes.values():
            pane.set_highlight(group)

    def highlighted(self) -> dict[str, list[str]]:
        return {lang: pane.highlighted() for lang, pane in self.panes.items()}

    @Slot(int)
    def _on_scrolled(self, _value: int) -> None:
        uid = self.active_pane().unit_at_reading_line() if self.document else ""
        if uid != self._last_reading_unit:
            self._last_reading_unit = uid
            self.reading_unit_changed.emit(uid)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == event.Type.FocusIn and isinstance(watched, ReadingPane):
            self.active_lang = watched.lang
        return super().eventFilter(watched, event)
