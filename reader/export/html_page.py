"""The briefing as one standalone HTML page (no external files, prints on A4).

Every piece of text, the notes included, is escaped here: a note's ``<script>``
or raw HTML is shown as text. A Content-Security-Policy that allows no script
guards the page as well. Chinese text is tagged ``lang="zh-Hans"`` and Korean
``lang="ko"`` so browsers pick the right CJK glyph forms and fonts.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from .briefing import LABELS, Briefing, BriefingItem, DocumentHeader, Passage, Section
from .notes import NoteBlock, NoteRun
from .script_runs import HTML_LANG, main_script, marked_html, tag_html

FONT_KO = '"Noto Serif KR", "Noto Serif CJK KR", "Batang", "바탕", "AppleMyungjo", serif'
FONT_ZH = '"Noto Serif SC", "Noto Serif CJK SC", "SimSun", "宋体", "Songti SC", serif'
FONT_HEADING = '"Noto Sans KR", "Noto Sans CJK KR", "Malgun Gothic", "맑은 고딕", "Apple SD Gothic Neo", sans-serif'
FONT_ZH_HEADING = '"Noto Sans SC", "Noto Sans CJK SC", "Microsoft YaHei", "SimHei", "黑体", "PingFang SC", sans-serif'

STYLE = f"""
@page {{ size: A4; margin: 20mm 18mm; }}
body {{ font-family: {FONT_KO}; font-size: 11pt; line-height: 1.7; color: #212529;
  max-width: 46em; margin: 2em auto; padding: 0 1em; word-break: keep-all; overflow-wrap: break-word; }}
