"""The settings dialog: UI language, theme, text size."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout

from .i18n import LANGUAGES
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
        form = QFormLayout(self)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Theme"), self.theme)
        form.addRow(self.tr("Text size"), self.font_size)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def apply(self, window) -> None:
        """Store the choices and apply them to a running window."""
        language = self.language.currentData()
        self.settings.set("ui/language", language)
        self.settings.set("ui/theme", self.theme.currentData())
        self.settings.set("reader/font_size", self.font_size.value())
        apply_theme(self.theme.currentData())
        window.parallel.set_colors(pane_colors())
        window.parallel.set_text_size(self.font_size.value())
        if window.translations is not None:
            from .i18n import resolve_language

            window.translations.install(resolve_language(language))
