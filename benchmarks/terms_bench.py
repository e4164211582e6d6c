"""Terms: quality of the glossary and of the translation checks, and their speed.

    python benchmarks/terms_bench.py [--quick] [--speed] [--memory]

- planted slips (tests/terms/planting.py) in seed 000, several seeds: recall and
  precision per kind of check;
- seed 000 as it is: number of findings, and how they compare with the slips a
  careful bilingual reader found (tests/data/terms/seed000_slips.json);
- the glossary: top rendering of seed 000's 30 most frequent terms against the list
  made by reading (tests/data/terms/seed000_terms.json);
- speed: `qa` checks on seed 000 (warm; and as the product runs them, from a library
  whose glossary is mined, in this process and as a fresh `qa` command, wall and CPU
  time: on a shared machine wall time includes waiting), a lookup from the stored glossary, and mining
  a library of N sentence pairs: seed 000 repeated under other ids (the analysis of the
  sentences known), then mining again after a 200-sentence document is added; N pairs of
  distinct text (each link made of half of one seed 000 link and half of another, so no
  two links have the same terms; their analysis stored); and the product's own path,
  `refresh_glossary` over a Library of N/162 stored copies of seed 000 (reading every
  document and link, mining, storing the glossary).

- memory (also alone with ``--memory``): the peak RSS of mining N pairs of distinct text
  and of ``refresh_glossary`` over the Library of copies, each in a process of its own.

Every figure comes with the machine's load average: on a shared machine wall time
includes waiting, and CPU time is the better guide.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.align import align_document  # noqa: E402
from reader.terms.checks import KINDS, check_document  # noqa: E402
from reader.terms.glossary import AlignedPair, aligned_pairs, analyse, analysis_key, mine  # noqa: E402
from reader.text.importer import parse_files  # noqa: E402
from tests.conftest import SEED_000  # noqa: E402
from tests.terms.planting import TERMS_FILE, evaluate, is_real_slip, real_slips  # noqa: E402


def planted(seeds: list[int]) -> None:
    print("Planted slips (8 of each kind per run), mean over seeds", seeds)
    runs = [evaluate(count=8, seed=s) for s in seeds]
    print(f"  {'kind':22} {'recall':>7} {'(by seed)':>11} {'precision':>9} {'(by seed)':>11}")
    for kind in KINDS:
        if not any(r[kind]["planted"] for r in runs):
            continue
        recalls = [r[kind]["recall"] for r in runs]
        precisions = [r[kind]["precision"] for r in runs]
        print(
            f"  {kind:22} {statistics.mean(recalls):7.2f} {min(recalls):5.2f}–{max(recalls):4.2f} "
            f"{statistics.mean(precisions):9.2f} {min(precisions):5.2f}–{max(precisions):4.2f}"
        )


def seed_000() -> tuple:
    document = parse_files([SEED_000])
    links = align_document(document)
    findings = check_document(document, links)
    slips = real_slips()
    right = [f for f in findings if is_real_slip(f, slips)]
    caught = [s for s in slips if any(f.zh_term == s["zh"] or f.ko_term == s["ko"] for f in findings)]
    checkable = [s for s in slips if s["kind"] != "unrelated"]
    print(
        f"Seed 000: {len(findings)} findings, {len(right)} of them real slips "
        f"(precision {len(right) / max(1, len(findings)):.2f}); catches {len(caught)} of the reader's "
        f"{len(slips)} slips ({len([s for s in caught if s in checkable])} of {len(checkable)} that a check covers)"
    )
    glossary = {e.zh: e for e in mine(aligned_pairs(document, links))}
    reference = json.loads(TERMS_FILE.read_text(encoding="utf-8"))["terms"]
    good = sum(1 for t in reference if t["zh"] in glossary and glossary[t["zh"]].top in t["accepted"])
    print(f"Glossary: top rendering right for {good} of seed 000's {len(reference)} most frequent terms")
    times = []
    for _ in range(3):
        start = time.perf_counter()
        check_document(document, links)
        times.append(time.perf_counter() - start)
    print(f"qa checks on seed 000 (warm, glossary mined from the document): median {statistics.median(times):.2f} s")
    qa_speed()
    return document, links


def qa_speed() -> None:
    """`qa` as the product runs it: a library whose glossary is mined, the checks of a
    document checked before (its analysis stored), in this process and as a command."""
    import os
    import subprocess

    from reader.library import Library
    from reader.terms.service import document_findings, refresh_glossary

    with tempfile.TemporaryDirectory() as folder:
        library = Library(Path(folder) / "duizhao.sqlite3")  # where DUIZHAO_DATA_DIR=folder puts it
        try:
            library.import_files([SEED_000], doc_id="seed")
            refresh_glossary(library)
            start, cpu = time.perf_counter(), time.process_time()
            document_findings(library, "seed")
            print(
                f"qa checks on seed 000, first time (analysis of its sentences stored): "
                f"{time.perf_counter() - start:.2f} s wall, {time.process_time() - cpu:.2f} s CPU"
            )
            walls, cpus = [], []
            for _ in range(5):
                start, cpu = time.perf_counter(), time.process_time()
                document_findings(library, "seed")
                walls.append(time.perf_counter() - start)
                cpus.append(time.process_time() - cpu)
            print(
                f"qa checks on seed 000 again (library glossary, stored analysis): median "
                f"{statistics.median(walls):.2f} s wall, {statistics.median(cpus):.2f} s CPU   target <= 1 s"
            )
        finally:
            library.close()
        environment = dict(os.environ, DUIZHAO_DATA_DIR=folder, PYTHONPATH=str(ROOT))
        command = [sys.executable, "-m", "reader"]
        walls, cpus = [], []
        for _ in range(3):
            before = os.times()
            start = time.perf_counter()
            subprocess.run([*command, "qa", "seed", "--json"], env=environment, capture_output=True, check=True)
            walls.append(time.perf_counter() - start)
            after = os.times()
            cpus.append(after.children_user + after.children_system - before.children_user - before.children_system)
        print(
            f"`python -m reader qa seed --json` (a fresh process: imports included): median "
            f"{statistics.median(walls):.2f} s wall, {statistics.median(cpus):.2f} s CPU"
        )


def speed(document, links, pairs_wanted: int) -> None:
    from reader.store import open_database
    from reader.store.terms import TermStore
    from reader.terms.service import look_up

    base = aligned_pairs(document, links)
    copies = max(1, pairs_wanted // len(base))
    library = [AlignedPair(f"copy{i}", p.zh_id, p.ko_id, p.zh, p.ko) for i in range(copies) for p in base]
    with tempfile.TemporaryDirectory() as folder:
        terms = TermStore(open_database(Path(folder) / "bench.sqlite3"))
        start = time.perf_counter()
        analyse(base)
        per_pair = (time.perf_counter() - start) / len(base)
        print(
            f"Analysis of new sentences (jieba + Kiwi): {1 / per_pair:,.0f} pairs/s "
            f"→ about {per_pair * 100_000:.0f} s for 100,000 new pairs"
        )
        start, cpu = time.perf_counter(), time.process_time()
        entries = mine(library, store=terms)
        first, first_cpu = time.perf_counter() - start, time.process_time() - cpu
        print(
            f"Mining {len(library):,} pairs ({copies} copies of seed 000), first time: "
            f"{first:.1f} s wall, {first_cpu:.1f} s CPU   target <= 60 s for 100,000   {_load()}"
        )
        new = [AlignedPair("new", p.zh_id, p.ko_id, p.zh + "。", p.ko + ".") for p in base[:200]]
        start, cpu = time.perf_counter(), time.process_time()
        mine(library + new, store=terms)
        again, again_cpu = time.perf_counter() - start, time.process_time() - cpu
        print(f"Mining again after a {len(new)}-pair document was added: {again:.1f} s wall, {again_cpu:.1f} s CPU")
        distinct(base, pairs_wanted)
        terms.replace_glossary(entries)
        look_up("产业转移", terms)  # loads pypinyin
        times = []
        for word in ["产业转移", "中西部地区", "承接", "劳动密集型产业", "新质生产力"] * 20:
            start = time.perf_counter()
            look_up(word, terms)
            times.append(time.perf_counter() - start)
        times.sort()
        print(
            f"Lookup from the stored glossary: median {statistics.median(times) * 1000:.1f} ms, "
            f"p95 {times[int(len(times) * 0.95)] * 1000:.1f} ms"
        )
        popup_speed(terms)


def popup_speed(terms) -> None:
    """The popup as a hover shows it once the mouse rests (after DWELL_MS): the word under
    the point (jieba), its lookup, the popup laid out and shown, in an offscreen pane."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from reader.ui.lookup import LookupController
    from reader.ui.pane import ReadingPane

    app = QApplication.instance() or QApplication([])
    pane = ReadingPane("zh")
    pane.resize(700, 400)
    text = "中西部地区要充分发挥资源丰富、要素成本低、市场潜力大的优势，积极承接国内外产业转移。"
    pane.setPlainText(text)
    pane.show()
    app.processEvents()
    controller = LookupController(pane, terms)
    points = []
    for word in ("中西部地区", "资源", "要素成本", "市场潜力", "优势", "承接", "产业转移"):
        cursor = pane.textCursor()
        cursor.setPosition(text.index(word) + 1)
        points.append(pane.cursorRect(cursor).center())
    start, cpu = time.perf_counter(), time.thread_time()
    controller.look_up_at(points[0])
    first, first_cpu = time.perf_counter() - start, time.thread_time() - cpu
    times, cpus = [], []
    for point in points * 10:
        start, cpu = time.perf_counter(), time.thread_time()
        controller.look_up_at(point)
        app.processEvents()
        times.append(time.perf_counter() - start)
        cpus.append(time.thread_time() - cpu)
    times.sort()
    cpus.sort()
    print(
        f"Lookup popup on a hovered word (word under the mouse, lookup, popup shown): first {first * 1000:.1f} ms "
        f"({first_cpu * 1000:.1f} ms CPU), then median {statistics.median(times) * 1000:.1f} ms wall, "
        f"p95 {times[int(len(times) * 0.95)] * 1000:.1f} ms wall, median {statistics.median(cpus) * 1000:.1f} ms CPU, "
        f"p95 {cpus[int(len(cpus) * 0.95)] * 1000:.1f} ms CPU   target <= 50 ms   {_load()}"
    )
    controller.popup.hide()
    pane.viewport().removeEventFilter(controller)
    pane.removeEventFilter(controller)
    pane.close()
    pane.deleteLater()
    app.processEvents()


