"""Folding text to one searchable form, one character at a time.

Chinese is indexed and queried in simplified characters, so that a query in
traditional characters (產業轉移), in Korean Hanja (勞動密集型, mostly traditional
forms) or in Japanese shinjitai (産業, 経済) finds the simplified text, and the
other way round. Folding maps every character to exactly one character, so an
offset into the folded text is an offset into the original: highlights computed on
the folded text fall on the right characters of the text the user reads.

OpenCC's ``t2s`` folds traditional forms (Hanja included). Japanese shinjitai
that ``t2s`` leaves alone go through ``jp2t`` first (経 → 經 → 经), but only when
the result is a far more common Chinese character than the original: 予, 芸, 欠
and 浜 are shinjitai *and* ordinary Chinese characters with their own meaning, and
must stay as they are. Frequencies come from jieba's bundled dictionary.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

#: A Japanese form is folded when its Chinese target is this many times as frequent.
SHINJITAI_RATIO = 10

_HAN_RANGES = (
    (0x3400, 0x4DBF),  # extension A
    (0x4E00, 0x9FFF),  # unified ideographs
    (0xF900, 0xFAFF),  # compatibility ideographs (Korean Hanja duplicates)
    (0x20000, 0x2FA1F),  # extensions B–F, compatibility supplement
)


def is_han(char: str) -> bool:
    if "\u4e00" <= char <= "\u9fff":
        return True
    code = ord(char)
    return any(low <= code <= high for low, high in _HAN_RANGES)


def is_hangul(char: str) -> bool:
    code = ord(char)
    return 0xAC00 <= code <= 0xD7A3 or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F


class _FoldTable(dict):
    """A ``str.translate`` table filled on first sight of each character."""

    def __init__(self, fold_char: Callable[[str], str]):
        super().__init__()
        self._fold_char = fold_char
        self._lock = threading.Lock()

    def __missing__(self, code: int) -> str:
        with self._lock:
            folded = self._fold_char(chr(code))
            self[code] = folded
            return folded


class Folder:
    """Folds Han variants to simplified Chinese, full-width ASCII to ASCII, and case."""

    def __init__(self, frequency: Callable[[str], int]):
        import opencc

        self._t2s = opencc.OpenCC("t2s")
        self._jp2t = opencc.OpenCC("jp2t")
        self._frequency = frequency
        self._table = _FoldTable(self._fold_char)

    def fold(self, text: str) -> str:
        return text.translate(self._table)

    def _fold_char(self, char: str) -> str:
        code = ord(char)
        if 0xFF01 <= code <= 0xFF5E:  # full-width ASCII: ２０１０ → 2010
            return chr(code - 0xFEE0).lower()
        if code < 0x80:
            return char.lower()
        if not is_han(char):
            return char
        simplified = self._t2s.convert(char)
        if len(simplified) != 1:
            return char
        if simplified != char:
            return simplified
        via_japanese = self._t2s.convert(self._jp2t.convert(char))
        if (
            len(via_japanese) == 1
            and via_japanese != char
            and self._frequency(via_japanese) > SHINJITAI_RATIO * self._frequency(char)
        ):
            return via_japanese
        return char
