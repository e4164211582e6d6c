"""Term ↔ candidate evidence over the aligned links of a library, counted with numpy.

A library of 100,000 links has some 75 million (term, candidate) co-occurrences and,
where its sentences differ, tens of millions of distinct pairs: too many to count or
score one by one in Python. Two facts about ``glossary.score`` make most of them
irrelevant before they are counted:

- a pair that shares no syllable with the term's reading has no reading agreement,
  so it scores only by association: Dice ≥ 0.7 over at least two links, which needs
  both frequencies ≥ 2 and within a factor 13/7 of each other (2·min ≥ 0.7·(f_t + f_c));
- whether a pair shares a syllable is tested on 128-bit syllable masks (a superset of
  the truth: a hashed bit may collide, never miss), and the exact agreement is then
  computed, vectorised, only for the distinct pairs that pass.

The co-occurrences are generated link block by link block (never all at once), counted
with ``np.unique``, scored as whole arrays, and generated once more to list each link's
scored candidates for the competitive linking of ``glossary``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy as np

from .readings import syllables

#: Links per block of generated co-occurrences (about 750 per link: a few MB per block).
BLOCK_LINKS = 1000
#: Distinct pairs per block of the exact reading agreement.
AGREEMENT_BLOCK = 1 << 20


@dataclass
class Vocabulary:
    """Terms and candidates as ids (in sorted string order, so that id order breaks
    ties as string order does) and the links as ragged id arrays."""

    terms: list[str]
    candidates: list[str]
    term_ids: np.ndarray  # the terms of every link, link after link
    term_ptr: np.ndarray  # link i's terms are term_ids[term_ptr[i]:term_ptr[i + 1]]
    candidate_ids: np.ndarray
    candidate_ptr: np.ndarray

    @classmethod
    def of(cls, terms_of: list[list[str]], candidates_of: list[list[str]]) -> Vocabulary:
        terms = sorted({t for terms in terms_of for t in terms})
        candidates = sorted({c for cands in candidates_of for c in cands})
        term_ids, term_ptr = _ragged(terms_of, {t: i for i, t in enumerate(terms)})
        candidate_ids, candidate_ptr = _ragged(candidates_of, {c: i for i, c in enumerate(candidates)})
        return cls(terms, candidates, term_ids, term_ptr, candidate_ids, candidate_ptr)

    @property
    def links(self) -> int:
        return len(self.term_ptr) - 1

    def term_links(self) -> np.ndarray:
        """The link of each entry of ``term_ids``."""
        return np.repeat(np.arange(self.links, dtype=np.int64), np.diff(self.term_ptr))


def _ragged(lists: list[list[str]], ids: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
    lengths = np.fromiter(map(len, lists), dtype=np.int64, count=len(lists))
    pointer = np.zeros(len(lists) + 1, dtype=np.int64)
    np.cumsum(lengths, out=pointer[1:])
    flat = np.fromiter((ids[x] for items in lists for x in items), dtype=np.int64, count=int(pointer[-1]))
    return flat, pointer


def _merge(a: tuple[np.ndarray, np.ndarray], b: tuple[np.ndarray, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Two runs of sorted distinct codes with their counts as one (counts added)."""
    codes = np.concatenate((a[0], b[0]))
    order = np.argsort(codes, kind="stable")  # two sorted runs: a merge, linear
    codes = codes[order]
    counts = np.concatenate((a[1], b[1]))[order]
    del order
    starts = np.flatnonzero(np.concatenate(([True], codes[1:] != codes[:-1])))
    return codes[starts], np.add.reduceat(counts, starts) if len(starts) else counts


def overlaps(words: list[str], needed: np.ndarray) -> dict[int, frozenset[int]]:
    """For each needed word (of two characters or more), the needed words that contain
    it or that it contains, itself included: for a candidate, the choices it competes
    with in a link; for a term, the terms it may share a candidate with (see
    ``glossary._link_block``). Found by looking every substring up, once per mining."""
    wanted = set(needed.tolist())
    index = {words[c]: c for c in wanted}
    inside: dict[int, set[int]] = {}
    for c in wanted:
        text = words[c]
        inside[c] = {
            index[text[i:j]] for i in range(len(text)) for j in range(i + 2, len(text) + 1) if text[i:j] in index
        }
    related = {c: set(parts) for c, parts in inside.items()}
    for c, parts in inside.items():
        for part in parts:
            related[part].add(c)
    return {c: frozenset(parts) for c, parts in related.items()}


