"""The briefing as a Word document (DOCX, python-docx).

Sections use Word's own Heading 1–3 styles, so the navigation pane and a table
of contents work. East-Asian fonts are set explicitly (``w:eastAsia``): Korean in
바탕 (headings in 맑은 고딕), Chinese in SimSun with the ``zh-CN`` language tag,
so Word neither renders Chinese with Japanese glyph forms nor falls back to a
Latin font. The annotated span is bold on a background of the annotation's
colour; each item has a left border in that colour. A4, page numbers in the
footer.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from .briefing import LABELS, Briefing, BriefingItem, DocumentHeader, Passage, Section
from .notes import NoteBlock, NoteRun
from .script_runs import script_runs

FONT_KO = "바탕"
FONT_KO_HEADING = "맑은 고딕"
FONT_ZH = "SimSun"
FONT_ZH_HEADING = "SimHei"
FONT_LATIN = "Times New Roman"
FONT_CODE = "Consolas"
LANG_TAG = {"zh": "zh-CN", "ko": "ko-KR"}
GREY = RGBColor(0x49, 0x50, 0x57)


def _set_fonts(rpr, east_asia: str, latin: str | None = None, lang: str | None = None) -> None:
    """Give run properties an East-Asian font (and a Latin one, and a language tag)."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    fonts.set(qn("w:eastAsia"), east_asia)
    if latin:
        fonts.set(qn("w:ascii"), latin)
        fonts.set(qn("w:hAnsi"), latin)
    if lang:
        tag = rpr.find(qn("w:lang"))
        if tag is None:
            tag = OxmlElement("w:lang")
            rpr.append(tag)
        tag.set(qn("w:eastAsia"), LANG_TAG[lang])


def _style_fonts(document) -> None:
    styles = document.styles
    normal = styles["Normal"]
    normal.font.size = Pt(10.5)
    _set_fonts(normal.element.get_or_add_rPr(), FONT_KO, FONT_LATIN, "ko")
    paragraph = normal.paragraph_format
    paragraph.space_after = Pt(4)
    paragraph.line_spacing = 1.3
    for name, size in (("Title", 20), ("Subtitle", 13), ("Heading 1", 15), ("Heading 2", 13), ("Heading 3", 11.5)):
        style = styles[name]
        style.font.size = Pt(size)
        style.font.color.rgb = RGBColor(0x21, 0x25, 0x29)
        style.font.italic = False  # slanted Hangul and Hanzi are synthetic and read badly
        _set_fonts(style.element.get_or_add_rPr(), FONT_KO_HEADING, FONT_KO_HEADING, "ko")


def _shade(run, fill_hex: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill_hex.lstrip("#").upper())
    run._r.get_or_add_rPr().append(shading)


def _left_border(paragraph, color_hex: str) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    left = OxmlElement("w:left")
    for key, value in (("w:val", "single"), ("w:sz", "24"), ("w:space", "8"), ("w:color", color_hex.lstrip("#"))):
        left.set(qn(key), value)
    borders.append(left)
    ppr.append(borders)
    paragraph.paragraph_format.left_indent = Mm(4)


def _script_fonts(rpr, lang: str, heading: bool = False) -> None:
    if lang == "zh":
        _set_fonts(rpr, FONT_ZH_HEADING if heading else FONT_ZH, lang="zh")
    else:
        _set_fonts(rpr, FONT_KO_HEADING if heading else FONT_KO, lang="ko")


def _text_run(
    paragraph, text: str, lang: str = "ko", heading: bool = False, color: RGBColor | None = None, size=None, **style
) -> list:
    """Add ``text`` as runs of one script each (Chinese in SimSun with ``zh-CN``, Korean in
    바탕 with ``ko-KR``); ``style``: run attributes such as bold, italic. Returns the runs."""
    runs = []
    for script, chunk in script_runs(text, lang):
        run = paragraph.add_run(chunk)
        _script_fonts(run._r.get_or_add_rPr(), script, heading)
        for name, value in style.items():
            setattr(run, name, value)
        if color is not None:
            run.font.color.rgb = color
        if size is not None:
            run.font.size = size
        runs.append(run)
    return runs


