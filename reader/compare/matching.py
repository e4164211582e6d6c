"""Which units of A correspond to which units of B.

Three steps, on a similarity matrix (see ``similarity``):

1. **In order.** The heaviest chain of pairs that keeps the order of both documents
   (each pair weighs its similarity; only pairs at least ``MATCH`` alike and of the same
   class — headings with headings, text with text — take part). A revision keeps most
   provisions in order, so this chain is the backbone; it is found over the candidate
   pairs with a Fenwick tree of prefix maxima, O(k log n) for k candidates, which
   keeps two 2,000-sentence documents fast.
2. **Moves.** A unit left over on one side whose best counterpart is a left-over unit
   of the other side at least ``MOVE`` alike is that unit moved. A left-over unit may
   also take its counterpart from a chain pair that is clearly weaker (by ``STEAL``):
   the chain can pair a moved provision with a loosely similar one that happens to stand
   at its old place.

   Between two *different* documents (a successor policy: less than ``VERSIONS`` of the
   shorter one continues in order) the chain and the moves give way to ``related``: a
   unit's counterpart is the unit it is most alike and that is most alike it (each the
   other's best), if that pair stands out from chance in its row and its column (see
   ``similarity.chance_level``: a level the documents set, from the spread of their own
   scores and their number of units, not a constant). Order plays no part in finding
   such pairs (successor policies reorder freely) but still says which are ``moved``.
   Headings are then matched again, among headings, with one more signal: how many of
   the sentence pairs just found stand under both (``headings_by_content``). A part
   that takes up another part's measures in new words (推进产业国内梯度转移 for
   因地制宜承接发展优势特色产业) has little wording in common with it, but its sentences
   have their counterparts beneath it.
3. **Splits and merges.** A left-over unit next to a matched one joins its pair when the
   two units read together are more like the other side than one alone (by ``JOIN``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

#: Least similarity of a pair kept in order (wording cosine, see ``similarity``).
MATCH = 0.3
#: Least similarity of a pair out of order: a move must be clear.
MOVE = 0.5
#: Share of the shorter document's units continued in order (at least ``MOVE`` alike)
#: above which two documents are taken for versions of one text.
VERSIONS = 0.4
#: How much better a left-over unit must fit to take a unit from a chain pair.
STEAL = 0.2
#: How much a pair's similarity must rise for a neighbour to join it (split or merge).
JOIN = 0.04


@dataclass
class Match:
    """Indices of units of A and B that correspond; ``moved``: out of the order of the rest."""

    a: list[int]
    b: list[int]
    similarity: float
    moved: bool = False


def in_order(sim: np.ndarray, allowed: np.ndarray, floor: float = MATCH) -> list[tuple[int, int]]:
    """The heaviest chain of pairs (i, j) increasing in both i and j with sim ≥ floor."""
    nb = sim.shape[1]
    candidates = np.argwhere((sim >= floor) & allowed)
    if not len(candidates):
        return []
    # Fenwick tree over j (1-based) of (best chain weight ending at column ≤ j, its node).
    tree_weight = [0.0] * (nb + 1)
    tree_node = [-1] * (nb + 1)
    nodes: list[tuple[int, int, int]] = []  # (i, j, predecessor node)
    weights: list[float] = []

    def query(j: int) -> tuple[float, int]:
        best, node = 0.0, -1
        while j > 0:
            if tree_weight[j] > best:
                best, node = tree_weight[j], tree_node[j]
            j -= j & -j
        return best, node

    def update(j: int, weight: float, node: int) -> None:
        j += 1
        while j <= nb:
            if weight > tree_weight[j]:
                tree_weight[j], tree_node[j] = weight, node
            j += j & -j

    start = 0
    while start < len(candidates):
        i = candidates[start][0]
        end = start
        while end < len(candidates) and candidates[end][0] == i:
            end += 1
        row = []
        for _, j in candidates[start:end]:
            best, node = query(int(j))  # columns < j, rows < i (this row is not in the tree yet)
            row.append((int(j), best + float(sim[i, j]), node))
        for j, weight, predecessor in row:
            nodes.append((int(i), j, predecessor))
            weights.append(weight)
            update(j, weight, len(nodes) - 1)
        start = end
    node = int(np.argmax(weights))
    chain = []
    while node >= 0:
        i, j, node = nodes[node]
        chain.append((i, j))
    return chain[::-1]


def match_units(
    sim: np.ndarray,
    a_class: Sequence[str],
    b_class: Sequence[str],
    joined: Callable[[list[int], list[int]], float],
    related: Callable[[np.ndarray], list[np.ndarray]] | None = None,
    sections: tuple[Sequence[Sequence[int]], Sequence[Sequence[int]]] | None = None,
) -> list[Match]:
    """The matches between A and B; ``joined(a_indices, b_indices)`` is the wording
    similarity of units read together (for splits and merges). ``related(allowed)``
    gives the signals two different documents are matched on (combined by
    ``similarity.related_score``); it is only asked for when A and B turn out not to be
    versions of one text. ``sections`` gives, for each unit of A and of B, the indices
    of the heading units it stands under (for ``headings_by_content``)."""
    na, nb = sim.shape
    if na == 0 or nb == 0:
        return []
    allowed = (np.array(a_class, dtype=object)[:, None] == np.array(b_class, dtype=object)[None, :]).astype(bool)
    a_match: dict[int, Match] = {}
    b_match: dict[int, Match] = {}
    chain = in_order(sim, allowed)
    for i, j in chain:
        match = Match([i], [j], float(sim[i, j]))
        a_match[i] = b_match[j] = match
    continued = sum(1 for i, j in chain if sim[i, j] >= MOVE)
    if continued >= VERSIONS * min(na, nb) or related is None:
        _find_moves(sim, allowed, a_match, b_match, MOVE)
    else:
        a_match.clear()
        b_match.clear()
        from .similarity import related_score

        signals = related(allowed)
        score = related_score(signals, allowed)
        headings = heading_signals(signals, a_class, b_class)
        del signals  # only their heading blocks are needed from here on
        pairs = related_pairs(score, allowed)
        if sections is not None:
            pairs = headings_by_content(pairs, headings, a_class, *sections)
        for i, j in pairs:
            match = Match([i], [j], float(sim[i, j]))
            a_match[i] = b_match[j] = match
    _join_neighbours(a_match, b_match, na, nb, a_class, b_class, joined)
    matches = list({id(m): m for m in a_match.values()}.values())
    _mark_moves(matches, na, nb)
    return sorted(matches, key=lambda m: (m.b[0], m.a[0]))


def related_pairs(score: np.ndarray, allowed: np.ndarray) -> list[tuple[int, int]]:
    """Pairs of units that are each other's best candidate and stand out from chance in
    both their row and their column (see the module)."""
    from .similarity import chance_level

    masked = np.where(allowed, score, -np.inf)
    best_of_a = masked.argmax(axis=1)
    best_of_b = masked.argmax(axis=0)
    column_level = chance_level(score, allowed, axis=0)
    row_level = chance_level(score, allowed, axis=1)
    pairs = []
    for j, i in enumerate(best_of_b):
        i = int(i)
        if allowed[i, j] and best_of_a[i] == j and score[i, j] > column_level[j] and score[i, j] > row_level[i]:
            pairs.append((i, j))
    return pairs


class HeadingSignals(NamedTuple):
    """The signals among the headings only: their indices in A and in B and each
    signal's block (len(a_heads) × len(b_heads))."""

    a_heads: list[int]
    b_heads: list[int]
    blocks: list[np.ndarray]


