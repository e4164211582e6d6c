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


def test_findings_are_reviewed_in_their_panel_with_one_undo_stack(qtbot, hosted_window):
    from PySide6.QtCore import Qt

    from reader.terms.service import document_findings
    from reader.ui.findings_model import FINDING_ROLE

    window = hosted_window
    panel = window.hosted["findings_dock"]
    doc_id = window.document.id
    assert window.library.terms.stale  # a new library: its glossary was never mined
    assert not panel.model.rowCount()  # behind the annotations tab: nothing is checked yet
    window.hosted_dock("findings_dock").raise_()
    # The window mines the glossary although the glossary panel is not on screen (it is
    # a tab behind the checks), and the checks wait for it: they are those of `qa`.
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0 and not panel.busy, timeout=240_000)
    assert not window.library.terms.stale
    glossary = window.hosted["glossary_dock"]
    assert glossary.visibleRegion().isEmpty()  # a tab behind the checks
    listed = [panel.model.finding(r).key for r in range(panel.model.rowCount())]
    assert listed == [f.key for f in document_findings(window.library, doc_id)]
    shown = panel.proxy.rowCount()
    assert shown == panel.model.rowCount() >= 3  # seed 000 has real slips, none decided yet
    first = panel.proxy.index(0, 0).data(FINDING_ROLE)
    assert panel.proxy.index(0, 3).data()  # a message from the finding's fields

    # Clicking a finding goes to its sentence pair.
    table = panel.table
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(panel.proxy.index(0, 1)).center()
    )
    qtbot.waitUntil(
        lambda: window.parallel.reading_unit() in (first.zh_id, *window.parallel.alignment.group(first.zh_id))
    )

    # Dismiss: stored as `qa --dismiss` stores it, gone from the queue, undone and redone.
    assert panel.decide_current("dismissed")
    assert window.library.terms.decisions(doc_id) == {first.key: "dismissed"}
    assert panel.proxy.rowCount() == shown - 1
    assert first.key not in {f.key for f in document_findings(window.library, doc_id)}
    window.undo_stack.undo()
    assert window.library.terms.decisions(doc_id) == {}
    assert panel.proxy.rowCount() == shown
    window.undo_stack.redo()
    assert window.library.terms.decisions(doc_id) == {first.key: "dismissed"}

    # Confirm another; with "decided too" both are listed with their verdicts.
    assert panel.select_finding(panel.proxy.index(0, 0).data(FINDING_ROLE).key)
    second = panel.current_finding()
    assert panel.decide_current("confirmed")
    assert window.library.terms.decisions(doc_id)[second.key] == "confirmed"
    panel.show_decided.setChecked(True)
    assert panel.proxy.rowCount() == shown
    verdicts = {panel.proxy.index(r, 0).data(FINDING_ROLE).key: panel.proxy.index(r, 4).data() for r in range(shown)}
    assert verdicts[first.key] != verdicts[second.key]

    # The filter by kind shows one kind only.
    kind = first.kind
    panel.kind_filter.setCurrentIndex(panel.kind_filter.findData(kind))
    assert panel.proxy.rowCount() >= 1
    assert all(panel.proxy.index(r, 0).data(FINDING_ROLE).kind == kind for r in range(panel.proxy.rowCount()))


