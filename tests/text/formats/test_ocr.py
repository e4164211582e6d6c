"""OCR of scans: seed pages rendered with Noto CJK and read back by Tesseract."""

from __future__ import annotations

import json
import os
import stat

import pytest

from reader.cli import main
from reader.errors import ImportFailed
from reader.text.formats import ocr
from reader.text.importer import parse_files
from tests.text.formats.pages import char_accuracy, seed_000_chinese
from tests.text.formats.scans import render_pages, save_pngs, scanned_pdf, seed_000_korean


def test_chinese_typography_of_recognised_lines():
    assert ocr.chinese_typography("国 务 院 关于") == "国务院关于"
    assert ocr.chinese_typography("国发2010] 28号") == "国发〔2010〕28号"
    assert ocr.chinese_typography("(一 ) 指导思想。深入") == "（一）指导思想。深入"
    assert ocr.chinese_typography("提升配套服务水平 ; 着力") == "提升配套服务水平；着力"
    assert ocr.chinese_typography("-坚持市场导向") == "——坚持市场导向"
    assert ocr.chinese_typography("一、总体要求") == "一、总体要求"
    assert ocr.chinese_typography("《十四) 强化公共服务") == "（十四）强化公共服务"
    assert ocr.chinese_typography("2010 年 8 月") == "2010年8月"
    # Korean keeps its word spacing; Hanja in parentheses are left alone.
    assert ocr.remove_han_spaces("국무원 관계 부처는 2010년 8월") == "국무원 관계 부처는 2010년 8월"
    assert ocr.remove_han_spaces("국무원(国务院) 지도 의견") == "국무원(国务院) 지도 의견"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("lang", "dpi", "noise", "skew", "floor"),
    [("ko", 300, 0, 0, 0.97), ("ko", 200, 0.003, 0.5, 0.97), ("zh", 300, 0, 0, 0.98), ("zh", 200, 0.003, 0.5, 0.98)],
)
def test_a_scanned_page_reads_back(qapp, tmp_path, lang, dpi, noise, skew, floor):
    lines = (seed_000_chinese() if lang == "zh" else seed_000_korean())[:8]
    (page,) = render_pages(lines, lang, dpi=dpi, noise=noise, skew=skew)[:1]
    (png,) = save_pngs([page], tmp_path, lang)
    recognition = ocr.read_image(png)
    (read,) = recognition.pages
    assert read.language == ocr.LANGUAGES[lang]
    # The page holds the first part of the lines: compare with as much of them.
    recognised, reference = "".join("".join(read.lines).split()), "".join("".join(lines).split())
    assert char_accuracy(recognised, reference[: len(recognised)]) >= floor
    if lang == "ko":
        assert "국무원의 각 부와 위원회" in " ".join(read.lines)  # word spacing kept


@pytest.mark.slow
def test_seed_000_from_a_scanned_pdf_has_its_structure(qapp, tmp_path, capsys):
    pages = render_pages(seed_000_chinese(), "zh", dpi=300)
    pdf = scanned_pdf(pages, tmp_path / "guofa-scan.pdf", 300)
    progress = []
    document = parse_files([pdf], on_page=lambda done, total: progress.append((done, total)))
    kinds = [s.kind for s in document.segments]
    assert kinds.count("part") == 8 and kinds.count("clause") == 30
    assert document.title == "国务院关于中西部地区承接产业转移的指导意见"
    assert document.doc_number == "国发〔2010〕28号"
    assert progress == [(n, len(pages)) for n in range(1, len(pages) + 1)]
    assert [p["page"] for p in document.ocr["pages"]] == list(range(1, len(pages) + 1))
    assert document.ocr["engine"].startswith("tesseract")
    assert all(p["low"] == (p["confidence"] < ocr.LOW_CONFIDENCE) for p in document.ocr["pages"])
    text = "".join(s.text for s in document.segments)
    assert char_accuracy(text, "".join(seed_000_chinese())) >= 0.98


def test_a_blank_scan_and_ocr_never_get_one_line(qapp, tmp_path, capsys):
    from PySide6.QtGui import QImage

    image = QImage(400, 300, QImage.Format.Format_Grayscale8)
    image.fill(255)
    path = tmp_path / "blank.png"
    image.save(str(path))
    with pytest.raises(ImportFailed, match="no text was recognised"):
        parse_files([path])
    code = main(["import", str(path), "--ocr", "never"])
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1 and "OCR" in err and str(path) in err


def test_a_missing_engine_or_language_pack_is_named(tmp_path, monkeypatch):
    path = tmp_path / "scan.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n")
    monkeypatch.setenv("DUIZHAO_TESSERACT", str(tmp_path / "no-such-tesseract"))
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    with pytest.raises(ImportFailed) as raised:
        parse_files([path])
    assert "tesseract-ocr" in str(raised.value) and "\n" not in str(raised.value)
    # A Tesseract with only English installed: the message names both language packages.
    english_only = tmp_path / "tesseract"
    english_only.write_text('#!/bin/sh\nif [ "$1" = --list-langs ]; then echo "List of languages:"; echo eng; '
                            'else echo "tesseract 5.0.0"; fi\n')  # fmt: skip
    english_only.chmod(english_only.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("DUIZHAO_TESSERACT", str(english_only))
    with pytest.raises(ImportFailed) as raised:
        parse_files([path])
    assert "tesseract-ocr-chi-sim tesseract-ocr-kor" in str(raised.value)
    assert os.environ["DUIZHAO_TESSERACT"] == str(english_only)


def test_show_json_marks_ocr_text(qapp, tmp_path, capsys):
    lines = seed_000_chinese()[:6]
    (png,) = save_pngs(render_pages(lines, "zh")[:1], tmp_path, "page")
    assert main(["import", str(png), "--id", "scan"]) == 0
    capsys.readouterr()
    main(["show", "scan", "--json"])
    shown = json.loads(capsys.readouterr().out)["document"]
    assert shown["ocr"]["pages"][0]["language"] == "chi_sim"
    main(["list", "--json"])
    assert json.loads(capsys.readouterr().out)[0]["ocr"] is True
