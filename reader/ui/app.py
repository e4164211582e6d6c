"""Starting the GUI: application object, theme and language, first-run corpus import, main window."""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from .. import APP_NAME, __version__, config, resources
from ..errors import DuizhaoError
from ..library import Library
from ..protocols import LibraryProtocol
from ..store.database import DatabaseTooNew
from .errors import install_excepthook
from .i18n import Translations, resolve_language
from .mainwindow import MainWindow
from .recovery import DailyBackup, ensure_sound_database
from .settings import Settings
from .theme import apply_theme, install_style


def application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0], *(argv or [])])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    install_style(app)  # Fusion with visible check boxes and flat scroll bars
    app.setWindowIcon(QIcon(str(resources.resource("icons", "duizhao.svg"))))
    return app


def create_window(
    library: LibraryProtocol, settings: Settings | None = None, translations=None, corpus_later: bool = False
) -> MainWindow:
    """The main window with the last document open (or the first one of the library).

    The reading position is restored once the window has its final size (see
    ``MainWindow.restore_position``). The bundled corpus is imported first, or, with
    ``corpus_later``, by ``start_background_work`` once the window is painted.
    """
    settings = settings or Settings()
    if not corpus_later:
        library.import_corpus()
    window = MainWindow(library, settings, translations)
    window.restore_layout()
    window.session.fit_to_screen()  # a remembered or default size larger than this screen shrinks
    documents = [doc["id"] for doc in library.documents.list()]
    last = settings.get("reader/last_document")
    if last in documents:
        window.open_document(last)
        window.pending_unit = settings.get("reader/last_unit")
    elif documents:
        window.open_document(documents[0])
    return window


def start_background_work(window: MainWindow, library: LibraryProtocol) -> None:
    """After the first paint: the first start's corpus import (with progress), then the
    search index and the panels that use it."""
    entries = library.corpus_to_import()
    if entries:
        window.imports.import_corpus(entries)
    window.host_panels(_search_index(library))


class _AfterFirstPaint(QObject):
    """Calls ``then`` once the widget it filters has painted for the first time, so that
    nothing slow runs before the user sees the window. With ``measure`` (``--measure-startup``)
    it also prints the wall-clock time of that paint (benchmarks/startup_bench.py subtracts
    its start time) and quits once the background imports are done."""

    def __init__(self, window: MainWindow, then, measure: bool = False):
        super().__init__(window)
        self.window = window
        self.then = then
        self.measure = measure

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            if self.measure:
                print(f"first paint at {time.time():.3f}", flush=True)
                print(f"CPU time at first paint: {time.process_time():.3f} s", flush=True)
                print(f"at first paint: {memory_report()}", flush=True)
            QTimer.singleShot(0, self._after_paint)
        return False

    def _after_paint(self) -> None:
        self.then()
        if self.measure:
            if self.window.imports.job is None:
                QTimer.singleShot(0, self._quit)
            else:
                self.window.imports.finished.connect(lambda _ids: QTimer.singleShot(0, self._quit))

    def _quit(self) -> None:
        print(f"after the start-up work: {memory_report()}", flush=True)
        QApplication.quit()


def memory_report() -> str:
    """Resident and peak memory of this process and whether Kiwi is loaded (``--measure-startup``)."""
    current = peak = 0.0
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(("VmRSS:", "VmHWM:")):
                    value = float(line.split()[1]) / 1024
                    current, peak = (value, peak) if line.startswith("VmRSS") else (current, value)
    except OSError:  # not Linux: the peak only
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    # Kiwi's model (about 200 MB): whether its analyser was made, by search or by sentence splitting.
    analysis, sentences = sys.modules.get("reader.search.analysis"), sys.modules.get("reader.text.sentences")
    kiwi = bool(analysis and analysis.RESOURCES.kiwi_loaded) or bool(sentences and sentences.KOREAN_SPLITTER.loaded)
    return f"memory {current:.0f} MB, peak {peak:.0f} MB, Kiwi {'loaded' if kiwi else 'not loaded'}"


def run(argv: list[str]) -> int:
    measure = "--measure-startup" in argv
    argv = [a for a in argv if a != "--measure-startup"]
    app = application(argv)
    settings = Settings()
    apply_theme(settings.get("ui/theme"))
    translations = Translations(app)
    translations.install(resolve_language(settings.get("ui/language")))
    if not ensure_sound_database(config.database_path(), config.backup_dir()):
        return 1
    from ..export.atomic import clear_abandoned_exports

    clear_abandoned_exports()  # what exports killed in an earlier run left beside their targets
    try:
        library = Library()
        window = create_window(library, settings, translations, corpus_later=True)
    except (DuizhaoError, DatabaseTooNew) as exc:
        QMessageBox.critical(None, APP_NAME, str(exc))
        return 1
    probe = _AfterFirstPaint(window, lambda: start_background_work(window, library), measure)
    window.parallel.left.viewport().installEventFilter(probe)
    if not measure:
        app.aboutToQuit.connect(window.save_state)
    # Background work (the search index build) ends before the library closes and
    # long before the interpreter finalizes, however the app quits.
    app.aboutToQuit.connect(window.shutdown)
    restore_hook = install_excepthook(window.errors)  # an exception in a slot: logged, one line, app goes on
    window.show()
    daily_backup = DailyBackup(config.database_path(), config.backup_dir(), parent=app)
    code = app.exec()
    daily_backup.timer.stop()
    window.shutdown()
    restore_hook()
    library.close()
    return code


def _search_index(library: LibraryProtocol):
    """The library's search index, for the search panel (the window closes it at the end)."""
    from ..search import SearchIndex

    return SearchIndex(library)
