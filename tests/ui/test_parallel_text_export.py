"""File ▸ Export parallel text writes the open document's 대조표, read back from the file."""

from __future__ import annotations

import zipfile

from docx import Document as DocxDocument

from tests.ui.conftest import SEED_000_ID, SEED_002_ID


def test_the_open_document_is_exported_as_a_parallel_table(qtbot, window, corpus_library, tmp_path, monkeypatch):
    document = corpus_library.documents.get(SEED_000_ID)
    corpus_library.annotations.annotate(document, "zh.p1.c1.s1", note="검토 필요")
    asked = []
    target = tmp_path / "대조표.docx"
    monkeypatch.setattr(
        "reader.ui.controllers.parallel_text.ask_path", lambda parent, suggested: asked.append(suggested) or str(target)
    )
    window.actions_by_name["export_text"].trigger()
    assert asked and asked[0].endswith(f"{SEED_000_ID}_대조표.docx")
    assert target.is_file()
    table = DocxDocument(str(target)).tables[-1]
    cells = [(row.cells[0].text, row.cells[1].text) for row in table.rows]
    assert any("产业转移是优化生产力空间布局" in zh and "산업이전은" in ko for zh, ko in cells)
    with zipfile.ZipFile(target) as package:
        assert "검토 필요" in package.read("word/footnotes.xml").decode("utf-8")  # the note as a footnote
    assert str(target) in window.status.currentMessage()

    hwpx = tmp_path / "대조표.hwpx"
    monkeypatch.setattr("reader.ui.controllers.parallel_text.ask_path", lambda parent, suggested: str(hwpx))
    window.actions_by_name["export_text"].trigger()
    with zipfile.ZipFile(hwpx) as package:
        assert "산업이전은" in package.read("Contents/section0.xml").decode("utf-8")


def test_a_chinese_only_document_says_what_is_missing(qtbot, window, monkeypatch):
    window.open_document(SEED_002_ID)
    monkeypatch.setattr(
        "reader.ui.controllers.parallel_text.ask_path",
        lambda *a: (_ for _ in ()).throw(AssertionError("asked for a file name")),
    )
    window.actions_by_name["export_text"].trigger()
    assert "both languages" in window.status.currentMessage()
