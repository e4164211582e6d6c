"""Starting the app: `python -m reader` opens the window on the corpus and remembers where the reader was."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from reader import config
from reader.ui.app import run
from reader.ui.settings import Settings
from tests.ui.conftest import SEED_000_ID, settle_hosted_panels


def test_run_opens_the_corpus_and_saves_the_session(qtbot, data_dir):
    seen = {}

    def look_and_quit():
        window = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "main_window")
        seen["document"] = window.document.id if window.document else ""
        seen["docks"] = sorted(d.objectName() for d in window.findChildren(type(window.library_dock)))
        seen["window"] = window
        QApplication.instance().exit(0)

    # The first start imports the corpus after the first paint: look once a document is open.
    poll = QTimer()
    poll.setInterval(50)
    poll.timeout.connect(
        lambda: (
            look_and_quit()
            if any(w.objectName() == "main_window" and w.document and w.hosted for w in QApplication.topLevelWidgets())
            else None
        )
    )
    poll.start()
    assert run([]) == 0
    poll.stop()
    assert seen["document"] == SEED_000_ID
    assert "library_dock" in seen["docks"] and "outline_dock" in seen["docks"]
    assert "annotations_dock" in seen["docks"]  # hosted after the first paint
    settings = Settings(config.settings_path())
    assert settings.get("reader/last_document") == SEED_000_ID
    assert settings.get("ui/geometry")
    settle_hosted_panels(seen["window"])
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()


def test_the_first_start_paints_the_window_then_imports_the_corpus_with_progress(qtbot, library):
    from reader.ui.app import create_window, start_background_work
    from reader.ui.settings import Settings as WindowSettings

    window = create_window(library, WindowSettings(), corpus_later=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert library.documents.list() == []  # nothing slow ran before the window was shown
    with qtbot.waitSignal(window.imports.finished, timeout=120_000) as finished:
        start_background_work(window, library)
        assert window.imports.progress.labelText() == "Importing the sample documents…"
    assert finished.args[0] == [SEED_000_ID, "manufacturing-transfer"]
    assert window.document.id == SEED_000_ID  # the first sample document opens
    assert window.library_model.rowCount() == 2
    assert library.corpus_to_import() == []  # once only
    settle_hosted_panels(window)
    window.shutdown()


def test_the_samples_imported_after_the_first_paint_leave_the_open_document_alone(qtbot, library, tmp_path):
    """A user who imported a file before the first start reads it while the samples
    import: their end does not switch the window to the first sample."""
    from reader.ui.app import create_window, start_background_work
    from reader.ui.settings import Settings as WindowSettings

    own = tmp_path / "own.txt"
    own.write_text("关于测试的通知\n\n一、总体要求\n\n本通知自发布之日起施行。\n", encoding="utf-8")
    library.import_files([own], doc_id="own")
    window = create_window(library, WindowSettings(), corpus_later=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.document.id == "own"
    with qtbot.waitSignal(window.imports.finished, timeout=120_000) as finished:
        start_background_work(window, library)
    assert finished.args[0] == [SEED_000_ID, "manufacturing-transfer"]
    assert window.document.id == "own"  # still the user's own document
    assert window.library_model.rowCount() == 3  # the samples are listed beside it
    settle_hosted_panels(window)
    window.shutdown()


def test_a_window_larger_than_its_screen_is_fitted_to_it_at_start(qtbot, library, tmp_path):
    """The default 1400×900, or a size remembered from a larger monitor, shrinks to the screen."""
    from reader.ui.app import create_window
    from reader.ui.settings import Settings as WindowSettings

    window = create_window(library, WindowSettings(tmp_path / "settings.ini"), corpus_later=True)
    qtbot.addWidget(window)
    room = window.screen().availableGeometry()
    assert (room.width(), room.height()) < (1400, 900)  # the offscreen screen is smaller than the default
    assert window.frameGeometry().width() <= room.width() and window.frameGeometry().height() <= room.height()
    assert room.contains(window.frameGeometry())
    window.shutdown()
