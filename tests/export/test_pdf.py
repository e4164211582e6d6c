"""PDF export: text of both languages extractable, fonts embedded, first page rendered to PNG."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from reader.cli import main
from reader.export.pdf import fix_to_unicode
from tests.conftest import system_tool


def _text(path: Path) -> str:
    """Extracted text with pypdf's line breaks and spaces at run ends removed."""
    reader = PdfReader(str(path))
    return "".join(page.extract_text() for page in reader.pages).replace("\n", "").replace(" ", "")


def _squeeze(text: str) -> str:
    return text.replace(" ", "")


@pytest.fixture
def pdf(annotated, qapp, tmp_path) -> Path:
    """The briefing exported through the CLI (a QApplication exists, as in the GUI)."""
    out = tmp_path / "briefing.pdf"
    assert main(["export", "--format", "pdf", "--out", str(out), "--date", "2026-03-02"]) == 0
    return out


def test_pdf_text_of_both_languages_is_extractable(pdf):
    text = _text(pdf)
    for expected in (
        "검토 메모",
        "国务院关于中西部地区承接产业转移的指导意见",
        "국무원의 중서부지역 산업이전 유치에 관한 지도의견",
        "深入贯彻落实科学发展观，紧紧抓住国际国内产业分工调整的重大机遇",  # 入 is not the radical ⼊
        "과학발전관을 심도 있게 관철한다.",
        "2010. 8. 31.",  # digits survive (no shaped, unmapped glyphs)
        "国发〔2010〕28号 一（一） / 1.(1)",
        '<script>alert("x")</script>',
        "고에너지·고배출 사업.",
        "严格实施产能置换办法，坚决遏制“两高”项目盲目发展。",
    ):
        assert _squeeze(expected) in text, expected
    assert not any("\u2e80" <= ch <= "\u2fdf" for ch in text)


def test_pdf_embeds_its_cjk_fonts(pdf):
    reader = PdfReader(str(pdf))
    fonts = reader.pages[0]["/Resources"]["/Font"]
    descriptors = []
    for font in fonts.values():
        font = font.get_object()
        for descendant in font.get("/DescendantFonts", []):
            descriptors.append(descendant.get_object()["/FontDescriptor"].get_object())
    assert descriptors
    assert all(any(k in d for k in ("/FontFile", "/FontFile2", "/FontFile3")) for d in descriptors)
    assert reader.metadata.title == "검토 메모"


def test_first_pages_render_with_the_highlight_colours(pdf, artifacts):
    """Page 1 holds the yellow span of 科学发展观 (and the legend's chips); the green item
    does not fit under it and opens page 2 whole (items are not split across pages)."""
    from PySide6.QtGui import QColor, QImage

    pdftoppm = system_tool("pdftoppm", "poppler-utils")
    colours = []
    for number in (1, 2):
        stem = artifacts / f"briefing-page{number}"
        subprocess.run(
            [pdftoppm, "-png", "-r", "100", "-f", str(number), "-l", str(number), "-singlefile", str(pdf), str(stem)],
            check=True,
        )
        image = QImage(str(stem.with_suffix(".png")))
        assert not image.isNull()
        assert abs(image.height() / image.width() - 297 / 210) < 0.01  # A4
        colours.append(
            {image.pixelColor(x, y).name() for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)}
        )
    assert QColor("#ffe066").name() in colours[0]  # the yellow span of 科学发展观
    assert QColor("#a9e34b").name() in colours[1]  # the green colour bar


def test_to_unicode_repair_maps_radicals_and_controls_back():
    cmap = b"3 beginbfrange\n<0001> <0003> [<2F0A> <0009> <C804>]\n<0004> <0004> <2EC4>\nendbfrange\n1 beginbfchar\n<0005> <2F00>\nendbfchar"
    fixed = fix_to_unicode(cmap, {0x2F0A: 0x5165, 0x2EC4: 0x897F, 0x2F00: 0x4E00})
    assert fixed == (
        b"3 beginbfrange\n<0001> <0003> [<5165> <0020> <C804>]\n<0004> <0004> <897F>\nendbfrange\n"
        b"1 beginbfchar\n<0005> <4E00>\nendbfchar"
    )


def test_text_layer_names_the_form_the_text_has(qapp):
    """⼾ (the Kangxi radical sharing 户's glyph) is 戶 by NFKC; in a text with 户 it is 户."""
    from reader.export.pdf import text_repairs

    assert text_repairs("在中西部地区落户")[0x2F3E] == ord("户")
    assert text_repairs("戶口")[0x2F3E] == ord("戶")
    assert text_repairs("落户").get(ord("戶")) == ord("户")


def test_without_cjk_fonts_the_pdf_is_refused_in_one_line_not_written_blank(annotated, tmp_path):
    """A machine with no Chinese or Korean font (fontconfig pointed at an empty folder, in
    a process of its own): `export` and `export-text` refuse with one line naming the
    package to install, and write nothing, rather than a PDF of empty spaces."""
    empty = tmp_path / "no-fonts"
    empty.mkdir()
    config = tmp_path / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f"<dir>{empty}</dir><cachedir>{tmp_path / 'font-cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    env = {**os.environ, "FONTCONFIG_FILE": str(config), "QT_QPA_PLATFORM": "offscreen"}
    for command in (["export", "--format", "pdf"], ["export-text", "guofa-2010-28", "--format", "pdf"]):
        out = tmp_path / f"{command[0]}.pdf"
        result = subprocess.run(
            [sys.executable, "-m", "reader", *command, "--out", str(out)],
            capture_output=True,
            text=True,
            env=env,
            timeout=300,
            check=False,
        )
        assert result.returncode == 1
        lines = [line for line in result.stderr.splitlines() if not line.startswith("Fontconfig")]
        assert lines == [
            f"error: {out}: not written: no Chinese or Korean font is installed, so the PDF's text would be "
            "blank; install Noto CJK (fonts-noto-cjk on Debian and Ubuntu) and export again"
        ]
        assert not out.exists()
