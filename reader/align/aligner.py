"""Sentence alignment of a bilingual document.

1. User pins are hard constraints. A two-sided pin splits the document into
   independent regions; a one-sided pin (units marked "not translated" or "added")
   holds its units alone inside its region, and the search decides where the other
   language passes it.
2. Inside a region, structural anchors (numbered parts and clauses, addressee,
   signature — see ``anchors``) split it into blocks.
3. Inside a block, dynamic programming over beads (0-1, 1-0, 1-1, 1-2, 2-1, 2-2, 1-3,
   3-1, 1-4, 4-1) finds the cheapest path; long blocks are searched in a band around their
   diagonal, so the cost stays near-linear in the length of the document.

A bead's cost adds a length term (Korean length against the expected ratio, on a
log scale) and a lexical term (weighted agreement of Sino-Korean readings, numbers and
quoted titles, see ``features``), both counted per unit so that merging is never
cheaper by itself, plus a small prior against rarer bead shapes. A unit left without
counterpart pays a fixed cost. A Korean translator's note ((역주: …)) is Korean-only by
definition: it is set aside before the search and linked to nothing.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from ..model import AlignmentLink, Document, Segment
from . import banded
from .anchors import clause_openers, find_anchors
from .confidence import REVIEW_BELOW
from .embeddings import Vectors, normalised, shared_encoder, single_blas_thread, unit_vectors
from .estimate import (
    DICE_EDGES,
    MIN_PAIRS,
    DocumentParameters,
    chance_cosines,
    confident_pairs,
    length_model,
    length_spread,
    lexical_evidence,
    meaning_evidence,
    merge_rate_costs,
)
from .features import DocumentFeatures, document_features, is_translator_note

#: Evidence given to headings that share a number but no wording to compare.
ANCHOR_AGREEMENT = 0.15
#: Lines that stand alone in every translation: never merged with a neighbour.
STANDALONE_KINDS = frozenset({"title", "doc_number", "addressee", "signature", "date"})
HEADING_KINDS = frozenset({"part", "clause", "item"})
#: One-sided pins: for each language, the first unit of each pin → its number of units.
LonePins = dict[str, dict[int, int]]


BEADS: tuple[tuple[int, int], ...] = (
    (1, 1),
    (1, 0),
    (0, 1),
    (1, 2),
    (2, 1),
    (2, 2),
    (1, 3),
    (3, 1),
    (1, 4),
    (4, 1),
)


@dataclass(frozen=True)
class CostModel:
    """Weights of the bead cost; the defaults were set on seed 000 and its variants."""

    # Without the encoder, or for a document too short to estimate them from (see
    # ``estimate``): the spread of log(Korean length / expected length) and the cost of a
    # Chinese (skip) and a Korean (added) unit left without counterpart.
    length_sigma: float = 0.26
    skip: float = 2.2
    added: float = 3.0
    min_sigma: float = 0.2  # an estimated length spread is never taken below this
    lexical_weight: float = 3.0  # cost of a unit pair whose anchors share nothing
    meaning_weight: float = 3.0  # cost of a unit pair whose meaning is unrelated (encoder)
    meaning_support: float = 0.3  # meaning each member of a merged bead must share with the other side
    member_support: float = 0.5  # share of a merged unit's anchors the other side must hold
    member_support_ko: float = 0.25  # the same for a Korean unit (long sentences are split freely)
    member_weight: float = 8.0  # cost per missing share of that support
    heading_merge: float = 0.8  # a heading merged with its neighbour (lost paragraph breaks)
    priors: tuple[tuple[tuple[int, int], float], ...] = (
        ((1, 1), 0.0),
        ((1, 2), 0.6),
        ((2, 1), 0.6),
        ((2, 2), 1.4),
        ((1, 3), 1.4),
        ((3, 1), 1.4),
        ((1, 4), 2.2),
        ((4, 1), 2.2),
    )
    full_search_cells: int = 250_000  # blocks up to this n*m are searched without a band
    python_search_cells: int = 120  # blocks up to this size are searched faster in Python
    band: int = 40  # half-width of the band around a long block's diagonal, in units
    #: A link below this confidence is shown to the reviewer.
    review_below: float = REVIEW_BELOW
    #: "probabilistic": Gale & Church's length model with lexical evidence (below);
    #: "weighted": the weighted sum above (length, lexical, member support).
    scoring: str = "probabilistic"
    #: Gale & Church (1993): the variance of the Korean length per Chinese length, and
    #: the probability of each bead shape (theirs; 1-3 and 3-1 are ours, rarer than 2-2;
    #: 1-4 and 4-1, rarer still, for a long sentence the other language splits four ways).
    length_variance: float = 6.8
    #: The document's own variance (from a first pass) is kept between this and
    #: ``length_variance``: below a third of Gale & Church's, two neighbouring sentences
    #: of slightly unusual lengths would be merged to even out their lengths.
    min_variance: float = 2.0
    estimate_length: bool = True
    shape_probability: tuple[tuple[tuple[int, int], float], ...] = (
        ((1, 1), 0.89),
        ((1, 0), 0.0099),
        ((0, 1), 0.0099),
        ((1, 2), 0.089),
        ((2, 1), 0.089),
        ((2, 2), 0.011),
        ((1, 3), 0.005),
        ((3, 1), 0.005),
        ((1, 4), 0.002),
        ((4, 1), 0.002),
    )
    #: Evidence of agreeing anchors, per unit of the bead, at full (weighted Dice 1) agreement.
    lexical_evidence: float = 3.0


DEFAULT_MODEL = CostModel()


@dataclass(slots=True)
class Bead:
    i: int  # first zh unit (index into the document's zh units)
    a: int  # number of zh units
    j: int
    b: int
    cost: float = 0.0
    similarity: float = 0.0
    pinned: bool = False
    anchored: bool = False


class BeadScorer:
    """Bead costs over one document's units, with the anchor sets of spans cached."""

    def __init__(
        self,
        zh: Sequence[Segment],
        ko: Sequence[Segment],
        features: DocumentFeatures,
        model: CostModel,
        lone: LonePins | None = None,
        vectors: tuple[np.ndarray, np.ndarray] | None = None,
    ):
        self.zh, self.ko, self.features, self.model = zh, ko, features, model
        #: Unit vectors of both languages (rows in unit order), or None without the encoder.
        self.vectors = vectors
        self.lone: LonePins = lone or {"zh": {}, "ko": {}}
        #: Sentences that open their numbered clause (``anchors.clause_openers``).
        self.openers: dict[str, tuple[str, str]] = {}
        # For each unit, the (start, count) of the one-sided pin holding it, if any.
        self._lone_group: dict[str, list[tuple[int, int] | None]] = {}
        for lang, units in (("zh", zh), ("ko", ko)):
            groups: list[tuple[int, int] | None] = [None] * len(units)
            for start, count in self.lone[lang].items():
                groups[start : start + count] = [(start, count)] * count
            self._lone_group[lang] = groups
        self._has_lone = bool(self.lone["zh"] or self.lone["ko"])
        self.probabilistic = model.scoring == "probabilistic"
        if self.probabilistic:
            self.priors = {shape: -math.log(p) for shape, p in model.shape_probability}
        else:
            self.priors = dict(model.priors)
        self._spans: dict[tuple[str, int, int], tuple[int, frozenset[str], float]] = {}
        self._merge_cost = {
            lang: [
                math.inf if s.kind in STANDALONE_KINDS else model.heading_merge if s.kind in HEADING_KINDS else 0.0
                for s in units
            ]
            for lang, units in (("zh", zh), ("ko", ko))
        }
        # Prefix sums for the vectorised search (a standalone unit's merge cost is finite
        # there but prohibitive, so that sums of spans stay defined).
        self.cumulative = {
            f"{lang}_length": np.concatenate(([0], np.cumsum([u.length for u in units]))).astype(np.float64)
            for lang, units in (("zh", features.zh), ("ko", features.ko))
        }
        for lang, costs in self._merge_cost.items():
            finite = np.minimum(np.array(costs, dtype=np.float64), 1e6)
            self.cumulative[f"{lang}_merge"] = np.concatenate(([0.0], np.cumsum(finite)))
        # A unit merged with the one before it across a paragraph or item boundary (the
        # last sentence of an item and the next item): in probabilistic scoring as rare
        # as a unit without counterpart (the gold links of the evaluation corpus merge
        # across a paragraph once in 90 merges; the search did seven times with the
        # cost of merging a heading), in weighted scoring that cost.
        crossing = self.priors[(1, 0)] if self.probabilistic else model.heading_merge
        self._crossing = {lang: _crossings(units, crossing) for lang, units in (("zh", zh), ("ko", ko))}
        for lang, costs in self._crossing.items():
            self.cumulative[f"{lang}_cross"] = np.concatenate(([0.0], np.cumsum(costs)))
        self._span_vectors: dict[tuple[str, int], np.ndarray] = {}
        self._cosines: dict[tuple[int, int, int, int], float] = {}
        self._anchor_index: banded.AnchorIndex | None = None
        #: The numpy search's arrays of each block, kept from the first pass for the second.
        self.block_costs: dict[tuple, banded.BlockCosts] = {}
        self._bound_key: tuple[np.ndarray | None, np.ndarray | None] | None = None
        self._bound = (0.0, 0.0)
        self._chance: np.ndarray | None = None
        self.params = self._estimate()
        self._two_sigma_sq = 2 * self.params.length_sigma**2

    @property
    def anchor_index(self) -> banded.AnchorIndex:
        if self._anchor_index is None:
            self._anchor_index = banded.AnchorIndex(self.features.zh, self.features.ko, self.features.weights)
        return self._anchor_index

    def span_vectors(self, lang: str, count: int) -> np.ndarray:
        """Normalised sum of the vectors of each span of ``count`` units (row = start)."""
        key = (lang, count)
        if key not in self._span_vectors:
            assert self.vectors is not None
            units = self.vectors[0] if lang == "zh" else self.vectors[1]
            if len(units) < count:
                spans = np.zeros((1, units.shape[1]), np.float32)
            else:
                spans = units[: len(units) - count + 1].copy()
                for shift in range(1, count):
                    spans += units[shift : len(units) - count + 1 + shift]
            self._span_vectors[key] = normalised(spans) if count > 1 else units
        return self._span_vectors[key]

    def cosine(self, i: int, a: int, j: int, b: int) -> float:
        """Cosine of the normalised sums of two spans' vectors (remembered: the search
        asks for each member of a merge again and again)."""
        key = (i, a, j, b)
        found = self._cosines.get(key)
        if found is None:
            found = self._cosines[key] = float(self.span_vectors("zh", a)[i] @ self.span_vectors("ko", b)[j])
        return found

    def meaning_evidence(self, i: int, a: int, j: int, b: int) -> float:
        """What the meaning of two spans says for their bead, in nats (see
        ``estimate.meaning_evidence``): the evidence of the two spans' cosine, once per
        bead (a merge earns no more than the pair it extends), less half the evidence
        against each member of a merged side that, on its own, looks unrelated to the
        other span, so an unrelated sentence does not hide in its neighbour's bead.

        A member carries only its share of the meaning: if the vectors of a span's parts
        added up, a part holding a share ``s`` of the span's length would score about
        ``sqrt(s)`` times the whole's cosine, so its cosine is divided by ``sqrt(s)``
        before it is judged (a third of a long sentence, split off by the translator, is
        not taken for an unrelated sentence).

        A merged bead counts at least the evidence of its weakest member: the cosine of a
        summed span is fitted on 1-1 pairs and reads low for three short Korean sentences
        against one long Chinese one (chess-prose: 0.40, "chance", while each part on its
        share reads 0.51–0.67, all "true"), so the right 1-3 lost to a path that left
        one part alone and shifted the next bead by one. Only the weakest member counts,
        so one unrelated member still sinks the bead."""
        evidence = self.params.pair_evidence

        def part(cosine: float, share: float) -> float:
            return evidence(min(1.0, cosine / math.sqrt(max(share, 1e-3))))

        whole = evidence(self.cosine(i, a, j, b))
        zh_parts: list[float] = []
        ko_parts: list[float] = []
        if a > 1:
            total = max(1, self.span("zh", i, a)[0])
            zh_parts = [part(self.cosine(i + k, 1, j, b), self.span("zh", i + k, 1)[0] / total) for k in range(a)]
        if b > 1:
            total = max(1, self.span("ko", j, b)[0])
            ko_parts = [part(self.cosine(i, a, j + k, 1), self.span("ko", j + k, 1)[0] / total) for k in range(b)]
        parts = zh_parts + ko_parts
        if parts:
            whole = max(whole, min(parts))
        return whole + 0.5 * sum(min(0.0, x) for x in parts)

    def meaning(self, i: int, a: int, j: int, b: int) -> float:
        """Meaning shared by two spans (0 unrelated .. 1 a typical translation)."""
        params = self.params
        rescaled = (self.cosine(i, a, j, b) - params.cos_low) / max(1e-3, params.cos_high - params.cos_low)
        return min(1.0, max(0.0, rescaled))

    def distance(self, i: int, a: int, j: int, b: int) -> float:
        """Normalised meaning distance of two spans (see ``DocumentParameters.distance``)."""
        zh_span, ko_span = self.span_vectors("zh", a)[i], self.span_vectors("ko", b)[j]
        return float(self.params.distance(np.asarray(zh_span @ ko_span)))

    def band_centre(self, i0: int, i1: int, j0: int, j1: int) -> np.ndarray:
        """Expected Korean index (block-local) of each row of a block: through its
        confident pairs, straight between them."""
        inside = [(i, j) for i, j in self.params.pairs if i0 <= i < i1 and j0 <= j < j1]
        xs = [i0, *(i for i, _ in inside), i1]
        ys = [j0, *(j for _, j in inside), j1]
        return np.interp(np.arange(i0, i1 + 1), xs, ys) - j0

    def _estimate(self) -> DocumentParameters:
        """The document's own ratio, spreads and skip costs (see ``estimate``)."""
        model, features = self.model, self.features
        params = DocumentParameters(features.ratio, model.length_sigma, model.skip, model.added)
        if self.probabilistic:
            params.skip, params.added = self.priors[(1, 0)], self.priors[(0, 1)]
            params.length_variance = model.length_variance
        if self.vectors is None or self.probabilistic:
            if self.vectors is not None:
                pairs, unrelated = confident_pairs(*self.vectors)
                params.cos_low = unrelated
                if len(pairs) >= MIN_PAIRS:
                    params.cos_high = max(unrelated + 0.1, float(np.median([c for _, _, c in pairs])))
                    params.pairs = [(i, j) for i, j, _ in pairs]
                if self.probabilistic:
                    linked = np.array([c for _, _, c in pairs])
                    found = meaning_evidence(linked, self.chance_cosines())
                    params.meaning_llr, params.cos_low, params.cos_high, params.cos_spread = found
            return params
        pairs, unrelated = confident_pairs(*self.vectors)
        if len(pairs) < MIN_PAIRS:
            return params
        zl = np.array([features.zh[i].length for i, _, _ in pairs], dtype=np.float64)
        kl = np.array([features.ko[j].length for _, j, _ in pairs], dtype=np.float64)
        params.ratio = float(kl.sum() / max(1.0, zl.sum()))
        params.length_sigma = float(np.clip(length_spread(zl, kl, params.ratio), model.min_sigma, 0.6))
        params.cos_low = unrelated
        params.cos_high = max(unrelated + 0.1, float(np.median([c for _, _, c in pairs])))
        params.pairs = [(i, j) for i, j, _ in pairs]
        self._two_sigma_sq = 2 * params.length_sigma**2
        self.params = params
        rng = np.random.default_rng(0)
        chosen = rng.choice(len(params.pairs), min(len(params.pairs), 200), replace=False)
        true_cost = np.median([self.quality(params.pairs[k][0], 1, params.pairs[k][1], 1)[0] for k in chosen])
        n, m = len(self.zh), len(self.ko)
        sample = [(int(i), int(j)) for i, j in zip(rng.integers(0, n, 200), rng.integers(0, m, 200), strict=True)]
        chance_cost = np.median([self.quality(i, 1, j, 1)[0] for i, j in sample if abs(j - i * m / n) > 3])
        midpoint = float((true_cost + chance_cost) / 4)
        params.skip, params.added = max(midpoint, model.skip), max(midpoint, model.added)
        return params

    def chance_cosines(self) -> np.ndarray:
        """Cosines of units paired at random (``estimate.chance_cosines``), drawn once:
        the estimate and the first pass's learning both read them."""
        if self._chance is None:
            assert self.vectors is not None
            self._chance = chance_cosines(*self.vectors)
        return self._chance

    def span(self, lang: str, start: int, count: int) -> tuple[int, frozenset[str], float]:
        """(length, anchors, anchor weight) of ``count`` units from ``start``."""
        key = (lang, start, count)
        found = self._spans.get(key)
        if found is None:
            units = (self.features.zh if lang == "zh" else self.features.ko)[start : start + count]
            anchors = units[0].anchors if count == 1 else frozenset().union(*(u.anchors for u in units))
            found = (sum(u.length for u in units), anchors, self.features.weight(anchors))
            self._spans[key] = found
        return found

    def agreements(self, ones: list[Bead], sample: int = 400) -> tuple[np.ndarray, np.ndarray]:
        """The lexical agreement (weighted Dice) of 1-1 links and of random pairs, where
        both sides have anchors (see ``estimate.lexical_evidence``)."""

        def dice(i: int, j: int) -> float | None:
            has_both = self.features.zh[i].anchors and self.features.ko[j].anchors
            return self.similarity(i, 1, j, 1) if has_both else None

        linked = [d for b in ones if (d := dice(b.i, b.j)) is not None]
        rng = np.random.default_rng(0)
        n, m = len(self.zh), len(self.ko)
        pairs = zip(rng.integers(0, n, sample), rng.integers(0, m, sample), strict=True)
        chance = [d for i, j in pairs if (d := dice(int(i), int(j))) is not None]
        return np.array(linked), np.array(chance)

    def lexical_cost(self, similarity: float, has_both: bool, scale: float) -> float:
        """The cost lexical agreement adds to a bead (negative: evidence for it)."""
        llr = self.params.lexical_llr
        if llr is None:
            return -self.model.lexical_evidence * similarity * scale
        if not has_both:
            return 0.0
        return -float(llr[int(np.searchsorted(DICE_EDGES, similarity, side="right"))]) * scale

    def similarity(self, i: int, a: int, j: int, b: int) -> float:
        _, zh_anchors, zh_weight = self.span("zh", i, a)
        _, ko_anchors, ko_weight = self.span("ko", j, b)
        return self.features.similarity(zh_anchors, ko_anchors, zh_weight, ko_weight)

    def length_cost(self, zh_length: int, ko_length: int) -> float:
        ratio = self.params.ratio
        deviation = math.log((ko_length + 2 * ratio) / (ratio * (zh_length + 2)))
        return deviation * deviation / self._two_sigma_sq

    def quality(self, i: int, a: int, j: int, b: int) -> tuple[float, float]:
        """(cost per unit pair, lexical similarity) of pairing two spans."""
        similarity = self.similarity(i, a, j, b)
        cost = self.length_cost(self.span("zh", i, a)[0], self.span("ko", j, b)[0])
        cost += self.model.lexical_weight * (1.0 - similarity)
        if self.vectors is not None:
            cost += self.model.meaning_weight * self.distance(i, a, j, b)
            similarity = max(similarity, self.meaning(i, a, j, b))
        return cost, similarity

    def merge_support_cost(
        self, lang: str, start: int, count: int, other_lang: str, other_start: int, other_count: int
    ) -> float:
        """Each unit merged into a bead must be translated by the other side too: of the
        anchors only this member brings (not its bead mates), the other side must hold
        a share. This is what keeps an untranslated sentence from hiding in its
        neighbour's bead.

        With the encoder, a Korean part of one Chinese sentence (a bead 1-b) may
        support itself by its meaning instead: translators split long sentences freely
        and often render their terms with loanwords (캡처, 체크) that share no
        Sino-Korean cognate, so anchors alone would call a true part unsupported. Its
        cosine with the sentence is divided by the square root of its share of the
        Korean length, as in ``meaning_evidence``, and rescaled as ``meaning``."""
        units = self.features.zh if lang == "zh" else self.features.ko
        members = [u.anchors for u in units[start : start + count]]
        other = self.span(other_lang, other_start, other_count)[1]
        weakest = 1.0
        by_meaning = lang == "ko" and other_count == 1 and self.vectors is not None
        if by_meaning:
            total = max(1, self.span(lang, start, count)[0])
            low = self.params.cos_low
            scale = max(1e-3, self.params.cos_high - low)
        for k, anchors in enumerate(members):
            mates = frozenset().union(*(m for n, m in enumerate(members) if n != k))
            support = self.features.coverage(anchors - mates, other)
            if by_meaning and support < weakest:
                share = max(units[start + k].length / total, 1e-3)
                cosine = min(1.0, self.cosine(other_start, 1, start + k, 1) / math.sqrt(share))
                support = max(support, min(1.0, (cosine - low) / scale))
            weakest = min(weakest, support)
        support = self.model.member_support if lang == "zh" else self.model.member_support_ko
        return self.model.member_weight * max(0.0, support - weakest)

    def meaning_support_cost(self, i: int, a: int, j: int, b: int) -> float:
        """With the encoder: each merged unit must itself mean part of the other span,
        or share its cognates with it."""
        weakest = 1.0
        if a > 1:
            other = self.span("ko", j, b)[1]
            for k in range(a):
                covered = self._coverage(self.features.zh[i + k].anchors, other)
                weakest = min(weakest, max(self.meaning(i + k, 1, j, b), covered))
        if b > 1:
            other = self.span("zh", i, a)[1]
            for k in range(b):
                covered = self._coverage(self.features.ko[j + k].anchors, other)
                weakest = min(weakest, max(self.meaning(i, a, j + k, 1), covered))
        return self.model.member_weight * max(0.0, self.model.meaning_support - weakest)

    def _coverage(self, anchors: frozenset[str], other: frozenset[str]) -> float:
        return self.features.coverage(anchors, other) if anchors else 0.0

    def is_lone(self, lang: str, index: int) -> bool:
        """Whether a one-sided pin holds this unit."""
        return self._lone_group[lang][index] is not None

    def allowed(self, i: int, a: int, j: int, b: int) -> bool:
        """A unit held by a one-sided pin goes in exactly that pin's bead, nowhere else."""
        for groups, start, count, other in ((self._lone_group["zh"], i, a, b), (self._lone_group["ko"], j, b, a)):
            for k in range(start, start + count):
                if groups[k] is not None and (other or groups[k] != (start, count)):
                    return False
        return True

    def bead_cost(self, i: int, a: int, j: int, b: int, budget: float = math.inf) -> tuple[float, float] | None:
        """(cost, lexical similarity) of a bead, or None if its cost reaches ``budget``
        or a pin forbids it (the cheap length term is checked first, so hopeless beads
        cost little)."""
        if self._has_lone and not self.allowed(i, a, j, b):
            return None
        if a == 0 or b == 0:
            cost = self.params.added * b if a == 0 else self.params.skip * a
            return (cost, 0.0) if cost < budget else None
        if self.probabilistic:
            return self.probabilistic_cost(i, a, j, b, budget)
        scale = (a + b) / 2
        quality = self.length_cost(self.span("zh", i, a)[0], self.span("ko", j, b)[0])
        if a > 1:
            quality += sum(self._merge_cost["zh"][i : i + a])
        if b > 1:
            quality += sum(self._merge_cost["ko"][j : j + b])
        prior = self.priors[(a, b)]
        if quality * scale + prior >= budget:
            return None
        similarity = self.similarity(i, a, j, b)
        quality += self.model.lexical_weight * (1.0 - similarity)
        if quality * scale + prior >= budget:
            return None
        meaning_cost = 0.0
        if self.vectors is not None:
            distance = self.model.meaning_weight * self.distance(i, a, j, b)
            meaning_cost = (distance + self.meaning_support_cost(i, a, j, b)) * a * b
            similarity = max(similarity, self.meaning(i, a, j, b))
        else:
            if a > 1:
                quality += self.merge_support_cost("zh", i, a, "ko", j, b)
            if b > 1:
                quality += self.merge_support_cost("ko", j, b, "zh", i, a)
        cost = quality * scale + prior + meaning_cost
        return (cost, similarity) if cost < budget else None

    def _evidence_bound(self, scale: float) -> float:
        """The most a bead's anchors and meaning can take off its cost (lexical
        evidence ``scale`` times its best band, meaning its best cosine)."""
        params = self.params
        key = self._bound_key
        if key is None or key[0] is not params.lexical_llr or key[1] is not params.meaning_llr:
            llr = params.lexical_llr
            lexical = self.model.lexical_evidence if llr is None else float(np.max(llr))
            meaning = (
                float(np.max(params.meaning_llr))
                if self.vectors is not None and params.meaning_llr is not None
                else 0.0
            )
            self._bound_key = (params.lexical_llr, params.meaning_llr)
            self._bound = (max(0.0, lexical), max(0.0, meaning))
        lexical, meaning = self._bound
        return lexical * scale + meaning

    def probabilistic_cost(
        self, i: int, a: int, j: int, b: int, budget: float = math.inf
    ) -> tuple[float, float] | None:
        """-log of the bead's probability in Gale & Church's model (its shape, and the
        Korean length given the Chinese one), less the evidence of its anchors: the
        weighted Dice of the two spans, per unit of the bead. Lexical evidence only
        ever lowers a cost, so a text without cognates aligns as by length alone."""
        scale = (a + b) / 2
        cost = self.priors[(a, b)] + length_surprise(
            self.span("zh", i, a)[0], self.span("ko", j, b)[0], self.params.ratio, self.params.length_variance
        )
        if a > 1:
            cost += (sum(self._merge_cost["zh"][i : i + a]) + sum(self._crossing["zh"][i + 1 : i + a])) * scale
        if b > 1:
            cost += (sum(self._merge_cost["ko"][j : j + b]) + sum(self._crossing["ko"][j + 1 : j + b])) * scale
        if budget < math.inf and cost - self._evidence_bound(scale) >= budget:
            return None  # no evidence can bring it under budget (the rest only adds)
        if a > 1:
            cost += self.merge_support_cost("zh", i, a, "ko", j, b) * scale
        if b > 1:
            cost += self.merge_support_cost("ko", j, b, "zh", i, a) * scale
        similarity = self.similarity(i, a, j, b)
        has_both = bool(self.span("zh", i, a)[1] and self.span("ko", j, b)[1])
        cost += self.lexical_cost(similarity, has_both, scale)
        if self.vectors is not None:
            cost -= self.meaning_evidence(i, a, j, b)
            similarity = max(similarity, self.meaning(i, a, j, b))
        return (cost, similarity) if cost < budget else None


