"""The UI language: Korean or English, from the settings or the system locale.

Translation sources (``resources/translations/duizhao_<lang>.ts``) are committed; the
compiled ``.qm`` is made from them with PySide6's ``lrelease`` into the data directory
the first time it is needed (or when the source is newer). A frozen build ships the
``.qm`` next to the ``.ts``, made at build time.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

from .. import config, resources

LANGUAGES = {"en": "English", "ko": "한국어"}

#: The names of the highlight colours (keys of ``reader.annotations.COLORS``), as the UI shows them.
COLOR_NAMES = {
    "yellow": QT_TRANSLATE_NOOP("Colors", "yellow"),
    "green": QT_TRANSLATE_NOOP("Colors", "green"),
    "blue": QT_TRANSLATE_NOOP("Colors", "blue"),
    "pink": QT_TRANSLATE_NOOP("Colors", "pink"),
    "purple": QT_TRANSLATE_NOOP("Colors", "purple"),
    "orange": QT_TRANSLATE_NOOP("Colors", "orange"),
    "red": QT_TRANSLATE_NOOP("Colors", "red"),
    "gray": QT_TRANSLATE_NOOP("Colors", "gray"),
}


def color_name(color: str) -> str:
    """A highlight colour's name in the UI language (the key itself if it has none)."""
    return QCoreApplication.translate("Colors", str(COLOR_NAMES[color])) if color in COLOR_NAMES else color


def resolve_language(setting: str, locale: QLocale | None = None) -> str:
    """'ko' or 'en': the setting if it names one, else the system locale."""
    if setting in LANGUAGES:
        return setting
    name = (locale or QLocale.system()).name()
    return "ko" if name.startswith("ko") else "en"


def _lrelease() -> Path | None:
    import PySide6

    candidates = [
        Path(PySide6.__file__).parent / "lrelease",
        Path(sys.executable).parent / "pyside6-lrelease",
    ]
    return next((c for c in candidates if c.exists()), None)


def compiled_translation(lang: str) -> Path | None:
    """The .qm for ``lang``, compiled from its committed .ts if needed; None if unavailable."""
    source = resources.resource("translations", f"duizhao_{lang}.ts")
    shipped = source.with_suffix(".qm")
    if shipped.exists() and (not source.exists() or shipped.stat().st_mtime >= source.stat().st_mtime):
        return shipped
    if not source.exists():
        return None
    target = config.data_dir() / "translations" / f"duizhao_{lang}.qm"
    if target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
        return target
    return target if compile_translation(source, target) else None


def compile_translation(source: Path, target: Path) -> bool:
    """Compile a .ts into a .qm with PySide6's lrelease; False if that is not possible."""
    tool = _lrelease()
    if tool is None:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run([str(tool), "-silent", str(source), "-qm", str(target)], capture_output=True, check=False)
    return result.returncode == 0 and target.exists()


class Translations:
    """Installs and removes the app's and Qt's own translators."""

    def __init__(self, app: QCoreApplication):
        self.app = app
        self.language = "en"
        self._translators: list[QTranslator] = []

    def install(self, lang: str) -> bool:
        """Switch the UI language; returns False if the translation could not be loaded."""
        for translator in self._translators:
            self.app.removeTranslator(translator)
        self._translators = []
        self.language = lang
        if lang == "en":
            return True
        ok = True
        qm = compiled_translation(lang)
        app_translator = QTranslator(self.app)
        if qm is not None and app_translator.load(str(qm)):
            self.app.installTranslator(app_translator)
            self._translators.append(app_translator)
        else:
            ok = False
        qt_translator = QTranslator(self.app)
        if qt_translator.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            self.app.installTranslator(qt_translator)
            self._translators.append(qt_translator)
        return ok
