"""The reader on a 2 MB document, in the real main window (offscreen Qt, real paint).

    QT_QPA_PLATFORM=offscreen python benchmarks/reader_bench.py [--runs 3]

The document is made in a temporary library from the bundled corpus: seed 000 (its
Chinese, its Korean and their stored alignment) repeated under new unit ids until its
text reaches 2 MB. Each run is a fresh process that opens the window on seed 000 (as
a usual start does), then prints, for the 2 MB document:

- **first paint**: from ``open_document`` until both panes have painted their first
  page (the event loop runs; Qt paints when it would on screen). Target ≤ 0.5 s. Two
  openings, each in processes of its own: at the start of the text (a first reading),
  and where the reader left it, a clause 90 % down (the place the run before ends at:
  the usual way a long text is opened again). Each run does both, alternately.
- **background layout**: Qt lays the rest of the text out in steps after that; the time
  until both texts are laid out, and the longest single event meanwhile.
- **scrolling**: a mouse-wheel notch (three lines) of the left pane at 300 places spread
  over the text, each timed from the scroll until Qt has painted both panes (the right
  one following); two passes (the first measures the text it reaches, the second finds
  it measured). Target every step ≤ 8 ms. Then the text end to end in 300 page-long
  steps with both panes repainted whole (what a drag of the scrollbar costs).
- **jump**: going to a clause 90 % down the text (outline, search hit): time, and how
  far apart the clause and its counterpart land (pixels).
- memory of the process after all that.

The figures are the median of the runs. On a machine shared with other work they are
upper bounds; the first paint also prints the process's CPU time, which other work on
the machine inflates less than the wall-clock time.
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

ROOT = Path(__file__).resolve().parents[1]
BIG_ID = "bench-2mb"
SEED_ID = "guofa-2010-28"
TARGET_BYTES = 2_000_000
STEPS = 300


def big_document(document, links, target_bytes: int):
    """Seed 000 repeated under fresh unit ids until its text reaches ``target_bytes`` (UTF-8)."""
    from reader.model import AlignmentLink, Document, Segment

    size = sum(len(s.text.encode("utf-8")) for s in document.segments)
    copies = max(1, -(-target_bytes // size))
    segments, all_links = [], []

    def renamed(segment_id: str | None, k: int) -> str | None:
        if segment_id is None:
            return None
        lang, rest = segment_id.split(".", 1)
        return f"{lang}.r{k}{rest}"

    for k in range(copies):
        for lang in ("zh", "ko"):
            for s in document.segments_in(lang):
                segments.append(Segment(renamed(s.id, k), s.lang, s.kind, s.label, s.text, renamed(s.parent, k)))
        for link in links:
            all_links.append(
                AlignmentLink([renamed(i, k) for i in link.zh_ids], [renamed(i, k) for i in link.ko_ids], link.score)
            )
    ordered = [s for s in segments if s.lang == "zh"] + [s for s in segments if s.lang == "ko"]
    big = Document(id=BIG_ID, title=f"{document.title} ×{copies}", segments=ordered)
    return big, all_links


def prepare(data: Path) -> dict:
    """A library with the corpus and the 2 MB document (stored with its alignment)."""
    os.environ["DUIZHAO_DATA_DIR"] = str(data)
    from reader.library import Library

    library = Library()
    library.import_corpus()
    seed = library.documents.get(SEED_ID)
    big, links = big_document(seed, library.links.get(SEED_ID), TARGET_BYTES)
    library.documents.add(big)
    library.links.replace(big.id, links)
    units = len(big.units("zh")) + len(big.units("ko"))
    size = sum(len(s.text.encode("utf-8")) for s in big.segments)
    library.close()
    return {"units": units, "bytes": size}


def memory_mb() -> float:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return float(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(reopen: bool) -> dict:
    """One run, in this (fresh) process, over the library in DUIZHAO_DATA_DIR; ``reopen``:
    the 2 MB document opens where the reader left it (else at its start)."""
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from reader.library import Library
    from reader.ui.app import application
    from reader.ui.mainwindow import MainWindow
    from reader.ui.pane import ReadingPane
    from reader.ui.settings import Settings

    app = application([])
    library = Library()
    settings = Settings(Path(os.environ["DUIZHAO_DATA_DIR"]) / "bench.ini")
    clauses = [
        row[0]
        for row in library.db.execute(
            "SELECT id FROM segments WHERE doc_id = ? AND lang = 'zh' AND kind = 'clause' AND text != ''"
            " ORDER BY position",
            [BIG_ID],
        )
    ]
    left_at = clauses[int(len(clauses) * 0.9)]
    settings.set("reader/positions", json.dumps({BIG_ID: left_at} if reopen else {}))
    # The time a pane has painted is taken when its paintEvent returns: both panes paint in
    # one pass of Qt's repaint and are on screen after it, before any timer runs (work the
    # window puts off until after the paint, too, would otherwise count).
    painted_at: dict[int, tuple[float, float]] = {}
    loop = QEventLoop()
    paint = ReadingPane.paintEvent

    def timed_paint(pane, event) -> None:
        paint(pane, event)
        if armed and id(pane) not in painted_at:
            painted_at[id(pane)] = (time.perf_counter(), time.process_time())
            if len(painted_at) == 2:
                QTimer.singleShot(0, loop.quit)

    ReadingPane.paintEvent = timed_paint  # type: ignore[method-assign]  # before any pane is made
    armed = False
    window = MainWindow(library, settings)
    window.resize(1400, 900)
    window.parallel.sync.delay_ms = 0
    window.show()
    window.open_document(SEED_ID)
    app.processEvents()
    view = window.parallel
    left, right = view.left, view.right

    armed = True
    t0, cpu0 = time.perf_counter(), time.process_time()
    window.open_document(BIG_ID)
    for pane in (left, right):
        pane.viewport().update()
    QTimer.singleShot(60_000, loop.quit)
    loop.exec()
    armed = False
    first_paint = max(at for at, _cpu in painted_at.values()) - t0
    first_paint_cpu = max(cpu for _at, cpu in painted_at.values()) - cpu0
    # Opened again: how far the clause it was left at is from the reading line (0: there).
    place_px = abs(left.viewport_top_of(left_at) - left.reading_line()) if reopen else 0.0

    # Qt lays the rest out in steps: wait until neither scrollbar has grown for 0.5 s.
    t1 = time.perf_counter()
    longest = 0.0
    heights = (-1, -1)
    stable_since = time.perf_counter()
    while time.perf_counter() - stable_since < 0.5 and time.perf_counter() - t1 < 60:
        t = time.perf_counter()
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        longest = max(longest, time.perf_counter() - t)
        now = (left.verticalScrollBar().maximum(), right.verticalScrollBar().maximum())
        if now != heights:
            heights, stable_since = now, time.perf_counter()
        time.sleep(0.002)
    laid_out = stable_since - t1

    bar = left.verticalScrollBar()
    wheel = 3 * bar.singleStep()  # one notch of a mouse wheel (three lines)

    def wheel_pass() -> list[float]:
        """A wheel notch at STEPS places spread over the text; Qt paints what it would on
        screen (the panes scroll their pixels and draw the strip that came into view)."""
        steps, cpu = [], []
        for i in range(STEPS):
            value = bar.maximum() * i // STEPS
            bar.setValue(value)
            app.processEvents()
            t, c = time.perf_counter(), time.process_time()
            bar.setValue(value + wheel)
            app.processEvents()
            steps.append(time.perf_counter() - t)
            cpu.append(time.process_time() - c)
        cpu_steps.extend(cpu)
        return sorted(steps)

    def page_pass() -> list[float]:
        """End to end by pages (each step longer than the viewport: both panes repainted whole)."""
        step = max(1, bar.maximum() // STEPS)
        steps = []
        for value in range(0, bar.maximum() + 1, step):
            t = time.perf_counter()
            bar.setValue(value)
            left.viewport().repaint()
            right.viewport().repaint()
            steps.append(time.perf_counter() - t)
        return sorted(steps)

    cpu_steps: list[float] = []
    first_pass = wheel_pass()
    del cpu_steps[:]
    second_pass = wheel_pass()
    second_pass_cpu = sorted(cpu_steps)
    pages = page_pass()

    clauses = [u for u in left.unit_ids if left.span(u).kind == "clause"]
    clause = clauses[int(len(clauses) * 0.9)]
    counterpart = view.alignment.counterparts(clause)[0]
    t = time.perf_counter()
    window.go_to_unit(clause)
    left.viewport().repaint()
    right.viewport().repaint()
    jump = time.perf_counter() - t
    app.processEvents()
    level = abs(left.viewport_top_of(clause) - right.viewport_top_of(counterpart))

    def summary(steps: list[float]) -> dict:
        return {"median": statistics.median(steps), "p95": steps[int(len(steps) * 0.95)], "max": steps[-1]}

    result = {
        "reopen": reopen,
        "place_px": place_px,
        "first_paint": first_paint,
        "first_paint_cpu": first_paint_cpu,
        "laid_out": laid_out,
        "longest_event": longest,
        "first_pass": summary(first_pass),
        "second_pass": summary(second_pass),
        "second_pass_cpu": summary(second_pass_cpu),
        "pages": summary(pages),
        "steps": len(first_pass),
        "wheel_px": wheel,
        "jump": jump,
        "jump_level_px": level,
        "memory_mb": memory_mb(),
    }
    window.close()
    library.close()
    QApplication.processEvents()
    return result


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        print(json.dumps(measure(reopen=sys.argv[2] == "reopen")))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        info = prepare(Path(tmp))
        runs, reopened = [], []
        for _ in range(args.runs):
            for opening, into in (("start", runs), ("reopen", reopened)):
                out = subprocess.run(
                    [sys.executable, __file__, "--child", opening],
                    capture_output=True,
                    text=True,
                    check=True,
                    env={**os.environ, "DUIZHAO_DATA_DIR": tmp},
                ).stdout
                into.append(json.loads(out.strip().splitlines()[-1]))

    def med(*keys: str, of: list[dict] = runs) -> float:
        values = []
        for run in of:
            value = run
            for key in keys:
                value = value[key]
            values.append(value)
        return statistics.median(values)

    print(f"2 MB document: {info['bytes'] / 1e6:.2f} MB of text, {info['units']} units; median of {len(runs)} runs")
    print(
        f"  machine: {os.cpu_count()} cores, load average {load_before:.1f} before and "
        f"{os.getloadavg()[0]:.1f} after (wall times of a loaded machine are upper bounds; CPU times less so)"
    )
    for name, of in (("at its start", runs), ("where it was left, 90 % down", reopened)):
        singles = ", ".join(f"{r['first_paint'] * 1000:.0f}/{r['first_paint_cpu'] * 1000:.0f}" for r in of)
        print(
            f"  first paint of both panes after opening {name}: {ms(med('first_paint', of=of))} "
            f"(CPU time of the process {ms(med('first_paint_cpu', of=of))})   (target ≤ 500 ms); "
            f"single runs (wall/CPU) {singles} ms"
        )
        print(
            f"    then the rest laid out (and shown) after {ms(med('laid_out', of=of))}, "
            f"longest event meanwhile {ms(med('longest_event', of=of))}"
        )
    print(
        f"  opened where it was left: the clause {max(r['place_px'] for r in reopened):.1f} px from the reading line at most"
    )
    print(
        f"  wheel step, first pass, the runs opened where left: median {ms(med('first_pass', 'median', of=reopened))}, "
        f"p95 {ms(med('first_pass', 'p95', of=reopened))}, max {ms(med('first_pass', 'max', of=reopened))}"
    )
    print("  (the figures below are those of the runs opened at the start)")
    for name, key in (("first pass", "first_pass"), ("second pass", "second_pass")):
        print(
            f"  wheel step ({runs[0]['wheel_px']} px, the other pane following, both painted), {name} over "
            f"{runs[0]['steps']} places: median {ms(med(key, 'median'))}, p95 {ms(med(key, 'p95'))}, "
            f"max {ms(med(key, 'max'))}   (target every step ≤ 8 ms)"
        )
    print(
        f"  wheel step, second pass, CPU time of the process: median {ms(med('second_pass_cpu', 'median'))}, "
        f"p95 {ms(med('second_pass_cpu', 'p95'))}, max {ms(med('second_pass_cpu', 'max'))}"
    )
    print(
        f"  page step (end to end in {runs[0]['steps']} steps, both panes repainted whole): median "
        f"{ms(med('pages', 'median'))}, p95 {ms(med('pages', 'p95'))}, max {ms(med('pages', 'max'))}"
    )
    print(
        f"  jump to a clause 90 % down: {ms(med('jump'))}, clause and counterpart {med('jump_level_px'):.1f} px apart"
    )
    print(f"  memory after all that: {med('memory_mb'):.0f} MB")


if __name__ == "__main__":
    main()
