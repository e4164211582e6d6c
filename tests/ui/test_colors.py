"""What is drawn over the text can be told apart, and every text stays readable (WCAG), in
both themes: highlights, the selection, the hovered sentence, text with no counterpart,
search results and check boxes."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtGui import QColor, QPalette, QTextCharFormat
from PySide6.QtWidgets import QCheckBox, QStyle, QStyleOptionButton

from reader.annotations import COLORS
from reader.annotations.marks import tint
from reader.ui.contrast import CONTROL_CONTRAST, TEXT_CONTRAST, contrast, mix, readable_on
from reader.ui.pane import DARK, LIGHT, SELECTION_ALPHA
from reader.ui.theme import apply_theme

HIGHLIGHTS = [*COLORS.values(), *(tint(c) for c in COLORS.values())]


def _lab(color: str) -> tuple[float, float, float]:
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(int(color[i : i + 2], 16) / 255) for i in (1, 3, 5))
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def delta_e(a: str, b: str) -> float:
    """CIE76 colour difference: about 2 is just noticeable, 10 clearly another colour."""
    return sum((p - q) ** 2 for p, q in zip(_lab(a), _lab(b), strict=True)) ** 0.5


@pytest.fixture
def themes():
    yield
    apply_theme("system")


@pytest.mark.parametrize("colors", [LIGHT, DARK], ids=["light", "dark"])
def test_hover_selection_and_no_counterpart_differ_from_every_highlight(colors):
    selection = mix(colors.base, colors.selection, SELECTION_ALPHA / 255)
    assert delta_e(colors.hover, COLORS["yellow"]) > 10
    for name, drawn in (("hover", colors.hover), ("selection", selection)):
        assert min(delta_e(drawn, h) for h in HIGHLIGHTS) > 10, name
        assert delta_e(drawn, colors.base) > 10, name
    assert delta_e(colors.hover, selection) > 10
    assert delta_e(colors.unmatched, colors.text) > 10  # muted text, not a squiggle


@pytest.mark.parametrize("colors", [LIGHT, DARK], ids=["light", "dark"])
def test_text_contrast_of_the_reading_panes(colors):
    for background in (
        colors.base,
        colors.hover,
        colors.focus,
        mix(colors.base, colors.selection, SELECTION_ALPHA / 255),
    ):
        assert contrast(colors.text, background) >= TEXT_CONTRAST, background
    for background in (colors.base, colors.hover):
        assert contrast(colors.unmatched, background) >= TEXT_CONTRAST, background
    for highlight in HIGHLIGHTS:  # the text of a highlight is dark or light, whichever reads
        assert contrast(readable_on(highlight), highlight) >= TEXT_CONTRAST, highlight


def _cell_colour(pane, position: int) -> str:
    """The most common colour in the character cell at a text position (its background)."""
    cursor = pane.textCursor()
    cursor.setPosition(position)
    rect = pane.cursorRect(cursor)
    image = pane.viewport().grab().toImage()
    colours = Counter(
        image.pixelColor(x, y).name()
        for x in range(rect.left() + 2, rect.left() + 2 + rect.height() // 2)
        for y in range(rect.top() + 1, rect.bottom())
        if 0 <= x < image.width() and 0 <= y < image.height()
    )
    return colours.most_common(1)[0][0]


def test_a_new_highlight_shows_at_once_and_keeps_its_colour_under_hover(qtbot, hosted_window):
    window = hosted_window
    pane = window.parallel.pane_for("zh")
    unit = next(u for u in pane.unit_ids if u.startswith("zh.p2.c1.s"))
    window.go_to_unit(unit)
    span = pane.span(unit)
    cursor = pane.textCursor()
    cursor.setPosition(span.text_start)
    cursor.setPosition(span.text_start + 6, cursor.MoveMode.KeepAnchor)
    pane.setTextCursor(cursor)
    window.parallel.select_unit(unit)
    assert window.annotations.highlight_selection("yellow")
    qtbot.waitUntil(lambda: any(m[0] == unit for m in pane.marks()))
    assert not pane.textCursor().hasSelection()  # the new highlight is not hidden by the selection
    qtbot.waitUntil(lambda: _cell_colour(pane, span.text_start + 2) == COLORS["yellow"])
    assert pane.highlighted_units()  # the chosen sentence is highlighted as well …
    assert _cell_colour(pane, span.text_start + 9) == LIGHT.hover  # … in its own colour beside the mark


def test_text_with_no_counterpart_is_muted_not_underlined(qtbot, window):
    pane = window.parallel.pane_for("zh")
    unit = next(iter(pane.unmatched()))
    span = pane.span(unit)
    drawn = []
    for selection in pane.extraSelections():
        if selection.cursor.selectionStart() == span.text_start:
            fmt = QTextCharFormat(selection.format)
            drawn.append((fmt.underlineStyle(), fmt.foreground().color().name()))
    assert drawn
    assert all(style == QTextCharFormat.UnderlineStyle.NoUnderline for style, _colour in drawn)
    assert (QTextCharFormat.UnderlineStyle.NoUnderline, LIGHT.unmatched) in drawn


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_search_results_secondary_text_is_readable(qtbot, corpus_library, themes, theme):
    from reader.search import SearchIndex
    from reader.ui.search_panel import SearchPanel

    apply_theme(theme)
    index = SearchIndex(corpus_library)
    index.ensure_current()
    panel = SearchPanel(corpus_library, index)
    qtbot.addWidget(panel)
    base = panel.view.palette().color(QPalette.ColorRole.Base).name()
    assert (QColor(base).lightness() < 128) == (theme == "dark")
    for name, colour in panel.model.colors.items():
        assert contrast(colour, base) >= TEXT_CONTRAST, name
    index.close()


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_check_boxes_can_be_seen(qtbot, themes, theme):
    apply_theme(theme)
    box = QCheckBox("probe")
    qtbot.addWidget(box)
    box.resize(120, 30)
    image = box.grab().toImage()
    option = QStyleOptionButton()
    option.initFrom(box)
    rect = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    window = box.palette().color(QPalette.ColorRole.Window).name()
    edge = [image.pixelColor(rect.left(), y).name() for y in range(rect.top() + 2, rect.bottom() - 1)]
    assert max(contrast(c, window) for c in edge) >= CONTROL_CONTRAST, (edge, window)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_scroll_bars_are_flat_and_their_handle_can_be_seen(qtbot, themes, theme):
    """Scroll bars are drawn in two solid colours (Fusion's gradients were most of a scroll
    step's paint), the handle at 3:1 against the groove."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QScrollBar, QStyleOptionSlider

    apply_theme(theme)
    bar = QScrollBar(Qt.Orientation.Vertical)
    qtbot.addWidget(bar)
    bar.setRange(0, 100)
    bar.setPageStep(20)
    bar.setValue(40)
    bar.resize(16, 300)
    image = bar.grab().toImage()
    option = QStyleOptionSlider()
    bar.initStyleOption(option)
    style = bar.style()
    handle = style.subControlRect(QStyle.ComplexControl.CC_ScrollBar, option, QStyle.SubControl.SC_ScrollBarSlider, bar)
    groove = style.subControlRect(QStyle.ComplexControl.CC_ScrollBar, option, QStyle.SubControl.SC_ScrollBarGroove, bar)
    x = handle.center().x()
    inside = {image.pixelColor(x, y).name() for y in range(handle.top() + 3, handle.bottom() - 2)}
    outside = {image.pixelColor(x, y).name() for y in range(groove.top() + 1, handle.top() - 1)}
    assert len(inside) == 1 and len(outside) == 1, (inside, outside)  # solid, no gradient
    assert contrast(inside.pop(), outside.pop()) >= CONTROL_CONTRAST
