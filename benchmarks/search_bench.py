"""Search benchmark: build, incremental update and query latency on a large library.

    python benchmarks/search_bench.py                 # 100,000 sentences (a few minutes)
    python benchmarks/search_bench.py --sentences 5000

The library is the bundled seeds repeated under different document ids (aligned
once, links copied), in a temporary data directory. Printed figures:

- build: a full ``SearchIndex.rebuild`` (reading the library, jieba + Kiwi analysis,
  Whoosh writing) in sentences per second;
- incremental: ``update_document`` of a new 200-sentence document, what an import
  triggers;
- queries: 20 Chinese and 20 Korean queries, top 50 hits with highlights and
  counterparts, each run 3 times (the first run counts too), p50/p95; the same hits
  BM25-ranked for reference; and SQLite FTS5 over the very same terms as a
  baseline (top 50 by rowid, no highlights: FTS5's own highlight() works on the
  term column, not on offsets in the original text);
- memory: peak resident set size of the process.

Targets (issue 5): p95 ≤ 50 ms, incremental ≤ 1 s, build ≥ 1,500 sentences/s, < 500 MB.
"""

from __future__ import annotations

import argparse
import os
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHINESE_QUERIES = [
    "产业转移",
    "西部",
    "转移",
    "產業轉移",
    "産業",
    "勞動密集型",
    "中西部地区",
    "承接 产业",
    "纺织 OR 服装",
    "产业 NOT 转移",
    '"产业园区"',
    "业",  # one character: every term containing it
    "制造*",
    "基础设施",
    "lang:zh 环境保护",
    "体制机制 创新",
    "加工贸易",
    "人才 培训",
    "东部沿海地区",
    "国务院",
]
KOREAN_QUERIES = [
    "산업이전",
    "산업이전을",
    "산업",
    "산업단지",
    "중서부",
    "노동집약형",
    "다그치다",
    "산업* 유치",
    '"산업이전 유치"',
    "발전 NOT 산업",
    "환경보호",
    "인프라 OR 기초시설",
    "lang:ko 협력",
    "가공무역",
    "인재",
    "동부 연해지역",
    "체제메커니즘",
    "금융 지원",
    "국무원",
    "최적화",
]
RUNS = 3
TOP = 50


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def fill_library(library, sentences: int) -> int:
    """Copies of the seeds under new ids until the library holds ``sentences`` units."""
    from reader.library import read_manifest
    from reader.resources import corpus_dir
    from reader.text.importer import parse_files

    templates = []
    for entry in read_manifest(corpus_dir()):
        document = parse_files(entry.files, doc_id=entry.id, title=entry.title)
        from reader.align import align_document

        links = align_document(document)
        units = sum(len(document.units(lang)) for lang in document.languages)
        templates.append((document, links, units))
    total = copy = 0
    while total < sentences:
        for document, links, units in templates:
            doc_id = f"{document.id}-{copy:04d}"
            library.documents.add(replace(document, id=doc_id))
            library.links.replace(doc_id, links)
            total += units
        copy += 1
    return total


def two_hundred_sentences(library) -> str:
    """A new document of 200 reading units (100 per language) taken from seed 000."""
    from reader.library import read_manifest
    from reader.model import Document
    from reader.resources import corpus_dir
    from reader.text.importer import parse_files

    entry = read_manifest(corpus_dir())[0]
    source = parse_files(entry.files, doc_id="incremental")
    segments = source.units("zh")[:100] + source.units("ko")[:100]
    document = Document(id="incremental-200", title="incremental", segments=segments)
    return library.documents.add(document)


def fts_build(index, path: Path) -> sqlite3.Connection:
    """An FTS5 table holding exactly the terms the Whoosh index holds, per entry."""
    from reader.search.analysis import chinese_terms, korean_morphemes, korean_terms

    conn = sqlite3.connect(str(path))
    conn.execute("CREATE VIRTUAL TABLE fts USING fts5(terms, lang, doc, tokenize='unicode61 remove_diacritics 0')")
    conn.execute("CREATE TABLE entries (rowid INTEGER PRIMARY KEY, segment_id TEXT, text TEXT, counterpart TEXT)")
    rowid = 0
    for doc in index.library.documents.list():
        entries = index.entries(doc["id"])
        korean = [e for e in entries if e.lang == "ko"]
        morphemes = iter(korean_morphemes([e.text for e in korean]) if korean else [])
        rows, fts_rows = [], []
        for entry in entries:
            terms = korean_terms(entry.text, next(morphemes)) if entry.lang == "ko" else chinese_terms(entry.text)
            rowid += 1
            rows.append((rowid, entry.segment_id, entry.text, entry.counterpart))
            fts_rows.append((rowid, " ".join(t.text for t in terms), entry.lang, entry.doc))
        conn.executemany("INSERT INTO entries VALUES (?, ?, ?, ?)", rows)
        conn.executemany("INSERT INTO fts (rowid, terms, lang, doc) VALUES (?, ?, ?, ?)", fts_rows)
    conn.commit()
    return conn


