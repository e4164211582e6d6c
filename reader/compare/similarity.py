"""How alike two provisions are: wording (character bigrams), terms and meaning (sentence vectors).

Wording is the cosine of tf-idf weighted character bigrams of the text without its
numbering, punctuation and spaces. Bigrams need no segmenter, so Chinese and Korean
(written without the spaces, which revisions move) are read the same way, and a
changed word changes only the two or three bigrams it touches. The idf is taken over
both documents: words every provision uses (产业, 发展, 지역) weigh little, the words
that make a provision itself weigh much — what matters between two different policies.

Meaning, where both documents have stored sentence vectors (``DUIZHAO_ENCODER``), is
their cosine stretched from the encoder's unrelated level (0.2) to 1, and blended in
with a weight of ``MEANING_WEIGHT``; wording alone otherwise.

Between two *different* documents (a successor policy) these signals are read another
way (see ``related_score``): each is standardised over the pairs of this comparison and
weighted by how clearly it singles out a counterpart in these two documents, since
cosines of different signals (and of one signal on different texts) share no scale.
The term signal is tf-idf over jieba terms in Chinese and over Kiwi's runs of nouns and
verb stems in Korean (``reader.terms.words``).

The matrix is computed from an inverted index (one ``bincount`` per unit of A), so two
2,000-sentence documents cost a few million additions, not a dense product over the
bigram vocabulary.
"""

from __future__ import annotations

import math
import re
import unicodedata
import warnings
from collections import Counter
from collections.abc import Callable, Mapping, Sequence

import numpy as np

#: Weight of the sentence vectors' cosine in the blended similarity (when present).
MEANING_WEIGHT = 0.35
#: Cosine of the encoder for unrelated sentences: mapped to 0.
MEANING_FLOOR = 0.2

_NOT_WORDING = re.compile(r"[\W_]+", re.UNICODE)


def normalized(text: str) -> str:
    """The wording of a text: NFKC, without punctuation and spaces, lower case."""
    return _NOT_WORDING.sub("", unicodedata.normalize("NFKC", text)).lower()


def bigrams(text: str) -> list[str]:
    """Character bigrams of the normalized text (the text itself if one character long)."""
    norm = normalized(text)
    if len(norm) < 2:
        return [norm] if norm else []
    return [norm[i : i + 2] for i in range(len(norm) - 1)]


def chinese_terms(text: str) -> list[str]:
    """The Chinese terms of a text (jieba words and multi-word terms, ``reader.terms.words``)."""
    from ..terms.words import chinese_terms as spans

    return [span.text for span in spans(text)]


def korean_terms(texts: Sequence[str]) -> Callable[[str], list[str]]:
    """The Korean terms of texts, read in one batch by Kiwi (``reader.terms.words``:
    runs of nouns and verb stems, the content morphemes a term is written in), as a
    ``grams`` function for ``Profiles`` (a text outside ``texts`` is read alone)."""
    from ..terms.words import korean_candidates, korean_candidates_many

    unique = list(dict.fromkeys(texts))
    found = {
        text: [span.text for span in spans] for text, spans in zip(unique, korean_candidates_many(unique), strict=True)
    }

    def terms(text: str) -> list[str]:
        if text not in found:
            found[text] = [span.text for span in korean_candidates(text)]
        return found[text]

    return terms


