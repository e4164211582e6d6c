"""The glossary mining written the straightforward way, pair by pair and link by link:
the definition that ``reader.terms.glossary.mine`` computes with whole arrays. Too slow
for a library (a minute for 100,000 links of repeated text, far more for distinct text),
fast enough for the tests that compare the two."""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import product
from math import log2

from reader.terms.glossary import EXAMPLES, _dice, _fragments, analyse, score
from reader.terms.model import AlignedPair, GlossaryEntry, Rendering
from reader.terms.readings import reading


def mine(pairs: list[AlignedPair], preferred: dict[str, str] | None = None, min_frequency: int = 1):
    preferred = preferred or {}
    terms_of, candidates_of = analyse(pairs)
    f_term: Counter[str] = Counter(t for terms in terms_of for t in terms)
    f_candidate: Counter[str] = Counter(c for cands in candidates_of for c in cands)
    f_pair: Counter[tuple[str, str]] = Counter()
    for terms, cands in zip(terms_of, candidates_of, strict=True):
        f_pair.update(product([t for t in terms if f_term[t] >= min_frequency], cands))
    fragments = _fragments(f_term)
    readings = {t: reading(t) for t in f_term if f_term[t] >= min_frequency and t not in fragments}
    used: dict[str, Counter[str]] = defaultdict(Counter)
    used_in: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    best_score: dict[tuple[str, str], float] = {}
    occurrences: dict[str, list[AlignedPair]] = defaultdict(list)
    for pair, terms, cands in zip(pairs, terms_of, candidates_of, strict=True):
        scored = []
        for t in terms:
            if t not in readings:
                continue
            occurrences[t].append(pair)
            for c in cands:
                value = score(readings[t], c, f_pair[t, c], f_term[t], f_candidate[c])
                if value and preferred.get(t) == c:
                    value = max(value, 1.0)
                if value:
                    scored.append((value, t, c))
        for t, c, value in link_competitively(scored):
            used[t][c] += 1
            used_in[t, c][pair.doc_id] += 1
            best_score[t, c] = max(best_score.get((t, c), 0.0), value)
    entries = []
    for t, found in occurrences.items():
        renderings = [
            Rendering(ko, count, dict(used_in[t, ko]), preferred.get(t) == ko, best_score[t, ko])
            for ko, count in used[t].items()
        ]
        renderings.sort(key=lambda r: (not r.preferred, -r.count, -r.score, r.ko))
        top = renderings[0].ko if renderings else ""
        log_dice = 14 + log2(_dice(f_pair[t, top], f_term[t], f_candidate[top])) if top else 0.0
        entries.append(
            GlossaryEntry(
                t, readings[t], f_term[t], renderings, sorted({p.doc_id for p in found}), examples(found), log_dice
            )
        )
    entries.sort(key=lambda e: (-e.frequency, e.zh))
    return entries


def link_competitively(scored: list[tuple[float, str, str]]) -> list[tuple[str, str, float]]:
    """Best evidence first (then the shorter candidate, then the order of ``scored``),
    each term takes its best candidate not overlapping a choice of an unrelated term."""
    taken: list[tuple[str, str]] = []
    chosen: list[tuple[str, str, float]] = []
    done: set[str] = set()
    for value, t, c in sorted(scored, key=lambda x: (-x[0], len(x[2]))):
        if t in done:
            continue
        if any((c in other_c or other_c in c) and not (t in other_t or other_t in t) for other_t, other_c in taken):
            continue
        taken.append((t, c))
        chosen.append((t, c, value))
        done.add(t)
    return chosen


def examples(found: list[AlignedPair]) -> list[AlignedPair]:
    chosen: list[AlignedPair] = []
    seen_docs: set[str] = set()
    for pair in found:
        if pair.doc_id not in seen_docs:
            chosen.append(pair)
            seen_docs.add(pair.doc_id)
        if len(chosen) == EXAMPLES:
            return chosen
    for pair in found:
        if pair not in chosen:
            chosen.append(pair)
        if len(chosen) == EXAMPLES:
            break
    return chosen
