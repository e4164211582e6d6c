"""The annotations panel over a real repository: list, filter, edit, delete, undo/redo (on one undo stack), jump."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from reader.annotations.query import AnnotationCatalog, AnnotationFilter
from reader.ui.annotations_panel import ANNOTATION_ID_ROLE, AnnotationListModel, AnnotationsPanel
from reader.ui.controllers.annotations import AnnotationEdits
from reader.ui.errors import ErrorReporter
from tests.conftest import SEED_000, SEED_002


@pytest.fixture
def filled(library):
    """Seed 000 with three annotations and seed 002 with one."""
    g = library.import_files([SEED_000], doc_id="g")
    m = library.import_files([SEED_002], doc_id="m")
    repo = library.annotations
    repo.annotate(g, "zh.p1.c1.s2", quote="提高自主创新能力", color="green", note="혁신 역량", tags=["혁신"])
    repo.annotate(g, "ko.p1.c1.s1", color="blue", note="과학발전관", starred=True)
    repo.annotate(g, "zh.p2.c1.s1", color="green", tags=["产业", "혁신"])
    repo.annotate(m, "zh.p1.g1.s1", color="pink", note="other document")
    return library, g, m


@pytest.fixture
def panel(qtbot, filled):
    library = filled[0]
    stack = QUndoStack()
    widget = AnnotationsPanel(library.annotations, AnnotationEdits(library.annotations, stack, ErrorReporter()))
    widget.undo_stack = stack  # the window's, in the app
    widget.note_timer.setInterval(0)
    widget.set_document_titles({"g": "国务院关于…", "m": "关于促进制造业…"})
    qtbot.addWidget(widget)
    library.listen(widget.on_library_event)
    widget.show_document("g")  # the panel loaded the annotations when it was made
    return widget


def _quotes(panel) -> list[str]:
    return [panel.model.annotation(r).anchor.quote[:8] for r in range(panel.model.rowCount())]


def test_model_passes_the_qt_model_tester(qtmodeltester, filled):
    library, *_ = filled
    model = AnnotationListModel()
    model.set_annotations(library.annotations.list())
    qtmodeltester.check(model)
    assert model.rowCount() == 4
    assert model.data(model.index(0), ANNOTATION_ID_ROLE) == model.annotation(0).id


def test_panel_lists_the_document_in_reading_order_and_the_library_on_demand(panel):
    assert panel.model.rowCount() == 3
    assert [panel.model.annotation(r).anchor.segment_id[:11] for r in range(3)] == [
        "zh.p1.c1.s2",
        "zh.p2.c1.s1",
        "ko.p1.c1.s1",
    ]
    assert panel.count_label.text() == "3 of 4"
    panel.scope.setCurrentIndex(panel.scope.findData("library"))
    assert panel.model.rowCount() == 4
    assert "关于促进制造业…" in panel.model.data(panel.model.index(3))


def test_filters_by_text_colour_tag_and_star(panel):
    panel.search.setText("과학")
    assert _quotes(panel) == ["과학발전관을 심"]
    panel.search.clear()
    panel.color_filter.setCurrentIndex(panel.color_filter.findData("green"))
    assert panel.model.rowCount() == 2
    panel.tag_filter.setCurrentIndex(panel.tag_filter.findData("产业"))
    assert panel.model.rowCount() == 1
    panel.color_filter.setCurrentIndex(0)
    panel.tag_filter.setCurrentIndex(0)
    panel.starred_only.setChecked(True)
    assert _quotes(panel) == ["과학발전관을 심"]


def test_sort_by_date_puts_the_newest_first(panel):
    panel.sort.setCurrentIndex(panel.sort.findData("created"))
    assert panel.model.annotation(0).anchor.segment_id.startswith("zh.p2.c1.s1")


def test_click_activates_with_document_and_segment(qtbot, panel):
    index = panel.model.index(1)
    rect = panel.view.visualRect(index)
    panel.show()
    with qtbot.waitSignal(panel.annotation_activated) as blocker:
        qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args[0] == "g"
    assert blocker.args[1].startswith("zh.p2.c1.s1.")


def test_editing_commits_at_once_and_undo_redo_restore(qtbot, panel, filled):
    library, *_ = filled
    panel.view.setCurrentIndex(panel.model.index(0))
    annotation_id = panel.current_annotation().id
    with qtbot.waitSignal(panel.annotations_changed) as changed:
        panel.note.setPlainText("**새 메모**\n둘째 줄")
        panel.commit_note()
    assert changed.args == ["g"]
    assert library.annotations.get(annotation_id).note == "**새 메모**\n둘째 줄"

    panel.star.setChecked(True)
    panel.color.setCurrentIndex(panel.color.findData("purple"))
    panel.color.activated.emit(panel.color.currentIndex())
    panel.tags.setText("혁신, 정책")
    panel.tags.editingFinished.emit()
    stored = library.annotations.get(annotation_id)
    assert (stored.starred, stored.color, stored.tags) == (True, "purple", ("혁신", "정책"))
    assert panel.tag_filter.findData("정책") >= 0  # new tag offered in the filter

    panel.undo_stack.undo()  # tags
    panel.undo_stack.undo()  # colour
    assert library.annotations.get(annotation_id).color == "green"
    assert panel.color.currentData() == "green"
    panel.undo_stack.redo()
    assert library.annotations.get(annotation_id).color == "purple"


def test_delete_and_undo_delete(qtbot, panel, filled):
    library, *_ = filled
    panel.view.setCurrentIndex(panel.model.index(1))
    deleted = panel.current_annotation().id
    panel.delete_button.click()
    assert not library.annotations.exists(deleted)
    assert panel.model.rowCount() == 2
    assert panel.current_annotation() is not None  # the next one is selected
    panel.undo_stack.undo()
    assert library.annotations.exists(deleted)
    assert panel.model.rowCount() == 3
    assert panel.current_annotation().id == deleted


def test_a_failed_write_is_reported_in_one_line_and_the_panel_stays_usable(qtbot, panel, filled):
    library, *_ = filled
    panel.view.setCurrentIndex(panel.model.index(0))
    annotation_id = panel.current_annotation().id
    reported = []
    panel.edits.errors.reported.connect(reported.append)
    library.db.execute("PRAGMA query_only = ON")  # as a read-only library would refuse
    panel.star.click()
    assert reported == ["The library is read-only: nothing could be saved."]
    assert not library.annotations.get(annotation_id).starred
    assert not panel.star.isChecked()  # the panel shows what is stored
    assert panel.undo_stack.count() == 0  # nothing to undo: nothing was done
    library.db.execute("PRAGMA query_only = OFF")
    panel.star.click()
    assert library.annotations.get(annotation_id).starred


def test_create_annotation_from_a_selection_and_changes_made_elsewhere(qtbot, panel, filled):
    library, g, _ = filled
    with qtbot.waitSignal(panel.annotations_changed):
        created = panel.create_annotation(g, "zh.p1.c1.s3", 2, 6, color="orange")
    assert created.anchor.quote == g.units("zh")[[u.id[:11] for u in g.units("zh")].index("zh.p1.c1.s3")].text[2:6]
    assert panel.current_annotation().id == created.id
    assert panel.model.rowCount() == 4
    # A change made outside the panel (e.g. the CLI's library) reaches it through the library events.
    with qtbot.waitSignal(panel.annotations_changed):
        library.annotations.update(created.id, note="from elsewhere")
    assert panel.note.toPlainText() == "from elsewhere"


def test_orphaned_annotations_are_listed_and_not_activated(qtbot, panel, filled):
    library, *_ = filled
    library.delete("m")
    panel.scope.setCurrentIndex(panel.scope.findData("library"))
    panel.orphaned_only.setChecked(True)
    assert panel.model.rowCount() == 1
    assert "orphaned" in panel.model.data(panel.model.index(0))
    with qtbot.assertNotEmitted(panel.annotation_activated):
        panel.on_activated(panel.model.index(0))


def test_typing_a_note_is_saved_without_a_save_and_the_cursor_stays(qtbot, panel, filled):
    library, *_ = filled
    panel.show()
    panel.view.setCurrentIndex(panel.model.index(1))
    annotation_id = panel.current_annotation().id
    panel.note.setFocus()
    qtbot.keyClicks(panel.note, "memo abc")
    qtbot.waitUntil(lambda: library.annotations.get(annotation_id).note == "memo abc")
    assert panel.note.toPlainText() == "memo abc"
    assert panel.note.textCursor().position() == len("memo abc")


def test_tag_completion_completes_the_tag_being_typed(panel):
    completer = panel.tag_completer
    assert "产业" in completer.model().stringList()
    panel.view.setCurrentIndex(panel.model.index(0))
    panel.tags.setText("혁신, 产")
    assert completer.splitPath(panel.tags.text()) == ["产"]
    row = completer.model().stringList().index("产业")
    assert completer.pathFromIndex(completer.model().index(row)) == "혁신, 产业"


def test_note_preview_renders_markdown_and_shows_raw_html_as_text(panel):
    panel.view.setCurrentIndex(panel.model.index(0))
    panel.note.setPlainText("**굵게** and <script>alert(1)</script>")
    panel.preview_button.setChecked(True)
    assert panel.note_stack.currentWidget() is panel.preview
    rendered = panel.preview.toPlainText()
    assert "굵게" in rendered and "**" not in rendered
    assert "<script>" in rendered  # shown, not run or hidden
    assert panel.current_annotation().note.startswith("**굵게**")  # saved before previewing
    panel.preview_button.setChecked(False)
    assert panel.note_stack.currentWidget() is panel.note


@pytest.fixture
def crowded(qtbot, library):
    """The panel over 10,000 real annotations (seed 000 as "g", seed 002 as "m")."""
    from tests.annotations.many import fill_many

    fill_many(library)
    widget = AnnotationsPanel(library.annotations, AnnotationEdits(library.annotations, QUndoStack(), ErrorReporter()))
    widget.resize(420, 700)
    qtbot.addWidget(widget)
    library.listen(widget.on_library_event)
    windows = []
    read = library.annotations.by_ids
    library.annotations.by_ids = lambda ids: windows.append(len(ids)) or read(ids)  # counts what is read
    widget.show_document("g")
    widget.show()
    qtbot.waitExposed(widget)
    return library, widget, windows


def _reference(library, wanted):
    """The panel's old path: every row read, filtered and sorted in Python."""
    return AnnotationCatalog(library.annotations.list(context=False), ordered=True).select(wanted)


