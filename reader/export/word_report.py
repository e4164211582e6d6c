"""The report layout (보고서형) as a Word document: the lines of ``report.build_report``.

Government fonts: the body in 휴먼명조 and headings in HY헤드라인M (installed with
Hangul on every government PC), each with a fallback in the font table (바탕,
맑은 고딕) for Word to use where they are missing; Chinese runs stay in
SimSun/SimHei with ``zh-CN``. The title stands in a box, the Chinese original is
smaller and indented under the Korean, the 검토의견 is a shaded box of its own, so
the official's view never looks like the translation. A4, ``- n -`` page numbers,
headings kept with what follows them.
"""

from __future__ import annotations

from copy import deepcopy
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from lxml.etree import SubElement

from .briefing import LABELS, Briefing
from .notes import NoteBlock
from .report import Report, ReportLine, build_report
from .script_runs import script_runs
from .word import (
    FONT_LATIN,
    FONT_ZH,
    FONT_ZH_HEADING,
    _core_properties,
    _page_setup,
    _set_fonts,
    _shade,
    _theme_font_lang,
)

FONT_BODY = "휴먼명조"
FONT_HEADING = "HY헤드라인M"
#: Where a government font is missing, Word takes the font table's alternative.
FALLBACKS = {FONT_BODY: "바탕", FONT_HEADING: "맑은 고딕"}
GREY = RGBColor(0x49, 0x50, 0x57)
NOTE = RGBColor(0x1C, 0x3F, 0x6E)
NOTE_FILL = "EEF3FA"
#: (size in points, heading face, bold) of each kind of line.
STYLE = {
    "document": (15, True, True),
    "facts": (10, False, False),
    "summary_head": (14, True, True),
    "summary": (12, False, False),
    "part": (14, True, True),
    "clause": (13, False, True),
    "point": (12.5, False, False),
    "original": (10.5, False, False),
    "review": (11.5, False, False),
    "source": (9, False, False),
}
INDENT_MM = 5.0
SPACE_BEFORE = {"document": 14, "part": 10, "summary_head": 6, "clause": 6, "point": 3, "source": 3}
KEEP_WITH_NEXT = {"document", "facts", "summary_head", "part", "clause", "point", "original"}


class _Body:
    """Adds paragraphs and runs to the body in constant time. python-docx looks for
    ``w:sectPr`` among all children, and for a style among all styles by name, on every
    paragraph it adds (a long report went quadratic), and builds each run's properties
    element by element; here each distinct paragraph (style, indentation) and run
    (script, emphasis, shading) is built once with python-docx and copied."""

    def __init__(self, document, styles: dict[str, str]):
        from docx.text.paragraph import Paragraph

        self._paragraph = Paragraph
        self._parent = document._body
        self._end = document._body._body.find(qn("w:sectPr"))
        self._styles = styles
        self._paragraphs: dict[tuple, Any] = {}
        self._run_properties: dict[tuple, object] = {}

    def add_paragraph(self, kind: str, depth: int = 0, hanging: bool = False):
        key = (kind, depth, hanging)
        model = self._paragraphs.get(key)
        if model is None:
            model = OxmlElement("w:p")
            model.get_or_add_pPr().get_or_add_pStyle().val = self._styles[kind]
            fmt = self._paragraph(model, self._parent).paragraph_format
            fmt.left_indent = Mm(INDENT_MM * depth + (INDENT_MM if hanging else 0))
            if hanging:
                fmt.first_line_indent = Mm(-INDENT_MM)  # the text aligns after its marker
            self._paragraphs[key] = model
        element = deepcopy(model)
        self._end.addprevious(element)
        return self._paragraph(element, self._parent)

    def _properties(self, script: str, heading: bool, bold: bool, underline: bool, shade: str, strike: bool = False):
        key = (script, heading, bold, underline, shade, strike)
        if key not in self._run_properties:
            from docx.text.run import Run

            model = OxmlElement("w:r")
            run = Run(model, self._parent)
            if script == "zh":
                _set_fonts(model.get_or_add_rPr(), FONT_ZH_HEADING if heading else FONT_ZH, lang="zh")
            if bold:
                run.bold = True
            if underline:
                run.underline = True
            if strike:
                run.font.strike = True
            if shade:
                _shade(run, shade)
            self._run_properties[key] = model.rPr
        return self._run_properties[key]

    def runs(
        self,
        paragraph,
        text: str,
        lang: str,
        heading: bool = False,
        bold=False,
        underline=False,
        shade="",
        strike=False,
    ):
        """Text as runs of one script each. Korean takes the paragraph style's government
        face; Chinese runs get SimSun/SimHei and ``zh-CN``."""
        p = paragraph._p
        for script, chunk in script_runs(text, lang):
            if "\t" in chunk or "\n" in chunk:  # python-docx writes tabs and breaks as elements
                run = paragraph.add_run(chunk)
                properties = self._properties(
                    script if script == "zh" else "ko", heading, bold, underline, shade, strike
                )
                if properties is not None:
                    run._r.insert(0, deepcopy(properties))
                continue
            r = SubElement(p, W_R)
            properties = self._properties(script if script == "zh" else "ko", heading, bold, underline, shade, strike)
            if properties is not None:
                r.append(deepcopy(properties))
            t = SubElement(r, W_T)
            t.text = chunk
            if chunk != chunk.strip():
                t.set(XML_SPACE, "preserve")


