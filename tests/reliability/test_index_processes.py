"""Index generations across real processes: two rebuilds at once both finish, and a
killed rebuild's partial generation is removed at the next start."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader import config
from reader.library import Library
from tests.conftest import SEED_000

from .conftest import cli_env

# Runs `reindex` with every document's entries held back a little, so that two
# rebuilds are certainly building at the same time (the index itself is real).
_SLOW_REINDEX = """
import sys, time, pathlib
from reader.search import index
index_dir, delay, wait_for = pathlib.Path(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
original = index.SearchIndex._add_entries

def slow(writer, entries, morphemes=None):
    deadline = time.time() + 120
    while time.time() < deadline:
        if len([p for p in index_dir.iterdir() if p.is_dir() and p.name.startswith("g")]) >= wait_for:
            break
        time.sleep(0.05)
    time.sleep(delay)
    return original(writer, entries, morphemes)

index.SearchIndex._add_entries = staticmethod(slow)
from reader.cli import main
sys.exit(main(["reindex"]))
"""


def _generations(index_dir: Path) -> list[Path]:
    return sorted(p for p in index_dir.iterdir() if p.is_dir() and p.name.startswith("g"))


def _reindex(data_dir: Path, delay: float, wait_for: int) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", _SLOW_REINDEX, str(config.index_dir()), str(delay), str(wait_for)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=cli_env(data_dir),
    )


def _wait_until(condition, timeout: float = 120) -> None:
    deadline = time.time() + timeout
    while not condition():
        assert time.time() < deadline, "timed out"
        time.sleep(0.05)


@pytest.fixture
def library_of_two(data_dir):
    library = Library()
    try:
        for n in range(2):
            library.import_files([SEED_000], doc_id=f"d{n}")
    finally:
        library.close()
    config.index_dir().mkdir(parents=True, exist_ok=True)
    return data_dir


@pytest.mark.slow
def test_two_processes_rebuilding_at_once_both_finish(library_of_two):
    index_dir = config.index_dir()
    quick = _reindex(library_of_two, delay=0.05, wait_for=2)
    _wait_until(lambda: len(_generations(index_dir)) >= 1 or quick.poll() is not None)
    slow = _reindex(library_of_two, delay=3.0, wait_for=2)  # still building when the quick one finishes
    results = [(*p.communicate(timeout=300), p.returncode) for p in (quick, slow)]
    for out, err, code in results:
        assert code == 0 and "Traceback" not in err, err
        assert "indexed" in out
    # One generation is left (the last one written), and it answers.
    assert len(_generations(index_dir)) == 1
    done = subprocess.run(
        [sys.executable, "-m", "reader", "search", "指导思想", "--json"],
        capture_output=True,
        text=True,
        env=cli_env(library_of_two),
        check=False,
    )
    assert done.returncode == 0 and '"hits"' in done.stdout, done.stderr


@pytest.mark.slow
def test_a_killed_rebuild_leaves_nothing_after_the_next_start(library_of_two):
    index_dir = config.index_dir()
    first = subprocess.run(
        [sys.executable, "-m", "reader", "reindex"], capture_output=True, text=True, env=cli_env(library_of_two)
    )
    assert first.returncode == 0, first.stderr
    (current,) = _generations(index_dir)
    killed = _reindex(library_of_two, delay=30, wait_for=1)
    _wait_until(lambda: len(_generations(index_dir)) == 2)
    partial = next(g for g in _generations(index_dir) if g != current)
    _wait_until(lambda: any(partial.iterdir()))
    os.kill(killed.pid, signal.SIGKILL)
    killed.wait()
    assert partial.exists()
    done = subprocess.run(
        [sys.executable, "-m", "reader", "search", "指导思想"],
        capture_output=True,
        text=True,
        env=cli_env(library_of_two),
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert _generations(index_dir) == [current]
    assert not [p for p in index_dir.iterdir() if p.name.endswith(".tmp")]
