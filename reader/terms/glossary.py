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

The counting and scoring run on whole arrays (``cooccurrence``: pairs that cannot
score are never counted); the linking is a heap per link. ``tests/terms/
reference_mining.py`` is the same definition written pair by pair, and the tests hold
the two equal.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable
from heapq import heapify, heappop, heappush
from math import log2
from typing import TYPE_CHECKING, Protocol

from ..model import AlignmentLink, Document
from ..search.analysis import stored_korean_morphemes
from .model import AlignedPair, GlossaryEntry, Rendering
from .readings import reading, similarity
from .words import chinese_terms, korean_candidates

if TYPE_CHECKING:  # numpy and the array counting load with the first mining, not with ``qa``'s checks
    import numpy as np

    from .cooccurrence import Vocabulary

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
ANALYSIS_VERSION = 2
#: New sentences analysed (and stored) per batch.
ANALYSIS_BATCH = 500


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


def analyse(
    pairs: list[AlignedPair], store: Analysis | None = None, cancelled: Callable[[], bool] = lambda: False
) -> tuple[list[list[str]], list[list[str]]] | None:
    """The Chinese terms and Korean candidates of every pair; sentences analysed
    before are read from ``store``. New ones are analysed a batch at a time and each
    batch is kept in ``store`` at once, so a mining that is cancelled (the window
    closes during the first mining of a large library) stops within a batch and the
    next one goes on from there. None if cancelled."""
    zh_keys = [analysis_key("zh", p.zh) for p in pairs]
    ko_keys = [analysis_key("ko", p.ko) for p in pairs]
    known = store.analysed(list(dict.fromkeys(zh_keys + ko_keys))) if store else {}
    chinese = {key: pair.zh for pair, key in zip(pairs, zh_keys, strict=True) if key not in known}
    korean = {key: pair.ko for pair, key in zip(pairs, ko_keys, strict=True) if key not in known}
    keys = list(chinese) + list(korean)
    for start in range(0, len(keys), ANALYSIS_BATCH):
        if cancelled():
            return None
        batch = keys[start : start + ANALYSIS_BATCH]
        new = {key: sorted({t.text for t in chinese_terms(chinese[key])}) for key in batch if key in chinese}
        texts = [korean[key] for key in batch if key in korean]
        # The morphemes the search index (or a check) stored for the same text are read, not analysed again.
        for key, text, morphemes in zip(
            [k for k in batch if k in korean], texts, stored_korean_morphemes(texts, store), strict=True
        ):
            new[key] = sorted({c.text for c in korean_candidates(text, morphemes)})
        if store:
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
    each sentence for the next mining. The counting and scoring run on whole arrays
    (``cooccurrence``); only the competitive linking of each link is a Python loop.
    """
    import numpy as np

    from .cooccurrence import Cooccurrence, Vocabulary, overlaps

    preferred = preferred or {}
    analysed = analyse(pairs, store, cancelled)
    if analysed is None or cancelled():
        return []
    terms_of, candidates_of = analysed
    vocabulary = Vocabulary.of(terms_of, candidates_of)
    counts = np.bincount(vocabulary.term_ids, minlength=len(vocabulary.terms)).tolist()
    frequency = dict(zip(vocabulary.terms, counts, strict=True))
    fragments = _fragments(Counter(frequency))
    active = np.array([frequency[t] >= min_frequency and t not in fragments for t in vocabulary.terms], dtype=bool)
    readings = [reading(t) if alive else "" for t, alive in zip(vocabulary.terms, active.tolist(), strict=True)]
    counting = Cooccurrence(vocabulary, active, readings)
    counted = counting.counts(cancelled)
    if counted is None:
        return []
    term_index = {t: i for i, t in enumerate(vocabulary.terms)}
    candidate_index = {c: i for i, c in enumerate(vocabulary.candidates)}
    preferred_ids = {
        (term_index[t], candidate_index[c]) for t, c in preferred.items() if t in term_index and c in candidate_index
    }
    evidence = counting.score(*counted, READING_WEIGHT, WEAK_READING, MIN_ASSOCIATED_LINKS, MIN_SCORE, preferred_ids)
    lengths = np.fromiter(map(len, vocabulary.candidates), dtype=np.int64, count=len(vocabulary.candidates))
    overlapping = overlaps(vocabulary.candidates, np.unique(evidence.codes % counting.n_candidates))
    chosen = []
    for block in counting.scored_links(evidence):
        if cancelled():
            return []
        chosen.append(_link_block(*block, lengths, vocabulary, overlapping))
    empty = (np.zeros(0, dtype=np.int64),) * 3 + (np.zeros(0),)
    links, terms, candidates, values = (np.concatenate(p) for p in zip(*chosen, strict=True)) if chosen else empty

    documents = sorted({p.doc_id for p in pairs})
    number = {d: i for i, d in enumerate(documents)}
    document_of_link = np.fromiter((number[p.doc_id] for p in pairs), dtype=np.int64, count=len(pairs))
    renderings = _renderings(links, terms, candidates, values, document_of_link, documents, vocabulary, preferred)
    n_candidates = counting.n_candidates
    f_candidate = counting.f_candidate

    occurring = active[vocabulary.term_ids]
    occ_terms = vocabulary.term_ids[occurring]
    occ_links = counting.term_links[occurring]
    order = np.argsort(occ_terms, kind="stable")  # link order within a term
    occ_terms, occ_links = occ_terms[order], occ_links[order]
    bounds = np.flatnonzero(np.diff(occ_terms)) + 1
    starts = np.concatenate(([0], bounds)).tolist()
    ends = np.concatenate((bounds, [len(occ_terms)])).tolist()
    # Read a term's links as a slice when it comes: lists of every occurrence held two
    # Python ints per term occurrence (millions at 100,000 links) to the end of mining.
    occ_documents = document_of_link[occ_links]

    entries = []
    for start, end in zip(starts, ends, strict=True):
        if start == end:
            continue
        t = int(occ_terms[start])
        zh = vocabulary.terms[t]
        found, found_in = occ_links[start:end].tolist(), occ_documents[start:end].tolist()
        shown = renderings.get(t, [])
        shown.sort(key=lambda r: (not r.preferred, -r.count, -r.score, r.ko))
        top = shown[0].ko if shown else ""
        log_dice = 0.0
        if top:
            # evidence.codes is sorted: a dict of every scored pair held millions of entries
            together = int(evidence.pairs[np.searchsorted(evidence.codes, t * n_candidates + candidate_index[top])])
            log_dice = 14 + log2(_dice(together, frequency[zh], int(f_candidate[candidate_index[top]])))
        in_documents = sorted(set(found_in))
        examples = [pairs[found[i]] for i in _example_links(found_in)]
        entries.append(
            GlossaryEntry(
                zh, readings[t], frequency[zh], shown, [documents[d] for d in in_documents], examples, log_dice
            )
        )
    entries.sort(key=lambda e: (-e.frequency, e.zh))
    return entries


def _link_block(
    links: np.ndarray,
    terms: np.ndarray,
    candidates: np.ndarray,
    values: np.ndarray,
    lengths: np.ndarray,
    vocabulary: Vocabulary,
    overlapping: dict[int, frozenset[int]],
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The renderings chosen in each link of a block.

    Each term of a link takes its best candidate, best evidence first; a candidate
    taken by one term is not available to another term unless one of the two terms
    contains the other (产业转移 → 산업이전 and 转移 → 이전 both hold, but 作用 cannot take
    the 발휘 of 发挥).

    The terms of a link are served through a heap of each term's best remaining item,
    so a link costs a step per term and per blocked item, not a sort and a scan of all
    its scored pairs against every choice made before."""
    import numpy as np

    from .cooccurrence import overlaps

    if not len(links):
        return links, terms, candidates, values
    related = overlaps(vocabulary.terms, np.unique(terms))
    lengths = lengths[candidates]
    order = np.lexsort((candidates, lengths, -values, terms, links))
    links, terms, candidates, values, lengths = (a[order] for a in (links, terms, candidates, values, lengths))
    new_group = np.ones(len(links), dtype=bool)
    new_group[1:] = (links[1:] != links[:-1]) | (terms[1:] != terms[:-1])
    group_starts = np.flatnonzero(new_group)
    group_ends = np.append(group_starts[1:], len(links)).tolist()
    group_links = links[group_starts].tolist()
    starts = group_starts.tolist()
    minus_value, length, term, candidate = (-values).tolist(), lengths.tolist(), terms.tolist(), candidates.tolist()
    accepted: list[int] = []
    first = 0
    while first < len(starts):
        last = first + 1
        while last < len(starts) and group_links[last] == group_links[first]:
            last += 1
        # Each term's best remaining item, ranked as the links always were: best
        # evidence, then the shorter candidate, then term and candidate in string order.
        heap = [
            (minus_value[k], length[k], term[k], candidate[k], g, k) for g, k in enumerate(starts[first:last], first)
        ]
        heapify(heap)
        blocked: dict[int, set[int]] = {}  # candidate → terms whose choice overlaps it
        while heap:
            _, _, t, _, g, k = heappop(heap)
            allowed, end = related[t], group_ends[g]
            # A blocked item stays blocked (choices are only ever added): skip to the
            # term's first item free now, and take it if no better item is pending.
            while k < end and not blocked.get(candidate[k], allowed) <= allowed:
                k += 1
            if k == end:
                continue
            key = (minus_value[k], length[k], t, candidate[k])
            if heap and key > heap[0][:4]:
                heappush(heap, (*key, g, k))
                continue
            accepted.append(k)
            for other in overlapping[candidate[k]]:
                blocked.setdefault(other, set()).add(t)
        first = last
    kept = np.array(accepted, dtype=np.int64)
    kept.sort()
    return links[kept], terms[kept], candidates[kept], values[kept]


