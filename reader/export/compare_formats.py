"""The comparison table (``compare_table``) in DOCX, HWPX, HTML and PDF.

Each writer lays out the same ``ComparisonTable``: the title and the two sides, the
summary of counts per part, a legend, then the two-column table (A | B, or 旧 | 新) whose
header row repeats on every page. Changes are marked by shape and colour at once:
deleted text struck through (red) on the left, inserted text underlined (blue) on the
right, so a table printed in black and white still says what changed. Each cell starts
with its clause citation and, in bold, the provision's status; the translation of the
side follows beneath in smaller type. Chinese runs are set in Chinese faces, as in the
briefing (see ``word``, ``hangul``, ``rich_text``).
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from .compare_table import LABELS, STATUSES, Cell, ComparisonTable, TableRow
from .script_runs import HTML_LANG, marked_html

DELETE_COLOR = "#c92a2a"
INSERT_COLOR = "#1864ab"
GREY = "#495057"
#: The header row and the summary's total: a pale grey that black text reads on.
HEADER_FILL = "#e9ecef"


def _status_cell(row: TableRow) -> str:
    """Which cell carries the status: the new side, unless the provision was dropped."""
    return "left" if row.status == "dropped" else "right"


def _ref_line(row: TableRow, cell: Cell, side: str) -> tuple[str, str]:
    """(status tag, citation) printed at the top of a cell."""
    tag = f"〔{row.status_label}〕" if _status_cell(row) == side else ""
    ref = " · ".join(part for part in (cell.ref, cell.note) if part)
    return tag, ref


def _side_lines(table: ComparisonTable) -> list[tuple[str, str]]:
    """(column heading, facts) of each side."""
    lines = []
    for header in (table.left, table.right):
        facts = " · ".join(value for _label, value in header.facts())
        lines.append((header.column, facts))
    return lines


def _summary_rows(table: ComparisonTable) -> list[list[str]]:
    head = [LABELS["part"], *(table.status_heading(s) for s in STATUSES), LABELS["total"]]
    rows = [head]
    for part in table.parts:
        rows.append([part.part, *(str(part.counts.get(s, 0)) for s in STATUSES), str(part.total)])
    totals = table.totals
    rows.append([LABELS["total"], *(str(totals[s]) for s in STATUSES), str(sum(totals.values()))])
    return rows


# -- DOCX -----------------------------------------------------------------------------
def _docx_cell_shading(cell, fill: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill.lstrip("#").upper())
    cell._tc.get_or_add_tcPr().append(shading)


def _docx_repeat_header(row) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(marker)


def _docx_cell(cell, row: TableRow, content: Cell, side: str, lang: str) -> None:
    from docx.shared import Pt, RGBColor

    from .word import _text_run

    grey = RGBColor.from_string(GREY.lstrip("#").upper())
    first = cell.paragraphs[0]
    first.paragraph_format.space_after = Pt(2)
    tag, ref = _ref_line(row, content, side)
    if tag:
        _text_run(first, tag + " ", bold=True, size=Pt(8.5))
    if ref:
        _text_run(first, ref, size=Pt(8.5), color=grey)
    text = cell.add_paragraph()
    if content.placeholder:
        _text_run(text, content.placeholder, lang, color=grey)
    for op, chunk in content.runs:
        for run in _text_run(text, chunk, lang):
            if op == "delete":
                run.font.strike = True
                run.font.color.rgb = RGBColor.from_string(DELETE_COLOR.lstrip("#").upper())
            elif op == "insert":
                run.font.underline = True
                run.font.color.rgb = RGBColor.from_string(INSERT_COLOR.lstrip("#").upper())
    translation = content.translation or content.translation_placeholder
    if translation:
        beneath = cell.add_paragraph()
        other = "ko" if lang == "zh" else "zh"
        _text_run(beneath, translation, other, size=Pt(9), color=grey if content.translation_placeholder else None)


def build_docx(table: ComparisonTable):
    import datetime as dt

    from docx import Document
    from docx.shared import Mm, Pt, RGBColor

    from .word import _page_setup, _style_fonts, _text_run, _theme_font_lang

    document = Document()
    _style_fonts(document)
    _page_setup(document)
    properties = document.core_properties
    properties.title = table.title
    properties.subject = f"{table.left.title} / {table.right.title}"
    properties.language = "ko-KR"
    properties.author = properties.last_modified_by = "Duizhao"
    properties.comments = ""
    properties.revision = 1
    properties.created = properties.modified = dt.datetime.combine(table.exported_on, dt.time(), tzinfo=dt.UTC)
    _theme_font_lang(document)
    grey = RGBColor.from_string(GREY.lstrip("#").upper())
    _text_run(document.add_paragraph(style="Title"), table.title, heading=True)
    for column, facts in _side_lines(table):
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(0)
        _text_run(paragraph, column, bold=True)
        if facts:
            _text_run(paragraph, f" · {facts}", color=grey)
    _text_run(document.add_paragraph(), f"{LABELS['exported']}: {table.exported_ko}", color=grey)

    heading = document.add_heading(level=1)
    _text_run(heading, LABELS["summary"], heading=True)
    rows = _summary_rows(table)
    summary = document.add_table(rows=len(rows), cols=len(rows[0]))
    summary.style = "Table Grid"
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            cell = summary.cell(r, c)
            _text_run(cell.paragraphs[0], value, bold=r in (0, len(rows) - 1) or None, size=Pt(9))
            if r in (0, len(rows) - 1):
                _docx_cell_shading(cell, HEADER_FILL)
    _docx_repeat_header(summary.rows[0])

    legend = document.add_paragraph()
    legend.paragraph_format.space_before = Pt(8)
    _text_run(legend, LABELS["legend"], size=Pt(9), color=grey)

    heading = document.add_heading(level=1)
    _text_run(heading, table.title.split(" · ")[-1], heading=True)
    grid = document.add_table(rows=1 + len(table.rows), cols=2)
    grid.style = "Table Grid"
    width = Mm(85)
    for c, header in enumerate((table.left, table.right)):
        cell = grid.cell(0, c)
        cell.width = width
        _text_run(cell.paragraphs[0], header.column, bold=True)
        _docx_cell_shading(cell, HEADER_FILL)
    _docx_repeat_header(grid.rows[0])
    for r, row in enumerate(table.rows, start=1):
        for c, (content, side) in enumerate(((row.left, "left"), (row.right, "right"))):
            cell = grid.cell(r, c)
            cell.width = width
            _docx_cell(cell, row, content, side, table.lang)
    return document


def write_docx(table: ComparisonTable, path: Path) -> None:
    build_docx(table).save(str(path))


# -- HWPX -----------------------------------------------------------------------------
def write_hwpx(table: ComparisonTable, path: Path) -> None:
    from .hangul import HEADING_FONT, HwpxWriter, clean_package

    writer = HwpxWriter()
    writer.finish_layout()
    first = writer.document.paragraphs[0]
    first.text = ""
    writer.run(first, table.title, bold=True, size=18, font=HEADING_FONT)
    writer.plain.append(table.title)
    for column, facts in _side_lines(table):
        paragraph = writer.paragraph()
        writer.run(paragraph, column, bold=True)
        if facts:
            writer.run(paragraph, f" · {facts}", color=GREY)
        writer.plain[-1] = column
    writer.paragraph(f"{LABELS['exported']}: {table.exported_ko}", color=GREY)

    writer.heading(LABELS["summary"], 1)
    rows = _summary_rows(table)
    summary = writer.document.add_table(len(rows), len(rows[0]))
    summary.set_column_widths([3, *([1] * (len(rows[0]) - 1))])
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            paragraph = _first_paragraph(summary.cell(r, c))
            writer.run(paragraph, value, bold=r in (0, len(rows) - 1), size=9)
            if r in (0, len(rows) - 1):
                summary.set_cell_shading(r, c, HEADER_FILL)
    summary.element.set("repeatHeader", "1")
    writer.paragraph(LABELS["legend"], size=9, color=GREY)

    writer.heading(table.title.split(" · ")[-1], 1)
    grid = writer.document.add_table(1 + len(table.rows), 2)
    grid.set_column_widths([1, 1])
    grid.element.set("repeatHeader", "1")
    for c, header in enumerate((table.left, table.right)):
        writer.run(_first_paragraph(grid.cell(0, c)), header.column, bold=True)
        grid.set_cell_shading(0, c, HEADER_FILL)
    for r, row in enumerate(table.rows, start=1):
        for c, (content, side) in enumerate(((row.left, "left"), (row.right, "right"))):
            cell = grid.cell(r, c)
            first_line = _first_paragraph(cell)
            tag, ref = _ref_line(row, content, side)
            if tag:
                writer.run(first_line, tag + " ", bold=True, size=8.5)
            if ref:
                writer.run(first_line, ref, size=8.5, color=GREY)
            text = cell.add_paragraph("", **writer._body_refs)
            if content.placeholder:
                writer.run(text, content.placeholder, color=GREY)
            for op, chunk in content.runs:
                if op == "delete":
                    writer.run(text, chunk, strike=True, color=DELETE_COLOR)
                elif op == "insert":
                    writer.run(text, chunk, underline=True, color=INSERT_COLOR)
                else:
                    writer.run(text, chunk)
            translation = content.translation or content.translation_placeholder
            if translation:
                beneath = cell.add_paragraph("", **writer._body_refs)
                writer.run(beneath, translation, size=9, color=GREY if content.translation_placeholder else None)
            writer.plain.append(content.text or content.placeholder)
    package = writer.document.package
    package.set_document_metadata(
        title=table.title,
        creator="Duizhao",
        subject=f"{table.left.title} / {table.right.title}",
        keyword="",
        created_date=f"{table.exported_on.isoformat()}T00:00:00Z",
        modified_date=f"{table.exported_on.isoformat()}T00:00:00Z",
    )
    writer.finish_fonts()
    writer.document.save_to_path(str(path))
    writer.document.close()
    clean_package(path, table.exported_on)


def _first_paragraph(cell):
    """A cell's first paragraph, emptied (new cells hold one with an empty run)."""
    paragraphs = cell.paragraphs
    return paragraphs[0] if paragraphs else cell.add_paragraph("")


