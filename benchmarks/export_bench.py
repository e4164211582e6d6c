"""Export speed: builds a briefing of many annotations and writes every format.

    python benchmarks/export_bench.py [--annotations 1000] [--layout memo|report] [--formats docx,pdf]

Annotates the units of the seed corpus in turn (Chinese and Korean, with notes
and tags) until the count is reached, then prints the time to build the
briefing and to write each format, and the size of each file.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: Issue 15: the report layout of 1,000 notes in at most 10 s in each format.
REPORT_TARGET_S = 10.0
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--annotations", type=int, default=1000)
    parser.add_argument("--formats", default="", help="comma-separated formats (default: all of the layout's)")
    parser.add_argument("--layout", default="memo", choices=("memo", "report"))
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="duizhao-export-bench-"))
    os.environ["DUIZHAO_DATA_DIR"] = str(work / "data")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from reader.export import BriefingOptions, briefing_from_library, write_briefing
    from reader.export.pdf import ensure_gui_application
    from reader.library import Library

    ensure_gui_application()
    library = Library()
    library.import_corpus()
    documents = [library.documents.get(d["id"]) for d in library.documents.list()]
    units = [(d, s) for d in documents for s in d.segments if s.is_unit]
    colors = ["yellow", "green", "blue", "pink", "purple", "orange"]
    start = time.perf_counter()
    for n in range(args.annotations):
        document, segment = units[n % len(units)]
        library.annotations.annotate(
            document,
            segment.id,
            note=f"메모 {n}: **중요** 내용과 `코드`\n\n- 항목 하나\n- 항목 둘",
            tags=[f"주제{n % 7}"],
            color=colors[n % len(colors)],
            starred=n % 5 == 0,
        )
    print(f"{args.annotations} annotations stored in {time.perf_counter() - start:.2f} s")

    start = time.perf_counter()
    briefing = briefing_from_library(library, BriefingOptions(layout=args.layout))
    print(f"briefing built: {briefing.count} items in {(time.perf_counter() - start) * 1000:.0f} ms")
    formats = args.formats or ("docx,hwpx,pdf" if args.layout == "report" else "md,html,csv,json,docx,hwpx,pdf")
    print(f"layout: {args.layout}")
    for fmt in formats.split(","):
        out = work / f"briefing.{fmt}"
        start, cpu = time.perf_counter(), time.process_time()
        write_briefing(briefing, fmt, out)
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
        target = f"  (target ≤ {REPORT_TARGET_S:.0f} s: {'met' if elapsed <= REPORT_TARGET_S else 'MISSED'})"
        print(
            f"{fmt:>5}: {elapsed:6.2f} s  (CPU {cpu:5.2f} s)  {out.stat().st_size / 1024:8.0f} KiB"
            + (target if args.layout == "report" and args.annotations >= 1000 else "")
        )
    print(f"load average while measuring: {' '.join(f'{v:.1f}' for v in os.getloadavg())} ({os.cpu_count()} cores)")
    library.close()


if __name__ == "__main__":
    main()
