"""Chinese numerals as numbers: the one parser the aligner and the translation checks share.

A run of numeral characters is read digit by digit when it holds digits only (二○一○
→ 2010, the way years are written) and positionally otherwise (三十一 → 31, 一千五百 →
1500, 一百零五 → 105, 十 → 10). 万 and 亿 close a section: 三万五千 → 35000, 一亿二千万 →
120000000, 三万亿 → 3000000000000. Which runs are quantities at all (the 一 of 统一 is
not) is for the caller to say: the aligner and the checks ask differently.
"""

from __future__ import annotations

DIGITS = {
    "〇": 0,
    "○": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
LARGE_UNITS = {"万": 10**4, "亿": 10**8}
#: Every character of a Chinese numeral.
NUMERAL_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(LARGE_UNITS)


def chinese_numeral(text: str) -> int:
    """The value of a run of Chinese numerals (characters outside ``NUMERAL_CHARS`` are
    ignored). A unit without a digit before it counts one of it (十五 → 15, 万 → 10000);
    a digit that follows a digit replaces it (零 only marks a gap: 一百零五)."""
    if text and all(c in DIGITS for c in text):
        return int("".join(str(DIGITS[c]) for c in text))
    total = section = digit = 0
    for c in text:
        if c in DIGITS:
            digit = DIGITS[c]
        elif c in SMALL_UNITS:
            section += (digit or 1) * SMALL_UNITS[c]
            digit = 0
        elif c == "万":
            total += (section + digit or 1) * LARGE_UNITS[c]
            section = digit = 0
        elif c == "亿":  # 亿 multiplies what came before it, 万 included (三万亿)
            total = (total + section + digit or 1) * LARGE_UNITS[c]
            section = digit = 0
    return total + section + digit
