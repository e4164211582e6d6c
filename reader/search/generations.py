"""Which index generations are in use, across processes.

Several processes may use one index directory: the reader window, a second window,
``python -m reader search`` or ``reindex``. Each generation ``g<N>/`` has a lock
file ``g<N>.lock`` beside it; a process that builds or opens a generation holds a
shared lock on it (``fcntl.flock``) for as long as it uses it. A generation is
removed only by a process that gets the exclusive lock without waiting, so a
rebuild that finishes first can no longer delete the generation another process is
still building or searching, and a generation left by a killed rebuild (its
process holds nothing any more) is removed at the next cleanup.

Where ``fcntl`` is missing (Windows), nothing is known about other processes, so an
old generation is removed only once it has not been touched for a day.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import time
from pathlib import Path
from typing import BinaryIO

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

LOCK_SUFFIX = ".lock"
#: Without fcntl: a generation untouched this long (seconds) is taken to be unused.
UNUSED_AFTER = 24 * 3600.0


def lock_path(generation: Path) -> Path:
    return generation.with_name(generation.name + LOCK_SUFFIX)


class GenerationHold:
    """A shared lock on one generation: it is not removed while this is held."""

    def __init__(self, generation: Path):
        self.generation = generation
        self._handle: BinaryIO | None = open(lock_path(generation), "a+b")  # noqa: SIM115 (held until release)
        if fcntl is not None:
            fcntl.flock(self._handle.fileno(), fcntl.LOCK_SH)  # type: ignore[union-attr]

    @property
    def valid(self) -> bool:
        """The generation still exists (it may have been removed just before the hold)."""
        return self.generation.is_dir()

    def release(self) -> None:
        if self._handle is not None:
            self._handle.close()  # closing drops the flock
            self._handle = None


def remove_unused(directory: Path, keep: set[str]) -> list[str]:
    """Remove the generations in ``directory`` that nobody holds, except ``keep``;
    returns the names removed."""
    removed: list[str] = []
    if not directory.is_dir():
        return removed
    for child in sorted(directory.iterdir()):
        name = child.name
        if not (child.is_dir() and name.startswith("g")) or name in keep:
            continue
        if _remove_if_unused(child):
            removed.append(name)
    # Lock files whose generation is gone.
    for stale in directory.glob(f"g*{LOCK_SUFFIX}"):
        generation = stale.with_name(stale.name[: -len(LOCK_SUFFIX)])
        if generation.name not in keep and not generation.exists():
            _remove_lock_if_unused(stale)
    return removed


def _remove_if_unused(generation: Path) -> bool:
    if fcntl is None:
        try:
            newest = max((p.stat().st_mtime for p in generation.rglob("*")), default=generation.stat().st_mtime)
        except OSError:
            return False
        if time.time() - newest < UNUSED_AFTER:
            return False
        shutil.rmtree(generation, ignore_errors=True)
        return True
    try:
        handle = open(lock_path(generation), "a+b")  # noqa: SIM115
    except OSError:
        return False
    try:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False  # someone builds or searches it
        shutil.rmtree(generation, ignore_errors=True)
        with contextlib.suppress(OSError):
            os.unlink(lock_path(generation))
        return True
    finally:
        handle.close()


def _remove_lock_if_unused(path: Path) -> None:
    if fcntl is None:
        return
    try:
        handle = open(path, "a+b")  # noqa: SIM115
    except OSError:
        return
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        os.unlink(path)
    except OSError:
        pass
    finally:
        handle.close()