def fts_query(query) -> str:
    """The compiled Whoosh query in FTS5 syntax (sequences and phrases become AND)."""
    from whoosh import query as wq

    from reader.search.sequence import ExactSequence

    def quote(text: str) -> str:
        return '"' + text.replace('"', '""') + '"'

    if isinstance(query, wq.Term):
        column = "terms" if query.fieldname in ("zh", "ko", "notes") else query.fieldname
        return f"{column}:{quote(query.text)}"
    if isinstance(query, ExactSequence):
        return "(" + " AND ".join(f"terms:{quote(t)}" for t, _ in query.sequence) + ")"
    if isinstance(query, wq.Phrase):
        return "(" + " AND ".join(f"terms:{quote(t)}" for t in query.words) + ")"
    if isinstance(query, wq.Prefix):
        return f"terms:{quote(query.text)}*"
    if isinstance(query, wq.AndNot):
        return f"({fts_query(query.a)} NOT {fts_query(query.b)})"
    if isinstance(query, wq.And):
        return "(" + " AND ".join(fts_query(q) for q in query.subqueries) + ")"
    if isinstance(query, wq.Or):
        return "(" + " OR ".join(fts_query(q) for q in query.subqueries) + ")"
    raise ValueError(f"no FTS5 form for {query!r}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sentences", type=int, default=100_000, help="size of the library (default 100,000)")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="duizhao-search-bench-"))
    os.environ["DUIZHAO_DATA_DIR"] = str(tmp)
    from reader.library import Library
    from reader.search import SearchIndex
    from reader.search.query import compile_query, parse_query

    print(f"data directory: {tmp}")
    started = time.perf_counter()
    library = Library()
    total = fill_library(library, args.sentences)
    documents = len(library.documents.list())
    print(f"library: {total:,} sentences in {documents} documents ({time.perf_counter() - started:.1f} s to fill)")
    print(f"memory before indexing: {rss_mb():.0f} MB")

    index = SearchIndex(library)
    started = time.perf_counter()
    entries = index.rebuild()
    build = time.perf_counter() - started
    print(f"build: {entries:,} sentences in {build:.1f} s = {entries / build:,.0f} sentences/s  (target ≥ 1,500)")
    print(f"memory after build: {rss_mb():.0f} MB (peak {peak_mb():.0f} MB)")

    doc_id = two_hundred_sentences(library)
    started = time.perf_counter()
    index.update_document(doc_id)
    incremental = time.perf_counter() - started
    added = len(index.search(f"doc:{doc_id}", limit=1000).hits)
    print(f"incremental: update_document of a {added}-sentence document in {incremental * 1000:.0f} ms  (target ≤ 1 s)")

    rows = []
    for lang, queries in (("zh", CHINESE_QUERIES), ("ko", KOREAN_QUERIES)):
        for text in queries:
            times, ranked_times = [], []
            for _ in range(RUNS):
                t = time.perf_counter()
                results = index.search(text, limit=TOP)
                times.append(time.perf_counter() - t)
            for _ in range(RUNS):
                t = time.perf_counter()
                index.search(text, limit=TOP, ranked=True)
                ranked_times.append(time.perf_counter() - t)
            rows.append((lang, text, times, ranked_times, len(results.hits), results.has_more))

    search_memory = (rss_mb(), peak_mb())

    fts = fts_build(index, tmp / "fts.sqlite3")
    searcher = index._current_searcher()
    fts_times: dict[str, list[float]] = {}
    for _, text, *_ in rows:
        match = fts_query(compile_query(parse_query(text), searcher.reader(), index._resolve_doc).query)
        fts_times[text] = []
        for _ in range(RUNS):
            t = time.perf_counter()
            fts.execute(
                "SELECT e.segment_id, e.text, e.counterpart FROM fts JOIN entries e ON e.rowid = fts.rowid"
                " WHERE fts MATCH ? ORDER BY fts.rowid LIMIT ?",
                [match, TOP],
            ).fetchall()
            fts_times[text].append(time.perf_counter() - t)

    print()
    print(f"{'query':<24} {'hits':>5} {'p50 ms':>8} {'max ms':>8} {'ranked':>8} {'fts5':>8}")
    for lang, text, times, ranked_times, hits, more in rows:
        shown = f"{hits}{'+' if more else ''}"
        print(
            f"{lang} {text:<21} {shown:>5} {statistics.median(times) * 1000:8.1f} {max(times) * 1000:8.1f}"
            f" {statistics.median(ranked_times) * 1000:8.1f} {statistics.median(fts_times[text]) * 1000:8.1f}"
        )
    print()
    for label, select in (("zh", ("zh",)), ("ko", ("ko",)), ("all", ("zh", "ko"))):
        plain = [t for lang, _, times, _, _, _ in rows if lang in select for t in times]
        ranked = [t for lang, _, _, times, _, _ in rows if lang in select for t in times]
        base = [t for lang, text, *_ in rows if lang in select for t in fts_times[text]]
        print(
            f"latency {label:>3}: p50 {percentile(plain, 50) * 1000:5.1f} ms  p95 {percentile(plain, 95) * 1000:5.1f} ms"
            f"   | BM25-ranked p50 {percentile(ranked, 50) * 1000:6.1f} p95 {percentile(ranked, 95) * 1000:6.1f}"
            f"   | FTS5 p50 {percentile(base, 50) * 1000:5.1f} p95 {percentile(base, 95) * 1000:5.1f}"
        )
    print("  (target p95 ≤ 50 ms for the default reading-order search with highlights)")
    print(
        f"memory: {search_memory[0]:.0f} MB after build, update and queries, peak {search_memory[1]:.0f} MB"
        "  (target < 500 MB)"
    )
    print(f"        ({rss_mb():.0f} MB / peak {peak_mb():.0f} MB once the FTS5 baseline was built in the same process)")
    index.close()
    library.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
