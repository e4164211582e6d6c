"""How alike two provisions are: wording (character bigrams) and meaning (sentence vectors).

Wording is the cosine of tf-idf weighted character bigrams of the text without its
numbering, punctuation and spaces. Bigrams need no segmenter, so Chinese and Korean
(written without the spaces, which revisions move) are read the same way, and a
changed word changes only the two or three bigrams it touches. The idf is taken over
both documents: words every provision uses (产业, 发展, 지역) weigh little, the words
that make a provision itself weigh much — what matters between two different policies.

Meaning, where both documents have stored sentence vectors (``DUIZHAO_ENCODER``), is
their cosine stretched from the encoder's unrelated level (0.2) to 1, and blended in
with a weight of ``MEANING_WEIGHT``; wording alone otherwise.

The matrix is computed from an inverted index (one ``bincount`` per unit of A), so two
2,000-sentence documents cost a few million additions, not a dense product over the
bigram vocabulary.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence

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


class Profiles:
    """tf-idf bigram vectors of the texts of two sides, over one vocabulary."""

    def __init__(self, a_texts: Sequence[str], b_texts: Sequence[str]):
        a_grams = [Counter(bigrams(t)) for t in a_texts]
        b_grams = [Counter(bigrams(t)) for t in b_texts]
        df: Counter = Counter()
        for grams in (*a_grams, *b_grams):
            df.update(grams.keys())
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
        return self.weigh(Counter(bigrams(text)))

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


def meaning_matrix(a_vectors: Sequence[np.ndarray | None], b_vectors: Sequence[np.ndarray | None]) -> np.ndarray | None:
    """Stretched cosines of the sentence vectors, NaN where a unit has none; None if no unit has one."""
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
    cos = a @ b.T
    stretched = np.clip((cos - MEANING_FLOOR) / (1 - MEANING_FLOOR), 0.0, 1.0)
    stretched[~a_present, :] = np.nan
    stretched[:, ~b_present] = np.nan
    return stretched


def blended(wording: np.ndarray, meaning: np.ndarray | None) -> np.ndarray:
    """Wording and meaning in one similarity (wording alone where meaning is missing)."""
    if meaning is None:
        return wording
    mixed = (1 - MEANING_WEIGHT) * wording + MEANING_WEIGHT * meaning
    return np.where(np.isnan(meaning), wording, mixed).astype(np.float32)
