"""Encodings and file formats: every one imports to the same structure as UTF-8 text."""

from __future__ import annotations

import docx
import opencc
import pytest

from reader.errors import ImportFailed
from reader.text.importer import parse_files
from reader.text.loaders import load
from tests.conftest import SEED_000, SEED_002

SEED_000_TEXT = SEED_000.read_text(encoding="utf-8")
_SPLIT = SEED_000_TEXT.index("国务院关于")
# EUC-KR has no simplified 关 (in 大通关) and no one-dot leader; real EUC-KR files carry 關 and '.'.
KOREAN_TEXT = SEED_000_TEXT[:_SPLIT].replace("关", "關").replace("\u2024", ".")
CHINESE_TEXT = SEED_000_TEXT[_SPLIT:]
SEED_002_TEXT = SEED_002.read_text(encoding="utf-8")


def structure(document, lang):
    return [(s.kind, s.label, s.text) for s in document.segments_in(lang)]


@pytest.fixture(scope="module")
def reference_002():
    return parse_files([SEED_002])


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "gb18030", "gbk"])
def test_chinese_encodings_are_detected(tmp_path, reference_002, encoding):
    path = tmp_path / f"doc-{encoding}.txt"
    path.write_bytes(SEED_002_TEXT.encode(encoding))
    assert structure(parse_files([path]), "zh") == structure(reference_002, "zh")


def test_big5_traditional_text_is_detected(tmp_path):
    traditional = opencc.OpenCC("s2tw").convert(SEED_002_TEXT)
    path = tmp_path / "big5.txt"
    path.write_bytes(traditional.encode("big5"))
    loaded = load(path)
    assert loaded.encoding == "big5"
    document = parse_files([path])
    assert next(s.text for s in document.segments if s.kind == "part") == "一、總體要求"
    assert len([s for s in document.segments if s.kind == "part"]) == 9


@pytest.mark.parametrize("encoding", ["euc-kr", "cp949"])
def test_korean_encodings_are_detected(tmp_path, encoding):
    path = tmp_path / "ko.txt"
    path.write_bytes(KOREAN_TEXT.encode(encoding))
    loaded = load(path)
    assert loaded.encoding in ("cp949", encoding)
    document = parse_files([path])
    assert document.languages == ["ko"]
    assert len([s for s in document.segments if s.kind == "clause"]) == 30


def test_short_files_are_detected_too(tmp_path):
    for text, encoding, expected in (
        ("各省、自治区、直辖市人民政府：", "gbk", "gb18030"),
        ("각 성, 자치구, 직할시 인민정부:", "euc-kr", "cp949"),
        ("總體要求與基本原則", "big5", "big5"),
    ):
        path = tmp_path / f"short-{encoding}.txt"
        path.write_bytes(text.encode(encoding))
        loaded = load(path)
        assert (loaded.encoding, "".join(loaded.lines)) == (expected, text)


def test_encoding_override(tmp_path):
    path = tmp_path / "ko.txt"
    path.write_bytes(KOREAN_TEXT.encode("cp949"))
    assert load(path, encoding="cp949").encoding == "cp949"
    with pytest.raises(ImportFailed, match="not valid utf-8 text"):
        load(path, encoding="utf-8")
    with pytest.raises(ImportFailed, match="unknown encoding"):
        load(path, encoding="no-such-codec")


def test_two_files_one_per_language_in_any_order(tmp_path):
    zh, ko = tmp_path / "zh.txt", tmp_path / "ko.txt"
    zh.write_text(CHINESE_TEXT, encoding="utf-8")
    ko.write_text(KOREAN_TEXT, encoding="utf-8")
    bilingual = parse_files([SEED_000])
    for order in ([zh, ko], [ko, zh]):
        document = parse_files(order)
        assert document.languages == ["zh", "ko"]
        assert structure(document, "zh") == structure(bilingual, "zh")
        assert len([s for s in document.segments_in("ko") if s.kind == "clause"]) == 30