class _Analysed(dict):
    """Analyses kept in memory (the Analysis protocol of ``terms.glossary``)."""

    def analysed(self, keys):
        return {k: self[k] for k in keys if k in self}

    def keep_analysed(self, items):
        self.update(items)


def distinct(base: list[AlignedPair], pairs_wanted: int) -> None:
    """Mining N links of distinct text: each is half of one seed 000 link's terms and
    candidates and half of another's (as many per link as seed 000 has), its text
    unique, its analysis stored."""
    terms_of, candidates_of = analyse(base) or ([], [])
    store, pairs = _distinct_pairs(base, terms_of, candidates_of, pairs_wanted)
    start, cpu = time.perf_counter(), time.process_time()
    entries = mine(pairs, store=store)
    print(
        f"Mining {len(pairs):,} pairs of distinct text (analysis stored): {time.perf_counter() - start:.1f} s wall, "
        f"{time.process_time() - cpu:.1f} s CPU, {len(entries):,} terms   target <= 60 s for 100,000   {_load()}"
    )


def _distinct_pairs(base, terms_of, candidates_of, pairs_wanted: int) -> tuple[_Analysed, list[AlignedPair]]:
    rng = random.Random(1)
    store, pairs = _Analysed(), []
    for k in range(pairs_wanted):
        i, j = rng.randrange(len(base)), rng.randrange(len(base))
        pair = AlignedPair(
            f"doc{k // 160}", f"z{k}", f"k{k}", f"{base[i].zh}{k}{base[j].zh}", f"{base[i].ko} {k} {base[j].ko}"
        )

        def half(items: list[str]) -> set[str]:
            return set(rng.sample(items, (len(items) + 1) // 2))

        store[analysis_key("zh", pair.zh)] = sorted(half(terms_of[i]) | half(terms_of[j]))
        store[analysis_key("ko", pair.ko)] = sorted(half(candidates_of[i]) | half(candidates_of[j]))
        pairs.append(pair)
    return store, pairs


def product_path(pairs_wanted: int) -> None:
    """`refresh_glossary` as the GUI's updater runs it, over a Library of stored copies of
    seed 000 (copied row by row in SQLite: importing 600 documents would take an hour)."""
    from reader.library import Library
    from reader.terms.service import refresh_glossary

    with tempfile.TemporaryDirectory() as folder:
        copies, links = _copies_library(Path(folder) / "duizhao.sqlite3", pairs_wanted)
        library = Library(Path(folder) / "duizhao.sqlite3")
        try:
            library.terms.mark_stale()
            start, cpu = time.perf_counter(), time.process_time()
            entries = refresh_glossary(library)
            print(
                f"refresh_glossary over a Library of {copies} documents ({copies * links:,} links): "
                f"{time.perf_counter() - start:.1f} s wall, {time.process_time() - cpu:.1f} s CPU, "
                f"{len(entries or []):,} terms stored   {_load()}"
            )
        finally:
            library.close()


def memory(document, links, pairs_wanted: int) -> None:
    """Peak memory of mining N pairs, each case in a process of its own (its peak RSS,
    VmHWM, before and after mining): distinct text with its analysis given (the data
    made here and pickled, so the child loads neither jieba nor Kiwi), and
    ``refresh_glossary`` over a Library of stored copies of seed 000."""
    import pickle
    import subprocess

    base = aligned_pairs(document, links)
    terms_of, candidates_of = analyse(base) or ([], [])
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "distinct.pickle"
        with data.open("wb") as out:
            pickle.dump(_distinct_pairs(base, terms_of, candidates_of, pairs_wanted), out)
        library = Path(folder) / "library"
        library.mkdir()
        _copies_library(library / "duizhao.sqlite3", pairs_wanted)
        for case, argument in (("distinct", data), ("library", library / "duizhao.sqlite3")):
            child = subprocess.run(
                [sys.executable, __file__, "--memory-child", case, str(argument)],
                capture_output=True,
                text=True,
                env=dict(os.environ, PYTHONPATH=str(ROOT)),
            )
            print(child.stdout.strip() or child.stderr.strip()[-2000:])


def _memory_child(case: str, argument: str) -> None:
    import pickle

    def peak() -> str:
        status = Path("/proc/self/status").read_text().splitlines()
        fields = dict(line.split(":", 1) for line in status if line.startswith(("VmHWM", "VmRSS")))
        return f"peak {int(fields['VmHWM'].split()[0]) / 1024:.0f} MB"

    if case == "distinct":
        with open(argument, "rb") as data:
            store, pairs = pickle.load(data)
        before = peak()
        start = time.process_time()
        entries = mine(pairs, store=store)
        what = f"mining {len(pairs):,} pairs of distinct text (analysis given)"
    else:
        from reader.library import Library
        from reader.terms.service import refresh_glossary

        library = Library(Path(argument))
        library.terms.mark_stale()
        before = peak()
        start = time.process_time()
        entries = refresh_glossary(library) or []
        what = f"refresh_glossary over a Library of {len(library.documents.list())} documents"
    print(
        f"Memory, {what}: {peak()} ({before} before mining), {time.process_time() - start:.1f} s CPU, "
        f"{len(entries):,} terms   {_load()}"
    )


def _copies_library(path: Path, pairs_wanted: int) -> tuple[int, int]:
    """A Library at ``path`` of stored copies of seed 000 (copied row by row in SQLite:
    importing 600 documents would take an hour), the analysis of its sentences stored;
    (copies, links per copy)."""
    from reader.library import Library
    from reader.terms.service import refresh_glossary

    library = Library(path)
    try:
        library.import_files([SEED_000], doc_id="seed")
        refresh_glossary(library)  # the analysis of its sentences is stored
        links = len(library.links.get("seed"))
        db = library.db
        copies = max(1, pairs_wanted // links)
        for table, key in (("documents", "id"), ("segments", "doc_id"), ("links", "doc_id")):
            columns = [row[1] for row in db.execute(f"PRAGMA table_info({table})")]
            chosen = ", ".join("?" if c == key else c for c in columns)
            with db.atomic():
                for i in range(1, copies):
                    db.execute(
                        f"INSERT INTO {table} ({', '.join(columns)}) SELECT {chosen} FROM {table} WHERE {key} = 'seed'",
                        [f"copy{i:04d}"],
                    )
    finally:
        library.close()
    return copies, links


def _load() -> str:
    return "(load {:.1f} {:.1f} {:.1f} on {} cores)".format(*os.getloadavg(), os.cpu_count())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="one seed of planted slips, a 10,000-pair library")
    parser.add_argument("--speed", action="store_true", help="speed only: no planted slips")
    parser.add_argument("--memory", action="store_true", help="peak memory of mining only")
    parser.add_argument("--memory-child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    wanted = 10_000 if args.quick else 100_000
    if args.memory_child:
        _memory_child(*args.memory_child)
        return
    if args.memory:
        document = parse_files([SEED_000])
        memory(document, align_document(document), wanted)
        return
    if not args.speed:
        planted([7] if args.quick else [7, 11, 13, 17, 19])
    print("Machine:", _load())
    document, links = seed_000()
    speed(document, links, wanted)
    product_path(wanted)
    memory(document, links, wanted)


if __name__ == "__main__":
    main()
