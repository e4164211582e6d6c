"""What a killed backup or export leaves behind is removed later, and nothing else is.

Each test kills a real ``python -m reader`` process with SIGKILL at the worst moment:
when the copy or the export is written whole under its temporary name and is about to
be renamed into place.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from reader.export.atomic import PENDING, STALE_AFTER
from reader.library import Library
from reader.store import backup
from tests.conftest import SEED_000
from tests.reliability.conftest import cli_env, run_cli

#: Runs the CLI in this process after making ``os.replace`` kill it (the moment before a
#: finished temporary file is renamed into place).
KILL_AT_RENAME = """
import os, signal, sys
os.replace = lambda *args, **kwargs: os.kill(os.getpid(), signal.SIGKILL)
from reader.cli import main
sys.exit(main(sys.argv[1:]))
"""


def killed_at_rename(data_dir, *args: str) -> subprocess.CompletedProcess:
    done = subprocess.run(
        [sys.executable, "-c", KILL_AT_RENAME, *args],
        capture_output=True,
        text=True,
        env=cli_env(data_dir),
        cwd=str(data_dir.parent),
        timeout=300,
        check=False,
    )
    assert done.returncode == -signal.SIGKILL, (done.returncode, done.stderr[-2000:])
    return done


def annotated_library(data_dir) -> None:
    library = Library()
    try:
        document = library.import_files([SEED_000], doc_id="g")
        library.annotations.annotate(document, "zh.p1.c1.s1", note="살아남을 메모")
    finally:
        library.close()


def test_a_backup_killed_before_its_rename_is_cleared_at_the_next_start(data_dir):
    annotated_library(data_dir)
    backups = data_dir / "backups"
    before = backup.list_backups(backups)
    killed_at_rename(data_dir, "backup")
    partial = [p for p in backups.iterdir() if backup.PARTIAL in p.name]
    assert partial, sorted(p.name for p in backups.iterdir())  # the kill left its copy
    assert backup.list_backups(backups) == before  # and it is not taken for a backup

    done = run_cli(data_dir, "notes", "--json")  # the next start
    assert done.returncode == 0, done.stderr
    assert "살아남을 메모" in done.stdout
    assert not [p for p in backups.iterdir() if backup.PARTIAL in p.name]
    assert not [p for p in data_dir.iterdir() if backup.PARTIAL in p.name]


def test_an_export_killed_before_its_rename_is_cleared_at_the_next_start(data_dir, tmp_path):
    annotated_library(data_dir)
    out = tmp_path / "briefing"
    out.mkdir()
    target = out / "메모.docx"
    killed_at_rename(data_dir, "export", "--format", "docx", "--out", str(target))
    (left,) = [p for p in out.iterdir()]
    assert left.name.startswith(".메모.") and left.name.endswith(".tmp.docx") and not target.exists()
    assert list((data_dir / PENDING).iterdir())  # the note naming it

    other = out / ".메모.xyz.tmp.docx"  # not named by any export of this library: left alone
    other.write_bytes(b"someone else's")
    done = run_cli(data_dir, "list")  # the next start, in another folder altogether
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in out.iterdir()) == [other.name]
    assert not list((data_dir / PENDING).iterdir())

    old = time.time() - STALE_AFTER - 60  # beside the target, an old one goes with the next export
    os.utime(other, (old, old))
    done = run_cli(data_dir, "export", "--format", "docx", "--out", str(target))
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in out.iterdir()) == [target.name]
    assert target.stat().st_size > 0


def test_an_export_being_written_is_not_cleared(data_dir, tmp_path):
    """A note still locked by a running export keeps its temporary file."""
    from reader.export import atomic

    annotated_library(data_dir)
    temporary = tmp_path / ".메모.abc.tmp.docx"
    temporary.write_bytes(b"being written")
    pending = atomic._note_pending(temporary)
    assert pending is not None
    try:
        done = run_cli(data_dir, "list")
        assert done.returncode == 0, done.stderr
        assert temporary.exists()
    finally:
        pending[0].close()
    assert atomic.clear_abandoned_exports() == [temporary.resolve()]
    assert not temporary.exists()


def test_a_copy_another_process_is_writing_is_left_alone(data_dir):
    """The cleanup spares a copy whose writer is alive (it holds the copy's flock)."""
    annotated_library(data_dir)
    backups = data_dir / "backups"
    backups.mkdir(exist_ok=True)
    writer = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from reader.store import backup;"
            "staged = backup._Staged(Path(sys.argv[1])); print('held', flush=True); time.sleep(120)",
            str(backups / f"{backup.PREFIX}20261202-000000-000000{backup.SUFFIX}{backup.PARTIAL}"),
        ],
        stdout=subprocess.PIPE,
        text=True,
        env=cli_env(data_dir),
    )
    try:
        assert writer.stdout.readline().strip() == "held"
        assert backup.clean_leftovers(data_dir / "duizhao.sqlite3", backups) == []
        writer.kill()
        writer.wait()
        (removed,) = backup.clean_leftovers(data_dir / "duizhao.sqlite3", backups)
        assert removed.name.endswith(backup.PARTIAL) and not removed.exists()
    finally:
        writer.kill()
        writer.wait()