def heading_signals(signals: Sequence[np.ndarray], a_class: Sequence[str], b_class: Sequence[str]) -> HeadingSignals:
    """The heading blocks of ``signals`` (kept so that the whole matrices need not be)."""
    a_heads = [k for k, c in enumerate(a_class) if c == "heading"]
    b_heads = [k for k, c in enumerate(b_class) if c == "heading"]
    block = np.ix_(a_heads, b_heads)
    return HeadingSignals(a_heads, b_heads, [signal[block] for signal in signals])


def headings_by_content(
    pairs: list[tuple[int, int]],
    headings: HeadingSignals,
    a_class: Sequence[str],
    a_sections: Sequence[Sequence[int]],
    b_sections: Sequence[Sequence[int]],
) -> list[tuple[int, int]]:
    """``pairs`` with their heading pairs found again, on ``heading_score`` and as
    ``related_pairs`` chooses them (no weight or level of their own)."""
    score = heading_score(pairs, headings, a_class, a_sections, b_sections)
    if score is None:
        return pairs
    found = related_pairs(score, np.ones(score.shape, dtype=bool))
    return [(i, j) for i, j in pairs if a_class[i] != "heading"] + [
        (headings.a_heads[i], headings.b_heads[j]) for i, j in found
    ]


def heading_score(
    pairs: list[tuple[int, int]],
    headings: HeadingSignals,
    a_class: Sequence[str],
    a_sections: Sequence[Sequence[int]],
    b_sections: Sequence[Sequence[int]],
) -> np.ndarray | None:
    """The score of the headings of A with those of B (None without headings): their
    signals and the **content** signal, the number of ``pairs`` of text units that stand
    under both headings, each weighted by its clarity among the headings
    (``similarity.related_score``)."""
    from .similarity import related_score

    if not headings.a_heads or not headings.b_heads:
        return None
    a_row = {k: row for row, k in enumerate(headings.a_heads)}
    b_column = {k: column for column, k in enumerate(headings.b_heads)}
    content = np.zeros((len(a_row), len(b_column)), dtype=np.float32)
    for i, j in pairs:
        if a_class[i] == "text":
            columns = [b_column[k] for k in b_sections[j]]
            for a_head in a_sections[i]:
                content[a_row[a_head], columns] += 1
    return related_score([*headings.blocks, content], np.ones(content.shape, dtype=bool))