h1, h2, h3, h4 {{ font-family: {FONT_HEADING}; line-height: 1.35; page-break-after: avoid; }}
h1 {{ font-size: 20pt; border-bottom: 2px solid #343a40; padding-bottom: .3em; }}
h2 {{ font-size: 15pt; margin-top: 2em; }}
h3 {{ font-size: 13pt; margin-top: 1.6em; }}
h4 {{ font-size: 11.5pt; margin-top: 1.4em; }}
.subtitle {{ margin-top: -.6em; color: #495057; }}
dl.facts {{ display: grid; grid-template-columns: max-content 1fr; gap: .1em 1em; margin: .6em 0 1em; }}
dl.facts dt {{ color: #495057; }} dl.facts dd {{ margin: 0; }}
.item {{ border-left: 4px solid var(--mark); padding: .3em 0 .3em 1em; margin: 1em 0 1.4em;
  page-break-inside: avoid; }}
.label {{ font-family: {FONT_HEADING}; font-size: 9.5pt; color: #495057; margin: 0 0 .3em; }}
.chip {{ display: inline-block; width: .8em; height: .8em; border-radius: 2px; background: var(--mark);
  vertical-align: -.05em; }}
.legend p {{ margin: 1em 0 .2em; }}
.legend ul {{ list-style: none; padding: 0; margin: 0 0 1.5em; }}
.star {{ color: #e67700; }}
p.text {{ margin: .2em 0; }}
:lang(zh-Hans) {{ font-family: {FONT_ZH}; word-break: normal; }}
:is(h1, h2, h3, h4, .label):lang(zh-Hans), :is(h1, h2, h3, h4, .label) :lang(zh-Hans) {{ font-family: {FONT_ZH_HEADING}; }}
p.missing {{ color: #868e96; font-style: italic; }}
mark {{ background: var(--mark); color: inherit; font-weight: bold; padding: 0 .1em; }}
.note {{ background: #f8f9fa; border-radius: 4px; padding: .4em .8em; margin: .5em 0; }}
.note p, .note ul, .note ol, .note blockquote {{ margin: .3em 0; }}
.note pre {{ white-space: pre-wrap; margin: .3em 0; }}
.meta {{ font-size: 9.5pt; color: #495057; margin: .3em 0 0; }}
.tag {{ margin-right: .5em; }}
cite {{ font-style: normal; }}
footer {{ margin-top: 3em; font-size: 9pt; color: #868e96; }}
"""


def note_html(blocks: tuple[NoteBlock, ...], wrap=tag_html) -> str:
    """A note's blocks as HTML (every text escaped, only safe links kept); Chinese runs
    go through ``wrap`` (a ``lang`` span here, a font span for Qt's rich text)."""
    out: list[str] = []
    open_list = ""
    for block in blocks:
        tag = {"bullet": "ul", "number": "ol"}.get(block.kind, "")
        if open_list and tag != open_list:
            out.append(f"</{open_list}>")
            open_list = ""
        if tag and not open_list:
            start = f' start="{block.number}"' if tag == "ol" and block.number != 1 else ""
            out.append(f"<{tag}{start}>")
            open_list = tag
        content = "".join(run_html(run, wrap) for run in block.runs)
        if tag:
            indent = f' style="margin-left: {block.depth * 1.5}em"' if block.depth else ""
            out.append(f"<li{indent}>{content}</li>")
        elif block.kind == "quote":
            out.append(f"<blockquote>{content}</blockquote>")
        elif block.kind == "code":
            out.append(f"<pre>{marked_html(block.text, wrap=wrap)}</pre>")
        else:
            out.append(f"<p>{content}</p>")
    if open_list:
        out.append(f"</{open_list}>")
    return "".join(out)


def run_html(run: NoteRun, wrap=tag_html) -> str:
    if run.text == "\n":
        return "<br>"
    text = marked_html(run.text, wrap=wrap)
    if run.code:
        text = f"<code>{text}</code>"
    if run.strike:
        text = f"<s>{text}</s>"
    if run.italic:
        text = f"<em>{text}</em>"
    if run.bold:
        text = f"<strong>{text}</strong>"
    if run.href:
        text = f'<a href="{escape(run.href)}" rel="noopener noreferrer">{text}</a>'
    return text


def _in(text: str, context: str) -> str:
    return marked_html(text, context)


def _tagged(tag: str, text: str, attributes: str = "") -> str:
    """An element tagged with the language of its text's first script, other scripts in spans."""
    lang = main_script(text)
    return f'<{tag}{attributes} lang="{HTML_LANG[lang]}">{marked_html(text, lang)}</{tag}>'


def _passage(passage: Passage) -> str:
    lang = HTML_LANG[passage.lang]
    if not passage.text:
        missing = LABELS["no_zh"] if passage.lang == "zh" else LABELS["no_ko"]
        return f'<p class="text missing" lang="ko">{escape(missing)}</p>'
    before, span, after = passage.pieces()
    marked = f"<mark>{_in(span, passage.lang)}</mark>" if span else ""
    return f'<p class="text" lang="{lang}">{_in(before, passage.lang)}{marked}{_in(after, passage.lang)}</p>'


def _item(item: BriefingItem) -> str:
    label = [f'<span class="chip" title="{escape(item.color_name)}"></span>']
    if item.label:
        label.append(f"<strong>{marked_html(item.label)}</strong> ·")
    label.append(f"{LABELS['color']}: {escape(item.color_name)}")
    if item.starred:
        label.append(f'<span class="star">★ {LABELS["starred"]}</span>')
    parts = [
        f'<article class="item" style="--mark: {escape(item.color_hex)}">',
        f'<p class="label">{" ".join(label)}</p>',
        *(_passage(p) for p in item.passages),
    ]
    if item.note_blocks:
        parts.append(f'<div class="note">{note_html(item.note_blocks)}</div>')
    meta = []
    if item.tags:
        tags = "".join(f'<span class="tag">#{marked_html(tag)}</span>' for tag in item.tags)
        meta.append(f"{LABELS['tags']}: {tags}")
    meta.append(f"{LABELS['citation']}: <cite>{marked_html(item.citation)}</cite>")
    parts.append(f'<p class="meta">{"<br>".join(meta)}</p>')
    parts.append("</article>")
    return "\n".join(parts)


def facts_html(document: DocumentHeader) -> str:
    rows = "".join(f"<dt>{escape(label)}</dt><dd>{marked_html(value)}</dd>" for label, value in document.facts())
    return f'<dl class="facts">{rows}</dl>' if rows else ""


def _section(briefing: Briefing, section: Section, lang: str) -> str:
    level = section.level + 1
    parts = [_tagged(f"h{level}", section.heading(lang))]
    if section.subtitle(lang):
        parts.append(_tagged("p", section.subtitle(lang), ' class="subtitle"'))
    if section.kind == "document":
        parts.append(facts_html(briefing.document(section.key)))
    parts.extend(_item(item) for item in section.items)
    parts.extend(_section(briefing, child, lang) for child in section.sections)
    return "\n".join(p for p in parts if p)


def render(briefing: Briefing) -> str:
    lang = briefing.options.lang
    head = [
        _tagged("h1", briefing.title),
        '<dl class="facts">',
        f"<dt>{LABELS['exported']}</dt><dd>{briefing.exported_ko}</dd>",
        f"<dt>{LABELS['group_by']}</dt><dd>{escape(briefing.summary())}</dd>",
        "</dl>",
    ]
    if briefing.legend:
        entries = "".join(
            f'<li><span class="chip" style="--mark: {escape(e.color_hex)}"></span> {escape(e.text)}</li>'
            for e in briefing.legend
        )
        head.append(f'<section class="legend"><p><strong>{LABELS["legend"]}</strong></p><ul>{entries}</ul></section>')
    if not briefing.documents_in_sections:
        head.append(f"<h2>{LABELS['documents']}</h2>")
        for document in briefing.documents:
            titles = " · ".join(t for t in (document.title, document.title_ko) if t) or document.doc_id
            head.append(f"<p><strong>{marked_html(titles)}</strong></p>{facts_html(document)}")
    body = "\n".join([*head, *(_section(briefing, s, lang) for s in briefing.sections)])
    return f"""<!DOCTYPE html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Duizhao">
<title>{escape(briefing.title)}</title>
<style>{STYLE}</style>
</head>
<body>
{body}
<footer>Duizhao · {briefing.exported_ko}</footer>
</body>
</html>
"""


def write(briefing: Briefing, path: Path) -> None:
    path.write_text(render(briefing), encoding="utf-8", newline="\n")
