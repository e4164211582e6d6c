"""Korean and English UI from the committed .ts; light and dark themes; the settings dialog."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QGroupBox, QLabel

from reader import resources
from reader.ui.i18n import Translations, TsTranslator, resolve_language
from reader.ui.pane import DARK, LIGHT
from reader.ui.settings import Settings
from reader.ui.settings_dialog import SettingsDialog
from reader.ui.theme import apply_theme, pane_colors


@pytest.fixture
def translations():
    t = Translations(QApplication.instance())
    yield t
    t.install("en")


@pytest.fixture
def system_theme():
    yield
    apply_theme("system")


@pytest.mark.parametrize(
    ("setting", "locale", "expected"),
    [("", "ko_KR", "ko"), ("", "de_DE", "en"), ("", "en_US", "en"), ("en", "ko_KR", "en"), ("ko", "en_US", "ko")],
)
def test_language_follows_the_setting_then_the_system_locale(setting, locale, expected):
    assert resolve_language(setting, QLocale(locale)) == expected


def test_every_korean_message_is_translated():
    tree = ET.parse(resources.resource("translations", "duizhao_ko.ts"))
    messages = list(tree.getroot().iter("message"))
    assert len(messages) > 80
    unfinished = [m.find("source").text for m in messages if m.find("translation").get("type") == "unfinished"]
    assert unfinished == []


def test_every_translation_of_the_committed_ts_comes_back_through_qt(qapp, translations):
    """Read straight from the .ts (no lrelease, no .qm: on a bare Ubuntu 24.04 lrelease does
    not start and the UI came up in English), through Qt's own QCoreApplication.translate."""
    from PySide6.QtCore import QCoreApplication

    assert translations.install("ko")
    checked = 0
    for context in ET.parse(resources.resource("translations", "duizhao_ko.ts")).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source, comment = message.findtext("source"), message.findtext("comment")
            forms = [f.text for f in message.iter("numerusform")]
            if forms:
                expected = forms[0].replace("%n", "7")
                assert QCoreApplication.translate(name, source, comment, 7) == expected, (name, source)
            else:
                assert QCoreApplication.translate(name, source, comment) == message.findtext("translation")
            checked += 1
    assert checked > 400
    assert not list(resources.resource("translations").glob("*.qm"))


def test_a_translator_falls_back_like_qt_s_own(qapp, tmp_path):
    """A disambiguation the file lacks falls back to the message without one; an unfinished
    entry is not used (Qt then shows the source text)."""
    ts = tmp_path / "x.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="ko_KR">'
        "<context><name>C</name>"
        "<message><source>Open</source><translation>열기</translation></message>"
        "<message><source>Open</source><comment>verb of a file</comment><translation>파일 열기</translation></message>"
        '<message><source>Close</source><translation type="unfinished">닫기</translation></message>'
        '<message numerus="yes"><source>%n file(s)</source><translation><numerusform>파일 %n개</numerusform>'
        "</translation></message></context></TS>",
        encoding="utf-8",
    )
    translator = TsTranslator(ts)
    assert translator.translate("C", "Open") == "열기"
    assert translator.translate("C", "Open", "verb of a file") == "파일 열기"
    assert translator.translate("C", "Open", "another sense") == "열기"
    assert translator.translate("C", "Close") is None  # a null string: Qt shows the source
    assert translator.translate("D", "Open") is None
    assert translator.translate("C", "%n file(s)", None, 3) == "파일 %n개"


def test_no_label_goes_blank_in_the_korean_ui(qtbot, hosted_window, translations):
    """A message whose Korean is its English (KWIC) must still show: PySide's tr asks the
    base classes' contexts when the answer equals the source, and an empty answer from
    the translator there was shown as an empty button."""
    from PySide6.QtWidgets import QAbstractButton

    def texts():
        return {
            (w.objectName() or type(w).__name__, i): w.text()
            for i, w in enumerate(hosted_window.findChildren(QAbstractButton) + hosted_window.findChildren(QLabel))
        }

    english = texts()
    assert translations.install("ko")
    qtbot.waitUntil(lambda: hosted_window.menus["file"].title() == "파일(&F)")
    korean = texts()
    blank = [key for key, text in english.items() if text.strip() and not korean.get(key, "").strip()]
    assert blank == []
    assert hosted_window.search_panel.kwic_button.text() == "KWIC"


