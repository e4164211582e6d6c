"""Writing an export file whole or not at all.

The writer fills a temporary file next to the target, which then replaces the
target in one ``os.replace``: a crash, a full disk or a writer error leaves the
previous file (or no file) behind, never half a briefing.
"""

from __future__ import annotations

import contextlib
import glob
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from ..errors import DuizhaoError

#: Marks the temporary file an export is written to before it is renamed.
TEMPORARY = ".tmp"
#: A temporary export file this old (seconds) is a killed export's: it is removed.
STALE_AFTER = 600.0
#: The data directory's folder of notes naming the temporary file of each export being
#: written (so that the next start can remove what a killed export left, wherever it was).
PENDING = "exports-in-progress"

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]


class ExportRefused(DuizhaoError):
    """The export cannot be written where asked (file exists, folder missing, no permission)."""


def _inside_data_dir(path: Path) -> Path | None:
    """The data directory if ``path`` (symlinks resolved) lies inside it."""
    from .. import config

    try:
        data = config.data_dir(create=False).resolve()
        target = path.resolve()
    except (OSError, RuntimeError):  # a symlink loop, an unreadable folder
        return None
    return data if target == data or data in target.parents else None


def _problem(exc: OSError) -> str:
    """What went wrong, with what to do when the cause is known (a full disk)."""
    from ..store.errors import classify

    error = classify(exc)
    if error is not None:
        return f"{error.problem}; {error.advice.split(';')[0]}"
    return exc.strerror or str(exc)


def check_target(path: Path, force: bool) -> None:
    """Raise ExportRefused unless ``path`` may be written.

    Nothing is ever written inside the data directory, whatever ``--force`` says:
    that is where the live database, its backups and the index are.
    """
    data = _inside_data_dir(path)
    if data is not None:
        raise ExportRefused(
            f"{path}: is inside the data directory {data} (the library's own files); choose another folder"
        )
    if path.is_dir():
        raise ExportRefused(f"{path}: is a folder, give a file name")
    if not path.parent.is_dir():
        raise ExportRefused(f"{path}: the folder {path.parent} does not exist")
    if path.exists() and not force:
        raise ExportRefused(f"{path}: already exists (use --force to overwrite it)")


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomically(path: str | Path, write: Callable[[Path], None], force: bool = False) -> Path:
    """Call ``write(temporary_path)``, then move the result to ``path``."""
    target = Path(path)
    check_target(target, force)
    remove_leftovers(target)
    try:
        handle, name = tempfile.mkstemp(
            prefix=f".{target.stem}.", suffix=f"{TEMPORARY}{target.suffix}", dir=target.parent
        )
    except OSError as exc:
        raise ExportRefused(f"{target}: cannot write in {target.parent} ({_problem(exc)})") from exc
    os.close(handle)
    temporary = Path(name)
    pending = _note_pending(temporary)
    try:
        write(temporary)
        with open(temporary, "rb+") as written:
            os.fsync(written.fileno())
        # mkstemp makes the file 0600; an export is for sharing, so it gets the umask's mode.
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, target)
    except OSError as exc:
        raise ExportRefused(f"{target}: could not be written ({_problem(exc)})") from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
        if pending is not None:
            note, note_path = pending
            note.close()  # drops the lock
            with contextlib.suppress(OSError):
                os.unlink(note_path)
    return target


def _pending_dir() -> Path | None:
    from .. import config

    folder = config.data_dir(create=False)
    return folder / PENDING if folder.is_dir() else None


def _note_pending(temporary: Path):
    """A note in the data directory naming ``temporary``, held locked (``flock``) while the
    export runs; None where it cannot be written (a read-only data folder: the export goes on)."""
    folder = _pending_dir()
    if folder is None:
        return None
    try:
        folder.mkdir(exist_ok=True)
        handle, note_path = tempfile.mkstemp(prefix="export-", suffix=".path", dir=folder)
        note = os.fdopen(handle, "w+", encoding="utf-8")
    except OSError:
        return None
    try:
        if fcntl is not None:
            fcntl.flock(note.fileno(), fcntl.LOCK_EX)  # type: ignore[union-attr]
        note.write(str(temporary.resolve()))
        note.flush()
    except OSError:  # a full disk: no note, the export itself will say what is wrong
        with contextlib.suppress(OSError):
            note.close()
        with contextlib.suppress(OSError):
            os.unlink(note_path)
        return None
    return note, note_path


def clear_abandoned_exports() -> list[Path]:
    """At start: remove the temporary files of exports that were killed (their note is no
    longer locked by a running process), wherever they were being written; returns them."""
    folder = _pending_dir()
    removed: list[Path] = []
    if folder is None or not folder.is_dir() or fcntl is None:
        return removed
    for note in folder.glob("export-*.path"):
        try:
            with open(note, encoding="utf-8") as handle:
                try:
                    fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                except OSError:
                    continue  # that export is still being written
                named = Path(handle.read().strip())
        except OSError:
            continue
        # Only ever a file this module names: hidden, ``.<stem>.<random>.tmp<suffix>``.
        if named.name.startswith(".") and TEMPORARY in named.name:
            with contextlib.suppress(FileNotFoundError, OSError):
                named.unlink()
                removed.append(named)
        with contextlib.suppress(OSError):
            note.unlink()
    return removed


def remove_leftovers(target: Path, older_than: float = STALE_AFTER) -> list[Path]:
    """Remove the temporary files that killed exports of ``target`` left beside it
    (``.<stem>.<random>.tmp<suffix>``), if they are older than ``older_than`` seconds
    (a younger one may belong to an export still running in another process)."""
    removed = []
    now = time.time()
    pattern = f".{glob.escape(target.stem)}.*{TEMPORARY}{glob.escape(target.suffix)}"
    for path in target.parent.glob(pattern):
        with contextlib.suppress(OSError):
            if now - path.stat().st_mtime >= older_than:
                path.unlink()
                removed.append(path)
    return removed
