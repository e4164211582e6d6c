"""A main window over a library holding the bundled corpus, at a fixed size, sync without throttle."""

from __future__ import annotations

import pytest

SEED_000_ID = "guofa-2010-28"
SEED_002_ID = "manufacturing-transfer"


@pytest.fixture
def corpus_library(library):
    library.import_corpus()
    return library


@pytest.fixture
def window(qtbot, corpus_library):
    from reader.ui.controllers.imports import Duplicate
    from reader.ui.mainwindow import MainWindow

    win = MainWindow(corpus_library)
    win.resize(1400, 900)
    win.parallel.sync.delay_ms = 0
    # A modal question never waits for a click in a test: a text already in the library
    # (the corpus files are imported again by several tests) is kept as another document.
    win.imports.ask_duplicate = lambda parent, name, title: Duplicate.KEEP_BOTH
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.open_document(SEED_000_ID)
    return win


def settle_hosted_panels(win) -> None:
    """Let background work of hosted panels (the search index build) end while they exist."""
    from PySide6.QtWidgets import QApplication

    search = win.hosted.get("search_dock")
    if search is not None:
        search.index.wait(180)
        QApplication.processEvents()


@pytest.fixture
def hosted_window(qtbot, window):
    """The window with the search and annotations panels hosted (as after the first paint)."""
    window.host_panels()
    yield window
    settle_hosted_panels(window)
