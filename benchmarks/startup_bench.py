"""Cold start to first painted window, from source and from the PyInstaller build.

Each run is a new process with a new data directory (the first start imports and
aligns the bundled corpus) or with the data of a previous run (a usual start). The
app is started with --measure-startup, which prints the wall-clock time of its first
paint and quits; the figure is that time minus the moment the process was launched.
Target (issue 4): under 2 s. Build first with scripts/build_app.sh to measure the build.

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

ROOT = Path(__file__).resolve().parent.parent
BUILT = ROOT / "dist" / "duizhao" / ("duizhao.exe" if sys.platform == "win32" else "duizhao")


def start_once(command: list[str], data_dir: str) -> float:
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
    for line in result.stdout.splitlines():
        if line.startswith("first paint at "):
            return float(line.split()[-1]) - launched
    raise RuntimeError(f"{command[0]} printed no first paint: {result.stdout}{result.stderr}")


def measure(name: str, command: list[str], runs: int) -> None:
    first, usual = [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as data:
            first.append(start_once(command, data))
            usual.append(start_once(command, data))
    print(
        f"{name:12s} first start (imports the corpus): median {statistics.median(first):.2f} s, "
        f"max {max(first):.2f} s | usual start: median {statistics.median(usual):.2f} s, "
        f"max {max(usual):.2f} s   (target < 2 s, {runs} runs)"
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
