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
    return target


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