def _ink_above(pane, position: int) -> int:
    """Pixels darker than the background in the room just above the character at ``position``."""
    cursor = pane.textCursor()
    cursor.setPosition(position)
    rect = pane.cursorRect(cursor)
    cursor.setPosition(position + 1)
    right = pane.cursorRect(cursor).x()
    image = pane.viewport().grab().toImage()
    line_height = rect.height()
    dark = 0
    for y in range(max(0, rect.top() - line_height // 2), rect.top() - 1):
        for x in range(rect.x(), max(rect.x() + 1, right)):
            if image.pixelColor(x, y).lightness() < 200:
                dark += 1
    return dark


def test_readings_above_the_chinese_text_toggle_from_the_view_menu_and_are_remembered(qtbot, window, tmp_path):
    from PySide6.QtGui import QKeySequence

    from reader.ui.mainwindow import MainWindow
    from reader.ui.pane import RUBY_LINE_HEIGHT
    from reader.ui.settings import Settings

    action = window.actions_by_name["readings"]
    assert action in window.menus["view"].actions() and action.isCheckable()
    assert action.shortcut() == QKeySequence("Ctrl+Shift+R")
    pane, korean = window.parallel.pane_for("zh"), window.parallel.pane_for("ko")
    window.go_to_unit(next(u for u in pane.unit_ids if ".p2.c1.s" in u))
    position = pane.document().toPlainText().index("产业")
    before = _ink_above(pane, position)
    korean_height = korean.content_height()

    action.trigger()
    assert pane.draws_readings() and not korean.draws_readings()
    assert pane.document().findBlock(position).blockFormat().lineHeight() == RUBY_LINE_HEIGHT
    assert (
        pane.block_readings(pane.document().findBlock(position).text())[
            position - pane.document().findBlock(position).position()
        ]
        == "산"
    )
    window.go_to_unit(pane.unit_at_position(position))
    qtbot.waitUntil(lambda: _ink_above(pane, position) > before + 10)
    assert korean.content_height() == korean_height  # the Korean side is not touched

    # Remembered: a window made later with the same settings starts with readings on.
    window.settings = Settings(tmp_path / "settings.ini")
    window.session.settings = window.settings
    window.save_state()
    assert window.settings.get("reader/readings") is True
    later = MainWindow(window.library, Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(later)
    assert later.actions_by_name["readings"].isChecked() and later.parallel.readings_shown

    action.trigger()
    assert not pane.draws_readings()
    qtbot.waitUntil(lambda: _ink_above(pane, position) <= before)


def test_the_lookup_popup_is_korean_in_the_korean_ui(qtbot):
    from PySide6.QtWidgets import QApplication

    from reader.terms.service import Lookup
    from reader.ui.i18n import Translations
    from reader.ui.lookup import LookupPopup

    popup = LookupPopup()
    qtbot.addWidget(popup)
    translations = Translations(QApplication.instance())
    try:
        assert translations.install("ko")
        text = popup.html(Lookup("产业", "產業", "산업", "chǎn yè", [("산업", 3)]))
        assert "번역어: 산업 (3)" in text and "Renderings" not in text
        assert "No rendering" not in popup.html(Lookup("产业", "產業", "산업", "chǎn yè"))
    finally:
        translations.install("en")


def test_the_lookup_popup_wraps_examples_at_its_width_and_stays_narrow_without(qtbot):
    """With example sentences the label is given the wrapping width at once (sparing
    QLabel its search for a width); a word without examples keeps a narrow popup."""
    from PySide6.QtCore import QPoint

    from reader.terms.model import AlignedPair
    from reader.terms.service import Lookup
    from reader.ui.lookup import WRAP_WIDTH, LookupPopup

    popup = LookupPopup()
    qtbot.addWidget(popup)
    example = AlignedPair("d", "zh.1", "ko.1", "积极承接国内外产业转移，" * 4, "국내외 산업이전을 적극 유치하고 " * 4)
    popup.show_lookup(
        Lookup("产业转移", "產業轉移", "산업전이", "chǎn yè", [("산업이전", 26)], [example] * 3), QPoint(0, 0)
    )
    assert popup.label.width() == WRAP_WIDTH
    assert popup.label.heightForWidth(WRAP_WIDTH) <= popup.label.height()
    popup.show_lookup(Lookup("产业", "產業", "산업", "chǎn yè", [("산업", 3)]), QPoint(0, 0))
    assert popup.label.width() < WRAP_WIDTH
    assert "산업 (3)" in popup.label.text()
