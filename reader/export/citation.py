"""How a Korean official cites a place in a Chinese policy document.

A clause is cited by the document number and the clause's labels in each
language: ``国发〔2010〕28号 二（三） / 2.(3)``. When the document has no Korean
text, the Korean labels are derived from the Chinese ones (``二`` → ``2.``,
``（三）`` → ``(3)``), the numbering Korean translations use.
"""

from __future__ import annotations

import re

_DIGITS = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100}


def chinese_number(text: str) -> int | None:
    """The value of a Chinese numeral up to 999 (``二十三`` → 23), or None."""
    if not text or any(ch not in _DIGITS and ch not in _UNITS for ch in text):
        return None
    if all(ch in _DIGITS for ch in text) and len(text) > 1:
        return int("".join(str(_DIGITS[ch]) for ch in text))  # 二○一○ read digit by digit
    total, digit = 0, None
    for ch in text:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        else:
            total += (1 if digit is None else digit) * _UNITS[ch]
            digit = None
    return total + (digit or 0)


_PART = re.compile(r"^([〇○零一二三四五六七八九十百]+)[、.．]?$")
_CLAUSE = re.compile(r"^[（(]([〇○零一二三四五六七八九十百]+)[）)]$")
_ARABIC = re.compile(r"^[（(]?(\d+)[）).．、]?$")


def korean_label(chinese_label: str, kind: str) -> str:
    """The label a Korean translation gives a Chinese part or clause label."""
    label = chinese_label.strip()
    match = _PART.match(label)
    if match and kind == "part":
        value = chinese_number(match.group(1))
        return f"{value}." if value is not None else label
    match = _CLAUSE.match(label)
    if match:
        value = chinese_number(match.group(1))
        return f"({value})" if value is not None else label
    return label


def join_labels(labels: list[str]) -> str:
    """Part and clause labels as one reference: ``二`` + ``（三）`` → ``二（三）``, ``2.`` + ``(3)`` → ``2.(3)``."""
    return "".join(label.strip() for label in labels if label.strip())


def citation_line(doc_number: str, zh_ref: str, ko_ref: str) -> str:
    """``国发〔2010〕28号 二（三） / 2.(3)`` (parts that are unknown are left out)."""
    first = " ".join(part for part in (doc_number, zh_ref) if part)
    if ko_ref and ko_ref != zh_ref:
        return f"{first} / {ko_ref}" if first else ko_ref
    return first


_DATE = re.compile(
    r"^\s*([〇○零一二三四五六七八九\d]{4})\s*年\s*([一二三四五六七八九十\d]{1,3})\s*月\s*([一二三四五六七八九十\d]{1,4})\s*日"
)


def korean_date(text: str) -> str:
    """A Chinese date as Korean official documents write dates: ``二○一○年八月三十一日`` → ``2010. 8. 31.``.

    Returns '' when the text is not such a date.
    """
    match = _DATE.match(text or "")
    if not match:
        return ""
    values = []
    for part in match.groups():
        value = int(part) if part.isdigit() else chinese_number(part)
        if value is None:
            return ""
        values.append(value)
    year, month, day = values
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return ""
    return f"{year}. {month}. {day}."


#: Korean names of issuing bodies that policy documents name most often.
ISSUERS_KO = {
    "中共中央": "중국공산당 중앙위원회",
    "国务院": "국무원",
    "国务院办公厅": "국무원 판공청",
    "中共中央办公厅": "중국공산당 중앙판공청",
    "全国人民代表大会常务委员会": "전국인민대표대회 상무위원회",
    "国家发展和改革委员会": "국가발전개혁위원회",
    "国家发展改革委": "국가발전개혁위원회",
    "工业和信息化部": "공업정보화부",
    "财政部": "재정부",
    "商务部": "상무부",
    "科学技术部": "과학기술부",
    "生态环境部": "생태환경부",
    "中国人民银行": "중국인민은행",
}


def korean_issuer(issuer: str) -> str:
    """``국무원 (国务院)`` for a known issuing body; the Chinese name as it is otherwise."""
    names = [name.strip() for name in re.split(r"[、，,\s]+", issuer.strip()) if name.strip()]
    if names and all(name in ISSUERS_KO for name in names):
        return f"{'·'.join(ISSUERS_KO[name] for name in names)} ({issuer.strip()})"
    return issuer
