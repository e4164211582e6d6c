"""The report layout (보고서형) as HTML for Qt's rich-text engine, printed to PDF.

The same lines as the DOCX and HWPX reports (``report.build_report``): the title in
a box, the byline, □/○/- lines hanging after their markers, the Chinese original
smaller and indented, the 검토의견 in a shaded box. Each item (its line, original,
review and citation) is one borderless table, so the PDF's page cutting
(``pdf.page_tops``) keeps it on one page; headings are ``<h2>``–``<h4>``, so they
stay with what follows and become bookmarks. Pure string building: no Qt import.
"""

from __future__ import annotations

from html import escape

from .briefing import LABELS
from .report import Report, ReportLine, build_report
from .rich_text import GREY, Fonts, _font_wrap
from .script_runs import marked_html, script_runs

NOTE = "#1c3f6e"
NOTE_FILL = "#eef3fa"
INDENT_PX = 22
#: Government faces first (where installed), then the briefing's own.
BODY = ("휴먼명조", "HCR Batang", "함초롬바탕")
HEADING = ("HY헤드라인M", "HCR Dotum", "함초롬돋움")
HEADINGS = {
    "document": ("h2", "15pt"),
    "summary_head": ("h3", "13.5pt"),
    "part": ("h3", "13.5pt"),
    "clause": ("h4", "12.5pt"),
}
ITEM_KINDS = ("point", "summary", "original", "review", "source")


def report_fonts(fonts: Fonts) -> Fonts:
    return Fonts(
        korean=(*BODY, *fonts.korean),
        chinese=fonts.chinese,
        heading=(*HEADING, *fonts.heading),
        chinese_heading=fonts.chinese_heading,
    )


def _text(text: str, fonts: Fonts, lang: str = "ko", heading: bool = False) -> str:
    """Every run in its script's face (Qt ignores ``lang``)."""
    wrap = _font_wrap(fonts, heading)
    return "".join(wrap(script, escape(chunk)) for script, chunk in script_runs(text, lang))


def _marked(line: ReportLine, fonts: Fonts, heading: bool = False) -> str:
    before, span, after = line.pieces()
    marked = ""
    if span:
        background = f" background-color: {escape(line.color_hex)};" if line.color_hex else ""
        marked = (
            f'<span style="font-weight: bold; text-decoration: underline;{background}">'
            f"{_text(span, fonts, line.lang, heading)}</span>"
        )
    return _text(before, fonts, line.lang, heading) + marked + _text(after, fonts, line.lang, heading)


def _hanging(line: ReportLine, body: str, size: str, color: str = "", extra: str = "") -> str:
    indent = INDENT_PX * line.depth + (INDENT_PX if line.marker else 0)
    hang = f" text-indent: -{INDENT_PX}px;" if line.marker else ""
    colour = f" color: {color};" if color else ""
    return f'<p style="margin: 2px 0 2px {indent}px;{hang} font-size: {size};{colour}{extra}">{body}</p>'


def _review(line: ReportLine, fonts: Fonts) -> str:
    blocks = []
    for block in line.blocks:
        prefix = "&nbsp;&nbsp;" * block.depth + {"bullet": "· ", "number": f"{block.number}. "}.get(block.kind, "")
        runs = []
        for run in block.runs:
            if run.text == "\n":
                runs.append("<br>")
                continue
            text = _text(run.text if not run.href else f"{run.text} ({run.href})", fonts)
            text = f"<s>{text}</s>" if run.strike else text  # a struck word is a deletion: keep it visible
            runs.append(f"<b>{text}</b>" if run.bold else text)
        blocks.append(f'<p style="margin: 1px 0;">{prefix}{"".join(runs)}</p>')
    label = f'<p style="margin: 0 0 2px 0; font-weight: bold;">{_text(line.marker, fonts, heading=True)}</p>'
    margin = INDENT_PX * line.depth
    return (
        f'<table width="100%" cellspacing="0" cellpadding="6" style="margin: 4px 0 2px {margin}px;">'
        f'<tr><td style="background-color: {NOTE_FILL}; color: {NOTE}; font-size: 11pt;">'
        f"{label}{''.join(blocks)}</td></tr></table>"
    )


