"""Saved web pages: main text, metadata of gov.cn's policy library, encodings, MHTML."""

from __future__ import annotations

import pytest

from reader.errors import ImportFailed
from reader.text.formats.html import decode_html, read_html
from reader.text.importer import parse_files
from tests.text.formats.pages import (
    POLICY_METADATA,
    POLICY_URL,
    TABLE_PAGE_TITLE,
    char_f1,
    seed_000_chinese,
    seed_002_lines,
    write_pages,
)

BOILERPLATE = (
    "首页",
    "分享到",
    "微信",
    "相关阅读",
    "促进中部地区崛起的若干意见",
    "版权所有",
    "京ICP备",
    "关闭窗口",
    "打印",
)


@pytest.fixture
def pages(tmp_path):
    return write_pages(tmp_path)


def _text(document, lang="zh") -> str:
    return "".join(s.text for s in document.segments_in(lang))


@pytest.mark.parametrize("name", ["policy_library.html", "policy_library.mhtml"])
def test_policy_library_page_gives_the_policy_text_and_its_metadata(pages, name):
    document = parse_files([pages[name]])
    text = _text(document)
    assert char_f1(text, "".join(seed_000_chinese())) >= 0.99
    for word in BOILERPLATE:
        assert word not in text, word
    for name_, value in POLICY_METADATA.items():
        assert getattr(document, name_) == value
    assert document.source_url == POLICY_URL
    assert document.warnings == []


def test_policy_library_page_has_the_structure_of_the_text_file(pages):
    document = parse_files([pages["policy_library.html"]])
    kinds = [s.kind for s in document.segments]
    assert kinds.count("part") == 8 and kinds.count("clause") == 30
    assert kinds[:3] == ["title", "doc_number", "addressee"]
    assert document.segments[-1].kind == "date"


def test_a_page_laid_out_in_tables_with_line_breaks(pages):
    document = parse_files([pages["table_layout.htm"]])
    text = _text(document)
    assert char_f1(text, TABLE_PAGE_TITLE + "".join(seed_002_lines())) >= 0.99
    for word in BOILERPLATE:
        assert word not in text, word
    assert document.title == TABLE_PAGE_TITLE and document.warnings == []
    assert [s.kind for s in document.segments].count("part") == 9


def test_gb2312_pages_are_read_as_gb18030():
    # 镕 is outside GB2312: pages declared gb2312 hold such characters all the time.
    data = '<html><head><meta charset="gb2312"></head><body><p>朱镕基同志</p></body></html>'.encode("gb18030")
    assert "朱镕基同志" in decode_html(data)


def test_html_from_the_clipboard():
    page = read_html(
        "<html><body><nav><a href='/'>首页</a> <a href='/x'>新闻</a></nav>"
        "<article><h1>关于加强管理的通知</h1><p>一、总体要求</p><p>坚持稳中求进工作总基调，推动高质量发展。</p>"
        "<p>二、主要任务</p><p>加快建设现代化产业体系，促进产业合理有序转移。</p></article></body></html>"
    )
    assert [line for line in page.lines if line][:2] == ["关于加强管理的通知", "一、总体要求"]
    assert "首页" not in "".join(page.lines)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"<html><body><nav><a href='/'>home</a></nav></body></html>", "no main text"),
        (b"\x00\x01\x02\x03" * 200, "not a readable web page"),
    ],
)
def test_bad_pages_get_one_line(tmp_path, content, problem):
    path = tmp_path / "bad.html"
    path.write_bytes(content)
    with pytest.raises(ImportFailed) as raised:
        parse_files([path])
    message = str(raised.value)
    assert problem in message and str(path) in message and "\n" not in message


def test_a_web_archive_without_a_page(tmp_path):
    path = tmp_path / "empty.mhtml"
    path.write_bytes(b"MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nhello\r\n")
    with pytest.raises(ImportFailed, match="no HTML page inside"):
        parse_files([path])
