"""The 대조표 (export-text): the aligned text as a two-column table in DOCX, HWPX, PDF and
HTML, parsed back: every aligned pair present and in order, headings, "not translated"
marks, highlights with their note numbers and the notes under the table."""

from __future__ import annotations

import re
import warnings

import docx
import pytest
from pypdf import PdfReader

from reader.cli import main
from reader.export.parallel_table import LABELS, parallel_table_from_library
from tests.export.conftest import EXPORT_DATE, GUOFA

NUMBER = re.compile(r"\[\d+\]")


@pytest.fixture
def annotated(library):
    """The seed corpus with its own alignment and three highlights, two with notes."""
    library.import_corpus()
    guofa = library.documents.get(GUOFA)
    repo = library.annotations
    repo.annotate(guofa, "zh.p1.c1.s1", quote="科学发展观", note="핵심 개념: 후진타오 시기의 국정 기조.", starred=True)
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
    notes = [p.text for p in document.paragraphs if re.match(r"\[\d+\] ", p.text)]
    assert notes and notes[0].startswith("[1] ")
    row = next(r for r in grid.rows if "科学发展观" in r.cells[0].text and "深入" in r.cells[0].text)
    runs = row.cells[0].paragraphs[0].runs
    marked = next(run for run in runs if run.text == "科学发展观")
    assert marked.bold and any(run.font.superscript for run in runs)


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
    assert page.xpath("//mark") and page.xpath("//ol[@class='notes']/li")
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
