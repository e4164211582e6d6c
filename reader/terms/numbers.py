"""Numbers of a Chinese or a Korean sentence as comparable values.

Chinese numbers come as Arabic digits (2010年, 1.5万亿, 30%) or in Chinese numerals,
either digit by digit (二○一○年) or positional (三十一日, 一千五百, 百分之三十). A
Chinese numeral counts only where it is a quantity: followed by a unit or a measure
word (年 月 日 个 项 倍 元 …), after 第 or 百分之, or two or more numeral characters
long, so the 一 of 统一 and 进一步 is no number. Korean numbers are Arabic digits with
the large units 만, 억, 조 (and 천 before them: 1조 5천억 = 1.5万亿).

The numerals themselves are read by ``reader.text.numerals`` (the aligner's parser too).
The values compare as numbers: 二○一○年八月三十一日 gives 2010, 8, 31, as does
2010년 8월 31일 and 2010. 8. 31.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..text.numerals import DIGITS, LARGE_UNITS, NUMERAL_CHARS, SMALL_UNITS, chinese_numeral

KO_UNITS = {"만": 10**4, "억": 10**8, "조": 10**12}

#: What makes a run of Chinese numerals a quantity when it follows it.
_CN_MEASURES = "年月日号个项条款章节倍元名家所户人次位届期类种天周岁亩吨公里米%％"
#: A single numeral character (一个, 两项) is a quantity only before these: translators
#: render 一个 and 两项 with native Korean numerals or not at all.
_CN_STRICT_MEASURES = "年月日号条款章节倍%％"
_ZH_NUMBER = re.compile(rf"(?P<percent>百分之)?(?P<arabic>\d+(?:\.\d+)?)?(?P<cn>[{NUMERAL_CHARS}]+)?(?P<sign>[%％])?")
_KO_NUMBER = re.compile(r"(\d+(?:[.,]\d+)*)\s*(천|백)?\s*(만|억|조)?")


class Number(NamedTuple):
    value: float
    text: str
    start: int
    end: int


def chinese_numbers(text: str) -> list[Number]:
    numbers = []
    for match in _ZH_NUMBER.finditer(text):
        if not match.group(0) or not (match.group("arabic") or match.group("cn")):
            continue
        arabic, cn = match.group("arabic"), match.group("cn") or ""
        start, end = match.span()
        after = text[end : end + 1]
        before = text[max(0, start - 1) : start]
        if arabic:
            value = float(arabic)
            multiplier = 1
            for c in cn:
                if c in LARGE_UNITS:
                    multiplier *= LARGE_UNITS[c]
                elif c not in SMALL_UNITS:
                    break
            numbers.append(Number(value * multiplier, match.group(0), start, end))
            continue
        measures = _CN_STRICT_MEASURES if len(cn) == 1 else _CN_MEASURES
        quantity = (
            match.group("percent")
            or before == "第"
            or (after and after in measures)
            or match.group("sign")
            or (len(cn) >= 2 and any(c in DIGITS for c in cn))
        )
        if not quantity or (cn in ("万", "亿", "千", "百", "十") and not match.group("percent")):
            continue
        numbers.append(Number(float(chinese_numeral(cn)), match.group(0), start, end))
    return numbers


def korean_numbers(text: str) -> list[Number]:
    """Arabic numbers with their units; consecutive unit groups add up (1조 5천억)."""
    numbers: list[Number] = []
    for match in _KO_NUMBER.finditer(text):
        digits, small, large = match.groups()
        try:
            value = float(digits.replace(",", "")) if digits.count(".") <= 1 else None
        except ValueError:
            value = None
        if value is None:  # 2010.8.31 written without spaces: three numbers
            for part in digits.split("."):
                if part:
                    numbers.append(Number(float(part), part, match.start(), match.end()))
            continue
        if small:
            value *= 1000 if small == "천" else 100
        if large:
            value *= KO_UNITS[large]
        previous = numbers[-1] if numbers else None
        joined = (
            previous is not None and text[previous.end : match.start()].strip() == "" and previous.text[-1:] in "조억만"
        )
        if previous is not None and (
            (joined and large and KO_UNITS.get(previous.text[-1], 0) > KO_UNITS[large])
            or (joined and not large and small)
        ):
            numbers[-1] = Number(
                previous.value + value, text[previous.start : match.end()], previous.start, match.end()
            )
        else:
            numbers.append(Number(value, match.group(0).strip(), match.start(), match.end()))
    return numbers
