"""The main window as a user drives it: hover, outline, keys, library, monolingual view, settings."""

from __future__ import annotations

import sys

import shiboken6
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox

from reader.ui.controllers.imports import Duplicate
from reader.ui.models import DOC_ID_ROLE, UNIT_ID_ROLE
from tests.conftest import ALIGN_DATA, SEED_000, SEED_002
from tests.ui.conftest import SEED_000_ID, SEED_002_ID

TOLERANCE = 4


def level(window, zh_id: str) -> float:
    ko_id = window.parallel.alignment.counterparts(zh_id)[0]
    return window.parallel.pane_for("zh").viewport_top_of(zh_id) - window.parallel.pane_for("ko").viewport_top_of(ko_id)


def point_in(pane, unit_id: str) -> QPoint:
    """A viewport point on the first character of a unit."""
    span = pane.span(unit_id)
    from PySide6.QtGui import QTextCursor

    cursor = QTextCursor(pane.document())
    cursor.setPosition(span.text_start + 1)
    return pane.cursorRect(cursor).center()


def test_hover_highlights_a_sentence_and_its_counterpart(qtbot, window):
    zh = window.parallel.pane_for("zh")
    link = next(x for x in window.parallel.alignment.links if x.type == "1-2")
    window.go_to_unit(link.zh_ids[0])
    with qtbot.waitSignal(window.parallel.unit_hovered) as hovered:
        qtbot.mouseMove(zh.viewport(), point_in(zh, link.zh_ids[0]))
    assert hovered.args == [link.zh_ids[0]]
    assert window.parallel.highlighted() == {"zh": link.zh_ids, "ko": link.ko_ids}
    extra = window.parallel.pane_for("ko").extraSelections()
    texts = {s.id: s.text for s in window.document.segments}
    assert any(sel.cursor.selectedText() == texts[link.ko_ids[1]] for sel in extra)


def test_click_keeps_the_highlight_after_the_mouse_leaves(qtbot, window):
    ko = window.parallel.pane_for("ko")
    link = next(x for x in window.parallel.alignment.links if x.type == "1-1" and x.ko_ids[0].split(".")[-2] == "s2")
    window.go_to_unit(link.ko_ids[0])
    qtbot.mouseClick(ko.viewport(), Qt.MouseButton.LeftButton, pos=point_in(ko, link.ko_ids[0]))
    qtbot.mouseMove(ko.viewport(), QPoint(2, 2))  # the left margin: no unit
    assert window.parallel.highlighted() == {"zh": link.zh_ids, "ko": link.ko_ids}


def test_outline_lists_parts_and_clauses_and_moves_both_panes(qtbot, window):
    model = window.outline_model
    parts = [model.index(r, 0) for r in range(model.rowCount())]
    assert len(parts) == 8
    assert parts[0].data().startswith("一、")
    clause = model.index(2, 0, parts[2])  # 三 → third clause
    assert clause.data().startswith("（十二）")
    unit = clause.data(UNIT_ID_ROLE)
    rect = window.outline_panel.view.visualRect(clause)
    window.outline_panel.view.scrollTo(clause)
    rect = window.outline_panel.view.visualRect(clause)
    with qtbot.waitSignal(window.outline_panel.clause_activated):
        qtbot.mouseClick(window.outline_panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    zh = window.parallel.pane_for("zh")
    assert abs(zh.viewport_top_of(unit) - zh.reading_line()) <= 1
    assert abs(level(window, unit)) <= TOLERANCE
    assert window.parallel.reading_unit() == unit


def test_outline_models_pass_the_model_tester(qtmodeltester, window):
    qtmodeltester.check(window.outline_model)
    qtmodeltester.check(window.library_model)


def test_ctrl_home_and_ctrl_end_go_to_the_start_and_end_of_the_text(qtbot, window):
    """As in any reader: Ctrl+End to the end, Ctrl+Home back to the start (Home and End
    already did; the control-key forms went to the hidden text cursor and did nothing)."""
    for lang in ("zh", "ko"):
        pane = window.parallel.pane_for(lang)
        bar = pane.verticalScrollBar()
        qtbot.waitUntil(lambda bar=bar: bar.maximum() > 0)
        pane.setFocus()
        qtbot.keyClick(pane, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda bar=bar: bar.value() == bar.maximum())
        qtbot.keyClick(pane, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda bar=bar: bar.value() == 0)


def test_keyboard_moves_by_sentence_clause_and_part(qtbot, window):
    zh = window.parallel.pane_for("zh")
    units = zh.unit_ids
    clauses = [u for u in units if zh.span(u).kind == "clause"]
    parts = [u for u in units if zh.span(u).kind == "part"]
    window.go_to_unit(clauses[3])
    window.parallel.set_active(window.parallel.pane_for("zh"))
    qtbot.keyClick(window, Qt.Key.Key_BracketRight)
    assert window.parallel.reading_unit() == clauses[4]
    assert abs(level(window, clauses[4])) <= TOLERANCE
    qtbot.keyClick(window, Qt.Key.Key_J)
    assert window.parallel.reading_unit() == units[units.index(clauses[4]) + 1]
    qtbot.keyClick(window, Qt.Key.Key_K)
    assert window.parallel.reading_unit() == clauses[4]
    qtbot.keyClick(window, Qt.Key.Key_BracketLeft)
    assert window.parallel.reading_unit() == clauses[3]
    qtbot.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.AltModifier)
    next_part = next(p for p in parts if units.index(p) > units.index(clauses[3]))
    assert window.parallel.reading_unit() == next_part
    assert window.position_label.text().startswith(window.outline_model.index_of(next_part).data()[:2])


