"""Writing an export file whole or not at all.

The writer fills a temporary file next to the target, which then replaces the
target in one ``os.replace``: a crash, a full disk or a writer error leaves the
previous file (or no file) behind, never half a briefing.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..errors import DuizhaoError


class ExportRefused(DuizhaoError):
    """The export cannot be written where asked (file exists, folder missing, no permission)."""


def check_target(path: Path, force: bool) -> None:
    """Raise ExportRefused unless ``path`` may be written."""
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
    try:
        handle, name = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=f".tmp{target.suffix}", dir=target.parent)
    except OSError as exc:
        raise ExportRefused(f"{target}: cannot write in {target.parent} ({exc.strerror})") from exc
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
        raise ExportRefused(f"{target}: could not be written ({exc.strerror or exc})") from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
    return target
