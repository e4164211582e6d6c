"""Cold start to first painted window, from source and from the PyInstaller build.

Each run is a new process with a new data directory (the first start imports and
aligns the bundled corpus) or with the data of a previous run (a usual start). The
app is started with --measure-startup, which prints the wall-clock time of its first
paint, its CPU time then, its memory and whether Kiwi's model was loaded, and quits
once the start-up work (the corpus import on a first start) is done; the figure is the
time of the paint minus the moment the process was launched. Targets (issue 12): a
painted window within 1.0 s at a usual start and 2.0 s at a first start (the corpus is
imported after the first paint, with progress); memory at a usual start within 250 MB and
Kiwi never loaded before the first paint (issue 18). Build first with
scripts/build_app.sh to measure the build. The machine's load is printed with the figures:
on a shared machine the wall-clock times are upper bounds, the CPU times less so.

    python benchmarks/startup_bench.py [--runs N]
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
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
BUILT = ROOT / "dist" / "duizhao" / ("duizhao.exe" if sys.platform == "win32" else "duizhao")


class Start(NamedTuple):
    painted: float  # seconds from launch to the first paint
    cpu: float  # CPU seconds of the process at the first paint
    memory: float  # resident MB at the first paint
    kiwi: bool  # Kiwi's model loaded at the first paint


def start_once(command: list[str], data_dir: str) -> Start:
    env = {
        **os.environ,
        "DUIZHAO_DATA_DIR": data_dir,
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
    }
    launched = time.time()
    try:
        result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    except subprocess.TimeoutExpired:
        raise SystemExit(
            f"{command[0]} did not quit after its first paint (a build older than --measure-startup?)"
        ) from None
    painted = cpu = memory = None
    kiwi = False
    for line in result.stdout.splitlines():
        if line.startswith("first paint at "):
            painted = float(line.split()[-1]) - launched
        elif line.startswith("CPU time at first paint: "):
            cpu = float(line.split()[-2])
        elif line.startswith("at first paint: "):
            memory = float(line.split("memory ")[1].split()[0])
            kiwi = "Kiwi loaded" in line
    if painted is None:
        raise RuntimeError(f"{command[0]} printed no first paint: {result.stdout}{result.stderr}")
    return Start(painted, cpu or 0.0, memory or 0.0, kiwi)


def measure(name: str, command: list[str], runs: int) -> None:
    first: list[Start] = []
    usual: list[Start] = []
    load = os.getloadavg()[0]
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as data:
            first.append(start_once(command, data))
            usual.append(start_once(command, data))
    print(f"{name}: {runs} runs of each, {os.cpu_count()} cores at load {load:.1f} → {os.getloadavg()[0]:.1f}")
    for label, starts, target in (
        ("first start (the corpus imports after the paint)", first, 2.0),
        ("usual start", usual, 1.0),
    ):
        painted = [s.painted for s in starts]
        print(
            f"  {label}: painted window after median {statistics.median(painted):.2f} s, max {max(painted):.2f} s "
            f"(CPU {statistics.median(s.cpu for s in starts):.2f} s)   target ≤ {target:.1f} s"
        )
        print(
            f"    memory at the first paint: median {statistics.median(s.memory for s in starts):.0f} MB, "
            f"max {max(s.memory for s in starts):.0f} MB; Kiwi loaded before the first paint in "
            f"{sum(s.kiwi for s in starts)} of {runs}   (target ≤ 250 MB at a usual start, Kiwi never)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    measure("from source", [sys.executable, "-m", "reader", "--measure-startup"], args.runs)
    if BUILT.exists():
        measure("from build", [str(BUILT), "--measure-startup"], args.runs)
    else:
        print(f"from build   not measured: {BUILT} does not exist (run scripts/build_app.sh)")


if __name__ == "__main__":
    main()