def _passage(document, passage: Passage, color_hex: str) -> None:
    paragraph = document.add_paragraph()
    _left_border(paragraph, color_hex)
    if not passage.text:
        missing = LABELS["no_zh"] if passage.lang == "zh" else LABELS["no_ko"]
        _text_run(paragraph, missing, italic=True, color=GREY)
        return
    before, span, after = passage.pieces()
    if before:
        _text_run(paragraph, before, passage.lang)
    if span:
        for run in _text_run(paragraph, span, passage.lang, bold=True):
            _shade(run, color_hex)
    if after:
        _text_run(paragraph, after, passage.lang)


def _hyperlink(paragraph, url: str, text: str) -> None:
    relation = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relation)
    for script, chunk in script_runs(text):
        run = OxmlElement("w:r")
        rpr = OxmlElement("w:rPr")
        style = OxmlElement("w:rStyle")
        style.set(qn("w:val"), "Hyperlink")
        underline = OxmlElement("w:u")
        underline.set(qn("w:val"), "single")
        color = OxmlElement("w:color")
        color.set(qn("w:val"), "1C7ED6")
        rpr.extend([style, color, underline])
        _script_fonts(rpr, script)
        text_element = OxmlElement("w:t")
        text_element.text = chunk
        text_element.set(qn("xml:space"), "preserve")
        run.extend([rpr, text_element])
        link.append(run)
    paragraph._p.append(link)


def _note_runs(paragraph, runs: tuple[NoteRun, ...]) -> None:
    for run in runs:
        if run.text == "\n":
            paragraph.add_run().add_break()
            continue
        if run.href:
            _hyperlink(paragraph, run.href, run.text)
            continue
        for added in _text_run(paragraph, run.text, bold=run.bold or None, italic=run.italic or None):
            added.font.strike = run.strike or None
            if run.code:
                added.font.name = FONT_CODE


NOTE_COLOR = RGBColor(0x1C, 0x3F, 0x6E)
NOTE_FILL = "F1F3F5"


def _note_box(paragraph) -> None:
    """A paragraph of the note's shaded box (consecutive shaded paragraphs are one box)."""
    shading = OxmlElement("w:shd")
    for key, value in (("w:val", "clear"), ("w:color", "auto"), ("w:fill", NOTE_FILL)):
        shading.set(qn(key), value)
    paragraph._p.get_or_add_pPr().append(shading)
    paragraph.paragraph_format.space_after = Pt(0)


def _note(document, blocks: tuple[NoteBlock, ...]) -> None:
    """The note under a 검토의견 label in a shaded box, so it never reads as the translation."""
    if not blocks:
        return
    label = document.add_paragraph()
    label.paragraph_format.left_indent = Mm(4)
    label.paragraph_format.keep_with_next = True
    _note_box(label)
    _text_run(label, LABELS["review"], bold=True, color=NOTE_COLOR, size=Pt(9))
    for block in blocks:
        paragraph = document.add_paragraph()
        _note_box(paragraph)
        paragraph.paragraph_format.left_indent = Mm(4 + 6 * block.depth + (6 if block.kind == "quote" else 0))
        if block.kind == "bullet":
            paragraph.add_run("• ")
        elif block.kind == "number":
            paragraph.add_run(f"{block.number}. ")
        _note_runs(paragraph, block.runs)
        if block.kind in ("quote", "code"):
            for run in paragraph.runs:
                run.font.color.rgb = GREY


def _item(document, item: BriefingItem) -> None:
    label = document.add_paragraph()
    label.paragraph_format.space_before = Pt(8)
    label.paragraph_format.keep_with_next = True
    chip = label.add_run("■ ")
    chip.font.color.rgb = RGBColor.from_string(item.color_hex.lstrip("#").upper())
    if item.label:
        _text_run(label, item.label, bold=True)
        label.add_run(" · ")
    _text_run(label, f"{LABELS['color']}: {item.color_name}", color=GREY)
    if item.starred:
        _text_run(label, f" · ★ {LABELS['starred']}", color=RGBColor(0xE6, 0x77, 0x00))
    for passage in item.passages:
        _passage(document, passage, item.color_hex)
    _note(document, item.note_blocks)
    meta = document.add_paragraph()
    meta.paragraph_format.left_indent = Mm(4)
    lines = []
    if item.tags:
        lines.append(f"{LABELS['tags']}: " + " ".join(f"#{tag}" for tag in item.tags))
    lines.append(f"{LABELS['citation']}: {item.citation}")
    for number, line in enumerate(lines):
        if number:
            meta.add_run().add_break()
        _text_run(meta, line, size=Pt(9), color=GREY)


