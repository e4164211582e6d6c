"""The Korean UI is Korean everywhere: every panel and dialog, Qt's own dialogs, the core's
error messages; the committed .ts is what pyside6-lupdate makes of the code."""

from __future__ import annotations

import ast
import re
import subprocess
import sys

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QDockWidget,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from reader.ui.i18n import Translations
from reader.ui.messages import TEMPLATES, template_of, translate_error
from tests.conftest import ROOT

#: Latin words that stay as they are in the Korean UI: names, formats, query syntax, keys.
ALLOWED = {
    "Duizhao", "KWIC", "Markdown", "OR", "NOT", "PDF", "HTML", "CSV", "JSON", "DOCX", "HWPX",
    "W3C", "Ctrl", "Shift", "Alt", "Del", "Return", "PgDown", "PgUp", "PgDn", "Up", "Down",
    "Enter", "Esc", "Backspace", "Tab", "Space", "Home", "End", "Ins", "Left", "Right",
    "txt", "md", "docx", "pdf", "hwpx", "zh", "ko", "Noto", "Sans", "CJK", "SC", "KR",
    "English",  # the language choice names each language in itself
}  # fmt: skip
WORD = re.compile(r"[A-Za-z][A-Za-z']+")


def english_words(text: str) -> list[str]:
    text = re.sub(r"\bF\d+\b|\([^()]*\+[^()]*\)", "", text or "")  # F7, "(Ctrl+O)"
    return [w for w in WORD.findall(text) if w not in ALLOWED]


def labels(widget: QWidget) -> list[tuple[str, str]]:
    """Every user-visible string of a widget and its children: (where, text)."""
    found: list[tuple[str, str]] = []

    def add(where, text):
        if text:
            found.append((where, text))

    for w in [widget, *widget.findChildren(QWidget)]:
        name = f"{type(w).__name__}#{w.objectName()}"
        if w.isWindow() or isinstance(w, QDockWidget):
            add(name + ".windowTitle", w.windowTitle())
        add(name + ".toolTip", w.toolTip())
        add(name + ".statusTip", w.statusTip())
        if isinstance(w, (QAbstractButton, QLabel)):
            add(name + ".text", w.text())
        if isinstance(w, QLineEdit):
            add(name + ".placeholder", w.placeholderText())
        if isinstance(w, (QPlainTextEdit, QTextEdit)):
            add(name + ".placeholder", w.placeholderText())
        if isinstance(w, QGroupBox):
            add(name + ".title", w.title())
        if isinstance(w, QComboBox):
            for row in range(w.count()):
                add(f"{name}.item{row}", w.itemText(row))
        if isinstance(w, QTabBar):
            for tab in range(w.count()):
                add(f"{name}.tab{tab}", w.tabText(tab))
        if isinstance(w, QMenu):
            add(name + ".title", w.title())
        for action in w.actions():
            add(f"{name}>{action.objectName()}.text", action.text())
            add(f"{name}>{action.objectName()}.toolTip", action.toolTip())
            if action.menu() is not None:
                add(f"{name}>menu.title", action.menu().title())
    return found


def untranslated(widget: QWidget, data: set[str] = frozenset()) -> list[tuple[str, str]]:
    """Labels with English words (texts that are the user's data, e.g. titles, excepted)."""
    return [(where, text) for where, text in labels(widget) if text not in data and english_words(text)]


@pytest.fixture
def korean(qtbot):
    translations = Translations(QApplication.instance())
    assert translations.install("ko")
    yield translations
    translations.install("en")


def test_the_word_finder_sees_english(qtbot):
    box = QWidget()
    qtbot.addWidget(box)
    label = QLabel("Search: words", box)
    label.setObjectName("probe")
    assert untranslated(box) == [("QLabel#probe.text", "Search: words")]
    label.setText("검색 (Ctrl+F) · KWIC · F7")
    assert untranslated(box) == []


def test_every_panel_and_menu_of_the_window_is_korean(qtbot, corpus_library, korean):
    from reader.ui.mainwindow import MainWindow
    from tests.ui.conftest import SEED_000_ID, settle_hosted_panels

    window = MainWindow(corpus_library)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.host_panels()
    window.open_document(SEED_000_ID)
    search = window.hosted["search_dock"]
    search.search_delay_ms = 0
    search.query_edit.setText("产业")
    qtbot.waitUntil(lambda: search.index.ready, timeout=120_000)
    search.run_search()
    qtbot.waitUntil(lambda: search.model.rowCount() > 0)
    titles = {d["title"] for d in corpus_library.documents.list()} | {d["id"] for d in corpus_library.documents.list()}
    found = untranslated(window, titles)
    for menu in window.menus.values():
        found += untranslated(menu)
    assert found == []
    assert "건" in search.status.text()
    assert search.windowTitle() == "검색"
    annotations = window.hosted["annotations_dock"]
    assert [annotations.sort.itemText(i) for i in range(3)] == ["위치순", "최근 작성순", "최근 수정순"]
    assert annotations.color.itemText(0) == "1  노랑"
    settle_hosted_panels(window)


def test_the_panels_switch_language_while_open(qtbot, hosted_window):
    search = hosted_window.hosted["search_dock"]
    assert search.kwic_button.text() == "KWIC" and search.pairs_button.text() == "Pairs"
    translations = Translations(QApplication.instance())
    try:
        translations.install("ko")
        qtbot.waitUntil(lambda: search.pairs_button.text() == "대역")
        assert search.lang_filter.itemText(0) == "두 언어"
        assert hosted_window.hosted["annotations_dock"].delete_button.text() == "삭제"
    finally:
        translations.install("en")
    qtbot.waitUntil(lambda: search.pairs_button.text() == "Pairs")


