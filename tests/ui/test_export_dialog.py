"""The export dialog: options → live preview → file, with modal dialogs stubbed."""

from __future__ import annotations

import docx
import pytest
from PySide6.QtCore import Qt

from tests.export.conftest import GUOFA, MANUFACTURING, annotate_corpus


@pytest.fixture
def dialog(qtbot, library):
    from reader.ui.export_dialog import ExportDialog

    annotate_corpus(library)
    dlg = ExportDialog(library, current_doc_id=GUOFA, preview_delay_ms=0)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


def _preview(dialog) -> str:
    return dialog.preview.toPlainText()


def test_choice_models_pass_the_model_tester(qtmodeltester, dialog):
    qtmodeltester.check(dialog.documents)
    qtmodeltester.check(dialog.tags)


def test_preview_follows_the_options(qtbot, dialog):
    text = _preview(dialog)
    assert "国务院关于中西部地区承接产业转移的指导意见" in text
    assert "과학발전관을 심도 있게 관철한다." in text
    assert "关于促进制造业有序转移的指导意见" not in text  # current document only
    assert dialog.count.text() == "3 annotation(s)"

    with qtbot.waitSignal(dialog._preview_timer.timeout):
        dialog.scope.setCurrentIndex(dialog.scope.findData("library"))
    assert "关于促进制造业有序转移的指导意见" in _preview(dialog)

    with qtbot.waitSignal(dialog._preview_timer.timeout):
        dialog.language.setCurrentIndex(dialog.language.findData("zh"))
    assert "과학발전관을 심도 있게 관철한다." not in _preview(dialog)

    with qtbot.waitSignal(dialog._preview_timer.timeout):
        dialog.starred.setChecked(True)
    assert dialog.count.text() == "1 annotation(s)"

    with qtbot.waitSignal(dialog._preview_timer.timeout):
        dialog.starred.setChecked(False)
    with qtbot.waitSignal(dialog._preview_timer.timeout):
        dialog.group_by.setCurrentIndex(dialog.group_by.findData("tag"))
    assert "#원칙" in _preview(dialog) and "태그 없음" in _preview(dialog)


def test_tags_and_colours_filter_and_an_empty_choice_disables_export(qtbot, dialog):
    with qtbot.waitSignal(dialog._preview_timer.timeout):
        dialog.tags.set_checked("원칙", True)
    assert dialog.count.text() == "1 annotation(s)"
    assert "시장의 자원배치 기본역할" in _preview(dialog)

    with qtbot.waitSignal(dialog._preview_timer.timeout):
        dialog.color_buttons["red"].setChecked(True)
    assert not dialog.export_button.isEnabled()
    assert "nothing to export" in _preview(dialog)


def test_chosen_documents_scope(qtbot, dialog):
    with qtbot.waitSignal(dialog._preview_timer.timeout):
        dialog.scope.setCurrentIndex(dialog.scope.findData("chosen"))
    assert dialog.document_list.isEnabled()
    assert dialog.documents.checked() == [GUOFA]
    with qtbot.waitSignal(dialog._preview_timer.timeout):
        dialog.documents.set_checked(GUOFA, False)
    assert not dialog.export_button.isEnabled()
    with qtbot.waitSignal(dialog._preview_timer.timeout):
        dialog.documents.set_checked(MANUFACTURING, True)
    assert dialog.count.text() == "1 annotation(s)"


def test_notes_with_raw_html_are_shown_as_text(dialog):
    assert '<script>alert("x")</script>' in _preview(dialog)
    assert "steal()" in _preview(dialog)  # the attribute is text, not markup


def test_export_writes_the_chosen_format(qtbot, dialog, tmp_path, monkeypatch):
    out = tmp_path / "briefing.docx"
    monkeypatch.setattr(dialog, "choose_path", lambda fmt: str(out))
    dialog.format.setCurrentIndex(dialog.format.findData("docx"))
    with qtbot.waitSignal(dialog.exported) as signal:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert signal.args == [str(out)]
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "科学发展观" in text and "출처: 国发〔2010〕28号 一（一） / 1.(1)" in text


def test_existing_file_is_replaced_only_after_confirmation(dialog, tmp_path, monkeypatch):
    out = tmp_path / "briefing.md"
    out.write_text("keep me", encoding="utf-8")
    asked = []
    monkeypatch.setattr(dialog, "confirm_overwrite", lambda path: asked.append(path) or False)
    assert dialog.export_to(str(out), "md") is None
    assert asked == [str(out)] and out.read_text(encoding="utf-8") == "keep me"

    monkeypatch.setattr(dialog, "confirm_overwrite", lambda path: True)
    assert dialog.export_to(str(out), "md") == out
    assert out.read_text(encoding="utf-8").startswith("# 검토 메모")


def test_write_errors_are_shown_not_raised(dialog, tmp_path, monkeypatch):
    errors = []
    monkeypatch.setattr(dialog, "show_error", errors.append)
    assert dialog.export_to(str(tmp_path / "missing" / "b.md"), "md") is None
    assert errors and "does not exist" in errors[0]


def test_the_report_layout_is_a_choice_next_to_the_note_list(qtbot, dialog, tmp_path, monkeypatch):
    """보고서형 beside 메모형: the preview shows the 개조식 report, formats without a report
    layout are greyed out, and the file written is the report."""
    dialog.format.setCurrentIndex(dialog.format.findData("md"))
    with qtbot.waitSignal(dialog._preview_timer.timeout):
        dialog.layout_choice.setCurrentIndex(dialog.layout_choice.findData("report"))
    text = _preview(dialog)
    assert "□ 핵심 요약" in text and "검토의견" in text and "원문:" in text
    model = dialog.format.model()
    enabled = {dialog.format.itemData(r): model.item(r).isEnabled() for r in range(dialog.format.count())}
    assert enabled == {"md": False, "docx": True, "hwpx": True, "pdf": True, "html": False, "csv": False, "json": False}
    assert dialog.format.currentData() == "docx"  # Markdown has no report: Word instead
    out = tmp_path / "report.docx"
    monkeypatch.setattr(dialog, "choose_path", lambda fmt: str(out))
    with qtbot.waitSignal(dialog.exported):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    paragraphs = [p.text for p in docx.Document(str(out)).paragraphs]
    assert paragraphs[0] == "「국무원의 중서부지역 산업이전 유치에 관한 지도의견」 검토"
    assert "□ 핵심 요약" in paragraphs
    with qtbot.waitSignal(dialog._preview_timer.timeout):
        dialog.layout_choice.setCurrentIndex(dialog.layout_choice.findData("memo"))
    assert all(model.item(r).isEnabled() for r in range(dialog.format.count()))
