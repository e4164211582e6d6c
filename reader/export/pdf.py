"""The briefing as PDF, printed by Qt (QPdfWriter + QTextDocument) with embedded CJK fonts.

Qt embeds a subset of each font it draws with, so the text is selectable and
extractable. Two things make the text layer faithful:

* Shaping is turned off (``QFont.PreferNoShaping``). Chinese and precomposed
  Korean need none, and with it on, the CJK fonts' locale features swap spaces
  and digits for glyphs that are not in the font's character map, which Qt then
  cannot map back to text (``2010`` came out as ``$%&%``).
* Qt writes each glyph's ToUnicode entry from the first code point that maps to
  it in the font. Noto CJK shares glyphs between ideographs and the Kangxi /
  CJK radical code points, and between space and control characters, so 入 was
  extracted as ⼊ and spaces as tabs. ``repair_text_layer`` rewrites those
  entries to the ideograph and the space.

Pages are cut as a reader expects of a printed briefing (``page_tops``): a
heading never stands alone at the bottom of a page, and an item (its Chinese,
its Korean and the note) is not split across pages unless it is longer than a
page. Headings become the PDF's bookmarks (``add_outline``).

A machine without any Chinese or Korean font would print a PDF whose text is
blank; ``check_fonts`` refuses with one line naming the package to install.

Needs a QGuiApplication (no window): one is created on first use if the
process has none (offscreen where there is no display).
"""

from __future__ import annotations

import bisect
import os
import re
import sys
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import DuizhaoError
from .briefing import Briefing
from .rich_text import Fonts, render

PAGE_MARGINS_MM = (18.0, 18.0, 18.0, 16.0)  # left, top, right, bottom
FOOTER_MM = 8.0
BASE_POINT_SIZE = 10.5
#: What the one line names when no CJK font is installed.
FONT_PACKAGE = "fonts-noto-cjk"
#: How much of a piece longer than a page stays with the heading above it (share of a page).
KEEP_WITH_HEADING = 0.12

_APPLICATION = None


def ensure_gui_application():
    """The running QGuiApplication, or a new one (offscreen when there is no display)."""
    global _APPLICATION
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QGuiApplication

    app = QCoreApplication.instance()
    if app is None:
        argv = [sys.argv[0] if sys.argv and sys.argv[0] else "duizhao"]
        headless = sys.platform.startswith("linux") and not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
        )
        if headless and not os.environ.get("QT_QPA_PLATFORM"):
            argv += ["-platform", "offscreen"]
        _APPLICATION = app = QGuiApplication(argv)
    elif not isinstance(app, QGuiApplication):
        raise DuizhaoError("PDF export needs a GUI application (QGuiApplication), not a QCoreApplication")
    return app


class MissingFonts(DuizhaoError):
    """No installed font can draw Chinese or Korean: the PDF would be blank."""


def check_fonts(path: Path | str) -> None:
    """Refuse (one line) when no installed font covers Korean or simplified Chinese.

    Qt draws characters no font covers as nothing at all, so without a CJK font the
    PDF's text would be empty spaces and nobody would be told.
    """
    from PySide6.QtGui import QFontDatabase

    ensure_gui_application()
    systems = (QFontDatabase.WritingSystem.Korean, QFontDatabase.WritingSystem.SimplifiedChinese)
    if not all(QFontDatabase.families(system) for system in systems):
        raise MissingFonts(
            f"{path}: not written: no Chinese or Korean font is installed, so the PDF's text would be blank; "
            f"install Noto CJK ({FONT_PACKAGE} on Debian and Ubuntu) and export again"
        )


def available_fonts() -> Fonts:
    """The briefing fonts, each list starting with the first family installed here."""
    from PySide6.QtGui import QFontDatabase

    ensure_gui_application()
    installed = set(QFontDatabase.families())
    defaults = Fonts()

    def prefer(families: tuple[str, ...], system: QFontDatabase.WritingSystem) -> tuple[str, ...]:
        present = [f for f in families if f in installed]
        if not present:
            present = QFontDatabase.families(system)[:1]
        return tuple(dict.fromkeys([*present, *families]))

    korean = QFontDatabase.WritingSystem.Korean
    chinese = QFontDatabase.WritingSystem.SimplifiedChinese
    return Fonts(
        korean=prefer(defaults.korean, korean),
        chinese=prefer(defaults.chinese, chinese),
        heading=prefer(defaults.heading, korean),
        chinese_heading=prefer(defaults.chinese_heading, chinese),
    )