def test_every_dialog_is_korean(qtbot, corpus_library, korean):
    from reader.ui.export_dialog import ExportDialog
    from reader.ui.settings import Settings
    from reader.ui.settings_dialog import SettingsDialog

    settings_dialog = SettingsDialog(Settings())
    export = ExportDialog(corpus_library, current_doc_id="guofa-2010-28", preview_delay_ms=0)
    for dialog in (settings_dialog, export):
        qtbot.addWidget(dialog)
        dialog.show()
        titles = {d["title"] for d in corpus_library.documents.list()}
        assert untranslated(dialog, titles) == []


def test_the_compare_dialog_and_panel_are_korean(qtbot, corpus_library, korean):
    from reader.ui.compare_model import ComparisonOverviewModel
    from reader.ui.compare_panel import CompareDialog, ComparisonPanel

    documents = [(d["id"], d["title"]) for d in corpus_library.documents.list()]
    panel = ComparisonPanel(ComparisonOverviewModel())
    dialog = CompareDialog(documents)
    for widget in (panel, dialog):
        qtbot.addWidget(widget)
        widget.show()
        assert untranslated(widget, {title for _ref, title in documents}) == []
    assert "신설" in panel.legend.text() and dialog.windowTitle() == "문서 비교"


def test_qt_own_dialogs_and_buttons_are_korean(qtbot, korean):
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    texts = {b.text().replace("&", "") for b in buttons.buttons()}
    assert texts == {"확인", "취소"}
    dialog = QFileDialog(None, "가져오기")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    shown = " ".join(text for _where, text in labels(dialog))
    assert "파일 이름" in shown or "파일 형식" in shown, shown
    assert "File name" not in shown and "Cancel" not in shown


def test_the_damaged_database_question_is_korean(qtbot, korean, tmp_path, monkeypatch):
    from reader.store import backup
    from reader.ui import recovery

    database = tmp_path / "duizhao.sqlite3"
    database.write_bytes(b"this is not a database" * 100)
    check = backup.check_database(database, tmp_path / "backups")
    assert check.damaged
    seen = []

    def exec_box(box):
        seen.extend(untranslated(box))
        seen.append(("text", box.text()))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_box)
    recovery.ask_user(check)
    assert seen[-1][1].startswith(f"데이터베이스 {database} 파일이 손상되었습니다")
    assert [where for where, _text in seen[:-1]] == ["QLabel#qt_msgbox_label.text"]  # SQLite's own words, in ()


def test_an_import_error_is_shown_in_korean(qtbot, window, korean, tmp_path, monkeypatch):
    latin = tmp_path / "latin.txt"
    latin.write_text("Only Latin letters here, no Chinese and no Korean.\n", encoding="utf-8")
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, title, text, *a: shown.append((title, text)))
    with qtbot.waitSignal(window.imports.finished, timeout=30_000):
        window.imports.import_paths([latin])
    assert shown == [("가져오기 실패", f"{latin}: 중국어나 한국어 텍스트가 없습니다")]


#: The core modules whose messages the GUI shows (the others speak to the command line only).
SHOWN_BY_THE_GUI = (
    "text/",
    "search/query.py",
    "search/index.py",
    "errors.py",
    "export/atomic.py",
    "export/pdf.py",
    "export/md_template.py",
)


def _core_messages() -> list[tuple[str, str]]:
    """Literal messages the GUI can show from the core: (file, message with {x} for the variable parts)."""
    found = []
    for path in sorted((ROOT / "reader").rglob("*.py")):
        relative = path.relative_to(ROOT / "reader").as_posix()
        if not relative.startswith(SHOWN_BY_THE_GUI):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)):
                continue
            name = getattr(node.exc.func, "id", getattr(node.exc.func, "attr", ""))
            if not name.endswith(("Failed", "Error", "Unavailable", "Closed", "Text", "Data", "Refused")) or name in (
                "ValueError",
                "TypeError",
                "KeyError",
                "RuntimeError",
                "AssertionError",
            ):
                continue
            args = node.exc.args
            text = args[-1] if args else None
            if isinstance(text, ast.Constant) and isinstance(text.value, str):
                message = text.value
            elif isinstance(text, ast.JoinedStr):
                message = "".join(v.value if isinstance(v, ast.Constant) else "{x}" for v in text.values)
            else:
                continue
            if name in ("ImportFailed", "UndecodableText", "BinaryData"):  # loaders prefix the file
                message = "{path}: " + message
            found.append((path.name, message))
    return found


def _as_example(template: str) -> str:
    return re.sub(r"\{[^}]*\}", "X", template)


def test_every_message_the_core_raises_has_a_translated_template(korean):
    messages = _core_messages()
    assert len(messages) > 30
    missing = []
    for where, message in messages:
        if message.replace("{path}", "{x}") == "{x}: {x}" or "QCoreApplication" in message:
            continue  # another library's own wording passed through; a programming error
        examples = [_as_example(message), re.sub(r"\{[^}]*\}", "Chinese", message)]
        if not any(template_of(example) for example in examples):
            missing.append((where, message))
    assert missing == []
    for template in TEMPLATES:
        assert translate_error(_as_example(template)) != _as_example(template) or template in ("PDF", "Markdown")


def test_translate_error_keeps_the_file_and_the_details(korean):
    assert translate_error("/tmp/a b.pdf: not a readable PDF file (PdfReadError)") == (
        "/tmp/a b.pdf: 읽을 수 있는 PDF 파일이 아닙니다 (PdfReadError)"
    )
    assert translate_error("something the core never says") == "something the core never says"


def test_committed_translations_match_the_code():
    """What CI runs (scripts/check_translations.sh): lupdate over reader/ changes nothing, nothing unfinished."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "translations.py"), "check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
