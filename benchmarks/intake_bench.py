"""Intake of real-world files: saved web pages, OCR of scans, HWP 5.0.

Prints, for the test pages of tests/text/formats/pages.py (gov.cn policy library,
a table-layout page, an .mhtml archive): character F1 against the policy text,
whether every metadata field is exact, and the time per page; for seed pages
rendered at 300 dpi and at 200 dpi with mild noise and skew (Chinese and Korean):
character accuracy, seconds per page, and the peak memory of the OCR engine and of
this process; for an HWP file of about 100 pages made with the test writer: the
time to read its text and to import it. Targets (issue 16): F1 ≥ 0.99 with exact
metadata, a page ≤ 1 s; OCR accuracy ≥ 0.98 (zh) / ≥ 0.97 (ko), ≥ 1 page per 15 s,
≤ 800 MB; 100-page HWP ≤ 5 s.

    QT_QPA_PLATFORM=offscreen python benchmarks/intake_bench.py [--skip-ocr] [--hwp-twins DIR]

``--hwp-twins DIR`` also reads every ``X.hwp`` of DIR that has an ``X.hwpx`` beside it
and prints the character F1 of the two texts (files you have; none are committed).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def bench_html(folder: Path) -> None:
    from reader.text.importer import parse_files
    from tests.text.formats.pages import (
        POLICY_METADATA,
        POLICY_URL,
        TABLE_PAGE_TITLE,
        char_f1,
        seed_000_chinese,
        seed_002_lines,
        write_pages,
    )

    pages = write_pages(folder)
    expected = {
        "policy_library.html": ("".join(seed_000_chinese()), {**POLICY_METADATA, "source_url": POLICY_URL}),
        "policy_library.mhtml": ("".join(seed_000_chinese()), {**POLICY_METADATA, "source_url": POLICY_URL}),
        "table_layout.htm": (TABLE_PAGE_TITLE + "".join(seed_002_lines()), {"title": TABLE_PAGE_TITLE}),
    }
    parse_files([pages["policy_library.html"]])  # warm up trafilatura and the tables
    print("HTML pages")
    for name, path in pages.items():
        text, metadata = expected[name]
        start = time.perf_counter()
        document = parse_files([path])
        elapsed = time.perf_counter() - start
        got = "".join(s.text for s in document.segments)
        exact = all(getattr(document, field) == value for field, value in metadata.items())
        print(f"  {name:22s} char F1 {char_f1(got, text):.4f}  metadata exact {exact}  {elapsed:.2f} s")


def bench_ocr(folder: Path) -> None:
    from PySide6.QtGui import QGuiApplication

    from reader.text.formats import ocr
    from tests.text.formats.pages import char_accuracy, seed_000_chinese
    from tests.text.formats.scans import render_pages, save_pngs, seed_000_korean

    app = QGuiApplication.instance() or QGuiApplication([])
    print(f"OCR ({ocr.check_engine(folder)}; one page each, first 8 paragraphs of seed 000)")
    times = []
    for lang, lines in (("zh", seed_000_chinese()[:8]), ("ko", seed_000_korean()[:8])):
        for label, options in (
            ("300 dpi", {"dpi": 300}),
            ("200 dpi noise+skew", {"dpi": 200, "noise": 0.003, "skew": 0.5}),
        ):
            (png,) = save_pngs(render_pages(lines, lang, **options)[:1], folder, f"{lang}-{options['dpi']}")
            start = time.perf_counter()
            cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
            (page,) = ocr.read_image(png).pages
            wall = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu_s = after.ru_utime + after.ru_stime - cpu.ru_utime - cpu.ru_stime
            recognised = "".join("".join(page.lines).split())
            reference = "".join("".join(lines).split())[: len(recognised)]
            times.append(wall)
            print(
                f"  {lang} {label:20s} accuracy {char_accuracy(recognised, reference):.4f}  confidence "
                f"{page.confidence:.1f}  {wall:.1f} s wall, {cpu_s:.1f} s CPU  ({page.language})"
            )
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"  median {statistics.median(times):.1f} s per page; peak memory: Tesseract {child:.0f} MB, this process {own:.0f} MB"
    )
    del app


def bench_hwp(folder: Path) -> None:
    from reader.text.formats.hwp import read_hwp
    from reader.text.importer import parse_files
    from tests.conftest import SEED_000
    from tests.text.formats.hwp_writer import HwpDocument, Paragraph, hwp_bytes

    lines = [line for line in SEED_000.read_text(encoding="utf-8").split("\n") if line.strip()]
    zh_start = next(i for i, line in enumerate(lines) if "国务院关于" in line)
    zh = lines[zh_start:]
    body = zh[:3] + zh[3:-1] * 13 + zh[-1:]  # about 100 pages of Chinese
    path = folder / "long.hwp"
    path.write_bytes(hwp_bytes(HwpDocument([Paragraph(line) for line in body])))
    chars = sum(len(line) for line in body)
    start = time.perf_counter()
    read_hwp(path, path.read_bytes())
    read = time.perf_counter() - start
    start = time.perf_counter()
    parse_files([path])
    parsed = time.perf_counter() - start
    print(
        f"HWP: {chars} characters (~{chars // 800} pages): text read {read:.2f} s, parsed into a document {parsed:.2f} s"
    )


def bench_twins(folder: Path) -> None:
    from reader.errors import ImportFailed
    from reader.text.formats.hwp import read_hwp
    from reader.text.loaders import load
    from tests.text.formats.pages import char_f1

    print(f"HWP/HWPX twins in {folder}")
    for hwp in sorted(folder.rglob("*.hwp")):
        twin = hwp.with_suffix(".hwpx")
        if not twin.exists():
            continue
        try:
            ours = "".join(read_hwp(hwp, hwp.read_bytes()))
            theirs = "".join(load(twin).lines)
        except ImportFailed as exc:
            print(f"  {hwp.relative_to(folder)}: {exc.problem}")
            continue
        if not "".join(ours.split()) and not "".join(theirs.split()):
            continue
        print(f"  {hwp.relative_to(folder)}: F1 {char_f1(ours, theirs):.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--skip-ocr", action="store_true")
    parser.add_argument("--hwp-twins", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        bench_html(folder)
        bench_hwp(folder)
        if not args.skip_ocr:
            bench_ocr(folder)
    if args.hwp_twins:
        bench_twins(args.hwp_twins)


if __name__ == "__main__":
    main()