class Profiles:
    """tf-idf vectors of the texts of two sides, over one vocabulary: character bigrams,
    or the features another ``grams`` function gives (terms)."""

    def __init__(self, a_texts: Sequence[str], b_texts: Sequence[str], grams: Callable[[str], list[str]] = bigrams):
        self._grams = grams
        a_grams = [Counter(grams(t)) for t in a_texts]
        b_grams = [Counter(grams(t)) for t in b_texts]
        df: Counter = Counter()
        for counted in (*a_grams, *b_grams):
            df.update(counted.keys())
        total = max(1, len(a_grams) + len(b_grams))
        self.idf = {gram: math.log(1 + total / n) for gram, n in df.items()}
        self._rarest = max(self.idf.values(), default=1.0)
        self.a = [self.weigh(g) for g in a_grams]
        self.b = [self.weigh(g) for g in b_grams]

    def weigh(self, grams: Counter) -> dict[str, float]:
        """An L2-normalised tf-idf vector (bigrams outside the vocabulary weigh as the rarest)."""
        idf, rarest = self.idf, self._rarest
        vector = {gram: (1 + math.log(n)) * idf.get(gram, rarest) for gram, n in grams.items()}
        norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
        return {gram: w / norm for gram, w in vector.items()}

    def of(self, text: str) -> dict[str, float]:
        return self.weigh(Counter(self._grams(text)))

    def matrix(self) -> np.ndarray:
        """Cosines of every unit of A with every unit of B (len(a) × len(b), float32)."""
        out = np.zeros((len(self.a), len(self.b)), dtype=np.float32)
        if not self.a or not self.b:
            return out
        index: dict[str, tuple[list[int], list[float]]] = {}
        for j, vector in enumerate(self.b):
            for gram, w in vector.items():
                postings = index.setdefault(gram, ([], []))
                postings[0].append(j)
                postings[1].append(w)
        arrays = {gram: (np.asarray(js, np.int64), np.asarray(ws, np.float32)) for gram, (js, ws) in index.items()}
        for i, vector in enumerate(self.a):
            hits = [(arrays[g][0], arrays[g][1] * w) for g, w in vector.items() if g in arrays]
            if not hits:
                continue
            js = np.concatenate([js for js, _ in hits])
            ws = np.concatenate([ws for _, ws in hits])
            out[i] = np.bincount(js, weights=ws, minlength=len(self.b))
        return out


def cosine(u: Mapping[str, float], v: Mapping[str, float]) -> float:
    if len(u) > len(v):
        u, v = v, u
    return sum(w * v.get(gram, 0.0) for gram, w in u.items())


def vector_cosines(a_vectors: Sequence[np.ndarray | None], b_vectors: Sequence[np.ndarray | None]) -> np.ndarray | None:
    """Cosines of the sentence vectors (NaN where a unit has none); None if a side has none."""
    if not any(v is not None for v in a_vectors) or not any(v is not None for v in b_vectors):
        return None
    dims = next(v for v in a_vectors if v is not None).shape[0]

    def stack(vectors: Sequence[np.ndarray | None]) -> tuple[np.ndarray, np.ndarray]:
        rows = np.zeros((len(vectors), dims), dtype=np.float32)
        present = np.zeros(len(vectors), dtype=bool)
        for k, v in enumerate(vectors):
            if v is not None:
                rows[k], present[k] = v, True
        return rows, present

    a, a_present = stack(a_vectors)
    b, b_present = stack(b_vectors)
    cos = (a @ b.T).astype(np.float32)
    cos[~a_present, :] = np.nan
    cos[:, ~b_present] = np.nan
    return cos


def meaning_matrix(a_vectors: Sequence[np.ndarray | None], b_vectors: Sequence[np.ndarray | None]) -> np.ndarray | None:
    """Stretched cosines of the sentence vectors, NaN where a unit has none; None if no unit has one."""
    cos = vector_cosines(a_vectors, b_vectors)
    if cos is None:
        return None
    return np.clip((cos - MEANING_FLOOR) / (1 - MEANING_FLOOR), 0.0, 1.0)


def blended(wording: np.ndarray, meaning: np.ndarray | None) -> np.ndarray:
    """Wording and meaning in one similarity (wording alone where meaning is missing)."""
    if meaning is None:
        return wording
    mixed = (1 - MEANING_WEIGHT) * wording + MEANING_WEIGHT * meaning
    return np.where(np.isnan(meaning), wording, mixed).astype(np.float32)


#: Candidates a row's or column's median and spread are estimated from (every k-th of
#: them beyond this many): the level of chance needs no more, and 2,000 × 2,000 stays fast.
SPREAD_SAMPLE = 256


