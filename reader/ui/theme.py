"""Light and dark: follow the desktop unless the user chose one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from .pane import DARK, LIGHT, PaneColors

THEMES = ("system", "light", "dark")


def apply_theme(choice: str) -> None:
    hints = QGuiApplication.styleHints()
    if choice == "dark":
        hints.setColorScheme(Qt.ColorScheme.Dark)
    elif choice == "light":
        hints.setColorScheme(Qt.ColorScheme.Light)
    else:
        hints.unsetColorScheme()


def is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    if hints.colorScheme() == Qt.ColorScheme.Dark:
        return True
    if hints.colorScheme() == Qt.ColorScheme.Light:
        return False
    return QGuiApplication.palette().window().color().lightness() < 128


def pane_colors() -> PaneColors:
    return DARK if is_dark() else LIGHT
