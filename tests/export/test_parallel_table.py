"""The 대조표 (export-text): the aligned text as a two-column table in DOCX, HWPX, PDF and
HTML, parsed back: every aligned pair present and in order, headings, "not translated"
marks, highlights, and the notes: real footnotes in DOCX (Word's footnotes part) and HWPX
(Hangul's footNote controls) right after the highlighted span, numbered notes under
the table in PDF and HTML."""

from __future__ import annotations

import re
import warnings
import zipfile

import docx
import pytest
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from lxml import etree
from pypdf import PdfReader

from reader.cli import main
from reader.export.parallel_table import LABELS, parallel_table_from_library
from reader.export.word_footnotes import footnote_texts
from tests.conftest import system_tool
from tests.export.conftest import EXPORT_DATE, GUOFA

NUMBER = re.compile(r"\[\d+\]")
HP = "{http://www.hancom.co.kr/hwpml/2011/paragraph}"


@pytest.fixture
def annotated(library):
    """The seed corpus with its own alignment and three highlights, two with notes."""
    library.import_corpus()
    guofa = library.documents.get(GUOFA)
    repo = library.annotations
    repo.annotate(
        guofa,
        "zh.p1.c1.s1",
        quote="科学发展观",
        note="핵심 개념: 후진타오 시기의 **국정 기조(主线)**.\n\n- 2003년 제기",
        starred=True,
    )
    repo.annotate(guofa, "ko.p2.c3.s1", note="**고용** 효과", color="green")
    repo.annotate(guofa, "zh.pre1.s2", color="blue")
    return library, None


def _expected(library, parts=()) -> list[tuple[str, str]]:
    """(Chinese, Korean) of every bead in order, as the table must show them."""
    table = parallel_table_from_library(library, GUOFA, parts, EXPORT_DATE)
    rows = []
    for row in table.rows:
        zh = row.zh.text or LABELS["added"]
        ko = row.ko.text or LABELS["untranslated"]
        rows.append((zh, ko))
    return rows


def _export(fmt, tmp_path, *extra) -> object:
    out = tmp_path / f"table.{fmt}"
    assert main(["export-text", GUOFA, "--format", fmt, "--out", str(out), "--date", "2026-03-02", *extra]) == 0
    return out


def test_the_table_follows_the_alignment(annotated):
    library, _ = annotated
    table = parallel_table_from_library(library, GUOFA, (), EXPORT_DATE)
    links = library.links.get(GUOFA)
    assert len(table.rows) == len(links)
    by_id = {s.id: s for s in library.documents.get(GUOFA).segments}
    for row, link in zip(table.rows, links, strict=True):
        assert row.zh.text == "".join(by_id[i].text for i in link.zh_ids)
        if link.ko_ids:
            assert row.ko.text == " ".join(by_id[i].text for i in link.ko_ids if by_id[i].text)
    assert table.rows[0].ko.text == "국무원의 중서부지역 산업이전 유치에 관한 지도의견"  # the Korean title
    headings = [row.zh.text for row in table.rows if row.kind == "heading"]
    assert headings[1:4] == ["一、总体要求", "（一）指导思想。", "（二）基本原则。"]
    assert [row.status for row in table.rows if row.status] and all(
        not row.ko.text for row in table.rows if row.status == "untranslated"
    )
    # Highlights: the span of 科学发展观 marked with its note's number; the notes listed.
    concept = next(row for row in table.rows if "科学发展观" in row.zh.text and row.kind == "text")
    mark = concept.zh.marks[0]
    assert concept.zh.text[mark.start : mark.end] == "科学发展观" and mark.number >= 1
    assert table.notes[mark.number - 1].blocks[0].text.startswith("핵심 개념")
    assert [n.number for n in table.notes] == list(range(1, len(table.notes) + 1))


