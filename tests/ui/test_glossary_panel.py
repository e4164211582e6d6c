"""The glossary panel and the lookup popup in a real (offscreen) window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint

from reader.terms.service import refresh_glossary
from reader.ui.glossary_model import ENTRY_ROLE
from reader.ui.glossary_panel import GlossaryPanel
from reader.ui.lookup import LookupController
from tests.conftest import SEED_000


@pytest.fixture
def glossary_library(library):
    library.import_files([SEED_000], doc_id="guofa")
    refresh_glossary(library)
    return library


def test_panel_lists_terms_and_opens_where_a_rendering_is_used(qtbot, glossary_library):
    panel = GlossaryPanel(glossary_library)
    qtbot.addWidget(panel)
    assert panel.model.rowCount() > 100
    panel.search.setText("产业转移")
    shown = [panel.proxy.index(r, 0).data() for r in range(panel.proxy.rowCount())]
    assert shown and all("产业转移" in zh for zh in shown)
    assert panel.proxy.rowCount() < panel.model.rowCount()
    assert panel.select_term("产业转移")
    assert panel.current_rendering() == "산업이전"
    assert panel.examples.count() >= 1
    with qtbot.waitSignal(panel.hit_activated) as signal:
        panel.examples.itemClicked.emit(panel.examples.item(0))
    doc_id, segment_id = signal.args
    assert doc_id == "guofa"
    assert "产业转移" in glossary_library.documents.get("guofa").find_segment(segment_id).text


def test_preferred_rendering_is_undoable(qtbot, glossary_library):
    panel = GlossaryPanel(glossary_library)
    qtbot.addWidget(panel)
    assert panel.select_term("区域")
    panel.renderings.setCurrentRow(panel.renderings.count() - 1)
    chosen = panel.current_rendering()
    assert panel.prefer_selected()
    assert glossary_library.terms.preferred() == {"区域": chosen}
    assert panel.renderings.item(0).text().startswith("★")
    panel.undo_stack.undo()
    assert glossary_library.terms.preferred() == {}
    panel.undo_stack.redo()
    assert glossary_library.terms.preferred() == {"区域": chosen}


def test_add_edit_remove_and_undo(qtbot, glossary_library):
    panel = GlossaryPanel(glossary_library)
    qtbot.addWidget(panel)
    panel.add_term("新质生产力", "신질생산력")
    assert panel.current_entry().zh == "新质生产力"
    panel.edit_term("新质生产力", "신질생산력", "새로운 질적 생산력")
    assert [t["ko"] for t in glossary_library.terms.term_base()] == ["새로운 질적 생산력"]
    panel.select_term("新质生产力")
    panel.renderings.setCurrentRow(0)
    assert panel.remove_selected()
    assert glossary_library.terms.term_base() == []
    for _ in range(3):
        panel.undo_stack.undo()
    assert glossary_library.terms.term_base() == []
    panel.undo_stack.redo()
    assert [t["ko"] for t in glossary_library.terms.term_base()] == ["신질생산력"]


@pytest.mark.parametrize("name", ["terms.tbx", "terms.csv"])
def test_export_and_import(qtbot, glossary_library, tmp_path, name):
    panel = GlossaryPanel(glossary_library)
    qtbot.addWidget(panel)
    panel.search.setText("产业")
    path = tmp_path / name
    assert panel.export_terms(path)
    text = path.read_text(encoding="utf-8-sig")
    assert "产业转移" in text
    assert text.lstrip().startswith("<?xml") == name.endswith(".tbx")
    assert panel.import_terms(path) > 0
    assert ("产业转移", "산업이전") in {(t["zh"], t["ko"]) for t in glossary_library.terms.term_base()}
    panel.undo_stack.undo()  # the whole import is one step
    assert glossary_library.terms.term_base() == []


def test_stale_glossary_is_mined_in_the_background(qtbot, library):
    library.import_files([SEED_000], doc_id="guofa")
    assert library.terms.stale
    panel = GlossaryPanel(library)
    qtbot.addWidget(panel)
    assert panel.model.rowCount() == 0
    panel.show()
    qtbot.waitUntil(lambda: panel.model.rowCount() > 100, timeout=120_000)
    assert not library.terms.stale
    panel.stop_work()


def test_lookup_popup_on_a_chinese_word(qtbot, glossary_library):
    from reader.ui.pane import ReadingPane

    pane = ReadingPane("zh")
    qtbot.addWidget(pane)
    pane.resize(600, 400)
    pane.setPlainText("中西部地区积极承接产业转移。")
    pane.show()
    qtbot.waitExposed(pane)
    controller = LookupController(pane, glossary_library.terms)
    cursor = pane.textCursor()
    cursor.setPosition(9)  # inside 产业 of 产业转移
    rect = pane.cursorRect(cursor)
    point = QPoint(rect.x() + 3, rect.center().y())
    found = controller.word_at_point(point)
    assert found is not None and found[0] in ("产业", "产业转移")
    lookup = controller.look_up_at(point)
    assert lookup is not None and lookup.reading.startswith("산업")
    qtbot.waitUntil(controller.popup.isVisible)
    text = controller.popup.label.text()
    assert "산업" in text and ("chǎn" in text)
    pane.hide()  # the popup goes with the pane
    assert not controller.popup.isVisible()
    # a Korean or empty spot shows nothing


def test_the_glossary_follows_imports_in_the_background_without_the_panel(qtbot, library, tmp_path, monkeypatch):
    """The window's updater mines after each import, with no panel on screen; mining
    again after a second import analyses only the new document's sentences."""
    from reader.terms import glossary
    from reader.ui.glossary_updater import GlossaryUpdater

    analysed: list[str] = []
    chinese_terms = glossary.chinese_terms
    monkeypatch.setattr(glossary, "chinese_terms", lambda text: analysed.append(text) or chinese_terms(text))
    updater = GlossaryUpdater(library, delay_ms=0)
    library.listen(updater.on_library_event)
    with qtbot.waitSignal(updater.mined, timeout=240_000) as mined:
        library.import_files([SEED_000], doc_id="guofa")
    assert mined.args == [True] and not library.terms.stale
    first = len(analysed)
    assert first > 100
    assert library.terms.entry("产业转移").documents == ["guofa"]

    lines = [line for line in SEED_000.read_text(encoding="utf-8").splitlines() if line.strip()]
    korean = [line for line in lines if any("가" <= c <= "힣" for c in line)]
    chinese = [line for line in lines if line not in korean]
    part = tmp_path / "part.txt"
    part.write_text("\n".join(korean[:12] + [c + "。" for c in chinese[:12]]), encoding="utf-8")
    with qtbot.waitSignal(updater.mined, timeout=240_000):
        library.import_files([part], doc_id="part")
    assert 0 < len(analysed) - first <= 40  # the new document's sentences only
    assert "part" in {d for e in library.terms.glossary(examples=False) for d in e.documents}
    updater.stop()


