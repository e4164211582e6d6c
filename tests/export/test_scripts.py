"""Chinese set as Chinese, Korean as Korean, in every format: each run, element or text span
with Han characters carries a simplified-Chinese tag and face, each with Hangul a Korean one."""

from __future__ import annotations

import zipfile

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree

from reader.export import write_briefing
from reader.export.script_runs import script_runs
from reader.text.scripts import is_han, is_hangul

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _han(text: str) -> bool:
    return any(is_han(c) and c != "○" for c in text)


def _hangul(text: str) -> bool:
    return any(is_hangul(c) for c in text)


def test_script_runs_cut_chinese_out_of_korean_text():
    assert script_runs("구조조정을 주선(主线)으로") == [("ko", "구조조정을 주선("), ("zh", "主线)"), ("ko", "으로")]
    assert script_runs("一、总体要求 · 1. 전반적 요구") == [("zh", "一、总体要求 · 1. "), ("ko", "전반적 요구")]
    assert script_runs("2010. 8. 31.", "zh") == [("zh", "2010. 8. 31.")]
    assert script_runs("○ 검토의견") == [("ko", "○ 검토의견")]


def _runs_by_character(text: str, default: str = "ko") -> list[tuple[str, str]]:
    """The rule character by character (what script_runs' regular expression must do)."""

    def script(char: str) -> str:
        return "zh" if char != "○" and is_han(char) else "ko" if is_hangul(char) else ""

    runs: list[list[str]] = []
    pending = ""
    for char in text:
        if not runs:
            if script(char):
                runs.append([script(char), pending + char])
            else:
                pending += char
        elif script(char) and script(char) != runs[-1][0]:
            runs.append([script(char), char])
        else:
            runs[-1][1] += char
    return [(lang, chunk) for lang, chunk in runs] if runs else ([(default, pending)] if pending else [])


def test_script_runs_follow_the_character_rule_on_random_mixed_text():
    import random

    alphabet = "国发〔2010〕28号 一、总体要求 1. 전반적 요구 ○〇 (主线) abc ㄱㅏ \U00020001 豈 ᄀ\n"
    chooser = random.Random(15)
    for _ in range(3000):
        text = "".join(chooser.choice(alphabet) for _ in range(chooser.randint(0, 40)))
        for default in ("ko", "zh"):
            assert script_runs(text, default) == _runs_by_character(text, default), text


def test_every_docx_run_is_tagged_and_set_by_its_script(briefing, tmp_path):
    out = write_briefing(briefing, "docx", tmp_path / "b.docx")
    with zipfile.ZipFile(out) as package:
        body = etree.fromstring(package.read("word/document.xml"))
        settings = package.read("word/settings.xml").decode()
        core = package.read("docProps/core.xml").decode()
    runs = [(r, "".join(t.text or "" for t in r.iter(f"{_W}t"))) for r in body.iter(f"{_W}r")]
    chinese = [(r, text) for r, text in runs if _han(text)]
    korean = [(r, text) for r, text in runs if _hangul(text)]
    assert len(chinese) > 20 and len(korean) > 20
    for run, text in chinese:
        assert not _hangul(text), text
        assert run.find(f"{_W}rPr/{_W}lang").get(qn("w:eastAsia")) == "zh-CN", text
        assert run.find(f"{_W}rPr/{_W}rFonts").get(qn("w:eastAsia")) in ("SimSun", "SimHei"), text
    for run, text in korean:
        assert run.find(f"{_W}rPr/{_W}lang").get(qn("w:eastAsia")) == "ko-KR", text
        assert run.find(f"{_W}rPr/{_W}rFonts").get(qn("w:eastAsia")) in ("바탕", "맑은 고딕"), text
    # The note's Hanja and the citation's document number are Chinese runs of their own.
    texts = {text for _, text in chinese}
    assert any("黨章" in t for t in texts)
    assert any("国发〔2010〕28号" in t for t in texts)
    assert 'w:eastAsia="ko-KR"' in settings and "ja-JP" not in settings
    assert "python-docx" not in core and "2013" not in core
    properties = docx.Document(str(out)).core_properties
    assert properties.created.date() == briefing.exported_on
    assert properties.last_modified_by == "Duizhao"


def _html_lang(element) -> str:
    while element is not None:
        if element.get("lang"):
            return element.get("lang")
        element = element.getparent()
    return ""


