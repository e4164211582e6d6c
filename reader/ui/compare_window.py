"""The window's side of the compare view: the dialog, the overview dock, and the window made
read-only while two documents are compared.

``CompareMode`` owns the :class:`~reader.ui.controllers.compare.CompareController` and
connects it to the window (its status bar, the Library's "Compare with…", the outline,
the title): the main window only makes it. While comparing, no document is open for
editing (alignment editing, notes and undo act on nothing); opening a document from the
Library goes back to reading it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Slot
from PySide6.QtWidgets import QApplication, QDockWidget

from .. import APP_NAME
from . import actions, hosting
from .compare_panel import CompareDialog, ComparisonPanel
from .controllers.compare import CompareController
from .models import UNIT_ID_ROLE

if TYPE_CHECKING:
    from .mainwindow import MainWindow

DOCK = "compare_dock"


class CompareMode(QObject):
    """Starts and ends comparisons in a main window, and keeps the window in step."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.compare = CompareController(window.library, window.parallel, window.errors)
        self.panel: ComparisonPanel | None = None
        self.compare.started.connect(self._on_started)
        self.compare.shown.connect(self._on_shown)
        self.compare.ended.connect(self._on_ended)
        self.compare.message.connect(window.status.show_message)
        window.status.addPermanentWidget(self.compare.progress)
        window.library_panel.compare_requested.connect(self.choose)
        window.document_opened.connect(lambda _doc_id: self.compare.end())  # reading leaves a comparison
        window.parallel.reading_unit_changed.connect(self._on_reading_unit_changed)
        window.library.listen(hosting.while_alive(window, self._on_library_event))
        QApplication.styleHints().colorSchemeChanged.connect(lambda *_: self.compare.apply_colors())
        window.installEventFilter(self)

    # -- starting -------------------------------------------------------------------------------
    def documents(self) -> list[tuple[str, str]]:
        """(reference, title) of every document the dialog offers."""
        choices = []
        for doc in self.window.library.documents.list():
            title = doc["title"] or doc["id"]
            choices.append((doc["id"], title))
            for version in self.window.library.versions(doc["id"])[:-1]:  # the earlier ones
                label = f" · {version.label}" if version.label else ""
                name = self.tr("{title} — version {number}{label}")
                choices.append((version.ref, name.format(title=title, number=version.number, label=label)))
        return choices

    @Slot()
    @Slot(str)
    def choose(self, doc_id: str = "") -> bool:
        """Ask for two documents (the open one, or ``doc_id``, on the left) and compare them."""
        window = self.window
        current = doc_id or (window.document.id if window.document is not None else "")
        dialog = CompareDialog(self.documents(), left=current, parent=window)
        if not dialog.exec():
            return False
        return bool(self.compare.start(*dialog.choice()))

    def dock(self) -> QDockWidget:
        """The overview beside the reading view (made at the first comparison)."""
        dock = self.window.hosted_dock(DOCK)
        if dock is not None:
            return dock
        compare = self.compare
        self.panel = panel = ComparisonPanel(compare.model)
        panel.pair_activated.connect(compare.go_to_pair)
        panel.step_requested.connect(compare.step)
        panel.export_requested.connect(lambda same: compare.export(same, self.window))
        compare.pair_reached.connect(panel.follow)
        dock = self.window.add_dock(DOCK, panel, Qt.DockWidgetArea.RightDockWidgetArea)
        dock.setWindowTitle(hosting.dock_title(DOCK))
        self.window.menus["view"].addAction(dock.toggleViewAction())
        return dock

    @Slot()
    def export(self) -> None:
        """Export the comparison (File menu): 同左 / 좌동 as the panel's box says."""
        same = self.panel.same_as_left.isChecked() if self.panel is not None else False
        self.compare.export(same, self.window)

    # -- the window while comparing ----------------------------------------------------------------
    @Slot()
    def _on_started(self) -> None:
        window = self.window
        if window.document is not None:
            window.session.remember(window.document.id)
        window.document, window.links = None, []
        window.alignment.set_document(None, [])
        window.annotations.set_document(None, [])
        window.undo_stack.clear()
        window.review.reset()
        window.empty_hint.setVisible(False)
        window.position_label.setText("")
        dock = self.dock()
        if self.panel is not None:
            self.panel.set_title(*self.compare.titles())
        dock.show()
        dock.raise_()
        actions.set_compare_keys(window.actions_by_name, True)
        self._on_shown()

    @Slot()
    def _on_shown(self) -> None:
        """The outline is the right-hand side's (B, the new one), in the language it shows;
        the title names both sides."""
        if self.compare.views is not None:
            side = self.compare.views[1]
            self.window.outline_model.set_document(side.document, side.shown)
        self.update_title()

    def update_title(self) -> None:
        if self.compare.active:
            left, right = self.compare.titles()
            self.window.setWindowTitle(f"{left} ↔ {right} — {APP_NAME}")

    @Slot()
    def _on_ended(self) -> None:
        actions.set_compare_keys(self.window.actions_by_name, False)
        dock = self.window.hosted_dock(DOCK)
        if dock is not None:
            dock.hide()

    @Slot(str)
    def _on_reading_unit_changed(self, unit_id: str) -> None:
        """The outline follows the provision being read, on either side."""
        if not self.compare.active or not unit_id:
            return
        outline = self.window.outline_model
        index = outline.enclosing(unit_id)
        others = self.window.parallel.counterparts(unit_id)
        if not index.isValid() and others:
            index = outline.enclosing(others[0])
        if index.isValid():
            self.window.outline_panel.follow(index.data(UNIT_ID_ROLE))
            self.window.position_label.setText(index.data() or "")

    def _on_library_event(self, event: str, doc_id: str) -> None:
        if not self.compare.follows(doc_id):
            return
        if event == "deleted":
            self.compare.end()
            self.window.close_document()
        elif event in ("changed", "realigned"):
            self.compare.restart()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window:
            if event.type() == QEvent.Type.LanguageChange:
                QTimer.singleShot(0, self, self._retranslate)  # after the window's own texts (dropped if it is gone)
            elif event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
                self.compare.apply_colors()
        return False

    @Slot()
    def _retranslate(self) -> None:
        if not shiboken6.isValid(self.window):
            return
        self.compare.progress.retranslate()
        dock = self.window.hosted_dock(DOCK)
        if dock is not None and self.panel is not None:
            dock.setWindowTitle(hosting.dock_title(DOCK))
            self.panel.retranslate()
        self.update_title()
