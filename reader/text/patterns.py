"""The numbering and layout conventions of Chinese and Korean official documents.

Chinese documents number parts 一、, clauses （一） and items 1. / （1） / ——;
their Korean translations number parts 1., clauses (1) and items - or 가.
"""

from __future__ import annotations

import re

CN_NUM = "一二三四五六七八九十百零〇两"
_CN = f"[{CN_NUM}]+"

# Regulations number chapters 第一章 / 제1장 and articles 第一条 / 제1조 instead.
PART = {
    "zh": re.compile(rf"^(?P<label>{_CN}(?=\s*[、．.])|第{_CN}[章编部分]+)\s*[、．.]?\s*"),
    "ko": re.compile(rf"^(?P<label>\d{{1,2}}\.|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+\.?|{_CN}、|제\s?\d{{1,2}}\s?[장편])\s*(?=\D)"),
}
CLAUSE = {
    "zh": re.compile(rf"^(?P<label>[（(]{_CN}[）)]|第{_CN}条)\s*"),
    "ko": re.compile(
        rf"^(?P<label>[（(](?:\d{{1,3}}|{_CN})[）)]|제\s?\d{{1,3}}\s?조(?:의\d+)?(?:\([^)]{{1,20}}\))?)\s*"
    ),
}
ITEM = {
    "zh": re.compile(r"^(?P<label>——|—|－－|--|[•·●○◆■□▪]|[①-⑳]|\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[）)])\s*"),
    "ko": re.compile(r"^(?P<label>[-–—·•○◦▪□■※]|[①-⑳]|\d{1,2}\)|[가나다라마바사아자차카타파하][.)])\s*"),
}

_DATE_ZH = r"[〇○零一二三四五六七八九十\d]{2,4}\s*年\s*[〇○零一二三四五六七八九十\d]{1,3}\s*月\s*[〇○零一二三四五六七八九十\d]{1,3}\s*日"
_DATE_KO = r"\d{4}\s*년\s*\d{1,2}\s*월\s*\d{1,2}\s*일|\d{4}\.\s*\d{1,2}\.\s*\d{1,2}\.?"
DATE = re.compile(rf"^(?:{_DATE_ZH}|{_DATE_KO})$")
SIGNATURE_WITH_DATE = re.compile(rf"^(?P<issuer>\S(?:.*?\S)?)[\s\u3000]{{2,}}(?P<date>{_DATE_ZH}|{_DATE_KO})$")

DOC_NUMBER = re.compile(r"^[^\s，。,]{1,16}[〔\[［【(（]\s*\d{4}\s*[〕\]］】)）]\s*第?\s*\d{1,4}\s*[号號호]$")

# Where a sentence, and so possibly a paragraph, can end.
ZH_TERMINAL = "。！？；：!?;:…"
KO_TERMINAL = ".!?;:…。"
CLOSERS = "”’」』）)》〉\"'"
# Korean official prose may end a paragraph on a verb or nominal ending without a period.
KO_FINAL_SYLLABLES = "다요음함임됨"

PUNCTUATION = re.compile(r"[，。、；：！？,.;:!?]")
# A line ending in a particle or conjunction is cut prose, never a heading or title.
CONTINUATION_ENDINGS = {"zh": "的和与及在对把从向为等并或之", "ko": "의을를이가에와과고며서도로는은및"}


def structure_label(text: str, lang: str) -> tuple[str, str, str] | None:
    """(kind, label, rest of the text) if the paragraph starts a part, clause or item."""
    for kind, table in (("part", PART), ("clause", CLAUSE), ("item", ITEM)):
        match = table[lang].match(text)
        if match and match.end() < len(text):
            return kind, match.group("label"), text[match.end() :]
    return None


def starts_new_element(text: str, lang: str) -> bool:
    """True if a paragraph begins something of its own: never glue it to the previous one."""
    return bool(
        structure_label(text, lang) or DOC_NUMBER.match(text) or DATE.match(text) or SIGNATURE_WITH_DATE.match(text)
    )


def is_heading_line(text: str, lang: str) -> bool:
    """A title or heading on its own line: short, with no sentence punctuation inside."""
    limit = 40 if lang == "zh" else 80
    if len(text) > limit:
        return False
    found = structure_label(text, lang)
    body = found[2] if found else text
    if body.rstrip()[-1:] in CONTINUATION_ENDINGS[lang]:
        return False
    return not PUNCTUATION.search(body.rstrip("。.：:"))


def ends_open(text: str, lang: str) -> bool:
    """True if the paragraph stops where no sentence can end (a page break cut it)."""
    stripped = text.rstrip()
    core = stripped.rstrip(CLOSERS)
    if not core:
        return False
    last = core[-1]
    if lang == "ko":
        return last not in KO_TERMINAL and last not in KO_FINAL_SYLLABLES
    return last not in ZH_TERMINAL
