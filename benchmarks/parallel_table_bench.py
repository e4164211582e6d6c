"""대조표 speed: the whole of seed 000 (国发〔2010〕28号) as a parallel table in every format.

    python benchmarks/parallel_table_bench.py [--runs 3] [--notes 30]

Imports the corpus into a temporary library, puts ``--notes`` highlights with notes on
it, then prints the median time of building the table and of writing each format.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: Issue 15: the 대조표 of seed 000 in at most 3 s in each format.
TARGET_S = 3.0
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--notes", type=int, default=30)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="duizhao-table-bench-"))
    os.environ["DUIZHAO_DATA_DIR"] = str(work / "data")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from reader.export.parallel_formats import FORMATS, write_parallel_table
    from reader.export.parallel_table import parallel_table_from_library
    from reader.export.pdf import ensure_gui_application
    from reader.library import Library

    ensure_gui_application()
    library = Library()
    library.import_corpus()
    document = library.documents.get("guofa-2010-28")
    units = [s for s in document.segments if s.is_unit and s.lang == "zh"]
    for n in range(args.notes):
        library.annotations.annotate(document, units[(n * 7) % len(units)].id, note=f"메모 {n}")
    times: dict[str, list[float]] = {"build": [], **{fmt: [] for fmt in FORMATS}}
    for run in range(args.runs):
        start = time.perf_counter()
        table = parallel_table_from_library(library, "guofa-2010-28")
        times["build"].append(time.perf_counter() - start)
        for fmt in FORMATS:
            out = work / f"table{run}.{fmt}"
            start = time.perf_counter()
            write_parallel_table(table, fmt, out)
            times[fmt].append(time.perf_counter() - start)
    print(f"seed 000: {len(table.rows)} rows, {len(table.notes)} notes; median of {args.runs} runs")
    for name, values in times.items():
        median = statistics.median(values)
        whole = median + (statistics.median(times["build"]) if name != "build" else 0)
        target = (
            f"  build + write {whole:.2f} s (target ≤ {TARGET_S:.0f} s: {'met' if whole <= TARGET_S else 'MISSED'})"
        )
        print(f"{name:>6}: {median:6.2f} s" + (target if name != "build" else ""))
    print(f"load average while measuring: {' '.join(f'{v:.1f}' for v in os.getloadavg())} ({os.cpu_count()} cores)")
    library.close()


if __name__ == "__main__":
    main()
