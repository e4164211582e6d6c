"""The report layout (보고서형): a Korean 보고서 in DOCX, HWPX and PDF, parsed back and
rendered: title box, byline, summary of starred items, □/○/- outline, the Chinese term
after its Korean rendering, the original set apart, the note boxed as 검토의견."""

from __future__ import annotations

import ctypes.util
import os
import re
import shutil
import subprocess
import sys
import warnings
import zipfile
from dataclasses import replace

import docx
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader

from reader.cli import main
from reader.export import BriefingOptions, briefing_from_library, write_briefing
from reader.export.report import bilingual, build_report, rendering_end
from tests.export.conftest import EXPORT_DATE

REPORT_ARGS = ["--layout", "report", "--department", "국제협력과", "--author", "홍길동", "--date", "2026-03-02"]
TITLE = "「국무원의 중서부지역 산업이전 유치에 관한 지도의견」 검토"


@pytest.fixture
def report_briefing(annotated):
    library, _ = annotated
    options = BriefingOptions(
        exported_on=EXPORT_DATE, layout="report", department="국제협력과", author="홍길동", doc_ids=("guofa-2010-28",)
    )
    return briefing_from_library(library, options)


def test_the_outline_is_a_korean_report(report_briefing):
    report = build_report(report_briefing)
    assert report.title == TITLE
    assert report.byline == "2026. 3. 2. · 국제협력과 · 홍길동"
    printed = [line.printed for line in report.lines]
    # The starred item first, as the summary.
    assert printed[:2] == ["□ 핵심 요약", "○ [1.(1)] 핵심 개념: 후진타오 시기의 국정 기조."]
    assert (
        printed[2]
        == "Ⅰ. 국무원의 중서부지역 산업이전 유치에 관한 지도의견 (国务院关于中西部地区承接产业转移的指导意见)"
    )
    assert printed[3] == "※ 国发〔2010〕28号 · 国务院 · 2010. 8. 31. (二○一○年八月三十一日)"
    kinds = [line.kind for line in report.lines]
    headings = [line.printed for line in report.lines if line.kind in ("part", "clause")]
    assert headings == [
        "□ 전문 (前言)",
        "□ 1. 전반적 요구 (总体要求)",
        "○ (1) 지도사항 (指导思想)",
        "○ (2) 기본원칙 (基本原则)",
    ]
    clause = kinds.index("clause")
    assert kinds[clause : clause + 5] == ["clause", "point", "original", "review", "source"]
    point = report.lines[clause + 1]
    # The highlighted Chinese term after its Korean rendering, the rendering marked.
    assert point.marker == "-" and point.text.startswith("과학발전관(科学发展观)을 심도 있게 관철한다.")
    assert point.pieces()[1] == "과학발전관"
    original = report.lines[clause + 2]
    assert original.lang == "zh" and original.depth == point.depth + 1 and original.pieces()[1] == "科学发展观"
    review = report.lines[clause + 3]
    assert review.marker == "검토의견" and review.blocks[0].text == "핵심 개념: 후진타오 시기의 국정 기조."
    assert report.lines[clause + 4].text.startswith("国发〔2010〕28号 一（一） / 1.(1) · ★ 중요")


def test_rendering_found_by_sino_korean_reading():
    assert rendering_end("과학발전관을 심도 있게 관철한다.", "科学发展观") == len("과학발전관")
    assert rendering_end("충분히 시장의 자원배치", "市场") == len("충분히 시장")
    assert rendering_end("중서부지역의 산업이전", "中西部地区") == -1  # 地区 is 지구; the translation says 지역
    assert rendering_end("노동집약형 산업", "服装") == -1  # rendered by meaning, not by reading
    assert bilingual("(1) 지도사항.", "（一）指导思想。", heading=True) == "(1) 지도사항 (指导思想)"
    assert bilingual("", "二、推进产业国内梯度转移", heading=True) == "二、推进产业国内梯度转移"


