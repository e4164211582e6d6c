"""Markdown paragraphs: the lines that a soft line break joins into one.

In CommonMark a paragraph ends at a blank line or where another block starts (a
heading, list item, block quote, fence, table, HTML block, thematic break); inside a
paragraph a single line end is a *soft break*, rendered as a space. Files wrapped at
a fixed width (the Kubernetes blog's sources) or written one sentence per line would
otherwise come in as one paragraph per line, cut mid-sentence. markdown-it-py's block
parser says which lines form each paragraph (``token.map``); those lines are joined
here, before the cleanup step, so that a Markdown file comes out of the loader like
every other format: one line per paragraph.

Kept as line ends, as the cleanup keeps them today:

- a *hard break* (two or more spaces, or a backslash, before the line end): the
  author asked for a new line, as with ``<br>``, which the cleanup also treats as a
  line end;
- a line that starts a numbered or bulleted element of an official document
  (``（一）``, ``a.``, ``가.``, ``——``, a date): CommonMark has no such list items
  and reads ``2. step\\n   a. option`` as one paragraph, but the structure parser needs
  the label at the start of its line;
- every line of a file that does not separate its paragraphs by blank lines (one
  paragraph per line, such as text pasted into a ``.md`` file): there the author's
  line end is the paragraph end, whatever CommonMark would render.

A joined line end becomes nothing between two Chinese characters (or a Chinese
character and a full-width mark or a Latin letter: 接口[Container …] stays as the
Chinese is written), and a space otherwise, Korean in particular (Korean text is
wrapped at the spaces between its words).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..patterns import starts_new_element
from ..scripts import language_of, soft_break_joiner

SUFFIXES = frozenset({".md", ".markdown"})

# What opens a continuation line of a paragraph inside a block quote or list item:
# the indentation and the quote markers, which CommonMark strips.
_CONTINUATION_PREFIX = re.compile(r"^[ \t]*(?:>[ \t]?)*[ \t]*")
# At least this share of the paragraphs outside lists (but the last) end at a blank
# line in a file whose paragraphs are blank-line separated, as Markdown is written.
_BLANK_SEPARATED_SHARE = 0.5


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt

    # Only the block structure counts here: without the inline pass a 2 MB file parses
    # in half the time, into the same blocks.
    return MarkdownIt("commonmark").enable("table").disable(["inline", "text_join"])


def paragraph_ranges(text: str) -> tuple[list[tuple[int, int]], bool]:
    """The line ranges ``[start, end)`` of the paragraphs markdown-it finds in ``text``
    that span more than one line, and whether the file separates its paragraphs by
    blank lines (if not, no ranges: each line is a paragraph)."""
    lines = text.split("\n")
    ranges: list[tuple[int, int]] = []
    ended = ended_blank = 0  # paragraphs outside lists that end before the file does
    depth = 0
    for token in _parser().parse(text):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            depth += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
        elif token.type == "paragraph_open" and token.map:
            start, end = token.map
            if not depth and any(line.strip() for line in lines[end:]):
                ended += 1
                ended_blank += not lines[end].strip()
            if end - start > 1:
                ranges.append((start, end))
    if not ended_blank or ended_blank < _BLANK_SEPARATED_SHARE * ended:
        return [], False
    return ranges, True


def join_soft_breaks(lines: list[str]) -> tuple[list[str], bool]:
    """The lines of a Markdown file with each paragraph's soft breaks joined: its
    continuation lines are appended to the line it started on, so the result has one
    line per paragraph (and fewer lines than ``lines``); all other lines as they were.
    The flag says that the file separates its paragraphs by blank lines: each line of
    the result then ends where its author ended a paragraph (or a line, at a hard
    break), never at a page break."""
    ranges, separated = paragraph_ranges("\n".join(lines))
    if not ranges:
        return list(lines), separated
    out: list[str] = []
    index = 0
    for start, end in ranges:
        out.extend(lines[index:start])
        current = lines[start]
        hard = _hard_break(current)
        for line in lines[start + 1 : end]:
            following = _CONTINUATION_PREFIX.sub("", line).rstrip()
            held = current.rstrip()
            if hard or not held or not following or _starts_element(held, following):
                out.append(held[:-1] if hard == "\\" else held)
                current = line
            else:
                current = held + soft_break_joiner(held, following) + following
            hard = _hard_break(line)
        out.append(current)
        index = end
    out.extend(lines[index:])
    return out, separated


def _hard_break(line: str) -> str:
    """The mark of a hard line break that ends ``line`` (spaces or a backslash), or ''."""
    if line.endswith("  "):
        return " "
    backslashes = len(line) - len(line.rstrip("\\"))
    return "\\" if backslashes % 2 else ""  # an even run is escaped backslashes


def _starts_element(previous: str, following: str) -> bool:
    lang = language_of(following) or language_of(previous) or "zh"
    return starts_new_element(following, lang)
