"""The briefing as Markdown (CommonMark), for editors, wikis and mail.

Document text and notes are escaped, so a note's raw HTML stays text when the
Markdown is rendered. The text goes through a Jinja2 template
(``templates/briefing.md.j2``; users may copy and edit it, see md_template.py), given
plain data in which the Markdown parts are already escaped. The annotated span is set in ``**bold**``; CommonMark does
not open or close emphasis next to punctuation glued to CJK text (``实**“两高”**项``),
so punctuation at the edges of the span is left outside the markers.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from types import SimpleNamespace as Record

from .briefing import LABELS, Briefing, BriefingItem, DocumentHeader, Passage, Section
from .md_template import MarkdownTemplate, chosen_template
from .notes import NoteBlock, NoteRun

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_LINE_START = re.compile(r"^(\s*)([#+\-=>]|\d+[.)])", re.MULTILINE)


def escape(text: str) -> str:
    """Text that Markdown shows as is (inside a line)."""
    return _SPECIAL.sub(r"\\\1", text)


def line_start(text: str) -> str:
    """Escape what would start a list, heading or quote at the beginning of a line."""
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def _punctuation(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "PS"


def _space(ch: str) -> bool:
    return ch == "" or ch.isspace()


def strong(before: str, span: str, after: str) -> str:
    """``before**span**after`` with the markers where CommonMark accepts them."""
    lead, trail = "", ""
    while span:
        prev, nxt = before[-1:] if not lead else lead[-1], span[0]
        opens = not _space(nxt) and (not _punctuation(nxt) or _space(prev) or _punctuation(prev))
        last, following = span[-1], (trail[:1] or after[:1])
        closes = not _space(last) and (not _punctuation(last) or _space(following) or _punctuation(following))
        if opens and closes:
            break
        if not opens:
            lead, span = lead + span[0], span[1:]
        else:
            trail, span = span[-1] + trail, span[:-1]
    if not span.strip():
        return escape(before + lead + span + trail + after)
    return f"{escape(before + lead)}**{escape(span)}**{escape(trail + after)}"


def _run(run: NoteRun) -> str:
    if run.text == "\n":
        return "\\\n"
    if run.code:
        fence = "``" if "`" in run.text else "`"
        return f"{fence}{run.text}{fence}"
    text = escape(run.text)
    if run.strike:
        text = f"~~{text}~~"
    if run.italic:
        text = f"*{text}*"
    if run.bold:
        text = f"**{text}**"
    if run.href:
        text = f"[{text}](<{run.href.replace('>', '%3E')}>)"
    return text


def _note(blocks: tuple[NoteBlock, ...]) -> list[str]:
    lines: list[str] = []
    previous = ""
    for block in blocks:
        text = line_start("".join(_run(run) for run in block.runs))
        listed = block.kind in ("bullet", "number")
        if lines and not (listed and previous in ("bullet", "number")):
            lines.append("")
        indent = "  " * block.depth
        if block.kind == "bullet":
            lines.append(f"{indent}- {text}")
        elif block.kind == "number":
            lines.append(f"{indent}{block.number}. {text}")
        elif block.kind == "quote":
            lines.append("> " + text.replace("\n", "\n> "))
        elif block.kind == "code":
            lines.extend(["```", block.text, "```"])
        else:
            lines.append(text)
        previous = block.kind
    return lines


def _passage(passage: Passage, empty: str) -> str:
    if not passage.text:
        return escape(empty)
    return line_start(strong(*passage.pieces()))


def _passage_context(passage: Passage | None, empty: str) -> Record | None:
    if passage is None:
        return None
    before, span, after = passage.pieces()
    return Record(
        lang=passage.lang, text=passage.text, before=before, span=span, after=after, markdown=_passage(passage, empty)
    )


def _item_context(item: BriefingItem) -> Record:
    zh = _passage_context(item.zh, LABELS["no_zh"])
    ko = _passage_context(item.ko, LABELS["no_ko"])
    annotation = item.annotation
    return Record(
        label=item.label,
        ref_zh=item.ref_zh,
        ref_ko=item.ref_ko,
        color=item.color,
        color_name=item.color_name,
        meaning=item.color_meaning,
        starred=item.starred,
        tags=list(item.tags),
        citation=item.citation,
        doc_id=item.document.doc_id,
        created=annotation.created,
        updated=annotation.updated,
        quote=annotation.anchor.quote,
        zh=zh,
        ko=ko,
        quotes=[p.markdown for p in (zh, ko) if p is not None],
        note=item.note,
        note_markdown="\n".join(_note(item.note_blocks)),
    )


def _facts_context(document: DocumentHeader) -> list[Record]:
    return [Record(label=label, value=value) for label, value in document.facts()]


def _section_context(briefing: Briefing, section: Section, lang: str) -> Record:
    return Record(
        level=section.level,
        kind=section.kind,
        key=section.key,
        heading=section.heading(lang),
        subtitle=section.subtitle(lang),
        facts=_facts_context(briefing.document(section.key)) if section.kind == "document" else [],
        items=[_item_context(item) for item in section.items],
        sections=[_section_context(briefing, child, lang) for child in section.sections],
    )


def context(briefing: Briefing) -> dict:
    """What a Markdown template is given: strings, numbers, lists and records with named
    fields (``item.label``; the default template's header comment lists them)."""
    lang = briefing.options.lang
    return {
        "title": briefing.title,
        "exported": briefing.exported_ko,
        "summary": briefing.summary(),
        "lang": lang,
        "count": briefing.count,
        "labels": dict(LABELS),
        "legend": [
            Record(color=e.color, name=e.name, meaning=e.meaning, count=e.count, text=e.text) for e in briefing.legend
        ],
        "list_documents": not briefing.documents_in_sections,
        "documents": [
            Record(
                doc_id=d.doc_id,
                title=d.title,
                title_ko=d.title_ko,
                doc_number=d.doc_number,
                issuer=d.issuer,
                date=d.date,
                facts=_facts_context(d),
            )
            for d in briefing.documents
        ],
        "sections": [_section_context(briefing, section, lang) for section in briefing.sections],
    }


def render(briefing: Briefing, template: MarkdownTemplate | None = None) -> str:
    """The briefing as Markdown through a template: the one given, else the user's
    (``templates/briefing.md.j2`` in the data directory, or the options' ``template``),
    else the default, which writes what this module always wrote."""
    if template is None:
        template = chosen_template(briefing.options.template)
    return template.render(context(briefing))


def write(briefing: Briefing, path: Path) -> None:
    path.write_text(render(briefing), encoding="utf-8", newline="\n")
