"""The briefing as a Hangul document (HWPX, python-hwpx).

Built on python-hwpx's blank skeleton, which carries what Hangul needs to open
a file: ``mimetype`` first and stored, ``META-INF/container.xml``, the
``Contents/content.hpf`` manifest, the header part with fonts (함초롬바탕/돋움),
styles and numbering, and the section. Sections of the briefing are 개요 1–3
paragraphs, so Hangul's outline view and table of contents see them.

Hangul numbers 개요 paragraphs by the section's outline numbering (``1.``,
``가.``, ``1)``…); the briefing's headings already carry the document's own
labels (``一、``, ``（一）``, ``1.``, ``(1)``), and only some clauses appear, so
the outline numbering's level texts are emptied: outline levels stay, numbers go.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path
from typing import Any

from hwpx import HwpxDocument

from .. import __version__
from .briefing import LABELS, Briefing, BriefingItem, DocumentHeader, Passage, Section
from .notes import NoteBlock
from .script_runs import script_runs

BODY_STYLE = "바탕글"
HEADING_FONT = "함초롬돋움"
#: Chinese faces (Windows' 宋体/黑体, with Noto CJK SC where those are missing).
CHINESE_FONT = ("SimSun", "Noto Serif CJK SC")
CHINESE_HEADING_FONT = ("SimHei", "Noto Sans CJK SC")
HEADING_SIZES = {1: 15, 2: 13, 3: 11.5}
GREY = "#495057"
NOTE_COLOR = "#1c3f6e"
_HH = "{http://www.hancom.co.kr/hwpml/2011/head}"
_HP = "{http://www.hancom.co.kr/hwpml/2011/paragraph}"
_HC = "{http://www.hancom.co.kr/hwpml/2011/core}"


def _chinese_in_the_hanja_slot(document: HwpxDocument) -> None:
    """Point the 한자 slot of every character shape at a Chinese face (the skeleton's is
    함초롬, a Korean face whose Hanja have Korean glyph forms): Hangul draws each script
    with its slot's font, so Han characters anywhere, Korean notes included, come out Chinese."""
    header = document.oxml.headers[0]
    faces: dict[str, str] = {}
    for fontface in header.element.iter(f"{_HH}fontface"):
        if fontface.get("lang") == "HANJA":
            faces = {font.get("face", ""): font.get("id", "") for font in fontface.iter(f"{_HH}font")}
    chinese = {faces[CHINESE_FONT[0]], faces[CHINESE_HEADING_FONT[0]]}
    heading = {faces.get(HEADING_FONT)}
    for ref in header.element.iter(f"{_HH}fontRef"):
        if ref.get("hanja") not in chinese:
            gothic = ref.get("hanja") in heading
            ref.set("hanja", faces[(CHINESE_HEADING_FONT if gothic else CHINESE_FONT)[0]])
    header.mark_dirty()


def _report_layout(document: HwpxDocument) -> None:
    """What Korean government files do: Korean lines break between words (``KEEP_WORD``),
    outline headings stand flush left like the body under them."""
    header = document.oxml.headers[0]
    for setting in header.element.iter(f"{_HH}breakSetting"):
        setting.set("breakNonLatinWord", "KEEP_WORD")
    outline = {
        style.get("paraPrIDRef")
        for style in header.element.iter(f"{_HH}style")
        if style.get("name", "").startswith("개요 ")
    }
    for shape in header.element.iter(f"{_HH}paraPr"):
        if shape.get("id") in outline:
            for left in shape.iter(f"{_HC}left"):
                left.set("value", "0")
    header.mark_dirty()


def _page_numbers(document: HwpxDocument) -> None:
    """A page number at the bottom centre, ``- n -``, as Hangul writes it: a ``pageNum``
    control in the run that holds the section's properties."""
    section = document.oxml.sections[0]
    run = next(r for r in section.element.iter(f"{_HP}run") if r.find(f"{_HP}secPr") is not None)
    control = run.makeelement(f"{_HP}ctrl", {})
    control.append(
        control.makeelement(f"{_HP}pageNum", {"pos": "BOTTOM_CENTER", "formatType": "DIGIT", "sideChar": "-"})
    )
    children = list(run)
    last = max(i for i, child in enumerate(children) if child.tag in (f"{_HP}secPr", f"{_HP}ctrl"))
    run.insert(last + 1, control)
    section.mark_dirty()