def test_docx_report_reads_back(report_briefing, tmp_path):
    out = write_briefing(report_briefing, "docx", tmp_path / "report.docx")
    document = docx.Document(str(out))
    paragraphs = document.paragraphs
    title = paragraphs[0]
    assert title.text == TITLE
    borders = title._p.pPr.find(qn("w:pBdr"))
    assert borders is not None and {child.tag.split("}")[1] for child in borders} == {"top", "left", "bottom", "right"}
    texts = [p.text for p in paragraphs]
    assert "□ 1. 전반적 요구 (总体要求)" in texts and "○ (1) 지도사항 (指导思想)" in texts
    point = next(p for p in paragraphs if p.text.startswith("- 과학발전관(科学发展观)을"))
    original = paragraphs[paragraphs.index(point) + 1]
    assert original.text.startswith("원문: 深入贯彻落实科学发展观")
    # The original is smaller and further in than the translation.
    assert original.paragraph_format.left_indent > point.paragraph_format.left_indent
    assert original.style.font.size.pt < point.style.font.size.pt
    assert all(run.font.size is None for run in original.runs + point.runs)  # the style's size
    chinese = [run for run in original.runs if "科学发展观" in run.text or "深入" in run.text]
    assert chinese and all(run._r.rPr.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN" for run in chinese)
    korean = next(run for run in point.runs if "과학발전관" in run.text)
    assert korean._r.rPr.find(qn("w:rFonts")) is None  # Korean takes the style's government face
    assert point.style.element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "휴먼명조"
    assert korean.bold and korean.underline  # the rendering of the highlighted term
    # The note is a shaded box under 검토의견; the translation is not.
    review = paragraphs[paragraphs.index(point) + 2]
    assert review.text == "검토의견"
    note = paragraphs[paragraphs.index(point) + 3]
    for paragraph in (review, note):
        shading = paragraph.style.element.pPr.find(qn("w:shd"))  # the review style's box
        assert shading is not None and shading.get(qn("w:fill")) == "EEF3FA"
        assert paragraph.style.element.pPr.find(qn("w:pBdr")) is not None
    assert point.style.element.pPr.find(qn("w:shd")) is None and point._p.pPr.find(qn("w:shd")) is None
    with zipfile.ZipFile(out) as package:
        fonts = package.read("word/fontTable.xml").decode("utf-8")
        footer = package.read("word/footer1.xml").decode("utf-8") if "word/footer1.xml" in package.namelist() else ""
    assert 'w:name="휴먼명조"' in fonts and 'w:val="바탕"' in fonts and 'w:name="HY헤드라인M"' in fonts
    assert "PAGE" in footer or any("PAGE" in s.footer._element.xml for s in document.sections)


def test_hwpx_report_validates_and_is_boxed(report_briefing, tmp_path):
    from hwpx import HwpxDocument, validate_package

    out = write_briefing(report_briefing, "hwpx", tmp_path / "report.hwpx")
    assert [issue for issue in validate_package(out).issues if issue.level == "error"] == []
    with zipfile.ZipFile(out) as package:
        header = package.read("Contents/header.xml").decode("utf-8")
        section = package.read("Contents/section0.xml").decode("utf-8")
    assert "pageNum" in section and 'breakNonLatinWord="KEEP_WORD"' in header
    assert 'face="휴먼명조"' in header and 'face="HY헤드라인M"' in header
    assert re.search(r'face="휴먼명조"[^>]*>\s*<hh:substFont[^>]*face="함초롬바탕"', header)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        document = HwpxDocument.open(str(out))
        try:
            assert document.validate().issues == ()
            paragraphs = list(document.paragraphs)
            texts = [p.text for p in paragraphs]
            shapes = {p.text: p.para_pr_id_ref for p in paragraphs}
            head = document.oxml.headers[0].element
            hh = "{http://www.hancom.co.kr/hwpml/2011/head}"
            drawn = {
                fill.get("id")
                for fill in head.iter(f"{hh}borderFill")
                if fill.find(f"{hh}leftBorder").get("type") != "NONE"
            }
            bordered = {
                shape.get("id")
                for shape in head.iter(f"{hh}paraPr")
                for border in shape.iter(f"{hh}border")
                if border.get("borderFillIDRef") in drawn
            }
        finally:
            document.close()
    assert texts[0] == TITLE and texts[1] == "2026. 3. 2. · 국제협력과 · 홍길동"
    assert "□ 1. 전반적 요구 (总体要求)" in texts and "○ (1) 지도사항 (指导思想)" in texts
    point = next(t for t in texts if t.startswith("- 과학발전관(科学发展观)을"))
    assert texts[texts.index(point) + 1].startswith("원문: 深入贯彻落实科学发展观")
    assert texts[texts.index(point) + 2] == "검토의견"
    assert shapes["검토의견"] in bordered and shapes[TITLE] in bordered
    assert shapes[point] not in bordered


def test_pdf_report_reads_back_with_bookmarks(report_briefing, tmp_path, qapp):
    out = write_briefing(report_briefing, "pdf", tmp_path / "report.pdf")
    reader = PdfReader(str(out))
    text = "".join("".join(page.extract_text().split()) for page in reader.pages)
    for expected in (
        TITLE,
        "□1.전반적요구(总体要求)",
        "○(1)지도사항(指导思想)",
        "-과학발전관(科学发展观)을심도있게관철한다.",
        "원문:深入贯彻落实科学发展观",
        "검토의견핵심개념:후진타오시기의국정기조.",
    ):
        assert "".join(expected.split()) in text, expected
    titles = []

    def walk(outline):
        for entry in outline:
            walk(entry) if isinstance(entry, list) else titles.append(entry.title)

    walk(reader.outline)
    assert "□ 1. 전반적 요구 (总体要求)" in titles and "○ (1) 지도사항 (指导思想)" in titles
    assert reader.metadata.title == TITLE


def test_report_layout_through_the_cli_and_refused_for_other_formats(annotated, tmp_path, capsys):
    out = tmp_path / "report.docx"
    assert main(["export", "--format", "docx", "--out", str(out), *REPORT_ARGS]) == 0
    assert docx.Document(str(out)).paragraphs[1].text == "2026. 3. 2. · 국제협력과 · 홍길동"
    assert docx.Document(str(out)).paragraphs[0].text == "검토 보고"  # two documents
    capsys.readouterr()
    assert main(["export", "--format", "md", "--out", str(tmp_path / "r.md"), *REPORT_ARGS]) == 1
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "docx, hwpx, pdf" in error
    assert not (tmp_path / "r.md").exists()


def test_report_of_a_chinese_only_document_and_korean_only_view(annotated, tmp_path):
    library, _ = annotated
    options = BriefingOptions(exported_on=EXPORT_DATE, layout="report", doc_ids=("manufacturing-transfer",))
    report = build_report(briefing_from_library(library, options))
    points = [line for line in report.lines if line.kind == "point"]
    assert points and points[0].lang == "zh" and points[0].pieces()[1] == "“两高”"
    assert not [line for line in report.lines if line.kind == "original"]  # nothing to set apart
    ko = build_report(briefing_from_library(library, replace(options, lang="ko", doc_ids=("guofa-2010-28",))))
    assert not [line for line in ko.lines if line.kind == "original"]


def test_docx_and_hwpx_reports_render_to_png(report_briefing, tmp_path, artifacts):
    """The first page of each, rendered by independent programs, for a visual check:
    LibreOffice for the DOCX (where installed) and rhwp (a Rust HWP/HWPX renderer) for
    the HWPX."""
    hwpx = write_briefing(report_briefing, "hwpx", tmp_path / "report.hwpx")
    code = (
        "import sys, rhwp; document = rhwp.parse(sys.argv[1]);"
        "open(sys.argv[2], 'wb').write(document.render_png(page=0, scale=1.0))"
    )
    env = dict(os.environ)
    freetype = ctypes.util.find_library("freetype")
    if freetype:  # rhwp's wheel bundles a FreeType older than the one it calls
        env["LD_PRELOAD"] = freetype
    png = artifacts / "report-hwpx-page1.png"
    subprocess.run([sys.executable, "-c", code, str(hwpx), str(png)], check=True, env=env, timeout=120)
    from PySide6.QtGui import QImage

    image = QImage(str(png))
    assert not image.isNull() and image.height() > image.width()
    dark = sum(image.pixelColor(x, y).lightness() < 80 for x in range(0, image.width(), 3) for y in range(0, 250, 3))
    assert dark > 100  # the title box and its text
    soffice = shutil.which("soffice")
    if soffice:
        document = write_briefing(report_briefing, "docx", tmp_path / "report.docx")
        subprocess.run(
            [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(document)],
            check=True,
            capture_output=True,
            timeout=300,
            env={**os.environ, "HOME": str(tmp_path)},
        )
        rendered = PdfReader(str(tmp_path / "report.pdf"))
        assert "".join(rendered.pages[0].extract_text().split()).startswith("「국무원의")
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "80",
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                str(tmp_path / "report.pdf"),
                str(artifacts / "report-docx-page1"),
            ],
            check=True,
        )


