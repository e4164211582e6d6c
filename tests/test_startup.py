"""`python -m reader --measure-startup` opens the window, reports its first paint and quits."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from tests.conftest import ROOT


def test_measure_startup_reports_the_first_paint_and_quits(data_dir):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    launched = time.time()
    result = subprocess.run(
        [sys.executable, "-m", "reader", "--measure-startup"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    line = next(line for line in result.stdout.splitlines() if line.startswith("first paint at "))
    painted = float(line.split()[-1])
    assert launched < painted < time.time()
    cpu = next(line for line in result.stdout.splitlines() if line.startswith("CPU time at first paint: "))
    assert 0 < float(cpu.split()[-2]) < time.time() - launched + 60  # seconds, as startup_bench reads them
    # The first start imported the bundled corpus into the data directory (after the first
    # paint, in the background: the measured run waits for it before quitting).
    from reader.library import Library

    library = Library()
    try:
        assert {doc["id"] for doc in library.documents.list()} == {"guofa-2010-28", "manufacturing-transfer"}
    finally:
        library.close()
