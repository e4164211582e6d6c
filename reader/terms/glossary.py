"""A bilingual glossary mined from the aligned sentences of the library.

For every Chinese term (see ``words``) the Korean candidates of the sentences aligned
with it are scored by two kinds of evidence:

- *association*: the Dice coefficient of term and candidate over aligned links,
  2·f(t,c) / (f(t) + f(c)), the quantity behind logDice (14 + log₂ Dice, which is what
  ``GlossaryEntry`` reports as ``log_dice``). It finds renderings that share no
  syllable with the term (承接 → 유치), but needs repeated evidence: one co-occurrence
  says nothing.
- *reading agreement*: the overlap of the candidate's syllables with the term's
  Sino-Korean reading (see ``readings``), which is decisive from a single sentence and
  tolerates reordered or replaced characters (转移 → 이전, 劳动密集型 → 노동집약형).

In each link the term takes its best-scoring candidate as the rendering used there;
a rendering's count is the number of links that used it, so a term translated two
ways shows both, with their documents.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from itertools import product
from math import log2
from typing import Protocol

from ..model import AlignmentLink, Document
from .model import AlignedPair, GlossaryEntry, Rendering
from .readings import reading, similarity
from .words import chinese_terms, korean_candidates_many

#: Weight of reading agreement against association in a candidate's score.
READING_WEIGHT = 0.5
#: A candidate below this score is no rendering at all.
MIN_SCORE = 0.35
#: Below this reading agreement a rendering needs this many links of evidence.
WEAK_READING = 0.3
MIN_ASSOCIATED_LINKS = 2
#: Examples kept per term.
EXAMPLES = 3
#: Bump when ``words`` analyses a sentence differently: stored analyses are then redone.
ANALYSIS_VERSION = 1


def aligned_pairs(document: Document, links: Iterable[AlignmentLink]) -> list[AlignedPair]:
    """The two-sided links of a document as text pairs (one-sided links say nothing
    about renderings)."""
    by_id = {s.id: s for s in document.segments}
    pairs = []
    for link in links:
        if not link.zh_ids or not link.ko_ids:
            continue
        # Numbering (（一）, (1)) is no wording: the terms and checks see the text after it.
        zh = "".join(by_id[i].body for i in link.zh_ids if i in by_id)
        ko = " ".join(by_id[i].body for i in link.ko_ids if i in by_id)
        if zh and ko:
            pairs.append(AlignedPair(document.id, link.zh_ids[0], link.ko_ids[0], zh, ko))
    return pairs


def _dice(pair: int, a: int, b: int) -> float:
    return 2 * pair / (a + b) if a + b else 0.0


def score(term_reading: str, candidate: str, pair: int, f_term: int, f_candidate: int) -> float:
    """The evidence that ``candidate`` renders the term (0–1); 0 if too weak."""
    agreement = similarity(term_reading, candidate)
    if agreement < WEAK_READING and pair < MIN_ASSOCIATED_LINKS:
        return 0.0
    value = READING_WEIGHT * agreement + (1 - READING_WEIGHT) * _dice(pair, f_term, f_candidate)
    return value if value >= MIN_SCORE else 0.0


class Analysis(Protocol):
    """Where analysed sentences are kept between minings (``store.terms.TermStore``)."""

    def analysed(self, keys: list[str]) -> dict[str, list[str]]: ...
    def keep_analysed(self, items: dict[str, list[str]]) -> None: ...


def analysis_key(lang: str, text: str) -> str:
    return hashlib.sha1(f"{ANALYSIS_VERSION}\x1f{lang}\x1f{text}".encode()).hexdigest()


def analyse(pairs: list[AlignedPair], store: Analysis | None = None) -> tuple[list[list[str]], list[list[str]]]:
    """The Chinese terms and Korean candidates of every pair; sentences analysed
    before are read from ``store`` and new ones are added to it."""
    zh_keys = [analysis_key("zh", p.zh) for p in pairs]
    ko_keys = [analysis_key("ko", p.ko) for p in pairs]
    known = store.analysed(zh_keys + ko_keys) if store else {}
    new: dict[str, list[str]] = {}
    for pair, key in zip(pairs, zh_keys, strict=True):
        if key not in known and key not in new:
            new[key] = sorted({t.text for t in chinese_terms(pair.zh)})
    missing = [(key, pair.ko) for pair, key in zip(pairs, ko_keys, strict=True) if key not in known]
    unique = dict(missing)
    for key, spans in zip(unique, korean_candidates_many(list(unique.values())), strict=True):
        new[key] = sorted({c.text for c in spans})
    if store and new:
        store.keep_analysed(new)
    known.update(new)
    return [known[k] for k in zh_keys], [known[k] for k in ko_keys]


def mine(
    pairs: list[AlignedPair],
    preferred: dict[str, str] | None = None,
    min_frequency: int = 1,
    cancelled: Callable[[], bool] = lambda: False,
    store: Analysis | None = None,
) -> list[GlossaryEntry]:
    """The glossary of a set of aligned pairs, most frequent terms first.

    ``preferred`` maps a term to the rendering the user marked as preferred; it is
    flagged (and listed first) wherever it occurs. ``store`` keeps the analysis of
    each sentence for the next mining.
    """
    preferred = preferred or {}
    terms_of, candidates_of = analyse(pairs, store)
    f_term: Counter[str] = Counter(t for terms in terms_of for t in terms)
    f_candidate: Counter[str] = Counter(c for cands in candidates_of for c in cands)
    f_pair: Counter[tuple[str, str]] = Counter()
    for terms, cands in zip(terms_of, candidates_of, strict=True):
        if cancelled():
            return []
        alive = [t for t in terms if f_term[t] >= min_frequency]
        f_pair.update(product(alive, cands))
    readings = {t: reading(t) for t in f_term if f_term[t] >= min_frequency}

    fragments = _fragments(f_term)
    readings = {t: r for t, r in readings.items() if t not in fragments}
    used: dict[str, Counter[str]] = defaultdict(Counter)
    used_in: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    best_score: dict[tuple[str, str], float] = {}
    occurrences: dict[str, list[AlignedPair]] = defaultdict(list)
    # A term's evidence for a candidate is the same in every link: score each pair that
    # co-occurs once, and keep only the candidates with any evidence for each term.
    evidence: dict[str, dict[str, float]] = defaultdict(dict)
    for (t, c), together in f_pair.items():
        if t not in readings:
            continue
        value = score(readings[t], c, together, f_term[t], f_candidate[c])
        if value and preferred.get(t) == c:
            value = max(value, 1.0)
        if value:
            evidence[t][c] = value
    for pair, terms, cands in zip(pairs, terms_of, candidates_of, strict=True):
        scored = []
        present = set(cands)
        for t in terms:
            if t not in readings:
                continue
            occurrences[t].append(pair)
            options = evidence.get(t)
            if options:
                # In the candidates' (sorted) order: ties are broken as they always were.
                scored += [(options[c], t, c) for c in sorted(options.keys() & present)]
        for t, c, value in _link_competitively(scored):
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
        documents = sorted({p.doc_id for p in found})
        examples = _examples(found)
        top = renderings[0].ko if renderings else ""
        log_dice = 14 + log2(_dice(f_pair[t, top], f_term[t], f_candidate[top])) if top and f_pair[t, top] else 0.0
        entries.append(GlossaryEntry(t, readings[t], f_term[t], renderings, documents, examples, log_dice))
    entries.sort(key=lambda e: (-e.frequency, e.zh))
    return entries


def _fragments(f_term: Counter[str]) -> set[str]:
    """Multi-word terms that only occur inside a longer one (承接产业 of 承接产业转移):
    a term is a fragment when a term containing it occurs (almost) as often. Dictionary
    words are never fragments (中西部 beside 中西部地区)."""
    from ..search.analysis import RESOURCES

    dictionary = RESOURCES.jieba.FREQ
    found: set[str] = set()
    for longer, count in f_term.items():
        for size in range(2, len(longer)):
            for start in range(len(longer) - size + 1):
                part = longer[start : start + size]
                if part in f_term and count >= 0.9 * f_term[part] and not dictionary.get(part):
                    found.add(part)
    return found


def _link_competitively(scored: list[tuple[float, str, str]]) -> list[tuple[str, str, float]]:
    """Each term of a link takes its best candidate, best evidence first; a candidate
    taken by one term is not available to another term unless one of the two terms
    contains the other (产业转移 → 산업이전 and 转移 → 이전 both hold, but 作用 cannot take
    the 발휘 of 发挥)."""
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


def _examples(found: list[AlignedPair]) -> list[AlignedPair]:
    """Up to three example pairs, from as many documents as possible."""
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