# -- HTML (a web page) ----------------------------------------------------------------------
STYLE = f"""
@page {{ size: A4 landscape; margin: 15mm; }}
body {{ font-family: "Noto Serif KR", "Noto Serif CJK KR", "Batang", serif; font-size: 11pt; line-height: 1.6;
  color: #212529; max-width: 80em; margin: 2em auto; padding: 0 1em; word-break: keep-all; }}
h1, h2 {{ font-family: "Noto Sans KR", "Noto Sans CJK KR", "Malgun Gothic", sans-serif; }}
:lang(zh-Hans) {{ font-family: "Noto Serif SC", "Noto Serif CJK SC", "SimSun", serif; word-break: normal; }}
table {{ border-collapse: collapse; width: 100%; margin: .6em 0 1.2em; }}
th, td {{ border: 1px solid #868e96; padding: .35em .6em; vertical-align: top; text-align: left; }}
thead th, tr.total td {{ background: {HEADER_FILL}; }}
table.summary td:not(:first-child), table.summary th:not(:first-child) {{ text-align: right; }}
table.comparison td {{ width: 50%; }}
.ref {{ font-size: 9pt; color: {GREY}; margin: 0; }}
.status {{ font-weight: bold; color: #212529; }}
p.text {{ margin: .2em 0; }}
p.translation {{ font-size: 9.5pt; margin: .3em 0 0; }}
.placeholder {{ color: {GREY}; }}
del {{ color: {DELETE_COLOR}; text-decoration: line-through; }}
ins {{ color: {INSERT_COLOR}; text-decoration: underline; }}
footer {{ margin-top: 2em; font-size: 9pt; color: #868e96; }}
"""