def _paragraph_of(segment: Segment) -> str | None:
    """The paragraph a unit belongs to: a heading or item is its own, a sentence its parent's."""
    return segment.id if segment.kind in HEADING_KINDS or segment.parent is None else segment.parent


def _crossings(units: Sequence[Segment], cost: float) -> list[float]:
    """``cost`` for each unit that starts a paragraph other than its predecessor's, 0 for
    the others. A heading or item starts its own too, so merged with the unit before
    it, it pays this on top of its merge cost, as the sentence after a heading does
    when merged with it (before, it paid its merge cost alone, and the last sentence of
    a section took the next heading into its bead: 这个选项…。 + 国际象棋机器人引擎).

    A unit that enters or leaves a list (an item after a non-item, or the reverse)
    crosses two boundaries, the paragraph's and the list's, and pays twice: the last
    item of a feature list (* 더보기...) no longer joins the first sentence of the next
    app's description when the other language's list is one item shorter."""
    out = [0.0] * len(units)
    for k in range(1, len(units)):
        unit, before = units[k], units[k - 1]
        if _paragraph_of(unit) != _paragraph_of(before):
            out[k] = cost * (2 if (unit.kind == "item") != (before.kind == "item") else 1)
    return out


def length_surprise(zh_length: float, ko_length: float, ratio: float, variance: float) -> float:
    """Gale & Church's -log P(match | lengths): the Korean length against the Chinese
    length times the document's ratio, in standard deviations that grow with the square
    root of the length; two-sided tail probability, floored at 1e-12."""
    mean = (zh_length + ko_length / ratio) / 2
    delta = abs(ko_length - zh_length * ratio) / math.sqrt(max(mean, 1e-9) * variance * ratio)
    return -math.log(max(math.erfc(delta / math.sqrt(2)), 1e-12))