def _nan_median(values: np.ndarray, axis: int) -> np.ndarray:
    """``np.nanmedian(..., keepdims=True)`` by one sort (NaN sorts last), without its
    per-row Python loop."""
    ordered = np.sort(values, axis=axis)
    count = np.sum(~np.isnan(values), axis=axis, keepdims=True)
    low = np.take_along_axis(ordered, np.maximum(count - 1, 0) // 2, axis)
    high = np.take_along_axis(ordered, count // 2, axis) if ordered.shape[axis] > 1 else low
    return np.where(count > 0, (low + high) / 2, np.nan)


def _robust_scale(values: np.ndarray, axis: int) -> tuple[np.ndarray, np.ndarray]:
    """Median and a robust spread (1.4826 MAD, the standard deviation where half the
    values are equal and the MAD is 0) of the non-NaN values, along ``axis``."""
    if values.shape[axis] > SPREAD_SAMPLE:
        step = -(-values.shape[axis] // SPREAD_SAMPLE)
        values = values[::step] if axis == 0 else values[:, ::step]
    with warnings.catch_warnings():  # a row or column with no candidate at all is NaN
        warnings.simplefilter("ignore", RuntimeWarning)
        median = _nan_median(values, axis)
        spread = 1.4826 * _nan_median(np.abs(values - median), axis)
        std = np.nanstd(values, axis=axis, keepdims=True)
    spread = np.where(spread > 1e-9, spread, std)
    return median, np.where(spread > 1e-9, spread, 1.0)


def standardized(signal: np.ndarray, allowed: np.ndarray) -> np.ndarray:
    """A signal as z-scores over the pairs of this comparison that may match (0 where
    the signal is missing), so signals on different scales can be added."""
    values = np.where(allowed, signal, np.nan)
    mean, std = np.nanmean(values), np.nanstd(values)
    if not np.isfinite(mean) or std < 1e-9:
        return np.zeros_like(signal, dtype=np.float32)
    return np.nan_to_num((signal - mean) / std, nan=0.0).astype(np.float32)


def chance_level(score: np.ndarray, allowed: np.ndarray, axis: int) -> np.ndarray:
    """Per column (``axis=0``) or row (``axis=1``): the score the best of its candidates
    reaches by chance. If the n candidates were all unrelated, their scores would scatter
    around the median with the robust spread, and the largest of n such draws lies about
    sqrt(2 ln n) spreads above it; a counterpart must stand out beyond that."""
    values = np.where(allowed, score, np.nan)
    median, spread = _robust_scale(values, axis)
    n = np.maximum(allowed.sum(axis=axis, keepdims=True), 2)
    return (median + spread * np.sqrt(2 * np.log(n))).squeeze(axis)


def clarity(signal: np.ndarray, allowed: np.ndarray) -> float:
    """How clearly a signal singles out a counterpart in these two documents: the median,
    over the units of B, of how many robust spreads their best candidate stands above the
    rest. Bigram and term overlap are sparse (most pairs share nothing, a counterpart
    shares a rare word): 10 to 20. Sentence vectors of one genre crowd together
    (every policy sentence near every other): 2 to 3."""
    values = np.where(allowed, signal, np.nan)
    columns = np.isfinite(values).any(axis=0)
    if not columns.any():
        return 0.0
    values = values[:, columns]
    median, spread = _robust_scale(values, 0)
    return float(np.median((np.nanmax(values, axis=0) - median[0]) / spread[0]))


def related_score(signals: Sequence[np.ndarray], allowed: np.ndarray) -> np.ndarray:
    """One score for two different documents: the standardised signals, each weighted by
    its ``clarity`` in these documents (no weight fitted to any pair of documents)."""
    total = np.zeros(allowed.shape, dtype=np.float32)
    for signal in signals:
        total += clarity(signal, allowed) * standardized(signal, allowed)
    return total
