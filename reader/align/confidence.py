"""How sure the aligner is of each link (0..1), for the reviewer.

A pair of units is trusted when its anchors agree and its lengths fit the
document's ratio; a structural anchor (same numbered clause, same wording) is
trusted more. A unit left without counterpart is trusted when it resembles none of
the units of the neighbouring links: otherwise the translation may be there,
merged into a neighbour, and the reviewer should look.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .aligner import Bead, BeadScorer

#: How fast confidence falls as a link's cost passes the document's midpoint (the
#: cost per unit pair at which leaving both units alone is as cheap as linking them).
STEEPNESS = 2.5
NEIGHBOURS = 2


def _logistic(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def bead_confidence(beads: list[Bead], k: int, scorer: BeadScorer) -> float:
    bead = beads[k]
    if bead.a and bead.b:
        # The bead's own cost per unit pair, without the prior of its shape: it holds
        # the length fit, the lexical agreement and, for merged beads, the support of
        # each member.
        scale = (bead.a + bead.b) / 2
        quality = (bead.cost - scorer.priors.get((bead.a, bead.b), 0.0)) / scale
        similarity = bead.similarity
        midpoint = (scorer.params.skip + scorer.params.added) / 2
        confidence = _logistic(STEEPNESS * (midpoint - quality))
        if bead.anchored:
            confidence = max(confidence, 0.6 + 0.4 * min(1.0, similarity * 2))
        return round(confidence, 4)
    return round(_skip_confidence(beads, k, scorer), 4)


def _skip_confidence(beads: list[Bead], k: int, scorer: BeadScorer) -> float:
    """1 - the best resemblance of the lone unit to the other language nearby."""
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
    return max(0.0, 1.0 - 1.6 * best)