def text_document(briefing: Briefing, fonts: Fonts | None = None):
    """The QTextDocument a briefing is printed from (also used for previews)."""
    fonts = fonts or available_fonts()
    if briefing.options.layout == "report":
        from .rich_report import render as render_report

        return html_document(render_report(briefing, fonts), fonts)
    return html_document(render(briefing, fonts), fonts)


def html_document(html: str, fonts: Fonts):
    """A QTextDocument of Qt rich text in the export fonts, shaping off (see above)."""
    from PySide6.QtGui import QFont, QTextDocument

    ensure_gui_application()
    document = QTextDocument()
    base = QFont()
    base.setFamilies(list(fonts.korean))
    base.setPointSizeF(BASE_POINT_SIZE)
    base.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
    document.setDefaultFont(base)
    document.setHtml(html)
    return document


@dataclass(frozen=True)
class OutlineEntry:
    """A bookmark: a heading's level (1 = top), text and page (0-based)."""

    level: int
    title: str
    page: int


def _units(document) -> list:
    """The top-level pieces of a laid-out document in order: heading blocks, other
    non-empty blocks and tables (each item is one table)."""
    units = []
    frame_iterator = document.rootFrame().begin()
    while not frame_iterator.atEnd():
        frame = frame_iterator.currentFrame()
        if frame is not None:
            units.append(frame)
        else:
            block = frame_iterator.currentBlock()
            if block.text().strip():
                units.append(block)
        frame_iterator += 1
    return units


def _is_frame(unit) -> bool:
    from PySide6.QtGui import QTextFrame

    return isinstance(unit, QTextFrame)


def _extent(document, unit) -> tuple[float, float]:
    layout = document.documentLayout()
    rect = layout.frameBoundingRect(unit) if _is_frame(unit) else layout.blockBoundingRect(unit)
    return rect.top(), rect.bottom()


def _heading_level(unit) -> int:
    return 0 if _is_frame(unit) else unit.blockFormat().headingLevel()


def _line_ends(document, unit) -> list[float]:
    """Where the lines of a unit end (document coordinates): the places it may be cut."""
    layout = document.documentLayout()
    if _is_frame(unit):
        first, last = unit.firstPosition(), unit.lastPosition()
    else:
        first = last = unit.position()
    ends: list[float] = []
    block = document.findBlock(first)
    while block.isValid() and block.position() <= last:
        top = layout.blockBoundingRect(block).top()
        lines = block.layout()
        ends.extend(top + lines.lineAt(i).y() + lines.lineAt(i).height() for i in range(lines.lineCount()))
        block = block.next()
    return sorted(ends)


def page_tops(document, page_height: float) -> list[float]:
    """Where each page starts in a document laid out as one long page.

    A page is cut between top-level pieces, never inside one that fits on a page, so
    an item (its Chinese, its Korean and the note) stays together. A run of headings
    goes with what follows it: the whole of it when that fits on a page, else its
    first ``KEEP_WITH_HEADING`` of a page, so a heading never stands alone at the
    bottom. What is longer than a page is cut between its lines. One layout, one
    pass: linear in the length of the document.
    """
    units = _units(document)
    tops = [0.0]
    index = 0
    while index < len(units):
        first = index
        while index < len(units) - 1 and _heading_level(units[index]):
            index += 1  # the headings and the piece they introduce go together
        top = _extent(document, units[first])[0]
        last_top, bottom = _extent(document, units[index])
        kept = bottom if bottom - last_top <= page_height else last_top + KEEP_WITH_HEADING * page_height
        if kept - tops[-1] > page_height and top > tops[-1]:
            tops.append(top)
        while bottom - tops[-1] > page_height:
            limit = tops[-1] + page_height
            cuts = [end for end in _line_ends(document, units[index]) if tops[-1] < end <= limit]
            tops.append(cuts[-1] if cuts else limit)
        index += 1
    height = document.size().height()
    return [t for t in tops if t < height] or [0.0]


def _page_of(tops: list[float], y: float) -> int:
    return max(0, bisect.bisect_right(tops, y + 0.5) - 1)