def _cleaned(name: str, data: bytes, day: dt.date) -> bytes:
    """A part without what python-hwpx's skeleton carries over from the Hangul file it was
    made from: the fixture's ``lastsaveby`` and 2025 date, the claimed Hangul version."""
    if name == "Contents/content.hpf":
        text = data.decode("utf-8")
        text = re.sub(r'(<opf:meta name="lastsaveby"[^>]*>)[^<]*(</opf:meta>)', r"\1Duizhao\2", text)
        text = re.sub(
            r'(<opf:meta name="date"[^>]*>)[^<]*(</opf:meta>)',
            rf"\g<1>{day.year}년 {day.month}월 {day.day}일\2",
            text,
        )
        return text.encode("utf-8")
    if name == "version.xml":
        text = data.decode("utf-8")
        text = re.sub(r'application="[^"]*"', 'application="Duizhao"', text)
        text = re.sub(r'appVersion="[^"]*"', f'appVersion="{__version__}"', text)
        return text.encode("utf-8")
    return data


def _write_clean(path: Path, entries: list[tuple[str, bytes]], day: dt.date) -> None:
    """The package as Hangul stores it: ``mimetype`` first and ``version.xml`` uncompressed,
    every entry dated the export day (not python-hwpx's build date)."""
    with zipfile.ZipFile(path, "w") as package:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=(day.year, day.month, day.day, 0, 0, 0))
            stored = name in ("mimetype", "version.xml")
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            package.writestr(info, _cleaned(name, data, day))


def clean_package(path: Path, day: dt.date) -> None:
    """Rewrite a package python-hwpx saved without its skeleton's leftovers (see _cleaned)."""
    with zipfile.ZipFile(path) as package:
        entries = [(info.filename, package.read(info.filename)) for info in package.infolist()]
    _write_clean(path, entries, day)


def save_package(document: HwpxDocument, path: Path, day: dt.date) -> None:
    """Write a built document to ``path``, cleaned (see _cleaned).

    python-hwpx's ``save_to_path`` re-reads and validates the whole package twice after
    writing it (its open-safety check): four fifths of the time of a 1,000-note report.
    Every HWPX export is made the same way and the tests run python-hwpx's validator on
    each, so this serialises the parts as ``save_to_path`` does (its own section and
    header serialisation and style-reference normalisation) and writes them once. A
    python-hwpx without those steps is saved the documented way."""
    package = document.package
    steps = ("_files", "_normalize_named_style_references_for_safety", "_validate_structure", "MIMETYPE_PATH")
    root = getattr(document, "_root", None)
    if root is None or not all(hasattr(package, step) for step in steps):
        document.save_to_path(str(path))
        clean_package(path, day)
        return
    for name, payload in root.serialize().items():
        package.set_part(name, payload)
    package._files[package.MIMETYPE_PATH] = package.mimetype.encode("utf-8")
    version = getattr(package, "_version", None)
    if version is not None and version.dirty:
        package._files[package.VERSION_PATH] = version.to_bytes()
    package._normalize_named_style_references_for_safety()
    package._validate_structure()
    files = package._files
    names = [package.MIMETYPE_PATH, *(name for name in files if name != package.MIMETYPE_PATH)]
    _write_clean(path, [(name, files[name]) for name in names], day)


def _silence_outline_numbers(document: HwpxDocument) -> None:
    section = document.oxml.sections[0].element
    properties = next(section.iter(f"{_HP}secPr"), None)
    outline_id = properties.get("outlineShapeIDRef", "1") if properties is not None else "1"
    header = document.oxml.headers[0]
    for numbering in header.element.iter(f"{_HH}numbering"):
        if numbering.get("id") == outline_id:
            for head in numbering.iter(f"{_HH}paraHead"):
                head.text = ""
    header.mark_dirty()


#: The preview picture's size in pixels (that of the one Hangul writes, A4's proportions).
PREVIEW_SIZE = (724, 1024)