def test_every_report_format_carries_the_colour_legend(annotated, tmp_path, qapp):
    """Named colours: the report says under its byline what each colour means, each chip
    in its colour; with no meanings and one colour there is no legend."""
    from lxml import etree

    library, _ = annotated
    options = BriefingOptions(
        exported_on=EXPORT_DATE, layout="report", color_meanings=(("yellow", "핵심"), ("green", "신규"))
    )
    briefing = briefing_from_library(library, options)
    report = build_report(briefing)
    legend = "범례: ■ 노랑: 핵심 (1건)  ■ 초록: 신규 (1건)  ■ 파랑 (1건)  ■ 빨강 (1건)"
    assert report.legend_line == legend and report.plain().splitlines()[2] == legend
    document = docx.Document(str(write_briefing(briefing, "docx", tmp_path / "r.docx")))
    paragraph = document.paragraphs[2]
    assert paragraph.text == legend
    chips = [run.font.color.rgb for run in paragraph.runs if run.text.strip() == "■"]
    assert [str(c) for c in chips] == ["FFE066", "A9E34B", "74C0FC", "FF8787"]
    with zipfile.ZipFile(write_briefing(briefing, "hwpx", tmp_path / "r.hwpx")) as package:
        section = etree.fromstring(package.read("Contents/section0.xml"))
    hp = "{http://www.hancom.co.kr/hwpml/2011/paragraph}"
    texts = ["".join(t.text or "" for t in p.iter(f"{hp}t")) for p in section.iter(f"{hp}p")]
    assert legend in texts
    pdf = "".join(
        page.extract_text() for page in PdfReader(str(write_briefing(briefing, "pdf", tmp_path / "r.pdf"))).pages
    )
    assert "".join(legend.split()) in "".join(pdf.split())
    one = replace(options, colors=("yellow",), color_meanings=())
    assert build_report(briefing_from_library(library, one)).legend == []


