"""The numbering and layout conventions of Chinese and Korean documents.

Official Chinese documents number parts 一、, clauses （一） and items 1. / （1） / ——;
their Korean translations number parts 1., clauses (1) and items - or 가.
Regulations number chapters 第一章 / 제1장 and articles 第一条 / 제1조 / 1조 - 정의.,
with numbered paragraphs 1. 2. or ① ② inside; the legal hierarchy below the article,
第N款 / 제N항 (paragraph) and 第N项 / 제N호 (item), is also written out (제 3 항. in
translated licences, where it numbers the sections). Documents copied from the web add
Markdown headings (# / ##), bullets (* / -) and nested lists: a. b., A., i. ii., (1),
（1）, ①.

Every label has a *style* (``decimal-dot`` for 1., ``paren-cn`` for （一） …): the
structure parser nests a new style under the open one and returns to an open style
when its next label comes (reStructuredText's rule for enumerated lists), so nesting
needs no indentation, which the cleanup step has removed anyway. All bullets (——, -,
*, •) are one style: a list of * after a list of - is the next list, not a nested one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

CN_NUM = "一二三四五六七八九十百零〇两"
_CN = f"[{CN_NUM}]+"

#: The kinds of labelled units, outermost first.
LABEL_KINDS = ("part", "clause", "item")


@dataclass(frozen=True)
class Label:
    """The numbering a paragraph starts with."""

    style: str  # e.g. "decimal-dot"; the same style means the same list
    label: str  # the numbering as printed, without trailing space: 一、 → 一, (3), 1.
    rest: str  # the text after the numbering (and the space after it)
    kind: str  # the kind this style prefers: part, clause or item

    @property
    def start(self) -> int:
        """Length of the prefix (label and the space after it) that ``rest`` follows."""
        return -len(self.rest) if self.rest else 0


_ROMAN_LOWER = "(?:i{1,3}|iv|vi{0,3}|ix|x{1,3}|xi{1,3}|xiv|xv)"
_ROMAN_UPPER = _ROMAN_LOWER.upper()

# A numbering of the legal hierarchy is a label only where it is not a reference that
# opens a sentence (第三条规定的…, 제 3 항의 규정에 따라, 제1항 및 제2항에 따라).
# 第三条 and 제3조 (an article) are labels unless such a reference follows at once
# (第三条所称…, 第三条至第五条, 제3조의 규정: a particle; 제3조의2 is an article).
# 第二款 / 제 3 항 / 제1호 (a paragraph, an item) are labels only when a mark, a space
# before anything but a conjunction or another reference, or the line's end follows
# them. The mark after a Korean one (제 0 항.) is printed numbering, like the 、 of 一、,
# and not part of the rest.
_ZH_REFERENCE = r"规定|的|所[称列指述规]|至第|[、和及或]第"
_ZH_LEGAL_END = r"(?:\s*[．.：:]\s*|、(?!\s*第)\s*|\s+(?=\S)(?![和及或至第])|\s*$)"
_KO_LEGAL_TITLE = r"(?:\s?\([^)]{1,20}\))?"
_KO_LEGAL_END = r"(?:\s*[.:]\s*|\s+(?=\S)(?!(?:및|또는|내지|부터|까지)(?:\s|$)|제\s?\d)|\s*$)"

# (style, preferred kind, pattern of the label), tried in this order, per language.
# The label is group "label"; what the pattern matches after it is dropped from the
# rest (the 、 of 一、, the space after a bullet).
_COMMON = (
    ("circled", "item", r"(?P<label>[①-⑳㉑-㉟])\s*"),
    ("roman-upper", "part", r"(?P<label>[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+\.?)\s*"),
    ("paren-alpha", "item", r"(?P<label>[（(][a-z][）)])\s*"),
    ("paren-roman", "item", rf"(?P<label>[（(]{_ROMAN_LOWER}[）)])\s*"),
    ("alpha-lower", "part", r"(?P<label>[a-z][.)])(?:\s+|(?=[^\x00-\x7f]))"),
    ("roman-lower", "part", rf"(?P<label>{_ROMAN_LOWER}[.)])(?:\s+|(?=[^\x00-\x7f]))"),
    ("roman-upper-ascii", "part", rf"(?P<label>{_ROMAN_UPPER}[.)])(?:\s+|(?=[^\x00-\x7f]))"),
    ("alpha-upper", "part", r"(?P<label>[A-Z][.)])(?:\s+|(?=[^\x00-\x7f]))"),
    ("decimal-paren", "part", r"(?P<label>\d{1,2}\))\s*"),
    ("bullet", "item", r"(?P<label>[*+])\s+"),
)
_STYLES = {
    "zh": (
        ("chapter", "part", rf"(?P<label>第(?:{_CN}|\d{{1,3}})[章编部分]+)\s*[、．.]?\s*"),
        ("article", "clause", rf"(?P<label>第(?:{_CN}|\d{{1,3}})条)(?!{_ZH_REFERENCE})\s*"),
        ("legal-paragraph", "part", rf"(?P<label>第(?:{_CN}|\d{{1,3}})款){_ZH_LEGAL_END}"),
        ("legal-item", "part", rf"(?P<label>第(?:{_CN}|\d{{1,3}})项){_ZH_LEGAL_END}"),
        ("cn-comma", "part", rf"(?P<label>{_CN})\s*[、．.]\s*"),
        ("paren-cn", "clause", rf"(?P<label>[（(]{_CN}[）)])\s*"),
        ("paren-decimal", "item", r"(?P<label>[（(]\d{1,2}[）)])\s*"),
        ("decimal-dot", "part", r"(?P<label>\d{1,2}[.．、])(?!\d)\s*"),
        ("bullet", "item", r"(?P<label>——|—|－－|--|[•·●○◆■□▪])\s*"),
        ("bullet", "item", r"(?P<label>[-–])\s+"),
        *_COMMON,
    ),
    "ko": (
        ("chapter", "part", r"(?P<label>제\s?\d{1,2}\s?[장편])\s*"),
        (
            "article",
            "clause",
            r"(?P<label>제\s?\d{1,3}\s?조(?:의\s?\d+)?(?![의에을를과와은는도])(?:\s?\([^)]{1,20}\))?"
            r"|\d{1,3}\s?조(?:의\s?\d+)?(?=\s*[-–—:.(]))"
            r"\s*(?:[-–—:]\s*)?",
        ),
        ("legal-paragraph", "part", rf"(?P<label>제\s?\d{{1,3}}\s?항{_KO_LEGAL_TITLE}){_KO_LEGAL_END}"),
        ("legal-item", "part", rf"(?P<label>제\s?\d{{1,2}}\s?호{_KO_LEGAL_TITLE}){_KO_LEGAL_END}"),
        ("cn-comma", "part", rf"(?P<label>{_CN}、)\s*"),
        ("paren-decimal", "clause", r"(?P<label>[（(]\d{1,3}[）)])\s*"),
        ("paren-cn", "clause", rf"(?P<label>[（(]{_CN}[）)])\s*"),
        ("decimal-dot", "part", r"(?P<label>\d{1,2}\.)(?!\d)\s*(?=\D)"),
        ("hangul", "item", r"(?P<label>[가나다라마바사아자차카타파하][.)])\s*"),
        ("bullet", "item", r"(?P<label>[-–—·•○◦▪□■※●◆])\s*"),
        *_COMMON,
    ),
}
_COMPILED = {lang: [(s, k, re.compile("^" + p)) for s, k, p in table] for lang, table in _STYLES.items()}

#: Styles whose label appears as one of a list (a. b. c.): a label that fits two of
#: them (i. after h.) takes the one whose list it continues.
AMBIGUOUS_STYLES = {"roman-lower": "alpha-lower", "roman-upper-ascii": "alpha-upper"}

_DATE_ZH = r"[〇○零一二三四五六七八九十\d]{2,4}\s*年\s*[〇○零一二三四五六七八九十\d]{1,3}\s*月\s*[〇○零一二三四五六七八九十\d]{1,3}\s*日"
_DATE_KO = r"\d{4}\s*년\s*\d{1,2}\s*월\s*\d{1,2}\s*일|\d{4}\.\s*\d{1,2}\.\s*\d{1,2}\.?"
DATE = re.compile(rf"^(?:{_DATE_ZH}|{_DATE_KO})$")
SIGNATURE_WITH_DATE = re.compile(rf"^(?P<issuer>\S(?:.*?\S)?)[\s\u3000]{{2,}}(?P<date>{_DATE_ZH}|{_DATE_KO})$")

DOC_NUMBER = re.compile(r"^[^\s，。,]{1,16}[〔\[［【(（]\s*\d{4}\s*[〕\]］】)）]\s*第?\s*\d{1,4}\s*[号號호]$")

# A Korean heading set with a space between its syllables: 세 계 인 권 선 언, 전 문.
SPACED_HEADING = re.compile(r"^[가-힣](?: [가-힣]){1,15}$")

# Where a sentence, and so possibly a paragraph, can end.
ZH_TERMINAL = "。！？；：!?;:…."
KO_TERMINAL = ".!?;:…。"
CLOSERS = "”’」』）)》〉\"'"
# Korean official prose may end a paragraph on a verb or nominal ending without a period.
KO_FINAL_SYLLABLES = "다요음함임됨"

PUNCTUATION = re.compile(r"[，。、；：！？,.;:!?]")
# A line ending in a particle or conjunction is cut prose, never a heading or title.
CONTINUATION_ENDINGS = {"zh": "的和与及在对把从向为等并或之", "ko": "의을를이가에와과고며서도로는은및"}


#: Styles whose label may stand alone on its line (제 1 조, with the article below).
_ALONE = frozenset({"chapter", "article", "legal-paragraph", "legal-item"})


# Every label starts with one of these: most paragraphs are ruled out at once.
_LABEL_START = (
    frozenset(
        f"0123456789（(第제{CN_NUM}가나다라마바사아자차카타파하-–—－·•●○◆■□▪◦※*+ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ"
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    )
    | frozenset(chr(c) for c in range(ord("①"), ord("⑳") + 1))
    | frozenset(chr(c) for c in range(ord("㉑"), ord("㉟") + 1))
)


@lru_cache(maxsize=8192)
def find_label(text: str, lang: str) -> Label | None:
    """The numbering or bullet a paragraph starts with, if any (and some text follows,
    except for a chapter or article, whose text may come in the next paragraph)."""
    if not text or text[0] not in _LABEL_START:
        return None
    for style, kind, pattern in _COMPILED[lang]:
        match = pattern.match(text)
        if match and (match.end() < len(text) or style in _ALONE):
            label = match.group("label")
            if style == "cn-comma" and lang == "zh":
                label = label.rstrip("、").strip()
            return Label(style, label, text[match.end() :], kind)
    return None


def structure_label(text: str, lang: str) -> tuple[str, str, str] | None:
    """(preferred kind, label, rest of the text) if the paragraph starts with a label."""
    found = find_label(text, lang)
    return (found.kind, found.label, found.rest) if found else None


def starts_new_element(text: str, lang: str) -> bool:
    """True if a paragraph begins something of its own: never glue it to the previous one."""
    return bool(
        find_label(text, lang)
        or DOC_NUMBER.match(text)
        or DATE.match(text)
        or SIGNATURE_WITH_DATE.match(text)
        or (lang == "ko" and SPACED_HEADING.match(text))
    )


def is_heading_line(text: str, lang: str) -> bool:
    """A title or heading on its own line: short, with no sentence punctuation inside."""
    limit = 40 if lang == "zh" else 80
    if len(text) > limit:
        return False
    found = find_label(text, lang)
    body = found.rest if found else text
    one_word = lang == "ko" and " " not in body.strip()
    if body.rstrip()[-1:] in CONTINUATION_ENDINGS[lang] and not (one_word or SPACED_HEADING.match(body)):
        return False
    return not PUNCTUATION.search(body.rstrip("。.：:"))


def is_bold_heading(text: str, lang: str) -> bool:
    """Whether a paragraph that was wholly bold (``**보증의 결여**``) is a heading: a
    heading line (short, no sentence punctuation inside) that stops where no sentence
    ends. A bold sentence stays body text, in either language: ``**不必慌张。**``,
    ``**시행한다.**`` and ``**시행한다**`` (a Korean verb ending closes a sentence
    without a period)."""
    return is_heading_line(text, lang) and ends_open(text, lang)


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
