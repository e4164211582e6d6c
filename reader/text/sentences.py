"""Sentence units of Chinese and Korean.

Chinese units end at 。！？ and also at ；: policy texts chain whole provisions with
semicolons, and translators routinely render each of them as a Korean sentence of its
own, so the semicolon is where the two languages can be aligned. Chinese copied from
the web uses ASCII ``? ! ;`` and ``.`` for the same: they end a unit too, but not
inside a number (3.5, 1;2), a URL (``?lang=zh;ref=1``) or a Latin word, which is why
an ASCII mark ends a unit only before a space, the end, or a Chinese character, and a
period only after a Chinese character and before a space or the end (维尔赫姆.斯坦尼茨
is a name written with a period for the middle dot).

Korean units end at a sentence-final . ! ? followed by space or the end, never after
a number such as "1." or "(1)", a date such as "2010. 8. 31." or a legal numbering
such as "제 3 항.". Korean written
without any sentence punctuation (chat, subtitles, some web pages) ends its sentences
only in verb endings (…다, …요); there kiwipiepy's sentence splitter finds the ends.
Kiwi takes about a second and a few hundred MB to load, so it is loaded on the first
such paragraph only, once per process.
"""

from __future__ import annotations

import re
import threading
from typing import Any

_CLOSE = r"[”’」』）)\"']*"
_ZH_END = re.compile(rf"(?:[。！？；]+|[!?;]+(?=\s|$|[^\x00-\x7f])|(?<=[\u4e00-\u9fff])\.(?=\s|$)){_CLOSE}")
_KO_END = re.compile(r"[.!?]+[”’」』）)\"']*(?=\s|$)")
# No sentence ends at a period after a number (1., (3).), a short Latin word (e.g., Dr.)
# or a legal numbering (제 3 항., 제2조.: the mark of a label, as in 제 0 항. 본 라이센스는 …).
_NO_BREAK_BEFORE = re.compile(r"(?:^|\s)(?:\(?\d{1,4}\)?|[A-Za-z]{1,3}|\d+\.\d+|제\s?\d{1,3}\s?[조항호장편])$")
_KO_SENTENCE_MARK = re.compile(r"[.!?。！？]|[:;：；…]\s*$")
# A verb ending followed by more words: a sentence end inside the paragraph.
_KO_INNER_END = re.compile(r"[다요죠까]\s+\S")
# The formal declarative ending (…합니다, …입니다, …습니다) ends a sentence wherever it is
# followed by a space: Kiwi reads it as a connective before a Latin word (작동합니다
# glChess는 …, 게임입니다 glChess는 …) and so misses those ends.
_KO_FORMAL_END = re.compile(r"니다(?=\s+\S)")
#: A Korean paragraph without punctuation shorter than this is a heading or a single
#: sentence: not worth loading Kiwi for.
KIWI_MIN_LENGTH = 24


def split_zh(text: str) -> list[str]:
    units: list[str] = []
    start = 0
    for match in _ZH_END.finditer(text):
        unit = text[start : match.end()].strip()
        if unit:
            units.append(unit)
        start = match.end()
    rest = text[start:].strip()
    if rest:
        units.append(rest)
    return units


def split_ko(text: str) -> list[str]:
    if len(text) >= KIWI_MIN_LENGTH and _KO_INNER_END.search(text) and not _KO_SENTENCE_MARK.search(text):
        return split_ko_unpunctuated(text)
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


class _SentenceSplitter:
    """One Kiwi for the process, built on first use; calls are serialised."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._kiwi: Any = None  # kiwipiepy.Kiwi, imported on first use

    def ends(self, text: str) -> list[int]:
        with self._lock:
            if self._kiwi is None:
                from kiwipiepy import Kiwi

                # Sentence ends need no typo, multi-word or web dictionaries (~300 MB).
                self._kiwi = Kiwi(load_typo_dict=False, load_multi_dict=False, load_default_dict=False)
            return [sentence.end for sentence in self._kiwi.split_into_sents(text)]

    @property
    def loaded(self) -> bool:
        return self._kiwi is not None


KOREAN_SPLITTER = _SentenceSplitter()


def split_ko_unpunctuated(text: str) -> list[str]:
    """Korean sentences found by their verb endings; the text is cut, never rewritten."""
    units: list[str] = []
    start = 0
    formal = (m.end() for m in _KO_FORMAL_END.finditer(text))
    for end in sorted(set(KOREAN_SPLITTER.ends(text)).union(formal)):
        unit = text[start:end].strip()
        if unit:
            units.append(unit)
        start = max(start, end)
    rest = text[start:].strip()
    if rest:
        units.append(rest)
    return units


def split_sentences(text: str, lang: str) -> list[str]:
    return split_zh(text) if lang == "zh" else split_ko(text)
