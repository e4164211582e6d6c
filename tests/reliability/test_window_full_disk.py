"""An import in the reader window on a full disk (a real tmpfs that fills up) ends with one
clear message, leaves the library as it was, and the next import runs once there is space."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QProgressDialog

from reader.library import Library
from tests.conftest import SEED_000, SEED_002

IMPORT_TIMEOUT_MS = 120_000


@pytest.fixture
def full_disk_window(qtbot, small_disk, monkeypatch):
    from reader.ui.controllers.imports import Duplicate
    from reader.ui.mainwindow import MainWindow

    monkeypatch.setenv("DUIZHAO_DATA_DIR", str(small_disk.path / "data"))
    library = Library()
    document = library.import_files([SEED_000], doc_id="g")
    library.annotations.annotate(document, "zh.p1.c1.s1", note="keep me")
    window = MainWindow(library)
    window.imports.ask_duplicate = lambda parent, name, title: Duplicate.KEEP_BOTH
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.open_document("g")
    yield window, small_disk
    window.close()
    library.close()


def test_an_import_on_a_full_disk_ends_with_one_line_and_changes_nothing(qtbot, full_disk_window, monkeypatch):
    window, disk = full_disk_window
    warnings = []
    monkeypatch.setattr(
        "reader.ui.controllers.imports.QMessageBox.warning", lambda *a, **k: warnings.append((a[1], a[2]))
    )
    library = window.library
    disk.fill(leave=8 * 1024)
    with qtbot.waitSignal(window.imports.finished, timeout=IMPORT_TIMEOUT_MS) as finished:
        assert window.imports.import_paths([SEED_002])
    assert finished.args == [[]]
    ((title, text),) = warnings
    assert title == "Import failed"
    assert text.startswith(f"{SEED_002.name}: ") and "disk is full" in text and "\n" not in text
    qtbot.waitUntil(lambda: not window.findChildren(QProgressDialog))
    assert window.imports.job is None
    assert [d["id"] for d in library.documents.list()] == ["g"]
    assert [a.note for a in library.annotations.list()] == ["keep me"]
    assert window.document.id == "g"

    disk.free()
    with qtbot.waitSignal(window.imports.finished, timeout=IMPORT_TIMEOUT_MS) as finished:
        assert window.imports.import_paths([SEED_002])  # not "An import is already running"
    (new_id,) = finished.args[0]
    assert sorted(d["id"] for d in library.documents.list()) == sorted(["g", new_id])
    assert window.document.id == new_id
