"""Character classes of the scripts we read: Han, Hangul and full-width forms."""

from __future__ import annotations

import re


def is_han(ch: str) -> bool:
    o = ord(ch)
    return (
        0x4E00 <= o <= 0x9FFF
        or 0x3400 <= o <= 0x4DBF
        or 0xF900 <= o <= 0xFAFF
        or 0x20000 <= o <= 0x2FA1F
        or ch in "〇○"
    )


def is_hangul(ch: str) -> bool:
    o = ord(ch)
    return 0xAC00 <= o <= 0xD7A3 or 0x1100 <= o <= 0x11FF or 0x3130 <= o <= 0x318F


def _is_wide(ch: str) -> bool:
    """A Chinese character or a full-width mark (，。、“” and the CJK brackets)."""
    o = ord(ch)
    return is_han(ch) or 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF or ch in "“”‘’…—"


def soft_break_joiner(previous: str, following: str) -> str:
    """What a line end inside a paragraph becomes when its lines are joined (a Markdown
    soft break, a hard-wrapped line): nothing beside Chinese, a space beside Korean
    (wrapped at the spaces between its words) or between two Latin words."""
    a, b = previous[-1], following[0]
    if is_hangul(a) or is_hangul(b):
        return " "
    return "" if _is_wide(a) or _is_wide(b) else " "


def count_scripts(text: str) -> tuple[int, int]:
    """(Han characters, Hangul characters) in text."""
    han = hangul = 0
    for ch in text:
        if is_hangul(ch):
            hangul += 1
        elif is_han(ch):
            han += 1
    return han, hangul


def language_of(text: str) -> str | None:
    """'zh', 'ko', or None for text with neither script.

    Korean prose often carries Hanja in parentheses (성도(省會), 大개발), so any
    text whose Hangul reaches half its Han count is Korean.
    """
    han, hangul = count_scripts(text)
    if hangul and hangul * 2 >= han:
        return "ko"
    if han:
        return "zh"
    return None


_NONWORD = re.compile(r"[\W_]+")


def letters_only(text: str) -> str:
    """Letters and digits only, lower-cased: for content hashes and comparisons."""
    return _NONWORD.sub("", text).lower()


def is_kana(ch: str) -> bool:
    """Hiragana or katakana (Japanese, never Chinese or Korean)."""
    return "\u3040" <= ch <= "\u30ff" or "\u31f0" <= ch <= "\u31ff" or "\uff66" <= ch <= "\uff9d"


#: Kana beyond this share of the Han and kana letters make a text Japanese, not Chinese.
JAPANESE_KANA_SHARE = 0.05


def language_notices(texts) -> list[str]:
    """What the user should know about the languages of imported text, beyond the
    Chinese/Korean split: Japanese is read as Chinese (its kanji are Han characters),
    so a text with a real share of kana gets a warning."""
    kana = han = 0
    for text in texts:
        for ch in text:
            if is_kana(ch):
                kana += 1
            elif is_han(ch):
                han += 1
    if kana >= 20 and kana / max(kana + han, 1) >= JAPANESE_KANA_SHARE:
        share = round(100 * kana / (kana + han))
        return [
            f"the text looks Japanese ({share}% kana): Duizhao reads Chinese and Korean, so it was imported "
            "as Chinese and its alignment and search may be poor"
        ]
    return []
