"""The window hosts the annotations panel: keys 1–6 highlight, marks are drawn in both panes, one undo."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import SEED_000_ID


def select_text(pane, unit_id: str, start: int, end: int) -> None:
    span = pane.span(unit_id)
    cursor = QTextCursor(pane.document())
    cursor.setPosition(span.text_start + start)
    cursor.setPosition(span.text_start + end, QTextCursor.MoveMode.KeepAnchor)
    pane.setTextCursor(cursor)


def test_selection_reports_segment_offsets_and_quote(qtbot, window):
    zh = window.parallel.pane_for("zh")
    unit = next(u for u in zh.unit_ids if zh.span(u).kind == "sentence")
    text = next(s.text for s in window.document.segments if s.id == unit)
    with qtbot.waitSignal(zh.span_selected) as selected:
        select_text(zh, unit, 2, 6)
    assert selected.args == [unit, 2, 6, text[2:6]]


def test_highlight_key_annotates_and_marks_both_languages(qtbot, hosted_window, corpus_library):
    window = hosted_window
    assert window.hosted_dock("annotations_dock") is not None
    zh, ko = window.parallel.pane_for("zh"), window.parallel.pane_for("ko")
    link = next(x for x in window.parallel.alignment.links if x.type == "1-1" and ".s" in x.zh_ids[0])
    window.go_to_unit(link.zh_ids[0])
    select_text(zh, link.zh_ids[0], 0, 4)
    qtbot.keyClick(window, Qt.Key.Key_2)
    stored = corpus_library.annotations.list(doc_id=SEED_000_ID)
    assert len(stored) == 1 and stored[0].color == "green"
    assert stored[0].anchor.segment_id == link.zh_ids[0]
    assert [(m[0], m[1], m[2]) for m in zh.marks()] == [(link.zh_ids[0], 0, 4)]
    assert [m[0] for m in ko.marks()] == link.ko_ids  # the counterpart, paler
    assert "✎ 1" in window.library_model.index(window.library_model.row_of(SEED_000_ID), 0).data()

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert corpus_library.annotations.list(doc_id=SEED_000_ID) == []
    assert zh.marks() == [] and ko.marks() == []
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(corpus_library.annotations.list(doc_id=SEED_000_ID)) == 1


def test_clicked_sentence_is_highlighted_whole(qtbot, window, corpus_library):
    ko = window.parallel.pane_for("ko")
    unit = next(u for u in ko.unit_ids if ko.span(u).kind == "sentence")
    window.parallel.select_unit(unit)
    assert window.annotations.highlight_selection("blue")
    (annotation,) = corpus_library.annotations.list(doc_id=SEED_000_ID)
    text = next(s.text for s in window.document.segments if s.id == unit)
    assert (annotation.anchor.segment_id, annotation.anchor.start, annotation.anchor.end) == (unit, 0, len(text))


def test_undo_interleaves_alignment_and_annotation_changes(qtbot, window, corpus_library):
    links_before = corpus_library.links.get(SEED_000_ID)
    unit = next(x for x in window.links if x.type == "1-1" and ".s" in x.zh_ids[0]).zh_ids[0]
    window.parallel.select_unit(unit)
    window.annotations.highlight_selection("yellow")  # 1: annotation
    assert window.alignment.unlink_selection()  # 2: alignment
    window.undo_stack.undo()  # undoes 2
    assert corpus_library.links.get(SEED_000_ID) == links_before
    assert len(corpus_library.annotations.list(doc_id=SEED_000_ID)) == 1
    window.undo_stack.undo()  # undoes 1
    assert corpus_library.annotations.list(doc_id=SEED_000_ID) == []


def test_export_action_opens_the_export_dialog_for_the_open_document(qtbot, window, monkeypatch):
    from reader.ui.export_dialog import ExportDialog

    shown = []
    monkeypatch.setattr(ExportDialog, "exec", lambda self: shown.append(self) or 0)
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert len(shown) == 1 and shown[0].parent() is window


def test_hosted_panels_are_given_the_index_and_the_one_undo_stack(qtbot, hosted_window):
    window = hosted_window
    assert window.search_panel.index is window.search_index  # built outside the panel
    assert window.annotations_panel.edits is window.annotation_edits
    assert window.annotation_edits.undo_stack is window.undo_stack


def test_ctrl_f_focuses_the_search_box_and_a_hit_opens_both_panes_there(qtbot, hosted_window):
    window = hosted_window
    panel = window.hosted["search_dock"]
    window.open_document("manufacturing-transfer")
    window.open_document(SEED_000_ID)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.hosted_dock("search_dock").isVisible()
    assert panel.query_edit.hasFocus() or QApplication.focusWidget() is panel.query_edit
    assert panel.doc_filter.currentData() == SEED_000_ID
    zh = window.parallel.pane_for("zh")
    target = [u for u in zh.unit_ids if zh.span(u).kind == "clause"][12]
    window.open_document("manufacturing-transfer")
    panel.hit_activated.emit(SEED_000_ID, target)
    assert window.document.id == SEED_000_ID
    assert window.parallel.reading_unit() == target
    ko_id = window.parallel.alignment.counterparts(target)[0]
    assert abs(zh.viewport_top_of(target) - window.parallel.pane_for("ko").viewport_top_of(ko_id)) <= 4