def search_block(scorer: BeadScorer, i0: int, i1: int, j0: int, j1: int) -> list[Bead]:
    """Cheapest bead path from (i0, j0) to (i1, j1): with numpy (``banded``, every bead
    cost of the block at once, with or without the encoder) unless a one-sided pin lies
    in the block or the block is tiny; then in Python, one bead at a time (the same
    costs: ``bead_cost``)."""
    small = (i1 - i0 + 1) * (j1 - j0 + 1) <= scorer.model.python_search_cells
    lone = any(i0 <= s < i1 for s in scorer.lone["zh"]) or any(j0 <= s < j1 for s in scorer.lone["ko"])
    if not small and not lone:
        return banded.search_block(scorer, i0, i1, j0, j1)
    return search_block_python(scorer, i0, i1, j0, j1)


def search_block_python(scorer: BeadScorer, i0: int, i1: int, j0: int, j1: int) -> list[Bead]:
    """Cheapest bead path from (i0, j0) to (i1, j1), one cell at a time."""
    n, m = i1 - i0, j1 - j0
    model = scorer.model
    # One-sided pins of several units are beads of their own shape, ending at a row or column.
    zh_groups = {s + c - i0: c for s, c in scorer.lone["zh"].items() if c > 1 and i0 <= s and s + c <= i1}
    ko_groups = {s + c - j0: c for s, c in scorer.lone["ko"].items() if c > 1 and j0 <= s and s + c <= j1}
    if n * m <= model.full_search_cells:
        ranges = [(0, m)] * (n + 1)
    else:
        width = max(model.band, abs(n - m) // 2 + model.band // 2)
        ranges = []
        for i in range(n + 1):
            centre = i * m / n
            ranges.append((max(0, int(centre - width)), min(m, int(centre + width) + 1)))
    inf = math.inf
    cost_rows: list[list[float]] = []
    back_rows: list[list[tuple[int, int, float, float] | None]] = []
    for i in range(n + 1):
        lo, hi = ranges[i]
        costs = [inf] * (hi - lo + 1)
        backs: list[tuple[int, int, float, float] | None] = [None] * (hi - lo + 1)
        if i == 0 and lo == 0:
            costs[0] = 0.0
        cost_rows.append(costs)
        back_rows.append(backs)
        for j in range(lo, hi + 1):
            best = costs[j - lo]
            choice = backs[j - lo]
            shapes = BEADS
            if i in zh_groups or j in ko_groups:
                shapes = (*BEADS, *(((zh_groups[i], 0),) if i in zh_groups else ()))
                shapes += ((0, ko_groups[j]),) if j in ko_groups else ()
            for a, b in shapes:
                pi, pj = i - a, j - b
                if pi < 0 or pj < 0:
                    continue
                plo, phi = ranges[pi]
                if not plo <= pj <= phi:
                    continue
                before = cost_rows[pi][pj - plo]
                if before == inf:
                    continue
                scored = scorer.bead_cost(i0 + pi, a, j0 + pj, b, best - before)
                if scored is not None:
                    cost, similarity = scored
                    best, choice = before + cost, (a, b, cost, similarity)
            costs[j - lo] = best
            backs[j - lo] = choice
    beads: list[Bead] = []
    i, j = n, m
    while i or j:
        lo = ranges[i][0]
        step = back_rows[i][j - lo]
        if step is None:  # the band missed the corner: cannot happen with ranges that reach it
            raise AssertionError("alignment band does not reach the end of the block")
        a, b, cost, similarity = step
        i, j = i - a, j - b
        beads.append(Bead(i0 + i, a, j0 + j, b, cost, similarity))
    return beads[::-1]


def _align_region(scorer: BeadScorer, i0: int, i1: int, j0: int, j1: int) -> list[Bead]:
    zh, ko = scorer.zh[i0:i1], scorer.ko[j0:j1]

    def evidence(i: int, j: int) -> float:
        """How well two headings agree: their own wording, or (headings are short and
        freely rendered) the first units after them. A heading pinned alone is no anchor
        (negative evidence: see ``anchors.find_anchors``)."""
        if scorer.is_lone("zh", i0 + i) or scorer.is_lone("ko", j0 + j):
            return -1.0
        heading = scorer.similarity(i0 + i, 1, j0 + j, 1)
        following = 0.0
        if i + 1 < len(zh) and j + 1 < len(ko):
            following = scorer.similarity(i0 + i + 1, 1, j0 + j + 1, 1)
        if not heading and not following:
            zh_length, zh_anchors, _ = scorer.span("zh", i0 + i, 1)
            ko_length, ko_anchors, _ = scorer.span("ko", j0 + j, 1)
            if not zh_anchors and not ko_anchors and scorer.length_cost(zh_length, ko_length) <= 1.0:
                return ANCHOR_AGREEMENT  # nothing to compare the wording on; the numbers and lengths agree
        return max(heading, following)

    beads: list[Bead] = []
    i, j = i0, j0
    openers = scorer.openers
    for ai, aj in find_anchors(zh, ko, evidence, openers):
        beads += search_block(scorer, i, i0 + ai, j, j0 + aj)
        if zh[ai].id in openers or ko[aj].id in openers:
            # A sentence that opens its numbered clause: the clauses start here in both
            # languages, but the translator may have split or merged that sentence.
            i, j = i0 + ai, j0 + aj
            continue
        cost, similarity = scorer.bead_cost(i0 + ai, 1, j0 + aj, 1) or (0.0, 0.0)
        beads.append(Bead(i0 + ai, 1, j0 + aj, 1, cost, similarity, anchored=True))
        i, j = i0 + ai + 1, j0 + aj + 1
    beads += search_block(scorer, i, i1, j, j1)
    return beads


def _pin_spans(
    pinned: Iterable[AlignmentLink], zh_index: dict[str, int], ko_index: dict[str, int]
) -> tuple[list[tuple[int, int, int, int]], LonePins]:
    """Two-sided pins as (zh start, zh count, ko start, ko count) in document order, and
    one-sided pins as {lang: {start: count}}. A pin that names unknown units or crosses
    a later (more recent) pin is dropped."""
    spans: list[tuple[int, int, int, int]] = []
    for link in reversed(list(pinned)):
        if not (link.zh_ids or link.ko_ids):
            continue
        if any(z not in zh_index for z in link.zh_ids) or any(k not in ko_index for k in link.ko_ids):
            continue
        zs = sorted(zh_index[z] for z in link.zh_ids)
        ks = sorted(ko_index[k] for k in link.ko_ids)
        if (zs and zs[-1] - zs[0] + 1 != len(zs)) or (ks and ks[-1] - ks[0] + 1 != len(ks)):
            continue  # a link joins neighbouring units only
        span = (zs[0] if zs else -1, len(zs), ks[0] if ks else -1, len(ks))
        if all(_compatible(span, other) for other in spans):
            spans.append(span)
    lone: LonePins = {"zh": {}, "ko": {}}
    for i, a, j, b in spans:
        if not b:
            lone["zh"][i] = a
        elif not a:
            lone["ko"][j] = b
    return sorted(s for s in spans if s[1] and s[3]), lone


def _compatible(x: tuple[int, int, int, int], y: tuple[int, int, int, int]) -> bool:
    """Two pins can both hold: no shared unit and the same order in both languages."""
    xi, xa, xj, xb = x
    yi, ya, yj, yb = y
    zh_order = 0 if not (xa and ya) else (-1 if xi + xa <= yi else 1 if yi + ya <= xi else None)
    ko_order = 0 if not (xb and yb) else (-1 if xj + xb <= yj else 1 if yj + yb <= xj else None)
    if zh_order is None or ko_order is None:
        return False
    return not (zh_order and ko_order and zh_order != ko_order)


def align_beads(
    zh: list[Segment],
    ko: list[Segment],
    pinned: Sequence[AlignmentLink] = (),
    model: CostModel = DEFAULT_MODEL,
    vectors: Vectors | None = None,
    openers: dict[str, tuple[str, str]] | None = None,
) -> tuple[list[Bead], BeadScorer]:
    """Beads over two unit lists (indices into them), and the scorer that made them.
    ``vectors`` (segment id → sentence vector, every unit) turns the meaning signal on;
    ``openers`` (``anchors.clause_openers``) are the sentences that open a numbered clause."""
    # Headings are compared on their wording; their numbers are the anchors' business.
    features = document_features([s.body for s in zh], [s.body for s in ko])
    zh_index = {s.id: k for k, s in enumerate(zh)}
    ko_index = {s.id: k for k, s in enumerate(ko)}
    spans, lone = _pin_spans(pinned, zh_index, ko_index)
    matrices = None
    if vectors is not None:
        matrices = (
            normalised(np.array([vectors[s.id] for s in zh], dtype=np.float32)),
            normalised(np.array([vectors[s.id] for s in ko], dtype=np.float32)),
        )
    scorer = BeadScorer(zh, ko, features, model, lone, matrices)
    scorer.openers = openers or {}
    if scorer.probabilistic and model.estimate_length:
        # A first pass without the pins teaches the document's own length model (so a
        # pin changes the alignment around it only, not the parameters of the whole).
        unpinned = BeadScorer(zh, ko, features, model, None, matrices) if (spans or scorer._has_lone) else scorer
        unpinned.openers = scorer.openers
        _learn_from_first_pass(unpinned, _align_all(unpinned, [], {"zh": {}, "ko": {}}))
        if unpinned is not scorer:
            scorer.params, scorer.priors = unpinned.params, unpinned.priors
    beads = _align_all(scorer, spans, lone)
    scorer.block_costs.clear()
    return beads, scorer


def _learn_from_first_pass(scorer: BeadScorer, beads: list[Bead]) -> None:
    """The document's own length model and cost of disagreeing anchors, from the 1-1
    links of a first pass: a faithful translation gets a narrow length spread (a
    sentence left out no longer fits inside its neighbour's link), a free one a wide
    spread and a mild cost for pairs without a shared cognate. And how often its
    translator merges or splits sentences, from all of the first pass's two-sided links
    (``estimate.merge_rate_costs``)."""
    ones = [bead for bead in beads if bead.a == 1 and bead.b == 1]
    if len(ones) < MIN_PAIRS:
        return
    model, features = scorer.model, scorer.features
    zl = np.array([features.zh[b.i].length for b in ones], dtype=np.float64)
    kl = np.array([features.ko[b.j].length for b in ones], dtype=np.float64)
    scorer.params.ratio, scorer.params.length_variance = length_model(zl, kl, model.min_variance, model.length_variance)
    scorer.params.lexical_llr = lexical_evidence(*scorer.agreements(ones))
    shapes: dict[tuple[int, int], int] = {}
    for bead in beads:
        shapes[(bead.a, bead.b)] = shapes.get((bead.a, bead.b), 0) + 1
    scorer.priors.update(merge_rate_costs(dict(model.shape_probability), shapes))
    if scorer.vectors is not None:
        linked = np.array([scorer.cosine(b.i, 1, b.j, 1) for b in ones])
        found = meaning_evidence(linked, scorer.chance_cosines())
        scorer.params.meaning_llr, scorer.params.cos_low, scorer.params.cos_high, scorer.params.cos_spread = found


def _align_all(scorer: BeadScorer, spans: list[tuple[int, int, int, int]], lone: LonePins) -> list[Bead]:
    """Beads of every region between two-sided pins, and the pins themselves."""
    zh, ko = scorer.zh, scorer.ko
    beads: list[Bead] = []
    i = j = 0
    for pi, pa, pj, pb in spans:
        beads += _align_region(scorer, i, pi, j, pj)
        beads.append(Bead(pi, pa, pj, pb, 0.0, scorer.similarity(pi, pa, pj, pb), pinned=True))
        i, j = pi + pa, pj + pb
    beads += _align_region(scorer, i, len(zh), j, len(ko))
    for bead in beads:
        if (bead.b == 0 and lone["zh"].get(bead.i) == bead.a) or (bead.a == 0 and lone["ko"].get(bead.j) == bead.b):
            bead.pinned, bead.cost = True, 0.0
    return beads


def align_document(
    document: Document,
    pinned: Sequence[AlignmentLink] = (),
    model: CostModel = DEFAULT_MODEL,
    *,
    vectors: Vectors | None = None,
    encoder: bool = True,
) -> list[AlignmentLink]:
    """Align the Chinese and Korean units of a document, keeping pinned links.

    Returns the links in document order, each with a confidence score (0..1). A
    document with one language only has no alignment (an empty list). The meaning
    signal uses ``vectors`` (segment id → vector; units missing from it are encoded
    now) and the process's sentence encoder; ``encoder=False`` aligns on length and
    cognates only, as it does when the encoder cannot load (``embeddings.encoder_notice``).
    """
    zh, ko_all = document.units("zh"), document.units("ko")
    if not zh or not ko_all:
        return []
    complete = vectors is not None and all(s.id in vectors for s in zh + ko_all)
    if not encoder:
        vectors = None
    elif not complete:
        loaded = shared_encoder()
        vectors = unit_vectors(zh + ko_all, loaded, vectors) if loaded is not None else None
    from .confidence import bead_confidence

    pinned_ko = {k for link in pinned for k in link.ko_ids}
    notes = [s for s in ko_all if is_translator_note(s.text) and s.id not in pinned_ko]
    note_ids = {s.id for s in notes}
    ko = [s for s in ko_all if s.id not in note_ids]
    with single_blas_thread():
        openers = clause_openers(document.segments)
        beads, scorer = align_beads(zh, ko, pinned, model, vectors, openers)
    links = []
    for k, bead in enumerate(beads):
        links.append(
            AlignmentLink(
                zh_ids=[s.id for s in zh[bead.i : bead.i + bead.a]],
                ko_ids=[s.id for s in ko[bead.j : bead.j + bead.b]],
                score=1.0 if bead.pinned else bead_confidence(beads, k, scorer),
                pinned=bead.pinned,
            )
        )
    return _with_notes(links, notes, {s.id: k for k, s in enumerate(ko_all)})


def _with_notes(links: list[AlignmentLink], notes: list[Segment], ko_order: dict[str, int]) -> list[AlignmentLink]:
    """Translator's notes as Korean-only links, each before the first link that comes
    after it in the Korean text."""
    out: list[AlignmentLink] = []
    pending = [(ko_order[s.id], s.id) for s in notes]
    for link in links:
        if link.ko_ids:
            first = min(ko_order[i] for i in link.ko_ids)
            while pending and pending[0][0] < first:
                out.append(AlignmentLink([], [pending.pop(0)[1]], 1.0))
        out.append(link)
    out.extend(AlignmentLink([], [note_id], 1.0) for _, note_id in pending)
    return out