def test_zoom_changes_text_size_and_keeps_the_place(qtbot, window):
    zh = window.parallel.pane_for("zh")
    clause = [u for u in zh.unit_ids if zh.span(u).kind == "clause"][10]
    window.go_to_unit(clause)
    size = zh.point_size()
    height = zh.content_height()
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert zh.point_size() == size + 1
    assert zh.content_height() > height
    assert window.parallel.reading_unit() == clause
    assert abs(level(window, clause)) <= TOLERANCE
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert zh.point_size() == 13


def test_untranslated_units_are_marked(window):
    zh = window.parallel.pane_for("zh")
    unmatched = zh.unmatched()
    assert unmatched and set(unmatched.values()) == {"not_translated"}
    title = next(u for u in zh.unit_ids if zh.span(u).kind == "title")
    assert unmatched.get(title) == "not_translated"  # the Korean text has no title line
    span = zh.span(title)
    assert zh.tooltip_for(title, span.text_start) == "Not translated"
    marked = {(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in zh.extraSelections()}
    assert (span.text_start, span.end) in marked


def test_monolingual_document_opens_in_one_pane_with_attach_action(qtbot, window, monkeypatch, tmp_path):
    window.open_document(SEED_002_ID)
    assert window.parallel.bar.isVisible()
    assert "No translation yet" in window.parallel.bar.label.text()
    assert window.parallel.pane_for("ko") is None  # no side shows Korean
    assert window.parallel.left.isVisible() and window.parallel.left.lang == "zh"
    assert not window.parallel.right.isVisible()
    assert window.actions_by_name["attach_translation"].isEnabled()
    assert window.review_label.text() == ""
    # Attach: the Korean half of seed 000 is a Korean translation file.
    korean = tmp_path / "ko.txt"
    text = SEED_000.read_text(encoding="utf-8")
    korean.write_text(text[: text.index("国务院关于")], encoding="utf-8")
    monkeypatch.setattr("reader.ui.controllers.imports.QFileDialog.getOpenFileName", lambda *a, **k: (str(korean), ""))
    with qtbot.waitSignal(window.document_opened):
        qtbot.mouseClick(window.parallel.bar.button, Qt.MouseButton.LeftButton)
    assert window.document.languages == ["zh", "ko"]
    assert window.parallel.pane_for("ko").isVisible()
    assert not window.parallel.bar.isVisible()


def test_library_lists_documents_with_number_languages_and_notes(window, corpus_library):
    model = window.library_model
    assert model.rowCount() == 2
    first = model.index(model.row_of(SEED_000_ID), 0).data()
    assert "国发〔2010〕28号" in first and "中 · 한" in first
    corpus_library.annotations.annotate(window.document, window.parallel.pane_for("zh").unit_ids[5], color="yellow")
    assert "✎ 1" in model.index(model.row_of(SEED_000_ID), 0).data()


def test_library_click_opens_a_document(qtbot, window):
    view = window.library_panel.view
    index = window.library_panel.index_of(SEED_002_ID)
    with qtbot.waitSignal(window.document_opened) as opened:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
    assert opened.args == [SEED_002_ID]


def test_import_by_menu_and_drop_and_remove_with_confirmation(qtbot, window, monkeypatch, corpus_library):
    monkeypatch.setattr(
        "reader.ui.controllers.imports.QFileDialog.getOpenFileNames", lambda *a, **k: ([str(SEED_002)], "")
    )
    duplicates = []
    window.imports.ask_duplicate = lambda parent, name, title: duplicates.append(name) or Duplicate.KEEP_BOTH
    with qtbot.waitSignal(window.imports.finished, timeout=30000):
        window.actions_by_name["import"].trigger()
    assert window.library_model.rowCount() == 3
    new_id = window.document.id
    assert new_id not in (SEED_000_ID, SEED_002_ID)
    assert duplicates == [SEED_002.name]  # the same text as the bundled copy: asked, kept both

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(SEED_000))])
    drop = QDropEvent(
        QPointF(300, 300), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    )
    window.dropEvent(drop)
    qtbot.waitUntil(lambda: window.library_model.rowCount() == 4)

    asked = []
    monkeypatch.setattr(
        "reader.ui.dialogs.QMessageBox.question", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.No
    )
    assert not window.remove_document(new_id)
    assert window.library_model.rowCount() == 4
    monkeypatch.setattr("reader.ui.dialogs.QMessageBox.question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.open_document(new_id)
    assert window.remove_document(new_id)
    assert window.library_model.rowCount() == 3
    assert new_id not in [d["id"] for d in corpus_library.documents.list()]
    assert window.document is None
    assert asked


def test_bad_import_says_which_file(qtbot, window, monkeypatch, tmp_path):
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"not a zip")
    shown = []
    monkeypatch.setattr("reader.ui.controllers.imports.QMessageBox.warning", lambda *a, **k: shown.append(a[2]))
    with qtbot.waitSignal(window.imports.finished, timeout=30000) as finished:
        assert window.imports.import_paths([bad])
    assert finished.args == [[]]
    assert len(shown) == 1 and "broken.docx" in shown[0]


