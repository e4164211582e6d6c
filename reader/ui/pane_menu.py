"""The reading panes' context menu: highlight, note, copy, copy with citation, link, unlink.

Right-click on a sentence (or on selected text) offers what can be done with it. Each entry
calls what the window already does for its keyboard shortcut, so the menu and the keys
never disagree. Later features add their own entries through ``add_extension``: a function
that receives the :class:`MenuContext` (document, unit, selected text) and the menu, e.g.::

    def look_up(context, menu):
        if context.selected_text:
            menu.addAction(menu.tr("Look up “{word}”").format(word=context.selected_text), ...)

    window.pane_menu.add_extension(look_up)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QPoint
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPixmap
from PySide6.QtWidgets import QMenu

from ..annotations import COLORS, DEFAULT_COLOR
from ..export.briefing import segment_citation
from ..model import Document
from .i18n import color_name
from .pane import ReadingPane

#: Colours offered in the menu, in the order of the keys 1–6.
MENU_COLORS = ("yellow", "green", "blue", "pink", "purple", "orange")


@dataclass(frozen=True)
class MenuContext:
    """What the menu is about: the unit right-clicked (or selected) in a pane."""

    document: Document | None
    pane: ReadingPane
    unit_id: str  # '' between units
    selected_text: str  # the pane's text selection ('' if none)
    point: QPoint = field(default_factory=QPoint)  # where the menu was asked for (viewport coordinates)


MenuExtension = Callable[[MenuContext, QMenu], None]


def _swatch(color_hex: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(color_hex))
    return QIcon(pixmap)


class PaneMenu(QObject):
    """Builds the context menu of every reading pane of a window."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.extensions: list[MenuExtension] = []
        for pane in window.parallel.sides:
            pane.menu_provider = self.build

    def add_extension(self, extension: MenuExtension) -> None:
        self.extensions.append(extension)

    # -- what the menu is about ---------------------------------------------------------
    def context(self, pane: ReadingPane, pos: QPoint) -> MenuContext:
        cursor = pane.textCursor()
        selected = cursor.selectedText().replace("\u2029", "\n") if cursor.hasSelection() else ""
        unit = pane.unit_at(pos)
        if selected:
            units = pane.selected_units()
            unit = unit if unit in units else (units[0] if units else unit)
        return MenuContext(self.window.document, pane, unit, selected, QPoint(pos))

    def _text(self, unit_id: str) -> str:
        document = self.window.document
        segment = next((s for s in document.segments if s.id == unit_id), None) if document else None
        if segment is None:
            return ""
        return segment.printed

    def pair_text(self, unit_id: str) -> str:
        """The sentence, its counterpart and the citation of its place, one per line."""
        document = self.window.document
        if document is None or not unit_id:
            return ""
        group = self.window.parallel.alignment.group(unit_id)
        lines = []
        for lang, separator in (("zh", ""), ("ko", " ")):
            texts = [self._text(u) for u in group if u.startswith(lang + ".")]
            if any(texts):
                lines.append(separator.join(t for t in texts if t))
        lines.append(segment_citation(document, unit_id))
        return "\n".join(line for line in lines if line)

    def _annotation_on(self, unit_id: str):
        annotations = getattr(self.window.library, "annotations", None)
        document = self.window.document
        if annotations is None or document is None or not unit_id:
            return None
        return next((a for a in annotations.list(doc_id=document.id) if a.anchor.segment_id == unit_id), None)

    # -- the menu -----------------------------------------------------------------------------
    def build(self, pane: ReadingPane, pos: QPoint) -> QMenu | None:
        """The menu for a right-click at ``pos`` (viewport coordinates) of ``pane``."""
        context = self.context(pane, pos)
        menu = QMenu(pane)
        menu.setObjectName("pane_menu")
        unit, has_text = context.unit_id, bool(context.unit_id or context.selected_text)

        highlight = menu.addMenu(self.tr("&Highlight"))
        highlight.setObjectName("pane_menu_highlight")
        highlight.setEnabled(has_text and context.document is not None)
        for number, colour in enumerate(MENU_COLORS, start=1):
            action = highlight.addAction(_swatch(COLORS[colour]), f"{color_name(colour)}\t{number}")
            action.setObjectName(f"pane_highlight_{colour}")
            action.triggered.connect(lambda _=False, c=colour, ctx=context: self.highlight(ctx, c))
        existing = self._annotation_on(unit)
        note = menu.addAction(self.tr("Edit &note…") if existing is not None else self.tr("Add &note…"))
        note.setObjectName("pane_note")
        note.setEnabled(has_text and context.document is not None)
        note.triggered.connect(lambda _=False, ctx=context: self.edit_note(ctx))
        menu.addSeparator()

        copy = menu.addAction(self.tr("&Copy") if context.selected_text else self.tr("&Copy sentence"))
        copy.setObjectName("pane_copy")
        copy.setEnabled(has_text)
        copy.triggered.connect(lambda _=False, ctx=context: self.copy(ctx))
        pair = menu.addAction(self.tr("Copy sentence &pair with citation"))
        pair.setObjectName("pane_copy_pair")
        pair.setEnabled(bool(unit))
        pair.triggered.connect(lambda _=False, u=unit: QGuiApplication.clipboard().setText(self.pair_text(u)))
        menu.addSeparator()

        alignment = self.window.parallel.alignment
        link = menu.addAction(self.tr("&Link selected sentences"))
        link.setObjectName("pane_link")
        link.setEnabled(self.window.parallel.is_bilingual())
        link.triggered.connect(lambda _=False, ctx=context: self.link(ctx))
        unlink = menu.addAction(self.tr("&Unlink"))
        unlink.setObjectName("pane_unlink")
        unlink.setEnabled(bool(unit) and bool(alignment.counterparts(unit)))
        unlink.triggered.connect(lambda _=False, ctx=context: self.unlink(ctx))

        if self.extensions:
            menu.addSeparator()
            for extension in self.extensions:
                extension(context, menu)
        return menu

    # -- what the entries do ------------------------------------------------------------------------
    def _choose(self, context: MenuContext) -> None:
        """Make the right-clicked sentence the window's chosen one (unless text is selected)."""
        if context.unit_id and not context.selected_text:
            self.window.parallel.select_unit(context.unit_id)

    def highlight(self, context: MenuContext, colour: str) -> None:
        self._choose(context)
        self.window.annotations.highlight_selection(colour)

    def edit_note(self, context: MenuContext) -> None:
        dock = self.window.hosted_dock("annotations_dock")
        if dock is not None:
            dock.show()
            dock.raise_()
        panel = self.window.annotations_panel
        existing = self._annotation_on(context.unit_id)
        if existing is not None and panel is not None:
            panel.edit_annotation(existing.id)
            return
        self.highlight(context, DEFAULT_COLOR)

    def copy(self, context: MenuContext) -> None:
        text = context.selected_text or self._text(context.unit_id)
        QGuiApplication.clipboard().setText(text)

    def link(self, context: MenuContext) -> None:
        self._choose(context)
        self.window.alignment.link_selection()

    def unlink(self, context: MenuContext) -> None:
        self._choose(context)
        self.window.alignment.unlink_selection()
