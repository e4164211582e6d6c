"""Text pasted from the clipboard, kept as a file so that it imports like any other.

The pasted text (or HTML, which keeps a web page's structure and metadata table) is
written once into the library's ``pasted/`` folder and imported from there: the document's
source then names a file that exists, and a failed import loses nothing the user pasted.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from ..store.errors import classified

FOLDER = "pasted"


def save_pasted(library_dir: Path, text: str, html: str = "", now: datetime | None = None) -> Path:
    """Write what was pasted to a new file in ``library_dir/pasted`` and return it.

    HTML is kept when it holds more than markup (its text and metadata table are
    extracted on import); otherwise the plain text. Raises a classified StorageError
    when the disk is full or the folder cannot be written.
    """
    folder = Path(library_dir) / FOLDER
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    as_html = bool(html.strip()) and "<" in html
    suffix = ".html" if as_html else ".txt"
    content = html if as_html else text
    if as_html and "charset" not in html[:2048].lower():
        content = '<meta charset="utf-8">\n' + html  # the clipboard's HTML is Unicode, whatever it claims
    with classified(folder):
        folder.mkdir(parents=True, exist_ok=True)
        for number in range(1, 1000):
            path = folder / f"pasted-{stamp}{'' if number == 1 else f'-{number}'}{suffix}"
            try:
                with open(path, "x", encoding="utf-8", newline="") as handle:
                    handle.write(content)
                    handle.flush()
                    os.fsync(handle.fileno())
            except FileExistsError:
                continue
            return path
    raise FileExistsError(f"{folder}: too many pasted files named pasted-{stamp}")
