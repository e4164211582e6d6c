"""DOCX and HWPX exports, parsed back with python-docx and python-hwpx."""

from __future__ import annotations

import warnings
import zipfile

import docx
from docx.oxml.ns import qn

from reader.export import write_briefing
from tests.export.conftest import NOTE_HOSTILE

CITATIONS = (
    "国发〔2010〕28号 一（一） / 1.(1)",
    "国发〔2010〕28号 一（二） / 1.(2)",
    "《关于促进制造业有序转移的指导意见》 二 / 2.",
)


def test_docx_has_real_headings_both_languages_notes_and_citations(briefing, tmp_path):
    out = write_briefing(briefing, "docx", tmp_path / "briefing.docx")
    document = docx.Document(str(out))
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == [
        ("Heading 1", "国务院关于中西部地区承接产业转移的指导意见"),
        ("Heading 2", "前言 · 전문"),
        ("Heading 2", "一、总体要求 · 1. 전반적 요구"),
        ("Heading 3", "（一）指导思想。 · (1) 지도사항."),
        ("Heading 3", "（二）基本原则。 · (2) 기본원칙"),
        ("Heading 1", "关于促进制造业有序转移的指导意见"),
        ("Heading 2", "二、推进产业国内梯度转移"),
    ]
    text = "\n".join(p.text for p in document.paragraphs)
    assert "국무원의 중서부지역 산업이전 유치에 관한 지도의견" in text
    assert "深入贯彻落实科学发展观，紧紧抓住" in text
    assert "과학발전관을 심도 있게 관철한다." in text
    assert "• 2007년 당장(黨章) 반영" in text
    assert NOTE_HOSTILE.replace("[link](javascript:alert(1))", "") in text  # raw HTML kept as text
    for citation in CITATIONS:
        assert f"출처: {citation}" in text
    assert document.core_properties.title == "검토 메모"


def _property(run, name: str):
    """A w:rPr child of a run, or None."""
    properties = run._r.find(qn("w:rPr"))
    return None if properties is None else properties.find(qn(name))


def test_docx_marks_the_span_and_sets_east_asian_fonts(briefing, tmp_path):
    document = docx.Document(str(write_briefing(briefing, "docx", tmp_path / "b.docx")))
    marked = [r for p in document.paragraphs for r in p.runs if r.bold and _property(r, "w:shd") is not None]
    assert [r.text for r in marked] == [
        "当前，国际国内产业分工深刻调整，我国东部沿海地区产业向中西部地区转移步伐加快。",
        "科学发展观",
        "시장의 자원배치 기본역할",
        "“两高”",
    ]
    assert _property(marked[1], "w:shd").get(qn("w:fill")) == "FFE066"
    assert _property(marked[1], "w:rFonts").get(qn("w:eastAsia")) == "SimSun"
    assert _property(marked[1], "w:lang").get(qn("w:eastAsia")) == "zh-CN"
    assert _property(marked[2], "w:rFonts").get(qn("w:eastAsia")) == "바탕"  # Korean runs say so too
    assert _property(marked[2], "w:lang").get(qn("w:eastAsia")) == "ko-KR"

    def style_font(name: str) -> str:
        return document.styles[name].element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia"))

    assert style_font("Normal") == "바탕"
    assert style_font("Heading 1") == "맑은 고딕"
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    # The note stands under a 검토의견 label in a shaded box, never like the translation above it.
    paragraphs = document.paragraphs
    label = next(i for i, p in enumerate(paragraphs) if paragraphs[i + 1].text.startswith("핵심 개념"))
    assert paragraphs[label].text == "검토의견" and paragraphs[label].runs[0].bold

    def fill(paragraph):
        shading = paragraph._p.pPr.find(qn("w:shd")) if paragraph._p.pPr is not None else None
        return None if shading is None else shading.get(qn("w:fill"))

    assert [fill(p) for p in paragraphs[label : label + 4]] == ["F1F3F5"] * 4  # label, text, two list items
    assert fill(paragraphs[label - 1]) is None  # the Korean translation is not in the box


def test_hwpx_validates_and_reads_back(briefing, tmp_path):
    from hwpx import HwpxDocument, validate_package

    out = write_briefing(briefing, "hwpx", tmp_path / "briefing.hwpx")
    with zipfile.ZipFile(out) as package:
        names = package.namelist()
        assert names[0] == "mimetype" and package.getinfo("mimetype").compress_type == zipfile.ZIP_STORED
        assert package.read("mimetype") == b"application/hwp+zip"
        assert {"META-INF/container.xml", "Contents/header.xml", "Contents/content.hpf"} <= set(names)
        preview = package.read("Preview/PrvText.txt").decode("utf-8")
    assert preview.startswith("검토 메모")
    report = validate_package(out)
    assert [issue for issue in report.issues if issue.level == "error"] == []

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        document = HwpxDocument.open(str(out))
        try:
            assert document.validate().issues == ()
            paragraphs = [p.text for p in document.paragraphs]
            outline = [p.text for p in document.paragraphs if p.style_id_ref in ("2", "3", "4")]
        finally:
            document.close()
    assert outline == [
        "国务院关于中西部地区承接产业转移的指导意见",
        "前言 · 전문",
        "一、总体要求 · 1. 전반적 요구",
        "（一）指导思想。 · (1) 지도사항.",
        "（二）基本原则。 · (2) 기본원칙",
        "关于促进制造业有序转移的指导意见",
        "二、推进产业国内梯度转移",
    ]
    text = "\n".join(paragraphs)
    assert "深入贯彻落实科学发展观，紧紧抓住" in text and "과학발전관을 심도 있게 관철한다." in text
    assert "핵심 개념: 후진타오 시기의 국정 기조." in text
    assert '<script>alert("x")</script>' in text
    for citation in CITATIONS:
        assert f"출처: {citation}" in text


