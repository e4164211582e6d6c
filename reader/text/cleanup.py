"""Turning raw lines into clean paragraphs, each with its language.

Real files carry debris: full-width indentation, a sentence cut in two by a page
break (seed 000 breaks 在产 / 业转移中 across a blank line), and Chinese and Korean
in the same file. A paragraph that stops where no sentence can end is glued to the
next one, unless either is a heading or the next one starts a numbered element, or
the file's paragraphs commonly end without punctuation (text copied from the web),
where an open end is the author's, not a page break's. Lines that end open inside
blank-line separated blocks whose last lines do end a sentence are not that: they are
hard-wrapped, and each block's lines are joined.

What cleanup removes is markup and debris, never words, so the text of the units
reproduces the file's text up to exactly these changes (the invariant the structure
tests check on every file): whitespace at line ends and between paragraphs; invisible
characters (zero-width spaces, BOM, soft hyphen); page-number lines; Kangxi radicals
turned into ideographs (NFKC); HTML tags (``<br>`` and block tags end a line, inline
tags are dropped) and character entities (``&nbsp;`` → space); Markdown markup:
heading marks ``#``, emphasis ``**``/``__``, block quote ``>``, rules ``---`` and code
fences. Links ``[text](url)`` are kept as written. A paragraph that was one strong
emphasis from end to end (``**보증의 결여**``) says so (``bold``): the structure parser
decides whether it is a heading.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field

from .characters import strip_unsafe
from .patterns import ends_open, is_heading_line, starts_new_element
from .scripts import is_han, is_hangul, language_of, soft_break_joiner

_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# PDF text layers often map CJK glyphs to the look-alike Kangxi radicals (⼀ for 一,
# ⽐ for 比); NFKC turns them back into the ideographs.
_RADICALS = re.compile("[\u2e80-\u2eff\u2f00-\u2fdf]")
# A line that is only a page number: 12, - 12 -, — 12 —, 第12页, 12/30.
_PAGE_NUMBER = re.compile(r"^[-—–\s]*(?:第\s*)?\d{1,3}(?:\s*页|\s*/\s*\d{1,3})?[-—–\s]*$")
_EDGE_SPACE = " \t\u3000\u00a0\u2002\u2003\u2009\x0b\x0c"
# Korean syllables that commonly end a word (particles and endings): a Korean line
# cut after one of them was most likely cut at a space.
_KO_WORD_FINAL = set("은는이가을를의에로와과도만서고며면게지여써적한된할될인")

# HTML: a line break or a block element ends a line; any other tag is dropped.
_HTML_BREAK = re.compile(r"<br\s*/?>|</?(?:p|div|li|ul|ol|tr|td|th|table|h[1-6]|blockquote)(?:\s[^<>]*)?>", re.I)
_HTML_TAG = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>")
_HTML_ENTITY = re.compile(r"&(?:[A-Za-z]{2,8}|#\d{1,6}|#x[0-9A-Fa-f]{1,6});")
_MARKDOWN_HEADING = re.compile(r"^(#{1,6})\s+(.*?)(?:\s+#+)?$")
_MARKDOWN_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
# A line that is one strong emphasis from end to end: **보증의 결여**.
_WHOLLY_STRONG = re.compile(r"^(\*\*|__)(?:(?!\1).)+\1$")
_MARKDOWN_QUOTE = re.compile(r"^(?:>\s?)+")
_MARKDOWN_RULE = re.compile(r"^(?:[-*_]\s*){3,}$|^(?:```|~~~).*$")
# Above this share of paragraphs ending open, the file simply does not end its
# paragraphs with punctuation, and open ends are not page breaks.
_OPEN_END_SHARE = 0.5


@dataclass
class Paragraph:
    text: str
    lang: str | None
    heading: int = 0  # Markdown heading level (# is 1), 0 for other paragraphs
    #: A blank line (or the start of the file) comes before it: it opens a block of lines.
    opens_block: bool = field(default=True, compare=False, repr=False)
    bold: bool = False  # the line was wholly in Markdown strong emphasis (**…**)


def split_markup_lines(lines: list[str]) -> list[str]:
    """Lines with ``<br>`` and HTML block tags turned into line ends."""
    out: list[str] = []
    for line in lines:
        if "<" in line:
            out.extend(_HTML_BREAK.split(line))
        else:
            out.append(line)
    return out


def strip_markup(line: str) -> str:
    """Inline tags (HTML, and XML such as DocBook's ``<application>``), entities and
    Markdown emphasis out of one line. A tag starts with a Latin letter, so ``<国务院>``
    stays text."""
    if "<" in line:
        line = _HTML_TAG.sub("", line)
    if "&" in line:
        line = _HTML_ENTITY.sub(lambda m: html.unescape(m.group()), line).replace("\u00a0", " ")
    if "**" in line or "__" in line:
        line = _MARKDOWN_EMPHASIS.sub(r"\2", line)
    return line


def clean_line(line: str) -> str:
    line = strip_markup(strip_unsafe(_INVISIBLE.sub("", line))).strip(_EDGE_SPACE)
    line = _RADICALS.sub(lambda m: unicodedata.normalize("NFKC", m.group()), line)
    if line.startswith(">"):
        line = _MARKDOWN_QUOTE.sub("", line).strip(_EDGE_SPACE)
    return "" if _PAGE_NUMBER.match(line) or _MARKDOWN_RULE.match(line) else line


def _heading_level(text: str) -> tuple[str, int]:
    """A Markdown heading's text and level (# is 1), or the text and 0."""
    if not text.startswith("#"):
        return text, 0
    match = _MARKDOWN_HEADING.match(text)
    if not match or not match.group(2):
        return text, 0
    return match.group(2).strip(_EDGE_SPACE), len(match.group(1))


def _joiner(previous: str, following: str, lang: str) -> str:
    a, b = previous[-1], following[0]
    if lang == "zh" and not (a.isascii() and b.isascii()):
        return ""
    if is_hangul(a) and is_hangul(b):
        return " " if a in _KO_WORD_FINAL else ""
    return " "


def paragraphs(
    lines: list[str], default_lang: str | None = None, wrapped: bool = False, authored: bool = False
) -> list[Paragraph]:
    """Clean paragraphs with their language, page-break splits repaired.

    A paragraph with neither Chinese nor Korean stays in place and takes the
    language around it: the one before it, or for the first ones, the one after.
    ``wrapped`` says that the lines were cut at the page width (a PDF text layer), so
    every open end is joined, however many there are; ``authored`` that every line
    ends where its author ended it (a Markdown file's paragraphs, soft breaks already
    joined), so none is joined.
    """
    found: list[Paragraph] = []
    after_blank = True
    for line in split_markup_lines(lines):
        text, level = _heading_level(clean_line(line))
        if text:
            bold = not level and bool(_WHOLLY_STRONG.match(_INVISIBLE.sub("", line).strip(_EDGE_SPACE)))
            found.append(Paragraph(text, language_of(text), level, opens_block=after_blank, bold=bold))
        after_blank = not text
    _fill_languages(found, default_lang)
    in_blocks = set() if wrapped or authored else _wrapped_in_blocks(found)
    unpunctuated = set() if wrapped else _unpunctuated_languages(found) - in_blocks
    joined: list[Paragraph] = []
    for para in found:
        if joined and not authored and joined[-1].lang in in_blocks and _continues_block(joined[-1], para):
            last = joined[-1]
            last.text = last.text + soft_break_joiner(last.text, para.text) + para.text
        elif (
            joined
            and not authored
            and joined[-1].lang not in unpunctuated
            and _continues(joined[-1], para)
            and (wrapped or _cut_inside_text(joined[-1].text, para.text))
        ):
            last = joined[-1]
            last.text = last.text + _joiner(last.text, para.text, last.lang or "zh") + para.text
            last.bold = False
        else:
            joined.append(para)
    return joined


def _fill_languages(found: list[Paragraph], default_lang: str | None) -> None:
    current = default_lang
    for para in found:
        if para.lang is None:
            para.lang = current
        else:
            current = para.lang
    following = default_lang
    for para in reversed(found):
        if para.lang is None:
            para.lang = following
        else:
            following = para.lang


def _unpunctuated_languages(found: list[Paragraph]) -> set[str]:
    """Languages of the file whose body paragraphs mostly end without punctuation."""
    counts: dict[str, list[int]] = {}
    for para in found:
        lang = para.lang or "zh"
        if para.heading or is_heading_line(para.text, lang):
            continue
        tally = counts.setdefault(lang, [0, 0])
        tally[0] += 1
        tally[1] += ends_open(para.text, lang)
    return {lang for lang, (n, open_) in counts.items() if n >= 3 and open_ > _OPEN_END_SHARE * n}


def _wrapped_in_blocks(found: list[Paragraph]) -> set[str]:
    """Languages of the file hard-wrapped inside blocks separated by blank lines (a text
    wrapped at 80 columns, a Markdown file saved as .txt): the lines inside a block mostly
    end open, the last lines of its blocks mostly do not. Text written without sentence
    punctuation ends its blocks open too; a file with one paragraph per line has few
    lines inside blocks that end open (headings)."""
    counts: dict[str, list[int]] = {}
    for index, para in enumerate(found):
        lang = para.lang
        if lang is None or para.heading:
            continue
        following = found[index + 1] if index + 1 < len(found) else None
        tally = counts.setdefault(lang, [0, 0, 0, 0])  # inside, open inside, last, open last
        if following is None or following.opens_block:
            if not (para.opens_block and is_heading_line(para.text, lang)):  # a title or heading
                tally[2] += 1
                tally[3] += ends_open(para.text, lang)
        elif following.lang == lang and not following.heading and not starts_new_element(following.text, lang):
            tally[0] += 1
            tally[1] += ends_open(para.text, lang)
    return {
        lang
        for lang, (inside, open_inside, last, open_last) in counts.items()
        if inside >= 3 and last >= 2 and open_inside > _OPEN_END_SHARE * inside and open_last < _OPEN_END_SHARE * last
    }


def _continues_block(previous: Paragraph, para: Paragraph) -> bool:
    """Whether a line of a hard-wrapped block continues the paragraph before it: no blank
    line between them, and it ends open (a short line without punctuation there is a
    wrapped line, not a heading)."""
    lang = previous.lang or "zh"
    return (
        not para.opens_block
        and not previous.heading
        and not para.heading
        and not previous.bold
        and not para.bold
        and previous.lang == para.lang
        and ends_open(previous.text, lang)
        and not starts_new_element(para.text, lang)
    )


# What a page break can fall between inside Chinese or Korean prose: letters of
# either script, and the punctuation inside a sentence (，、 and opening brackets
# before the break, closing ones after it).
_INSIDE_BEFORE = "，、；（“‘《〈「『"
_INSIDE_AFTER = "，、）”’》〉」』"


def _cut_inside_text(previous: str, following: str) -> bool:
    """Whether a break between two paragraphs falls inside Chinese or Korean prose
    (产 | 业转移中): only there is an open end the mark of a page break in a file
    that was not wrapped at a page width. A paragraph that ends in Latin text, a link
    or an address (``glchess``, ``…wiki/自定义奖励范例)``, ``https://…/``) or a
    paragraph that begins with one stops where its author stopped it: a command, a
    list of links or a name ends a line without punctuation."""
    last, first = previous[-1], following[0]
    before = is_han(last) or is_hangul(last) or last in _INSIDE_BEFORE
    after = is_han(first) or is_hangul(first) or first in _INSIDE_AFTER
    return before and after


def _continues(previous: Paragraph, para: Paragraph) -> bool:
    lang = previous.lang or "zh"
    return (
        not previous.heading
        and not para.heading
        and not para.bold
        and previous.lang == para.lang
        and ends_open(previous.text, lang)
        and not is_heading_line(previous.text, lang)
        and not starts_new_element(para.text, lang)
    )
