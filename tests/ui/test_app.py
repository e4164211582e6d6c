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

    QTimer.singleShot(300, look_and_quit)
    assert run([]) == 0
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