def _mark_moves(matches: list[Match], na: int, nb: int) -> None:
    """A match is moved when it is not in the heaviest order-keeping chain of all matches
    (a unit taken from a weaker pair may well stand in order after all)."""
    weights = np.zeros((na, nb), dtype=np.float32)
    for m in matches:
        weights[m.a[0], m.b[0]] = max(m.similarity, 1e-3)
    kept = set(in_order(weights, np.ones_like(weights, dtype=bool), floor=1e-4))
    for m in matches:
        m.moved = (m.a[0], m.b[0]) not in kept


def _find_moves(sim: np.ndarray, allowed: np.ndarray, a_match: dict, b_match: dict, floor: float) -> None:
    """Pairs out of order for left-over units, most alike first (see the module)."""
    masked = np.where(allowed, sim, 0.0)
    order = np.argwhere(masked >= floor)
    order = order[np.argsort(-masked[order[:, 0], order[:, 1]], kind="stable")]
    for i, j in order:
        i, j = int(i), int(j)
        s = float(masked[i, j])
        held_a, held_b = a_match.get(i), b_match.get(j)
        if held_a is not None and held_b is not None:
            continue  # both units have a counterpart already
        held = held_a or held_b
        if held is not None and (len(held.a) > 1 or len(held.b) > 1 or s < held.similarity + STEAL):
            continue
        if held is not None:  # release the weaker pair: its other unit is left over
            a_match.pop(held.a[0], None)
            b_match.pop(held.b[0], None)
        match = Match([i], [j], s, moved=True)
        a_match[i] = b_match[j] = match


def _join_neighbours(a_match, b_match, na, nb, a_class, b_class, joined) -> None:
    """Left-over units join an adjacent match when read together they fit better."""
    changed = True
    while changed:
        changed = False
        for side, matches, size, classes in (("b", b_match, nb, b_class), ("a", a_match, na, a_class)):
            for k in range(size):
                if k in matches:
                    continue
                for neighbour in (k - 1, k + 1):
                    match = matches.get(neighbour)
                    if match is None or classes[neighbour] != classes[k] or classes[k] == "heading":
                        continue
                    own = match.b if side == "b" else match.a
                    if len(own) >= 3 or neighbour not in (own[0], own[-1]):
                        continue
                    grown = sorted([*own, k])
                    # Wording against wording: the pair's own similarity may have
                    # meaning blended in, which the joined texts have not.
                    before = joined(match.a, match.b)
                    score = joined(match.a, grown) if side == "b" else joined(grown, match.b)
                    if score >= before + JOIN:
                        own[:] = grown
                        match.similarity += score - before
                        matches[k] = match
                        changed = True
                        break
