"""Right-click in a reading pane: highlight in a colour, add or edit a note, copy, copy the
sentence pair with its citation, link and unlink; later features add entries."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QContextMenuEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QMenu

from reader.ui.i18n import Translations
from reader.ui.pane import ReadingPane
from reader.ui.pane_menu import MENU_COLORS


def _sentence_in(window, lang: str, path: str) -> str:
    """The first sentence of a clause, e.g. ``p2.c3`` (part 二, clause （三）)."""
    pane = window.parallel.pane_for(lang)
    return next(u for u in pane.unit_ids if u.startswith(f"{lang}.{path}.s"))


def _point_of(window, unit_id: str) -> QPoint:
    pane = window.parallel.pane_of(unit_id)
    window.go_to_unit(unit_id)
    span = pane.span(unit_id)
    cursor = pane.textCursor()
    cursor.setPosition(span.text_start + 1)
    return pane.cursorRect(cursor).center()


def _actions(menu: QMenu) -> dict[str, object]:
    found = {}
    for action in menu.actions():
        if action.objectName():
            found[action.objectName()] = action
        if action.menu() is not None:
            found.update(_actions(action.menu()))
    return found


def test_right_click_opens_the_reader_menu_not_qt_own(qtbot, window, monkeypatch):
    shown: list[QMenu] = []
    monkeypatch.setattr(ReadingPane, "show_menu", lambda _pane, menu, _pos: shown.append(menu))
    unit = _sentence_in(window, "zh", "p2.c1")
    pane = window.parallel.pane_of(unit)
    point = _point_of(window, unit)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, pane.viewport().mapToGlobal(point))
    QApplication.sendEvent(pane.viewport(), event)
    assert len(shown) == 1
    names = set(_actions(shown[0]))
    assert {"pane_note", "pane_copy", "pane_copy_pair", "pane_link", "pane_unlink"} <= names
    assert {f"pane_highlight_{c}" for c in MENU_COLORS} <= names
    assert "Select All" not in [a.text().replace("&", "") for a in shown[0].actions()]


def test_copy_pair_puts_both_sentences_and_the_citation_on_the_clipboard(qtbot, window):
    unit = _sentence_in(window, "zh", "p2.c1")
    menu = window.pane_menu.build(window.parallel.pane_of(unit), _point_of(window, unit))
    _actions(menu)["pane_copy_pair"].trigger()
    lines = QGuiApplication.clipboard().text().split("\n")
    counterpart = window.parallel.alignment.counterparts(unit)
    segments = {s.id: s.text for s in window.document.segments}
    assert lines[0] == segments[unit]
    assert lines[1] == " ".join(segments[k] for k in counterpart)
    assert lines[2] == "国发〔2010〕28号 二（三） / 2.(3)"


def test_copy_takes_the_selection_or_the_sentence(qtbot, window):
    unit = _sentence_in(window, "ko", "p2.c1")
    pane = window.parallel.pane_of(unit)
    point = _point_of(window, unit)
    _actions(window.pane_menu.build(pane, point))["pane_copy"].trigger()
    assert QGuiApplication.clipboard().text() == next(s.text for s in window.document.segments if s.id == unit)
    span = pane.span(unit)
    cursor = pane.textCursor()
    cursor.setPosition(span.text_start)
    cursor.setPosition(span.text_start + 4, cursor.MoveMode.KeepAnchor)
    pane.setTextCursor(cursor)
    _actions(window.pane_menu.build(pane, point))["pane_copy"].trigger()
    assert QGuiApplication.clipboard().text() == cursor.selectedText()


def test_highlight_then_edit_the_note_from_the_menu(qtbot, hosted_window):
    window = hosted_window
    unit = _sentence_in(window, "zh", "p3.c1")
    pane = window.parallel.pane_of(unit)
    point = _point_of(window, unit)
    menu = window.pane_menu.build(pane, point)
    assert _actions(menu)["pane_note"].text().replace("&", "") == "Add note…"
    _actions(menu)["pane_highlight_green"].trigger()
    annotations = window.library.annotations.list(doc_id=window.document.id)
    assert [(a.anchor.segment_id, a.color) for a in annotations] == [(unit, "green")]
    qtbot.waitUntil(lambda: any(m[0] == unit for m in pane.marks()))
    menu = window.pane_menu.build(pane, point)
    note = _actions(menu)["pane_note"]
    assert note.text().replace("&", "") == "Edit note…"
    note.trigger()
    panel = window.hosted["annotations_dock"]
    assert panel.current_annotation().id == annotations[0].id
    assert panel.note.isEnabled()


def test_unlink_and_link_from_the_menu(qtbot, window):
    unit = _sentence_in(window, "zh", "p2.c1")
    pane = window.parallel.pane_of(unit)
    point = _point_of(window, unit)
    before = window.parallel.alignment.counterparts(unit)
    assert before
    _actions(window.pane_menu.build(pane, point))["pane_unlink"].trigger()
    assert window.parallel.alignment.counterparts(unit) == []
    assert not _actions(window.pane_menu.build(pane, point))["pane_unlink"].isEnabled()
    window.undo_stack.undo()
    assert window.parallel.alignment.counterparts(unit) == before


def test_later_features_add_their_entries(qtbot, window):
    seen = []

    def look_up(context, menu):
        seen.append((context.unit_id, context.selected_text))
        menu.addAction("Look up").setObjectName("pane_look_up")

    window.pane_menu.add_extension(look_up)
    unit = _sentence_in(window, "zh", "p2.c1")
    menu = window.pane_menu.build(window.parallel.pane_of(unit), _point_of(window, unit))
    assert "pane_look_up" in _actions(menu)
    assert seen == [(unit, "")]


def test_the_menu_is_korean_in_the_korean_ui(qtbot, window):
    translations = Translations(QApplication.instance())
    try:
        assert translations.install("ko")
        unit = _sentence_in(window, "zh", "p2.c1")
        menu = window.pane_menu.build(window.parallel.pane_of(unit), _point_of(window, unit))
        texts = [a.text() for a in _actions(menu).values()] + [menu.actions()[0].text()]
        assert all(not any("a" <= ch.lower() <= "z" for ch in t.split("(&")[0]) for t in texts), texts
        assert _actions(menu)["pane_highlight_yellow"].text().startswith("노랑")
    finally:
        translations.install("en")
