"""Every command of the main window in one table: its name, menu, keys, text and what it does.

Menus, the toolbar, shortcuts and their translated texts are all built from ``ACTIONS``
(novelWriter keeps its menu in a class of its own; Picard marks table strings with
``N_()``): adding a command is one row here. A row's ``run`` receives the window and, for a
checkable action, the new state.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QToolBar, QWidget

CONTEXT = "Actions"

Key = str | QKeySequence.StandardKey


@dataclass(frozen=True)
class ActionSpec:
    name: str
    menu: str
    text: object  # the English text, marked with QT_TRANSLATE_NOOP("Actions", …)
    run: Callable[[Any, bool], object]  # given the main window and, if checkable, the new state
    keys: Sequence[Key] = ()
    checkable: bool = False
    toolbar: int = 0  # place on the toolbar (1 = first); 0: not on it
    separator_before: bool = False
    review_only: bool = False  # enabled only in review mode
    compare_only: bool = False  # enabled only while two documents are compared


#: Menus in menu-bar order, with their titles.
MENUS = {
    "file": QT_TRANSLATE_NOOP("Actions", "&File"),
    "edit": QT_TRANSLATE_NOOP("Actions", "&Edit"),
    "view": QT_TRANSLATE_NOOP("Actions", "&View"),
    "go": QT_TRANSLATE_NOOP("Actions", "&Go"),
    "alignment": QT_TRANSLATE_NOOP("Actions", "&Alignment"),
    "help": QT_TRANSLATE_NOOP("Actions", "&Help"),
}

#: Keys 1–6 highlight the selection in these colours (names of reader.annotations COLORS).
HIGHLIGHT_COLOURS = {
    "yellow": QT_TRANSLATE_NOOP("Actions", "Highlight in yellow"),
    "green": QT_TRANSLATE_NOOP("Actions", "Highlight in green"),
    "blue": QT_TRANSLATE_NOOP("Actions", "Highlight in blue"),
    "pink": QT_TRANSLATE_NOOP("Actions", "Highlight in pink"),
    "purple": QT_TRANSLATE_NOOP("Actions", "Highlight in purple"),
    "orange": QT_TRANSLATE_NOOP("Actions", "Highlight in orange"),
}

A = ActionSpec


def _highlight(colour: str) -> Callable[[Any, bool], object]:
    return lambda window, _checked: window.annotations.highlight_selection(colour)


def _export_parallel_text(window: Any) -> object:
    from .controllers.parallel_text import export_parallel_text

    return export_parallel_text(window)


Std = QKeySequence.StandardKey

ACTIONS: tuple[ActionSpec, ...] = (
    A("import", "file", QT_TRANSLATE_NOOP("Actions", "&Import…"), lambda w, _: w.imports.choose_files(), [Std.Open], toolbar=1),
    A("paste_document", "file", QT_TRANSLATE_NOOP("Actions", "&Paste as document"), lambda w, _: w.imports.paste_clipboard(w.document), ["Ctrl+Shift+V"]),
    A("attach_translation", "file", QT_TRANSLATE_NOOP("Actions", "Attach &translation…"), lambda w, _: w.on_attach_translation(), ["Ctrl+Shift+O"]),
    A("remove_document", "file", QT_TRANSLATE_NOOP("Actions", "&Remove document…"), lambda w, _: w.on_remove_document(), ["Ctrl+Del"]),
    A("compare", "file", QT_TRANSLATE_NOOP("Actions", "&Compare with…"), lambda w, _: w.compare_mode.choose(), ["Ctrl+Shift+C"], separator_before=True),
    A("export_comparison", "file", QT_TRANSLATE_NOOP("Actions", "Export co&mparison…"), lambda w, _: w.compare_mode.export(), ["Ctrl+Shift+E"], compare_only=True),
    A("export", "file", QT_TRANSLATE_NOOP("Actions", "&Export notes…"), lambda w, _: w.on_export(), ["Ctrl+E"], separator_before=True),
    A("export_text", "file", QT_TRANSLATE_NOOP("Actions", "Export parallel &text…"), lambda w, _: _export_parallel_text(w), ["Ctrl+Alt+E"]),
    A("settings", "file", QT_TRANSLATE_NOOP("Actions", "&Settings…"), lambda w, _: w.on_settings(), ["Ctrl+,"], separator_before=True),
    A("quit", "file", QT_TRANSLATE_NOOP("Actions", "&Quit"), lambda w, _: w.close(), ["Ctrl+Q"], separator_before=True),
    A("undo", "edit", QT_TRANSLATE_NOOP("Actions", "&Undo"), lambda w, _: w.undo_stack.undo(), [Std.Undo]),
    A("redo", "edit", QT_TRANSLATE_NOOP("Actions", "&Redo"), lambda w, _: w.undo_stack.redo(), ["Ctrl+Shift+Z", "Ctrl+Y"]),
    A("find_document", "edit", QT_TRANSLATE_NOOP("Actions", "&Find in document…"), lambda w, _: w.request_search("document"), [Std.Find], separator_before=True),
    A("find_library", "edit", QT_TRANSLATE_NOOP("Actions", "Find in &library…"), lambda w, _: w.request_search("library"), ["Ctrl+Shift+F"]),
    *(
        A(f"highlight_{n}", "edit", text, _highlight(colour), [str(n)], separator_before=n == 1)
        for n, (colour, text) in enumerate(HIGHLIGHT_COLOURS.items(), start=1)
    ),
    A("zoom_in", "view", QT_TRANSLATE_NOOP("Actions", "Zoom &in"), lambda w, _: w.parallel.set_text_size(w.parallel.left.point_size() + 1), [Std.ZoomIn, "Ctrl+="], toolbar=6),
    A("zoom_out", "view", QT_TRANSLATE_NOOP("Actions", "Zoom &out"), lambda w, _: w.parallel.set_text_size(w.parallel.left.point_size() - 1), [Std.ZoomOut], toolbar=5),
    A("zoom_reset", "view", QT_TRANSLATE_NOOP("Actions", "&Actual size"), lambda w, _: w.parallel.set_text_size(float(w.settings.default("reader/font_size"))), ["Ctrl+0"]),
    A("swap_panes", "view", QT_TRANSLATE_NOOP("Actions", "S&wap panes"), lambda w, _: w.parallel.swap_keeping_place(), ["Ctrl+Shift+X"], toolbar=2, separator_before=True),
    A("sync", "view", QT_TRANSLATE_NOOP("Actions", "&Synchronized scrolling"), lambda w, on: w.parallel.sync.set_enabled(on), ["Ctrl+Shift+S"], checkable=True, toolbar=3),
    A("readings", "view", QT_TRANSLATE_NOOP("Actions", "&Readings above Chinese"), lambda w, on: w.parallel.set_readings_shown(on), ["Ctrl+Shift+R"], checkable=True),
    A("compare_translation", "view", QT_TRANSLATE_NOOP("Actions", "Comparison: show &translations"), lambda w, on: w.compare_mode.compare.set_translation(on), ["Ctrl+Shift+K"], checkable=True),
    A("next_sentence", "go", QT_TRANSLATE_NOOP("Actions", "Next &sentence"), lambda w, _: w.parallel.step("sentence", True), ["J", "Alt+Down"]),
    A("previous_sentence", "go", QT_TRANSLATE_NOOP("Actions", "Previous s&entence"), lambda w, _: w.parallel.step("sentence", False), ["K", "Alt+Up"]),
    A("next_clause", "go", QT_TRANSLATE_NOOP("Actions", "Next &clause"), lambda w, _: w.parallel.step("clause", True), ["]", "Ctrl+Alt+Down"]),
    A("previous_clause", "go", QT_TRANSLATE_NOOP("Actions", "Previous c&lause"), lambda w, _: w.parallel.step("clause", False), ["[", "Ctrl+Alt+Up"]),
    A("next_part", "go", QT_TRANSLATE_NOOP("Actions", "Next &part"), lambda w, _: w.parallel.step("part", True), ["}", "Alt+PgDown"]),
    A("previous_part", "go", QT_TRANSLATE_NOOP("Actions", "Previous p&art"), lambda w, _: w.parallel.step("part", False), ["{", "Alt+PgUp"]),
    A("next_change", "go", QT_TRANSLATE_NOOP("Actions", "Next c&hange"), lambda w, _: w.compare_mode.compare.step(True), ["F6"], separator_before=True, compare_only=True),
    A("previous_change", "go", QT_TRANSLATE_NOOP("Actions", "Previous chan&ge"), lambda w, _: w.compare_mode.compare.step(False), ["Shift+F6"], compare_only=True),
    A("link", "alignment", QT_TRANSLATE_NOOP("Actions", "&Link selected sentences"), lambda w, _: w.alignment.link_selection(), ["Ctrl+L"]),
    A("unlink", "alignment", QT_TRANSLATE_NOOP("Actions", "&Unlink"), lambda w, _: w.alignment.unlink_selection(), ["Ctrl+Shift+L"]),
    A("merge_next", "alignment", QT_TRANSLATE_NOOP("Actions", "&Merge with next"), lambda w, _: w.alignment.merge_selection(), ["Ctrl+M"]),
    A("confirm", "alignment", QT_TRANSLATE_NOOP("Actions", "&Confirm link"), lambda w, _: w.alignment.confirm_current(), ["Ctrl+Return"]),
    A("review_mode", "alignment", QT_TRANSLATE_NOOP("Actions", "&Review mode"), lambda w, on: w.review.set_mode(on), ["F7"], checkable=True, toolbar=4, separator_before=True),
    A("next_review", "alignment", QT_TRANSLATE_NOOP("Actions", "&Next to review"), lambda w, _: w.review.go_to_next(forward=True), ["F8"]),
    A("previous_review", "alignment", QT_TRANSLATE_NOOP("Actions", "&Previous to review"), lambda w, _: w.review.go_to_next(forward=False), ["Shift+F8"]),
    # One key each while reviewing.
    A("review_confirm", "alignment", QT_TRANSLATE_NOOP("Actions", "Review: confirm and go on"), lambda w, _: w.review.confirm_and_next(), ["Y", "Return"], separator_before=True, review_only=True),
    A("review_skip", "alignment", QT_TRANSLATE_NOOP("Actions", "Review: skip"), lambda w, _: w.review.go_to_next(forward=True), ["N"], review_only=True),
    A("review_unlink", "alignment", QT_TRANSLATE_NOOP("Actions", "Review: unlink"), lambda w, _: w.alignment.unlink_selection(), ["U"], review_only=True),
    A("review_merge", "alignment", QT_TRANSLATE_NOOP("Actions", "Review: merge with next"), lambda w, _: w.alignment.merge_selection(), ["M"], review_only=True),
    A("about", "help", QT_TRANSLATE_NOOP("Actions", "&About Duizhao"), lambda w, _: w.on_about()),
)  # fmt: skip


def _tr(text: object) -> str:
    return QCoreApplication.translate(CONTEXT, str(text))


def create_actions(window: QWidget) -> dict[str, QAction]:
    """One QAction per row, added to the window (so its keys work anywhere in it)."""
    actions: dict[str, QAction] = {}
    for spec in ACTIONS:
        action = QAction(window)
        action.setObjectName(spec.name)
        action.setCheckable(spec.checkable)
        if spec.keys:
            action.setShortcuts([QKeySequence(key) for key in spec.keys])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if spec.checkable:
            action.toggled.connect(lambda on, run=spec.run: run(window, on))
        else:
            action.triggered.connect(lambda _=False, run=spec.run: run(window, False))
        action.setEnabled(not spec.review_only and not spec.compare_only)
        window.addAction(action)
        actions[spec.name] = action
    return actions


def create_menus(bar: QMenuBar, actions: dict[str, QAction]) -> dict[str, QMenu]:
    menus: dict[str, QMenu] = {}
    for key in MENUS:
        menu = bar.addMenu("")
        menu.setObjectName(f"menu_{key}")
        menus[key] = menu
    for spec in ACTIONS:
        if spec.separator_before:
            menus[spec.menu].addSeparator()
        menus[spec.menu].addAction(actions[spec.name])
    menus["view"].addSeparator()
    return menus


def create_toolbar(parent: QWidget, actions: dict[str, QAction]) -> QToolBar:
    toolbar = QToolBar(parent)
    toolbar.setObjectName("main_toolbar")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    for spec in sorted((s for s in ACTIONS if s.toolbar), key=lambda s: s.toolbar):
        toolbar.addAction(actions[spec.name])
    return toolbar


def retranslate(actions: dict[str, QAction], menus: dict[str, QMenu]) -> None:
    """Texts and tooltips (with the keys) in the current UI language."""
    for spec in ACTIONS:
        action = actions[spec.name]
        text = _tr(spec.text)
        action.setText(text)
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        plain = text.replace("&", "")
        action.setToolTip(f"{plain} ({keys})" if keys else plain)
    for key, title in MENUS.items():
        menus[key].setTitle(_tr(title))


def set_review_keys(actions: dict[str, QAction], enabled: bool) -> None:
    for spec in ACTIONS:
        if spec.review_only:
            actions[spec.name].setEnabled(enabled)


def set_compare_keys(actions: dict[str, QAction], enabled: bool) -> None:
    for spec in ACTIONS:
        if spec.compare_only:
            actions[spec.name].setEnabled(enabled)
