"""The briefing as Markdown (CommonMark), for editors, wikis and mail.

Document text and notes are escaped, so a note's raw HTML stays text when the
Markdown is rendered. The annotated span is set in ``**bold**``; CommonMark does
not open or close emphasis next to punctuation glued to CJK text (``实**“两高”**项``),
so punctuation at the edges of the span is left outside the markers.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from .briefing import LABELS, Briefing, BriefingItem, DocumentHeader, Passage, Section
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


def _item(item: BriefingItem) -> list[str]:
    meta = [f"**{escape(item.label)}**"] if item.label else []
    meta.append(f"{LABELS['color']}: {escape(item.color_name)}")
    if item.starred:
        meta.append(f"★ {LABELS['starred']}")
    lines = [" · ".join(meta), ""]
    quoted = []
    if item.zh is not None:
        quoted.append("> " + _passage(item.zh, LABELS["no_zh"]))
    if item.ko is not None:
        quoted.append("> " + _passage(item.ko, LABELS["no_ko"]))
    lines.append("\n>\n".join(quoted))
    note = _note(item.note_blocks)
    if note:
        lines.extend(["", *note])
    lines.append("")
    tail = []
    if item.tags:
        tail.append(f"{LABELS['tags']}: " + " ".join(escape(f"#{tag}") for tag in item.tags))
    tail.append(f"{LABELS['citation']}: {escape(item.citation)}")
    lines.append("  \n".join(tail))
    return lines


def _facts(document: DocumentHeader) -> list[str]:
    return [f"- {label}: {escape(value)}" for label, value in document.facts()]


def _section(briefing: Briefing, section: Section, lang: str) -> list[str]:
    lines = ["", "#" * (section.level + 1) + " " + escape(section.heading(lang))]
    if section.subtitle(lang):
        lines.extend(["", escape(section.subtitle(lang))])
    if section.kind == "document":
        facts = _facts(briefing.document(section.key))
        if facts:
            lines.extend(["", *facts])
    for item in section.items:
        lines.extend(["", *_item(item)])
    for child in section.sections:
        lines.extend(_section(briefing, child, lang))
    return lines


def render(briefing: Briefing) -> str:
    lang = briefing.options.lang
    lines = [
        f"# {escape(briefing.title)}",
        "",
        f"- {LABELS['exported']}: {briefing.exported_ko}",
        f"- {LABELS['group_by']}: {escape(briefing.summary())}",
    ]
    if briefing.legend:
        lines.extend(["", f"**{LABELS['legend']}**", "", *(f"- {escape(e.text)}" for e in briefing.legend)])
    if not briefing.documents_in_sections:
        lines.extend(["", f"## {LABELS['documents']}"])
        for document in briefing.documents:
            titles = " · ".join(t for t in (document.title, document.title_ko) if t) or document.doc_id
            lines.extend(["", f"**{escape(titles)}**"])
            if document.facts():
                lines.extend(["", *_facts(document)])
    for section in briefing.sections:
        lines.extend(_section(briefing, section, lang))
    return "\n".join(lines) + "\n"


def write(briefing: Briefing, path: Path) -> None:
    path.write_text(render(briefing), encoding="utf-8", newline="\n")
