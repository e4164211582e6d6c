"""The search panel: type a query, see hits, pick one; filters, modes, paging, index build."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from reader.library import Library
from reader.search import SearchIndex
from reader.ui.search_panel import (
    COUNTERPART_ROLE,
    DOC_ID_ROLE,
    HIGHLIGHTS_ROLE,
    HIT_ROLE,
    HTML_ROLE,
    SEGMENT_ID_ROLE,
    SearchPanel,
)
from tests.ui.conftest import SEED_000_ID, SEED_002_ID


@pytest.fixture(scope="module")
def indexed(tmp_path_factory):
    root = tmp_path_factory.mktemp("panel")
    library = Library(root / "library.sqlite3")
    library.import_corpus()
    index = SearchIndex(library, root / "index")
    index.ensure_current()
    yield library, index
    index.close()
    library.close()


@pytest.fixture
def panel(qtbot, indexed):
    library, index = indexed
    widget = SearchPanel(library, index)
    widget.search_delay_ms = 0
    widget.resize(700, 500)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def type_query(qtbot, panel, text: str) -> None:
    """Type as a Chinese or Korean input method does: it commits the composed text."""
    panel.query_edit.clear()
    panel.query_edit.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(panel.query_edit, event)
    qtbot.keyClick(panel.query_edit, Qt.Key.Key_Return)


def rows(panel) -> list:
    model = panel.model
    return [model.index(r, 0) for r in range(model.rowCount())]


def test_typing_a_query_lists_its_hits_with_exact_highlights(qtbot, panel, indexed):
    _, index = indexed
    type_query(qtbot, panel, "產業轉移")
    results = index.search("產業轉移", limit=50)
    expected = results.hits
    assert not results.has_more
    assert [i.data(SEGMENT_ID_ROLE) for i in rows(panel)] == [h.segment_id for h in expected]
    for item in rows(panel):
        text = panel.model.hit(item.row()).text
        assert [text[s:e] for s, e in item.data(HIGHLIGHTS_ROLE)] == ["产业转移"] * len(item.data(HIGHLIGHTS_ROLE))
    assert panel.status.text() == f"{len(expected)} hit(s)"


def test_clicking_a_hit_emits_its_document_and_segment(qtbot, panel):
    type_query(qtbot, panel, "산업이전을")
    item = rows(panel)[2]
    rect = panel.view.visualRect(item)
    with qtbot.waitSignal(panel.hit_activated) as activated:
        qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert activated.args == [item.data(DOC_ID_ROLE), item.data(SEGMENT_ID_ROLE)]
    assert activated.args[1].startswith("ko.")


def test_filters_restrict_the_hits(qtbot, panel):
    type_query(qtbot, panel, "产业 OR 산업")
    both = {i.data(SEGMENT_ID_ROLE)[:2] for i in rows(panel)}
    assert both == {"zh", "ko"} or panel.model.has_more
    panel.lang_filter.setCurrentIndex(panel.lang_filter.findData("ko"))
    assert rows(panel) and all(i.data(SEGMENT_ID_ROLE).startswith("ko.") for i in rows(panel))
    panel.lang_filter.setCurrentIndex(0)
    panel.set_document_filter(SEED_002_ID)
    assert rows(panel) and all(i.data(DOC_ID_ROLE) == SEED_002_ID for i in rows(panel))
    panel.set_document_filter("")


def test_search_runs_while_typing(qtbot, panel):
    panel.query_edit.clear()
    panel.query_edit.setFocus()
    qtbot.keyClicks(panel.query_edit, "2010")  # no Return: the search follows the typing
    assert rows(panel)
    for item in rows(panel):
        text = panel.model.hit(item.row()).text
        assert all(text[s:e] == "2010" for s, e in item.data(HIGHLIGHTS_ROLE))


def test_malformed_query_shows_a_message_not_an_exception(qtbot, panel):
    type_query(qtbot, panel, '"产业')
    assert panel.model.rowCount() == 0
    assert panel.status.text().startswith("missing closing quote")


def test_pairs_mode_shows_the_counterpart(qtbot, panel):
    type_query(qtbot, panel, "劳动密集型")
    first = rows(panel)[0]
    kwic_height = panel.view.visualRect(first).height()
    qtbot.mouseClick(panel.pairs_button, Qt.MouseButton.LeftButton)
    assert panel.model.mode == "pairs"
    html = first.data(HTML_ROLE)
    assert ">劳动密集型</span>" in html
    assert first.data(COUNTERPART_ROLE) and first.data(COUNTERPART_ROLE) in html
    assert panel.view.visualRect(rows(panel)[0]).height() > kwic_height
    panel.set_mode("kwic")


def test_scrolling_fetches_more_hits(qtbot, panel):
    type_query(qtbot, panel, "产业")
    assert panel.model.rowCount() == 50 and panel.model.has_more
    assert panel.status.text() == "50+ hits (scroll for more)"
    panel.view.scrollToBottom()
    qtbot.waitUntil(lambda: panel.model.rowCount() > 50)


def test_model_passes_the_model_tester(qtbot, qtmodeltester, panel):
    type_query(qtbot, panel, "中西部")
    qtmodeltester.check(panel.model)


def test_panel_builds_a_missing_index_in_the_background(qtbot, corpus_library):
    widget = SearchPanel(corpus_library)  # as the main window creates it
    qtbot.addWidget(widget)
    widget.search_delay_ms = 0
    assert widget.index.building or widget.index.ready
    qtbot.waitUntil(lambda: widget.index.ready and not widget.index.building, timeout=60_000)
    type_query(qtbot, widget, "产业转移")
    assert widget.model.rowCount() > 0
    widget.index.close()


@pytest.mark.parametrize("open_first", [SEED_000_ID, SEED_002_ID], ids=["same-document", "other-document"])
@pytest.mark.parametrize("query", ["纺织 OR 就业", "방직 OR 취업"], ids=["zh-hit", "ko-hit"])
def test_clicking_a_hit_in_the_window_levels_both_panes_at_it(qtbot, window, open_first, query):
    from tests.ui.test_window import TOLERANCE

    window.host_panels()
    panel = window.hosted["search_dock"]
    panel.search_delay_ms = 0
    qtbot.waitUntil(lambda: panel.index.ready and not panel.index.building, timeout=60_000)
    one_to_one = {
        unit
        for link in window.library.links.get(SEED_000_ID)
        if len(link.zh_ids) == len(link.ko_ids) == 1
        for unit in (*link.zh_ids, *link.ko_ids)
    }
    window.request_search("library")
    type_query(qtbot, panel, query)
    items = [i for i in rows(panel) if i.data(SEGMENT_ID_ROLE) in one_to_one]
    assert len(items) >= 3
    for item in (items[0], items[len(items) // 2], items[-1]):  # top, middle and end of the document
        window.open_document(open_first)
        unit_id = item.data(SEGMENT_ID_ROLE)
        panel.view.scrollTo(item)
        rect = panel.view.visualRect(item)
        with qtbot.waitSignal(panel.hit_activated):
            qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.wait(200)  # what the user sees once pending layouts and timers have run
        assert window.document.id == SEED_000_ID
        hit_pane = window.parallel.pane_of(unit_id)
        (counterpart,) = window.parallel.alignment.counterparts(unit_id)
        assert counterpart == item.data(HIT_ROLE).counterpart_ids[0]
        other = window.parallel.pane_of(counterpart)
        # The hit is on the reading line and its counterpart level with it (as the sync tests measure).
        assert abs(hit_pane.viewport_top_of(unit_id) - hit_pane.reading_line()) <= TOLERANCE, unit_id
        assert abs(other.viewport_top_of(counterpart) - hit_pane.viewport_top_of(unit_id)) <= TOLERANCE, unit_id
    panel.index.close()


def test_annotation_filters(qtbot, corpus_library):
    document = corpus_library.documents.get(SEED_000_ID)
    unit = next(u for u in document.units("zh") if "纺织" in u.text)
    index = SearchIndex(corpus_library)
    index.ensure_current()
    widget = SearchPanel(corpus_library, index)
    qtbot.addWidget(widget)
    widget.search_delay_ms = 0
    corpus_library.annotations.annotate(
        document, unit.id, quote="纺织", note="섬유 산업", tags=["briefing"], color="blue"
    )
    widget.on_library_event("annotated", SEED_000_ID)  # what the main window forwards
    type_query(qtbot, widget, "产业")
    assert widget.model.rowCount() > 1
    widget.annotated_only.setChecked(True)
    assert [i.data(SEGMENT_ID_ROLE) for i in rows(widget)] == [unit.id]
    widget.annotated_only.setChecked(False)
    widget.tag_filter.setCurrentIndex(widget.tag_filter.findData("briefing"))
    assert [i.data(SEGMENT_ID_ROLE) for i in rows(widget)] == [unit.id]
    widget.tag_filter.setCurrentIndex(0)
    widget.color_filter.setCurrentIndex(widget.color_filter.findData("blue"))
    assert [i.data(SEGMENT_ID_ROLE) for i in rows(widget)] == [unit.id]
    widget.color_filter.setCurrentIndex(widget.color_filter.findData("green"))
    assert widget.model.rowCount() == 0 and widget.status.text() == "No hits"
    index.close()


def test_find_in_document_and_in_library(qtbot, panel):
    panel.focus_query("document", SEED_002_ID)  # Ctrl+F with seed 002 open
    type_query(qtbot, panel, "产业")
    assert rows(panel) and {i.data(DOC_ID_ROLE) for i in rows(panel)} == {SEED_002_ID}
    panel.focus_query("library")  # Ctrl+Shift+F
    assert panel.doc_filter.currentData() == ""
    assert {i.data(DOC_ID_ROLE) for i in rows(panel)} == {SEED_000_ID}  # reading order: seed 000 first


def test_an_annotation_in_the_window_is_indexed_in_the_background(qtbot, hosted_window):
    window = hosted_window
    panel = window.hosted["search_dock"]
    panel.search_delay_ms = 0
    panel.index.wait(120)  # the first build, and its completion delivered
    QApplication.processEvents()
    type_query(qtbot, panel, "is:annotated")
    assert panel.model.rowCount() == 0
    zh = window.parallel.pane_for("zh")
    unit = next(u for u in zh.unit_ids if zh.span(u).kind == "sentence")
    # The worker waits at the index's write lock until the checks below are done.
    with qtbot.waitSignal(panel.index_updated, timeout=60_000), panel.index._write_lock:
        window.parallel.select_unit(unit)
        assert window.annotations.highlight_selection("blue")
        # The annotation is stored and shown; indexing it has not held the GUI thread up.
        assert zh.marks() and panel.index.building
        assert panel.index.search("is:annotated").hits == []  # the last committed generation
    assert not panel.index.building
    assert [i.data(SEGMENT_ID_ROLE) for i in rows(panel)] == [unit]


def test_a_hit_stays_level_while_the_window_settles_after_the_jump(qtbot, corpus_library):
    """As at the first start: the panels are hosted after the first paint, and opening
    a bilingual document from a monolingual one resizes the docks and the panes once
    Qt gets round to it, after the jump."""
    from reader.ui.app import create_window
    from tests.ui.test_window import TOLERANCE

    window = create_window(corpus_library)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.host_panels()
    panel = window.hosted["search_dock"]
    panel.index.wait(120)
    window.open_document(SEED_002_ID)
    qtbot.wait(50)
    links = [x for x in corpus_library.links.get(SEED_000_ID) if len(x.zh_ids) == len(x.ko_ids) == 1]
    zh_id, ko_id = links[-3].zh_ids[0], links[-3].ko_ids[0]
    panel.hit_activated.emit(SEED_000_ID, zh_id)
    zh, ko = window.parallel.pane_for("zh"), window.parallel.pane_for("ko")
    qtbot.wait(200)  # the layout passes Qt has queued
    assert abs(zh.viewport_top_of(zh_id) - zh.reading_line()) <= TOLERANCE
    assert abs(ko.viewport_top_of(ko_id) - zh.viewport_top_of(zh_id)) <= TOLERANCE
    # A later reflow (here: the window made narrower) keeps the jump level until the reader scrolls.
    window.resize(window.width() - 200, window.height())
    qtbot.wait(200)
    assert abs(zh.viewport_top_of(zh_id) - zh.reading_line()) <= TOLERANCE
    assert abs(ko.viewport_top_of(ko_id) - zh.viewport_top_of(zh_id)) <= TOLERANCE
    window.shutdown()


def test_a_new_search_shows_its_first_hits(qtbot, panel):
    """The result list starts at the top for every new query, however far the last one was scrolled."""
    type_query(qtbot, panel, "产业")
    bar = panel.view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: bar.value() > 0)
    type_query(qtbot, panel, "发展")
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0)
    assert bar.value() == 0
    assert panel.view.indexAt(panel.view.viewport().rect().topLeft()).row() == 0