def test_ctrl_f_requests_a_search_of_the_document(qtbot, window):
    with qtbot.waitSignal(window.search_requested) as requested:
        qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert requested.args == ["document"]
    with qtbot.waitSignal(window.search_requested) as requested:
        qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert requested.args == ["library"]


def test_every_action_is_in_a_menu_and_has_a_shortcut(window):
    in_menus = {a.objectName() for menu in window.menus.values() for a in menu.actions()}
    for name, action in window.actions_by_name.items():
        assert name in in_menus, name
        if name != "about":
            assert not action.shortcut().isEmpty(), name


def test_remembers_layout_document_and_position(qtbot, corpus_library):
    from reader.ui.app import create_window

    first = create_window(corpus_library)
    qtbot.addWidget(first)
    first.resize(760, 560)  # the offscreen screen is 800x600: a restored window is kept on it
    first.show()
    qtbot.waitExposed(first)
    first.open_document(SEED_000_ID)
    zh = first.parallel.pane_for("zh")
    clause = [u for u in zh.unit_ids if zh.span(u).kind == "clause"][17]
    first.go_to_unit(clause)
    first.parallel.swap_keeping_place()
    first.close()

    second = create_window(corpus_library)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    qtbot.waitUntil(lambda: second.parallel.reading_unit() in (clause, *second.parallel.alignment.counterparts(clause)))
    assert second.document.id == SEED_000_ID
    assert second.size().width() == 760
    assert second.parallel.left.lang == "ko"


def test_no_heavy_language_tools_loaded_at_start(data_dir):
    """jieba and kiwipiepy (seconds to load) are never imported to show the window."""
    import os
    import subprocess

    script = (
        "import sys\n"
        "from reader.ui.app import application, create_window\n"
        "from reader.library import Library\n"
        "app = application([])\n"
        "window = create_window(Library())\n"
        "window.show()\n"
        "app.processEvents()\n"
        "print(sorted(m for m in ('jieba', 'kiwipiepy', 'whoosh') if m in sys.modules))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DUIZHAO_DATA_DIR": str(data_dir)}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120)
    assert result.stdout.strip().splitlines()[-1] == "[]", result.stderr


def test_missing_cjk_fonts_are_reported_with_a_fix(window, monkeypatch):
    monkeypatch.setattr("reader.ui.mainwindow.missing_scripts", lambda: ["zh", "ko"])
    window.check_fonts()
    assert window.font_warning.isVisible()
    text = window.font_warning.text()
    assert "Chinese" in text and "Korean" in text and "fonts-noto-cjk" in text
    monkeypatch.setattr("reader.ui.mainwindow.missing_scripts", lambda: [])
    window.check_fonts()
    assert not window.font_warning.isVisible()