def test_every_chinese_text_in_the_html_page_is_tagged_zh_hans(briefing, tmp_path):
    from lxml import html

    page = html.fromstring(write_briefing(briefing, "html", tmp_path / "b.html").read_text(encoding="utf-8"))
    pieces = []  # (text, language it is in)
    for element in page.body.iter():
        if element.text:
            pieces.append((element.text, _html_lang(element)))
        if element.tail:
            pieces.append((element.tail, _html_lang(element.getparent())))
    chinese = [(text, lang) for text, lang in pieces if _han(text)]
    korean = [(text, lang) for text, lang in pieces if _hangul(text)]
    assert len(chinese) > 10 and len(korean) > 10
    assert [(t, lang) for t, lang in chinese if lang != "zh-Hans" or _hangul(t)] == []
    assert [(t, lang) for t, lang in korean if lang != "ko"] == []
    assert page.xpath("//h2")[0].get("lang") == "zh-Hans"  # the document's Chinese title
    part = page.xpath("//h3")[0]
    assert part.text_content() == "前言 · 전문" and part.get("lang") == "zh-Hans"
    assert part.xpath("span")[0].get("lang") == "ko"  # the Korean half is a span


def _pdf_spans(path) -> list[tuple[str, str]]:
    """(font name, text) of every text-showing operation of a PDF, read with pypdf."""
    from pypdf import PdfReader

    spans = []

    def visit(text, cm, tm, font, size):
        if text.strip() and font is not None:
            spans.append((str(font.get("/BaseFont", "")), text))

    for page in PdfReader(str(path)).pages:
        page.extract_text(visitor_text=visit)
    return spans


def test_every_chinese_span_of_the_pdf_is_set_in_a_simplified_chinese_face(briefing, qapp, tmp_path):
    spans = _pdf_spans(write_briefing(briefing, "pdf", tmp_path / "b.pdf"))
    chinese = [(font, text) for font, text in spans if _han(text)]
    korean = [(font, text) for font, text in spans if _hangul(text)]
    assert len(chinese) > 10 and len(korean) > 10
    # Noto CJK names its faces NotoSerifCJKsc-…, NotoSansCJKkr-… (SimSun, Songti elsewhere).
    assert [(f, t) for f, t in chinese if not any(k in f.lower() for k in ("sc-", "simsun", "songti", "simhei"))] == []
    assert [(f, t) for f, t in korean if not any(k in f.lower() for k in ("kr-", "batang", "myungjo", "gothic"))] == []
    chinese_text = "".join(t for _, t in chinese)
    for expected in ("国发", "黨章", "前言", "一、总体要求"):
        assert expected in chinese_text, expected


_HH = "{http://www.hancom.co.kr/hwpml/2011/head}"
_HP = "{http://www.hancom.co.kr/hwpml/2011/paragraph}"


def test_hwpx_sets_chinese_runs_and_the_hanja_slot_in_a_chinese_face(briefing, tmp_path):
    out = write_briefing(briefing, "hwpx", tmp_path / "b.hwpx")
    with zipfile.ZipFile(out) as package:
        header = etree.fromstring(package.read("Contents/header.xml"))
        section = etree.fromstring(package.read("Contents/section0.xml"))
    faces = {
        fontface.get("lang"): {font.get("id"): font.get("face") for font in fontface.iter(f"{_HH}font")}
        for fontface in header.iter(f"{_HH}fontface")
    }
    refs = {shape.get("id"): shape.find(f"{_HH}fontRef") for shape in header.iter(f"{_HH}charPr")}
    chinese_faces = {"SimSun", "SimHei"}
    # Every character shape draws Han characters with a Chinese face.
    assert {faces["HANJA"][ref.get("hanja")] for ref in refs.values()} <= chinese_faces
    runs = [(r.get("charPrIDRef"), "".join(t.text or "" for t in r.iter(f"{_HP}t"))) for r in section.iter(f"{_HP}run")]
    chinese = [(shape, text) for shape, text in runs if _han(text)]
    assert len(chinese) > 10
    for shape, text in chinese:
        assert not _hangul(text), text
        ref = refs[shape]
        for slot in ("hangul", "latin", "hanja"):
            assert faces[slot.upper()][ref.get(slot)] in chinese_faces, (text, slot)
    korean = [shape for shape, text in runs if _hangul(text)]
    assert {faces["HANGUL"][refs[shape].get("hangul")] for shape in korean} <= {"함초롬바탕", "함초롬돋움"}
    assert any("黨章" in text for _, text in chinese)


