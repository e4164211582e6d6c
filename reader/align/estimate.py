"""What the aligner learns from each document before it aligns it.

No weight here was set on one document. From the document's own *confident pairs* —
a Chinese and a Korean sentence that are each other's nearest neighbour in meaning
near the expected place, with a clear margin over the runner-up, kept in the order of
both texts — come:

- the Korean length per Chinese character and the spread of that ratio (a translator
  who paraphrases gets a wider spread than one who translates clause by clause);
- what "the same meaning" and "unrelated" look like in cosine for this pair of texts,
  as the evidence (log-likelihood ratio) each cosine gives for a pair: unrelated from
  pairs taken at random, the same meaning from the confident pairs and then from the
  first pass's links (``meaning_evidence``), so a pairing that looks like chance costs
  more than leaving both units alone, and the meaning signal is scaled per document;
- the cost of leaving a sentence without counterpart: halfway between what a
  confident pair and an unrelated pair cost, so a sentence is left alone exactly when
  its best pairing looks more like chance than like a translation;
- the path a long block's search band follows.

Without the encoder (or with too few confident pairs) the ratio still comes from the
document's lengths and the rest from ``CostModel``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .anchors import heaviest_chain

#: Fewest confident pairs from which spreads and costs are estimated.
MIN_PAIRS = 8
#: Half-width (in units, beyond the length difference) of the window searched for pairs.
WINDOW = 60
#: Rows of cosines computed at a time.
_CHUNK = 256


@dataclass
class DocumentParameters:
    ratio: float
    length_sigma: float
    skip: float
    added: float
    cos_low: float = 0.15
    cos_high: float = 0.65
    #: Gale & Church's variance of the Korean length per Chinese length (probabilistic scoring).
    length_variance: float = 6.8
    #: Evidence (log-likelihood ratio) of each band of lexical agreement, learnt from a
    #: first pass (see ``lexical_evidence``); None before.
    lexical_llr: np.ndarray | None = None
    #: Confident pairs (zh index, ko index), increasing in both.
    pairs: list[tuple[int, int]] = field(default_factory=list)
    #: Evidence (log-likelihood ratio, true pair against chance) of each cosine of
    #: ``COSINE_GRID`` (see ``meaning_evidence``); None without the encoder.
    meaning_llr: np.ndarray | None = None
    #: The spread of the cosines of unrelated pairs.
    cos_spread: float = 0.1
    _table: tuple[np.ndarray, list[float]] | None = field(default=None, repr=False)
    _lines: tuple[np.ndarray, np.ndarray, np.ndarray] | None = field(default=None, repr=False)

    def meaning_evidence(self, cosine: np.ndarray) -> np.ndarray:
        """What a cosine says for (positive) or against a pair, in nats: ``np.interp``
        over ``COSINE_GRID``, but the grid is even, so each cosine finds its interval
        by one multiplication instead of a binary search, and the line of each interval
        (slope and intercept; flat below and above the grid) is looked up (a third of
        ``np.interp``'s time on the bead arrays of a long block)."""
        llr = self.meaning_llr
        assert llr is not None
        lines = self._lines
        if lines is None or lines[0] is not llr:
            slopes = np.diff(llr) / np.diff(COSINE_GRID)
            intercepts = llr[:-1] - slopes * COSINE_GRID[:-1]
            lines = self._lines = (
                llr,
                np.concatenate(([0.0], slopes, [0.0])),
                np.concatenate(([llr[0]], intercepts, [llr[-1]])),
            )
        x = np.asarray(cosine, dtype=np.float64)
        position = x * (1 / _GRID_STEP)
        position += 1 - _GRID_START / _GRID_STEP  # 0 below the grid, k + 1 in interval k
        line = position.astype(np.int64)
        out = np.take(lines[1], line, mode="clip")
        out *= x
        out += np.take(lines[2], line, mode="clip")
        return out

    def pair_evidence(self, cosine: float) -> float:
        """``meaning_evidence`` of one cosine, without numpy's per-call overhead (the
        grid is even, so the interpolation is two lookups)."""
        table = self._table
        if table is None or table[0] is not self.meaning_llr:
            assert self.meaning_llr is not None
            table = self._table = (self.meaning_llr, self.meaning_llr.tolist())
        values = table[1]
        position = (cosine - _GRID_START) / _GRID_STEP
        if position <= 0:
            return values[0]
        if position >= len(values) - 1:
            return values[-1]
        k = int(position)
        return values[k] + (values[k + 1] - values[k]) * (position - k)

    def distance(self, cosine: np.ndarray) -> np.ndarray:
        """vecalign's normalised distance: 1 - cosine against what unrelated sentences
        score (about 1 for them, 0 for identical meaning, never saturated, so a merged
        bead does not look better than the pairs it merges)."""
        return np.minimum(np.maximum((1.0 - cosine) / max(1e-3, 1.0 - self.cos_low), 0.0), 1.5)

    def meaning(self, cosine: np.ndarray) -> np.ndarray:
        """Cosine rescaled so that 0 is unrelated and 1 a typical translation (0..1)."""
        return np.minimum(np.maximum((cosine - self.cos_low) / max(1e-3, self.cos_high - self.cos_low), 0.0), 1.0)


def confident_pairs(zh: np.ndarray, ko: np.ndarray, margin: float = 0.05) -> tuple[list[tuple[int, int, float]], float]:
    """Mutual nearest neighbours (cosine) within a window around the diagonal, with
    ``margin`` over the second best on both sides, as (i, j, cosine) in a monotone
    chain; and the mean cosine over the window (what unrelated sentences score)."""
    n, m = len(zh), len(ko)
    if not n or not m:
        return [], 0.0
    half = abs(n - m) + WINDOW
    best_j = np.full(n, -1)
    best_cos = np.full(n, -1.0)
    second_cos = np.full(n, -1.0)
    col_best = np.full(m, -1.0)
    col_second = np.full(m, -1.0)
    col_arg = np.full(m, -1)
    total = count = 0.0
    for start in range(0, n, _CHUNK):
        rows = np.arange(start, min(n, start + _CHUNK))
        centre = rows * (m / n)
        low = max(0, int(centre.min()) - half)
        high = min(m, int(centre.max()) + half + 1)
        block = zh[rows] @ ko[low:high].T
        columns = np.arange(low, high)
        inside = np.abs(columns[None, :] - centre[:, None]) <= half
        block = np.where(inside, block, -1.0)
        total += float(block[inside].sum())
        count += int(inside.sum())
        order = np.argsort(-block, axis=1)
        best_j[rows] = columns[order[:, 0]]
        best_cos[rows] = block[np.arange(len(rows)), order[:, 0]]
        if block.shape[1] > 1:
            second_cos[rows] = block[np.arange(len(rows)), order[:, 1]]
        # the best and second best zh row of each column, merged over chunks
        top = np.argsort(-block, axis=0)
        first = block[top[0], np.arange(block.shape[1])]
        second = block[top[1], np.arange(block.shape[1])] if block.shape[0] > 1 else np.full(block.shape[1], -1.0)
        old_best, old_second = col_best[low:high], col_second[low:high]
        new_best = np.maximum(old_best, first)
        new_second = np.maximum(np.minimum(old_best, first), np.where(first > old_best, old_second, second))
        col_arg[low:high] = np.where(first > old_best, rows[top[0]], col_arg[low:high])
        col_best[low:high], col_second[low:high] = new_best, new_second
    candidates = []
    for i in range(n):
        j = int(best_j[i])
        if (
            j >= 0
            and col_arg[j] == i
            and best_cos[i] - second_cos[i] >= margin
            and col_best[j] - col_second[j] >= margin
        ):
            candidates.append((i, j, float(best_cos[i])))
    chain = set(heaviest_chain([(i, j, c) for i, j, c in candidates], m))
    unrelated = total / count if count else 0.0
    return [c for c in candidates if (c[0], c[1]) in chain], unrelated


def length_spread(zh_lengths: np.ndarray, ko_lengths: np.ndarray, ratio: float) -> float:
    """Spread (root mean square) of the log length deviations of confident pairs."""
    deviation = np.log((ko_lengths + 2 * ratio) / (ratio * (zh_lengths + 2)))
    return float(np.sqrt(np.mean(deviation**2)))


def length_model(zh_lengths: np.ndarray, ko_lengths: np.ndarray, floor: float, ceiling: float) -> tuple[float, float]:
    """Gale & Church's ratio and variance from the 1-1 links of a first pass: the ratio
    of their total lengths (sentences left out on one side do not count, as they do in
    the ratio of the whole texts), and the mean square of ``(ko - zh * ratio) /
    sqrt(mean * ratio)``, kept within [floor, ceiling]. The mean, not a robust median:
    the lengths of a free translation have heavy tails, and a variance that ignores them
    forces its long sentences into merges."""
    ratio = float(ko_lengths.sum() / max(1.0, zh_lengths.sum()))
    mean = np.maximum((zh_lengths + ko_lengths / ratio) / 2, 1.0)
    squares = (ko_lengths - zh_lengths * ratio) ** 2 / (mean * ratio)
    return ratio, float(np.clip(np.mean(squares), floor, ceiling))


#: How many beads Gale & Church's rate of merged beads counts for against the
#: document's own (``merge_rate_costs``): a document of a hundred links weighs its own
#: rate and theirs equally, a short one mostly theirs.
MERGE_RATE_PRIOR = 100.0


def merge_rate_costs(
    shape_probability: dict[tuple[int, int], float], counts: dict[tuple[int, int], int], prior: float = MERGE_RATE_PRIOR
) -> dict[tuple[int, int], float]:
    """-log probability of each two-sided bead shape with the document's own rate of
    merges: of the first pass's two-sided links, the share that merge (1-2 … 4-1),
    smoothed toward Gale & Church's share as ``prior`` links would. The merged shapes
    keep Gale & Church's proportions among themselves (one rate is learnt, not one per
    shape: a shape seen once or twice would otherwise swing its cost by a nat or more),
    and one-sided shapes keep theirs, so leaving a unit alone costs what it did.

    A translator who splits long sentences (chess-prose: 12 of its 32 links merge)
    makes merges likelier than in Gale & Church's corpus (about one in five two-sided
    links), a faithful one (seed 000: 4 of 162) less likely."""
    two_sided = {shape: p for shape, p in shape_probability.items() if shape[0] and shape[1]}
    merged = [shape for shape in two_sided if shape != (1, 1)]
    mass = sum(two_sided.values())
    expected = sum(two_sided[shape] for shape in merged) / mass
    links = sum(counts.get(shape, 0) for shape in two_sided)
    observed = (sum(counts.get(shape, 0) for shape in merged) + prior * expected) / (links + prior)
    factor = {shape: observed / expected for shape in merged}
    factor[(1, 1)] = (1 - observed) / (1 - expected)
    return {shape: -float(np.log(p * factor[shape])) for shape, p in two_sided.items()}


#: Bands of the weighted Dice of two spans' anchors: none shared, then rising agreement.
DICE_EDGES = np.array([1e-9, 0.15, 0.3, 0.5, 0.7])


def lexical_evidence(linked: np.ndarray, chance: np.ndarray) -> np.ndarray:
    """What each band of lexical agreement says about a pair, as a log-likelihood
    ratio: how often the document's 1-1 links (``linked``: their Dice values) fall in
    the band against pairs taken at random (``chance``), both only where the two sides
    have anchors at all. In a faithful translation full of cognates, sharing nothing is
    rare for a true pair and counts strongly against a pair; in a free translation it
    counts little, and agreement is worth what it is worth in this document. Laplace-
    smoothed; never counted against a band that true pairs reach more often than chance."""
    bands = len(DICE_EDGES) + 1
    true_counts = np.bincount(np.digitize(linked, DICE_EDGES), minlength=bands) + 1.0
    chance_counts = np.bincount(np.digitize(chance, DICE_EDGES), minlength=bands) + 1.0
    llr = np.log((true_counts / true_counts.sum()) / (chance_counts / chance_counts.sum()))
    llr[1:] = np.maximum(llr[1:], 0.0)  # some agreement never counts against a pair
    return llr


#: Cosines at which the meaning evidence is tabulated (interpolated in between).
_GRID_START, _GRID_STEP = -0.3, 0.01
COSINE_GRID = _GRID_START + _GRID_STEP * np.arange(131)
#: Share of true pairs whose cosine looks like chance all the same (a name, a number,
#: a unit too short for the encoder): what bounds the evidence against a pair.
MEANING_OUTLIERS = 0.01
#: Evidence (nats) per spread of the true pairs' cosines that a cosine above the
#: typical translation's still earns. Past the true mean the ratio against chance is
#: spent, but the rival of a pairing there is seldom chance: it is the neighbouring
#: pairing, both looking like translations (the items of one feature list: 自定义闹钟标题
#: against 사용자 지정 가능한 알람 제목, cosine 0.68, and against the next item, 0.48),
#: and the closer one is the likelier. One nat per spread is the mildest unit that
#: lets it win; it never makes an unrelated pair look true.
BEYOND_TYPICAL = 1.0
#: The spread of either distribution is never taken below this (a handful of pairs).
MIN_COSINE_SPREAD = 0.03


def _log_normal(x: np.ndarray, mean: float, spread: float) -> np.ndarray:
    return -0.5 * ((x - mean) / spread) ** 2 - np.log(spread * np.sqrt(2 * np.pi))


def robust_spread(values: np.ndarray) -> float:
    """1.4826 median absolute deviations: the standard deviation of a normal sample,
    unmoved by a few outliers."""
    return float(1.4826 * np.median(np.abs(values - np.median(values))))


def meaning_evidence(
    linked: np.ndarray, chance: np.ndarray, rounds: int = 25
) -> tuple[np.ndarray, float, float, float]:
    """The log-likelihood ratio of each cosine of ``COSINE_GRID``: true pair against chance.

    ``chance`` are cosines of pairs taken at random (what unrelated sentences score in
    this document: a normal distribution, median and robust spread); ``linked`` the
    cosines of the document's links (a first pass, or its confident pairs), most of
    them true pairs but some not: a two-component mixture whose chance component is
    known, so expectation-maximisation finds the true component's mean and spread and
    ignores the wrong links. A true pair's cosine is taken as chance-like in
    ``MEANING_OUTLIERS`` of cases, which bounds the evidence against a pair (about
    -4.6 nats), and the evidence for a pair stops at what a typical translation
    scores (the true mean) but for ``BEYOND_TYPICAL``; the ratio never falls as the
    cosine rises."""
    chance_mean = float(np.median(chance)) if len(chance) else 0.15
    chance_spread = max(MIN_COSINE_SPREAD, robust_spread(chance)) if len(chance) else 0.1
    values = linked[np.isfinite(linked)]
    if not len(values):
        values = np.array([chance_mean + 0.5])
    upper = values[values >= np.median(values)]
    mean = float(np.mean(upper))
    spread = max(MIN_COSINE_SPREAD, float(np.std(values)))
    weight = 0.8
    chance_density = np.exp(_log_normal(values, chance_mean, chance_spread))
    for _ in range(rounds):
        true_density = weight * np.exp(_log_normal(values, mean, spread))
        share = true_density / np.maximum(true_density + (1 - weight) * chance_density, 1e-300)
        total = float(share.sum())
        if total < 1.0:
            break
        weight = float(np.clip(total / len(values), 0.05, 0.99))
        mean = float((share * values).sum() / total)
        spread = max(MIN_COSINE_SPREAD, float(np.sqrt((share * (values - mean) ** 2).sum() / total)))
    mean = max(mean, chance_mean + chance_spread)
    true_log = np.logaddexp(
        np.log1p(-MEANING_OUTLIERS) + _log_normal(COSINE_GRID, mean, spread),
        np.log(MEANING_OUTLIERS) + _log_normal(COSINE_GRID, chance_mean, chance_spread),
    )
    chance_log = np.logaddexp(
        np.log1p(-MEANING_OUTLIERS) + _log_normal(COSINE_GRID, chance_mean, chance_spread),
        np.log(MEANING_OUTLIERS) + _log_normal(COSINE_GRID, mean, spread),
    )
    llr = true_log - chance_log
    llr = np.minimum(llr, float(np.interp(mean, COSINE_GRID, llr)))
    llr = np.minimum.accumulate(llr[::-1])[::-1]
    llr = llr + BEYOND_TYPICAL * np.maximum(COSINE_GRID - mean, 0.0) / spread
    return llr, chance_mean, mean, chance_spread


def chance_cosines(zh: np.ndarray, ko: np.ndarray, sample: int = 2000) -> np.ndarray:
    """Cosines of pairs of units taken at random (a true pair among them is rare)."""
    if not len(zh) or not len(ko):
        return np.zeros(0)
    rng = np.random.default_rng(0)
    rows = rng.integers(0, len(zh), sample)
    columns = rng.integers(0, len(ko), sample)
    return np.einsum("ij,ij->i", zh[rows], ko[columns])