def outline(document, tops: list[float]) -> list[OutlineEntry]:
    """The headings of a laid-out document with their pages, for bookmarks (the
    document's own title, ``<h1>``, is the PDF's title, not a bookmark)."""
    entries = []
    for unit in _units(document):
        level = _heading_level(unit)
        if level > 1:
            title = " ".join(unit.text().split())
            entries.append(OutlineEntry(level, title, _page_of(tops, _extent(document, unit)[0])))
    top = min((e.level for e in entries), default=1)
    return [OutlineEntry(e.level - top + 1, e.title, e.page) for e in entries]


def write(briefing: Briefing, path: Path) -> None:
    """Write the PDF (``reader.export`` checks the fonts first, naming the real file)."""
    fonts = available_fonts()
    title = briefing.title
    if briefing.options.layout == "report":
        from .report import report_title

        title = report_title(briefing)
    print_document(text_document(briefing, fonts), fonts, path, title)


def print_document(document, fonts: Fonts, path: Path, title: str) -> None:
    """Print a QTextDocument to an A4 PDF with page numbers (``- n -``), pages cut by
    ``page_tops``, headings as bookmarks and a repaired text layer."""
    from PySide6.QtCore import QMarginsF, QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter

    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(*PAGE_MARGINS_MM), QPageLayout.Unit.Millimeter)
    writer.setResolution(300)
    writer.setTitle(title)
    writer.setCreator("Duizhao")
    page = writer.pageLayout().paintRectPixels(writer.resolution())
    footer = FOOTER_MM / 25.4 * writer.resolution()
    document.documentLayout().setPaintDevice(writer)
    document.setTextWidth(page.width())  # one long page, cut by page_tops
    height = page.height() - footer
    tops = page_tops(document, height)
    bookmarks = outline(document, tops)
    ends = [*tops[1:], document.size().height()]
    footer_font = QFont()
    footer_font.setFamilies(list(fonts.korean))
    footer_font.setPointSizeF(8.5)
    painter = QPainter()
    if not painter.begin(writer):
        raise DuizhaoError(f"{path}: cannot be written as PDF")
    try:
        for number, (top, end) in enumerate(zip(tops, ends, strict=True)):
            if number:
                writer.newPage()
            painter.save()
            painter.translate(0, -top)
            # One device pixel short: Qt draws (into the text layer too) a piece whose top
            # touches the clip's bottom edge, and that piece opens the next page.
            document.drawContents(painter, QRectF(0, top, page.width(), end - top - 1))
            painter.restore()
            painter.setFont(footer_font)
            painter.setPen(QColor("#868e96"))
            painter.drawText(QRectF(0, height, page.width(), footer), Qt.AlignmentFlag.AlignCenter, f"- {number + 1} -")
    finally:
        painter.end()
    del writer
    repair_text_layer(path, bookmarks, document.toPlainText())


# -- the text layer -------------------------------------------------------------------
@lru_cache(maxsize=1)
def radical_ideographs() -> dict[int, int]:
    """CJK radical code point → the ideograph drawn with the same glyph.

    NFKC covers the Kangxi radicals; the CJK Radicals Supplement mostly has no
    decomposition, so the rest is read from the installed CJK fonts: a radical
    that shares its glyph with an ideograph stands for that ideograph.
    """
    from PySide6.QtGui import QFont, QRawFont

    ensure_gui_application()
    mapping: dict[int, int] = {}
    radicals = [*range(0x2E80, 0x2EFF), *range(0x2F00, 0x2FE0)]
    for code in radicals:
        normal = unicodedata.normalize("NFKC", chr(code))
        if normal != chr(code) and len(normal) == 1:
            mapping[code] = ord(normal)
    ideographs = "".join(chr(c) for c in range(0x4E00, 0xA000))
    for families in (Fonts().chinese, Fonts().korean):
        font = QFont()
        font.setFamilies(list(families))
        raw = QRawFont.fromFont(font)
        if not raw.isValid():
            continue
        by_glyph: dict[int, int] = {}
        for offset, glyph in enumerate(raw.glyphIndexesForString(ideographs)):
            if glyph:
                by_glyph.setdefault(glyph, 0x4E00 + offset)
        missing = [c for c in radicals if c not in mapping]
        glyphs = raw.glyphIndexesForString("".join(chr(c) for c in missing))
        for code, glyph in zip(missing, glyphs, strict=False):
            if glyph in by_glyph:
                mapping[code] = by_glyph[glyph]
    return mapping


