"""Sentence units of Chinese and Korean.

Chinese units end at 。！？ and also at ；: policy texts chain whole provisions with
semicolons, and translators routinely render each of them as a Korean sentence of its
own, so the semicolon is where the two languages can be aligned. Korean units end at
a sentence-final . ! ? followed by space or the end, never after a number such as
"1." or "(1)" or a date such as "2010. 8. 31.".
"""

from __future__ import annotations

import re

_ZH_UNIT = re.compile(r"[^。！？；!?;]*(?:[。！？；!?;]+[”’」』）)\"']*|$)")
_KO_END = re.compile(r"[.!?]+[”’」』）)\"']*(?=\s|$)")
_NO_BREAK_BEFORE = re.compile(r"(?:^|\s)(?:\(?\d{1,4}\)?|[A-Za-z]{1,3}|\d+\.\d+)$")


def split_zh(text: str) -> list[str]:
    return [unit.strip() for unit in _ZH_UNIT.findall(text) if unit.strip()]


def split_ko(text: str) -> list[str]:
    units: list[str] = []
    start = 0
    for match in _KO_END.finditer(text):
        before = text[start : match.start()]
        if _NO_BREAK_BEFORE.search(before):
            continue
        unit = text[start : match.end()].strip()
        if unit:
            units.append(unit)
        start = match.end()
    rest = text[start:].strip()
    if rest:
        units.append(rest)
    return units


def split_sentences(text: str, lang: str) -> list[str]:
    return split_zh(text) if lang == "zh" else split_ko(text)
