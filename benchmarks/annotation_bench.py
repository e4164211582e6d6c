"""Annotations at scale: 10,000 in the library (8,000 on seed 000, 2,000 on seed 002).

Prints, in milliseconds:
- one annotation write (its own committed transaction), median and 99th percentile;
- the annotations panel opening until painted (a count and the rows on screen, read in SQL),
  target ≤ 80 ms (issue 18), beside reading all 10,000 rows (what the panel did before);
- scrolling it to the end, and filtering it by text, colour, tag and scope (with the paint), target < 100 ms each;
- building the highlight marks of seed 000 for both panes (done once per change,
  never per scroll event, so the pane's scroll/sync handler does not pay for it);
- re-anchoring all 8,000 annotations of seed 000 after an edited version is imported.

    QT_QPA_PLATFORM=offscreen python benchmarks/annotation_bench.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED_000 = ROOT / "reader" / "corpus" / "000_4da25c489d9ca64f.txt"
SEED_002 = ROOT / "reader" / "corpus" / "002_5c24a0fd9a7772f6.txt"
TOTAL = 10_000
ON_SEED_000 = 8_000
REMOVED = "当前，国际国内产业分工深刻调整，我国东部沿海地区产业向中西部地区转移步伐加快。"
TAGS = ["产业", "财税", "토지", "금융", "인재", "환경", "개방", "review"]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.2f} ms"


def fill(library, document, count: int, write_times: list[float]) -> None:
    """Annotate spans all over a document: every unit in turn, whole or a slice of it."""
    from reader.annotations import COLORS, make_anchor

    units = document.units("zh") + document.units("ko")
    colors = list(COLORS)
    for i in range(count):
        unit = units[i % len(units)]
        start = (i // len(units)) % max(1, len(unit.text) - 4)
        end = min(len(unit.text), start + 4 + i % 20)
        anchor = make_anchor(document, unit.id, start, end)
        t0 = time.perf_counter()
        library.annotations.create(
            document.id,
            anchor,
            color=colors[i % 6],
            note=f"메모 {i}: 검토 필요 — {unit.text[:12]}" if i % 3 else "",
            tags=[TAGS[i % len(TAGS)], TAGS[(i * 7) % len(TAGS)]],
            starred=i % 11 == 0,
        )
        write_times.append(time.perf_counter() - t0)


def edited_seed(directory: Path) -> Path:
    text = SEED_000.read_text(encoding="utf-8")
    text = text.replace(REMOVED, "")
    text = text.replace("着力加强环境保护", "着力加强生态环境保护")
    path = directory / "000_edited.txt"
    path.write_text(text, encoding="utf-8")
    return path


def pane_figures(app, document, marks) -> None:
    """Highlights in a reading pane: setting them, and painting while scrolling with and without them."""
    from reader.ui.pane import ReadingPane

    pane = ReadingPane("zh")
    pane.resize(700, 900)
    pane.load(document)
    pane.show()
    app.processEvents()

    def scroll_paint() -> float:
        bar = pane.verticalScrollBar()
        steps = 60
        t = time.perf_counter()
        for i in range(steps):
            bar.setValue(bar.maximum() * i // steps)
            pane.viewport().repaint()
        return (time.perf_counter() - t) / steps

    bare = scroll_paint()
    t0 = time.perf_counter()
    pane.set_marks(marks)
    t_set = time.perf_counter() - t0
    marked = scroll_paint()
    print(f"reading pane with {len(marks)} marks: set_marks {ms(t_set)}")
    print(f"  scroll step + paint: {ms(bare)} without marks, {ms(marked)} with marks")
    pane.close()
    pane.deleteLater()
    app.processEvents()


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["DUIZHAO_DATA_DIR"] = tmp
        from PySide6.QtGui import QUndoStack
        from PySide6.QtWidgets import QApplication

        from reader.annotations import marks_by_language
        from reader.library import Library
        from reader.ui.annotations_panel import AnnotationsPanel
        from reader.ui.controllers.annotations import AnnotationEdits
        from reader.ui.errors import ErrorReporter

        app = QApplication.instance() or QApplication([])
        library = Library()
        big = library.import_files([SEED_000], doc_id="guofa-2010-28")
        small = library.import_files([SEED_002], doc_id="manufacturing-transfer")
        writes: list[float] = []
        t0 = time.perf_counter()
        fill(library, big, ON_SEED_000, writes)
        fill(library, small, TOTAL - ON_SEED_000, writes)
        total_fill = time.perf_counter() - t0
        writes.sort()
        print(f"{TOTAL} annotations written one transaction each in {total_fill:.1f} s")
        print(f"  write: median {ms(statistics.median(writes))}, p99 {ms(writes[int(len(writes) * 0.99)])}")

        t0, c0 = time.perf_counter(), time.process_time()
        annotations = library.annotations.list(context=False)  # what the panel read before issue 18
        t_list, c_list = time.perf_counter() - t0, time.process_time() - c0

        t0, c0 = time.perf_counter(), time.process_time()
        stack = QUndoStack()
        panel = AnnotationsPanel(library.annotations, AnnotationEdits(library.annotations, stack, ErrorReporter()))
        c_made = time.process_time() - c0
        panel.resize(420, 800)
        panel.show_document(big.id)
        panel.show()
        app.processEvents()  # laid out and painted: the rows on screen are read
        t_open, c_open = time.perf_counter() - t0, time.process_time() - c0
        print(
            f"panel open and painted ({panel.model.count} of {len(annotations)} rows,"
            f" {panel.model.materialised} read): {ms(t_open)} "
            f"(CPU {ms(c_open)}; target ≤ 80 ms; {os.cpu_count()} cores at load {os.getloadavg()[0]:.1f})"
        )
        print(f"  of which making the panel (widgets, the whole library's list): CPU {ms(c_made)}")
        print(f"  for comparison, reading all {len(annotations)} rows: {ms(t_list)} (CPU {ms(c_list)})")

        t0 = time.perf_counter()
        panel.view.scrollToBottom()
        app.processEvents()
        print(f"  scroll to the last row and paint: {ms(time.perf_counter() - t0)}")

        def timed(label: str, action) -> None:
            t = time.perf_counter()
            action()
            app.processEvents()
            elapsed = time.perf_counter() - t
            print(f"  filter {label:<28} {ms(elapsed)}  → {panel.model.count} rows")

        timed("text '产业'", lambda: panel.search.setText("产业"))
        timed("text '검토 필요 3'", lambda: panel.search.setText("검토 필요 3"))
        timed("clear text", lambda: panel.search.clear())
        timed("colour blue", lambda: panel.color_filter.setCurrentIndex(panel.color_filter.findData("blue")))
        timed("tag 토지", lambda: panel.tag_filter.setCurrentIndex(panel.tag_filter.findData("토지")))
        timed("whole library", lambda: panel.scope.setCurrentIndex(panel.scope.findData("library")))
        timed("sort newest first", lambda: panel.sort.setCurrentIndex(panel.sort.findData("created")))
        timed(
            "all colours and tags", lambda: (panel.color_filter.setCurrentIndex(0), panel.tag_filter.setCurrentIndex(0))
        )

        panel.view.setCurrentIndex(panel.model.index(0))
        panel.note.setPlainText("새 메모")
        t0 = time.perf_counter()
        panel.commit_note()
        print(f"edit a note in the panel (committed write + panel refresh): {ms(time.perf_counter() - t0)}")

        big_annotations = library.annotations.list(doc_id=big.id)
        links = library.links.get(big.id)
        t0 = time.perf_counter()
        marks = marks_by_language(big, big_annotations, links)
        t_marks = time.perf_counter() - t0
        counts = ", ".join(f"{lang} {len(m)}" for lang, m in marks.items())
        print(f"marks for seed 000 ({len(big_annotations)} annotations, {len(links)} links → {counts}): {ms(t_marks)}")

        pane_figures(app, big, marks["zh"])

        t0 = time.perf_counter()
        library.reimport(big.id, [edited_seed(Path(tmp))])
        t_reanchor = time.perf_counter() - t0
        orphaned = library.annotations.list(doc_id=big.id, state="orphaned")
        on_removed = sum(a.anchor.quote in REMOVED for a in orphaned)
        print(f"re-import of edited seed 000 with {len(big_annotations)} annotations: {ms(t_reanchor)}")
        print(f"  orphaned: {len(orphaned)}, of which on the removed sentence: {on_removed}")
        library.close()
        panel.deleteLater()
        app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
