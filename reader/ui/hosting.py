"""The panels docked beside the reading view: search, annotations, the glossary and the
translation checks.

They are made after the first paint (their modules import heavier libraries) and given
what they work on: the search panel the search index (built by ``app.py``), the
annotations panel the repository to read and the window's ``AnnotationEdits`` to write
through. Both implement ``HostedPanel``; their signals are connected here by name.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from ..search import SearchIndex
    from .mainwindow import MainWindow
    from .panels import HostedPanel

#: Dock object name → its title.
DOCK_TITLES = {
    "search_dock": QT_TRANSLATE_NOOP("MainWindow", "Search"),
    "annotations_dock": QT_TRANSLATE_NOOP("MainWindow", "Annotations"),
    "glossary_dock": QT_TRANSLATE_NOOP("MainWindow", "Glossary"),
    "findings_dock": QT_TRANSLATE_NOOP("MainWindow", "Translation checks"),
    "compare_dock": QT_TRANSLATE_NOOP("MainWindow", "Comparison"),
}


def dock_title(name: str) -> str:
    return QCoreApplication.translate("MainWindow", str(DOCK_TITLES[name]))


def while_alive(widget: QWidget, callback: Callable[[str, str], None]) -> Callable[[str, str], None]:
    """A library listener that calls ``callback`` only while ``widget`` exists: the
    library outlives windows (tests, the screenshot command) and keeps its listeners."""
    ref = weakref.ref(widget)

    def listener(event: str, doc_id: str) -> None:
        alive = ref()
        if alive is not None and shiboken6.isValid(alive):
            callback(event, doc_id)

    return listener


def host_panels(window: MainWindow, index: SearchIndex | None = None) -> None:
    """Dock the search and annotations panels in ``window`` (once)."""
    if window.hosted:
        return
    # Showing the new docks makes Qt grow the window to their minimum sizes at once
    # (800×560 became 800×1107, the status bar below the screen), even when the narrow
    # layout puts them away a moment later: the window keeps the size it had.
    size = window.size()
    from ..search import SearchIndex
    from ..terms.service import prepare_lookup
    from .annotations_panel import AnnotationsPanel
    from .findings_panel import FindingsPanel
    from .glossary_panel import GlossaryPanel
    from .glossary_updater import GlossaryUpdater
    from .lookup import LookupController
    from .search_panel import SearchPanel

    window.search_index = index if index is not None else SearchIndex(window.library)
    window.search_panel = search = SearchPanel(window.library, window.search_index)
    search.hit_activated.connect(window.go_to)
    window.annotations_panel = notes = AnnotationsPanel(window.library.annotations, window.annotation_edits)
    notes.annotation_activated.connect(window.go_to)
    window.annotations.created.connect(notes.focus_annotation)
    # One updater mines the glossary for the glossary panel and the checks alike, a
    # moment after the library changes (or now, if it is stale), whichever is on screen.
    # The glossary panel stops it when the window shuts its panels down.
    updater = GlossaryUpdater(window.library, window)
    window.library.listen(while_alive(window, updater.on_library_event))
    glossary = GlossaryPanel(window.library, window.undo_stack, updater)
    glossary.hit_activated.connect(window.go_to)
    findings = FindingsPanel(window.library, window.undo_stack, updater)
    findings.hit_activated.connect(window.go_to)
    updater.schedule()
    # The reading aid over each side: it acts only where the side shows Chinese.
    window.lookups = [LookupController(pane, window.library.terms) for pane in window.parallel.sides]
    # The first hover would wait for jieba, OpenCC and pypinyin to load: load them now,
    # off the GUI thread (they hold locks of their own, so a lookup meanwhile just waits).
    threading.Thread(target=prepare_lookup, name="lookup-preparation", daemon=True).start()
    for lookup in window.lookups:
        window.pane_menu.add_extension(lookup.menu_extension)  # "Look up …" in the panes' context menu
    panels: tuple[tuple[str, HostedPanel, QWidget], ...] = (
        ("search_dock", search, search),
        ("annotations_dock", notes, notes),
        ("glossary_dock", glossary, glossary),
        ("findings_dock", findings, findings),
    )
    for name, panel, widget in panels:
        window.hosted[name] = panel
        dock = window.add_dock(name, widget, Qt.DockWidgetArea.RightDockWidgetArea)
        # Shown now, not when Qt next lays the window out: a panel added to a narrow window
        # must be seen, and put away, by the narrow layout.
        dock.show()
        dock.setWindowTitle(dock_title(name))
        window.menus["view"].addAction(dock.toggleViewAction())
        window.document_opened.connect(panel.show_document)
        if window.document is not None:
            panel.show_document(window.document.id)
        window.library.listen(while_alive(widget, panel.on_library_event))
    # The glossary and the checks share the annotations' place (tabs) rather than
    # squeezing the column.
    annotations_dock = window.hosted_dock("annotations_dock")
    if annotations_dock is not None:
        for name in ("glossary_dock", "findings_dock"):
            tab = window.hosted_dock(name)
            if tab is not None:
                window.tabifyDockWidget(annotations_dock, tab)
        annotations_dock.raise_()
    window.restore_layout()
    if not (window.isMaximized() or window.isFullScreen()) and window.size() != size:
        window.resize(size)
