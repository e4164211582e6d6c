"""Light and dark: follow the desktop unless the user chose one.

With "system" the platform's colour scheme and palette are used (and followed when
they change). An explicit choice also sets a matching Fusion palette, so it holds on
platforms whose theme cannot switch scheme on request.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle

from .pane import DARK, LIGHT, PaneColors

THEMES = ("system", "light", "dark")


def dark_palette() -> QPalette:
    palette = QPalette()
    role = QPalette.ColorRole
    colours = {
        role.Window: "#202124",
        role.WindowText: "#e8eaed",
        role.Base: "#17181a",
        role.AlternateBase: "#26282b",
        role.Text: "#e8eaed",
        role.Button: "#2b2d30",
        role.ButtonText: "#e8eaed",
        role.ToolTipBase: "#2b2d30",
        role.ToolTipText: "#e8eaed",
        role.Highlight: "#3d6db5",
        role.HighlightedText: "#ffffff",
        role.Link: "#8ab4f8",
        role.PlaceholderText: "#9aa0a6",
        role.BrightText: "#ff8a80",
    }
    for r, colour in colours.items():
        palette.setColor(r, QColor(colour))
    for r in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, r, QColor("#7f8388"))
    return palette


class ReaderStyle(QProxyStyle):
    """Fusion, with check boxes that can be seen on a dark palette: Fusion outlines the box
    in the window colour darkened, which vanishes on a dark window. The box gets an outline
    in the text colour, faded but with at least 3:1 contrast (WCAG 1.4.11)."""

    INDICATORS = (QStyle.PrimitiveElement.PE_IndicatorCheckBox, QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck)

    def drawPrimitive(self, element, option, painter, widget=None) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element in self.INDICATORS:
            outline = QColor(option.palette.color(QPalette.ColorRole.Text))
            outline.setAlpha(170)
            painter.save()
            painter.setRenderHint(painter.RenderHint.Antialiasing, False)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(outline, 1))
            painter.drawRect(option.rect.adjusted(0, 0, -1, -1))
            painter.restore()


#: The styles installed, kept referenced for the application's lifetime.
_STYLES: list[QStyle] = []


def install_style(app: QApplication) -> None:
    """Fusion with visible check boxes, once per application."""
    if not isinstance(app.style(), ReaderStyle):
        style = ReaderStyle("Fusion")
        app.setStyle(style)
        _STYLES.append(style)  # QApplication owns it; keep the Python wrapper alive as well


def apply_theme(choice: str) -> None:
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return  # no GUI yet: the theme is applied when the application starts
    if isinstance(app, QApplication):
        install_style(app)
    hints = QGuiApplication.styleHints()
    if choice == "dark":
        hints.setColorScheme(Qt.ColorScheme.Dark)
        app.setPalette(dark_palette())
    elif choice == "light":
        hints.setColorScheme(Qt.ColorScheme.Light)
        app.setPalette(app.style().standardPalette() if isinstance(app, QApplication) else QPalette())
    else:
        hints.unsetColorScheme()
        app.setPalette(QPalette())


def is_dark() -> bool:
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def pane_colors() -> PaneColors:
    return DARK if is_dark() else LIGHT