class _Syllables:
    """Each word's normalised syllables as occurrence-numbered ids (가, 가 → (가, 1), (가, 2),
    so that counting equal ids counts a multiset intersection), their number, and a
    128-bit mask of the syllables (bit = syllable number mod 128)."""

    def __init__(self) -> None:
        self.syllables: dict[str, int] = {}
        self.ids: dict[tuple[str, int], int] = {}

    def table(self, words: list[str], pad: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        rows, masks = [], []
        for word in words:
            seen: dict[str, int] = {}
            row, mask = [], 0
            for syllable in syllables(word):
                seen[syllable] = seen.get(syllable, 0) + 1
                row.append(self.ids.setdefault((syllable, seen[syllable]), len(self.ids)))
                mask |= 1 << (self.syllables.setdefault(syllable, len(self.syllables)) % 128)
            rows.append(row)
            masks.append(mask)
        lengths = np.fromiter(map(len, rows), dtype=np.int64, count=len(rows))
        table = np.full((len(rows), max(1, int(lengths.max(initial=0)))), pad, dtype=np.int32)
        for i, row in enumerate(rows):
            table[i, : len(row)] = row
        low = np.fromiter((m & (2**64 - 1) for m in masks), dtype=np.uint64, count=len(masks))
        high = np.fromiter((m >> 64 for m in masks), dtype=np.uint64, count=len(masks))
        return table, lengths, low, high


@dataclass
class Evidence:
    """The scored (term, candidate) pairs: sorted codes term·|candidates| + candidate."""

    codes: np.ndarray
    values: np.ndarray
    pairs: np.ndarray  # links the two share


class Cooccurrence:
    def __init__(self, vocabulary: Vocabulary, active: np.ndarray, readings: list[str]):
        """``active`` says which terms are mined; ``readings`` holds the reading of
        every term (any string for inactive ones)."""
        self.v = vocabulary
        self.active = active
        self.f_term = np.bincount(vocabulary.term_ids, minlength=len(vocabulary.terms))
        self.f_candidate = np.bincount(vocabulary.candidate_ids, minlength=len(vocabulary.candidates))
        self.n_candidates = max(1, len(vocabulary.candidates))
        self._syllables = _Syllables()
        self.term_syllables = self._syllables.table(readings, -1)
        self.candidate_syllables = self._syllables.table(vocabulary.candidates, -2)
        self.term_links = vocabulary.term_links()

    # -- generating co-occurrences ---------------------------------------------------
    def blocks(self) -> Iterator[tuple[np.ndarray, np.ndarray, np.ndarray]]:
        """(link, term, candidate) of every co-occurrence that could score, a block of
        links at a time, in link order (and term, candidate order within a link)."""
        v = self.v
        candidate_counts = np.diff(v.candidate_ptr)
        t_low, t_high = self.term_syllables[2], self.term_syllables[3]
        c_low, c_high = self.candidate_syllables[2], self.candidate_syllables[3]
        for first in range(0, v.links, BLOCK_LINKS):
            last = min(first + BLOCK_LINKS, v.links)
            start, end = v.term_ptr[first], v.term_ptr[last]
            terms = v.term_ids[start:end]
            links = self.term_links[start:end]
            keep = self.active[terms]
            terms, links = terms[keep], links[keep]
            sizes = candidate_counts[links]
            total = int(sizes.sum())
            if not total:
                continue
            offsets = np.cumsum(sizes) - sizes
            position = np.arange(total, dtype=np.int64) - np.repeat(offsets - v.candidate_ptr[links], sizes)
            candidates = v.candidate_ids[position]
            terms = np.repeat(terms, sizes)
            links = np.repeat(links, sizes)
            shared = ((t_low[terms] & c_low[candidates]) | (t_high[terms] & c_high[candidates])) != 0
            f_t, f_c = self.f_term[terms], self.f_candidate[candidates]
            associated = (f_t >= 2) & (f_c >= 2) & (13 * np.minimum(f_t, f_c) >= 7 * np.maximum(f_t, f_c))
            keep = shared | associated
            yield links[keep], terms[keep], candidates[keep]

    def counts(self, cancelled: Callable[[], bool]) -> tuple[np.ndarray, np.ndarray] | None:
        """Distinct pair codes and the number of links each pair shares.

        Each block's counts are merged into runs as they come, a run with the one
        before it once that one is no more than twice its size (as a binary counter
        carries), so what is held is about the distinct pairs of the library, not every
        block's pairs at once: a pair seen in many blocks was held once per block, and
        the final count of them all (a sort and its index arrays, five times their
        size) took most of the memory of mining (938 MB at 100,000 links)."""
        runs: list[tuple[np.ndarray, np.ndarray]] = []
        for _links, terms, candidates in self.blocks():
            if cancelled():
                return None
            runs.append(np.unique(terms * self.n_candidates + candidates, return_counts=True))
            while len(runs) >= 2 and len(runs[-2][0]) <= 2 * len(runs[-1][0]):
                runs.append(_merge(runs.pop(), runs.pop()))
        if not runs:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        while len(runs) >= 2:
            runs.append(_merge(runs.pop(), runs.pop()))
        return runs[0][0], runs[0][1].astype(np.int64)

    # -- scoring -------------------------------------------------------------------------
    def agreement(self, terms: np.ndarray, candidates: np.ndarray) -> np.ndarray:
        """``readings.similarity`` of many (term reading, candidate) pairs at once."""
        t_ids, t_len = self.term_syllables[0], self.term_syllables[1]
        c_ids, c_len = self.candidate_syllables[0], self.candidate_syllables[1]
        shared = np.zeros(len(terms), dtype=np.int64)
        order = np.argsort(c_len[candidates] * 64 + t_len[terms], kind="stable")
        for first in range(0, len(order), AGREEMENT_BLOCK):
            rows = order[first : first + AGREEMENT_BLOCK]
            t, c = terms[rows], candidates[rows]
            width_t, width_c = int(t_len[t].max(initial=0)), int(c_len[c].max(initial=0))
            left, right = t_ids[t, :width_t], c_ids[c, :width_c]
            found = np.zeros(len(rows), dtype=np.int64)
            for i in range(width_t):
                column = left[:, i : i + 1]
                found += (right == column).sum(axis=1)
            shared[rows] = found
        a, b = t_len[terms].astype(np.float64), c_len[candidates].astype(np.float64)
        with np.errstate(divide="ignore", invalid="ignore"):
            dice = 2 * shared / (a + b)
            value = (dice + shared / a) / 2
        return np.where((a > 0) & (b > 0), value, 0.0)

    def score(
        self,
        codes: np.ndarray,
        pairs: np.ndarray,
        weight: float,
        weak_reading: float,
        min_links: int,
        min_score: float,
        preferred: set[tuple[int, int]],
    ) -> Evidence:
        """``glossary.score`` of every distinct pair, keeping those with any evidence."""
        terms, candidates = codes // self.n_candidates, codes % self.n_candidates
        t_low, t_high = self.term_syllables[2], self.term_syllables[3]
        c_low, c_high = self.candidate_syllables[2], self.candidate_syllables[3]
        shared = ((t_low[terms] & c_low[candidates]) | (t_high[terms] & c_high[candidates])) != 0
        agreement = np.zeros(len(codes), dtype=np.float64)
        agreement[shared] = self.agreement(terms[shared], candidates[shared])
        dice = 2 * pairs / (self.f_term[terms] + self.f_candidate[candidates])
        values = weight * agreement + (1 - weight) * dice
        values[(agreement < weak_reading) & (pairs < min_links)] = 0.0
        values[values < min_score] = 0.0
        for t, c in preferred:
            at = np.searchsorted(codes, t * self.n_candidates + c)
            if at < len(codes) and codes[at] == t * self.n_candidates + c and values[at]:
                values[at] = max(values[at], 1.0)
        keep = values > 0
        return Evidence(codes[keep], values[keep], pairs[keep])

    def scored_links(self, evidence: Evidence) -> Iterator[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]]:
        """(link, term, candidate, value) of every pair with evidence in each link, a
        block at a time, in link order."""
        for links, terms, candidates in self.blocks():
            codes = terms * self.n_candidates + candidates
            at = np.searchsorted(evidence.codes, codes)
            at[at == len(evidence.codes)] = 0
            hit = evidence.codes[at] == codes if len(evidence.codes) else np.zeros(len(codes), dtype=bool)
            yield links[hit], terms[hit], candidates[hit], evidence.values[at[hit]]
