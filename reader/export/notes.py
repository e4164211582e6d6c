"""A note's Markdown as plain blocks of styled runs, for every output format.

Notes are parsed once (CommonMark via markdown-it-py, raw HTML switched off) into
paragraphs, list items, quotes and code blocks made of runs of text with bold,
italic, code or a link. Each writer turns the runs into its own markup and
escapes the text itself, so a note's ``<script>`` or raw HTML is never more than
text in any output. Headings inside a note become bold paragraphs: a note must
not add entries to the briefing's outline.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

#: Link targets a briefing may keep (anything else stays as plain text).
SAFE_SCHEMES = ("http://", "https://", "mailto:")


@dataclass(frozen=True)
class NoteRun:
    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    strike: bool = False
    href: str = ""


@dataclass(frozen=True)
class NoteBlock:
    """One block of a note. ``kind``: paragraph, bullet, number, quote or code."""

    kind: str
    runs: tuple[NoteRun, ...]
    #: Nesting depth of a list item (0 = top level), number of a numbered item.
    depth: int = 0
    number: int = 0

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


def _is_cjk(char: str) -> bool:
    """Han, Hangul, kana, CJK symbols and punctuation, full-width forms."""
    code = ord(char)
    return (
        0x1100 <= code <= 0x11FF
        or 0x2E80 <= code <= 0x9FFF
        or 0xA960 <= code <= 0xA97F
        or 0xAC00 <= code <= 0xD7FF
        or 0xF900 <= code <= 0xFAFF
        or 0xFE30 <= code <= 0xFE4F
        or 0xFF00 <= code <= 0xFFEF
        or 0x20000 <= code <= 0x3FFFF
    )


def _scan_delims_cjk(state, start: int, can_split_word: bool):
    """CommonMark's delimiter scan with the CJK-friendly flanking rule.

    CommonMark does not let ``**`` close after punctuation when a letter follows,
    so ``구조조정을 **주선(主线)**으로`` keeps its asterisks: ``)`` then ``으``.
    Korean attaches particles to the word and Chinese has no spaces, so, as in
    markdown-it-cjk-friendly (the rule ``mdit-py-cjk-friendly`` ports), a CJK
    character next to the run counts like whitespace for the punctuation test:
    after punctuation a run may close before a CJK character, and before
    punctuation it may open after one.
    """
    from markdown_it.common.utils import isMdAsciiPunct, isPunctChar, isWhiteSpace
    from markdown_it.rules_inline.state_inline import Scanned

    src, maximum = state.src, state.posMax
    marker = src[start]
    last = src[start - 1] if start > 0 else " "
    pos = start
    while pos < maximum and src[pos] == marker:
        pos += 1
    following = src[pos] if pos < maximum else " "
    last_punct = isMdAsciiPunct(ord(last)) or isPunctChar(last)
    next_punct = isMdAsciiPunct(ord(following)) or isPunctChar(following)
    last_space, next_space = isWhiteSpace(ord(last)), isWhiteSpace(ord(following))
    last_cjk, next_cjk = _is_cjk(last), _is_cjk(following)
    left = not next_space and (not next_punct or last_space or last_punct or last_cjk)
    right = not last_space and (not last_punct or next_space or next_punct or next_cjk)
    can_open = left and (can_split_word or not right or last_punct)
    can_close = right and (can_split_word or not left or next_punct)
    return Scanned(can_open, can_close, pos - start)


def _cjk_friendly(rule):
    """The inline rule, scanning delimiters with the CJK-friendly rule (this parser only)."""

    def tokenize(state, silent: bool) -> bool:
        state.scanDelims = lambda start, can_split: _scan_delims_cjk(state, start, can_split)
        return rule(state, silent)

    return tokenize


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("strikethrough")
    for rule in md.inline.ruler.__rules__:
        if rule.name in ("emphasis", "strikethrough"):
            md.inline.ruler.at(rule.name, _cjk_friendly(rule.fn))
    return md


@lru_cache(maxsize=4096)
def parse_note(markdown: str) -> tuple[NoteBlock, ...]:
    """The blocks of a note written in Markdown (immutable, so cached: every writer asks)."""
    if not markdown.strip():
        return ()
    blocks: list[NoteBlock] = []
    lists: list[list] = []  # stack of [kind, next number]
    quote_depth = 0
    in_heading = False
    item_kind: str | None = None
    for token in _parser().parse(markdown):
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            start = int(token.attrs.get("start", 1) or 1) if kind == "ordered_list_open" else 0
            lists.append(["bullet" if kind == "bullet_list_open" else "number", start])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open":
            item_kind = "item"
        elif kind in ("heading_open", "heading_close"):
            in_heading = kind == "heading_open"
        elif kind == "blockquote_open":
            quote_depth += 1
        elif kind == "blockquote_close":
            quote_depth -= 1
        elif kind in ("fence", "code_block"):
            blocks.append(NoteBlock("code", (NoteRun(token.content.rstrip("\n"), code=True),)))
        elif kind == "inline":
            runs = _runs(token.children or [], bold=in_heading)
            if not runs:
                continue
            if item_kind and lists:
                list_kind, number = lists[-1]
                blocks.append(NoteBlock(list_kind, runs, depth=len(lists) - 1, number=number))
                if list_kind == "number":
                    lists[-1][1] += 1
                item_kind = None
            elif quote_depth:
                blocks.append(NoteBlock("quote", runs))
            else:
                blocks.append(NoteBlock("paragraph", runs, depth=len(lists)))
    return tuple(blocks)


def _runs(children, bold: bool = False) -> tuple[NoteRun, ...]:
    runs: list[NoteRun] = []
    style = {"bold": int(bold), "italic": 0, "strike": 0}
    href = ""
    for child in children:
        kind = child.type
        if kind == "strong_open":
            style["bold"] += 1
        elif kind == "strong_close":
            style["bold"] -= 1
        elif kind == "em_open":
            style["italic"] += 1
        elif kind == "em_close":
            style["italic"] -= 1
        elif kind == "s_open":
            style["strike"] += 1
        elif kind == "s_close":
            style["strike"] -= 1
        elif kind == "link_open":
            target = str(child.attrs.get("href", ""))
            href = target if target.lower().startswith(SAFE_SCHEMES) else ""
        elif kind == "link_close":
            href = ""
        elif kind in ("softbreak", "hardbreak"):
            _append(runs, NoteRun("\n"))
        elif kind == "code_inline":
            _append(runs, NoteRun(child.content, code=True))
        elif kind == "image":
            _append(runs, NoteRun(child.content or str(child.attrs.get("src", ""))))
        elif kind in ("text", "html_inline") and child.content:
            _append(
                runs,
                NoteRun(
                    child.content,
                    bold=style["bold"] > 0,
                    italic=style["italic"] > 0,
                    strike=style["strike"] > 0,
                    href=href,
                ),
            )
    return tuple(runs)


def _append(runs: list[NoteRun], run: NoteRun) -> None:
    """Add a run, merged into the previous one when it looks the same."""
    if runs and replace(runs[-1], text="") == replace(run, text="") and run.text != "\n" and runs[-1].text != "\n":
        runs[-1] = replace(runs[-1], text=runs[-1].text + run.text)
    else:
        runs.append(run)


def plain_text(markdown: str) -> str:
    """A note without its Markdown markup (for CSV cells, tooltips and search)."""
    lines = []
    for block in parse_note(markdown):
        prefix = {"bullet": "• ", "number": f"{block.number}. ", "quote": "> "}.get(block.kind, "")
        lines.append("  " * block.depth + prefix + block.text)
    return "\n".join(lines)