def _renderings(
    links: np.ndarray,
    terms: np.ndarray,
    candidates: np.ndarray,
    values: np.ndarray,
    document_of_link: np.ndarray,
    documents: list[str],
    vocabulary: Vocabulary,
    preferred: dict[str, str],
) -> dict[int, list[Rendering]]:
    """Each term's renderings: the links and documents that used each, its best score."""
    import numpy as np

    if not len(links):
        return {}
    order = np.argsort(links, kind="stable")
    links, terms, candidates, values = links[order], terms[order], candidates[order], values[order]
    n_candidates = max(1, len(vocabulary.candidates))
    codes = terms * n_candidates + candidates
    unique, inverse, counts = np.unique(codes, return_inverse=True, return_counts=True)
    best = np.zeros(len(unique))
    np.maximum.at(best, inverse, values)
    docs = document_of_link[links]
    by_doc_codes = inverse.astype(np.int64) * (len(documents) + 1) + docs
    pair_doc, pair_doc_first, pair_doc_counts = np.unique(by_doc_codes, return_index=True, return_counts=True)
    del by_doc_codes, inverse, docs
    # Each rendering's documents in the order of their first link, filled in that order
    # a slice at a time: a list of (link, document, count) per rendering, sorted, held
    # every (rendering, document) pair as Python tuples at once (200 MB at 100,000 links).
    order = np.argsort(pair_doc_first, kind="stable")
    rendering_of, document_of, uses = (
        pair_doc[order] // (len(documents) + 1),
        pair_doc[order] % (len(documents) + 1),
        pair_doc_counts[order],
    )
    del order, pair_doc, pair_doc_first, pair_doc_counts
    by_document: list[dict[str, int]] = [{} for _ in range(len(unique))]
    for first in range(0, len(rendering_of), 1 << 16):
        piece = slice(first, first + (1 << 16))
        for r, d, n in zip(
            rendering_of[piece].tolist(), document_of[piece].tolist(), uses[piece].tolist(), strict=True
        ):
            by_document[r][documents[d]] = n
    found: dict[int, list[Rendering]] = {}
    for i, (code, count, score) in enumerate(zip(unique.tolist(), counts.tolist(), best.tolist(), strict=True)):
        t, c = divmod(code, n_candidates)
        ko = vocabulary.candidates[c]
        zh = vocabulary.terms[t]
        found.setdefault(t, []).append(Rendering(ko, count, by_document[i], preferred.get(zh) == ko, score))
    return found


def _example_links(documents: list[int]) -> list[int]:
    """Up to three example links of a term, as positions in its links (in link order;
    ``documents`` holds the document of each), from as many documents as possible."""
    chosen: list[int] = []
    seen: set[int] = set()
    for i, document in enumerate(documents):
        if document not in seen:
            chosen.append(i)
            seen.add(document)
            if len(chosen) == EXAMPLES:
                return chosen
    for i in range(len(documents)):
        if i not in chosen:
            chosen.append(i)
            if len(chosen) == EXAMPLES:
                break
    return chosen


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