def _html_cell(row: TableRow, content: Cell, side: str, lang: str) -> str:
    tag, ref = _ref_line(row, content, side)
    head = []
    if tag:
        head.append(f'<span class="status">{escape(tag)}</span>')
    if ref:
        head.append(marked_html(ref))
    parts = [f'<td data-status="{row.status}">']
    if head:
        parts.append(f'<p class="ref">{" ".join(head)}</p>')
    body = []
    if content.placeholder:
        body.append(f'<span class="placeholder">{escape(content.placeholder)}</span>')
    for op, chunk in content.runs:
        text = marked_html(chunk, lang)
        body.append(f"<del>{text}</del>" if op == "delete" else f"<ins>{text}</ins>" if op == "insert" else text)
    parts.append(f'<p class="text" lang="{HTML_LANG[lang]}">{"".join(body)}</p>')
    translation = content.translation or content.translation_placeholder
    if translation:
        other = "ko" if lang == "zh" else "zh"
        cls = "translation placeholder" if content.translation_placeholder else "translation"
        parts.append(f'<p class="{cls}" lang="{HTML_LANG[other]}">{marked_html(translation, other)}</p>')
    parts.append("</td>")
    return "".join(parts)


def render_html(table: ComparisonTable) -> str:
    rows = _summary_rows(table)
    summary = ['<table class="summary"><thead><tr>']
    summary += [f"<th>{escape(value)}</th>" for value in rows[0]]
    summary.append("</tr></thead><tbody>")
    for r, values in enumerate(rows[1:], start=1):
        total = ' class="total"' if r == len(rows) - 1 else ""
        summary.append(f"<tr{total}>" + "".join(f"<td>{marked_html(v)}</td>" for v in values) + "</tr>")
    summary.append("</tbody></table>")
    sides = "".join(
        f"<p><strong>{marked_html(column)}</strong>{' · ' + marked_html(facts) if facts else ''}</p>"
        for column, facts in _side_lines(table)
    )
    grid = ['<table class="comparison"><thead><tr>']
    grid += [f"<th>{marked_html(h.column)}</th>" for h in (table.left, table.right)]
    grid.append("</tr></thead><tbody>")
    for row in table.rows:
        grid.append(
            f'<tr class="{row.status}">'
            f"{_html_cell(row, row.left, 'left', table.lang)}{_html_cell(row, row.right, 'right', table.lang)}</tr>"
        )
    grid.append("</tbody></table>")
    body = "\n".join(
        [
            f"<h1>{marked_html(table.title)}</h1>",
            sides,
            f"<p>{LABELS['exported']}: {table.exported_ko}</p>",
            f"<h2>{LABELS['summary']}</h2>",
            "".join(summary),
            f'<p class="ref">{escape(LABELS["legend"])}</p>',
            f"<h2>{marked_html(table.title.split(' · ')[-1])}</h2>",
            "".join(grid),
        ]
    )
    return f"""<!DOCTYPE html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Duizhao">
<title>{escape(table.title)}</title>
<style>{STYLE}</style>
</head>
<body>
{body}
<footer>Duizhao · {table.exported_ko}</footer>
</body>
</html>
"""


