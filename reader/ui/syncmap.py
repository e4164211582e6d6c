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
