"""The settings dialog: UI language, theme, text size, and what each highlight colour means."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..annotations import COLORS
from ..export.legend import MAX_MEANING, read_meanings
from .controllers.color_meanings import ColorMeaningsEdits
from .i18n import LANGUAGES, color_name
from .settings import Settings
from .theme import THEMES, apply_theme, pane_colors


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent=None):
        super().__init__(parent)
        self.setObjectName("settings_dialog")
        self.setWindowTitle(self.tr("Settings"))
        self.settings = settings
        self.language = QComboBox()
        self.language.addItem(self.tr("System language"), "")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.get("ui/language"))))
        self.theme = QComboBox()
        names = {"system": self.tr("Follow the system"), "light": self.tr("Light"), "dark": self.tr("Dark")}
        for code in THEMES:
            self.theme.addItem(names[code], code)
        self.theme.setCurrentIndex(max(0, self.theme.findData(settings.get("ui/theme"))))
        self.font_size = QDoubleSpinBox()
        self.font_size.setRange(8, 40)
        self.font_size.setDecimals(0)
        self.font_size.setValue(float(settings.get("reader/font_size")))
        self.meaning_edits = self._meaning_edits(read_meanings(settings.path))
        form = QFormLayout()
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Theme"), self.theme)
        form.addRow(self.tr("Text size"), self.font_size)
        colors = QGroupBox(self.tr("What the highlight colours mean"))
        colors.setObjectName("settings_color_meanings")
        colors_form = QFormLayout(colors)
        hint = QLabel(self.tr("Exports print these names in their legend and group by them."))
        hint.setWordWrap(True)
        colors_form.addRow(hint)
        for color, edit in self.meaning_edits.items():
            colors_form.addRow(self._color_label(color), edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(colors)
        layout.addWidget(buttons)

    def _meaning_edits(self, meanings: dict[str, str]) -> dict[str, QLineEdit]:
        edits = {}
        for color in COLORS:
            edit = QLineEdit(meanings.get(color, ""))
            edit.setObjectName(f"settings_meaning_{color}")
            edit.setMaxLength(MAX_MEANING)
            edit.setPlaceholderText(self.tr("e.g. key point, new, open issue"))
            edit.setClearButtonEnabled(True)
            edits[color] = edit
        return edits

    @staticmethod
    def _color_label(color: str) -> QWidget:
        swatch = QLabel()
        pixmap = QPixmap(14, 14)
        pixmap.fill(QColor(COLORS[color]))
        swatch.setPixmap(pixmap)
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(swatch)
        layout.addWidget(QLabel(color_name(color)))
        return row

    def meanings(self) -> dict[str, str]:
        """The colours' meanings as typed (empty: none)."""
        return {color: edit.text() for color, edit in self.meaning_edits.items()}

    def apply(self, window) -> None:
        """Store the choices and apply them to a running window (the colours' meanings as
        one undoable edit)."""
        language = self.language.currentData()
        self.settings.set("ui/language", language)
        self.settings.set("ui/theme", self.theme.currentData())
        self.settings.set("reader/font_size", self.font_size.value())
        self.settings.sync()  # the meanings are written through another handle on the same file
        # an edit on the window's one undo stack (the controller lives as long as the stack)
        self.color_meaning_edits = ColorMeaningsEdits(self.settings.path, window.undo_stack, window.errors)
        self.color_meaning_edits.change(self.meanings())
        apply_theme(self.theme.currentData())
        window.parallel.set_colors(pane_colors())
        window.parallel.set_text_size(self.font_size.value())
        if window.translations is not None:
            from .i18n import resolve_language

            window.translations.install(resolve_language(language))
