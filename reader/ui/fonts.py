"""Fonts for Chinese and Korean text, and whether this system can draw them at all.

Han characters are shared by Chinese and Korean, but their glyph forms differ (the
centred ``：``, the Korean forms of 言 化 与 …). Qt picks the fallback font for Han from
the system locale: under a Korean locale Chinese text comes out in Korean forms, under
C or English in Japanese ones. So every widget that shows Chinese puts a Simplified
Chinese face first in its font's families, and every widget that shows Korean a Korean
face (``text_font``); the Latin UI font stays the first choice for Latin text only where
no CJK face is wanted.
"""

from __future__ import annotations

import re
import sys

from PySide6.QtGui import QFont, QFontDatabase

#: Faces with the glyph forms of each language, most common first (Linux, Windows, macOS).
FAMILIES = {
    "zh": ["Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC"],
    "ko": ["Noto Sans CJK KR", "Source Han Sans K", "Malgun Gothic", "Apple SD Gothic Neo"],
}
_HANGUL = re.compile("[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")


def language_of(text: str) -> str:
    """'ko' for text with Hangul, else 'zh' (which face its Han characters need)."""
    return "ko" if _HANGUL.search(text or "") else "zh"


def families(lang: str) -> list[str]:
    return list(FAMILIES.get(lang, FAMILIES["zh"]))


def text_font(lang: str, base: QFont | None = None) -> QFont:
    """``base`` (default: the application font) with the faces of ``lang`` first."""
    font = QFont(base) if base is not None else QFont()
    font.setFamilies(families(lang))
    return font


def css_families(lang: str) -> str:
    """The faces of ``lang`` as a CSS ``font-family`` value, for rich text."""
    return ", ".join(f"'{name}'" for name in families(lang))


_SYSTEMS = {
    "zh": QFontDatabase.WritingSystem.SimplifiedChinese,
    "ko": QFontDatabase.WritingSystem.Korean,
}


def missing_scripts() -> list[str]:
    """Languages ('zh', 'ko') for which no installed font has glyphs."""
    return [lang for lang, system in _SYSTEMS.items() if not QFontDatabase.families(system)]


def font_fix() -> str:
    """The one step that installs CJK fonts on this platform."""
    if sys.platform.startswith("linux"):
        return "sudo apt install fonts-noto-cjk  (Fedora: sudo dnf install google-noto-sans-cjk-fonts)"
    if sys.platform == "darwin":
        return (
            "install “Noto Sans CJK” from fonts.google.com/noto (or enable the Korean and Chinese fonts in Font Book)"
        )
    return "Settings ▸ Time & language ▸ Language ▸ add Chinese (Simplified) and Korean (installs their fonts)"
