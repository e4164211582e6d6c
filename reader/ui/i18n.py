"""The UI language: Korean or English, from the settings or the system locale.

Translation sources (``resources/translations/duizhao_<lang>.ts``) are committed and read
directly by ``TsTranslator``: no compiled ``.qm``. Compiling one at run time needed PySide6's
``lrelease``, which on a bare Ubuntu 24.04 does not start (it links ``libgssapi_krb5``), and
the Korean UI silently came up in English.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

from .. import resources

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


class TsTranslator(QTranslator):
    """The finished translations of a Qt Linguist ``.ts`` file, looked up as Qt's own
    translator does: by context, source text and disambiguation (a message asked for with
    a disambiguation it does not have falls back to the one without). Plural messages use
    their first form (Korean has one); Qt itself puts the count in for ``%n``."""

    def __init__(self, path: Path, parent=None):
        super().__init__(parent)
        self.table: dict[tuple[str, str, str], str] = {}
        for context in ET.parse(path).getroot().iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                translation = message.find("translation")
                if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished"):
                    continue
                forms = [form.text or "" for form in translation.iter("numerusform")]
                text = forms[0] if forms else translation.text or ""
                if text:
                    key = (name, message.findtext("source") or "", message.findtext("comment") or "")
                    self.table[key] = text

    def translate(self, context, source, disambiguation=None, n=-1):
        """The translation, or None (a null string: Qt then asks the next translator and
        falls back to the source text; an empty string would be shown as the text)."""
        found = self.table.get((context, source, disambiguation or ""))
        if found is None and disambiguation:
            found = self.table.get((context, source, ""))
        return found

    def isEmpty(self) -> bool:
        return not self.table


def load_translation(lang: str) -> TsTranslator | None:
    """The app's translator for ``lang``, or None when there is no usable ``.ts`` for it."""
    source = resources.resource("translations", f"duizhao_{lang}.ts")
    try:
        translator = TsTranslator(source)
    except (OSError, ET.ParseError):
        return None
    return translator if not translator.isEmpty() else None


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
        app_translator = load_translation(lang)
        if app_translator is not None:
            app_translator.setParent(self.app)
            self.app.installTranslator(app_translator)
            self._translators.append(app_translator)
        else:
            ok = False
        qt_translator = QTranslator(self.app)
        if qt_translator.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            self.app.installTranslator(qt_translator)
            self._translators.append(qt_translator)
        return ok