def preview_image(lines: list[str]) -> bytes:
    """A PNG of the first page's text, for Hangul's and file browsers' thumbnails (the
    skeleton's is a blank page): the first line as the title, then as many lines as fit,
    Chinese in a simplified-Chinese face. b"" when Qt cannot draw here (then the
    skeleton's stays)."""
    try:
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
        from PySide6.QtGui import QColor, QImage, QPainter

        from .pdf import available_fonts, html_document
        from .rich_text import Fonts, _font_wrap
        from .script_runs import script_runs

        fonts = available_fonts()
    except Exception:  # no GUI application can be made in this process
        return b""
    from html import escape

    width, height = PREVIEW_SIZE
    margin = 56
    wrap, heading = _font_wrap(fonts), _font_wrap(fonts, heading=True)
    shown = [line for line in lines if line.strip()][:60]
    paragraphs = []
    for number, line in enumerate(shown):
        runs = "".join((heading if number == 0 else wrap)(lang, escape(chunk)) for lang, chunk in script_runs(line))
        style = "font-size: 22pt; font-weight: bold; margin-bottom: 14px;" if number == 0 else "margin: 3px 0;"
        paragraphs.append(f'<p style="{style}">{runs}</p>')
    document = html_document(
        f'<html><body style="font-family: {Fonts.css(fonts.korean)}; font-size: 11pt;">{"".join(paragraphs)}</body></html>',
        fonts,
    )
    document.setTextWidth(width - 2 * margin)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.translate(margin, margin)
    bottom, block, layout = 0.0, document.begin(), document.documentLayout()
    while block.isValid():  # whole paragraphs only: no line cut in half at the foot
        end = layout.blockBoundingRect(block).bottom()
        if end > height - 2 * margin:
            break
        bottom, block = end, block.next()
    document.drawContents(painter, QRectF(0, 0, width - 2 * margin, bottom))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # grey levels are all a thumbnail of text needs: a third of the colour PNG's size
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    grey.save(buffer, "PNG", 0)  # type: ignore[call-overload]  # QIODevice overload missing from the stubs
    return bytes(data.data())


class HwpxWriter:
    """Paragraphs, headings and script-aware runs over python-hwpx's blank skeleton
    (what every HWPX export shares: the briefing, the comparison table)."""

    def __init__(self) -> None:
        self.document = HwpxDocument.new()
        self.plain: list[str] = []
        self._char_styles: dict[tuple, str] = {}
        body = self.document.styles.resolve(BODY_STYLE)
        # Explicit references: resolving a style by name or inheriting it from the
        # previous paragraph costs a pass over the header or the section per paragraph.
        self._body_refs: dict[str, Any] = {
            "para_pr_id_ref": body.para_pr_id_ref,
            "style_id_ref": body.id,
            "char_pr_id_ref": "0",
        }
        for face, substitute in (CHINESE_FONT, CHINESE_HEADING_FONT):
            self.document.oxml.ensure_font(face, subst_face=substitute, subst_type="TTF")

    def char_style(self, **style) -> str:
        """The charPr id of a run style (made once per distinct style)."""
        key = tuple(sorted((k, v) for k, v in style.items() if v))
        if key not in self._char_styles:
            self._char_styles[key] = self.document.styles.ensure_run(**dict(key)) if key else "0"
        return self._char_styles[key]

    def run(self, paragraph, text: str, **style) -> None:
        """Add text as runs of one script each: Chinese in a Chinese face (every slot), Korean
        in the style's (함초롬)."""
        for lang, chunk in script_runs(text):
            own = dict(style)
            if lang == "zh":
                own["font"] = (CHINESE_HEADING_FONT if style.get("font") == HEADING_FONT else CHINESE_FONT)[0]
            paragraph.add_run(chunk, char_pr_id_ref=self.char_style(**own))

    def paragraph(self, text: str = "", **run_style):
        # Every paragraph keeps one (empty) run of its own, as Hangul writes them.
        paragraph = self.document.add_paragraph("", inherit_style=False, **self._body_refs)
        if text:
            self.run(paragraph, text, **run_style)
        self.plain.append(text)
        return paragraph

    def heading(self, text: str, level: int) -> None:
        style = {"bold": True, "size": HEADING_SIZES.get(level, 11), "font": HEADING_FONT}
        paragraph = self.document.add_heading("", level=level, char_pr_id_ref=self.char_style(**style))
        self.run(paragraph, text, **style)
        self.plain.append(text)

    def finish_layout(self) -> None:
        """The house layout: outline numbers silenced, Korean breaking between words, page numbers."""
        _silence_outline_numbers(self.document)
        _report_layout(self.document)
        _page_numbers(self.document)

    def finish_fonts(self) -> None:
        _chinese_in_the_hanja_slot(self.document)
        # The text and the picture Hangul and file browsers show as a preview of the file.
        self.document.package.set_part("Preview/PrvText.txt", "\r\n".join(self.plain)[:1024].encode("utf-8"))
        image = preview_image(self.plain)
        if image:
            self.document.package.set_part("Preview/PrvImage.png", image)


