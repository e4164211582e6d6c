"""Where a line of one pane sits in the other: the pure mapping behind synchronized scrolling.

Each pane reports the vertical extent of every unit it shows (``top``, ``bottom`` in
document pixels). Every pair of units (side A's units, side B's units: from an
alignment link between a Chinese and a Korean text, or between two versions of one
text) pairs the extent of the units on the left with the extent of those on the right. Those pairs, in reading order,
are the breakpoints of a monotone piecewise-linear function from one pane's y to the
other's:

- inside a linked pair, y is interpolated, so a long Korean sentence scrolls slowly
  against a short Chinese one and both reach their ends together;
- a unit with no counterpart lies between two breakpoints whose other-side y is the
  same, so the other pane holds still while the reader passes it.

No widgets here: the sync controller asks this map, and tests check it directly.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from ..model import AlignmentLink

Extent = tuple[float, float]

#: Units of the left side and the units of the right side that say the same.
Pair = tuple[Sequence[str], Sequence[str]]


def units_in(link: AlignmentLink, lang: str) -> list[str]:
    """The units of one language of an alignment link."""
    return list(link.zh_ids if lang == "zh" else link.ko_ids if lang == "ko" else [])


def pairs_from_links(links: Iterable[AlignmentLink], left_lang: str, right_lang: str) -> list[Pair]:
    """The pairs of a Chinese–Korean alignment for the sides showing ``left_lang`` and ``right_lang``."""
    return [(units_in(link, left_lang), units_in(link, right_lang)) for link in links]


@dataclass(frozen=True)
class Breakpoint:
    """A y in the left pane that corresponds exactly to a y in the right pane."""

    left: float
    right: float


def _span(ids: Iterable[str], extents: Mapping[str, Extent]) -> Extent | None:
    found = [extents[i] for i in ids if i in extents]
    if not found:
        return None
    return min(top for top, _ in found), max(bottom for _, bottom in found)


class SyncMap:
    """A monotone piecewise-linear map between the y of two panes (left and right side)."""

    def __init__(self, points: Sequence[Breakpoint], left_height: float, right_height: float):
        self._left = [p.left for p in points]
        self._right = [p.right for p in points]
        self.left_height = left_height
        self.right_height = right_height

    @classmethod
    def build(
        cls,
        pairs: Iterable[Pair],
        left_extents: Mapping[str, Extent],
        right_extents: Mapping[str, Extent],
        left_height: float,
        right_height: float,
    ) -> SyncMap:
        points = [Breakpoint(0.0, 0.0)]
        for left_ids, right_ids in pairs:
            if not left_ids or not right_ids:
                continue
            left = _span(left_ids, left_extents)
            right = _span(right_ids, right_extents)
            if left is None or right is None:
                continue
            last = points[-1]
            # A link that would make the map go backwards (a correction pairing units
            # out of order) is skipped: scrolling must never reverse direction.
            if left[0] < last.left or right[0] < last.right:
                continue
            points.append(Breakpoint(left[0], right[0]))
            points.append(Breakpoint(max(left[1], left[0]), max(right[1], right[0])))
        end = Breakpoint(max(left_height, points[-1].left), max(right_height, points[-1].right))
        if end != points[-1]:
            points.append(end)
        return cls(points, left_height, right_height)

    @property
    def breakpoints(self) -> list[Breakpoint]:
        return [Breakpoint(a, b) for a, b in zip(self._left, self._right, strict=True)]

    def left_to_right(self, y: float) -> float:
        return _interpolate(self._left, self._right, y)

    def right_to_left(self, y: float) -> float:
        return _interpolate(self._right, self._left, y)

    def map(self, y: float, from_left: bool) -> float:
        return self.left_to_right(y) if from_left else self.right_to_left(y)


def _interpolate(xs: list[float], ys: list[float], x: float) -> float:
    """y at x on the polyline through (xs, ys); xs ascending (ties allowed)."""
    if x <= xs[0]:
        return ys[0] + (x - xs[0])
    if x >= xs[-1]:
        return ys[-1] + (x - xs[-1])
    i = bisect_right(xs, x) - 1
    x0, x1 = xs[i], xs[i + 1]
    y0, y1 = ys[i], ys[i + 1]
    if x1 <= x0:
        return y1
    return y0 + (y1 - y0) * (x - x0) / (x1 - x0)


class SideGeometry(Protocol):
    """What the lazy map needs of one side: the order of its units, their extents on the
    reading axis (measured when asked), the unit at a height, and the text's height."""

    @property
    def order(self) -> Mapping[str, int]: ...

    def extent(self, unit_id: str) -> Extent: ...

    def index_at(self, y: float) -> int: ...

    def height(self) -> float: ...


