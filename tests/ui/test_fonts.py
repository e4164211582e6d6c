"""Chinese is drawn with Chinese glyph forms and Korean with Korean ones, whatever the
system locale: every widget that shows them puts the language's face first.

Without that, Qt falls back by locale: Korean forms under a Korean locale, Japanese under
C (this test machine), so each assertion below fails without the language's face."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextDocument, QTextLayout

from reader.ui.fonts import language_of, text_font

HAN = "言化与：产业转移"


def faces(font: QFont, text: str = HAN) -> set[str]:
    """The font families Qt actually draws ``text`` with."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return {run.rawFont().familyName() for run in layout.glyphRuns()}


def document_faces(html: str) -> list[set[str]]:
    """The families drawn in each block of a rich text."""
    document = QTextDocument()
    document.setHtml(html)
    found = []
    block = document.begin()
    while block.isValid():
        if block.text():
            font = block.begin().fragment().charFormat().font()
            found.append(faces(font, block.text()))
        block = block.next()
    return found


def is_chinese(names: set[str]) -> bool:
    return bool(names) and all(n.endswith(" SC") or "YaHei" in n or "PingFang" in n for n in names)


def is_korean(names: set[str]) -> bool:
    return bool(names) and all(n.endswith((" KR", " K")) or "Malgun" in n or "Gothic Neo" in n for n in names)


def test_the_language_faces_are_chosen(qapp):
    assert is_chinese(faces(text_font("zh")))
    assert is_korean(faces(text_font("ko"), "산업 移轉 言"))
    assert language_of("산업이전(産業移轉)") == "ko" and language_of("产业转移") == "zh"


def test_reading_panes(window):
    zh, ko = window.parallel.pane_for("zh"), window.parallel.pane_for("ko")
    assert is_chinese(faces(zh.document().defaultFont()))
    assert is_korean(faces(ko.document().defaultFont(), "언어 言語"))


def test_outline_and_library(window):
    outline = window.outline_model
    index = outline.index(0, 0)
    assert is_chinese(faces(index.data(Qt.ItemDataRole.FontRole), index.data()))
    window.parallel.swap_keeping_place()  # Korean leads: the outline is Korean
    index = outline.index(0, 0)
    assert is_korean(faces(index.data(Qt.ItemDataRole.FontRole), index.data()))
    library = window.library_model.index(0, 0)
    assert is_chinese(faces(library.data(Qt.ItemDataRole.FontRole), library.data().split("\n")[0]))


def test_search_pairs_and_annotations(qtbot, hosted_window):
    window = hosted_window
    search = window.hosted["search_dock"]
    qtbot.waitUntil(lambda: search.index.ready, timeout=120_000)
    hits = search.index.search("产业转移", limit=5).hits
    hit = next(h for h in hits if h.counterpart)
    blocks = [b for b in document_faces(search.model.html(hit)) if b]
    assert is_chinese(blocks[-2]) and is_korean(blocks[-1])
    pane = window.parallel.pane_for("zh")
    window.parallel.select_unit(pane.unit_ids[5])
    assert window.annotations.highlight_selection("blue")
    panel = window.hosted["annotations_dock"]
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    row = panel.model.index(0, 0)
    assert is_chinese(faces(row.data(Qt.ItemDataRole.FontRole), row.data().split("\n")[0]))