def test_ten_thousand_annotations_only_the_rows_on_screen_are_read(qtbot, crowded):
    library, panel, windows = crowded
    model = panel.model
    expected = _reference(library, panel.current_filter())
    qtbot.waitUntil(lambda: model.materialised > 0)  # the view painted its first rows
    assert model.count == len(expected) > 7000
    assert model.rowCount() == model.SHOWN_ROWS  # the view lays out what it is given
    assert panel.count_label.text() == f"{len(expected)} of {len(_reference(library, AnnotationFilter()))}"
    assert model.materialised <= model.PAGE_ROWS * 2  # a window, not the list
    assert windows and all(n <= model.PAGE_ROWS for n in windows)
    first = panel.view.indexAt(panel.view.viewport().rect().topLeft())
    assert model.annotation(first.row()) == expected[first.row()]

    panel.view.scrollToBottom()  # more rows are given as the view reaches the end
    qtbot.waitUntil(lambda: model.rowCount() > model.SHOWN_ROWS)
    last = model.count - 1
    assert model.row_of(expected[last].id) == last  # a row far down (as an edit selects it)
    panel.view.scrollTo(model.index(last))
    qtbot.waitUntil(lambda: panel.view.indexAt(panel.view.viewport().rect().topLeft()).row() > 7000)
    qtbot.waitUntil(lambda: expected[last].id in model._pages.get(last // model.PAGE_ROWS, {}))  # painted, so read
    assert model.materialised <= model.PAGE_ROWS * model.KEPT_PAGES
    assert model.data(model.index(last), ANNOTATION_ID_ROLE) == expected[last].id


def test_ten_thousand_annotations_filtered_sorted_and_edited_as_before(qtbot, crowded):
    library, panel, _windows = crowded
    model = panel.model
    panel.scope.setCurrentIndex(panel.scope.findData("library"))
    panel.sort.setCurrentIndex(panel.sort.findData("updated"))
    panel.tag_filter.setCurrentIndex(panel.tag_filter.findData("Review"))
    panel.search.setText("MEMO")
    expected = _reference(library, panel.current_filter())
    assert 0 < model.count == len(expected)
    assert [model.annotation(r) for r in (0, len(expected) // 2, len(expected) - 1)] == [
        expected[0],
        expected[len(expected) // 2],
        expected[-1],
    ]
    assert panel.tag_filter.count() == 1 + len(library.annotations.tags())

    # Select a row far down (not read yet), edit it: it moves to the top of "Recently edited".
    chosen = expected[len(expected) - 3]
    assert panel.edit_annotation(chosen.id)
    assert panel.current_annotation().id == chosen.id
    panel.note.setPlainText("MEMO, edited")
    panel.commit_note()
    assert library.annotations.get(chosen.id).note == "MEMO, edited"
    assert model.annotation(0).id == chosen.id == panel.current_annotation().id
    assert [a.id for a in (model.annotation(r) for r in range(model.count))] == [
        a.id for a in _reference(library, panel.current_filter())
    ]
    assert model.materialised <= model.PAGE_ROWS * model.KEPT_PAGES


def test_an_edit_redraws_its_row_or_moves_it_as_the_filter_wants(qtbot, panel, filled):
    library, *_ = filled
    panel.view.setCurrentIndex(panel.model.index(0))
    chosen = panel.current_annotation().id
    ids = [panel.model.annotation(r).id for r in range(panel.model.count)]
    panel.color.setCurrentIndex(panel.color.findData("purple"))
    panel.color.activated.emit(panel.color.currentIndex())
    assert [panel.model.annotation(r).id for r in range(panel.model.count)] == ids  # no filter on colour: same rows
    assert panel.model.annotation(0).color == "purple"  # the row shows the change
    panel.color_filter.setCurrentIndex(panel.color_filter.findData("purple"))
    assert [panel.model.annotation(r).id for r in range(panel.model.count)] == [chosen]
    panel.view.setCurrentIndex(panel.model.index(0))
    panel.color.setCurrentIndex(panel.color.findData("green"))
    panel.color.activated.emit(panel.color.currentIndex())
    assert panel.model.count == 0  # filtered by colour: it leaves the list
    assert library.annotations.get(chosen).color == "green"
