"""GUI defects seen in a real window (issue 12): each test fails without its fix.

Imports that fail end for good (no progress dialog comes back), storage errors end the
import and leave the next one free, a file already in the library is not copied
silently, Ctrl+L explains itself, and no state of one document or mode is left behind.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QProgressDialog

from reader.ui.controllers.imports import Duplicate
from reader.ui.errors import ErrorReporter, install_excepthook
from tests.conftest import SEED_000, SEED_002
from tests.ui.conftest import SEED_000_ID, SEED_002_ID

IMPORT_TIMEOUT_MS = 120_000


@pytest.fixture
def warnings(monkeypatch):
    shown = []
    monkeypatch.setattr("reader.ui.controllers.imports.QMessageBox.warning", lambda *a, **k: shown.append((a[1], a[2])))
    return shown


def stored_ids(library) -> set[str]:
    return {d["id"] for d in library.documents.list()}


def new_text(tmp_path, name: str = "new.txt"):
    """Seed 002 with one more paragraph: a document the library does not have yet."""
    path = tmp_path / name
    path.write_text(
        SEED_002.read_text(encoding="utf-8") + "\n\n各地要加强组织领导，确保各项措施落到实处。\n", encoding="utf-8"
    )
    return path


# -- 1. a failed import ends for good ---------------------------------------------------------------
def test_a_failed_import_leaves_no_progress_dialog_that_could_come_back(qtbot, window, tmp_path, monkeypatch):
    latin = tmp_path / "latin.txt"
    latin.write_text("Only Latin letters here.\n\nNo Chinese and no Korean at all.\n", encoding="utf-8")
    window.imports.progress_delay_ms = 60_000  # the error comes while the dialog's delayed show is pending
    seen = []

    def warning(parent, title, text):
        dialogs = window.findChildren(QProgressDialog)
        seen.append((text, [(d.isVisible(), any(t.isActive() for t in d.findChildren(QTimer))) for d in dialogs]))

    monkeypatch.setattr("reader.ui.controllers.imports.QMessageBox.warning", warning)
    with qtbot.waitSignal(window.imports.finished, timeout=IMPORT_TIMEOUT_MS) as finished:
        assert window.imports.import_paths([latin])
    assert finished.args == [[]]
    ((text, dialogs),) = seen
    assert "latin.txt" in text
    # While the error box is up, no progress dialog is shown or about to be shown on top of it.
    assert dialogs and all(not visible and not pending for visible, pending in dialogs)
    qtbot.waitUntil(lambda: not window.findChildren(QProgressDialog))
    assert window.imports.job is None


# -- 2. storage errors end the import; the next one runs --------------------------------------------
def test_a_read_only_library_ends_the_import_with_one_line_and_the_next_import_runs(qtbot, window, tmp_path, warnings):
    path = new_text(tmp_path)
    window.library.db.execute("PRAGMA query_only = ON")  # SQLite refuses every write, as on a read-only disk
    with qtbot.waitSignal(window.imports.finished, timeout=IMPORT_TIMEOUT_MS) as finished:
        assert window.imports.import_paths([path])
    assert finished.args == [[]]
    ((title, text),) = warnings
    assert title == "Import failed"
    assert text == "new.txt: The library is read-only: nothing could be saved."
    assert window.imports.job is None and window.imports.progress is None
    assert stored_ids(window.library) == {SEED_000_ID, SEED_002_ID}

    window.library.db.execute("PRAGMA query_only = OFF")
    with qtbot.waitSignal(window.imports.finished, timeout=IMPORT_TIMEOUT_MS) as finished:
        assert window.imports.import_paths([path])  # not "An import is already running"
    (new_id,) = finished.args[0]
    assert window.document.id == new_id


def test_a_failed_alignment_edit_is_reported_and_nothing_is_left_to_undo(qtbot, window, corpus_library):
    link = next(x for x in window.links if x.type == "1-1" and ".s" in x.zh_ids[0])
    before = corpus_library.links.get(SEED_000_ID)
    window.parallel.select_unit(link.zh_ids[0])
    corpus_library.db.execute("PRAGMA query_only = ON")
    window.alignment.unlink_selection()
    corpus_library.db.execute("PRAGMA query_only = OFF")
    assert window.statusBar().currentMessage() == "The library is read-only: nothing could be saved."
    assert corpus_library.links.get(SEED_000_ID) == before
    assert window.undo_stack.count() == 0
    assert window.alignment.unlink_selection()  # and the window goes on working
    assert corpus_library.links.get(SEED_000_ID) != before


def test_the_last_resort_hook_logs_a_bug_and_tells_the_user_in_one_line(qtbot, caplog):
    reporter = ErrorReporter()
    heard = []
    reporter.reported.connect(heard.append)
    restore = install_excepthook(reporter)
    try:
        try:
            {}["missing"]
        except KeyError:
            sys.excepthook(*sys.exc_info())
    finally:
        restore()
    assert heard == ["Something went wrong (KeyError); the details are in the log."]
    assert "bug while running a GUI slot" in caplog.text and "KeyError" in caplog.text
    assert sys.excepthook is not None and getattr(sys.excepthook, "__name__", "") != "hook"


# -- 5. a file already in the library ------------------------------------------------------------------
@pytest.mark.parametrize("choice", [Duplicate.OPEN, Duplicate.REPLACE, Duplicate.KEEP_BOTH])
def test_importing_a_text_already_in_the_library_asks_open_replace_or_keep_both(
    qtbot, window, tmp_path, warnings, choice
):
    copy = tmp_path / "copy of guofa.txt"
    copy.write_bytes(SEED_000.read_bytes())
    window.open_document(SEED_002_ID)
    asked = []
    window.imports.ask_duplicate = lambda parent, name, title: asked.append((name, title)) or choice
    events = []
    window.library.listen(lambda event, doc_id: events.append((event, doc_id)))
    with qtbot.waitSignal(window.imports.finished, timeout=IMPORT_TIMEOUT_MS) as finished:
        window.imports.import_paths([copy])
    assert asked == [("copy of guofa.txt", window.library.documents.get(SEED_000_ID).title)]
    (opened,) = finished.args[0]
    assert window.document.id == opened
    if choice is Duplicate.KEEP_BOTH:
        assert opened not in (SEED_000_ID, SEED_002_ID)
        assert stored_ids(window.library) == {SEED_000_ID, SEED_002_ID, opened}
    else:
        assert opened == SEED_000_ID
        assert stored_ids(window.library) == {SEED_000_ID, SEED_002_ID}
        assert events == ([("changed", SEED_000_ID)] if choice is Duplicate.REPLACE else [])


def test_a_changed_text_is_not_taken_for_a_duplicate(qtbot, window, tmp_path, warnings):
    window.imports.ask_duplicate = lambda *a: pytest.fail("asked about a text that is not in the library")
    with qtbot.waitSignal(window.imports.finished, timeout=IMPORT_TIMEOUT_MS) as finished:
        window.imports.import_paths([new_text(tmp_path)])
    assert len(finished.args[0]) == 1


# -- 6. Ctrl+L explains itself ----------------------------------------------------------------------------
def test_link_with_one_side_chosen_changes_nothing_and_says_what_to_select(qtbot, window, corpus_library):
    link = next(x for x in window.links if x.type == "1-1" and ".s" in x.zh_ids[0])
    before = corpus_library.links.get(SEED_000_ID)
    window.parallel.select_unit(link.zh_ids[0])  # one clicked sentence
    assert not window.alignment.link_selection()
    assert corpus_library.links.get(SEED_000_ID) == before
    assert window.undo_stack.count() == 0
    message = window.statusBar().currentMessage()
    assert "Nothing linked" in message and "Korean" in message


def test_the_status_bar_names_what_was_linked(qtbot, window, corpus_library):
    from tests.ui.test_corrections import select_units

    link = [x for x in window.links if x.type == "1-1" and ".s" in x.zh_ids[0]][10]
    zh, ko = window.parallel.pane_for("zh"), window.parallel.pane_for("ko")
    select_units(zh, link.zh_ids[0], link.zh_ids[0])
    select_units(ko, link.ko_ids[0], link.ko_ids[0])
    assert window.alignment.link_selection()
    message = window.statusBar().currentMessage()
    zh_text = next(s.text for s in window.document.segments if s.id == link.zh_ids[0])
    ko_text = next(s.text for s in window.document.segments if s.id == link.ko_ids[0])
    assert message.startswith("Linked “" + zh_text[:10])
    assert ko_text[:10] in message


# -- 10. no stale state ------------------------------------------------------------------------------------
def clause(window, n: int) -> str:
    return [u.id for u in window.document.units("zh") if u.kind == "clause"][n]


def test_opening_another_document_clears_the_old_clause_from_the_status_bar(qtbot, window):
    window.go_to_unit(clause(window, 10))
    assert "十一" in window.position_label.text()
    window.open_document(SEED_002_ID)
    assert "十一" not in window.position_label.text()


def test_leaving_review_mode_clears_what_was_to_review(qtbot, window):
    window.actions_by_name["review_mode"].setChecked(True)
    assert window.statusBar().currentMessage().startswith("To review:")
    window.actions_by_name["review_mode"].setChecked(False)
    assert window.statusBar().currentMessage() == ""


def test_a_document_reopened_from_the_library_opens_where_the_reader_left_it(qtbot, window):
    target = clause(window, 10)
    window.go_to_unit(target)
    window.library_panel.document_activated.emit(SEED_002_ID)
    assert window.document.id == SEED_002_ID
    window.library_panel.document_activated.emit(SEED_000_ID)
    assert window.parallel.reading_unit() == target


def test_removing_the_open_document_leaves_a_hint_not_blank_panes(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr("reader.ui.dialogs.QMessageBox.question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.go_to_unit(clause(window, 3))
    assert window.remove_document(SEED_000_ID)
    assert window.document is None
    assert window.empty_hint.isVisible()
    assert "Library" in window.empty_hint.text()
    assert window.position_label.text() == ""
    assert window.review_label.text() == ""
    window.open_document(SEED_002_ID)
    assert not window.empty_hint.isVisible()