def test_the_chinese_term_follows_its_korean_rendering_in_the_note_too(annotated):
    """Where the note uses the highlighted term's Korean rendering, the Chinese follows it
    in parentheses once, as in the translation line; a note that names the term is left."""
    library, _ = annotated
    guofa = library.documents.get("guofa-2010-28")
    made = library.annotations.annotate(
        guofa,
        "zh.p1.c1.s1",
        quote="科学发展观",
        note="과학발전관은 2003년에 제기되었다.\n\n과학발전관 두 번째",
        color="pink",
    )
    named = library.annotations.annotate(
        guofa, "zh.p1.c1.s1", quote="科学发展观", note="科学发展观, 곧 과학발전관", color="purple"
    )
    options = BriefingOptions(exported_on=EXPORT_DATE, layout="report", colors=("pink", "purple"))
    report = build_report(briefing_from_library(library, options))
    reviews = {line.blocks[0].text: line for line in report.lines if line.kind == "review"}
    assert "과학발전관(科学发展观)은 2003년에 제기되었다." in reviews
    assert [b.text for b in reviews["과학발전관(科学发展观)은 2003년에 제기되었다."].blocks][1] == "과학발전관 두 번째"
    assert "科学发展观, 곧 과학발전관" in reviews
    assert made.id != named.id


def test_a_struck_word_in_the_note_stays_struck_in_every_report_format(annotated, tmp_path):
    """A word struck through in a note is a deletion the reader must see as one."""
    from lxml import etree

    from reader.export.rich_report import render_report

    library, _ = annotated
    guofa = library.documents.get("guofa-2010-28")
    library.annotations.annotate(guofa, "zh.pre1.s2", note="~~지운 말~~ 남은 말", color="purple")
    briefing = briefing_from_library(
        library, BriefingOptions(exported_on=EXPORT_DATE, layout="report", colors=("purple",))
    )
    document = docx.Document(str(write_briefing(briefing, "docx", tmp_path / "r.docx")))
    struck = [r.text for p in document.paragraphs for r in p.runs if r.font.strike]
    assert struck == ["지운 말"]
    with zipfile.ZipFile(write_briefing(briefing, "hwpx", tmp_path / "r.hwpx")) as package:
        header = etree.fromstring(package.read("Contents/header.xml"))
        section = etree.fromstring(package.read("Contents/section0.xml"))
    hh, hp = "{http://www.hancom.co.kr/hwpml/2011/head}", "{http://www.hancom.co.kr/hwpml/2011/paragraph}"
    shapes = {c.get("id"): c for c in header.iter(f"{hh}charPr")}
    run = next(r for r in section.iter(f"{hp}run") if "".join(t.text or "" for t in r.findall(f"{hp}t")) == "지운 말")
    assert shapes[run.get("charPrIDRef")].find(f"{hh}strikeout").get("shape") not in (None, "NONE")
    assert "<s>" in render_report(build_report(briefing)) and "지운 말</span></s>" in render_report(
        build_report(briefing)
    )
