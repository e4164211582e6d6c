"""Bold next to Korean particles and Chinese text: CJK-friendly emphasis in notes, in every format."""

from __future__ import annotations

import zipfile

import docx
import pytest
from lxml import etree, html

from reader.export import BriefingOptions, briefing_from_library, write_briefing
from reader.export.notes import parse_note
from tests.export.conftest import EXPORT_DATE

NOTE = "구조조정을 **주선(主线)**으로 삼는다. 坚决遏制**“两高”**项目, *강조(强调)*를 둔다."


def _styled(markdown: str) -> list[tuple[str, str]]:
    return [
        (run.text, "b" if run.bold else "i" if run.italic else "s" if run.strike else "")
        for block in parse_note(markdown)
        for run in block.runs
    ]


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("구조조정을 **주선(主线)**으로", [("구조조정을 ", ""), ("주선(主线)", "b"), ("으로", "")]),
        ("坚决遏制**“两高”**项目", [("坚决遏制", ""), ("“两高”", "b"), ("项目", "")]),
        ("*강조(强调)*를", [("강조(强调)", "i"), ("를", "")]),
        ("~~취소(取消)~~된다", [("취소(取消)", "s"), ("된다", "")]),
        ("**핵심 개념**: 요지", [("핵심 개념", "b"), (": 요지", "")]),
        # CommonMark's other cases are unchanged.
        ("a ** b ** c", [("a ** b ** c", "")]),
        ("2 * 3 * 4", [("2 * 3 * 4", "")]),
        ("snake_case_name", [("snake_case_name", "")]),
        ("**굵게**와 *기울임*", [("굵게", "b"), ("와 ", ""), ("기울임", "i")]),
    ],
)
def test_emphasis_next_to_cjk_text(markdown, expected):
    assert _styled(markdown) == expected


@pytest.fixture
def emphasised(annotated):
    library, ids = annotated
    library.annotations.update(ids["preamble"], note=NOTE)
    return briefing_from_library(library, BriefingOptions(exported_on=EXPORT_DATE))


def test_docx_html_and_hwpx_show_the_bold_without_asterisks(emphasised, tmp_path):
    document = docx.Document(str(write_briefing(emphasised, "docx", tmp_path / "b.docx")))
    bold = "".join(r.text for p in document.paragraphs if "구조조정" in p.text for r in p.runs if r.bold)
    assert bold == "주선(主线)“两高”"
    assert not any("**" in p.text for p in document.paragraphs)

    page = html.fromstring(write_briefing(emphasised, "html", tmp_path / "b.html").read_text(encoding="utf-8"))
    assert [s.text_content() for s in page.xpath("//div[@class='note']//strong")][:2] == ["주선(主线)", "“两高”"]
    assert "**" not in page.text_content()

    with zipfile.ZipFile(write_briefing(emphasised, "hwpx", tmp_path / "b.hwpx")) as package:
        header = etree.fromstring(package.read("Contents/header.xml"))
        section = package.read("Contents/section0.xml").decode()
    assert "**" not in section
    hh = "{http://www.hancom.co.kr/hwpml/2011/head}"
    bold_shapes = {c.get("id") for c in header.iter(f"{hh}charPr") if c.find(f"{hh}bold") is not None}
    hp = "{http://www.hancom.co.kr/hwpml/2011/paragraph}"
    runs = etree.fromstring(section.encode()).iter(f"{hp}run")
    bold_text = "".join(
        "".join(t.text or "" for t in r.iter(f"{hp}t")) for r in runs if r.get("charPrIDRef") in bold_shapes
    )
    assert "주선(主线)" in bold_text and "“两高”" in bold_text


def test_pdf_shows_the_bold_without_asterisks(emphasised, qapp, tmp_path):
    from pypdf import PdfReader

    spans = []

    def visit(text, cm, tm, font, size):
        if text.strip() and font is not None:
            spans.append((str(font.get("/BaseFont", "")), text))

    for page in PdfReader(str(write_briefing(emphasised, "pdf", tmp_path / "b.pdf"))).pages:
        page.extract_text(visitor_text=visit)
    assert not any("**" in text for _, text in spans)
    bold = "".join(text for font, text in spans if "Bold" in font)
    assert "主线" in bold and "两高" in bold
