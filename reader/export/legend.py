"""What each highlight colour means: the user's names (핵심, 신규, 쟁점 …) and the legend.

An official marks key points in yellow and open issues in pink; a colleague
receiving the briefing sees only colours unless it says what they mean. The
meanings are a setting (``export/color_meanings`` in ``settings.ini``, JSON
``{"yellow": "핵심"}``), set in the settings dialog or with ``python -m reader
colors yellow=핵심``; exports print a legend and group by those names.

Settings are read with QtCore's QSettings (the same INI file the window writes);
no widgets.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path

from ..annotations import COLORS
from ..errors import DuizhaoError

SETTING = "export/color_meanings"
MAX_MEANING = 40

#: Korean names of the colours, as the briefing prints them (never the hex code).
COLOR_NAMES = {
    "yellow": "노랑",
    "green": "초록",
    "blue": "파랑",
    "pink": "분홍",
    "purple": "보라",
    "orange": "주황",
    "red": "빨강",
    "gray": "회색",
}


def color_label(color: str, meaning: str = "") -> str:
    """``핵심 (노랑)`` when the colour has a meaning, else ``노랑``."""
    name = COLOR_NAMES.get(color, color)
    return f"{meaning} ({name})" if meaning else name


def clean_meanings(meanings: Mapping[str, object]) -> dict[str, str]:
    """Known colours with non-empty meanings (trimmed, one line, at most MAX_MEANING characters)."""
    cleaned = {}
    for color in COLORS:
        value = meanings.get(color)
        if isinstance(value, str) and " ".join(value.split()):
            cleaned[color] = " ".join(value.split())[:MAX_MEANING]
    return cleaned


def parse_assignments(assignments: Iterable[str]) -> dict[str, str]:
    """``["yellow=핵심", "pink=쟁점"]`` → meanings; ``yellow=`` clears yellow's. One line on a mistake."""
    meanings: dict[str, str] = {}
    for assignment in assignments:
        color, equals, meaning = assignment.partition("=")
        color = color.strip().lower()
        if not equals or color not in COLORS:
            raise DuizhaoError(
                f"not a colour meaning: {assignment!r} (write COLOUR=MEANING, e.g. yellow=핵심; "
                f"colours: {', '.join(COLORS)})"
            )
        meanings[color] = " ".join(meaning.split())[:MAX_MEANING]
    return meanings


def _settings(path: Path | None = None):
    from PySide6.QtCore import QSettings

    from .. import config

    return QSettings(str(path or config.settings_path()), QSettings.Format.IniFormat)


def read_meanings(path: Path | None = None) -> dict[str, str]:
    """The meanings stored in the settings file (default: the data directory's; a damaged value reads as none)."""
    value = _settings(path).value(SETTING, "")
    try:
        stored = json.loads(str(value)) if value else {}
    except ValueError:
        return {}
    return clean_meanings(stored) if isinstance(stored, dict) else {}


def store_meanings(changes: Mapping[str, str], path: Path | None = None) -> dict[str, str]:
    """Merge changes into the stored meanings (an empty meaning removes one); returns them all."""
    meanings = {**read_meanings(path), **changes}
    meanings = clean_meanings(meanings)
    from PySide6.QtCore import QSettings

    settings = _settings(path)
    settings.setValue(SETTING, json.dumps(meanings, ensure_ascii=False))
    settings.sync()
    if settings.status() != QSettings.Status.NoError:
        raise DuizhaoError(f"{settings.fileName()}: the colour meanings could not be saved (the file is not writable)")
    return meanings