def _facts(document, header: DocumentHeader) -> None:
    for label, value in header.facts():
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(0)
        _text_run(paragraph, f"{label}: ", color=GREY)
        _text_run(paragraph, value)


def _section(document, briefing: Briefing, section: Section, lang: str) -> None:
    heading = document.add_heading(level=section.level)
    _text_run(heading, section.heading(lang), heading=True)
    if section.subtitle(lang):
        _text_run(document.add_paragraph(style="Subtitle"), section.subtitle(lang), heading=True)
    if section.kind == "document":
        _facts(document, briefing.document(section.key))
    for item in section.items:
        _item(document, item)
    for child in section.sections:
        _section(document, briefing, child, lang)


def _page_setup(document) -> None:
    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(20)
        section.top_margin = section.bottom_margin = Mm(20)
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        footer.add_run("- ")
        field = OxmlElement("w:fldSimple")
        field.set(qn("w:instr"), "PAGE")
        footer._p.append(field)
        footer.add_run(" -")


def _theme_font_lang(document) -> None:
    """East-Asian theme fonts for Korean (the template's are ``ja-JP``)."""
    settings = document.settings.element
    lang = settings.find(qn("w:themeFontLang"))
    if lang is None:
        lang = OxmlElement("w:themeFontLang")
        settings.append(lang)
    lang.set(qn("w:val"), "ko-KR")
    lang.set(qn("w:eastAsia"), "ko-KR")


def _core_properties(document, briefing: Briefing) -> None:
    properties = document.core_properties
    properties.title = briefing.title
    properties.subject = " / ".join(d.title or d.doc_id for d in briefing.documents)
    properties.language = "ko-KR"
    properties.author = "Duizhao"
    properties.keywords = " ".join(sorted({f"#{t}" for item in briefing.items for t in item.tags}))
    # python-docx's template says "generated by python-docx", 2013 and Japanese theme fonts.
    properties.comments = ""
    properties.last_modified_by = "Duizhao"
    properties.revision = 1
    stamp = dt.datetime.combine(briefing.exported_on, dt.time(), tzinfo=dt.UTC)
    properties.created = properties.modified = stamp


def build(briefing: Briefing):
    """The python-docx Document of a briefing."""
    document = Document()
    _style_fonts(document)
    _page_setup(document)
    _core_properties(document, briefing)
    _theme_font_lang(document)
    _text_run(document.add_paragraph(style="Title"), briefing.title, heading=True)
    for line in (f"{LABELS['exported']}: {briefing.exported_ko}", f"{LABELS['group_by']}: {briefing.summary()}"):
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(0)
        _text_run(paragraph, line, color=GREY)
    if briefing.legend:
        legend = document.add_paragraph()
        legend.paragraph_format.space_before = Pt(4)
        _text_run(legend, f"{LABELS['legend']}  ", color=GREY, bold=True)
        for number, entry in enumerate(briefing.legend):
            chip = legend.add_run(("   " if number else "") + "■ ")
            chip.font.color.rgb = RGBColor.from_string(entry.color_hex.lstrip("#").upper())
            _text_run(legend, entry.text)
    lang = briefing.options.lang
    if not briefing.documents_in_sections:
        document.add_heading(LABELS["documents"], level=1)
        for header in briefing.documents:
            titles = " · ".join(t for t in (header.title, header.title_ko) if t) or header.doc_id
            _text_run(document.add_paragraph(), titles, bold=True)
            _facts(document, header)
    for section in briefing.sections:
        _section(document, briefing, section, lang)
    return document


def write(briefing: Briefing, path: Path) -> None:
    if briefing.options.layout == "report":
        from .word_report import build as build_report_document

        build_report_document(briefing).save(str(path))
        return
    build(briefing).save(str(path))