def test_docx_round_trip_every_pair_in_order(annotated, tmp_path):
    library, _ = annotated
    document = docx.Document(str(_export("docx", tmp_path)))
    grid = document.tables[0]
    cells = [(NUMBER.sub("", r.cells[0].text), NUMBER.sub("", r.cells[1].text)) for r in grid.rows]
    assert cells[0] == (LABELS["zh"], LABELS["ko"])
    assert cells[1:] == _expected(library)
    header = grid.rows[0]._tr.trPr
    assert header is not None and header.xpath("./w:tblHeader")  # repeats on every page
    # the notes are Word footnotes, referenced right after the highlighted span, not a list
    assert not [p.text for p in document.paragraphs if re.match(r"\[\d+\] ", p.text)]
    assert footnote_texts(document) == {
        1: " 노랑 · 핵심 개념: 후진타오 시기의 국정 기조(主线).\n- 2003년 제기",
        2: " 초록 · 고용 효과",
    }
    row = next(r for r in grid.rows if "科学发展观" in r.cells[0].text and "深入" in r.cells[0].text)
    runs = row.cells[0].paragraphs[0].runs
    at = next(n for n, run in enumerate(runs) if run.text == "科学发展观")
    assert runs[at].bold
    reference = runs[at + 1]._r.find(qn("w:footnoteReference"))
    assert reference is not None and reference.get(qn("w:id")) == "1"
    styles = {s.style_id: s for s in document.styles}
    assert runs[at + 1]._r.rPr.style == "FootnoteReference" and styles["FootnoteReference"].font.superscript
    ko_refs = [r.get(qn("w:id")) for row in grid.rows for r in row.cells[1]._tc.iter(qn("w:footnoteReference"))]
    assert ko_refs == ["2"]
    settings = document.settings.element.find(qn("w:footnotePr"))
    assert [f.get(qn("w:id")) for f in settings.findall(qn("w:footnote"))] == ["-1", "0"]
    assert settings.getnext().tag in (qn("w:compat"), qn("w:rsids"), qn("w:themeFontLang"), qn("w:endnotePr"))
    footnotes = document.part.part_related_by(RT.FOOTNOTES)
    assert footnotes.content_type == CT.WML_FOOTNOTES
    xml = parse_xml(footnotes.blob)
    chinese = [r for r in xml.iter(qn("w:r")) if "".join(t.text or "" for t in r.iter(qn("w:t"))) == "主线)"]
    assert chinese and chinese[0].find(qn("w:rPr")).find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"
    assert chinese[0].find(qn("w:rPr")).find(qn("w:b")) is not None  # the note's bold kept


def test_html_round_trip_and_languages(annotated, tmp_path):
    from lxml import html

    library, _ = annotated
    page = html.fromstring(_export("html", tmp_path).read_text(encoding="utf-8"))
    rows = page.xpath("//table[@class='parallel']/tbody/tr")
    cells = [(NUMBER.sub("", r[0].text_content()), NUMBER.sub("", r[1].text_content())) for r in rows]
    assert cells == _expected(library)
    for row in rows:
        zh, ko = row
        assert zh.get("lang") in ("zh-Hans", "ko") and ko.get("lang") == "ko"
        if "missing" not in (zh.get("class") or ""):
            assert zh.get("lang") == "zh-Hans"
    assert page.xpath("//mark") and len(page.xpath("//ol[@class='notes']/li")) == 2
    reference = page.xpath("//sup[@id='ref-1']/a")[0]
    assert reference.get("href") == "#note-1" and reference.text_content() == "[1]"
    note = page.get_element_by_id("note-1")
    assert "국정 기조" in note.text_content() and note.xpath(".//strong") and note.xpath(".//li")
    assert note.xpath(".//a[@href='#ref-1']")  # and back to the text
    assert not page.xpath("//script")