def test_library_rows_carry_document_ids(window):
    ids = {window.library_model.index(r, 0).data(DOC_ID_ROLE) for r in range(window.library_model.rowCount())}
    assert ids == {SEED_000_ID, SEED_002_ID}


def test_a_closed_window_no_longer_listens_to_the_library(qtbot, corpus_library):
    from reader.ui.mainwindow import MainWindow

    gone = MainWindow(corpus_library)
    gone.open_document(SEED_000_ID)
    gone.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(gone))
    corpus_library.delete(SEED_002_ID)  # must not reach the deleted window
    assert SEED_002_ID not in [d["id"] for d in corpus_library.documents.list()]


def test_opening_documents_does_not_keep_old_texts(qtbot, window):
    from PySide6.QtGui import QTextDocument

    zh = window.parallel.pane_for("zh")
    for _ in range(5):
        window.open_document(SEED_002_ID)
        window.open_document(SEED_000_ID)
    qtbot.wait(10)  # deleteLater runs
    texts = zh.findChildren(QTextDocument, options=Qt.FindChildOption.FindDirectChildrenOnly)
    assert len(texts) == 1 and texts[0] is zh.document()


def test_a_jump_levels_a_sentence_that_starts_mid_line(window):
    zh, ko = window.parallel.pane_for("zh"), window.parallel.pane_for("ko")
    # In the body (a sentence of the preamble cannot come down to the reading line: the pane is at its top).
    links = [
        x
        for x in window.parallel.alignment.links
        if x.type == "1-1" and ".s2." in x.zh_ids[0] and x.zh_ids[0].split(".")[1][1:].isdigit()
    ]
    mid_line = [
        x for x in links if zh.span(x.zh_ids[0]).start != zh.document().findBlock(zh.span(x.zh_ids[0]).start).position()
    ]
    assert len(mid_line) > 10
    for link in mid_line[:10]:
        window.go_to(SEED_000_ID, link.zh_ids[0])
        assert abs(zh.viewport_top_of(link.zh_ids[0]) - zh.reading_line()) <= 1
        assert abs(zh.viewport_top_of(link.zh_ids[0]) - ko.viewport_top_of(link.ko_ids[0])) <= TOLERANCE


def test_reading_position_survives_an_edited_sentence(qtbot, corpus_library):
    from reader.ui.app import create_window
    from reader.ui.settings import Settings

    settings = Settings()
    document = corpus_library.documents.get(SEED_000_ID)
    unit = next(u for u in document.units("zh") if u.id.startswith("zh.p4.c2.s1."))
    settings.set("reader/last_document", SEED_000_ID)
    settings.set("reader/last_unit", unit.id.rsplit(".", 1)[0] + ".000000")  # the text changed since
    win = create_window(corpus_library, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.parallel.reading_unit() == unit.id)


def test_numbers_are_printed_once_and_marks_start_on_them(window):
    """A unit's text holds its number (（一）指导思想。): the pane prints it once, and the
    unit's span (where highlights and annotation offsets count from) starts on it."""
    zh = window.parallel.pane_for("zh")
    text = zh.document().toPlainText()
    assert text.count("（一）指导思想。") == 1 and "（一）（一）" not in text and "一、一、" not in text
    clause = next(s for s in window.document.segments if s.lang == "zh" and s.label == "（一）")
    span = zh.span(clause.id)
    assert text[span.text_start : span.end] == clause.text == "（一）指导思想。"
    ko = window.parallel.pane_for("ko").document().toPlainText()
    assert ko.count("(1) 지도사항.") == 1 and "(1) (1)" not in ko


def test_a_clause_numbered_inside_its_first_sentence_is_listed_by_that_sentence(library):
    """The outline shows 〇、本许可协议适用于… for a clause whose long first sentence carries
    its number (the clause's own text is empty: GNU GPL v2 in Chinese), not a lone 〇."""
    from reader.ui.models import outline_nodes

    document = library.import_files([ALIGN_DATA / "gpl2-licence" / "zh.md"], doc_id="gpl")
    bare = [s for s in document.segments_in("zh") if s.kind == "clause" and not s.text]
    assert bare  # the case at hand
    nodes = {child.unit_id: child.text for root in outline_nodes(document, "zh") for child in root.children}
    for clause in bare:
        assert nodes[clause.id].startswith(clause.label) and len(nodes[clause.id]) > len(clause.label) + 5
