"""The 대조표 (``parallel_table``) in DOCX, HWPX, PDF and HTML.

Each lays the same rows out as a two-column table, Chinese left and Korean right:
heading rows bold on grey, "not translated" rows with a grey mark in the empty
cell, highlights in their colour with the note's number ``[n]`` after them, and
the notes listed under the table. Chinese is set and tagged as Chinese, Korean as
Korean (the same script runs as the briefings). Writing goes through
``write_atomically`` like every export.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path

from .atomic import ExportRefused, check_target, write_atomically
from .parallel_table import LABELS, Cell, ParallelTable, Row, TableNote
from .script_runs import HTML_LANG, marked_html, script_runs

FORMATS = ("docx", "hwpx", "pdf", "html")
SUFFIXES = {"docx": ".docx", "hwpx": ".hwpx", "pdf": ".pdf", "html": ".html"}
HEADING_FILL = "#e9ecef"
MISSING = "#868e96"


def _status_text(row: Row, lang: str) -> str:
    if lang == "ko" and row.status == "untranslated":
        return LABELS["untranslated"]
    if lang == "zh" and row.status == "added":
        return LABELS["added"]
    return ""


def _facts(table: ParallelTable) -> list[str]:
    header = table.document
    lines = [f"{label}: {value}" for label, value in header.facts()]
    lines.append(f"작성일: {table.exported_ko} · {table.summary()}")
    if table.parts:
        lines.append("부분: " + ", ".join(str(n) for n in table.parts))
    return lines


def _legend(table: ParallelTable) -> list[tuple[str, str]]:
    """The legend line as pieces (text, colour of its chip or ''): ``범례: `` ■ ``노랑: 핵심 (3건)`` …"""
    if not table.legend:
        return []
    pieces = [("범례: ", "")]
    for number, entry in enumerate(table.legend):
        pieces += [(("  " if number else "") + "■ ", entry.color_hex), (entry.text, "")]
    return pieces


# -- HTML ---------------------------------------------------------------------------
_HTML_STYLE = """
@page { size: A4; margin: 15mm; }
body { font-family: "Noto Serif KR", "Noto Serif CJK KR", "Batang", serif; font-size: 10.5pt; line-height: 1.6;
  color: #212529; margin: 2em; word-break: keep-all; }
:lang(zh-Hans) { font-family: "Noto Serif SC", "Noto Serif CJK SC", "SimSun", serif; word-break: normal; }
h1 { font-family: "Noto Sans KR", "Noto Sans CJK KR", "Malgun Gothic", sans-serif; font-size: 17pt; }
p.facts { color: #495057; margin: .1em 0; }
table.parallel { border-collapse: collapse; width: 100%; margin-top: 1em; }
table.parallel th, table.parallel td { border: 1px solid #adb5bd; padding: .3em .5em; vertical-align: top;
  width: 50%; }
table.parallel th { background: #343a40; color: #fff; }
tr.heading td { background: #e9ecef; font-weight: bold; }
td.missing { color: #868e96; font-style: italic; }
mark { color: inherit; font-weight: bold; }
sup { color: #1c3f6e; }
ol.notes li { margin: .3em 0; }
"""


def _html_cell(cell: Cell, row: Row) -> str:
    missing = _status_text(row, cell.lang)
    if missing:
        return f'<td class="missing" lang="ko">{escape(missing)}</td>'
    parts = []
    for text, mark in cell.pieces():
        body = marked_html(text, cell.lang)
        if mark is None:
            parts.append(body)
            continue
        parts.append(f'<mark style="background: {escape(mark.color_hex)}">{body}</mark>')
        if mark.number:
            parts.append(
                f'<sup lang="ko" id="ref-{mark.number}"><a href="#note-{mark.number}">[{mark.number}]</a></sup>'
            )
    return f'<td lang="{HTML_LANG[cell.lang]}">{"".join(parts)}</td>'


def render_html(table: ParallelTable) -> str:
    from .html_page import note_html

    rows = "\n".join(
        f'<tr class="{row.kind}">{_html_cell(row.zh, row)}{_html_cell(row.ko, row)}</tr>' for row in table.rows
    )
    notes = "".join(
        f'<li id="note-{n.number}" value="{n.number}"><span lang="ko">{escape(n.color_name)}</span> · '
        f'<q>{marked_html(n.quote)}</q> <a href="#ref-{n.number}" lang="ko" title="본문으로">↩</a>{note_html(n.blocks)}</li>'
        for n in table.notes
    )
    facts = "".join(f'<p class="facts">{marked_html(line)}</p>' for line in _facts(table))
    if table.legend:
        legend = "".join(
            f'<span style="color: {escape(color)}">{escape(text)}</span>' if color else marked_html(text)
            for text, color in _legend(table)
        )
        facts += f'<p class="facts legend">{legend}</p>'

    return f"""<!DOCTYPE html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="generator" content="Duizhao">
<title>{escape(table.title)}</title>
<style>{_HTML_STYLE}</style>
</head>
<body>
<h1>{marked_html(table.title)}</h1>
{facts}
<table class="parallel">
<thead><tr><th lang="ko">{LABELS["zh"]}</th><th lang="ko">{LABELS["ko"]}</th></tr></thead>
<tbody>
{rows}
</tbody>
</table>
{f'<h2>{LABELS["notes"]}</h2><ol class="notes">{notes}</ol>' if notes else ""}
</body>
</html>
"""


def write_html(table: ParallelTable, path: Path) -> None:
    path.write_text(render_html(table), encoding="utf-8", newline="\n")


# -- DOCX ---------------------------------------------------------------------------
def write_docx(table: ParallelTable, path: Path) -> None:
    from docx import Document
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt, RGBColor

    from .word import _page_setup, _shade, _style_fonts, _text_run, _theme_font_lang
    from .word_footnotes import Footnotes

    document = Document()
    _style_fonts(document)
    _page_setup(document)
    half = (Mm(210) - Mm(20) - Mm(20)) // 2  # A4 with _page_setup's margins
    _theme_font_lang(document)
    properties = document.core_properties
    properties.title, properties.author, properties.comments = table.title, "Duizhao", ""
    properties.language = "ko-KR"
    _text_run(document.add_paragraph(style="Title"), table.title, heading=True)
    for line in _facts(table):
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(0)
        _text_run(paragraph, line, color=RGBColor(0x49, 0x50, 0x57))
    if table.legend:
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(0)
        for text, color in _legend(table):
            hex_ = (color or "#495057").lstrip("#").upper()
            _text_run(paragraph, text, color=RGBColor.from_string(hex_))
    footnotes = Footnotes(document)
    notes = {note.number: note for note in table.notes}
    grid = document.add_table(rows=1, cols=2)
    grid.style = "Table Grid"
    for cell, title in zip(grid.rows[0].cells, (LABELS["zh"], LABELS["ko"]), strict=True):
        cell.width = half
        _text_run(cell.paragraphs[0], title, heading=True, bold=True)
        _cell_fill(cell, "D0D4D9", OxmlElement, qn)
    header_row = grid.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    header_row.append(repeat)  # the column titles repeat on every page
    grid.autofit = False
    for row in table.rows:
        cells = grid.add_row().cells
        for cell, side in zip(cells, (row.zh, row.ko), strict=True):
            cell.width = half
            paragraph = cell.paragraphs[0]
            missing = _status_text(row, side.lang)
            if missing:
                _text_run(paragraph, missing, italic=True, color=RGBColor(0x86, 0x8E, 0x96))
                continue
            for text, mark in side.pieces():
                runs = _text_run(paragraph, text, side.lang, bold=True if (mark or row.kind == "heading") else None)
                if mark is not None:
                    for run in runs:
                        _shade(run, mark.color_hex)
                    if mark.number:
                        _docx_footnote(footnotes, paragraph, notes[mark.number])
            if row.kind == "heading":
                _cell_fill(cell, HEADING_FILL.lstrip("#").upper(), OxmlElement, qn)
    document.save(str(path))


def _note_prefix(block) -> str:
    return {"bullet": "- ", "number": f"{block.number}. ", "quote": "│ "}.get(block.kind, "")


def _docx_footnote(footnotes, paragraph, note: TableNote) -> None:
    """The note as a real footnote after the highlighted span: its colour's name, then
    the note's paragraphs with their emphasis, links and lists."""
    from docx.shared import Mm

    from .word import GREY, _note_runs, _text_run

    target = footnotes.add(paragraph)
    footnote = target._p.getparent()
    _text_run(target, f"{note.color_name} · ", color=GREY)
    for number, block in enumerate(note.blocks):
        if number:
            target = footnotes.paragraph(footnote)
        if block.depth:
            target.paragraph_format.left_indent = Mm(3 * block.depth)
        if _note_prefix(block):
            target.add_run(_note_prefix(block))
        _note_runs(target, block.runs)


def _cell_fill(cell, fill: str, element, qn) -> None:
    shading = element("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


# -- HWPX ---------------------------------------------------------------------------
def write_hwpx(table: ParallelTable, path: Path) -> None:
    import warnings

    from .hangul import _HP, GREY, HwpxWriter, save_package

    writer = HwpxWriter()
    document = writer.document
    notes = {note.number: note for note in table.notes}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        writer.finish_layout()
        first = document.paragraphs[0]
        first.text = ""
        writer.run(first, table.title, bold=True, size=17)
        for line in _facts(table):
            writer.paragraph(line, color=GREY)
        if table.legend:
            legend = writer.paragraph()
            for text, color in _legend(table):
                writer.run(legend, text, color=color or GREY)
            writer.plain[-1] = table.legend_line
        grid = document.add_table(len(table.rows) + 1, 2)
        grid.set_column_widths([1, 1])
        # The cells once: python-hwpx rebuilds its grid map on every cell look-up.
        cells = {(entry.row, entry.column): entry.cell for entry in grid.iter_grid()}
        oxml = grid.paragraph.section.document
        assert oxml is not None  # the table was just added to the document
        base = cells[0, 0].element.get("borderFillIDRef") or grid.element.get("borderFillIDRef")
        title_fill = oxml.ensure_shading_border_fill("#D0D4D9", base_border_fill_id=base)
        heading_fill = oxml.ensure_shading_border_fill(HEADING_FILL, base_border_fill_id=base)
        for column, title in enumerate((LABELS["zh"], LABELS["ko"])):
            writer.run(cells[0, column].paragraphs[0], title, bold=True)
            cells[0, column].element.set("borderFillIDRef", title_fill)
        for cell in cells.values():  # a 대조표 reads from the top of each cell, both sides level
            sublist = cell.element.find(f"{_HP}subList")
            if sublist is not None:
                sublist.set("vertAlign", "TOP")
        for number, row in enumerate(table.rows, 1):
            for column, side in enumerate((row.zh, row.ko)):
                cell = cells[number, column]
                if row.kind == "heading":
                    cell.element.set("borderFillIDRef", heading_fill)
                paragraph = cell.paragraphs[0]
                missing = _status_text(row, side.lang)
                if missing:
                    writer.run(paragraph, missing, italic=True, color=MISSING)
                    continue
                for text, mark in side.pieces():
                    bold = bool(mark) or row.kind == "heading"
                    writer.run(paragraph, text, bold=bold, highlight=mark.color_hex if mark else None)
                    if mark is not None and mark.number:
                        _hwpx_footnote(writer, paragraph, notes[mark.number])
        _hwpx_table_layout(grid, cells, table)
        grid.mark_dirty()
        writer.finish_fonts()
        document.package.set_document_metadata(title=table.title, creator="Duizhao")
        save_package(document, path, table.exported_on)
        document.close()


#: The body text's size and line spacing in HWPUNIT (10 pt, 160 %), for estimated row heights.
_HWPX_CHAR, _HWPX_LINE = 1000, 1600


def _hwpx_text_height(text: str, width: int) -> int:
    """How tall a cell's text will be: full-width characters (Hangul, Han, CJK punctuation)
    one em wide, the rest half, wrapped at ``width`` with a little slack for breaks between words."""
    import unicodedata

    lines = 0
    for line in text.split("\n") or [""]:
        ems = sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.5 for ch in line)
        lines += max(1, -(-int(ems * _HWPX_CHAR * 1.06) // max(width, _HWPX_CHAR)))
    return lines * _HWPX_LINE


def _hwpx_table_layout(grid, cells: dict, table: ParallelTable) -> None:
    """Row heights estimated from the text (Hangul grows rows to fit on opening, other
    readers draw the stored heights), and the column titles repeated on every page
    (the first row is a header row, as Hangul's 제목 줄 반복 writes it)."""
    from .hangul import _HP

    grid.element.set("repeatHeader", "1")
    texts = [(LABELS["zh"], LABELS["ko"])] + [
        (_status_text(row, "zh") or row.zh.text, _status_text(row, "ko") or row.ko.text) for row in table.rows
    ]
    total = 0
    for number, pair in enumerate(texts):
        row_cells = [cells[number, column].element for column in (0, 1)]
        sizes = [cell.find(f"{_HP}cellSz") for cell in row_cells]
        margins = [cell.find(f"{_HP}cellMargin") for cell in row_cells]
        heights = []
        for text, size, margin in zip(pair, sizes, margins, strict=True):
            inner = int(size.get("width", "21260")) - int(margin.get("left", "510")) - int(margin.get("right", "510"))
            vertical = int(margin.get("top", "141")) + int(margin.get("bottom", "141"))
            heights.append(_hwpx_text_height(text, inner) + vertical)
        height = max(heights)
        for cell, size in zip(row_cells, sizes, strict=True):
            size.set("height", str(height))
            if number == 0:
                cell.set("header", "1")
        total += height
    table_size = grid.element.find(f"{_HP}sz")
    if table_size is not None:
        table_size.set("height", str(total))


def _hwpx_footnote(writer, paragraph, note: TableNote) -> None:
    """The note as a Hangul footnote (각주: ``hp:footNote`` in a control of the cell's text,
    numbered by Hangul, printed at the foot of the page) after the highlighted span: its
    colour's name, then the note's paragraphs, Chinese in a Chinese face."""
    from lxml import etree as ET

    from .hangul import _HP, CHINESE_FONT, GREY, NOTE_COLOR

    size = 9
    # a run of its own for the mark, so it is not drawn on the highlight
    footnote = paragraph.add_footnote("", run_attributes={"charPrIDRef": writer.char_style(color=NOTE_COLOR)})
    sublist = footnote.element.find(f"{_HP}subList")
    first = sublist.find(f"{_HP}p")
    template = dict(first.attrib)

    def add(p, text: str, **style) -> None:
        for lang, chunk in script_runs(text):
            own = {"size": size, **style}
            if lang == "zh":
                own["font"] = CHINESE_FONT[0]
            run = ET.SubElement(p, f"{_HP}run", {"charPrIDRef": writer.char_style(**own)})
            ET.SubElement(run, f"{_HP}t").text = chunk

    target = first
    add(target, f" {note.color_name} · ", color=GREY)
    for number, block in enumerate(note.blocks):
        if number:
            target = ET.SubElement(sublist, f"{_HP}p", template)
        prefix = "  " * block.depth + _note_prefix(block)
        if prefix:
            add(target, prefix)
        for run in block.runs:
            text = "\n" if run.text == "\n" else (run.text if not run.href else f"{run.text} ({run.href})")
            add(target, " " if text == "\n" else text, bold=run.bold, italic=run.italic, strike=run.strike)


# -- PDF ----------------------------------------------------------------------------
def render_rich(table: ParallelTable, fonts) -> str:
    """HTML for Qt's rich text: each row its own one-row table, so pages are cut between rows."""
    from .html_page import note_html
    from .rich_text import GREY, Fonts, _font_wrap

    wrap = _font_wrap(fonts)

    def text_html(text: str, lang: str) -> str:
        return "".join(wrap(script, escape(chunk)) for script, chunk in script_runs(text, lang))

    def cell_html(cell: Cell, row: Row) -> str:
        fill = f' bgcolor="{HEADING_FILL}"' if row.kind == "heading" else ""
        missing = _status_text(row, cell.lang)
        if missing:
            return f'<td width="50%"{fill} style="color: {MISSING}; font-style: italic;">{escape(missing)}</td>'
        parts = []
        for text, mark in cell.pieces():
            body = text_html(text, cell.lang)
            if mark is None:
                parts.append(f"<b>{body}</b>" if row.kind == "heading" else body)
                continue
            parts.append(f'<span style="background-color: {escape(mark.color_hex)}; font-weight: bold;">{body}</span>')
            if mark.number:
                parts.append(f'<sup style="color: #1c3f6e;">[{mark.number}]</sup>')
        return f'<td width="50%"{fill}>{"".join(parts)}</td>'

    grid = 'border="1" cellspacing="0" cellpadding="4" width="100%" style="border-color: #adb5bd; border-style: solid;"'
    parts = [
        f'<h1 style="font-family: {Fonts.css(fonts.heading)}; font-size: 16pt;">{text_html(table.title, "ko")}</h1>',
        *(f'<p style="color: {GREY}; margin: 0;">{text_html(line, "ko")}</p>' for line in _facts(table)),
        *(
            [
                f'<p style="color: {GREY}; margin: 0;">'
                + "".join(
                    f'<span style="color: {escape(color)};">{escape(text)}</span>' if color else text_html(text, "ko")
                    for text, color in _legend(table)
                )
                + "</p>"
            ]
            if table.legend
            else []
        ),
        f'<table {grid} style="margin-top: 8px;"><tr>'
        f'<td width="50%" bgcolor="#343a40" style="color: white;"><b>{LABELS["zh"]}</b></td>'
        f'<td width="50%" bgcolor="#343a40" style="color: white;"><b>{LABELS["ko"]}</b></td></tr></table>',
    ]
    for row in table.rows:
        parts.append(f"<table {grid}><tr>{cell_html(row.zh, row)}{cell_html(row.ko, row)}</tr></table>")
    if table.notes:
        parts.append(f'<h2 style="font-family: {Fonts.css(fonts.heading)}; font-size: 13pt;">{LABELS["notes"]}</h2>')
        for note in table.notes:  # numbered as in the table, each with its emphasis, lists and links
            parts.append(
                f'<p style="margin: 6px 0 0 0;"><b>[{note.number}]</b> '
                f'<span style="color: {GREY};">{escape(note.color_name)}</span> · “{text_html(note.quote, "ko")}”</p>'
                f'<div style="margin-left: 16px;">{note_html(note.blocks, wrap)}</div>'
            )
    return (
        f'<html><head><meta charset="utf-8"><title>{escape(table.title)}</title></head>'
        f'<body style="font-family: {Fonts.css(fonts.korean)}; font-size: 10pt;">{"".join(parts)}</body></html>'
    )


def write_pdf(table: ParallelTable, path: Path) -> None:
    from .pdf import available_fonts, html_document, print_document

    fonts = available_fonts()
    print_document(html_document(render_rich(table, fonts), fonts), fonts, path, table.title)


WRITERS: dict[str, Callable[[ParallelTable, Path], None]] = {
    "docx": write_docx,
    "hwpx": write_hwpx,
    "pdf": write_pdf,
    "html": write_html,
}


def write_parallel_table(table: ParallelTable, fmt: str, path: str | Path, force: bool = False) -> Path:
    if fmt not in WRITERS:
        raise ExportRefused(f"unknown format {fmt!r} for a 대조표: choose one of {', '.join(FORMATS)}")
    target = Path(path)
    named = next((f for f, suffix in SUFFIXES.items() if suffix == target.suffix.lower()), None)
    if named is not None and named != fmt:
        raise ExportRefused(f"{target}: the name says {named} but the format is {fmt}")
    check_target(target, force)
    if fmt == "pdf":
        from .pdf import check_fonts

        check_fonts(target)
    writer = WRITERS[fmt]
    return write_atomically(target, lambda temporary: writer(table, temporary), force=force)