def test_hwpx_outline_headings_carry_no_automatic_numbers(briefing, tmp_path):
    out = write_briefing(briefing, "hwpx", tmp_path / "b.hwpx")
    with zipfile.ZipFile(out) as package:
        header = package.read("Contents/header.xml").decode("utf-8")
    from lxml import etree

    root = etree.fromstring(header.encode("utf-8"))
    heads = root.iter("{http://www.hancom.co.kr/hwpml/2011/head}paraHead")
    outline = [h for h in heads if h.getparent().get("id") == "1"]
    assert outline and all(not (h.text or "") for h in outline)


def test_hwpx_headings_are_set_larger_than_the_body(briefing, tmp_path):
    from lxml import etree

    out = write_briefing(briefing, "hwpx", tmp_path / "b.hwpx")
    with zipfile.ZipFile(out) as package:
        header = etree.fromstring(package.read("Contents/header.xml"))
        section = etree.fromstring(package.read("Contents/section0.xml"))
    hh = "{http://www.hancom.co.kr/hwpml/2011/head}"
    hp = "{http://www.hancom.co.kr/hwpml/2011/paragraph}"
    heights = {c.get("id"): int(c.get("height")) for c in header.iter(f"{hh}charPr")}
    by_style: dict[str, set[int]] = {}
    for paragraph in section.iter(f"{hp}p"):
        for run in paragraph.iter(f"{hp}run"):
            if "".join(run.itertext()).strip():
                by_style.setdefault(paragraph.get("styleIDRef"), set()).add(heights[run.get("charPrIDRef")])
    assert by_style["2"] == {1500} and by_style["3"] == {1300} and by_style["4"] == {1150}
    assert max(by_style["0"] - {1800}) <= 1000  # body text (the title excepted)


def test_hwpx_is_laid_out_as_a_korean_report(briefing, tmp_path):
    from hwpx import validate_package
    from lxml import etree

    out = write_briefing(briefing, "hwpx", tmp_path / "briefing.hwpx")
    hh = "{http://www.hancom.co.kr/hwpml/2011/head}"
    hp = "{http://www.hancom.co.kr/hwpml/2011/paragraph}"
    hc = "{http://www.hancom.co.kr/hwpml/2011/core}"
    with zipfile.ZipFile(out) as package:
        header = etree.fromstring(package.read("Contents/header.xml"))
        section = etree.fromstring(package.read("Contents/section0.xml"))
        content = package.read("Contents/content.hpf").decode("utf-8")
        version = package.read("version.xml").decode("utf-8")
        assert package.getinfo("version.xml").compress_type == zipfile.ZIP_STORED
        assert package.getinfo("Contents/section0.xml").compress_type == zipfile.ZIP_DEFLATED
        # every entry dated the export day, not python-hwpx's build date
        assert {info.date_time for info in package.infolist()} == {(2026, 3, 2, 0, 0, 0)}
        preview = package.read("Preview/PrvImage.png")
        assert package.namelist()[0] == "mimetype"
    # The preview picture shows the first page's text, not the skeleton's blank page.
    from PySide6.QtGui import QImage

    image = QImage.fromData(preview, "PNG")
    assert (image.width(), image.height()) == (724, 1024)
    dark = sum(image.pixelColor(x, y).lightness() < 100 for x in range(0, 724, 2) for y in range(0, 300, 2))
    assert dark > 200  # the title and the first lines
    # Page numbers, bottom centre, "- n -".
    numbers = list(section.iter(f"{hp}pageNum"))
    assert [(n.get("pos"), n.get("sideChar")) for n in numbers] == [("BOTTOM_CENTER", "-")]
    # Korean breaks between words; headings stand flush left like the body.
    assert {s.get("breakNonLatinWord") for s in header.iter(f"{hh}breakSetting")} == {"KEEP_WORD"}
    shapes = {p.get("id"): p for p in header.iter(f"{hh}paraPr")}
    outline = [
        s.get("paraPrIDRef") for s in header.iter(f"{hh}style") if s.get("name") in ("개요 1", "개요 2", "개요 3")
    ]
    assert {left.get("value") for i in outline for left in shapes[i].iter(f"{hc}left")} == {"0"}
    # The note is labelled as the reviewer's view and in a colour of its own.
    paragraphs = ["".join(t.text or "" for t in p.iter(f"{hp}t")) for p in section.iter(f"{hp}p")]
    labels = [i for i, text in enumerate(paragraphs) if text == "○ 검토의견"]
    assert len(labels) == 4  # one per annotation with a note
    concept = next(i for i in labels if paragraphs[i + 1].startswith("  핵심 개념"))
    assert paragraphs[concept + 2] == "  - 2003년 제기"  # bullets as 개조식 dashes, indented under the label
    colours = {c.get("id"): c.get("textColor") for c in header.iter(f"{hh}charPr")}
    note_runs = [r for p in list(section.iter(f"{hp}p"))[concept + 1 : concept + 3] for r in p.iter(f"{hp}run")]
    assert {colours[r.get("charPrIDRef")].upper() for r in note_runs if "".join(r.itertext()).strip()} == {"#1C3F6E"}
    # No metadata left from the skeleton's fixture.
    assert "synthetic-fixture" not in content and "2025" not in content
    assert "2026년 3월 2일" in content
    assert "Hancom" not in version and 'application="Duizhao"' in version
    assert [i for i in validate_package(out).issues if i.level == "error"] == []