class LazySyncMap:
    """The same map as :class:`SyncMap`, with breakpoints measured only where it is asked.

    Which pairs make breakpoints depends on the order of their units only (a pair is
    kept when all its units come after those of the last pair kept, on both sides: the
    map never goes backwards), so that is settled once, without geometry. A breakpoint's
    place is measured when a lookup reaches it: a lookup starts at the pair next to the
    unit at the asked height and walks to the exact breakpoints around it, so scrolling
    anywhere in a long text measures only the text around the reading line, on each
    side. Tested equal to :class:`SyncMap` over real panes (tests/ui/test_lazy_geometry.py).
    """

    def __init__(self, pairs: Iterable[Pair], left: SideGeometry, right: SideGeometry):
        self.left = left
        self.right = right
        self._pairs: list[tuple[list[str], list[str]]] = []
        self._first: tuple[list[int], list[int]] = ([], [])  # per side: the first unit (order) of each pair
        last_left = last_right = -1
        for left_ids, right_ids in pairs:
            lefts = [i for i in left_ids if i in left.order]
            rights = [i for i in right_ids if i in right.order]
            if not lefts or not rights:
                continue
            left_order = [left.order[i] for i in lefts]
            right_order = [right.order[i] for i in rights]
            if min(left_order) <= last_left or min(right_order) <= last_right:
                continue
            self._pairs.append((lefts, rights))
            self._first[0].append(min(left_order))
            self._first[1].append(min(right_order))
            last_left, last_right = max(left_order), max(right_order)
        self._points: dict[int, Breakpoint] = {}

    def clear(self) -> None:
        """The geometry of a side changed: measure again when asked."""
        self._points.clear()

    def __len__(self) -> int:
        """How many breakpoints there are before the end point."""
        return 1 + 2 * len(self._pairs)

    def point(self, j: int) -> Breakpoint:
        """Breakpoint ``j`` (0: the origin; 2k+1, 2k+2: the top and bottom of pair k)."""
        found = self._points.get(j)
        if found is not None:
            return found
        if j == 0:
            found = Breakpoint(0.0, 0.0)
        else:
            lefts, rights = self._pairs[(j - 1) // 2]
            left = _measured(lefts, self.left)
            right = _measured(rights, self.right)
            if j % 2:
                found = Breakpoint(left[0], right[0])
            else:
                found = Breakpoint(max(left[1], left[0]), max(right[1], right[0]))
        self._points[j] = found
        return found

    def end(self) -> Breakpoint | None:
        """The end point (both texts' heights), or None where it adds nothing."""
        last = self.point(len(self) - 1)
        end = Breakpoint(max(self.left.height(), last.left), max(self.right.height(), last.right))
        return None if end == last else end

    def left_to_right(self, y: float) -> float:
        return self.map(y, from_left=True)

    def right_to_left(self, y: float) -> float:
        return self.map(y, from_left=False)

    def map(self, y: float, from_left: bool) -> float:
        def x(j: int) -> float:
            p = self.point(j)
            return p.left if from_left else p.right

        def out(p: Breakpoint) -> float:
            return p.right if from_left else p.left

        def inp(p: Breakpoint) -> float:
            return p.left if from_left else p.right

        if y <= 0.0:
            return y
        count = len(self)
        # Start next to the pair of the unit at y, then walk to the first breakpoint past y.
        side = self.left if from_left else self.right
        firsts = self._first[0 if from_left else 1]
        k = bisect_right(firsts, side.index_at(y)) - 1
        j = max(0, min(count - 1, 2 * k + 1))
        while j < count and x(j) <= y:
            j += 1
        while j > 1 and x(j - 1) > y:
            j -= 1
        if j < count:
            a, b = self.point(j - 1), self.point(j)
        else:
            last = self.point(count - 1)
            end = self.end()
            if end is None or y >= inp(end):
                tail = end or last
                return out(tail) + (y - inp(tail))
            a, b = last, end
        x0, x1 = inp(a), inp(b)
        if x1 <= x0:
            return out(b)
        return out(a) + (out(b) - out(a)) * (y - x0) / (x1 - x0)


def _measured(ids: Sequence[str], side: SideGeometry) -> Extent:
    extents = [side.extent(i) for i in ids]
    return min(top for top, _ in extents), max(bottom for _, bottom in extents)
