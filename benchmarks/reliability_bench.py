"""Reliability figures (issue 17): kills during writes, hostile inputs, full and
read-only disks.

1. Kills: a child process writes annotations one transaction at a time and prints
   each id once its transaction committed (acknowledged); it is SIGKILLed at a random
   moment, again and again. Every acknowledged id must be in the database afterwards.
2. Hostile inputs: generated zip bombs (one inflating to 2 GiB), DOCX cut in the
   middle, billion laughs, malformed XML, a password-protected PDF, a symlink loop,
   malformed notes files and mutated real files, each imported by
   ``python -m reader`` in a process of its own: tracebacks, hangs (no answer within
   120 s) and the peak memory of the worst file are counted.
3. Disk full and read-only: a library on a full tmpfs and behind a read-only bind
   mount is checked at start and used by the CLI; files moved aside and annotations
   lost are counted (needs root to mount; otherwise skipped and said so).

    python benchmarks/reliability_bench.py [--kills N] [--quick]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.reliability import hostile  # noqa: E402  (generators shared with the tests)

SEED_000 = ROOT / "reader" / "corpus" / "000_4da25c489d9ca64f.txt"
HANG_SECONDS = 120

_WRITER = """
import sys
from reader.library import Library
library = Library()
document = library.documents.get("g")
n = 0
while True:
    annotation = library.annotations.annotate(document, "zh.p1.c1.s1", note=f"write {n}")
    print(annotation.id, flush=True)  # acknowledged: its transaction has committed
    n += 1
