"""The bead search with numpy: every bead cost of a block computed at once, then one
vectorised pass per Chinese row.

The dynamic programme is the one of ``aligner.search_block`` (same beads, same costs)
over a band of columns around the block's path: for a long block the band follows the
document's confident sentence pairs (see ``estimate``), so an omission of many
sentences does not push the path out of it. Costs of a shape (a, b) are arrays
``(rows, width)`` for the bead that *ends* at each cell. Within a row, Korean units
left alone (0-1 beads) depend on the cell to their left: that chain is a running
minimum (``cost[w] = min over k <= w of start[k] + (w - k) * added``), which numpy does
in one call. The Python path stays for blocks with one-sided pins.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np

from .estimate import DICE_EDGES

if TYPE_CHECKING:
    from .aligner import Bead, BeadScorer

#: Rows of Chinese spans multiplied against their band of Korean spans at a time.
_CHUNK = 128
#: A block of at most this many cells keeps every array that does not depend on what the
#: first pass learns (lengths, merge costs, lexical agreement, members' cosine shares)
#: for the second pass; a larger one keeps only the costliest (cosines, shared anchor
#: weights, anchor support), to bound memory (a 5,000-sentence band is 400,000 cells).
#: What is kept must not change between the passes: a merge cost (``BeadScorer.cumulative``)
#: or an anchor that the first pass learnt would have to leave these caches.
_KEEP_CELLS = 100_000
_INF = np.inf


def band_starts(n: int, m: int, width: int, centre: np.ndarray | None) -> np.ndarray:
    """First column of each row's band: the band of ``width`` columns around ``centre``
    (the expected Korean index of each row; the diagonal if None), inside 0..m."""
    rows = np.arange(n + 1)
    if centre is None:
        centre = rows * (m / max(n, 1))
    lo = np.rint(centre - width // 2).astype(np.int64)
    return _clamp(lo, 0, max(0, m + 1 - width))


class BlockCosts:
    """Bead costs over one block's band.

    What it keeps (cosines, anchor weights shared, the cells of each shape) depends on
    the units and the band only, not on the parameters a first pass learns, so the
    scorer keeps one per block (``of_block``) and the second pass reuses it."""

    def __init__(self, scorer: BeadScorer, i0: int, i1: int, j0: int, j1: int, lo: np.ndarray, width: int):
        self.scorer = scorer
        self.i0, self.j0 = i0, j0
        self.n, self.m = i1 - i0, j1 - j0
        self.lo, self.width = lo, width
        self.columns = lo[:, None] + np.arange(width)[None, :]  # ko index (block) of each cell
        self._cos: dict[tuple[int, int], np.ndarray] = {}
        self._cells: dict[tuple[int, int], tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
        self._shared: dict[tuple[int, int], np.ndarray] = {}
        self._row_back: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        self._members: dict[tuple[int, int, str, int], np.ndarray] = {}
        self._starts: tuple[tuple[tuple[int, int], ...], np.ndarray] | None = None
        self._support: dict[tuple[int, int, str], np.ndarray] = {}
        self._keep_all = (self.n + 1) * width <= _KEEP_CELLS
        self._kept: dict[tuple, np.ndarray] = {}

    @classmethod
    def of_block(cls, scorer: BeadScorer, i0: int, i1: int, j0: int, j1: int, lo: np.ndarray, width: int) -> BlockCosts:
        """The scorer's costs of this block and band, made on first use."""
        key = (i0, i1, j0, j1, width, lo.tobytes())
        found = scorer.block_costs.get(key)
        if found is None:
            found = scorer.block_costs[key] = cls(scorer, i0, i1, j0, j1, lo, width)
        return found

    def start_cells(self, shapes: list[tuple[int, int]]) -> np.ndarray:
        """For each shape and cell, the flat index of the cell the bead starts from
        (row i - a, ``b`` Korean units to the left), or of the sentinel cell after the
        last row where the start lies outside the band or the block."""
        key = tuple(shapes)
        if self._starts is None or self._starts[0] != key:
            n, m, lo, width = self.n, self.m, self.lo, self.width
            rows = np.arange(n + 1)
            starts = np.empty((len(shapes), n + 1, width), dtype=np.int64)
            for k, (a, b) in enumerate(shapes):
                source = _clamp(rows - a, 0, n)
                shift = self.columns - b - lo[source][:, None]
                ok = (rows[:, None] >= a) & (shift >= 0) & (shift < width) & (self.columns <= m)
                starts[k] = np.where(ok, source[:, None] * width + shift, (n + 1) * width)
            self._starts = (key, starts)
        return self._starts[1]

    def kept(self, key: tuple, make: Callable[[], np.ndarray]) -> np.ndarray:
        """``make()``, remembered for the second pass if the block is small enough."""
        if not self._keep_all:
            return make()
        found = self._kept.get(key)
        if found is None:
            found = self._kept[key] = make()
        return found

    def span_cells(self, a: int, b: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """For beads (a, b) ending at each cell: zh start, ko start (global, 0 where
        the bead does not fit) and whether it fits."""
        key = (a, b)
        if key not in self._cells:
            rows = np.arange(self.n + 1)[:, None]
            valid = (rows >= a) & (self.columns >= b) & (self.columns <= self.m)
            zs = np.where(valid, self.i0 + rows - a, 0)
            ks = np.where(valid, self.j0 + self.columns - b, 0)
            self._cells[key] = (zs, ks, valid)
        return self._cells[key]

    def cosine(self, a: int, b: int) -> np.ndarray:
        """Cosine of the zh span (a units) and ko span (b units) of every bead (a, b)."""
        key = (a, b)
        if key in self._cos:
            return self._cos[key]
        zh_spans = self.scorer.span_vectors("zh", a)
        ko_spans = self.scorer.span_vectors("ko", b)
        out = np.zeros(self.columns.shape, dtype=np.float32)
        n_zh, n_ko = len(zh_spans), len(ko_spans)
        for start in range(0, self.n + 1, _CHUNK):
            rows = np.arange(start, min(self.n + 1, start + _CHUNK))
            zs = self.i0 + rows - a
            ks = self.j0 + self.columns[rows] - b
            low, high = int(ks.min()), int(ks.max())
            low, high = max(0, low), min(n_ko - 1, high)
            if high < low:
                continue
            zs_ok = _clamp(zs, 0, n_zh - 1)
            block = zh_spans[zs_ok] @ ko_spans[low : high + 1].T
            local = _clamp(ks - low, 0, high - low)
            out[rows] = np.take_along_axis(block, local, axis=1)
        self._cos[key] = out
        return out

    def lexical(self, a: int, b: int) -> np.ndarray:
        """Weighted Dice of the anchors of the zh and ko spans of every bead (a, b)."""
        shared = self.shared(a, b)
        index = self.scorer.anchor_index
        zs, ks, valid = self.span_cells(a, b)
        total_weight = index.span_weight("zh", a)[zs] + index.span_weight("ko", b)[ks]
        with np.errstate(invalid="ignore", divide="ignore"):
            dice = np.where(total_weight > 0, 2.0 * shared / total_weight, 0.0)
        return np.where(valid, dice, 0.0)

    def coverage(self, a: int, b: int, lang: str) -> np.ndarray:
        """Share of the anchor weight of the one-unit side (``lang``) of beads (1, b) or
        (a, 1) found on the other side (0 where it has no anchors)."""
        shared = self.shared(a, b)
        index = self.scorer.anchor_index
        zs, ks, valid = self.span_cells(a, b)
        own = index.span_weight("zh", 1)[zs] if lang == "zh" else index.span_weight("ko", 1)[ks]
        with np.errstate(invalid="ignore", divide="ignore"):
            share = np.where(own > 0, shared / own, 0.0)
        return np.where(valid, share, 0.0)

    def shared(self, a: int, b: int) -> np.ndarray:
        """Anchor weight shared by the zh and ko spans of every bead (a, b)."""
        key = (a, b)
        if key in self._shared:
            return self._shared[key]
        index = self.scorer.anchor_index
        shared: np.ndarray = np.zeros((self.n + 1) * self.width, dtype=np.float64)
        zt, zspan = index.occurrences("zh", a)
        _, kspan, kkeys = index.keyed("ko", b)
        # zh span starts that can end a bead in this block
        first = np.searchsorted(zspan, self.i0)
        last = np.searchsorted(zspan, self.i0 + self.n - a, side="right")
        zt, zspan = zt[first:last], zspan[first:last]
        if len(zt) and len(kkeys):
            row = zspan - self.i0 + a
            lo_ko = self.j0 + self.lo[row] - b  # ko span starts covered by the row's band
            stride = index.stride
            left = np.searchsorted(kkeys, zt * stride + np.maximum(lo_ko, 0))
            right = np.searchsorted(kkeys, zt * stride + lo_ko + self.width - 1, side="right")
            counts = right - left
            total = int(counts.sum())
            if total:
                # Hit h of a zh occurrence is the ko occurrence left + (h - its first hit),
                # of the same anchor; its cell is the row's band offset plus the ko start.
                hits = np.arange(total) + np.repeat(left - (np.cumsum(counts) - counts), counts)
                cells = np.repeat(row * self.width - self.lo[row] + (b - self.j0), counts) + kspan[hits]
                weights = np.repeat(index.weights[zt], counts)
                shared = np.bincount(cells, weights=weights, minlength=len(shared))
        self._shared[key] = shared.reshape(self.n + 1, self.width)
        return self._shared[key]

    def bead_costs(self, a: int, b: int) -> tuple[np.ndarray, np.ndarray]:
        """(cost, similarity) arrays of beads (a, b) with a, b >= 1 ending at each cell."""
        scorer = self.scorer
        params = scorer.params
        zs_ok, ks_ok, valid = self.span_cells(a, b)
        zh_len = scorer.cumulative["zh_length"]
        ko_len = scorer.cumulative["ko_length"]
        zl = self.kept(("zh_length", a, b), lambda: zh_len[zs_ok + a] - zh_len[zs_ok])
        kl = self.kept(("ko_length", a, b), lambda: ko_len[ks_ok + b] - ko_len[ks_ok])
        ratio = params.ratio
        if scorer.probabilistic:
            return self._probabilistic_costs(a, b, zl, kl, valid)
        deviation = np.log((kl + 2 * ratio) / (ratio * (zl + 2)))
        quality = deviation * deviation / (2 * params.length_sigma**2)
        if a > 1:
            quality = quality + _span_sum(scorer.cumulative["zh_merge"], zs_ok, a)
        if b > 1:
            quality = quality + _span_sum(scorer.cumulative["ko_merge"], ks_ok, b)
        lexical = self.lexical(a, b)
        similarity = lexical
        quality = quality + scorer.model.lexical_weight * (1.0 - lexical)
        scale = (a + b) / 2
        if scorer.vectors is None:
            # Without the encoder, each merged unit must bring anchors the other side holds.
            if a > 1:
                quality = quality + self._anchor_support(a, b, "zh")
            if b > 1:
                quality = quality + self._anchor_support(a, b, "ko")
        cost = quality * scale + scorer.priors[(a, b)]
        if scorer.vectors is not None:
            # As in vecalign, the meaning term grows with the product of the two
            # sides' unit counts: a merged bead must mean much more than its parts.
            cosine = self.cosine(a, b)
            distance = scorer.model.meaning_weight * params.distance(cosine)
            cost = cost + (distance + self._member_penalty(a, b)) * (a * b)
            similarity = np.maximum(lexical, params.meaning(cosine))
        return np.where(valid, cost, _INF), similarity

    def _probabilistic_costs(self, a: int, b: int, zl: np.ndarray, kl: np.ndarray, valid: np.ndarray):
        """``BeadScorer.probabilistic_cost`` of every bead (a, b) of the band."""
        scorer = self.scorer
        model, ratio = scorer.model, scorer.params.ratio
        zs_ok, ks_ok, _ = self.span_cells(a, b)
        scale = (a + b) / 2
        mean = (zl + kl / ratio) / 2
        delta = np.abs(kl - zl * ratio) / np.sqrt(np.maximum(mean, 1e-9) * scorer.params.length_variance * ratio)
        cost = scorer.priors[(a, b)] + np.minimum(-log_erfc(delta / np.sqrt(2)), -np.log(1e-12))
        for lang, starts, count in (("zh", zs_ok, a), ("ko", ks_ok, b)):
            if count > 1:

                def merge(lang: str = lang, starts: np.ndarray = starts, count: int = count) -> np.ndarray:
                    merged = _span_sum(scorer.cumulative[f"{lang}_merge"], starts, count)
                    return (merged + _span_sum(scorer.cumulative[f"{lang}_cross"], starts + 1, count - 1)) * scale

                cost = cost + self.kept((f"{lang}_merge", a, b), merge)
        if a > 1:
            cost = cost + self._anchor_support(a, b, "zh") * scale
        if b > 1:
            cost = cost + self._anchor_support(a, b, "ko") * scale
        similarity = self.kept(("lexical", a, b), lambda: self.lexical(a, b))
        llr = scorer.params.lexical_llr
        if llr is None:
            cost = cost - model.lexical_evidence * similarity * scale
        else:
            index = scorer.anchor_index

            def both_sides() -> np.ndarray:
                return (index.span_weight("zh", a)[zs_ok] > 0) & (index.span_weight("ko", b)[ks_ok] > 0)

            both = self.kept(("both", a, b), both_sides)
            band = self.kept(("dice_band", a, b), lambda: np.searchsorted(DICE_EDGES, similarity, side="right"))
            evidence = llr[band]
            cost = cost - np.where(both, evidence, 0.0) * scale
        if scorer.vectors is not None:
            cost = cost - self.meaning_evidence(a, b)
            similarity = np.maximum(similarity, scorer.params.meaning(self.cosine(a, b)))
        if not self._keep_all:
            self._members.clear()
        return np.where(valid, cost, _INF), similarity

    def meaning_evidence(self, a: int, b: int) -> np.ndarray:
        """``BeadScorer.meaning_evidence`` of every bead (a, b) of the band: the
        evidence of the two spans' cosine, or of its weakest merged member if that is
        higher, less half the evidence against each member of a merged side on its own
        (its cosine divided by the square root of its share of the side's length)."""
        scorer = self.scorer
        evidence = scorer.params.meaning_evidence
        whole = evidence(self.cosine(a, b))
        against = np.zeros_like(whole)
        weakest = np.full_like(whole, np.inf)
        for lang, count in (("zh", a), ("ko", b)):
            if count > 1:
                for k in range(count):
                    part = evidence(self.member_cosine(a, b, lang, k))
                    against = against + 0.5 * np.minimum(part, 0.0)
                    weakest = np.minimum(weakest, part)
        if a > 1 or b > 1:
            whole = np.maximum(whole, weakest)
        total = whole + against
        return total

    def member_cosine(self, a: int, b: int, lang: str, k: int) -> np.ndarray:
        """For beads (a, b): the cosine of member ``k`` of the ``lang`` side with the
        other span, divided by the square root of its share of its side's length, at most
        1 (``BeadScorer.meaning_evidence``). Kept while one shape is costed: the meaning
        evidence and the anchor support of a Korean member both read it."""
        key = (a, b, lang, k)
        found = self._members.get(key)
        if found is not None:
            return found
        zs, ks, _ = self.span_cells(a, b)
        starts, count = (zs, a) if lang == "zh" else (ks, b)
        cumulative = self.scorer.cumulative[f"{lang}_length"]
        span = self._members.get((a, b, lang, -1))
        if span is None:
            span = self._members[(a, b, lang, -1)] = np.maximum(_span_sum(cumulative, starts, count), 1.0)
        share = np.maximum(np.take(np.diff(cumulative), starts + k, mode="clip") / span, 1e-3)
        if lang == "zh":
            single = self.at_row(self.cosine(1, b), a - k - 1)
        else:
            single = self.at_column(self.cosine(a, 1), b - k - 1)
        found = self._members[key] = np.minimum(single / np.sqrt(share), 1.0)
        return found

    def at_row(self, table: np.ndarray, back: int) -> np.ndarray:
        """``table`` (a band array) read ``back`` rows up at the same Korean index, for
        every cell (0 where that row's band does not hold it)."""
        if back == 0:
            return table
        if back not in self._row_back:
            rows = np.arange(self.n + 1)
            source = _clamp(rows - back, 0, self.n)
            shift = self.columns - self.lo[source][:, None]
            inside = (shift >= 0) & (shift < self.width) & (rows[:, None] >= back)
            flat = source[:, None] * self.width + _clamp(shift, 0, self.width - 1)
            self._row_back[back] = (flat, inside)
        flat, inside = self._row_back[back]
        return np.where(inside, table.ravel().take(flat), 0.0)

    def at_column(self, table: np.ndarray, back: int) -> np.ndarray:
        """``table`` read ``back`` columns to the left in the same row (0 before the band)."""
        if back == 0:
            return table
        out = np.zeros_like(table)
        out[:, back:] = table[:, :-back]
        return out

    def _anchor_support(self, a: int, b: int, lang: str) -> np.ndarray:
        """``BeadScorer.merge_support_cost`` for every bead (a, b) at once: of the anchors
        each member of the merged side (``lang``) brings and its bead mates do not, the
        other span must hold a share. With all members' anchors ``All`` and a member's
        mates' ``M``, the member's own anchors weigh w(All) - w(M) and the other span
        holds w(All ∩ O) - w(M ∩ O) of them; for a middle member (of three or four units),
        whose mates lie on both sides, the spans before and after it are summed (an
        upper bound of their union). A Korean member of a bead (1, b) may support itself by
        its meaning, as in ``BeadScorer.merge_support_cost``."""
        scorer, index = self.scorer, self.scorer.anchor_index
        by_meaning = lang == "ko" and a == 1 and scorer.vectors is not None
        if not by_meaning and (a, b, lang) in self._support:
            return self._support[(a, b, lang)]  # anchors only: the same in both passes
        zs, ks, valid = self.span_cells(a, b)
        count = a if lang == "zh" else b
        starts = zs if lang == "zh" else ks

        def weight(size: int, offset: int) -> np.ndarray:
            return np.take(index.span_weight(lang, size), starts + offset, mode="clip")

        def shared(size: int, offset: int) -> np.ndarray:
            """Shared weight of the ``size`` members from ``offset`` with the other span."""
            if lang == "zh":
                return self.at_row(self.shared(size, b), a - size - offset)
            return self.at_column(self.shared(a, size), b - size - offset)

        meaning = None
        if by_meaning:

            def meaning(k: int) -> np.ndarray:
                return scorer.params.meaning(self.member_cosine(a, b, "ko", k))

        total_weight, total_shared = weight(count, 0), self.shared(a, b)

        def anchor_coverage(k: int) -> np.ndarray:
            """Share of member k's own anchors that the other span holds."""
            if k == 0 or k == count - 1:
                offset = 1 if k == 0 else 0
                mates_weight, mates_shared = weight(count - 1, offset), shared(count - 1, offset)
            else:
                mates_weight = weight(k, 0) + weight(count - k - 1, k + 1)
                mates_shared = shared(k, 0) + shared(count - k - 1, k + 1)
            own = np.maximum(total_weight - mates_weight, 0.0)
            held = np.maximum(total_shared - np.minimum(mates_shared, total_shared), 0.0)
            with np.errstate(invalid="ignore", divide="ignore"):
                return np.where(own > 1e-9, held / own, 0.5)

        weakest = np.ones(self.columns.shape)
        for k in range(count):
            if meaning is not None:
                coverage = self.kept(("coverage", a, b, k), functools.partial(anchor_coverage, k))
                coverage = np.maximum(coverage, meaning(k))
            else:
                coverage = anchor_coverage(k)
            weakest = np.minimum(weakest, coverage)
        model = scorer.model
        support = model.member_support if lang == "zh" else model.member_support_ko
        cost = np.where(valid, model.member_weight * np.maximum(0.0, support - weakest), 0.0)
        if not by_meaning:
            self._support[(a, b, lang)] = cost
        return cost

    def _member_penalty(self, a: int, b: int) -> np.ndarray:
        """Each unit merged into a bead must itself resemble the other side: the
        weakest member's meaning against the other span, below the support the model
        asks, costs ``member_weight`` per missing share. A member supports itself by
        meaning or by its cognates (a short clause scores low against a long sentence in
        meaning, but its Sino-Korean words are there)."""
        if a == 1 and b == 1:
            return np.zeros(self.columns.shape)
        params = self.scorer.params
        model = self.scorer.model
        weakest = np.ones(self.columns.shape)
        rows = np.arange(self.n + 1)
        if a > 1:
            # zh unit vs ko span (bead (1, b) ending at row u + 1): meaning or cognates
            single = np.maximum(params.meaning(self.cosine(1, b)), self.coverage(1, b, "zh"))
            for k in range(a):
                source = _clamp(rows - a + k + 1, 0, self.n)
                shift = self.columns - self.lo[source][:, None]
                inside = (shift >= 0) & (shift < self.width)
                values = np.take_along_axis(single[source], _clamp(shift, 0, self.width - 1), axis=1)
                weakest = np.minimum(weakest, np.where(inside, values, 0.0))
        if b > 1:
            single = np.maximum(params.meaning(self.cosine(a, 1)), self.coverage(a, 1, "ko"))  # same row
            for k in range(b):
                column = _clamp(np.arange(self.width) - b + k + 1, 0, self.width - 1)
                values = single[:, column]
                inside = (np.arange(self.width) - b + k + 1) >= 0
                weakest = np.minimum(weakest, np.where(inside[None, :], values, 0.0))
        return model.member_weight * np.maximum(0.0, model.meaning_support - weakest)


def log_erfc(x: np.ndarray) -> np.ndarray:
    """log erfc(x) for x >= 0 without underflow (Abramowitz & Stegun 7.1.26, error
    below 1.5e-7 of erfc), as ``math.erfc`` gives it one value at a time."""
    t = 1.0 / (1.0 + 0.3275911 * x)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    return np.log(poly) - x * x


def _clamp(values, low, high):
    """np.clip without its per-call overhead on small arrays."""
    return np.minimum(np.maximum(values, low), high)


def _span_sum(cumulative: np.ndarray, starts: np.ndarray, count: int) -> np.ndarray:
    return cumulative[starts + count] - cumulative[starts]


def search_block(scorer: BeadScorer, i0: int, i1: int, j0: int, j1: int) -> list[Bead]:
    """Cheapest bead path from (i0, j0) to (i1, j1), as ``aligner.search_block``."""
    from .aligner import BEADS, Bead

    n, m = i1 - i0, j1 - j0
    model, params = scorer.model, scorer.params
    if (n + 1) * (m + 1) <= model.full_search_cells:
        width = m + 1
        lo = np.zeros(n + 1, dtype=np.int64)
    else:
        width = min(m + 1, 2 * model.band + 1 + abs(n - m) // 4)
        lo = band_starts(n, m, width, scorer.band_centre(i0, i1, j0, j1))
    costs = BlockCosts.of_block(scorer, i0, i1, j0, j1, lo, width)
    shapes = [(a, b) for a, b in BEADS if a and b]
    shapes.append((1, 0))
    # Each shape's costs go straight into one array (no second copy of them all).
    bead_cost = np.empty((len(shapes), n + 1, width))
    similarities = []
    for k, (a, b) in enumerate(shapes[:-1]):
        bead_cost[k], agreement = costs.bead_costs(a, b)
        similarities.append(agreement)
    bead_cost[-1] = np.where(costs.columns <= m, params.skip, _INF)
    similarities.append(np.zeros((n + 1, width)))
    starts = costs.start_cells(shapes)
    sentinel = (n + 1) * width

    total = np.full(sentinel + 1, _INF)
    before_run = np.empty((n + 1, width))
    choice = np.empty((n + 1, width), dtype=np.int64)
    steps = np.arange(width) * params.added
    outside = costs.columns > m
    crossed = np.any(outside, axis=1).tolist()
    run = np.empty(width)
    for i in range(n + 1):
        candidates = total.take(starts[:, i])
        candidates += bead_cost[:, i]
        candidates.argmin(axis=0, out=choice[i])
        best = candidates.min(axis=0, out=before_run[i])
        if i == 0:
            best[0] = 0.0
        np.subtract(best, steps, out=run)
        np.minimum.accumulate(run, out=run)
        row = total[i * width : (i + 1) * width]
        np.add(run, steps, out=row)
        if crossed[i]:
            row[outside[i]] = _INF
    cells = total[:sentinel].reshape(n + 1, width)

    beads: list[Bead] = []
    i, w = n, m - int(lo[n])
    while i or lo[i] + w:
        j = int(lo[i] + w)
        k = int(choice[i, w])
        if cells[i, w] < before_run[i, w] - 1e-9:  # reached along a run of Korean units alone
            if w == 0:
                raise AssertionError("alignment band does not reach the end of the block")
            beads.append(Bead(i0 + i, 0, j0 + j - 1, 1, params.added, 0.0))
            w -= 1
            continue
        a, b = shapes[k]
        cost = float(bead_cost[k, i, w])
        similarity = float(similarities[k][i, w])
        beads.append(Bead(i0 + i - a, a, j0 + j - b, b, cost, similarity))
        flat = int(starts[k, i, w])
        i, w = divmod(flat, width)
    return beads[::-1]


class AnchorIndex:
    """The lexical anchors of every span of 1..4 units as sorted arrays, so that the
    shared anchor weight of all beads in a band is a few ``searchsorted`` calls."""

    def __init__(self, zh: list, ko: list, weights: dict[str, float]):
        names = sorted(weights)
        ids = {name: k for k, name in enumerate(names)}
        self.weights = np.array([weights[name] for name in names], dtype=np.float64)
        self.stride = max(len(zh), len(ko)) + 2
        self._units = {"zh": zh, "ko": ko}
        self._pairs: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        for lang, units in self._units.items():
            t = [ids[a] for u in units for a in u.anchors]
            s = [k for k, u in enumerate(units) for _ in u.anchors]
            self._pairs[lang] = (np.array(t, dtype=np.int64), np.array(s, dtype=np.int64))
        self._occ: dict[tuple[str, int], tuple[np.ndarray, np.ndarray]] = {}
        self._keyed: dict[tuple[str, int], tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
        self._span_weight: dict[tuple[str, int], np.ndarray] = {}

    def occurrences(self, lang: str, count: int) -> tuple[np.ndarray, np.ndarray]:
        """(anchor, span start) of every anchor in the union of each span of ``count``
        units, sorted by span start."""
        key = (lang, count)
        if key not in self._occ:
            t, s = self._pairs[lang]
            size = len(self._units[lang]) - count + 1
            ts = np.concatenate([t] * count) if count > 1 else t
            ss = np.concatenate([s - shift for shift in range(count)]) if count > 1 else s
            keep = (ss >= 0) & (ss < size)
            codes = np.sort(ss[keep] * (len(self.weights) + 1) + ts[keep])
            codes = codes[np.concatenate(([True], codes[1:] != codes[:-1]))] if len(codes) else codes
            self._occ[key] = (codes % (len(self.weights) + 1), codes // (len(self.weights) + 1))
        return self._occ[key]

    def keyed(self, lang: str, count: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The occurrences sorted by (anchor, span start), with their sort keys."""
        key = (lang, count)
        if key not in self._keyed:
            t, s = self.occurrences(lang, count)
            keys = t * self.stride + s
            order = np.argsort(keys, kind="stable")
            self._keyed[key] = (t[order], s[order], keys[order])
        return self._keyed[key]

    def span_weight(self, lang: str, count: int) -> np.ndarray:
        """Anchor weight of each span of ``count`` units."""
        key = (lang, count)
        if key not in self._span_weight:
            t, s = self.occurrences(lang, count)
            size = max(1, len(self._units[lang]) - count + 1)
            self._span_weight[key] = np.bincount(s, weights=self.weights[t], minlength=size)
        return self._span_weight[key]