def test_switching_the_ui_to_korean_and_back(qtbot, window, translations):
    assert window.menus["file"].title() == "&File"
    assert translations.install("ko")
    qtbot.waitUntil(lambda: window.menus["file"].title() == "파일(&F)")
    assert window.actions_by_name["link"].text() == "선택한 문장 연결(&L)"
    assert window.library_dock.windowTitle() == "서재"
    assert window.review_label.text().startswith("검토 남음")
    window.open_document("manufacturing-transfer")
    assert window.parallel.bar.label.text().startswith("아직 번역문이 없습니다")
    translations.install("en")
    qtbot.waitUntil(lambda: window.menus["file"].title() == "&File")


def test_dark_theme_changes_the_reading_colours(window, system_theme):
    apply_theme("dark")
    assert pane_colors() == DARK
    apply_theme("light")
    assert pane_colors() == LIGHT


def test_settings_dialog_stores_and_applies_choices(qtbot, window, translations, system_theme, data_dir):
    window.translations = translations
    dialog = SettingsDialog(window.settings, window)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("ko"))
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.font_size.setValue(16)
    dialog.apply(window)
    qtbot.waitUntil(lambda: window.menus["view"].title() == "보기(&V)")
    assert window.parallel.left.colors == DARK
    assert window.parallel.left.point_size() == 16
    stored = Settings(window.settings.path)
    assert (stored.get("ui/language"), stored.get("ui/theme"), stored.get("reader/font_size")) == ("ko", "dark", 16)


def test_settings_dialog_names_the_colours_undoably_and_exports_follow(qtbot, window, data_dir, tmp_path):
    """What each colour means is typed in the settings dialog (Korean labels), stored where
    `colors` and every export read it, undone and redone on the window's one undo stack,
    and offered again the next time the dialog opens."""
    from reader.cli import main
    from reader.export.legend import read_meanings

    window.translations = None
    dialog = SettingsDialog(window.settings, window)
    qtbot.addWidget(dialog)
    assert set(dialog.meaning_edits) == {"yellow", "green", "blue", "pink", "purple", "orange", "red", "gray"}
    dialog.meaning_edits["yellow"].setText("  핵심  ")
    dialog.meaning_edits["pink"].setText("쟁점")
    dialog.apply(window)
    assert read_meanings() == {"yellow": "핵심", "pink": "쟁점"}
    window.settings.sync()  # the window's own handle on settings.ini keeps them
    assert read_meanings() == {"yellow": "핵심", "pink": "쟁점"}

    again = SettingsDialog(window.settings, window)
    qtbot.addWidget(again)
    assert again.meanings()["yellow"] == "핵심" and again.meanings()["green"] == ""
    again.meaning_edits["pink"].clear()
    again.meaning_edits["green"].setText("신규")
    again.apply(window)
    assert read_meanings() == {"yellow": "핵심", "green": "신규"}

    stack = window.undo_stack
    assert stack.undoText() == "Name the highlight colours"
    stack.undo()
    assert read_meanings() == {"yellow": "핵심", "pink": "쟁점"}
    stack.undo()
    assert read_meanings() == {}
    stack.redo()
    assert read_meanings() == {"yellow": "핵심", "pink": "쟁점"}

    # an unchanged dialog pushes nothing
    count = stack.count()
    unchanged = SettingsDialog(window.settings, window)
    qtbot.addWidget(unchanged)
    unchanged.apply(window)
    assert stack.count() == count

    # the export's legend and colour groups use the names typed in the dialog
    library = window.library
    guofa = library.documents.get("guofa-2010-28")
    unit = next(s for s in guofa.segments if s.is_unit and s.lang == "zh")
    library.annotations.annotate(guofa, unit.id, note="a", color="yellow")
    library.annotations.annotate(guofa, unit.id, note="b", color="pink")
    out = tmp_path / "b.md"
    assert main(["export", "--format", "md", "--out", str(out), "--group-by", "color"]) == 0
    text = out.read_text(encoding="utf-8")
    assert "- 노랑: 핵심 (1건)" in text and "- 분홍: 쟁점 (1건)" in text and "## 쟁점 (분홍)" in text


def test_the_colour_names_of_the_settings_dialog_are_korean(qtbot, window, translations):
    translations.install("ko")
    dialog = SettingsDialog(window.settings, window)
    qtbot.addWidget(dialog)
    box = dialog.findChild(QGroupBox, "settings_color_meanings")
    labels = [label.text() for label in box.findChildren(QLabel)]
    assert box.title() == "형광펜 색의 뜻" and "노랑" in labels and "분홍" in labels
    assert dialog.meaning_edits["yellow"].placeholderText() == "예: 핵심, 신규, 쟁점"