def test_hwpx_round_trip(annotated, tmp_path):
    from hwpx import HwpxDocument, validate_package

    library, _ = annotated
    out = _export("hwpx", tmp_path)
    assert [issue for issue in validate_package(out).issues if issue.level == "error"] == []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        document = HwpxDocument.open(str(out))
        try:
            grid = document.tables[0]
            cells = [
                (NUMBER.sub("", grid.cell(r, 0).text), NUMBER.sub("", grid.cell(r, 1).text))
                for r in range(grid.row_count)
            ]
        finally:
            document.close()
    assert cells[0] == (LABELS["zh"], LABELS["ko"])
    assert cells[1:] == _expected(library)
    with zipfile.ZipFile(out) as package:
        section = etree.fromstring(package.read("Contents/section0.xml"))
    table = section.find(f".//{HP}tbl")
    assert table.get("repeatHeader") == "1"  # the column titles on every page
    assert [tc.get("header") for tc in table.find(f"{HP}tr").findall(f"{HP}tc")] == ["1", "1"]
    notes = table.findall(f".//{HP}footNote")
    assert [n.get("number") for n in notes] == ["1", "2"]
    texts = ["\n".join("".join(p.itertext()) for p in n.find(f"{HP}subList").findall(f"{HP}p")) for n in notes]
    assert texts == [" 노랑 · 핵심 개념: 후진타오 시기의 국정 기조(主线).\n- 2003년 제기", " 초록 · 고용 효과"]
    assert all(n.find(f".//{HP}autoNum").get("numType") == "FOOTNOTE" for n in notes)
    # each right after its span, in the cell of its side, in a run of its own
    first = notes[0].getparent().getparent()
    assert first.getprevious().findtext(f"{HP}t") == "科学发展观" and first.find(f"{HP}t") is None
    cell_of = [n.xpath("ancestor::hp:tc", namespaces={"hp": HP[1:-1]})[0] for n in notes]
    assert [c.find(f"{HP}cellAddr").get("colAddr") for c in cell_of] == ["0", "1"]


def test_pdf_has_every_pair_in_order_and_rows_whole(annotated, tmp_path, qapp):
    library, _ = annotated
    reader = PdfReader(str(_export("pdf", tmp_path)))
    pages = ["".join(page.extract_text().split()) for page in reader.pages]
    text = NUMBER.sub("", "".join(pages))
    at = 0
    for zh, ko in _expected(library):
        for side in (zh, ko):
            side = "".join(side.split())
            found = text.find(side, at)
            assert found >= 0, side
            at = found + len(side)
    assert len(pages) > 5
    # numbered notes after the table, the numbers the marks in the table carry
    whole = "".join(pages)
    table_end = whole.rindex(LABELS["notes"])
    assert whole.index("科学发展观[1]") < table_end and whole.count("[1]") == 2 and whole.count("[2]") == 2
    assert "[1]노랑·“科学发展观”핵심개념:후진타오시기의국정기조(主线)." in whole[table_end:]
    assert "2003년제기" in whole[table_end:] and "[2]초록·" in whole[table_end:]


def test_chosen_parts_only(annotated, tmp_path, capsys):
    library, _ = annotated
    rows = _expected(library, (2,))
    assert rows[0][0] == "二、因地制宜承接发展优势特色产业" and len(rows) < 40
    document = docx.Document(str(_export("docx", tmp_path, "--part", "2")))
    cells = [(NUMBER.sub("", r.cells[0].text), NUMBER.sub("", r.cells[1].text)) for r in document.tables[0].rows]
    assert cells[1:] == rows
    capsys.readouterr()
    assert main(["export-text", GUOFA, "--format", "html", "--out", str(tmp_path / "x.html"), "--part", "99"]) == 1
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "no part 99" in error


@pytest.mark.parametrize("doc", ["manufacturing-transfer"])
def test_a_chinese_only_document_is_one_line(annotated, tmp_path, capsys, doc):
    assert main(["export-text", doc, "--format", "docx", "--out", str(tmp_path / "x.docx")]) == 1
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "needs both languages" in error
    assert not (tmp_path / "x.docx").exists()