def text_repairs(text: str) -> dict[int, int]:
    """Code points the text layer may name → the ones the text has: radicals to their
    ideographs, and a traditional form to its simplified one (or back) when only that
    one is in the text.

    Qt names a glyph by the first code point that maps to it, and the SC face's glyph
    for 户 is also its Kangxi radical ⼾, whose ideograph is the traditional 戶: 落户
    came out as 落戶.
    """
    import opencc

    present = {ch for ch in text if "\u4e00" <= ch <= "\u9fff"}
    ordered = sorted(present)
    variants: dict[int, int] = {}
    for name in ("s2t", "t2s"):
        converted = opencc.OpenCC(name).convert("".join(ordered))
        if len(converted) != len(ordered):
            continue
        for original, variant in zip(ordered, converted, strict=True):
            if variant != original and variant not in present:
                variants.setdefault(ord(variant), ord(original))
    repairs = {code: variants.get(target, target) for code, target in radical_ideographs().items()}
    for code, target in variants.items():
        repairs.setdefault(code, target)
    return repairs


_HEX = re.compile(rb"<([0-9A-Fa-f]{4,8})>")
_LINE = re.compile(rb"^(\s*<[0-9A-Fa-f]+>\s*(?:<[0-9A-Fa-f]+>\s*)?)(.*)$")


def _fixed_code(code: int, radicals: dict[int, int]) -> int:
    if code < 0x20 or code == 0x7F:
        return 0x20  # whitespace glyph first found under a control character
    return radicals.get(code, code)


def fix_to_unicode(cmap: bytes, radicals: dict[int, int]) -> bytes:
    """A ToUnicode CMap whose targets are ideographs and spaces instead of radicals and controls.

    Only destinations are changed: in ``bfchar`` lines the second code, in
    ``bfrange`` lines the third code or the codes of the array.
    """
    out, block = [], b""
    for line in cmap.split(b"\n"):
        stripped = line.strip()
        if stripped.endswith((b"beginbfchar", b"beginbfrange")):
            block = b"char" if stripped.endswith(b"beginbfchar") else b"range"
        elif stripped.startswith((b"endbfchar", b"endbfrange")):
            block = b""
        elif block:
            sources = 1 if block == b"char" else 2
            codes = list(_HEX.finditer(line))
            if len(codes) > sources:
                cut = codes[sources].start()
                head, tail = line[:cut], line[cut:]

                def repair(match: re.Match) -> bytes:
                    digits = match.group(1)
                    if len(digits) != 4:
                        return match.group(0)
                    fixed = _fixed_code(int(digits, 16), radicals)
                    return b"<%04X>" % fixed

                line = head + _HEX.sub(repair, tail)
        out.append(line)
    return b"\n".join(out)


def add_outline(writer, entries: list[OutlineEntry]) -> None:
    """Bookmarks nested by level, each opening its page; the outline panel shows them."""
    parents: list = []
    for entry in entries:
        del parents[entry.level - 1 :]
        parent = parents[-1] if parents else None
        page = min(entry.page, len(writer.pages) - 1)
        parents.append(writer.add_outline_item(title=entry.title, page_number=page, parent=parent))
    if entries:
        writer.page_mode = "/UseOutlines"


def repair_text_layer(path: Path, bookmarks: list[OutlineEntry] | None = None, text: str = "") -> None:
    """Rewrite the fonts' ToUnicode maps of a PDF written by Qt (see the module docstring);
    add the bookmarks."""
    from pypdf import PdfReader, PdfWriter

    radicals = text_repairs(text) if text else radical_ideographs()
    writer = PdfWriter(clone_from=PdfReader(str(path)))
    repaired: list = []  # the streams themselves: an id() alone may be reused once one is freed
    for page in writer.pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for reference in fonts.values():
            font = reference.get_object()
            cmap_ref = font.get("/ToUnicode")
            if cmap_ref is None:
                continue
            stream = cmap_ref.get_object()
            if any(stream is done for done in repaired):
                continue
            repaired.append(stream)
            stream.set_data(fix_to_unicode(stream.get_data(), radicals))
    add_outline(writer, bookmarks or [])
    with open(path, "wb") as handle:
        writer.write(handle)
