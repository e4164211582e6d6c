"""Render reader/resources/icons/duizhao.svg into the PNG, Windows .ico and macOS .icns the
build needs (written to build/icons/; nothing generated is committed).

    python scripts/make_icons.py [OUT_DIR]
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "reader" / "resources" / "icons" / "duizhao.svg"


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "icons"
    out.mkdir(parents=True, exist_ok=True)
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"error: {SVG}: not a valid SVG", file=sys.stderr)
        return 1
    images = {}
    for size in (16, 32, 48, 64, 128, 256, 512):
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        images[size] = image
        image.save(str(out / f"duizhao-{size}.png"))
    ok = images[256].save(str(out / "duizhao.png")) and images[256].save(str(out / "duizhao.ico"))
    ok = images[512].save(str(out / "duizhao.icns")) and ok
    app.processEvents()
    print(out)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
