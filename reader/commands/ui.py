"""screenshot: render the reader window offscreen at a sentence and save it as PNG."""

from __future__ import annotations

import argparse
import os
import re
import tempfile
from pathlib import Path

from ..errors import DuizhaoError
from . import open_library


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("screenshot", help="save a PNG of the reader window at a sentence (rendered offscreen)")
    p.add_argument("--doc", required=True, metavar="DOC", help="document id (or a unique prefix)")
    p.add_argument(
        "--at",
        required=True,
        metavar="SEGMENT_ID",
        help="the unit to bring to the reading line (id, with or without its hash)",
    )
    p.add_argument("--out", required=True, metavar="FILE.png", help="where to write the PNG")
    p.add_argument("--size", default="1400x900", metavar="WxH", help="window size in pixels (default 1400x900)")
    p.add_argument(
        "--compare",
        metavar="DOC_B",
        help="show the compare view: DOC on the left, DOC_B on the right (--at names a unit of DOC)",
    )
    p.set_defaults(func=cmd_screenshot)


def parse_size(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"\s*(\d{2,5})\s*[xX×]\s*(\d{2,5})\s*", text)
    if not match:
        raise DuizhaoError(f"--size {text!r}: expected WIDTHxHEIGHT, e.g. 1400x900")
    width, height = int(match[1]), int(match[2])
    if not (320 <= width <= 8000 and 240 <= height <= 8000):
        raise DuizhaoError(f"--size {text!r}: width 320–8000 and height 240–8000 pixels")
    return width, height


def cmd_screenshot(args: argparse.Namespace) -> int:
    width, height = parse_size(args.size)
    out = Path(args.out)
    if out.suffix.lower() != ".png":
        raise DuizhaoError(f"--out {out}: the screenshot is a PNG file (name it *.png)")
    if not out.parent.exists():
        raise DuizhaoError(f"--out {out}: folder {out.parent} does not exist")
    library = open_library()
    try:
        library.import_corpus()  # as the window does at its first start (once; removals stick)
        document = library.documents.get(args.doc)
        unit = document.find_segment(args.at)
        if unit is None or not unit.is_unit:
            raise DuizhaoError(
                f"--at {args.at}: no such sentence or heading in {document.id} (see `show {document.id}`)"
            )
        other = library.documents.get(args.compare).id if args.compare else ""
        return _render(library, document.id, unit.id, out, width, height, other)
    finally:
        library.close()


def _render(library, doc_id: str, unit_id: str, out: Path, width: int, height: int, compare_with: str = "") -> int:
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from ..ui.app import application
    from ..ui.mainwindow import MainWindow
    from ..ui.settings import Settings

    app = application([])
    with tempfile.TemporaryDirectory() as scratch:
        # Default settings, not the user's: a screenshot looks the same on every machine.
        window = MainWindow(library, Settings(Path(scratch) / "settings.ini"))
        window.parallel.sync.delay_ms = 0
        window.resize(width, height)
        window.show()
        app.processEvents()
        if compare_with:
            compare = window.compare_mode.compare
            done = QEventLoop()
            compare.started.connect(done.quit)
            compare.failed.connect(done.quit)
            if not compare.start(doc_id, compare_with):
                raise DuizhaoError(f"--compare {compare_with}: {window.status.currentMessage()}")
            if compare.running:  # the comparison is made on a worker thread: wait for it
                done.exec()
            if not compare.active:
                raise DuizhaoError(f"--compare {compare_with}: {window.status.currentMessage()}")
            app.processEvents()
            window.go_to_unit(unit_id)
            window.parallel.select_unit(unit_id)
        else:
            window.go_to(doc_id, unit_id)
        app.processEvents()
        image = window.grab().toImage()
        window.close()
        window.deleteLater()
    if not image.save(str(out)):  # a PNG: the name ends in .png (checked above)
        raise DuizhaoError(f"--out {out}: could not write the PNG")
    print(out)
    return 0
