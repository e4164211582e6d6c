"""Sino-Korean readings: how a Chinese word sounds in Korean.

Most of the vocabulary of a policy text is shared: 劳动密集型 is read 노동밀집형, and
a Korean translator writes 노동집약형. Chinese text is converted to traditional
characters (OpenCC ``s2t``), each character is looked up in the reading table
(``hanja_readings.txt``, made from the ``hanja`` package's data), and both sides are
normalised for the initial-sound law (두음법칙), so 勞 read 로 inside a word and 노 at
its start compare equal.

The tables are loaded once, on first use (a fraction of a second), and shared.
"""

from __future__ import annotations

from functools import cache

from .. import resources

HANGUL_FIRST = 0xAC00
HANGUL_LAST = 0xD7A3
_RIEUL, _NIEUN, _IEUNG = 5, 2, 11
# Medial vowels before which the initial-sound law drops ㄴ: ㅑ ㅕ ㅖ ㅛ ㅠ ㅣ.
_Y_VOWELS = frozenset({2, 6, 7, 12, 17, 20})


@cache
def _converter():
    import opencc

    return opencc.OpenCC("s2t")


@cache
def reading_table() -> dict[str, str]:
    """Han character → Hangul syllable, from the bundled ``hanja_readings.txt`` (made from
    the ``hanja`` package's table by scripts/make_readings.py; one line per syllable)."""
    table: dict[str, str] = {}
    text = resources.package_file("align", "hanja_readings.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            reading, chars = line.split(" ", 1)
            table.update(dict.fromkeys(chars, reading))
    return table


def load_tables() -> None:
    """Load the conversion and reading tables now rather than on first use."""
    _converter()
    reading_table()


def is_han(char: str) -> bool:
    code = ord(char)
    return 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF


def is_hangul(char: str) -> bool:
    return HANGUL_FIRST <= ord(char) <= HANGUL_LAST


def to_traditional(texts: list[str]) -> list[str]:
    """Convert many texts at once (one call into OpenCC, not one per sentence)."""
    if not texts:
        return []
    joined = _converter().convert("\n".join(t.replace("\n", " ") for t in texts))
    parts = joined.split("\n")
    if len(parts) != len(texts):  # never seen, but a conversion must not shift units
        return [_converter().convert(t) for t in texts]
    return parts


@cache
def normalise_syllable(syllable: str) -> str:
    """Undo the initial-sound law: 로/노 → 노, 려/녀/여 → 여, 률/율 → 율."""
    code = ord(syllable) - HANGUL_FIRST
    if not 0 <= code <= HANGUL_LAST - HANGUL_FIRST:
        return syllable
    initial, rest = divmod(code, 21 * 28)
    medial = rest // 28
    if initial == _RIEUL:
        initial = _NIEUN
    if initial == _NIEUN and medial in _Y_VOWELS:
        initial = _IEUNG
    return chr(HANGUL_FIRST + initial * 21 * 28 + rest)


@cache
def _reading_translation() -> dict[int, str]:
    return {ord(c): reading for c, reading in reading_table().items() if len(c) == 1 and is_han(c)}


@cache
def normalising_translation() -> dict[int, str]:
    """``str.translate`` table of ``normalise_syllable`` over every Hangul syllable."""
    table = {}
    for code in range(HANGUL_FIRST, HANGUL_LAST + 1):
        if (normal := normalise_syllable(chr(code))) != chr(code):
            table[code] = normal
    return table


def sino_reading(traditional: str) -> str:
    """The Hangul reading of the Han characters of a (traditional) text; any other
    character is kept as is, so word boundaries and punctuation survive."""
    return traditional.translate(_reading_translation())
