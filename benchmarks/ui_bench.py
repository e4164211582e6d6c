"""Reader speed: prints the figures of issue 4 (offscreen Qt).

    python benchmarks/ui_bench.py [--quick]

- start to first painted window: a fresh process (interpreter, imports, library,
  first-run corpus import and alignment, window) until the first paint event;
- opening seed 000 (text layout, unit geometry, alignment marks), median of runs;
- the sync handler per scroll event: the leader's scrollbar moved one wheel step,
  the follower mapped and moved, median and p95 over a whole document;
- a 2 MB document (seed 000 repeated under new unit ids, aligned the same way):
  open time, first sync map, and scrolling it end to end with a paint per step.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FIRST_PAINT = r"""
import time, sys
started = float(sys.argv[1])
from PySide6.QtCore import QEvent, QObject
from reader.ui.app import application, create_window
from reader.library import Library
app = application([])
window = create_window(Library())

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print(f"{time.time() - started:.3f}")
            app.exit(0)
        return False

spy = FirstPaint()
window.parallel.left.viewport().installEventFilter(spy)
window.show()
app.exec()
"""


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def start_to_first_paint(runs: int) -> list[float]:
    times = []
    for run in range(runs):
        with tempfile.TemporaryDirectory() as data:
            env = {**os.environ, "DUIZHAO_DATA_DIR": data}
            if run % 2:
                # Second start: the corpus is already imported and aligned.
                subprocess.run([sys.executable, "-c", FIRST_PAINT, str(time.time())], env=env, capture_output=True)
            out = subprocess.run(
                [sys.executable, "-c", FIRST_PAINT, str(time.time())], env=env, capture_output=True, text=True
            )
            times.append((run % 2, float(out.stdout.strip().splitlines()[-1])))
    return times


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
    big = Document(id="big", title=document.title, segments=ordered)
    return big, all_links, sum(len(s.text.encode("utf-8")) for s in ordered)


def scroll_figures(app, view, step: int = 40, paint: bool = False) -> tuple[list[float], list[float]]:
    """Per scroll step: the whole event (leader scrolled, follower moved, optional paint),
    and the sync handler alone (map the reading line, move the follower)."""
    bar = view.left.verticalScrollBar()
    sync = view.sync
    follow = sync.follow
    handler: list[float] = []

    def timed_follow(from_left: bool) -> None:
        t = time.perf_counter()
        follow(from_left)
        handler.append(time.perf_counter() - t)

    sync.follow = timed_follow
    whole = []
    for value in range(0, bar.maximum(), step):
        t = time.perf_counter()
        bar.setValue(value)
        if paint:
            view.left.viewport().repaint()
            view.right.viewport().repaint()
        whole.append(time.perf_counter() - t)
    del sync.follow
    return sorted(whole), sorted(handler)


def figures(values: list[float]) -> str:
    return f"median {ms(statistics.median(values))}, p95 {ms(values[int(len(values) * 0.95)])}, max {ms(values[-1])}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs")
    args = parser.parse_args()
    runs = 2 if args.quick else 6

    import PySide6

    print(f"PySide6 {PySide6.__version__}, Python {sys.version.split()[0]}, platform {os.environ['QT_QPA_PLATFORM']}")
    firsts = start_to_first_paint(runs)
    cold = [t for warm, t in firsts if not warm]
    warm = [t for warm, t in firsts if warm]
    print(f"start to first paint, first run (imports corpus, aligns): median {ms(statistics.median(cold))}")
    if warm:
        print(f"start to first paint, later runs:                          median {ms(statistics.median(warm))}")

    with tempfile.TemporaryDirectory() as data:
        os.environ["DUIZHAO_DATA_DIR"] = data
        from reader.library import Library
        from reader.ui.app import application
        from reader.ui.mainwindow import MainWindow
        from reader.ui.settings import Settings

        app = application([])
        library = Library()
        library.import_corpus()
        window = MainWindow(library, Settings(Path(data) / "bench.ini"))
        window.resize(1400, 900)
        window.parallel.sync.delay_ms = 0
        window.show()
        app.processEvents()
        doc_id = "guofa-2010-28"
        window.open_document(doc_id)  # aligns once if the library has not
        app.processEvents()
        opens = []
        for _ in range(runs * 2):
            window.open_document("manufacturing-transfer")
            app.processEvents()
            t = time.perf_counter()
            window.open_document(doc_id)
            window.parallel.sync.sync_map()  # geometry of every unit, as the first scroll needs it
            opens.append(time.perf_counter() - t)
        print(f"open seed 000 (text, geometry, marks, sync map): median {ms(statistics.median(opens))}")

        view = window.parallel
        view.left.verticalScrollBar().setValue(0)
        view.sync.sync_map()
        whole, handler = scroll_figures(app, view)
        print(f"sync handler per scroll event (seed 000, {len(handler)} events): {figures(handler)}")
        print(f"  whole scroll event (leader scrolls, follower moves): {figures(whole)}")

        document = library.documents.get(doc_id)
        big, links, size = big_document(document, library.links.get(doc_id), 2_000_000)
        t = time.perf_counter()
        view.show_document(big, links)
        app.processEvents()
        opened = time.perf_counter() - t
        t = time.perf_counter()
        view.sync.sync_map()
        mapped = time.perf_counter() - t
        app.processEvents()  # the scrollbars learn the full height
        units = len(big.units("zh")) + len(big.units("ko"))
        print(f"2 MB document ({size / 1e6:.2f} MB, {units} units): open {ms(opened)}, first sync map {ms(mapped)}")
        step = max(40, view.left.verticalScrollBar().maximum() // 300)
        whole, handler = scroll_figures(app, view, step=step, paint=True)
        print(f"2 MB document scrolled end to end ({len(whole)} steps of {step} px, both panes painted):")
        print(f"  whole step with paint: {figures(whole)}")
        print(f"  sync handler:          {figures(handler)}")
        window.close()
        library.close()


if __name__ == "__main__":
    main()
