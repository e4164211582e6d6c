"""Abbreviations two Chinese documents use, with what they stand for, read from the texts.

A successor policy often shortens what its predecessor spelt out: 2021's “两高”项目 are
2010's 高耗能、高排放 projects. Neither wording nor terms can see that the two are one
thing, but a reader can, from the texts themselves:

- a **numbered abbreviation** in quotation marks, a numeral and one character (“两高”,
  “三高”), stands for that many listed items that each begin with the character, as one
  of the two documents lists them (高耗能、高排放): the list is looked for in both texts;
- a **definition** ``…（以下简称“X”）`` or ``…（简称“X”）`` says what X stands for: the
  words before the parenthesis, back to the last punctuation mark.

``expanded`` appends what an abbreviation stands for to every text that uses it, so the
wording and term signals of a successor comparison see both forms. Nothing is looked up
outside the two documents and no list of abbreviations is kept.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_NUMERALS = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_NUMBERED = re.compile(r"“([两二三四五六七八九])([\u4e00-\u9fff])”")
#: ``…（以下简称“X”）``: what stands before the parenthesis, back to a punctuation mark.
_DEFINED = re.compile(r"([^，。；：、（）“”\s]{2,30})[（(](?:以下)?简称[“\"]([^”\"]{1,12})[”\"][）)]")
#: One listed item after its first character: one or two characters that do not end
#: the list (等 closes it, 和/及/与 join the last item).
_ITEM_TAIL = r"[\u4e00-\u9fff](?:(?![等和及与])[\u4e00-\u9fff])?"
#: What precedes a list: not another item (the list would be taken from its middle).
_LIST_START = r"(?<!、)"
#: What follows a whole list: not the rest of an item that another item follows (the
#: list would be cut short: 高标准、高质 of 高标准、高质量、高效率).
_LIST_END = r"(?![\u4e00-\u9fff]{0,2}、)"


def _listed(head: str, count: int, texts: str) -> str | None:
    """The first list of ``count`` items that each begin with ``head`` (高耗能、高排放)."""
    item = re.escape(head) + _ITEM_TAIL
    found = re.search(_LIST_START + item + f"[、和及与]{item}" * (count - 1) + _LIST_END, texts)
    return found.group(0) if found else None


def abbreviations(a_texts: Sequence[str], b_texts: Sequence[str]) -> dict[str, str]:
    """Abbreviation → what it stands for, found in the texts of two documents."""
    everything = "\n".join([*a_texts, *b_texts])
    found: dict[str, str] = {}
    for match in _DEFINED.finditer(everything):
        found.setdefault(match.group(2), match.group(1))
    for match in _NUMBERED.finditer(everything):
        short = match.group(1) + match.group(2)
        if short not in found and (spelt := _listed(match.group(2), _NUMERALS[match.group(1)], everything)):
            found[short] = spelt
    return found


def expanded(texts: Sequence[str], table: dict[str, str]) -> list[str]:
    """The texts, each followed by what the abbreviations it uses stand for."""
    if not table:
        return list(texts)
    out = []
    for text in texts:
        spelt = [long for short, long in table.items() if short in text and long not in text]
        out.append(text + "".join(f"（{long}）" for long in spelt))
    return out