def test_the_table_renders_to_png_in_every_office_format(annotated, tmp_path, artifacts, qapp):
    """The first page of the 대조표 as PNG artifacts for a visual check: the PDF with
    pdftoppm, the HWPX with rhwp (an independent Rust renderer), the DOCX through
    LibreOffice where it is installed (CI does not install it); each shows the grey
    column-title row and the highlights."""
    import ctypes.util
    import os
    import shutil
    import subprocess
    import sys

    from PySide6.QtGui import QImage

    def check(png):
        image = QImage(str(png))
        assert not image.isNull() and image.height() > image.width()
        dark = sum(
            image.pixelColor(x, y).lightness() < 90 for x in range(0, image.width(), 3) for y in range(0, 400, 3)
        )
        assert dark > 100

    pdftoppm = system_tool("pdftoppm", "poppler-utils")

    def page_one(pdf, stem):
        subprocess.run(
            [pdftoppm, "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(artifacts / stem)],
            check=True,
        )
        check(artifacts / f"{stem}.png")

    page_one(_export("pdf", tmp_path), "table-pdf-page1")
    hwpx = _export("hwpx", tmp_path)
    env = dict(os.environ)
    freetype = ctypes.util.find_library("freetype")
    if freetype:  # rhwp's wheel bundles a FreeType older than the one it calls
        env["LD_PRELOAD"] = freetype
    code = "import sys, rhwp; open(sys.argv[2], 'wb').write(rhwp.parse(sys.argv[1]).render_png(page=0, scale=1.0))"
    png = artifacts / "table-hwpx-page1.png"
    subprocess.run([sys.executable, "-c", code, str(hwpx), str(png)], check=True, env=env, timeout=120)
    check(png)
    soffice = shutil.which("soffice")
    if soffice:
        document = _export("docx", tmp_path)
        subprocess.run(
            [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path / "lo"), str(document)],
            check=True,
            capture_output=True,
            timeout=300,
            env={**os.environ, "HOME": str(tmp_path)},
        )
        rendered = tmp_path / "lo" / "table.pdf"
        text = "".join(PdfReader(str(rendered)).pages[0].extract_text().split())
        assert text.startswith("대조표:") and "¹" not in text[:5]
        page_one(rendered, "table-docx-page1")


def test_every_format_of_the_table_carries_the_colour_legend(annotated, tmp_path, qapp):
    """Named colours in the 대조표 too: the header says what each highlight colour in the
    rows means, each chip in its colour (the meanings are the `colors` setting)."""
    from lxml import html

    library, _ = annotated
    assert main(["colors", "yellow=핵심", "green=신규"]) == 0
    table = parallel_table_from_library(library, GUOFA, (), EXPORT_DATE, {"yellow": "핵심", "green": "신규"})
    legend = "범례: ■ 노랑: 핵심 (1건)  ■ 초록: 신규 (1건)  ■ 파랑 (1건)"
    assert table.legend_line == legend
    assert parallel_table_from_library(library, GUOFA, (2,), EXPORT_DATE, {}).legend == []  # one colour, no meaning
    document = docx.Document(str(_export("docx", tmp_path)))
    paragraph = next(p for p in document.paragraphs if p.text.startswith("범례"))
    assert paragraph.text == legend
    assert [str(r.font.color.rgb) for r in paragraph.runs if r.text.strip() == "■"] == ["FFE066", "A9E34B", "74C0FC"]
    with zipfile.ZipFile(_export("hwpx", tmp_path)) as package:
        section = etree.fromstring(package.read("Contents/section0.xml"))
    assert legend in ["".join(t.text or "" for t in p.iter(f"{HP}t")) for p in section.iter(f"{HP}p")]
    page = html.fromstring(_export("html", tmp_path).read_text(encoding="utf-8"))
    assert page.xpath("//p[contains(@class, 'legend')]")[0].text_content() == legend
    pdf = "".join(PdfReader(str(_export("pdf", tmp_path))).pages[0].extract_text().split())
    assert "".join(legend.split()) in pdf
