"""Turning raw lines into clean paragraphs, each with its language.

Real files carry debris: full-width indentation, a sentence cut in two by a page
break (seed 000 breaks 在产 / 业转移中 across a blank line), and Chinese and Korean
in the same file. A paragraph that stops where no sentence can end is glued to the
next one, unless either is a heading or the next one starts a numbered element.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .patterns import ends_open, is_heading_line, starts_new_element
from .scripts import is_hangul, language_of

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


@dataclass
class Paragraph:
    text: str
    lang: str | None


def clean_line(line: str) -> str:
    line = _INVISIBLE.sub("", line).strip(_EDGE_SPACE)
    line = _RADICALS.sub(lambda m: unicodedata.normalize("NFKC", m.group()), line)
    return "" if _PAGE_NUMBER.match(line) else line


def _joiner(previous: str, following: str, lang: str) -> str:
    a, b = previous[-1], following[0]
    if lang == "zh" and not (a.isascii() and b.isascii()):
        return ""
    if is_hangul(a) and is_hangul(b):
        return " " if a in _KO_WORD_FINAL else ""
    return " "


def paragraphs(lines: list[str], default_lang: str | None = None) -> list[Paragraph]:
    """Clean paragraphs with their language, page-break splits repaired.

    A paragraph with neither Chinese nor Korean stays in place and takes the
    language around it: the one before it, or for the first ones, the one after.
    """
    raw = [clean_line(line) for line in lines]
    found = [Paragraph(text, language_of(text)) for text in raw if text]
    _fill_languages(found, default_lang)
    joined: list[Paragraph] = []
    for para in found:
        if joined and _continues(joined[-1], para):
            last = joined[-1]
            last.text = last.text + _joiner(last.text, para.text, last.lang or "zh") + para.text
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


def _continues(previous: Paragraph, para: Paragraph) -> bool:
    lang = previous.lang or "zh"
    return (
        previous.lang == para.lang
        and ends_open(previous.text, lang)
        and not is_heading_line(previous.text, lang)
        and not starts_new_element(para.text, lang)
    )
