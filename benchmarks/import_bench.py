"""Import speed: seed 000, a 5 MB text file made of seed 000 repeated, and Korean
without sentence punctuation (the only text that loads Kiwi for sentence ends).

Prints parse time (decode, cleanup, structure, sentences), store time (one SQLite
transaction), peak memory of a fresh process and whether Kiwi was loaded, for each
case. Targets (issue 2): seed 000 under 0.3 s of import work; 5 MB under 10 s with
memory under 300 MB. The unpunctuated case includes Kiwi's one-time load.

    python benchmarks/import_bench.py
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED_000 = ROOT / "reader" / "corpus" / "000_4da25c489d9ca64f.txt"
UNPUNCTUATED_KO = ROOT / "tests" / "text" / "data" / "unpunctuated_korean.txt"


def measure(path: str) -> dict:
    """Run in a fresh process: import one file into a fresh database."""
    sys.path.insert(0, str(ROOT))
    from reader.store import DocumentStore, open_database
    from reader.text.importer import parse_files
    from reader.text.sentences import KOREAN_SPLITTER

    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "bench.sqlite3")
        store = DocumentStore(db)
        parse_files([SEED_000])  # warm the lazily built tables (encoding frequencies)
        t0 = time.perf_counter()
        document = parse_files([path])
        t1 = time.perf_counter()
        store.add(document)
        t2 = time.perf_counter()
        db.close()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "bytes": os.path.getsize(path),
        "segments": len(document.segments),
        "units": len(document.units("zh")) + len(document.units("ko")),
        "parse_s": t1 - t0,
        "store_s": t2 - t1,
        "peak_mb": peak_mb,
        "kiwi": KOREAN_SPLITTER.loaded,
    }


def run_case(path: Path) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", str(path)], capture_output=True, text=True, check=True
    ).stdout
    return json.loads(out)


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        print(json.dumps(measure(sys.argv[2])))
        return
    text = SEED_000.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "seed000x.txt"
        copies = -(-5 * 1024 * 1024 // len(text.encode("utf-8")))
        big.write_text("\n\n".join([text] * copies), encoding="utf-8")
        unpunctuated = Path(tmp) / "unpunctuated_ko.txt"
        unpunctuated.write_text("\n".join([UNPUNCTUATED_KO.read_text(encoding="utf-8")] * 200), encoding="utf-8")
        for name, path, target in (
            ("seed 000", SEED_000, "< 0.3 s"),
            (f"5 MB ({copies}x seed 000)", big, "< 10 s, < 300 MB"),
            ("unpunctuated Korean", unpunctuated, "Kiwi loaded once"),
        ):
            r = run_case(path)
            total = r["parse_s"] + r["store_s"]
            print(
                f"{name:24s} {r['bytes'] / 1024:8.0f} KiB  {r['units']:6d} units  "
                f"parse {r['parse_s']:.3f} s  store {r['store_s']:.3f} s  total {total:.3f} s  "
                f"peak {r['peak_mb']:.0f} MB  Kiwi {'loaded' if r['kiwi'] else 'not loaded'}   (target {target})"
            )


if __name__ == "__main__":
    main()
