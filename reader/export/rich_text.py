"""The briefing as HTML for Qt's rich-text engine (QTextDocument).

Qt renders a subset of HTML 4 and CSS 2: no ``<mark>``, no borders on blocks,
no custom properties. This flavour sticks to what it supports (tables with
cell backgrounds for the colour bar, inline ``background-color`` for the
annotated span) and is what the PDF is printed from and what the export
dialog previews. Text and notes are escaped exactly as in the HTML page.
Pure string building: no Qt import.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from .briefing import LABELS, Briefing, BriefingItem, DocumentHeader, Passage, Section
from .html_page import note_html
from .script_runs import marked_html, script_runs


def _font_wrap(fonts: Fonts, heading: bool = False):
    """Qt's rich text ignores ``lang``: each script's run gets its face as a span."""

    def wrap(lang: str, escaped: str) -> str:
        if lang == "zh":
            family = fonts.chinese_heading if heading else fonts.chinese
        else:
            family = fonts.heading if heading else fonts.korean
        return f'<span style="font-family: {Fonts.css(family)};">{escaped}</span>'

    return wrap


def _text(text: str, fonts: Fonts, context: str = "ko", heading: bool = False) -> str:
    """Escaped text whose runs in the other script are set in that script's face."""
    return marked_html(text, context, _font_wrap(fonts, heading))


def _heading_text(text: str, fonts: Fonts) -> str:
    """A heading's text, every run in its script's heading face."""
    wrap = _font_wrap(fonts, heading=True)
    return "".join(wrap(lang, escape(chunk)) for lang, chunk in script_runs(text))


@dataclass(frozen=True)
class Fonts:
    """Font families (first available wins) for Korean, Chinese and headings."""

    korean: tuple[str, ...] = ("Noto Serif CJK KR", "Batang", "AppleMyungjo", "Noto Sans CJK KR")
    chinese: tuple[str, ...] = ("Noto Serif CJK SC", "SimSun", "Songti SC", "Noto Sans CJK SC")
    heading: tuple[str, ...] = ("Noto Sans CJK KR", "Malgun Gothic", "Apple SD Gothic Neo")
    chinese_heading: tuple[str, ...] = ("Noto Sans CJK SC", "Microsoft YaHei", "SimHei", "PingFang SC")

    @staticmethod
    def css(families: tuple[str, ...]) -> str:
        return ", ".join(f"'{f}'" for f in families)


GREY = "#495057"


def _passage(passage: Passage, fonts: Fonts, color_hex: str) -> str:
    if not passage.text:
        missing = LABELS["no_zh"] if passage.lang == "zh" else LABELS["no_ko"]
        return f'<p style="color: #868e96; font-style: italic;">{escape(missing)}</p>'
    family = Fonts.css(fonts.chinese if passage.lang == "zh" else fonts.korean)
    before, span, after = passage.pieces()
    lang = passage.lang
    marked = (
        f'<span style="background-color: {escape(color_hex)}; font-weight: bold;">{_text(span, fonts, lang)}</span>'
        if span
        else ""
    )
    return (
        f'<p style="font-family: {family}; margin: 3px 0;">'
        f"{_text(before, fonts, lang)}{marked}{_text(after, fonts, lang)}</p>"
    )


def _item(item: BriefingItem, fonts: Fonts) -> str:
    label = [f'<span style="color: {escape(item.color_hex)};">■</span>']
    if item.label:
        label.append(f"<b>{_text(item.label, fonts, heading=True)}</b> ·")
    label.append(f'<span style="color: {GREY};">{LABELS["color"]}: {escape(item.color_name)}</span>')
    if item.starred:
        label.append(f'<span style="color: #e67700;">· ★ {LABELS["starred"]}</span>')
    body = [
        f'<p style="font-family: {Fonts.css(fonts.heading)}; font-size: 9pt; margin: 0 0 3px 0;">{" ".join(label)}</p>',
        *(_passage(p, fonts, item.color_hex) for p in item.passages),
    ]
    if item.note_blocks:
        body.append(
            f'<table width="100%" cellpadding="4" cellspacing="0" style="margin-top: 4px;">'
            f'<tr><td style="background-color: #f1f3f5;">{note_html(item.note_blocks, _font_wrap(fonts))}</td></tr></table>'
        )
    meta = []
    if item.tags:
        meta.append(f"{LABELS['tags']}: " + " ".join(_text(f"#{t}", fonts) for t in item.tags))
    meta.append(f"{LABELS['citation']}: {_text(item.citation, fonts)}")
    body.append(f'<p style="font-size: 8.5pt; color: {GREY}; margin-top: 4px;">{"<br>".join(meta)}</p>')
    return (
        '<table width="100%" cellspacing="0" cellpadding="0" style="margin: 6px 0 12px 0;"><tr>'
        f'<td width="4" style="background-color: {escape(item.color_hex)};"></td>'
        f'<td width="10"></td><td>{"".join(body)}</td></tr></table>'
    )


