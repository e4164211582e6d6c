"""The user's settings, stored with QSettings as an INI file in the data directory.

Every key is declared once in :data:`reader.config.SETTINGS` with its default; this
wrapper only reads and writes them, converting to the declared default's type.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from .. import config


class Settings:
    def __init__(self, path: Path | None = None):
        self.path = path or config.settings_path()
        self._qsettings = QSettings(str(self.path), QSettings.Format.IniFormat)

    @staticmethod
    def default(key: str):
        return config.SETTINGS[key].default

    def get(self, key: str):
        setting = config.SETTINGS[key]
        value = self._qsettings.value(key, setting.default)
        default = setting.default
        if value is None:
            return default
        if isinstance(default, bool):
            return value if isinstance(value, bool) else str(value).lower() in ("true", "1", "yes")
        if isinstance(default, int):
            try:
                return int(value) if isinstance(value, int | float) else int(float(str(value)))
            except (TypeError, ValueError):
                return default
        if isinstance(default, float):
            try:
                return float(str(value))
            except (TypeError, ValueError):
                return default
        if isinstance(default, bytes):
            return bytes(value.data()) if isinstance(value, QByteArray) else default
        return str(value)

    def set(self, key: str, value) -> None:
        if key not in config.SETTINGS:
            raise KeyError(f"undeclared setting {key!r}")
        if isinstance(value, bytes):
            value = QByteArray(value)
        self._qsettings.setValue(key, value)

    def sync(self) -> None:
        self._qsettings.sync()