class _Writer(HwpxWriter):
    def __init__(self, briefing: Briefing):
        super().__init__()
        self.briefing = briefing
        self.lang = briefing.options.lang

    def passage(self, passage: Passage, color_hex: str) -> None:
        if not passage.text:
            self.paragraph(LABELS["no_zh"] if passage.lang == "zh" else LABELS["no_ko"], italic=True, color=GREY)
            return
        paragraph = self.paragraph()
        before, span, after = passage.pieces()
        if before:
            self.run(paragraph, before)
        if span:
            self.run(paragraph, span, bold=True, highlight=color_hex)
        if after:
            self.run(paragraph, after)
        self.plain[-1] = passage.text

    def note(self, blocks: tuple[NoteBlock, ...]) -> None:
        """The note under a label of its own (``○ 검토의견``) and in its own colour, so a
        reader tells the official's view from the translation above it."""
        if not blocks:
            return
        self.paragraph(f"○ {LABELS['review']}", bold=True, color=NOTE_COLOR)
        for block in blocks:
            paragraph = self.paragraph()
            prefix = "  " * (block.depth + 1) + {"bullet": "- ", "number": f"{block.number}. ", "quote": "│ "}.get(
                block.kind, ""
            )
            if prefix:
                self.run(paragraph, prefix, color=NOTE_COLOR)
            for run in block.runs:
                text = run.text if not run.href else f"{run.text} ({run.href})"
                self.run(
                    paragraph,
                    text,
                    bold=run.bold,
                    italic=run.italic,
                    strike=run.strike,
                    color=GREY if block.kind in ("quote", "code") else NOTE_COLOR,
                )
            self.plain[-1] = prefix + block.text

    def item(self, item: BriefingItem) -> None:
        label = self.paragraph()
        self.run(label, "■ ", color=item.color_hex)
        if item.label:
            self.run(label, item.label + " · ", bold=True)
        self.run(label, f"{LABELS['color']}: {item.color_name}", color=GREY)
        if item.starred:
            self.run(label, f" · ★ {LABELS['starred']}", color="#e67700")
        self.plain[-1] = item.label
        for passage in item.passages:
            self.passage(passage, item.color_hex)
        self.note(item.note_blocks)
        if item.tags:
            self.paragraph(f"{LABELS['tags']}: " + " ".join(f"#{t}" for t in item.tags), size=9, color=GREY)
        self.paragraph(f"{LABELS['citation']}: {item.citation}", size=9, color=GREY)
        self.paragraph()

    def facts(self, header: DocumentHeader) -> None:
        for label, value in header.facts():
            self.paragraph(f"{label}: {value}")

    def section(self, section: Section) -> None:
        self.heading(section.heading(self.lang), section.level)
        if section.subtitle(self.lang):
            self.paragraph(section.subtitle(self.lang), bold=True, color=GREY)
        if section.kind == "document":
            self.facts(self.briefing.document(section.key))
        for item in section.items:
            self.item(item)
        for child in section.sections:
            self.section(child)

    def build(self) -> HwpxDocument:
        briefing = self.briefing
        self.finish_layout()
        first = self.document.paragraphs[0]
        first.text = ""
        self.run(first, briefing.title, bold=True, size=18, font=HEADING_FONT)
        self.plain.append(briefing.title)
        self.paragraph(f"{LABELS['exported']}: {briefing.exported_ko}", color=GREY)
        self.paragraph(f"{LABELS['group_by']}: {briefing.summary()}", color=GREY)
        if briefing.legend:
            legend = self.paragraph()
            self.run(legend, f"{LABELS['legend']}  ", bold=True, color=GREY)
            for number, entry in enumerate(briefing.legend):
                self.run(legend, ("   " if number else "") + "■ ", color=entry.color_hex)
                self.run(legend, entry.text)
            self.plain[-1] = f"{LABELS['legend']}: " + ", ".join(e.text for e in briefing.legend)
        if not briefing.documents_in_sections:
            self.heading(LABELS["documents"], 1)
            for header in briefing.documents:
                self.paragraph(" · ".join(t for t in (header.title, header.title_ko) if t) or header.doc_id, bold=True)
                self.facts(header)
        for section in briefing.sections:
            self.section(section)
        package = self.document.package
        package.set_document_metadata(
            title=briefing.title,
            creator="Duizhao",
            subject=" / ".join(d.title or d.doc_id for d in briefing.documents),
            keyword=" ".join(sorted({f"#{t}" for item in briefing.items for t in item.tags})),
            created_date=f"{briefing.exported_on.isoformat()}T00:00:00Z",
            modified_date=f"{briefing.exported_on.isoformat()}T00:00:00Z",
        )
        self.finish_fonts()
        return self.document


def build(briefing: Briefing) -> HwpxDocument:
    return _Writer(briefing).build()


def write(briefing: Briefing, path: Path) -> None:
    if briefing.options.layout == "report":
        from .hangul_report import write as write_report

        write_report(briefing, path)
        return
    document = build(briefing)
    save_package(document, path, briefing.exported_on)
    document.close()