def write_html(table: ComparisonTable, path: Path) -> None:
    path.write_text(render_html(table), encoding="utf-8", newline="\n")


# -- PDF (Qt rich text) ------------------------------------------------------------------
def render_rich_text(table: ComparisonTable, fonts) -> str:
    """The table in the HTML subset Qt's rich text draws (what the PDF is printed from)."""
    from .rich_text import _font_wrap, _heading_text

    def text(value: str, context: str = "ko") -> str:
        return marked_html(value, context, _font_wrap(fonts))

    heading = fonts.css(fonts.heading)

    def cell(row: TableRow, content: Cell, side: str) -> str:
        tag, ref = _ref_line(row, content, side)
        head = (f"<b>{text(tag)}</b> " if tag else "") + (text(ref) if ref else "")
        out = [f'<p style="font-size: 8.5pt; color: {GREY}; margin: 0 0 2px 0;">{head}</p>'] if head else []
        body = []
        if content.placeholder:
            body.append(f'<span style="color: {GREY};">{text(content.placeholder)}</span>')
        for op, chunk in content.runs:
            run = text(chunk, table.lang)
            if op == "delete":
                run = f'<s style="color: {DELETE_COLOR};">{run}</s>'
            elif op == "insert":
                run = f'<u style="color: {INSERT_COLOR};">{run}</u>'
            body.append(run)
        family = fonts.css(fonts.chinese if table.lang == "zh" else fonts.korean)
        out.append(f'<p style="font-family: {family}; margin: 0;">{"".join(body)}</p>')
        translation = content.translation or content.translation_placeholder
        if translation:
            other = "ko" if table.lang == "zh" else "zh"
            out.append(f'<p style="font-size: 9pt; margin: 3px 0 0 0;">{text(translation, other)}</p>')
        return f'<td width="50%" valign="top">{"".join(out)}</td>'

    rows = _summary_rows(table)
    summary = ['<table border="1" cellspacing="0" cellpadding="3" width="100%" style="border-color: #868e96;">']
    for r, values in enumerate(rows):
        fill = f' bgcolor="{HEADER_FILL}"' if r in (0, len(rows) - 1) else ""
        cells = "".join(
            f"<td{fill}{'' if c == 0 else ' align=right'}>{'<b>' if fill else ''}{text(v)}{'</b>' if fill else ''}</td>"
            for c, v in enumerate(values)
        )
        summary.append(f'<tr style="font-size: 9pt;">{cells}</tr>')
    summary.append("</table>")
    grid = ['<table border="1" cellspacing="0" cellpadding="4" width="100%" style="border-color: #868e96;">']
    grid.append(
        "<thead><tr>"
        + "".join(f'<th bgcolor="{HEADER_FILL}" align="left">{text(h.column)}</th>' for h in (table.left, table.right))
        + "</tr></thead>"
    )
    for row in table.rows:
        grid.append(f"<tr>{cell(row, row.left, 'left')}{cell(row, row.right, 'right')}</tr>")
    grid.append("</table>")
    sides = "".join(
        f"<p style='margin: 0;'><b>{text(column)}</b>{' · ' + text(facts) if facts else ''}</p>"
        for column, facts in _side_lines(table)
    )
    return (
        f'<html><head><meta charset="utf-8"><title>{escape(table.title)}</title></head>'
        f'<body style="font-family: {fonts.css(fonts.korean)}; font-size: 10pt;">'
        f'<h1 style="font-family: {heading}; font-size: 18pt;">{_heading_text(table.title, fonts)}</h1>'
        f"{sides}<p style='color: {GREY};'>{LABELS['exported']}: {table.exported_ko}</p>"
        f'<h2 style="font-family: {heading}; font-size: 13pt;">{LABELS["summary"]}</h2>{"".join(summary)}'
        f'<p style="font-size: 9pt; color: {GREY};">{escape(LABELS["legend"])}</p>'
        f'<h2 style="font-family: {heading}; font-size: 13pt;">{_heading_text(table.title.split(" · ")[-1], fonts)}</h2>'
        f"{''.join(grid)}</body></html>"
    )


def write_pdf(table: ComparisonTable, path: Path) -> None:
    from .pdf import available_fonts, html_document, print_document

    fonts = available_fonts()
    print_document(html_document(render_rich_text(table, fonts), fonts), fonts, path, table.title)