"""

# The child's own high-water mark (VmHWM): ru_maxrss keeps the parent's size across exec.
_MEASURED = (
    "import re, runpy, sys\n"
    "out = sys.argv.pop()\n"
    "try:\n"
    "    runpy.run_module('reader', run_name='__main__', alter_sys=True)\n"
    "finally:\n"
    "    status = open('/proc/self/status').read()\n"
    "    with open(out, 'w') as handle:\n"
    "        handle.write(re.search(r'VmHWM:\\s+(\\d+)', status).group(1))\n"
)


def _env(data_dir: Path) -> dict:
    return dict(os.environ, DUIZHAO_DATA_DIR=str(data_dir), PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")


def _cli(data_dir: Path, *args: str, timeout: float = HANG_SECONDS) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        env=_env(data_dir),
        timeout=timeout,
        check=False,
    )


def _seed_library(data_dir: Path) -> None:
    done = _cli(data_dir, "import", str(SEED_000), "--id", "g")
    assert done.returncode == 0, done.stderr
    done = _cli(data_dir, "annotate", "g", "zh.p1.c1.s1", "--note", "first")
    assert done.returncode == 0, done.stderr


def _annotation_ids(db_path: Path) -> set[str]:
    conn = sqlite3.connect(db_path)
    try:
        return {row[0] for row in conn.execute("SELECT id FROM annotations WHERE deleted IS NULL")}
    finally:
        conn.close()


def kills(count: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        _seed_library(data)
        acknowledged: set[str] = set()
        lost = 0
        for _ in range(count):
            child = subprocess.Popen([sys.executable, "-c", _WRITER], stdout=subprocess.PIPE, text=True, env=_env(data))
            deadline = time.time() + random.uniform(1.0, 4.0)
            got = []
            assert child.stdout is not None
            while time.time() < deadline:
                line = child.stdout.readline()
                if not line:
                    break
                got.append(line.strip())
            os.kill(child.pid, signal.SIGKILL)
            child.wait()
            acknowledged.update(got)
            present = _annotation_ids(data / "duizhao.sqlite3")
            lost += len(acknowledged - present)
        check = sqlite3.connect(data / "duizhao.sqlite3").execute("PRAGMA integrity_check").fetchone()[0]
    return {"kills": count, "acknowledged": len(acknowledged), "lost": lost, "integrity": check}


def _hostile_inputs(folder: Path, quick: bool) -> list[tuple[str, list[str]]]:
    """(label, CLI arguments) for every hostile input."""
    inputs = []
    bomb = hostile.docx_bomb(folder / "bomb-2GiB.docx", (256 if quick else 2048) * hostile.MiB)
    inputs.append(("DOCX zip bomb", ["import", str(bomb)]))
    inputs.append(("DOCX lying about sizes", ["import", str(hostile.lying_docx_bomb(folder / "lying.docx"))]))
    inputs.append(("HWPX zip bomb", ["import", str(hostile.hwpx_bomb(folder / "bomb.hwpx"))]))
    inputs.append(("DOCX cut in the middle", ["import", str(hostile.cut_docx(folder / "cut.docx"))]))
    laughs = hostile.docx_with_document_xml(folder / "laughs.docx", hostile.BILLION_LAUGHS)
    inputs.append(("billion laughs", ["import", str(laughs)]))
    malformed = hostile.docx_with_document_xml(folder / "malformed.docx", hostile.MALFORMED_XML)
    inputs.append(("malformed XML", ["import", str(malformed)]))
    loop = folder / "loop.txt"
    loop.symlink_to(loop)
    inputs.append(("symlink loop", ["import", str(loop)]))
    inputs.append(("a folder", ["import", str(folder)]))
    notes = {
        "items-5.json": '{"items": 5}',
        "deep.json": "[" * 100_000 + "]" * 100_000,
        "huge-int.json": '{"start": ' + "9" * 5000 + "}",
        "inf.json": '[{"type": "Annotation", "target": {"source": "urn:duizhao:doc:g", "selector": '
        '[{"type": "TextQuoteSelector", "exact": "x"}, {"type": "TextPositionSelector", "start": 1e999}]}}]',
        "exact-object.json": '[{"type": "Annotation", "target": {"source": "urn:duizhao:doc:g", "selector": '
        '{"type": "TextQuoteSelector", "exact": {"a": 1}}}}]',
    }
    for name, text in notes.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        inputs.append((f"notes {name}", ["import-notes", str(path)]))
    inputs.append(("notes: a folder", ["import-notes", str(folder)]))
    # Mutated real files: cut and overwritten DOCX, random bytes as every format.
    rng = random.Random(17)
    real = hostile.minimal_docx(SEED_000.read_text(encoding="utf-8")[:3000])
    for n in range(4 if quick else 12):
        data = bytearray(real)
        at = rng.randrange(len(data))
        data[at : at + 64] = bytes(rng.randrange(256) for _ in range(64))
        path = folder / f"mutated-{n}.docx"
        path.write_bytes(bytes(data[: rng.randrange(len(data) // 2, len(data))]))
        inputs.append((f"mutated DOCX {n}", ["import", str(path)]))
    for suffix in (".txt", ".md", ".docx", ".pdf", ".hwpx"):
        path = folder / f"random{suffix}"
        path.write_bytes(bytes(rng.randrange(256) for _ in range(4096)))
        inputs.append((f"random bytes {suffix}", ["import", str(path)]))
    return inputs


def hostile_inputs(quick: bool) -> dict:
    tracebacks = hangs = not_one_line = 0
    worst = (0, "")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "inputs"
        folder.mkdir()
        data = Path(tmp) / "data"
        _seed_library(data)
        inputs = _hostile_inputs(folder, quick)
        for label, args in inputs:
            peak = Path(tmp) / "peak"
            try:
                done = subprocess.run(
                    [sys.executable, "-c", _MEASURED, *args, str(peak)],
                    capture_output=True,
                    text=True,
                    env=_env(data),
                    timeout=HANG_SECONDS,
                    check=False,
                )
            except subprocess.TimeoutExpired:
                hangs += 1
                print(f"  hang: {label}")
                continue
            if "Traceback" in done.stderr:
                tracebacks += 1
                print(f"  traceback: {label}")
            lines = [line for line in done.stderr.splitlines() if line.strip()]
            if done.returncode != 0 and len(lines) != 1:
                not_one_line += 1
                print(f"  not one line: {label}: {done.stderr[-300:]}")
            kb = int(peak.read_text()) if peak.exists() else 0
            if kb > worst[0]:
                worst = (kb, label)
    return {
        "inputs": len(inputs),
        "tracebacks": tracebacks,
        "hangs": hangs,
        "not_one_line": not_one_line,
        "peak_mb": worst[0] // 1024,
        "peak_input": worst[1],
    }


def _mount(*args: str) -> bool:
    return subprocess.run(["mount", *args], capture_output=True, check=False).returncode == 0


def disks() -> dict | str:
    if os.geteuid() != 0 or sys.platform != "linux":
        return "skipped: mounting a tmpfs and a read-only bind mount needs root on Linux"
    moved = lost = checks = 0
    with tempfile.TemporaryDirectory() as tmp:
        # Full disk.
        disk = Path(tmp) / "disk"
        disk.mkdir()
        if not _mount("-t", "tmpfs", "-o", "size=4m", "tmpfs", str(disk)):
            return "skipped: cannot mount a tmpfs here"
        try:
            data = disk / "data"
            _seed_library(data)
            expected = _annotation_ids(data / "duizhao.sqlite3")
            with open(disk / "filler", "wb", buffering=0) as filler:
                try:
                    while True:
                        filler.write(b"\0" * 65536)
                except OSError:
                    pass
                try:
                    while True:
                        filler.write(b"\0" * 512)
                except OSError:
                    pass
            for args in (["list"], ["annotate", "g", "zh.p1.c1.s2"], ["backup"], ["restore"], ["reindex"]):
                _cli(data, *args)
                checks += 1
            check = subprocess.run(
                [
                    sys.executable,
                    "-c",
                    "from reader import config; from reader.store import backup; "
                    "print(backup.check_at_start(config.database_path(), config.backup_dir()).status)",
                ],
                capture_output=True,
                text=True,
                env=_env(data),
                check=False,
            )
            checks += 1
            (disk / "filler").unlink()
            moved += len(list(data.glob("*.damaged-*"))) + (not (data / "duizhao.sqlite3").exists())
            if (data / "duizhao.sqlite3").exists():
                lost += len(expected - _annotation_ids(data / "duizhao.sqlite3"))
            full_status = check.stdout.strip()
        finally:
            subprocess.run(["umount", "-l", str(disk)], check=False)
        # Read-only bind mount.
        source, view = Path(tmp) / "rw", Path(tmp) / "ro"
        _seed_library(source)
        expected = _annotation_ids(source / "duizhao.sqlite3")
        view.mkdir()
        if not (_mount("--bind", str(source), str(view)) and _mount("-o", "remount,ro,bind", str(view))):
            return "skipped: cannot make a read-only bind mount here"
        try:
            for args in (["list"], ["annotate", "g", "zh.p1.c1.s2"], ["backup"], ["restore"], ["reindex"]):
                _cli(view, *args)
                checks += 1
        finally:
            subprocess.run(["umount", "-l", str(view)], check=False)
        moved += len(list(source.glob("*.damaged-*"))) + (not (source / "duizhao.sqlite3").exists())
        lost += len(expected - _annotation_ids(source / "duizhao.sqlite3"))
    return {"commands": checks, "moved": moved, "lost": lost, "start_check_on_full_disk": full_status}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=20, help="SIGKILLs during writes (default 20)")
    parser.add_argument("--quick", action="store_true", help="smaller bomb and fewer mutated files")
    args = parser.parse_args()
    started = time.perf_counter()
    k = kills(args.kills)
    print(
        f"kills during writes: {k['kills']} SIGKILLs, {k['acknowledged']} acknowledged writes, "
        f"{k['lost']} lost; integrity_check {k['integrity']}"
    )
    h = hostile_inputs(args.quick)
    print(
        f"hostile inputs tried: {h['inputs']}, tracebacks: {h['tracebacks']}, hangs: {h['hangs']}, "
        f"not one line: {h['not_one_line']}; peak memory of a single bad file: {h['peak_mb']} MB ({h['peak_input']})"
    )
    d = disks()
    if isinstance(d, str):
        print(f"disk full and read-only: {d}")
    else:
        print(
            f"disk full and read-only: {d['commands']} commands and start checks, {d['moved']} files moved, "
            f"{d['lost']} annotations lost (start check on a full disk: {d['start_check_on_full_disk']})"
        )
    print(json.dumps({"kills": k, "hostile": h, "disks": d, "seconds": round(time.perf_counter() - started)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
