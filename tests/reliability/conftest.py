"""Real faults for the reliability suite: a small file system that fills up, a
read-only bind mount, another (unprivileged) user, other processes.

Disk full needs ``mount -t tmpfs`` and a read-only folder ``mount --bind``, both of
which need root (CAP_SYS_ADMIN); permissions need root to switch to an unprivileged
user with ``setpriv``. Where the machine does not allow it, the test is skipped
with that reason.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
#: The unprivileged account the permission tests run the CLI as.
NOBODY_UID = 65534


def _can_mount() -> str:
    """'' when this process may mount file systems, else why not."""
    if sys.platform != "linux":
        return "mounting a small file system needs Linux"
    if os.geteuid() != 0:
        return "mounting a small tmpfs needs root (CAP_SYS_ADMIN)"
    return ""


def _run(*command: str) -> subprocess.CompletedProcess:
    return subprocess.run(command, capture_output=True, text=True, check=False)


@dataclass
class SmallDisk:
    """A freshly mounted tmpfs of a few megabytes; ``fill`` eats the free space."""

    path: Path
    filler: Path

    def fill(self, leave: int = 0) -> None:
        """Write a filler file until the disk is full (or only ``leave`` bytes are left)."""
        chunk = b"\0" * 4096
        with open(self.filler, "ab", buffering=0) as handle:
            try:
                while shutil.disk_usage(self.path).free > leave + len(chunk):
                    handle.write(chunk)
                    handle.flush()
                if not leave:
                    while True:
                        handle.write(b"\0" * 512)
                        handle.flush()
            except OSError as exc:
                assert exc.errno == errno.ENOSPC, exc

    def free(self) -> None:
        self.filler.unlink(missing_ok=True)

    @property
    def free_bytes(self) -> int:
        return shutil.disk_usage(self.path).free


@contextlib.contextmanager
def small_disk_at(path: Path, size: str = "4m") -> Iterator[SmallDisk]:
    reason = _can_mount()
    if reason:
        pytest.skip(reason)
    path.mkdir(parents=True, exist_ok=True)
    done = _run("mount", "-t", "tmpfs", "-o", f"size={size},mode=0777", "tmpfs", str(path))
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield SmallDisk(path, path / ".filler")
    finally:
        _run("umount", "-l", str(path))


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[SmallDisk]:
    with small_disk_at(tmp_path / "disk") as disk:
        yield disk


@contextlib.contextmanager
def read_only_view(source: Path, target: Path) -> Iterator[Path]:
    """``source`` mounted read-only at ``target`` (a bind mount)."""
    reason = _can_mount()
    if reason:
        pytest.skip(reason.replace("a small tmpfs", "a read-only bind mount"))
    target.mkdir(parents=True, exist_ok=True)
    done = _run("mount", "--bind", str(source), str(target))
    if done.returncode != 0:
        pytest.skip(f"cannot bind-mount here: {done.stderr.strip()}")
    try:
        done = _run("mount", "-o", "remount,ro,bind", str(target))
        if done.returncode != 0:
            pytest.skip(f"cannot remount read-only here: {done.stderr.strip()}")
        yield target
    finally:
        _run("umount", "-l", str(target))


@pytest.fixture
def public_dir() -> Iterator[Path]:
    """A folder every user can enter (pytest's tmp_path is private to root)."""
    path = Path(tempfile.mkdtemp(prefix="duizhao-rel-"))
    path.chmod(0o755)
    yield path
    shutil.rmtree(path, ignore_errors=True)


def _as_nobody_problem() -> str:
    """'' when the tests may run this interpreter as NOBODY_UID, else why not."""
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        return "running as another user needs root and setpriv"
    probe = subprocess.run(
        [*as_user_prefix(NOBODY_UID), sys.executable, "-c", "import whoosh, reader.cli"],
        capture_output=True,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        cwd="/",
        check=False,
    )
    if probe.returncode:
        # e.g. a virtual environment inside a private folder (mktemp -d is 0700)
        return f"user {NOBODY_UID} cannot import the installed packages of {sys.executable}"
    return ""


def as_user_prefix(uid: int) -> list[str]:
    return ["setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups"]


def require_other_user() -> None:
    """Skip (with the reason) where this machine cannot run the program as another user."""
    problem = _as_nobody_problem()
    if problem:
        pytest.skip(problem)


def cli_env(data_dir: Path, **extra: str) -> dict:
    env = dict(os.environ, DUIZHAO_DATA_DIR=str(data_dir), PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONSTARTUP", None)
    env.update(extra)
    return env


def run_cli(data_dir: Path, *args: str, as_user: int | None = None, timeout: float = 120, stdin: str = "", **env):
    """``python -m reader ARGS`` in another process (as another user if asked)."""
    command = [sys.executable, "-m", "reader", *args]
    if as_user is not None:
        require_other_user()
        command = [*as_user_prefix(as_user), *command]
        env.setdefault("HOME", str(data_dir.parent))
    return subprocess.run(
        command,
        capture_output=True,
        text=True,
        env=cli_env(data_dir, **env),
        timeout=timeout,
        input=stdin,
        cwd=str(data_dir.parent),
        check=False,
    )


def one_line_error(done: subprocess.CompletedProcess) -> str:
    """The stderr of a command that failed as the README promises: one line, exit 1."""
    assert done.returncode == 1, (done.returncode, done.stdout[-2000:], done.stderr[-3000:])
    assert "Traceback" not in done.stderr, done.stderr
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), done.stderr
    return lines[0]


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes (what "unchanged" is checked against).

    SQLite's shared-memory index (``-shm``) and an empty write-ahead log are left
    out: a reader creates them and they hold no data.
    """
    found = {}
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.name == ".filler" or path.name.endswith("-shm"):
            continue
        data = path.read_bytes()
        if path.name.endswith("-wal") and not data:
            continue
        found[str(path.relative_to(folder))] = data
    return found
