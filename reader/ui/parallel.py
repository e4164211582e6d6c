"""The parallel view: two sides, each a reading pane, kept level by the sync controller.

Each side shows one language of one document (``show_sides``); what the two sides say
alike is a list of pairs (left units, right units), which the sync map follows. For a
Chinese document and its Korean translation the pairs come from the alignment links
(``show_document``: Chinese left, Korean right unless swapped); two Chinese documents, or
two versions of one, would be shown the same way with pairs of their own. A monolingual
document shows one side and a "no translation yet" bar with an action to attach one.

**Keeping the place.** The view always knows where the reader is: the unit on the reading
line of the leading pane and how far into it, or the unit last jumped to. When the text
reflows (the window or a panel resized, zoom, a theme with other fonts), that place is put
back on the reading line and the other side levelled with it; the reflow's own scrolling
(Qt clamps the scrollbar while the text is shorter) is never taken for the reader's.

**Opening far into a long text.** ``show_document(…, near=unit)`` shows each side from a
little above that unit (and its counterpart) on, so the first paint does not wait for Qt
to lay out all the text above; the rest is shown in steps from the event loop, each
keeping the text on screen where it is. Until then, a jump, a swap, a zoom or scrolling
up to the first shown lines shows the rest at once first, so they land as on a whole text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from ..model import AlignmentLink, Document
from .alignment import Alignment
from .pane import PaneColors, ReadingPane
from .sync import SyncController
from .syncmap import Pair, pairs_from_links

#: A place this close (px) to where it was is left alone when the panes settle.
SETTLE_SLACK = 2

MIN_POINT_SIZE, MAX_POINT_SIZE = 8.0, 40.0

#: Hidden blocks shown a step of the event loop, one side at a time (3–6 ms a step on
#: the 2 MB benchmark text; see ``ReadingPane._hide_head``).
FILL_BLOCKS = 60
#: How often to look whether Qt has laid out the rest of a text, before showing its start.
FILL_WAIT_MS = 15
#: Work put off until the panes have painted runs after this long if they do not paint
#: (the view hidden or minimised).
AFTER_PAINT_MS = 250

NAV_KINDS = {
    "sentence": None,  # every unit
    "clause": {"clause"},
    "part": {"part"},
}


class TranslationBar(QFrame):
    """Shown over a monolingual document: says so and offers to attach a translation."""

    attach_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
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


@dataclass(frozen=True)
class ReadingPlace:
    """Where the reader is: a unit of one side and how far into it the reading line is;
    ``jumped``: the unit was gone to, so its first line is levelled with its counterpart's."""

    side: int
    unit_id: str
    fraction: float
    jumped: bool
    layout: tuple  # the layout it was taken in (see ParallelView._layout_key)


