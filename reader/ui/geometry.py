"""Where each unit of a reading pane is, measured block by block when first asked.

A long document (2 MB of text is about 16,000 units) is laid out by Qt incrementally:
the first screen at once, the rest in the background. Measuring every unit up front
forced the whole layout and ran a Python loop over every unit before the first paint.
Here a unit's extents are measured with the other units of its text block the first
time something asks for them (the paint of what is visible, the sync map near the
reading line, a jump), and kept until the text reflows (width or font). What is
measured is exact: the same arithmetic over the same Qt layout as a full pass.

Finding the unit at a height searches block tops from the last place found (see
``index_at``), so no list of every unit's top is ever needed.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Mapping, Sequence
from typing import Protocol

from PySide6.QtGui import QTextDocument

Extent = tuple[float, float]


class Span(Protocol):
    """What the geometry needs of a unit's place in the text (``pane.UnitSpan``)."""

    @property
    def id(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def block(self) -> int: ...


class UnitGeometry:
    """Unit extents of one QTextDocument, measured lazily per block.

    Two extents per unit: ``line`` (top of its first line, bottom of its last line) and
    ``axis`` (start and end on the reading axis: a position lies as far down its line as
    it lies across it, so units that share a line get consecutive extents).
    """

    def __init__(self, document: QTextDocument, spans: Sequence[Span]):
        self.document = document
        self.spans = spans
        self.order: dict[str, int] = {s.id: i for i, s in enumerate(spans)}
        self._starts = [s.start for s in spans]
        self._blocks = [s.block for s in spans]
        self._line: list[Extent | None] = [None] * len(spans)
        self._axis: list[Extent | None] = [None] * len(spans)
        self.measured_blocks = 0  # how many blocks were measured since the last reflow
        self._hint = 0  # the last unit found at a height: the next search starts there

    def invalidate(self) -> None:
        """The text reflowed: every measurement is stale."""
        self._line = [None] * len(self.spans)
        self._axis = [None] * len(self.spans)
        self.measured_blocks = 0

    def __len__(self) -> int:
        return len(self.spans)

    # -- extents ------------------------------------------------------------------
    def line(self, index: int) -> Extent:
        extent = self._line[index]
        if extent is None:
            self._measure_block(self._blocks[index])
            extent = self._line[index]
            assert extent is not None
        return extent

    def axis(self, index: int) -> Extent:
        extent = self._axis[index]
        if extent is None:
            self._measure_block(self._blocks[index])
            extent = self._axis[index]
            assert extent is not None
        return extent

    def _measure_block(self, number: int) -> None:
        """Both extents of every unit in one block (one block rectangle, the block's lines)."""
        doc = self.document
        block = doc.findBlockByNumber(number)
        top = doc.documentLayout().blockBoundingRect(block).top()
        base = block.position()
        text_layout = block.layout()
        first = bisect_left(self._blocks, number)
        last = bisect_right(self._blocks, number)
        for i in range(first, last):
            span = self.spans[i]
            relative = span.start - base
            line = text_layout.lineForTextPosition(relative)
            if line.isValid():
                first_top = top + line.y()
                start = first_top + _fraction(line, relative) * line.height()
            else:
                first_top = start = top
            relative = span.end - base
            line = text_layout.lineForTextPosition(relative)
            end = top + line.y() + _fraction(line, relative) * line.height() if line.isValid() else top
            line = text_layout.lineForTextPosition(max(span.start, span.end - 1) - base)
            bottom = top + line.y() + line.height() if line.isValid() else top
            self._line[i] = (first_top, bottom)
            self._axis[i] = (start, max(start, end))
        self.measured_blocks += 1

    # -- finding units --------------------------------------------------------------
    def index_at_position(self, position: int) -> int:
        """The last unit starting at or before a text position (-1 before the first)."""
        return bisect_right(self._starts, position) - 1

    def first_of_block(self, number: int) -> int:
        """The first unit in a block or after it (``len(self)`` if none)."""
        return bisect_left(self._blocks, number)

    def index_at(self, y: float) -> int:
        """The last unit whose reading-axis start is at or above ``y`` (0 above the first).

        The block holding ``y`` is found by galloping from the block of the last answer
        (scrolling moves a little at a time), comparing block tops: each one asked lays
        the text out down to it, so a search never lays out more than twice as far as
        it goes. Qt's own hit test is not used: while the text is being laid out in
        steps it answers with places that are not there yet. The units of that block
        and its neighbours are then compared exactly."""
        if not self.spans:
            return -1
        block = self._block_at(y, self._blocks[self._hint])
        i = max(0, min(len(self.spans) - 1, bisect_left(self._blocks, block)))
        last = len(self.spans) - 1
        while i < last and self.axis(i + 1)[0] <= y:
            i += 1
        while i > 0 and self.axis(i)[0] > y:
            i -= 1
        self._hint = i
        return i

    def _top(self, number: int) -> float:
        doc = self.document
        return doc.documentLayout().blockBoundingRect(doc.findBlockByNumber(number)).top()

    def _block_at(self, y: float, start: int) -> int:
        """The last block whose top is at or above ``y`` (0 if none), searched from ``start``."""
        count = self.document.blockCount()
        start = max(0, min(count - 1, start))
        if self._top(start) <= y:
            low, step = start, 1  # low's top is at or above y: gallop down the text
            while low + step < count and self._top(low + step) <= y:
                low, step = low + step, step * 2
            high = min(count, low + step)  # exclusive; its top (if any) is below y
        else:
            high, step = start, 1  # high's top is below y: gallop up
            while high - step > 0 and self._top(high - step) > y:
                high, step = high - step, step * 2
            low = max(0, high - step)
            if self._top(low) > y:
                return 0
        while high - low > 1:
            middle = (low + high) // 2
            if self._top(middle) <= y:
                low = middle
            else:
                high = middle
        return low

    def visible(self, top: float, bottom: float) -> range:
        """The units that may be drawn between two heights (a few more at each end)."""
        if not self.spans:
            return range(0)
        first = self.index_at(top)
        last = self.index_at(bottom)
        return range(max(0, first - 1), min(len(self.spans), last + 2))


class ExtentView(Mapping[str, Extent]):
    """unit id → extent, measured when looked up (what ``pane.extents()`` returns)."""

    def __init__(self, geometry: UnitGeometry, axis: bool):
        self._geometry = geometry
        self._get = geometry.axis if axis else geometry.line

    def __getitem__(self, unit_id: str) -> Extent:
        return self._get(self._geometry.order[unit_id])

    def __contains__(self, unit_id: object) -> bool:
        return unit_id in self._geometry.order

    def __iter__(self) -> Iterator[str]:
        return iter(self._geometry.order)

    def __len__(self) -> int:
        return len(self._geometry.order)


def _fraction(line, relative: int) -> float:
    """How far across its line a position is (0 at the line's start, 1 at its end)."""
    x = line.cursorToX(relative)
    x = x[0] if isinstance(x, tuple) else x
    width = max(1.0, line.naturalTextWidth())
    return min(1.0, max(0.0, (x - line.x()) / width))