def _facts(header: DocumentHeader, fonts: Fonts) -> str:
    rows = "".join(
        f'<tr><td style="color: {GREY}; padding-right: 12px;">{escape(label)}</td><td>{_text(value, fonts)}</td></tr>'
        for label, value in header.facts()
    )
    return f'<table cellspacing="0" cellpadding="1" style="margin: 4px 0 8px 0;">{rows}</table>' if rows else ""


_SIZES = {1: "15pt", 2: "13pt", 3: "11.5pt"}


def _section(briefing: Briefing, section: Section, fonts: Fonts) -> str:
    lang = briefing.options.lang
    tag = f"h{section.level + 1}"
    style = f"font-family: {Fonts.css(fonts.heading)}; font-size: {_SIZES.get(section.level, '11pt')};"
    if section.level == 1:
        style += " margin-top: 18px;"
    parts = [f'<{tag} style="{style}">{_heading_text(section.heading(lang), fonts)}</{tag}>']
    if section.subtitle(lang):
        subtitle = _heading_text(section.subtitle(lang), fonts)
        parts.append(f'<p style="color: {GREY}; font-size: 12pt; margin-top: 0;">{subtitle}</p>')
    if section.kind == "document":
        parts.append(_facts(briefing.document(section.key), fonts))
    parts.extend(_item(item, fonts) for item in section.items)
    parts.extend(_section(briefing, child, fonts) for child in section.sections)
    return "\n".join(p for p in parts if p)


def render(briefing: Briefing, fonts: Fonts | None = None) -> str:
    fonts = fonts or Fonts()
    heading = Fonts.css(fonts.heading)
    head = [
        f'<h1 style="font-family: {heading}; font-size: 20pt; margin-bottom: 4px;">'
        f"{_heading_text(briefing.title, fonts)}</h1>",
        "<hr>",
        f'<p style="color: {GREY}; margin-top: 6px;">{LABELS["exported"]}: {briefing.exported_ko}<br>'
        f"{LABELS['group_by']}: {escape(briefing.summary())}</p>",
    ]
    if briefing.legend:
        entries = " &nbsp; ".join(
            f'<span style="color: {escape(e.color_hex)};">■</span> {escape(e.text)}' for e in briefing.legend
        )
        head.append(
            f'<p style="margin-top: 2px;"><span style="font-family: {heading}; color: {GREY};">'
            f"{LABELS['legend']}</span> &nbsp; {entries}</p>"
        )
    if not briefing.documents_in_sections:
        head.append(f'<h2 style="font-family: {heading}; font-size: 15pt;">{LABELS["documents"]}</h2>')
        for document in briefing.documents:
            titles = " · ".join(t for t in (document.title, document.title_ko) if t) or document.doc_id
            head.append(f"<p><b>{_text(titles, fonts)}</b></p>{_facts(document, fonts)}")
    sections = [_section(briefing, s, fonts) for s in briefing.sections]
    body = "\n".join([*head, *sections])
    return (
        f'<html><head><meta charset="utf-8"><title>{escape(briefing.title)}</title></head>'
        f'<body style="font-family: {Fonts.css(fonts.korean)}; font-size: 10.5pt;">{body}</body></html>'
    )


def empty_message(text: str) -> str:
    """What the preview shows when nothing matches."""
    return f'<p style="color: {GREY}; margin-top: 24px;" align="center">{escape(text)}</p>'