# -- the report layout and the 대조표: the same checks, footnotes included -------------
def _report_and_table(annotated, kind: str, fmt: str, tmp_path):
    from reader.export import BriefingOptions, briefing_from_library
    from reader.export.parallel_formats import write_parallel_table
    from reader.export.parallel_table import parallel_table_from_library
    from tests.export.conftest import EXPORT_DATE, GUOFA

    library, _ = annotated
    out = tmp_path / f"{kind}.{fmt}"
    if kind == "report":
        options = BriefingOptions(exported_on=EXPORT_DATE, layout="report", color_meanings=(("yellow", "핵심"),))
        return write_briefing(briefing_from_library(library, options), fmt, out)
    library.annotations.annotate(
        library.documents.get(GUOFA), "zh.p1.c1.s1", quote="紧紧抓住", note="**주선(主线)** 국정 기조", color="pink"
    )
    return write_parallel_table(parallel_table_from_library(library, GUOFA, (), EXPORT_DATE), fmt, out)


@pytest.mark.parametrize("kind", ["report", "table"])
def test_report_and_table_docx_runs_footnotes_included_are_tagged_by_script(annotated, tmp_path, kind):
    out = _report_and_table(annotated, kind, "docx", tmp_path)
    runs = []
    with zipfile.ZipFile(out) as package:
        for part in ("word/document.xml", "word/footnotes.xml"):
            if part in package.namelist():
                body = etree.fromstring(package.read(part))
                runs += [(r, "".join(t.text or "" for t in r.iter(f"{_W}t")), part) for r in body.iter(f"{_W}r")]
    chinese = [(r, text, part) for r, text, part in runs if _han(text)]
    korean = [(r, text, part) for r, text, part in runs if _hangul(text)]
    assert len(chinese) > 3 and len(korean) > 3
    if kind == "table":
        assert any(part == "word/footnotes.xml" for _, _, part in chinese)  # 主线 inside a footnote
    for run, text, _ in chinese:
        assert not _hangul(text), text
        assert run.find(f"{_W}rPr/{_W}lang").get(qn("w:eastAsia")) == "zh-CN", text
        assert run.find(f"{_W}rPr/{_W}rFonts").get(qn("w:eastAsia")) in ("SimSun", "SimHei"), text


@pytest.mark.parametrize("kind", ["report", "table"])
def test_report_and_table_hwpx_runs_footnotes_included_are_set_by_script(annotated, tmp_path, kind):
    out = _report_and_table(annotated, kind, "hwpx", tmp_path)
    with zipfile.ZipFile(out) as package:
        header = etree.fromstring(package.read("Contents/header.xml"))
        section = etree.fromstring(package.read("Contents/section0.xml"))
    faces = {
        fontface.get("lang"): {font.get("id"): font.get("face") for font in fontface.iter(f"{_HH}font")}
        for fontface in header.iter(f"{_HH}fontface")
    }
    refs = {shape.get("id"): shape.find(f"{_HH}fontRef") for shape in header.iter(f"{_HH}charPr")}
    # a run's own text only: a run holding a footnote control holds the footnote's runs too
    runs = [
        (r.get("charPrIDRef"), "".join(t.text or "" for t in r.findall(f"{_HP}t"))) for r in section.iter(f"{_HP}run")
    ]
    chinese = [(shape, text) for shape, text in runs if _han(text)]
    assert len(chinese) > 3
    if kind == "table":
        notes = list(section.iter(f"{_HP}footNote"))
        assert notes and any("主线" in "".join(n.itertext()) for n in notes)
    for shape, text in chinese:
        assert not _hangul(text), text
        for slot in ("hangul", "latin", "hanja"):
            assert faces[slot.upper()][refs[shape].get(slot)] in {"SimSun", "SimHei"}, (text, slot)


@pytest.mark.parametrize("kind", ["report", "table"])
def test_report_and_table_pdf_spans_are_set_by_script(annotated, qapp, tmp_path, kind):
    spans = _pdf_spans(_report_and_table(annotated, kind, "pdf", tmp_path))
    chinese = [(font, text) for font, text in spans if _han(text)]
    assert len(chinese) > 3
    assert [(f, t) for f, t in chinese if not any(k in f.lower() for k in ("sc-", "simsun", "songti", "simhei"))] == []
    if kind == "table":
        assert "主线" in "".join(t for _, t in chinese)


def test_table_html_chinese_notes_included_is_tagged_zh_hans(annotated, tmp_path):
    from lxml import html

    page = html.fromstring(_report_and_table(annotated, "table", "html", tmp_path).read_text(encoding="utf-8"))
    pieces = []
    for element in page.body.iter():
        if element.text:
            pieces.append((element.text, _html_lang(element)))
        if element.tail:
            pieces.append((element.tail, _html_lang(element.getparent())))
    chinese = [(text, lang) for text, lang in pieces if _han(text)]
    assert any("主线" in text for text, _ in chinese)
    assert [(t, lang) for t, lang in chinese if lang != "zh-Hans" or _hangul(t)] == []