def test_two_files_in_the_same_language_are_refused(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(CHINESE_TEXT, encoding="utf-8")
    b.write_text(SEED_002_TEXT, encoding="utf-8")
    with pytest.raises(ImportFailed, match=r"b\.txt: both files contain Chinese text"):
        parse_files([a, b])


def test_paragraphs_without_either_script_stay_in_place(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_text(
        "一、总体要求\n（一）指导思想。坚持市场导向。\nhttps://example.org/policy 2010-08-31\n"
        "1. 전반적 요구\n(1) 지도사항. 시장원칙에 따른다.\n",
        encoding="utf-8",
    )
    document = parse_files([path])
    zh = [s.text for s in document.units("zh")]
    assert zh[-1] == "https://example.org/policy 2010-08-31"
    assert "https://example.org/policy 2010-08-31" not in [s.text for s in document.units("ko")]


def test_markdown_headings_and_emphasis_are_plain_text(tmp_path):
    path = tmp_path / "doc.md"
    path.write_text("# 一、总体要求\n\n**（一）指导思想。** 深入贯彻落实科学发展观。\n", encoding="utf-8")
    document = parse_files([path])
    assert [(s.kind, s.label, s.text) for s in document.units("zh")] == [
        ("part", "一", "一、总体要求"),
        ("clause", "（一）", "（一）指导思想。"),
        ("sentence", "", "深入贯彻落实科学发展观。"),
    ]


def test_docx(tmp_path, reference_002):
    path = tmp_path / "doc.docx"
    word = docx.Document()
    for line in SEED_002_TEXT.split("\n"):
        if line.strip():
            word.add_paragraph(line)
    word.save(path)
    assert structure(parse_files([path]), "zh") == structure(reference_002, "zh")


def test_hwpx(tmp_path):
    from hwpx import HwpxDocument

    path = tmp_path / "doc.hwpx"
    hwp = HwpxDocument.new()
    for line in KOREAN_TEXT.split("\n"):
        if line.strip():
            hwp.add_paragraph(line)
    hwp.save_to_path(path)
    document = parse_files([path])
    assert document.languages == ["ko"]
    assert len([s for s in document.segments if s.kind == "clause"]) == 30
    assert len([s for s in document.segments if s.kind == "part"]) == 8


def _write_pdf(path, paragraphs):
    from PySide6.QtGui import QFont, QPageSize, QPdfWriter, QTextDocument

    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    text = QTextDocument()
    text.setDefaultFont(QFont("Noto Sans CJK SC", 11))
    text.setPlainText("\n".join(paragraphs))
    text.print_(writer)


def test_pdf_with_a_text_layer(tmp_path, qapp):
    path = tmp_path / "doc.pdf"
    # Qt wraps the lines and numbers nothing; pypdf gives back hard-wrapped lines and
    # Kangxi-radical look-alikes (⼀ for 一), which the cleanup repairs.
    _write_pdf(path, [line for line in SEED_002_TEXT.split("\n") if line.strip()])
    document = parse_files([path])
    parts = [s for s in document.segments if s.kind == "part"]
    assert len(parts) == 9
    assert [p.body for p in parts][:3] == ["总体要求", "推进产业国内梯度转移", "引导各地发挥比较优势承接产业转移"]
    assert parts[0].text == "一、总体要求"
    sentences = [s.text for s in document.units("zh")]
    assert "支持资源型地区发展接续产业和替代产业，促进资源型地区转型升级。" in sentences
    assert "严格实施产能置换办法，坚决遏制“两高”项目盲目发展。" in sentences


def test_scanned_pdf_is_refused_without_ocr(tmp_path, qapp):
    from PySide6.QtGui import QColor, QPainter, QPdfWriter

    path = tmp_path / "scan.pdf"
    writer = QPdfWriter(str(path))
    painter = QPainter(writer)
    painter.fillRect(100, 100, 2000, 2000, QColor("gray"))
    painter.end()
    with pytest.raises(ImportFailed, match=r"scan\.pdf: PDF has no text layer"):
        parse_files([path], ocr="never")


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n \r\n", "empty file"),
        ("image.txt", bytes(range(256)) * 8, "binary file"),
        ("noise.txt", bytes(range(128, 256)) * 20, "cannot tell the encoding"),
        ("english.txt", b"Guidance on industrial transfer.\nSection 1.\n", "no Chinese or Korean text"),
        ("broken.docx", b"PK\x03\x04 not really a zip", "not a readable DOCX file"),
        ("broken.pdf", b"%PDF-1.4 garbage", "not a readable PDF file"),
        ("broken.hwpx", b"not a zip", "not a readable HWPX file"),
    ],
)
def test_bad_input_names_the_file_and_the_problem(tmp_path, name, content, problem):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImportFailed) as caught:
        parse_files([path])
    assert str(caught.value).startswith(str(path))
    assert problem in str(caught.value)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(ImportFailed, match="no such file"):
        parse_files([tmp_path / "missing.txt"])
    with pytest.raises(ImportFailed, match="is a folder"):
        parse_files([tmp_path])
