"""Narrow windows: the side panels give way and each reading pane keeps at least 30
characters per line, measured in the pane's own text layout."""

from __future__ import annotations

import statistics

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDockWidget

from reader.ui.layout import MIN_CHARS


def chars_per_line(pane) -> float:
    """Median characters on the first line of the pane's wrapped paragraphs (lines that
    are full, not the short last line of a paragraph)."""
    pane.document().documentLayout().documentSize()  # lay the text out
    counts = []
    block = pane.document().begin()
    while block.isValid():
        layout = block.layout()
        if layout is not None and layout.lineCount() > 1:
            counts.append(layout.lineAt(0).textLength())
        block = block.next()
    assert counts, "no wrapped paragraph"
    return statistics.median(counts)


def settle(qtbot, window, size) -> None:
    window.resize(*size)
    qtbot.waitUntil(lambda: window.width() == size[0], timeout=20000)
    wide = size[0] >= 1200
    qtbot.waitUntil(
        lambda: (window.narrow.mode == "wide") == wide and not window.narrow._timer.isActive(), timeout=20000
    )
    window.layout().activate()
    for pane in window.parallel.sides:
        qtbot.waitUntil(lambda p=pane: p.viewport().width() > 0, timeout=20000)


def visible_docks(window) -> list[QDockWidget]:
    return [d for d in window.findChildren(QDockWidget) if d.isVisible()]


@pytest.mark.parametrize("size", [(900, 600), (800, 600)])
def test_each_pane_keeps_a_readable_line_in_a_narrow_window(qtbot, hosted_window, size):
    window = hosted_window
    for dock in window.findChildren(QDockWidget):
        dock.show()  # all four panels open: the worst case
    settle(qtbot, window, size)
    for pane in window.parallel.sides:
        assert chars_per_line(pane) >= MIN_CHARS, (pane.lang, chars_per_line(pane), pane.width())


def test_panels_come_back_as_they_were_when_the_window_is_wide_again(qtbot, hosted_window):
    window = hosted_window
    for dock in window.findChildren(QDockWidget):
        dock.show()
    settle(qtbot, window, (1400, 900))
    before = {d.objectName(): (window.dockWidgetArea(d), d.isVisible()) for d in window.findChildren(QDockWidget)}
    wide_lines = chars_per_line(window.parallel.pane_for("zh"))
    assert window.parallel.splitter.orientation() == Qt.Orientation.Horizontal
    settle(qtbot, window, (900, 600))
    assert len({window.dockWidgetArea(d) for d in visible_docks(window)}) <= 1  # one tabbed column at most
    settle(qtbot, window, (800, 600))
    assert visible_docks(window) == []
    settle(qtbot, window, (1400, 900))
    after = {d.objectName(): (window.dockWidgetArea(d), d.isVisible()) for d in window.findChildren(QDockWidget)}
    assert after == before
    assert window.parallel.splitter.orientation() == Qt.Orientation.Horizontal
    assert chars_per_line(window.parallel.pane_for("zh")) == wide_lines


def test_the_saved_layout_is_the_wide_one(qtbot, hosted_window):
    window = hosted_window
    settle(qtbot, window, (1400, 900))
    wide = bytes(window.saveState().data())
    settle(qtbot, window, (800, 600))
    assert bytes(window.narrow.wide_state().data()) == wide


def test_panels_hosted_into_a_narrow_window_are_put_away_and_the_window_keeps_its_size(qtbot, window):
    # As at a first start on an 800×600 screen: the panels arrive after the first paint.
    # They used to be shown anyway and grow the window past the screen (800×669 under Xvfb,
    # the status bar below the screen's edge).
    settle(qtbot, window, (800, 560))
    window.host_panels()
    qtbot.waitUntil(lambda: not window.narrow._timer.isActive(), timeout=20000)
    assert (window.width(), window.height()) == (800, 560)
    assert visible_docks(window) == []
    settle(qtbot, window, (1400, 900))
    shown = {d.objectName() for d in visible_docks(window)}
    assert {"search_dock", "annotations_dock"} <= shown


def test_a_long_heading_in_the_status_bar_never_widens_the_window(qtbot, hosted_window):
    """The status bar names the clause being read; a long one (a clause numbered inside its
    first sentence is named by that sentence) is elided, with the whole in its tooltip.
    Seen under Xvfb before the fix: the window grew to 1,959 px on a 1,400 px screen."""
    window = hosted_window
    settle(qtbot, window, (800, 600))
    heading = "十二、除非适用法律或书面协议要求，任何版权持有人或本程序按本协议可能存在的第三方修改和再发布者" * 3
    window.position_label.setText(heading)
    QApplication.sendPostedEvents()  # the label's layout request: a QLabel would grow the window now
    QApplication.processEvents()
    assert window.width() == 800
    assert window.minimumSizeHint().width() <= 800
    assert window.position_label.text() == heading and window.position_label.toolTip() == heading
    shown = super(type(window.position_label), window.position_label).text()
    assert shown.endswith("…") and len(shown) < len(heading)