class ParallelView(QWidget):
    """Two sides, the pairs between them, and hover/click highlighting."""

    reading_unit_changed = Signal(str)  # the unit at the reading line of the leading pane
    swapped_sides = Signal()  # the languages changed sides
    unit_hovered = Signal(str)
    unit_selected = Signal(str)  # clicked
    attach_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.sides: list[ReadingPane] = [ReadingPane("zh"), ReadingPane("ko")]  # left, right
        self.swapped = False  # Korean on the left
        self.document: Document | None = None
        self.alignment = Alignment([])
        #: In a comparison: the pairs of units of the two sides (units of both sides,
        #: in any order), which take the place of the alignment's links.
        self.pairing: list[tuple[list[str], list[str]]] = []
        self._pair_of: dict[str, int] = {}
        self._active = self.sides[0]
        self.selected_unit = ""
        self.current_unit = ""
        self.bar = TranslationBar()
        self.bar.setVisible(False)
        self.bar.attach_requested.connect(self.attach_requested)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(6)
        for pane in self.sides:
            self.splitter.addWidget(pane)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.bar)
        layout.addWidget(self.splitter, 1)
        self.sync = SyncController(self.sides[0], self.sides[1])
        for pane in self.sides:
            pane.unit_hovered.connect(self._on_unit_hovered)
            pane.unit_clicked.connect(self._on_unit_clicked)
            pane.verticalScrollBar().valueChanged.connect(self._on_scrolled)
            pane.geometry_changed.connect(self.restore_place)
            pane.installEventFilter(self)
        self._name_sides()
        self._last_reading_unit = ""
        self._place: ReadingPlace | None = None
        self._restoring = False
        self._fill_timer = QTimer(self)
        self._fill_timer.setInterval(0)
        self._fill_timer.timeout.connect(self._fill_step)
        self._after_paint: dict[str, Callable[[], None]] = {}
        self._after_paint_timer = QTimer(self)
        self._after_paint_timer.setSingleShot(True)
        self._after_paint_timer.setInterval(AFTER_PAINT_MS)
        self._after_paint_timer.timeout.connect(self._run_after_paint)
        self._after_paint_queued = False
        self._painted = False  # the panes have painted since they were given their text
        for pane in self.sides:
            pane.viewport().installEventFilter(self)

    def add_banner(self, name: str, style: str) -> QLabel:
        """A line over the panes (hidden until needed)."""
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setStyleSheet(style)
        label.setVisible(False)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(0, label)
        return label

    # -- sides ------------------------------------------------------------------------
    @property
    def left(self) -> ReadingPane:
        return self.sides[0]

    @property
    def right(self) -> ReadingPane:
        return self.sides[1]

    def shown(self) -> list[ReadingPane]:
        """The sides that show a document."""
        return [pane for pane in self.sides if not pane.isHidden() and pane.unit_count()]

    def pane_of(self, unit_id: str) -> ReadingPane | None:
        """The side showing a unit."""
        return next((pane for pane in self.sides if unit_id and pane.has_unit(unit_id)), None)

    def pane_for(self, lang: str) -> ReadingPane | None:
        """The side showing a language (the first, if both do)."""
        return next((pane for pane in self.sides if pane.lang == lang and not pane.isHidden()), None)

    def other_side(self, pane: ReadingPane) -> ReadingPane:
        return self.right if pane is self.left else self.left

    def active_pane(self) -> ReadingPane:
        if not self._active.isHidden():
            return self._active
        return self.left if not self.left.isHidden() else self.right

    def set_active(self, pane: ReadingPane) -> None:
        self._active = pane

    def is_bilingual(self) -> bool:
        return len(self.shown()) == 2

    def _name_sides(self) -> None:
        self.left.setObjectName("pane_left")
        self.right.setObjectName("pane_right")

    def swap(self) -> None:
        """Exchange the sides (Korean left and Chinese right, or back)."""
        self.complete_fill()
        self.swapped = not self.swapped
        self.sides.reverse()
        for index, pane in enumerate(self.sides):
            self.splitter.insertWidget(index, pane)
        self._name_sides()
        self.sync.set_panes(self.left, self.right, self._pairs())
        self.swapped_sides.emit()

    def swap_keeping_place(self) -> None:
        """Swap, and stay at the unit being read."""
        unit = self.reading_unit()
        self.swap()
        if unit:
            self.go_to_unit(unit)

    def set_text_size(self, size: float) -> None:
        """Zoom both sides; the unit being read stays on the reading line."""
        self.complete_fill()
        for pane in self.sides:
            pane.set_point_size(max(MIN_POINT_SIZE, min(MAX_POINT_SIZE, size)))
        self.restore_place()

    def set_readings_shown(self, shown: bool) -> None:
        """Readings (한자음) above the Chinese text of either side; the place is kept."""
        self.complete_fill()
        for pane in self.sides:
            pane.set_readings_shown(shown)
        self.restore_place()

    @property
    def readings_shown(self) -> bool:
        return any(pane.readings_shown() for pane in self.sides)

    def same_place(self, unit_id: str) -> str:
        """The unit itself, or the one at the same structural place if the text was
        re-imported since (ids end in a hash of the text: zh.p3.c1.s2.1057aa)."""
        if self.pane_of(unit_id) is not None:
            return unit_id
        place = unit_id.rsplit(".", 1)[0] + "."
        pane = self.pane_for(unit_id.split(".", 1)[0])
        return next((u for u in pane.unit_ids if u.startswith(place)), "") if pane is not None else ""

    def set_swapped(self, swapped: bool) -> None:
        if self.swapped != swapped:
            self.swap()

    def set_colors(self, colors: PaneColors) -> None:
        for pane in self.sides:
            pane.set_colors(colors)

    # -- content --------------------------------------------------------------------------
    def show_document(self, document: Document, links: Sequence[AlignmentLink], near: str = "") -> None:
        """A document in its languages: Chinese left and Korean right (unless swapped);
        ``near``: the unit about to be gone to (the text above it is shown afterwards)."""
        preferred = ["ko", "zh"] if self.swapped else ["zh", "ko"]
        present = document.languages  # looked up once: it reads every segment
        languages = [lang for lang in preferred if lang in present]
        languages += [lang for lang in present if lang not in languages]
        sides = [(document, lang) for lang in languages[:2]]
        link = next((link for link in links if near in link.zh_ids or near in link.ko_ids), None) if near else None
        self.show_sides(
            sides[0] if sides else None,
            sides[1] if len(sides) > 1 else None,
            near=[near, *link.zh_ids, *link.ko_ids] if link is not None else [near] if near else [],
        )
        self.bar.setVisible(len(languages) == 1)
        self.set_links(links)

    def filling(self) -> bool:
        """Part of a side's text is still to be shown (see ``show_document``)."""
        return any(pane.hidden_blocks() for pane in self.sides)

    @Slot()
    def _fill_step(self) -> None:
        """Show the next blocks of the side with more hidden (one side a step: each step
        short), once Qt has laid out the rest of its text (see ``ReadingPane.show_more``)."""
        pending = [side for side in self.sides if side.hidden_blocks()]
        if not pending:
            self._fill_timer.stop()
            return
        ready = [side for side in pending if side.laid_out()]
        self._fill_timer.setInterval(0 if ready else FILL_WAIT_MS)
        if ready:
            self._show_more(max(ready, key=lambda side: side.hidden_blocks()), FILL_BLOCKS)

    def _show_more(self, pane: ReadingPane, count: int) -> None:
        restoring, self._restoring = self._restoring, True
        try:
            with self.sync.held():
                pane.show_more(count)
        finally:
            self._restoring = restoring

    def complete_fill(self) -> None:
        """Show all of both texts now."""
        for pane in self.sides:
            if pane.hidden_blocks():
                self._show_more(pane, pane.hidden_blocks())
        self._fill_timer.stop()

    def show_sides(
        self, left: tuple[Document, str] | None, right: tuple[Document, str] | None, near: Sequence[str] = ()
    ) -> None:
        """Each side one language of a document (None: the side is hidden); pairs follow by
        ``set_links`` or ``set_pairs``. ``near``: units about to be gone to, with their
        counterparts (each side is shown from its first one on, the rest afterwards)."""
        shown = [side for side in (left, right) if side is not None]
        self.document = shown[0][0] if shown else None
        for pane, content in zip(self.sides, (left, right), strict=True):
            if content is None:
                pane.clear_document()
            else:
                pane.load(*content, near=near)
            pane.setVisible(content is not None)
        self.bar.setVisible(False)
        if self._active.isHidden():
            self._active = self.active_pane()
        self.selected_unit = ""
        self.current_unit = ""
        self._place = None
        self._painted = False
        self._after_paint_timer.stop()  # counted again from when these texts are given
        if self.filling():
            self.after_paint("fill", self._fill_timer.start)

    def clear(self) -> None:
        """Show nothing (the open document was removed)."""
        for pane in self.sides:
            pane.clear_document()
        self.document = None
        self.bar.setVisible(False)
        self._place = None
        self.set_links([])

    def set_links(self, links: Sequence[AlignmentLink]) -> None:
        """A new or corrected alignment: redraw the unmatched marks and re-pair the sides."""
        self.alignment = Alignment(links)
        self.pairing, self._pair_of = [], {}
        unmatched = self.alignment.unmatched()
        for pane in self.sides:
            pane.set_unmatched(unmatched)
        self.sync.set_pairs(self._pairs())
        self._prepare_sync_map()
        if self.selected_unit:
            self._highlight(self.selected_unit)

    def set_pairs(self, pairs: Sequence[tuple[Sequence[str], Sequence[str]]]) -> None:
        """Pair the sides by a comparison's pairs (units of one side, units of the other)
        instead of an alignment: both sides may show one language, so a pair is told apart
        by which pane shows its units, not by language."""
        self.alignment = Alignment([])
        self.pairing = [(list(a), list(b)) for a, b in pairs]
        self._pair_of = {unit: i for i, (a, b) in enumerate(self.pairing) for unit in (*a, *b)}
        for pane in self.sides:
            pane.set_unmatched({})
        self.sync.set_pairs(self._pairs())
        self._prepare_sync_map()
        if self.selected_unit:
            self._highlight(self.selected_unit)

    def _prepare_sync_map(self) -> None:
        """Settle which pairs the sync map follows once the panes have painted, not in the
        first scroll step (40 ms for a 2 MB document's 15,700 pairs)."""
        sync = self.sync

        def prepare() -> None:
            if sync.enabled:
                sync.sync_map()

        self.after_paint("sync_map", prepare)

    def _pairs(self) -> list[Pair]:
        if self.pairing:
            left, right = self.left, self.right
            return [
                ([u for u in (*a, *b) if left.has_unit(u)], [u for u in (*a, *b) if right.has_unit(u)])
                for a, b in self.pairing
            ]
        return pairs_from_links(self.alignment.links, self.left.lang, self.right.lang)

    def group(self, unit_id: str) -> list[str]:
        """The unit and its counterparts on both sides."""
        if self.pairing:
            i = self._pair_of.get(unit_id)
            return [unit_id] if i is None else [*self.pairing[i][0], *self.pairing[i][1]]
        return self.alignment.group(unit_id)

    def counterparts(self, unit_id: str) -> list[str]:
        """The units on the other side that say what ``unit_id`` says."""
        if self.pairing:
            pane = self.pane_of(unit_id)
            return [u for u in self.group(unit_id) if pane is None or not pane.has_unit(u)]
        return self.alignment.counterparts(unit_id)

    # -- navigation -------------------------------------------------------------------------
    def settle_layout(self) -> None:
        """Apply pending layout changes now: a pane shown or hidden with a new document,
        or a dock opened beside the view, resizes the panes and reflows their text only
        when Qt gets round to its layout requests, which would move a jump made before."""
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        layout = self.layout()
        if layout is not None:
            layout.activate()

    def go_to_unit(self, unit_id: str) -> None:
        """Bring a unit to the reading line of its pane; the other side follows."""
        pane = self.pane_of(unit_id)
        if pane is None:
            return
        if self.filling() and not all(
            side.is_shown(u) for u in (unit_id, *self.counterparts(unit_id)) for side in self.sides if side.has_unit(u)
        ):
            self.complete_fill()
        self.settle_layout()
        self._active = pane
        self.current_unit = unit_id
        self._level_at(pane, unit_id)
        self._place = ReadingPlace(self.sides.index(pane), unit_id, 0.0, True, self._layout_key())
        self._announce_reading_unit(force=True)

    def _level_at(self, pane: ReadingPane, unit_id: str) -> None:
        other = self.other_side(pane)
        counterparts = [u for u in self.counterparts(unit_id) if other.has_unit(u)]
        self._restoring = True
        try:
            if not self.sync.enabled or other.isHidden():
                pane.scroll_to_unit(unit_id)
            elif counterparts:
                # A jump levels the unit's first line with its counterpart's exactly (the
                # scroll map would level their places on the reading axis, which differ
                # by part of a line when a sentence starts mid-line).
                for side, unit in ((pane, unit_id), (other, counterparts[0])):
                    value = side.scroll_value_for(unit)
                    side.ensure_scroll_range(value)
                    self.sync.place(side, value)
            else:
                pane.scroll_to_unit(unit_id)
                self.sync.follow(from_left=pane is self.left)
        finally:
            self._restoring = False

    def _layout_key(self) -> tuple:
        """What the unit extents depend on: each side's reflows (width, font; counted by its
        ``geometry_version``, not read from the text's size, which would lay all of a long
        text out) and its viewport."""
        key = []
        for pane in self.sides:
            viewport = pane.viewport().size()
            key.append((pane.geometry_version, viewport.width(), viewport.height(), pane.isHidden()))
        return tuple(key)

    def _take_place(self) -> None:
        """The reader scrolled: remember the unit on the reading line and how far into it."""
        pane = self.active_pane()
        unit_id = pane.unit_at_reading_line()
        if not unit_id:
            return
        start, end = pane.sync_extents()[unit_id]
        fraction = 0.0 if end <= start else min(1.0, max(0.0, (pane.reading_y() - start) / (end - start)))
        self._place = ReadingPlace(self.sides.index(pane), unit_id, fraction, False, self._layout_key())

    def reading_place(self) -> ReadingPlace | None:
        return self._place

    @Slot()
    def restore_place(self) -> None:
        """The text reflowed (or may have): put the reading place back on the reading line."""
        place = self._place
        if place is None or self._layout_key() == place.layout:
            return
        pane = self.sides[place.side]
        if not pane.has_unit(place.unit_id):
            self._place = None
            return
        self.settle_layout()
        if place.jumped:
            self._level_at(pane, place.unit_id)
        else:
            start, end = pane.sync_extents()[place.unit_id]
            target = round(start + place.fraction * (end - start) - pane.reading_line())
            bar = pane.verticalScrollBar()
            if abs(target - bar.value()) <= SETTLE_SLACK:
                # Only the reading line moved, by a pixel (the status bar grew): no reflow to undo.
                self._place = ReadingPlace(place.side, place.unit_id, place.fraction, place.jumped, self._layout_key())
                return
            self._restoring = True
            try:
                pane.ensure_scroll_range(target)
                bar.setValue(target)
                if self.sync.enabled and not self.other_side(pane).isHidden():
                    self.sync.follow(from_left=pane is self.left)
            finally:
                self._restoring = False
        self._place = ReadingPlace(place.side, place.unit_id, place.fraction, place.jumped, self._layout_key())

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
            span = pane.span(ids[i])
            if kinds is None or (span is not None and span.kind in kinds):
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
            self._active = pane
        self._highlight(unit_id)
        self.unit_selected.emit(unit_id)

    def _highlight(self, unit_id: str) -> None:
        group = self.group(unit_id) if unit_id else []
        for pane in self.sides:
            pane.set_highlight(group)

    def highlighted(self) -> dict[str, list[str]]:
        """What is highlighted on each side showing a document, by the language it shows."""
        return {pane.lang: pane.highlighted_units() for pane in self.shown()}

    @Slot(int)
    def _on_scrolled(self, _value: int) -> None:
        if not self._restoring and self.filling():
            # Scrolled up to the first lines shown: the text above them is shown now.
            for pane in self.sides:
                if pane.hidden_blocks() and pane.verticalScrollBar().value() < pane.viewport().height():
                    self._show_more(pane, pane.hidden_blocks())
        if not self._restoring and self.document is not None:
            place = self._place
            if place is None or place.layout == self._layout_key():
                self._take_place()  # the reader scrolled (a reflow's own scrolling is not the reader's)
        self._announce_reading_unit()

    def _announce_reading_unit(self, force: bool = False) -> None:
        uid = self.reading_unit() if self.document else ""
        if uid != self._last_reading_unit or force:
            self._last_reading_unit = uid
            self.reading_unit_changed.emit(uid)

    def after_paint(self, name: str, work: Callable[[], None]) -> None:
        """Run ``work`` once the panes have painted the texts they were given: now if they
        have, else from the event loop after their first paint (what the reader waits to
        see comes first; the outline's first selection, 80 ms in a 2 MB document's 3,500
        entries, and the text above a place opened far in follow). Work under the same
        name replaces what was put off before."""
        if self._painted:
            work()
            return
        self._after_paint[name] = work
        if not any(pane.isVisible() for pane in self.sides):
            QTimer.singleShot(0, self._run_after_paint)  # nothing to paint
        elif not self._after_paint_timer.isActive():
            # Counted from when the event loop runs again: the work putting this off (an
            # opening, 0.2-0.6 s) must not use up the time the panes have to paint in.
            QTimer.singleShot(0, self._start_after_paint_timer)

    @Slot()
    def _start_after_paint_timer(self) -> None:
        if self._after_paint and not self._after_paint_timer.isActive():
            self._after_paint_timer.start()

    def painted(self) -> bool:
        """The panes have painted since they were given the texts they show."""
        return self._painted

    @Slot()
    def _run_after_painted(self) -> None:
        self._after_paint_queued = False
        if self._painted:  # not when new texts came since the paint that asked for this
            self._run_after_paint()

    @Slot()
    def _run_after_paint(self) -> None:
        self._after_paint_timer.stop()
        work, self._after_paint = list(self._after_paint.values()), {}
        for item in work:
            item()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self._painted = True
            if self._after_paint and not self._after_paint_queued:
                self._after_paint_queued = True
                QTimer.singleShot(0, self._run_after_painted)  # after this paint (and the other pane's)
        elif event.type() == QEvent.Type.FocusIn and isinstance(watched, ReadingPane):
            self._active = watched
        return super().eventFilter(watched, event)
