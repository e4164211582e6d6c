"""A real bilingual import, step by step: parse, embed, align, store, index.

    python benchmarks/import_bench.py [--runs 3]

Cases: seed 000 (Chinese and Korean in one file), a 5 MB text file made of seed 000
repeated, and Korean without sentence punctuation (the only text that loads Kiwi for
sentence ends). Each run is a fresh process importing one file into a fresh library
the way the app does (``Library.prepare`` then ``Library.store``), with each step timed
on its own:

- parse: decode, cleanup, structure, sentences (``parse_files``);
- embed: sentence vectors of every unit, when the encoder is on (``DUIZHAO_ENCODER``);
  otherwise "off" and the alignment runs on length and cognates;
- align: the aligner over the document (``align_document``);
- store: the document, its links (and vectors) in one SQLite transaction;
- index: the search index taking the new document in (analysis and Whoosh writing).

For each step it prints the time and the process's memory after it; then the total
and the peak. Figures are the median of the runs (a shared machine: upper bounds).
Targets (issue 2): seed 000 under 0.3 s of import work; 5 MB under 10 s and 300 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED_000 = ROOT / "reader" / "corpus" / "000_4da25c489d9ca64f.txt"
UNPUNCTUATED_KO = ROOT / "tests" / "text" / "data" / "unpunctuated_korean.txt"
STEPS = ("parse", "embed", "align", "store", "index")


def memory() -> tuple[float, float]:
    """(resident, peak) MB of this process."""
    current = peak = 0.0
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    current = float(line.split()[1]) / 1024
                elif line.startswith("VmHWM:"):
                    peak = float(line.split()[1]) / 1024
    except OSError:
        import resource

        peak = current = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return current, peak


def measure(path: str) -> dict:
    """In a fresh process: import one file into a fresh library, step by step."""
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["DUIZHAO_DATA_DIR"] = tmp
        from reader.align import align_document
        from reader.align.embeddings import shared_encoder, stored_precision, unit_vectors
        from reader.library import Library, PreparedImport
        from reader.search import SearchIndex
        from reader.text.importer import parse_files
        from reader.text.sentences import KOREAN_SPLITTER

        library = Library()
        index = SearchIndex(library, Path(tmp) / "index")
        index.ensure_current()  # the empty library's index, as a running app has it
        parse_files([SEED_000])  # warm the lazily built tables (encoding frequencies)
        steps: dict[str, dict] = {}

        def step(name: str, started: float) -> None:
            steps[name] = {"s": time.perf_counter() - started, "mb": memory()[0]}

        t = time.perf_counter()
        document = parse_files([path])
        step("parse", t)

        t = time.perf_counter()
        encoder = shared_encoder()
        vectors = None
        if encoder is not None:
            vectors = stored_precision(unit_vectors([s for s in document.segments if s.is_unit], encoder))
        step("embed", t)
        steps["embed"]["off"] = encoder is None

        t = time.perf_counter()
        links = align_document(document, vectors=vectors)
        step("align", t)

        t = time.perf_counter()
        library.store(PreparedImport(document, links, vectors, encoder.tag if encoder else ""))
        step("store", t)

        t = time.perf_counter()
        index.update_documents([document.id])
        step("index", t)

        index.close()
        library.close()
    return {
        "bytes": os.path.getsize(path),
        "units": len(document.units("zh")) + len(document.units("ko")),
        "links": len(links),
        "steps": steps,
        "peak_mb": memory()[1],
        "kiwi": KOREAN_SPLITTER.loaded,
    }


def run_case(path: Path) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", str(path)], capture_output=True, text=True, check=True
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        print(json.dumps(measure(sys.argv[2])))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    text = SEED_000.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "seed000x.txt"
        copies = -(-5 * 1024 * 1024 // len(text.encode("utf-8")))
        big.write_text("\n\n".join([text] * copies), encoding="utf-8")
        unpunctuated = Path(tmp) / "unpunctuated_ko.txt"
        unpunctuated.write_text("\n".join([UNPUNCTUATED_KO.read_text(encoding="utf-8")] * 200), encoding="utf-8")
        print(f"median of {args.runs} runs, each a fresh process and library")
        for name, path, target in (
            ("seed 000", SEED_000, "< 0.3 s"),
            (f"5 MB ({copies}x seed 000)", big, "< 10 s, < 300 MB"),
            ("unpunctuated Korean", unpunctuated, "Kiwi loaded once"),
        ):
            runs = [run_case(path) for _ in range(args.runs)]
            first = runs[0]
            print(
                f"{name}: {first['bytes'] / 1024:.0f} KiB, {first['units']} units, {first['links']} links"
                f"   (target {target})"
            )
            total = 0.0
            for key in STEPS:
                seconds = statistics.median(r["steps"][key]["s"] for r in runs)
                mb = statistics.median(r["steps"][key]["mb"] for r in runs)
                total += seconds
                note = " (encoder off: set DUIZHAO_ENCODER to measure it)" if first["steps"][key].get("off") else ""
                print(f"  {key:6s} {seconds:7.3f} s   memory after {mb:5.0f} MB{note}")
            peak = statistics.median(r["peak_mb"] for r in runs)
            kiwi = "Kiwi loaded" if any(r["kiwi"] for r in runs) else "Kiwi not loaded for sentences"
            print(f"  total  {total:7.3f} s   peak {peak:.0f} MB, {kiwi}")


if __name__ == "__main__":
    main()
