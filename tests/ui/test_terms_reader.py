"""The terms in the reading view: "Look up" on the panes' context menu, readings above the
Chinese text, and the translation-check findings in the review queue."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu

from reader.ui.lookup import LookupController


def _actions(menu: QMenu) -> dict[str, object]:
    return {a.objectName(): a for a in menu.actions() if a.objectName()}


def _point_in(pane, text: str, offset: int = 1):
    """A viewport point inside the first occurrence of ``text`` in ``pane``."""
    position = pane.document().toPlainText().index(text) + offset
    cursor = pane.textCursor()
    cursor.setPosition(position)
    pane.setTextCursor(cursor)
    pane.ensureCursorVisible()
    rect = pane.cursorRect(cursor)
    return rect.center()


def test_look_up_is_on_the_context_menu_of_the_chinese_pane(qtbot, hosted_window):
    window = hosted_window
    assert len(window.lookups) == 2 and all(isinstance(c, LookupController) for c in window.lookups)
    pane = window.parallel.pane_for("zh")
    point = _point_in(pane, "产业转移")
    menu = window.pane_menu.build(pane, point)
    entry = _actions(menu).get("pane_look_up")
    assert entry is not None and "产业" in entry.text()
    entry.trigger()
    lookup = next(c for c in window.lookups if c.pane is pane)
    qtbot.waitUntil(lookup.popup.isVisible)
    assert "산업" in lookup.popup.label.text()
    # The Korean pane has no "Look up": the reading aid is for Chinese.
    korean = window.parallel.pane_for("ko")
    assert "pane_look_up" not in _actions(window.pane_menu.build(korean, _point_in(korean, "산업")))