def test_glossary_model_and_sorting(qtbot, qtmodeltester, glossary_library):
    """The model passes Qt's model checks; the table sorts by any column (by value, not
    by text: 26 after 3 when sorting by count)."""
    from PySide6.QtCore import Qt

    panel = GlossaryPanel(glossary_library)
    qtbot.addWidget(panel)
    qtmodeltester.check(panel.model)
    entries = [panel.proxy.index(r, 0).data(ENTRY_ROLE) for r in range(panel.proxy.rowCount())]
    counts = [e.frequency for e in entries]
    assert counts == sorted(counts, reverse=True) and counts[0] > counts[-1]  # most frequent first
    panel.table.sortByColumn(3, Qt.SortOrder.AscendingOrder)
    ascending = [panel.proxy.index(r, 0).data(ENTRY_ROLE).frequency for r in range(panel.proxy.rowCount())]
    assert ascending == sorted(counts)
    panel.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # by reading, in Hangul order
    readings = [panel.proxy.index(r, 0).data(ENTRY_ROLE).reading for r in range(panel.proxy.rowCount())]
    assert readings == sorted(readings)
    panel.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    terms = [panel.proxy.index(r, 0).data(ENTRY_ROLE).zh for r in range(panel.proxy.rowCount())]
    assert terms == sorted(terms, reverse=True)


def test_resting_the_mouse_or_selecting_shows_the_popup(qtbot, glossary_library):
    """The hover path itself: a mouse move over a word, then the dwell; a selection of
    Chinese characters is looked up as it is (承接, not the word under the mouse)."""
    from reader.ui import lookup as lookup_module
    from reader.ui.pane import ReadingPane

    pane = ReadingPane("zh")
    qtbot.addWidget(pane)
    pane.resize(600, 400)
    text = "中西部地区积极承接产业转移。"
    pane.setPlainText(text)
    pane.show()
    qtbot.waitExposed(pane)
    controller = LookupController(pane, glossary_library.terms)
    controller._timer.setInterval(0)  # the dwell, without waiting for it
    cursor = pane.textCursor()
    cursor.setPosition(text.index("中西部地区") + 1)
    point = pane.cursorRect(cursor).center()
    with qtbot.waitSignal(controller.looked_up) as seen:
        qtbot.mouseMove(pane.viewport(), point)
    assert seen.args == ["中西部"]  # the jieba word under the mouse (中西部 + 地区)
    assert controller.popup.isVisible() and "중서부" in controller.popup.label.text()
    cursor.setPosition(text.index("承接"))
    cursor.setPosition(text.index("承接") + 2, cursor.MoveMode.KeepAnchor)
    pane.setTextCursor(cursor)
    with qtbot.waitSignal(controller.looked_up) as seen:
        qtbot.mouseMove(pane.viewport(), point + QPoint(1, 0))
    assert seen.args == ["承接"]
    assert lookup_module.DWELL_MS > 0  # the product waits for the mouse to rest