def _item_line(line: ReportLine, fonts: Fonts) -> str:
    if line.kind == "review":
        return _review(line, fonts)
    if line.kind == "original":
        label = f"{_text(line.marker, fonts, heading=True)}: "
        return _hanging(line, label + _marked(line, fonts), "10pt", GREY)
    if line.kind == "source":
        return _hanging(line, f"{_text(line.marker, fonts)}: {_text(line.text, fonts)}", "8.5pt", GREY)
    return _hanging(line, f"{escape(line.marker)} {_marked(line, fonts)}", "12pt", extra=" margin-top: 5px;")


def _heading(line: ReportLine, fonts: Fonts) -> str:
    tag, size = HEADINGS[line.kind]
    indent = INDENT_PX * line.depth + INDENT_PX
    return (
        f'<{tag} style="font-family: {Fonts.css(fonts.heading)}; font-size: {size}; font-weight: bold; '
        f'margin: 10px 0 4px {indent}px; text-indent: -{INDENT_PX}px;">'
        f"{escape(line.marker)} {_text(line.text, fonts, line.lang, heading=True)}</{tag}>"
    )


def _group(lines: list[ReportLine], fonts: Fonts) -> str:
    """An item's lines in one borderless table: pages are cut between tables, not inside one."""
    body = "".join(_item_line(line, fonts) for line in lines)
    return f'<table width="100%" cellspacing="0" cellpadding="0" style="margin: 0;"><tr><td>{body}</td></tr></table>'


def render_report(report: Report, fonts: Fonts | None = None) -> str:
    fonts = report_fonts(fonts or Fonts())
    heading = Fonts.css(fonts.heading)
    parts = [
        f'<table width="100%" border="1" cellspacing="0" cellpadding="10" style="border-color: #343a40; '
        f'border-style: solid; margin-bottom: 4px;"><tr><td style="background-color: #f1f3f5;" align="center">'
        f'<h1 style="font-family: {heading}; font-size: 20pt; margin: 0;">'
        f"{_text(report.title, fonts, heading=True)}</h1></td></tr></table>",
        f'<p align="right" style="color: {GREY}; font-size: 11pt; margin-bottom: 14px;">'
        f"{marked_html(report.byline, 'ko', _font_wrap(fonts))}</p>",
    ]
    if report.legend:
        chips = "&nbsp;&nbsp;".join(
            f'<span style="color: {escape(entry.color_hex)};">■</span> {_text(entry.text, fonts)}'
            for entry in report.legend
        )
        parts.append(f'<p style="color: {GREY}; font-size: 10pt; margin-bottom: 10px;">{LABELS["legend"]}: {chips}</p>')
    group: list[ReportLine] = []
    for line in report.lines:
        if line.kind in ("point", "summary") and group:
            parts.append(_group(group, fonts))
            group = []
        if line.kind in ITEM_KINDS:
            group.append(line)
            continue
        if group:
            parts.append(_group(group, fonts))
            group = []
        if line.kind == "facts":
            parts.append(_hanging(line, f"{escape(line.marker)} {_text(line.text, fonts, line.lang)}", "10pt", GREY))
        else:
            parts.append(_heading(line, fonts))
    if group:
        parts.append(_group(group, fonts))
    return (
        f'<html><head><meta charset="utf-8"><title>{escape(report.title)}</title></head>'
        f'<body style="font-family: {Fonts.css(fonts.korean)}; font-size: 12pt;">{"".join(parts)}</body></html>'
    )


def render(briefing, fonts: Fonts | None = None) -> str:
    return render_report(build_report(briefing), fonts)
