"""Cleanup of raw lines: indentation, page debris, page-break repair, languages."""

from __future__ import annotations

from reader.text.cleanup import clean_line, paragraphs


def test_full_width_indentation_and_invisible_characters_are_stripped():
    assert clean_line("\u3000\u3000（一）指导思想。\u200b ") == "（一）指导思想。"
    assert clean_line(" \t国务院关于中西部地区承接产业转移的指导意见") == "国务院关于中西部地区承接产业转移的指导意见"


def test_page_numbers_are_dropped_and_radicals_normalised():
    for debris in ("1", "- 12 -", "— 3 —", "第5页", "12/30"):
        assert clean_line(debris) == ""
    assert clean_line("⼀、总体要求") == "一、总体要求"
    assert clean_line("2025年") == "2025年"


def test_a_sentence_cut_by_a_page_break_is_joined():
    lines = ["——坚持市场导向，减少行政干预。遵循市场规律，尊重各类企业在产", "", "业转移中的主体地位。"]
    assert [p.text for p in paragraphs(lines)] == [
        "——坚持市场导向，减少行政干预。遵循市场规律，尊重各类企业在产业转移中的主体地位。"
    ]


def test_a_paragraph_ending_in_latin_text_or_a_link_is_not_joined():
    """In a file not wrapped at a page width, a page break falls inside the prose (产 |
    业); a line that ends in a command, a link or an address ends where its author
    ended it, and so does a line before one that starts with Latin text."""
    lines = [
        "要运行国际象棋，选择 国际象棋。或者在命令行输入：<command>glchess</command>",
        "启动国际象棋，显示下图所示的主窗口。",
        "* [自定义奖励范例](https://habitica.fandom.com/zh/wiki/自定义奖励范例)",
        "",
        "为什么我的待办任务会变颜色？",
        "更多资讯请参见",
        "Matthew Henry 的注解。",
    ]
    assert [p.text for p in paragraphs(lines)] == [
        "要运行国际象棋，选择 国际象棋。或者在命令行输入：glchess",
        "启动国际象棋，显示下图所示的主窗口。",
        "* [自定义奖励范例](https://habitica.fandom.com/zh/wiki/自定义奖励范例)",
        "为什么我的待办任务会变颜色？",
        "更多资讯请参见",
        "Matthew Henry 的注解。",
    ]
    # a cut after a comma is still a page break, and a PDF's wrapped lines join anyway
    assert len(paragraphs(["遵循市场规律，尊重各类企业，", "", "充分发挥市场作用。"])) == 1
    assert len(paragraphs(["使用 OpenGL，这需要安装 Python OpenGL 和 Python", "GTKGLExt。"], wrapped=True)) == 1


def test_headings_are_never_fused_with_the_next_paragraph():
    lines = [
        "国务院关于中西部地区承接产业转移的指导意见",
        "各省、自治区人民政府：",
        "一、总体要求 ",
        "依托中西部地区产业基础。",
    ]
    assert [p.text for p in paragraphs(lines)] == [
        "国务院关于中西部地区承接产业转移的指导意见",
        "各省、自治区人民政府：",
        "一、总体要求",
        "依托中西部地区产业基础。",
    ]


def test_an_open_paragraph_is_not_glued_to_a_numbered_one():
    lines = ["（二）基本原则", "——坚持市场导向，减少行政干预。"]
    assert len(paragraphs(lines)) == 2


def test_korean_lines_join_with_a_space_after_a_particle():
    lines = ["산업구조의 조정을 추진하고 경제발전 방식의", "", "전환을 다그치는 필요한 요구이다."]
    assert paragraphs(lines)[0].text == "산업구조의 조정을 추진하고 경제발전 방식의 전환을 다그치는 필요한 요구이다."


def test_languages_of_paragraphs():
    found = paragraphs(["1. 전반적 요구", "2010", "一、总体要求", "https://example.org"])
    assert [p.lang for p in found] == ["ko", "ko", "zh", "zh"]
    assert [p.lang for p in paragraphs(["ISBN 978", "一、总体要求"])] == ["zh", "zh"]
