"""Can this system draw Chinese and Korean? If not, say so and name the fix."""

from __future__ import annotations

import sys

from PySide6.QtGui import QFontDatabase

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
