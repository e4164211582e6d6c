"""Alignment speed, memory and quality: prints the figures of issue 3.

    python benchmarks/align_bench.py [--quick]

- the one-time load of the reading tables (OpenCC s2t, hanja);
- seed 000 aligned (after the load), median of several runs;
- a 5,000-sentence document pair (seed 000's body repeated): time and peak memory,
  with its structure, and with the Korean numbering stripped (banded search only);
- F1 (reader.align.evaluation) of our aligner and of a plain Gale-Church length-only aligner on
  the clean seed and the variants of tests/align/variants.py.

The Gale-Church baseline lives here, not in the product: it is the yardstick.
"""

from __future__ import annotations

import argparse
import math
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

from reader.align import align_document, load_tables  # noqa: E402
from reader.align.evaluation import score_alignment  # noqa: E402
from reader.align.output import links_as_records, side_text  # noqa: E402
from reader.model import Document  # noqa: E402
from reader.text.importer import parse_files  # noqa: E402
from tests.align import variants  # noqa: E402

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


def print_long_pair_rss() -> int:
    """Child process: align the long pair and print the peak resident memory."""
    import resource

    with tempfile.TemporaryDirectory() as folder:
        align_document(long_pair(Path(folder), 5000, False))
    print(f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB (Python, Qt-free, tables included)")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip the structure-less long pair")
    parser.add_argument("--rss-of-long-pair", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.rss_of_long_pair:
        return print_long_pair_rss()

    load_time, _ = timed(load_tables)
    print(f"reading tables load (OpenCC s2t + hanja): {load_time:.3f} s")

    seed = parse_files([variants.SEED_000])
    seed_time, _ = timed(align_document, seed, repeat=7)
    parse_time, _ = timed(parse_files, [variants.SEED_000], repeat=3)
    print(
        f"seed 000 ({len(seed.units('zh'))} zh / {len(seed.units('ko'))} ko units): align {seed_time:.3f} s "
        f"(parse {parse_time:.3f} s)   target < 0.3 s"
    )

    with tempfile.TemporaryDirectory() as folder:
        cases = [("with structure", False)] + ([] if args.quick else [("Korean numbering stripped", True)])
        for label, stripped in cases:
            document = long_pair(Path(folder), 5000, stripped)
            seconds, links = timed(align_document, document)
            megabytes = peak_memory(align_document, document)
            print(
                f"5,000-sentence pair, {label} ({len(document.units('zh'))} zh / {len(document.units('ko'))} ko): "
                f"{seconds:.2f} s, peak {megabytes:.0f} MB allocated, {len(links)} links   target < 20 s, < 500 MB"
            )
    if sys.platform != "win32":
        child = subprocess.run(
            [sys.executable, __file__, "--rss-of-long-pair"], capture_output=True, text=True, check=True
        )
        print(f"5,000-sentence pair, peak resident memory of a process that only aligns it: {child.stdout.strip()}")

    print(f"\n{'variant':<28}{'ours F1':>9}{'Gale-Church F1':>16}")
    with tempfile.TemporaryDirectory() as folder:
        for variant in [variants.seed(), *variants.all_variants(), variants.omit_sentences(0.2, 8)]:
            document = parse_files([variant.write(Path(folder))])
            ours = score_alignment(variant.gold, links_as_records(document, align_document(document))).f1
            baseline = score_alignment(variant.gold, gale_church(document)).f1
            name = variant.name if variant.name != "omit8" else "omit8 (20%)"
            print(f"{name:<28}{ours:>9.4f}{baseline:>16.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
