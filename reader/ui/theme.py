"""Light and dark: follow the desktop unless the user chose one.

With "system" the platform's colour scheme and palette are used (and followed when
they change). An explicit choice also sets a matching Fusion palette, so it holds on
platforms whose theme cannot switch scheme on request.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOptionSlider, QWidget

from .contrast import CONTROL_CONTRAST, contrast, mix
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


def scroll_bar_colors(palette: QPalette, hovered: bool = False, pressed: bool = False) -> tuple[QColor, QColor, QColor]:
    """The groove and the handle of a scroll bar: the handle is the text colour faded
    towards the groove, but kept at 3:1 against it (WCAG 1.4.11), darker while hovered
    or dragged; the third colour is the arrows'."""
    key = (palette.cacheKey(), hovered, pressed)
    found = _SCROLL_BAR_COLORS.get(key)
    if found is None:
        found = _SCROLL_BAR_COLORS[key] = _scroll_bar_colors(palette, hovered, pressed)
    return found


#: scroll_bar_colors by (palette, hovered, pressed): a pane's bar is painted at every step.
_SCROLL_BAR_COLORS: dict[tuple[int, bool, bool], tuple[QColor, QColor, QColor]] = {}


def _scroll_bar_colors(palette: QPalette, hovered: bool, pressed: bool) -> tuple[QColor, QColor, QColor]:
    groove = mix(palette.color(QPalette.ColorRole.Window).name(), palette.color(QPalette.ColorRole.Text).name(), 0.04)
    text = palette.color(QPalette.ColorRole.Text).name()
    share = 0.5 if pressed else 0.58 if hovered else 0.65
    while share > 0 and contrast(mix(text, groove, share), groove) < CONTROL_CONTRAST:
        share -= 0.05
    handle = mix(text, groove, max(0.0, share))
    return QColor(groove), QColor(handle), QColor(mix(handle, text, 0.5))


class ReaderStyle(QProxyStyle):
    """Fusion, with two changes.

    Check boxes that can be seen on a dark palette: Fusion outlines the box in the window
    colour darkened, which vanishes on a dark window. The box gets an outline in the text
    colour, faded but with at least 3:1 contrast (WCAG 1.4.11).

    Flat scroll bars: Fusion paints a scroll bar's groove and handle with gradients,
    which Qt's raster engine blends row by row on its thread pool. A reading pane repaints
    its scroll bar at every scroll step, so that took most of a step (4 of 7 ms of CPU, and
    waits for the pool's threads, up to tens of milliseconds on a busy machine). A solid
    groove and a solid handle are filled at once, on the GUI thread.
    """

    INDICATORS = (QStyle.PrimitiveElement.PE_IndicatorCheckBox, QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck)

    def drawComplexControl(self, control, option, painter, widget=None) -> None:
        if control == _SCROLL_BAR and isinstance(option, QStyleOptionSlider):
            self._draw_scroll_bar(option, painter, widget)
            return
        super().drawComplexControl(control, option, painter, widget)

    def _draw_scroll_bar(self, option: QStyleOptionSlider, painter: QPainter, widget: QWidget) -> None:
        # Few enum operations: each one is a Python call, and this runs at every scroll step.
        on_handle = bool(option.activeSubControls & _SLIDER)
        state = option.state
        hovered = on_handle and bool(state & _MOUSE_OVER)
        pressed = on_handle and bool(state & _SUNKEN)
        groove, handle, arrow = scroll_bar_colors(option.palette, hovered, pressed)
        painter.fillRect(option.rect, groove)
        vertical = option.orientation == _VERTICAL
        slider = self.subControlRect(_SCROLL_BAR, option, _SLIDER, widget)
        if option.maximum > option.minimum and slider.isValid():
            painter.fillRect(slider.adjusted(3, 2, -3, -2) if vertical else slider.adjusted(2, 3, -2, -3), handle)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(arrow)
        for control, sign in ((_SUB_LINE, -1), (_ADD_LINE, 1)):
            rect = self.subControlRect(_SCROLL_BAR, option, control, widget)
            if rect.isEmpty():
                continue
            x, y = rect.x() + rect.width() / 2, rect.y() + rect.height() / 2
            d = min(rect.width(), rect.height()) / 5
            if vertical:
                points = [
                    QPointF(x - d, y - sign * d / 2),
                    QPointF(x + d, y - sign * d / 2),
                    QPointF(x, y + sign * d / 2),
                ]
            else:
                points = [
                    QPointF(x - sign * d / 2, y - d),
                    QPointF(x - sign * d / 2, y + d),
                    QPointF(x + sign * d / 2, y),
                ]
            painter.drawPolygon(QPolygonF(points))
        painter.restore()

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


_SCROLL_BAR = QStyle.ComplexControl.CC_ScrollBar
_SLIDER = QStyle.SubControl.SC_ScrollBarSlider
_SUB_LINE = QStyle.SubControl.SC_ScrollBarSubLine
_ADD_LINE = QStyle.SubControl.SC_ScrollBarAddLine
_MOUSE_OVER = QStyle.StateFlag.State_MouseOver
_SUNKEN = QStyle.StateFlag.State_Sunken
_VERTICAL = Qt.Orientation.Vertical

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
