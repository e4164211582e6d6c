"""SIGKILL in the middle of a burst of 1,000 writes loses nothing that was committed."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys

import pytest

from reader.library import Library

BURST = 1000
KILL_AFTER = 150

WRITER = """
import sys
from reader.library import Library

library = Library()
document = library.documents.get("g")
units = document.units("zh") + document.units("ko")
for i in range({burst}):
    annotation = library.annotations.annotate(
        document, units[i % len(units)].id, note=f"burst {{i}}", tags=[f"t{{i % 7}}"], starred=i % 2 == 0
    )
    print(annotation.id, flush=True)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_sigkill_during_a_burst_of_writes(seeded, data_dir, tmp_path):
    library, _ = seeded
    library.close()
    errors = tmp_path / "writer-stderr.txt"
    with errors.open("w") as stderr:
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER.format(burst=BURST)],
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
            env=os.environ.copy(),
        )
    assert writer.stdout is not None
    printed = []
    for line in writer.stdout:
        printed.append(line.strip())
        if len(printed) == KILL_AFTER:
            os.kill(writer.pid, signal.SIGKILL)
            break
    # Ids printed before the kill but not yet read: their writes had returned too.
    # (Read through the same file object: it may hold some of them already.)
    printed += [line.strip() for line in writer.stdout.read().splitlines() if line.strip()]
    writer.stdout.close()
    writer.wait(timeout=30)
    assert len(printed) >= KILL_AFTER, errors.read_text()
    assert writer.returncode == -signal.SIGKILL

    database = data_dir / "duizhao.sqlite3"
    check = sqlite3.connect(database)
    try:
        assert check.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        stored = {row[0] for row in check.execute("SELECT id FROM annotations WHERE deleted IS NULL")}
    finally:
        check.close()
    assert len(stored) < BURST, "the writer finished before it was killed: the test proves nothing"
    assert set(printed) <= stored
    print(f"printed {len(printed)}, stored {len(stored)} of {BURST}")
    assert len(stored) - len(printed) <= 1  # at most the write in flight, committed but not yet printed

    reopened = Library()  # recovers the write-ahead log and works on
    try:
        assert len(reopened.annotations.list(doc_id="g")) == len(stored)
    finally:
        reopened.close()
