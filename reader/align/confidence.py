"""How sure the aligner is of each link (0..1), calibrated: of the links scored about
0.9, about nine in ten are right on the evaluation corpus (``benchmarks/align_bench.py``
prints the table).

Each link is described by a few numbers the search already knows, and a logistic
function of them is its probability of being right, with weights fitted once on the
whole evaluation corpus (``scripts/calibrate_alignment.py``; every set, not one
document, and refitted when the cost model changes):

- a two-sided link: how much cheaper it is than leaving its units alone (per unit of
  the link, so that a merge is not trusted for its size), its lexical (or meaning)
  agreement, whether it is a merge, whether a structural anchor (the same numbered
  heading) made it, and how strongly the document counts missing cognates against a
  pair (see below: the evidence is sharper in a faithful translation);
- a one-sided link: its best resemblance to the units of the neighbouring links (if
  it resembles one, the translation may be there, merged into a neighbour), whether a
  neighbour is itself a merge, and how strongly this document counts a pair without
  shared anchors against it (in a faithful translation full of cognates, a sentence
  that resembles nothing nearby really is untranslated; in a free one it may not be).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .aligner import Bead, BeadScorer

#: A link below this confidence is shown to the reviewer (``CostModel.review_below``).
REVIEW_BELOW = 0.5

NEIGHBOURS = 2

#: Fitted weights (scripts/calibrate_alignment.py), without and with the encoder:
#: bias first, then one per feature of ``link_features``.
TWO_SIDED_WEIGHTS = {
    False: (0.327, 0.331, -0.594, -1.490, 2.274, 0.519),
    True: (0.301, 0.517, -1.552, -3.001, 2.157, 0.865),
}
ONE_SIDED_WEIGHTS = {
    False: (-2.470, -5.258, -2.508, 1.996),
    True: (0.216, -2.965, -3.275, 1.045),
}


def _logistic(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, x))))


def link_features(beads: list[Bead], k: int, scorer: BeadScorer) -> tuple[float, ...]:
    """The numbers the confidence of link ``k`` is a function of (see the module)."""
    bead = beads[k]
    llr = scorer.params.lexical_llr
    against = -float(llr[0]) if llr is not None else 0.0
    if bead.a and bead.b:
        scale = (bead.a + bead.b) / 2
        alone = bead.a * scorer.params.skip + bead.b * scorer.params.added
        margin = (alone - bead.cost) / scale
        return (margin, bead.similarity, float(bead.a > 1 or bead.b > 1), float(bead.anchored), against)
    return (_resemblance(beads, k, scorer), float(_merged_neighbour(beads, k)), against)


def bead_confidence(beads: list[Bead], k: int, scorer: BeadScorer) -> float:
    features = link_features(beads, k, scorer)
    weights = (TWO_SIDED_WEIGHTS if bead_is_two_sided(beads[k]) else ONE_SIDED_WEIGHTS)[scorer.vectors is not None]
    return round(_logistic(weights[0] + sum(w * x for w, x in zip(weights[1:], features, strict=True))), 4)


def bead_is_two_sided(bead: Bead) -> bool:
    return bool(bead.a and bead.b)


def _merged_neighbour(beads: list[Bead], k: int) -> bool:
    return any(b.a > 1 or b.b > 1 for b in beads[max(0, k - 1) : k + 2])


def _resemblance(beads: list[Bead], k: int, scorer: BeadScorer) -> float:
    """The best resemblance of the lone unit to the other language nearby."""
    bead = beads[k]
    lang, index = ("zh", bead.i) if bead.a else ("ko", bead.j)
    best = 0.0
    for other in beads[max(0, k - NEIGHBOURS) : k + NEIGHBOURS + 1]:
        if lang == "zh":
            candidates = [(index, 1, j, 1) for j in range(other.j, other.j + other.b)]
        else:
            candidates = [(i, 1, index, 1) for i in range(other.i, other.i + other.a)]
        for i, a, j, b in candidates:
            best = max(best, scorer.similarity(i, a, j, b))
            if scorer.vectors is not None:
                best = max(best, scorer.meaning(i, a, j, b))
    return best
