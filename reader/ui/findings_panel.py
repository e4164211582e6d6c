"""The translation checks of the open document: a review queue beside the reading view.

The findings of ``reader.terms.checks`` (near misses, Chinese left in Korean, numbers,
inconsistent renderings, partial omissions) are computed on a thread of its own (Kiwi
and jieba take a few seconds on a long document the first time) through a connection of
its own, while the panel is on screen, from the library's glossary once it is mined (the
window's ``GlossaryUpdater``), and again whenever it has been mined again; they
are listed with a filter by kind. Activate one to go to its sentence pair; confirm or
dismiss it with the buttons (or Y / N in the list). Each verdict is an undo command on
the window's one undo stack and is stored as ``qa --confirm/--dismiss`` stores it, so it
survives re-alignment and re-import and the CLI sees it.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..errors import DuizhaoError
from ..terms.checks import KINDS, Finding
from .findings_model import FINDING_ROLE, MESSAGE_COLUMN, FindingsFilter, FindingsModel, kind_name

log = logging.getLogger(__name__)
# How long after a document opens (or changes) its checks run (ms): paging through the
# library does not start Kiwi for every document passed.
CHECK_DELAY_MS = 400


class _Checker(QObject):
    """Runs the checks of one document on a thread of its own."""

    finished = Signal(str, object)  # doc_id, list[Finding] (None if it failed)

    def __init__(self, database: Path, doc_id: str):
        super().__init__()
        self.database, self.doc_id = database, doc_id

    @Slot()
    def run(self) -> None:
        from ..library import LibraryReader
        from ..terms.service import document_findings

        reader = LibraryReader(self.database)
        try:
            # The glossary panel mines a stale glossary; the checks run again when it has.
            findings: list[Finding] | None = document_findings(
                reader, self.doc_id, include_dismissed=True, mine_if_stale=False
            )
        except Exception:  # the panel says so; the library is not touched
            log.exception("the translation checks of %s failed", self.doc_id)
            findings = None
        finally:
            reader.close()
        self.finished.emit(self.doc_id, findings)


class DecideFinding(QUndoCommand):
    """A verdict on a finding (confirmed, dismissed or none), stored like ``qa --dismiss``."""

    def __init__(self, panel: FindingsPanel, doc_id: str, finding: Finding, decision: str, text: str):
        super().__init__(text)
        self.panel, self.doc_id, self.finding = panel, doc_id, finding
        self.before, self.after = finding.decision, decision

    def _apply(self, decision: str) -> None:
        f = self.finding
        self.panel.library.terms.decide(self.doc_id, f.key, decision, f.kind, f.zh_term, f.ko_term)
        f.decision = decision
        if self.panel.doc_id == self.doc_id:
            self.panel.model.set_decision(f.key, decision)
            self.panel.update_status()

    def redo(self) -> None:
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)


class FindingsPanel(QWidget):
    """The findings of the open document, one kind or all, open ones or every one."""

    hit_activated = Signal(str, str)  # doc_id, segment_id
    count_changed = Signal(int)  # open findings of the document

    def __init__(self, library, undo_stack: QUndoStack | None = None, updater=None, parent=None):
        super().__init__(parent)
        self.setObjectName("findings_panel")
        self.library = library
        # The glossary is the checks' evidence: while it is being mined again, the checks
        # wait for it (``recheck`` on ``mined``) rather than run on the stale one.
        self.updater = updater
        if updater is not None:
            updater.mined.connect(self.recheck)
        self.undo_stack = undo_stack or QUndoStack(self)
        self.doc_id = ""
        self.model = FindingsModel(self)
        self.proxy = FindingsFilter(self)
        self.proxy.setSourceModel(self.model)
        self._thread: QThread | None = None
        self._checker: _Checker | None = None
        self._check_later = QTimer(self)
        self._check_later.setSingleShot(True)
        self._check_later.setInterval(CHECK_DELAY_MS)
        self._check_later.timeout.connect(self.run_checks)
        self._pending = False  # the document changed while its checks ran
        self._stale = False  # the findings shown are not those of the document as it is

        self.kind_filter = QComboBox()
        self.kind_filter.setObjectName("findings_kind")
        self.kind_filter.currentIndexChanged.connect(lambda _i: self.proxy.set_kind(self.kind_filter.currentData()))
        self.show_decided = QCheckBox()
        self.show_decided.setObjectName("findings_show_decided")
        self.show_decided.toggled.connect(self.proxy.set_show_decided)
        top = QHBoxLayout()
        top.addWidget(self.kind_filter, 1)
        top.addWidget(self.show_decided)

        self.table = QTableView()
        self.table.setObjectName("findings_table")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(MESSAGE_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._open)
        self.table.clicked.connect(self._open)

        self.confirm_button = QPushButton()
        self.confirm_button.setObjectName("findings_confirm")
        self.confirm_button.clicked.connect(lambda: self.decide_current("confirmed"))
        self.dismiss_button = QPushButton()
        self.dismiss_button.setObjectName("findings_dismiss")
        self.dismiss_button.clicked.connect(lambda: self.decide_current("dismissed"))
        self.reopen_button = QPushButton()
        self.reopen_button.setObjectName("findings_reopen")
        self.reopen_button.clicked.connect(lambda: self.decide_current(""))
        buttons = QHBoxLayout()
        for button in (self.confirm_button, self.dismiss_button, self.reopen_button):
            buttons.addWidget(button)
        buttons.addStretch()
        # One key per verdict while the list has the focus (as in review mode).
        for key, decision in (("Y", "confirmed"), ("N", "dismissed")):
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda d=decision: self.decide_current(d))
        self.status = QLabel()
        self.status.setObjectName("findings_status")
        self.status.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Translation checks"))
        current = self.kind_filter.currentData() or ""
        self.kind_filter.blockSignals(True)
        self.kind_filter.clear()
        self.kind_filter.addItem(self.tr("Every check"), "")
        for kind in KINDS:
            self.kind_filter.addItem(kind_name(kind), kind)
        self.kind_filter.setCurrentIndex(max(0, self.kind_filter.findData(current)))
        self.kind_filter.blockSignals(False)
        self.show_decided.setText(self.tr("Decided too"))
        self.show_decided.setToolTip(self.tr("List the findings you confirmed or dismissed as well"))
        self.confirm_button.setText(self.tr("Confirm"))
        self.confirm_button.setToolTip(self.tr("A real slip: keep it on the list of confirmed findings (Y)"))
        self.dismiss_button.setText(self.tr("Dismiss"))
        self.dismiss_button.setToolTip(self.tr("Not a slip: it is not shown again, even after re-alignment (N)"))
        self.reopen_button.setText(self.tr("Reopen"))
        self.reopen_button.setToolTip(self.tr("Take the verdict back"))
        self.update_status()

    def changeEvent(self, event) -> None:
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- HostedPanel ----------------------------------------------------------------------
    def show_document(self, doc_id: str) -> None:
        if doc_id == self.doc_id:
            return
        self.doc_id = doc_id
        self.model.set_findings([])
        self.recheck()

    @Slot()
    def recheck(self) -> None:
        """Run the checks again soon (now, or when the panel comes on screen)."""
        self._stale = True
        if self.doc_id:
            self.update_status(checking=True)
            self._check_later.start()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self._check_later.start()

    def on_library_event(self, event: str, doc_id: str) -> None:
        if doc_id == self.doc_id and event in ("changed", "realigned"):
            self.recheck()
        elif event == "deleted" and doc_id == self.doc_id:
            self.doc_id = ""
            self.model.set_findings([])
            self.update_status()

    def shutdown(self) -> None:
        """The window is closing: wait for the checks before the library closes."""
        self._check_later.stop()
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            self._thread, self._checker = None, None

    # -- the checks -----------------------------------------------------------------------
    @Slot()
    def run_checks(self) -> None:
        if not self.doc_id or not self.isVisible() or self.visibleRegion().isEmpty():
            return  # a panel behind another tab does not start Kiwi (showEvent runs them)
        if self.updater is not None and self.updater.busy and self.library.terms.stale:
            self.update_status(checking=True)
            return  # _stale stays set: the checks run when the glossary is mined
        self._stale = False
        if self._thread is not None:
            self._pending = True
            return
        self._thread = QThread(self)
        self._checker = _Checker(self.library.path, self.doc_id)
        self._checker.moveToThread(self._thread)
        self._thread.started.connect(self._checker.run)
        self._checker.finished.connect(self._on_checked)
        self._thread.start()

    @Slot(str, object)
    def _on_checked(self, doc_id: str, findings: list[Finding] | None) -> None:
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            self._thread, self._checker = None, None
        if self._pending or doc_id != self.doc_id:
            self._pending = False
            self.run_checks()
            return
        if findings is None:
            self.status.setText(self.tr("The translation checks could not be run."))
            return
        self.model.set_findings(findings)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(MESSAGE_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()  # a message wraps onto more lines rather than being cut
        self.update_status()

    @property
    def busy(self) -> bool:
        return self._thread is not None or self._check_later.isActive() or self._stale

    def update_status(self, checking: bool = False) -> None:
        if checking:
            self.status.setText(self.tr("Checking the translation…"))
            return
        open_findings = sum(self.model.counts().values())
        self.count_changed.emit(open_findings)
        if not self.doc_id:
            self.status.setText("")
        else:
            self.status.setText(self.tr("%n finding(s) to review", "", open_findings))

    # -- verdicts ---------------------------------------------------------------------------
    def current_finding(self) -> Finding | None:
        index = self.table.currentIndex()
        return index.data(FINDING_ROLE) if index.isValid() else None

    def select_finding(self, key: str) -> bool:
        row = self.model.row_of(key)
        index = self.proxy.mapFromSource(self.model.index(row, 0)) if row >= 0 else None
        if index is None or not index.isValid():
            return False
        self.table.setCurrentIndex(index)
        return True

    def decide_current(self, decision: str) -> bool:
        """Confirm, dismiss or reopen the selected finding; the next one is selected."""
        finding = self.current_finding()
        if finding is None or not self.doc_id:
            self.status.setText(self.tr("Select a finding first."))
            return False
        if finding.decision == decision:
            return False
        row = self.table.currentIndex().row()
        texts = {
            "confirmed": self.tr("Confirm finding %1"),
            "dismissed": self.tr("Dismiss finding %1"),
            "": self.tr("Reopen finding %1"),
        }
        try:
            self.undo_stack.push(
                DecideFinding(self, self.doc_id, finding, decision, texts[decision].replace("%1", finding.zh_term))
            )
        except DuizhaoError as exc:
            self.status.setText(str(exc))
            return False
        if self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(min(row, self.proxy.rowCount() - 1), 0))
        return True

    @Slot()
    def _open(self, index) -> None:
        finding = index.data(FINDING_ROLE)
        if finding is not None and self.doc_id:
            self.hit_activated.emit(self.doc_id, finding.zh_id)
