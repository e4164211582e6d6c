"""Where user data lives, and every setting with its default and description.

The data directory is the platform's user-data directory (platformdirs), or
``DUIZHAO_DATA_DIR`` when set: tests and portable installs point it elsewhere.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from . import APP_NAME

DATA_DIR_ENV = "DUIZHAO_DATA_DIR"


def data_dir(create: bool = True) -> Path:
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        path = Path(override).expanduser()
    else:
        import platformdirs

        path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    if create:
        path.mkdir(parents=True, exist_ok=True)
    return path


def database_path() -> Path:
    return data_dir() / "duizhao.sqlite3"


def index_dir() -> Path:
    return data_dir() / "index"


def backup_dir() -> Path:
    return data_dir() / "backups"


def settings_path() -> Path:
    return data_dir() / "settings.ini"


@dataclass(frozen=True)
class Setting:
    key: str
    default: object
    description: str


SETTINGS: dict[str, Setting] = {
    s.key: s
    for s in (
        Setting("ui/language", "", "UI language: '' follows the system locale, or 'ko' / 'en'."),
        Setting("ui/geometry", b"", "Main window geometry, restored at start."),
        Setting("ui/state", b"", "Dock and toolbar layout, restored at start."),
        Setting("ui/library_columns", b"", "Library panel: the columns shown, their widths and the sort order."),
        Setting("reader/last_document", "", "Document opened at the last exit."),
        Setting("reader/font_size", 13, "Text size of the reading panes in points."),
        Setting("reader/last_unit", "", "Unit at the reading line of the last document at the last exit."),
        Setting("reader/sync", True, "Synchronized scrolling of the two panes is on."),
        Setting("reader/swapped", False, "Korean on the left, Chinese on the right."),
        Setting("reader/readings", False, "Sino-Korean readings (한자음) shown above Chinese text."),
        Setting("reader/positions", "", "Where the reader left each document: JSON {document id: unit id}."),
        Setting("ui/theme", "system", "Colour theme: 'system' follows the desktop, or 'light' / 'dark'."),
        Setting("corpus/imported", False, "The bundled corpus has been imported once."),
        Setting(
            "export/color_meanings",
            "",
            "What each highlight colour means, JSON {colour: meaning} (핵심, 쟁점 …): the exports' legend "
            "(read and written by reader/export/legend.py; settings dialog and `colors`).",
        ),
    )
}
