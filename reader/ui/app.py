"""Starting the GUI: application object, first-run corpus import, main window."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from .. import APP_NAME, __version__
from ..errors import DuizhaoError
from ..library import Library
from ..store.database import DatabaseTooNew
from .mainwindow import MainWindow


def create_window(library: Library) -> MainWindow:
    library.import_corpus()
    window = MainWindow(library)
    documents = library.documents.list()
    if documents:
        window.open_document(documents[0]["id"])
    return window


def run(argv: list[str]) -> int:
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    try:
        library = Library()
        window = create_window(library)
    except (DuizhaoError, DatabaseTooNew) as exc:
        QMessageBox.critical(None, APP_NAME, str(exc))
        return 1
    window.show()
    code = app.exec()
    library.close()
    return code
