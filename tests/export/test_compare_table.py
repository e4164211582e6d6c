"""The 新旧对照表 export: the table's structure, and each format parsed back (DOCX with
python-docx, HWPX from its XML, HTML, the PDF's text layer and its first page rendered)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import subprocess
import zipfile
from dataclasses import dataclass
from difflib import SequenceMatcher
from html.parser import HTMLParser

import pytest
from docx import Document as DocxDocument
from docx.oxml.ns import qn
from lxml import etree

from reader.export.atomic import ExportRefused
from reader.export.compare_formats import DELETE_COLOR, INSERT_COLOR
from reader.export.compare_table import LABELS, build_table, export_comparison, table_of
from tests.conftest import system_tool

GUOFA, MANUFACTURING = "guofa-2010-28", "manufacturing-transfer"
DAY = dt.date(2026, 3, 2)


@dataclass(frozen=True)
class Pair:
    """The shape of ``reader.compare.Pair`` that the export reads."""

    a_ids: tuple[str, ...]
    b_ids: tuple[str, ...]
    a_text: str
    b_text: str
    status: str
    similarity: float
    diff: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Comparison:
    a: str
    b: str
    lang: str
    pairs: tuple[Pair, ...]


def _diff(a: str, b: str) -> tuple[tuple[str, str], ...]:
    ops = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            ops.append(("equal", a[i1:i2]))
        else:
            ops += [(op, text) for op, text in (("delete", a[i1:i2]), ("insert", b[j1:j2])) if text]
    return tuple(ops)


def _unit(document, path: str):
    return next(s for s in document.segments if s.id.rsplit(".", 1)[0] == path)


def _pair(status: str, a=(), b=()) -> Pair:
    a_text = "".join(s.printed for s in a)
    b_text = "".join(s.printed for s in b)
    diff = _diff(a_text, b_text) if a and b else ((("insert", b_text),) if b else (("delete", a_text),))
    return Pair(tuple(s.id for s in a), tuple(s.id for s in b), a_text, b_text, status, 0.5, diff)


@pytest.fixture
def comparison(library):
    """The 2010 guidance (A) against document 002 (B): one row of each status, from their real provisions."""
    library.import_corpus()
    a, b = library.documents.get(GUOFA), library.documents.get(MANUFACTURING)
    pairs = (
        _pair("dropped", a=[_unit(a, "zh.t1")]),
        _pair("continued", a=[_unit(a, "zh.p1")], b=[_unit(b, "zh.p1")]),
        _pair("reworded", a=[_unit(a, "zh.p1.c1.s2")], b=[_unit(b, "zh.p2.g1.s4")]),
        _pair("new", b=[_unit(b, "zh.p2.g1.s1")]),
        _pair("moved", a=[_unit(a, "zh.p2")], b=[_unit(b, "zh.p3")]),
    )
    return Comparison(GUOFA, MANUFACTURING, "zh", pairs)


def test_the_statuses_are_the_engines():
    import reader.compare
    from reader.export.compare_table import STATUS_NAMES, STATUSES

    assert STATUSES == reader.compare.STATUSES and set(STATUS_NAMES) == set(STATUSES)


def test_the_table_cites_both_sides_and_counts_per_part(comparison, library):
    table = table_of(comparison, library, exported_on=DAY)
    assert not table.versions and table.title == LABELS["documents_title"]
    assert table.left.doc_number == "国发〔2010〕28号" and table.right.title == "关于促进制造业有序转移的指导意见"
    statuses = [row.status for row in table.rows]
    assert statuses == ["dropped", "continued", "reworded", "new", "moved"]
    reworded = table.rows[2]
    assert reworded.left.ref == "一（一） / 1.(1)" and reworded.right.ref == "二 / 2."
    # The Korean of the 2010 guidance beneath its side; 002 has none.
    assert reworded.left.translation and re.search("[가-힣]", reworded.left.translation)
    assert reworded.right.translation == ""
    pair = comparison.pairs[2]
    assert "".join(t for op, t in reworded.left.runs if op == "delete") == "".join(
        t for op, t in pair.diff if op == "delete"
    )
    assert reworded.left.text == pair.a_text and reworded.right.text == pair.b_text
    # A moved provision says where it came from and where it went.
    moved = table.rows[4]
    assert moved.right.note == f"{LABELS['moved_from']}: 二 / 2." and moved.left.note.startswith(LABELS["moved_to"])
    assert table.rows[0].right.placeholder == LABELS["absent_dropped"]
    assert table.rows[3].left.placeholder == LABELS["absent_new"]
    parts = {part.part: part.counts for part in table.parts}
    assert parts["一、总体要求"]["continued"] == 1 and parts["二、推进产业国内梯度转移"]["new"] == 1
    assert parts[LABELS["preface"]]["dropped"] == 1
    assert sum(table.totals.values()) == 5


def test_same_as_left_only_for_unchanged_provisions(comparison, library):
    plain = table_of(comparison, library, exported_on=DAY)
    same = table_of(comparison, library, same_as_left=True, exported_on=DAY)
    assert plain.rows[1].right.placeholder == "" and plain.rows[1].right.text == "一、总体要求"
    assert same.rows[1].right.placeholder == "同左" and same.rows[1].right.text == ""
    assert same.rows[2].right.placeholder == "" and same.rows[2].right.text == plain.rows[2].right.text


def test_versions_are_old_and_new(library):
    library.import_corpus()
    document = library.documents.get(GUOFA)
    units = document.units("zh")
    pairs = [_pair("continued", a=[u], b=[u]) for u in units[:3]]
    earlier = dataclasses.replace(document, id=f"{GUOFA}@1")  # an earlier version's id
    table = build_table(pairs, earlier, document, lang="zh", same_as_left=True, exported_on=DAY)
    assert table.versions and table.title == LABELS["versions_title"]
    assert table.left.column.startswith(LABELS["old"]) and table.right.column.startswith(LABELS["new"])
    # Korean beneath an unchanged provision is 좌동 too.
    addressee = table.rows[2]
    assert addressee.right.placeholder == "同左" and addressee.right.translation_placeholder == "좌동"


def test_a_side_without_the_translation_says_so(library, tmp_path):
    """An earlier version imported before its translation (or a document never translated):
    its cells have no Korean beneath, and its heading says why, where the other side's
    cells have theirs."""
    library.import_corpus()
    document = library.documents.get(GUOFA)
    chinese_only = dataclasses.replace(
        document, id=f"{GUOFA}@1", segments=[s for s in document.segments if s.lang == "zh"]
    )
    units = document.units("zh")
    pairs = [_pair("continued", a=[u], b=[u]) for u in units[3:6]]
    table = build_table(pairs, chinese_only, document, (), library.links.get(GUOFA), lang="zh", exported_on=DAY)
    assert ("translation", LABELS["no_ko"]) in table.left.facts()
    assert all(label != "translation" for label, _value in table.right.facts())
    assert all(row.left.translation == "" and row.right.translation for row in table.rows)
    both = build_table(pairs, document, document, lang="zh", exported_on=DAY)
    assert all(label != "translation" for h in (both.left, both.right) for label, _value in h.facts())
    comparison = Comparison(f"{GUOFA}@1", GUOFA, "zh", tuple(pairs))
    comparison_with_docs = dataclasses.make_dataclass(
        "WithDocuments", [("document_a", object), ("document_b", object)], bases=(Comparison,), frozen=True
    )(comparison.a, comparison.b, comparison.lang, comparison.pairs, chinese_only, document)
    out = export_comparison(comparison_with_docs, library, tmp_path / "v1.docx", "docx", exported_on=DAY)
    text = "\n".join(p.text for p in DocxDocument(str(out)).paragraphs)
    assert LABELS["no_ko"] in text


def _cell_runs(cell) -> list[tuple[str, bool, bool]]:
    """(text, struck, underlined) of every run of a DOCX cell."""
    return [(run.text, bool(run.font.strike), bool(run.font.underline)) for p in cell.paragraphs for run in p.runs]


def test_docx_parsed_back(comparison, library, tmp_path):
    out = export_comparison(comparison, library, tmp_path / "대조표.docx", "docx", same_as_left=True, exported_on=DAY)
    document = DocxDocument(str(out))
    summary, grid = document.tables
    # The summary of counts comes first: a row per part, then the total.
    assert summary.rows[0].cells[0].text == LABELS["part"] and summary.rows[-1].cells[0].text == LABELS["total"]
    assert summary.rows[-1].cells[-1].text == "5"
    assert grid.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # repeated on every page
    assert "国务院关于中西部地区承接产业转移的指导意见" in grid.rows[0].cells[0].text
    pair = comparison.pairs[2]
    left, right = grid.rows[3].cells
    struck = "".join(text for text, strike, _u in _cell_runs(left) if strike)
    underlined = "".join(text for text, _s, under in _cell_runs(right) if under)
    assert struck == "".join(t for op, t in pair.diff if op == "delete") and struck
    assert underlined == "".join(t for op, t in pair.diff if op == "insert") and underlined
    assert "一（一） / 1.(1)" in left.text and "〔수정 (修改)〕" in right.text
    assert re.search("[가-힣]{4}", left.paragraphs[-1].text)  # the Korean beneath
    assert "同左" in grid.rows[2].cells[1].text
    assert LABELS["absent_new"] in grid.rows[4].cells[0].text and LABELS["absent_dropped"] in grid.rows[1].cells[1].text
    # Chinese runs are tagged Chinese (SimSun, zh-CN), so Word draws simplified glyph forms.
    chinese = next(run for run in left.paragraphs[1].runs if not run.font.strike)
    assert chinese._r.rPr.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"


HWPX = {
    "hp": "http://www.hancom.co.kr/hwpml/2011/paragraph",
    "hh": "http://www.hancom.co.kr/hwpml/2011/head",
}


def test_hwpx_parsed_back(comparison, library, tmp_path):
    out = export_comparison(comparison, library, tmp_path / "대조표.hwpx", "hwpx", exported_on=DAY)
    with zipfile.ZipFile(out) as package:
        assert package.namelist()[0] == "mimetype"
        section = etree.fromstring(package.read("Contents/section0.xml"))
        header = etree.fromstring(package.read("Contents/header.xml"))
    shapes = {shape.get("id"): shape for shape in header.iter(f"{{{HWPX['hh']}}}charPr")}

    def marked(run, what: str) -> bool:
        shape = shapes[run.get("charPrIDRef")]
        element = shape.find(f"hh:{what}", HWPX)
        return element is not None and element.get("type" if what == "underline" else "shape", "NONE") != "NONE"

    tables = section.findall(".//hp:tbl", HWPX)
    assert len(tables) == 2
    grid = tables[1]
    assert grid.get("repeatHeader") == "1"
    rows = grid.findall("hp:tr", HWPX)
    assert len(rows) == 1 + len(comparison.pairs)
    left, right = rows[3].findall("hp:tc", HWPX)
    pair = comparison.pairs[2]

    def text_of(cell, what: str) -> str:
        return "".join("".join(run.itertext()) for run in cell.iter(f"{{{HWPX['hp']}}}run") if marked(run, what))

    assert text_of(left, "strikeout") == "".join(t for op, t in pair.diff if op == "delete")
    assert text_of(right, "underline") == "".join(t for op, t in pair.diff if op == "insert")
    assert "一（一） / 1.(1)" in "".join(left.itertext())
    summary_text = "".join(tables[0].itertext())
    assert LABELS["total"] in summary_text and "一、总体要求" in summary_text


class _Marks(HTMLParser):
    def __init__(self):
        super().__init__()
        self.open: list[str] = []
        self.found: dict[str, str] = {"del": "", "ins": ""}

    def handle_starttag(self, tag, attrs):
        if tag in self.found:
            self.open.append(tag)

    def handle_endtag(self, tag):
        if self.open and tag == self.open[-1]:
            self.open.pop()

    def handle_data(self, data):
        if self.open:
            self.found[self.open[-1]] += data


def test_html_marks_deletions_and_insertions(comparison, library, tmp_path):
    out = export_comparison(comparison, library, tmp_path / "t.html", "html", exported_on=DAY)
    page = out.read_text(encoding="utf-8")
    marks = _Marks()
    marks.feed(page)
    # Reworded and moved rows mark their diffs; a new provision is inserted text
    # throughout; a dropped one is left readable (〈삭제〉 stands beside it).
    marked = [p for p in comparison.pairs if p.status != "dropped"]
    assert marks.found["del"] == "".join(t for p in marked for op, t in p.diff if op == "delete")
    assert marks.found["ins"] == "".join(t for p in marked for op, t in p.diff if op == "insert")
    assert comparison.pairs[3].b_text in marks.found["ins"]
    assert '<p class="text" lang="zh-Hans">' in page and "<script" not in page


def test_pdf_text_and_first_page(comparison, library, qapp, tmp_path, artifacts):
    from pypdf import PdfReader

    out = export_comparison(comparison, library, tmp_path / "t.pdf", "pdf", same_as_left=True, exported_on=DAY)
    text = "".join(page.extract_text() for page in PdfReader(str(out)).pages)
    compact = re.sub(r"\s+", "", text)
    assert "对照表·대조표" in compact and "变更" not in compact
    assert "同左" in compact and "国发〔2010〕28号" in compact and LABELS["summary"].replace(" ", "") in compact
    pdftoppm = system_tool("pdftoppm", "poppler-utils")
    subprocess.run(
        [pdftoppm, "-r", "80", "-f", "1", "-l", "1", "-png", str(out), str(artifacts / "compare")], check=True
    )
    from PySide6.QtGui import QColor, QImage

    image = QImage(str(next(artifacts.glob("compare*.png"))))
    assert image.width() > 500
    colours = [QColor(image.pixel(x, y)) for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)]

    def near(target: str) -> bool:
        t = QColor(target)
        return any(abs(c.red() - t.red()) + abs(c.green() - t.green()) + abs(c.blue() - t.blue()) < 60 for c in colours)

    assert near(DELETE_COLOR) and near(INSERT_COLOR)  # the struck and the underlined words are on page 1


def test_export_refuses_what_it_cannot_write(comparison, library, tmp_path):
    existing = tmp_path / "x.docx"
    existing.write_bytes(b"keep")
    with pytest.raises(ExportRefused, match="already exists"):
        export_comparison(comparison, library, existing, "docx")
    assert existing.read_bytes() == b"keep"
    with pytest.raises(ExportRefused, match="the name says"):
        export_comparison(comparison, library, tmp_path / "x.pdf", "docx")
    with pytest.raises(ExportRefused, match="unknown format"):
        export_comparison(comparison, library, tmp_path / "x.odt", "odt")