W_R, W_T, XML_SPACE = qn("w:r"), qn("w:t"), qn("xml:space")


def _runs(paragraph, text: str, lang: str, heading: bool, **style) -> list:
    """Text as runs of one script each (the title and byline; the body goes through _Body.runs)."""
    runs = []
    for script, chunk in script_runs(text, lang):
        run = paragraph.add_run(chunk)
        if script == "zh":
            _set_fonts(run._r.get_or_add_rPr(), FONT_ZH_HEADING if heading else FONT_ZH, lang="zh")
        for name, value in style.items():
            setattr(run, name, value)
        runs.append(run)
    return runs


def _styles(document) -> dict[str, str]:
    """One paragraph style per kind of line (size, face, colour, spacing, the review's
    box), so a paragraph only carries its indentation and a run only its script."""
    from docx.enum.style import WD_STYLE_TYPE

    ids = {}
    for kind, (size, heading, bold) in STYLE.items():
        style = document.styles.add_style(f"Report {kind}", WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = document.styles["Normal"]
        style.font.size = Pt(size)
        style.font.bold = bold or None
        if kind in ("facts", "original", "source"):
            style.font.color.rgb = GREY
        elif kind == "review":
            style.font.color.rgb = NOTE
        face = FONT_HEADING if heading else FONT_BODY
        _set_fonts(style.element.get_or_add_rPr(), face, face if heading else FONT_LATIN, "ko")
        fmt = style.paragraph_format
        fmt.space_before = Pt(SPACE_BEFORE.get(kind, 0))
        fmt.space_after = Pt(0 if kind == "review" else 2)
        fmt.keep_with_next = kind in KEEP_WITH_NEXT or kind == "review"  # the box stays with its citation
        if kind == "review":
            _border(style, ("top", "left", "bottom", "right"), "8FA8C8", size=6, space=4)
            _fill(style, NOTE_FILL)
        ids[kind] = style.style_id
    return ids


def _ppr(owner):
    """The paragraph properties of a paragraph or a paragraph style."""
    return owner._p.get_or_add_pPr() if hasattr(owner, "_p") else owner.element.get_or_add_pPr()


def _border(owner, sides: tuple[str, ...], color: str, size: int = 8, space: int = 4) -> None:
    ppr = _ppr(owner)
    borders = OxmlElement("w:pBdr")
    for side in sides:
        element = OxmlElement(f"w:{side}")
        for key, value in (("w:val", "single"), ("w:sz", str(size)), ("w:space", str(space)), ("w:color", color)):
            element.set(qn(key), value)
        borders.append(element)
    ppr.append(borders)


def _fill(owner, fill_hex: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill_hex)
    _ppr(owner).append(shading)


def _font_fallbacks(document) -> None:
    """Font-table entries for the government faces, each with an alternative name."""
    from lxml import etree

    part = document.part.part_related_by(RELATIONSHIP_TYPE.FONT_TABLE)
    table = etree.fromstring(part.blob)
    for name, alternative in FALLBACKS.items():
        font = OxmlElement("w:font")
        font.set(qn("w:name"), name)
        alt = OxmlElement("w:altName")
        alt.set(qn("w:val"), alternative)
        charset = OxmlElement("w:charset")
        charset.set(qn("w:val"), "81")  # Hangul
        family = OxmlElement("w:family")
        family.set(qn("w:val"), "roman" if name == FONT_BODY else "modern")
        font.extend([alt, charset, family])
        table.append(font)
    part._blob = etree.tostring(table, xml_declaration=True, encoding="UTF-8", standalone=True)


def _title(document, report: Report) -> None:
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _border(title, ("top", "left", "bottom", "right"), "343A40", size=12, space=8)
    _fill(title, "F1F3F5")
    title.paragraph_format.space_after = Pt(6)
    for script, chunk in script_runs(report.title):
        run = title.add_run(chunk)
        run.bold, run.font.size = True, Pt(20)
        face = FONT_ZH_HEADING if script == "zh" else FONT_HEADING
        _set_fonts(run._r.get_or_add_rPr(), face, None if script == "zh" else FONT_HEADING, lang=script)
    byline = document.add_paragraph()
    byline.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    byline.paragraph_format.space_after = Pt(12)
    for run in _runs(byline, report.byline, "ko", heading=False):
        run.font.size = Pt(11)
        run.font.color.rgb = GREY
    if report.legend:
        byline.paragraph_format.space_after = Pt(4)
        legend = document.add_paragraph()
        legend.paragraph_format.space_after = Pt(10)
        for run in _runs(legend, f"{LABELS['legend']}: ", "ko", heading=False):
            run.font.size, run.font.color.rgb = Pt(10), GREY
        for number, entry in enumerate(report.legend):
            chip = legend.add_run(("  " if number else "") + "■ ")
            chip.font.size, chip.font.color.rgb = Pt(10), RGBColor.from_string(entry.color_hex.lstrip("#").upper())
            for run in _runs(legend, entry.text, "ko", heading=False):
                run.font.size, run.font.color.rgb = Pt(10), GREY


def _review(body: _Body, line: ReportLine) -> None:
    """The note in a shaded box under a 검토의견 label (consecutive paragraphs with the
    same borders are one box in Word)."""
    head = body.add_paragraph("review", line.depth)
    body.runs(head, line.marker, "ko", bold=True)
    last = head
    blocks: tuple[NoteBlock, ...] = line.blocks
    for block in blocks:
        paragraph = last = body.add_paragraph("review", line.depth)
        prefix = "  " * block.depth + {"bullet": "· ", "number": f"{block.number}. "}.get(block.kind, "")
        if prefix:
            body.runs(paragraph, prefix, "ko")
        for run in block.runs:
            if run.text == "\n":
                paragraph.add_run().add_break()
                continue
            text = run.text if not run.href else f"{run.text} ({run.href})"
            body.runs(paragraph, text, "ko", bold=run.bold, strike=run.strike)
    last.paragraph_format.space_after = Pt(4)


def _line(body: _Body, line: ReportLine) -> None:
    if line.kind == "review":
        _review(body, line)
        return
    heading = STYLE[line.kind][1]
    paragraph = body.add_paragraph(line.kind, line.depth, bool(line.marker))
    if line.marker:
        marker = f"{line.marker}: " if line.kind in ("original", "source") else f"{line.marker} "
        body.runs(paragraph, marker, "ko", heading)
    before, span, after = line.pieces()
    if before:
        body.runs(paragraph, before, line.lang, heading)
    if span:
        body.runs(paragraph, span, line.lang, heading, bold=True, underline=True, shade=line.color_hex or "")
    if after:
        body.runs(paragraph, after, line.lang, heading)


def build(briefing: Briefing):
    """The python-docx Document of a briefing in the report layout."""
    report = build_report(briefing)
    document = Document()
    normal = document.styles["Normal"]
    normal.font.size = Pt(12)
    _set_fonts(normal.element.get_or_add_rPr(), FONT_BODY, FONT_LATIN, "ko")
    normal.paragraph_format.line_spacing = 1.35
    _page_setup(document)
    _core_properties(document, briefing)
    _theme_font_lang(document)
    _font_fallbacks(document)
    styles = _styles(document)
    _title(document, report)
    body = _Body(document, styles)
    for line in report.lines:
        _line(body, line)
    return document


def write(briefing: Briefing, path: Path) -> None:
    build(briefing).save(str(path))
