"""Markdown soft line breaks (issue 11): the lines of one CommonMark paragraph are one
paragraph, whatever width the file was wrapped at."""

from __future__ import annotations

import re
import tempfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.text.cleanup import paragraphs
from reader.text.formats.markdown import join_soft_breaks
from reader.text.importer import parse_files
from reader.text.loaders import load
from reader.text.scripts import soft_break_joiner
from tests.conftest import ALIGN_DATA
from tests.text.invariants import check_document

_SCRIPT = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf\uac00-\ud7a3]")


def clean_paragraphs(tmp_path: Path, text: str, name: str = "doc.md") -> list[str]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    loaded = load(path)
    return [p.text for p in paragraphs(loaded.lines, wrapped=loaded.wrapped, authored=loaded.authored)]


def test_chinese_lines_of_one_paragraph_are_joined_without_a_space(tmp_path):
    text = (
        "弃用 Docker 这个底层运行时，转而支持符合为 Kubernetes 创建的容器运行接口\n"
        "[Container Runtime Interface (CRI)](https://kubernetes.io/blog/cri/)\n"
        "的运行时。\n"
        "Docker 构建的镜像，将在你的集群的所有运行时中继续工作。\n"
        "\n"
        "你在开发环境中用的 Docker 和你集群中的 Docker 运行时无关。\n"
    )
    assert clean_paragraphs(tmp_path, text) == [
        "弃用 Docker 这个底层运行时，转而支持符合为 Kubernetes 创建的容器运行接口"
        "[Container Runtime Interface (CRI)](https://kubernetes.io/blog/cri/)的运行时。"
        "Docker 构建的镜像，将在你的集群的所有运行时中继续工作。",
        "你在开发环境中用的 Docker 和你集群中的 Docker 运行时无关。",
    ]


def test_korean_lines_of_one_paragraph_are_joined_with_a_space(tmp_path):
    # Most lines end mid-sentence: the cleanup alone read that as text written
    # without punctuation and joined none of them.
    text = (
        "쿠버네티스는 v1.20 이후 컨테이너 런타임으로서\n"
        "[도커를\n"
        "사용 중단(deprecating)](https://example.org/deprecation)합니다.\n"
        "\n"
        "요약하자면, 기본(underlying) 런타임으로서 도커를 사용 중단하는 것은\n"
        "쿠버네티스를 위해 만들어진 컨테이너 런타임 인터페이스를\n"
        "사용하는 런타임으로 전환하는 것입니다. 도커로 생성된 이미지는\n"
        "앞으로도 계속 동작할 것입니다.\n"
    )
    assert clean_paragraphs(tmp_path, text) == [
        "쿠버네티스는 v1.20 이후 컨테이너 런타임으로서 [도커를 사용 중단(deprecating)](https://example.org/deprecation)합니다.",
        "요약하자면, 기본(underlying) 런타임으로서 도커를 사용 중단하는 것은 쿠버네티스를 위해 만들어진 "
        "컨테이너 런타임 인터페이스를 사용하는 런타임으로 전환하는 것입니다. 도커로 생성된 이미지는 "
        "앞으로도 계속 동작할 것입니다.",
    ]


def test_mixed_scripts_take_a_space_only_beside_korean_or_between_latin_words():
    assert soft_break_joiner("使用命令 `docker", "build` 构建的镜像") == " "
    assert soft_break_joiner("符合为 Kubernetes 创建的接口", "[Container Runtime]") == ""
    assert soft_break_joiner("[弃用 Docker](https://example.org)", "这个容器运行时。") == ""
    assert soft_break_joiner("在 Kubernetes", "集群中") == ""
    assert soft_break_joiner("GKE, EKS 또는 AKS", "(containerd)") == " "
    assert soft_break_joiner("컨테이너 런타임으로서", "[도커를") == " "
    assert soft_break_joiner("성도(省會)", "중심") == " "


def test_a_list_item_continued_on_the_next_line_is_one_item(tmp_path):
    text = "你可以在这里下载：\n\n* 源代码，以及\n  所有的构建脚本\n* 二进制文件\n\n- 첫 번째 항목은\n두 줄로 씁니다\n"
    assert clean_paragraphs(tmp_path, text) == [
        "你可以在这里下载：",
        "* 源代码，以及所有的构建脚本",
        "* 二进制文件",
        "- 첫 번째 항목은 두 줄로 씁니다",
    ]


def test_a_numbered_element_on_a_continuation_line_keeps_its_own_line(tmp_path):
    # CommonMark has no 'a.' or '（一）' list items and reads these as one paragraph;
    # the structure parser needs each label at the start of its line.
    text = "准备工作如下。\n\n2. 运行安装脚本\n   a. 选择安装目录\n   b. 确认选项\n\n总则如下，\n（一）指导思想。\n"
    assert clean_paragraphs(tmp_path, text) == [
        "准备工作如下。",
        "2. 运行安装脚本",
        "a. 选择安装目录",
        "b. 确认选项",
        "总则如下，",
        "（一）指导思想。",
    ]


def test_a_line_ending_with_two_spaces_or_a_backslash_is_a_hard_break(tmp_path):
    text = "国务院办公厅  \n2024年3月1日\n\n第一行\\\n第二行\n\n软换行的第一行\n第二行\n"
    assert clean_paragraphs(tmp_path, text) == [
        "国务院办公厅",
        "2024年3月1日",
        "第一行",
        "第二行",
        "软换行的第一行第二行",
    ]


def test_a_heading_right_after_a_paragraph_line_is_its_own_paragraph(tmp_path):
    text = "# 标题\n这是第一段的第一行，\n这是第一段的第二行。\n## 第二节\n第二节的正文，\n分两行写。\n\n结语。\n"
    path = tmp_path / "doc.md"
    path.write_text(text, encoding="utf-8")
    loaded = load(path)
    found = paragraphs(loaded.lines, authored=loaded.authored)
    assert [(p.text, p.heading) for p in found] == [
        ("标题", 1),
        ("这是第一段的第一行，这是第一段的第二行。", 0),
        ("第二节", 2),
        ("第二节的正文，分两行写。", 0),
        ("结语。", 0),
    ]


def test_a_block_quote_paragraph_is_joined_without_its_markers(tmp_path):
    assert clean_paragraphs(tmp_path, "> 引用的第一行，\n> 引用的第二行。\n\n正文。\n") == [
        "引用的第一行，引用的第二行。",
        "正文。",
    ]


def test_fences_tables_and_html_blocks_keep_their_lines():
    lines = ["说明：", "", "```", "第一行代码", "第二行代码", "```", "", "| 甲 | 乙 |", "|---|---|", "| 一 | 二 |", ""]
    joined, separated = join_soft_breaks(lines)
    assert joined == lines and separated


def test_a_file_with_one_paragraph_per_line_keeps_every_line(tmp_path):
    # No blank line between its paragraphs (seed 000 saved as .md): each line is a
    # paragraph as its author ended it, and a page-break cut may still be repaired.
    text = (
        "# 国务院关于中西部地区承接产业转移的指导意见\n"
        "各省、自治区、直辖市人民政府：\n"
        "产业转移是优化生产力空间布局的有效途径。\n"
        "加快转变经济发展方式，推动东部沿海地区经济转型升级，在发展中把握产\n"
        "业转移的主动权。\n"
    )
    assert clean_paragraphs(tmp_path, text) == [
        "国务院关于中西部地区承接产业转移的指导意见",
        "各省、自治区、直辖市人民政府：",
        "产业转移是优化生产力空间布局的有效途径。",
        "加快转变经济发展方式，推动东部沿海地区经济转型升级，在发展中把握产业转移的主动权。",
    ]


def test_paragraphs_separated_by_blank_lines_are_never_glued(tmp_path):
    # A Markdown paragraph that ends without punctuation ends where its author ended it.
    text = "**本文是原始公告的中文翻译**\n\n今天，SIG etcd 发布了\netcd v3.7.0。\n"
    assert clean_paragraphs(tmp_path, text) == ["本文是原始公告的中文翻译", "今天，SIG etcd 发布了etcd v3.7.0。"]


def test_plain_text_files_are_not_read_as_markdown(tmp_path):
    text = "第一行，\n\n第二行\n第三行。\n"
    assert clean_paragraphs(tmp_path, text, "doc.txt") == ["第一行，第二行第三行。"]


def _markdown_files() -> list[Path]:
    return sorted(p for p in ALIGN_DATA.glob("*/*.md") if p.name != "SOURCE.md")


@pytest.mark.parametrize("path", _markdown_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_joining_keeps_every_chinese_and_korean_character(path):
    raw = Counter(_SCRIPT.findall(path.read_text(encoding="utf-8")))
    assert Counter(_SCRIPT.findall("".join(load(path).lines))) == raw


def test_the_hard_wrapped_news_set_has_one_unit_per_sentence():
    folder = ALIGN_DATA / "news-dont-panic"
    document = parse_files([folder / "zh.md", folder / "ko.md"])
    # One Korean unit per gold pair (59); the Chinese has 52 sentences, one of them cut
    # by a hard break of its source (two spaces after a link), and a trailing emoji the
    # sentence splitter makes a unit of its own.
    assert len(document.units("ko")) == 59
    assert len(document.units("zh")) == 54


# Pieces of Chinese and Korean lines: prose, links, code, emphasis, labels, hard-break
# marks (two spaces, a backslash), bullets and quote markers.
_PIECES = st.sampled_from(
    [
        *("产业转移", "，", "。", "[链接](https://a.org/x)", "Docker", "`docker build`", "**重点**", "（一）"),
        *("산업이전을 ", "추진한다. ", "[도커를 사용](https://a.org/y)", "2010. 8. 31. ", "가. "),
        *("a. ", "  ", "\\", "- ", "> "),
    ]
)
_WRAPPED_FILE = st.lists(
    st.lists(st.lists(_PIECES, min_size=1, max_size=6).map("".join), min_size=1, max_size=5).map("\n".join),
    min_size=1,
    max_size=8,
).map("\n\n".join)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_WRAPPED_FILE)
def test_generated_wrapped_files_keep_their_characters_and_the_invariants(text):
    if not _SCRIPT.search(text):
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "wrapped.md"
        path.write_text(text, encoding="utf-8")
        assert Counter(_SCRIPT.findall("".join(load(path).lines))) == Counter(_SCRIPT.findall(text))
        check_document(parse_files([path]), path)


def test_hard_wrapped_plain_text_is_joined_inside_its_blocks(tmp_path):
    # The same cause in a .txt: Korean lines wrapped mid-sentence inside blank-line
    # separated blocks were read as text written without punctuation.
    text = (
        "쿠버네티스는 v1.20 이후 컨테이너 런타임으로서\n"
        "도커를 사용 중단합니다.\n"
        "\n"
        "도커가 생성한 이미지는 늘 그래왔듯이 모든 런타임을 통해 클러스터에서\n"
        "계속 작동될 것입니다.\n"
        "\n"
        "이 내용은 도커의 끝을 의미하지 않으며, 도커를 더 이상\n"
        "개발 도구로 사용할 수 없다는 의미도 아닙니다. 도커는 여전히\n"
        "컨테이너를 빌드하는 데 유용한 도구입니다.\n"
    )
    assert clean_paragraphs(tmp_path, text, "wrapped.txt") == [
        "쿠버네티스는 v1.20 이후 컨테이너 런타임으로서 도커를 사용 중단합니다.",
        "도커가 생성한 이미지는 늘 그래왔듯이 모든 런타임을 통해 클러스터에서 계속 작동될 것입니다.",
        "이 내용은 도커의 끝을 의미하지 않으며, 도커를 더 이상 개발 도구로 사용할 수 없다는 의미도 아닙니다. "
        "도커는 여전히 컨테이너를 빌드하는 데 유용한 도구입니다.",
    ]


def test_text_without_punctuation_in_blocks_stays_line_by_line(tmp_path):
    # Its blocks end open too: the lines are the author's, not a wrap.
    text = "빠른 설정\n알림 관리\n위젯 지원\n\n다크 모드\n오프라인 사용\n\n광고 없음\n무료 소프트웨어\n"
    assert clean_paragraphs(tmp_path, text, "features.txt") == [
        "빠른 설정",
        "알림 관리",
        "위젯 지원",
        "다크 모드",
        "오프라인 사용",
        "광고 없음",
        "무료 소프트웨어",
    ]


def test_the_news_set_saved_as_plain_text_has_one_korean_unit_per_sentence(tmp_path):
    folder = ALIGN_DATA / "news-dont-panic"
    path = tmp_path / "ko.txt"
    path.write_text((folder / "ko.md").read_text(encoding="utf-8"), encoding="utf-8")
    document = parse_files([path])
    check_document(document, path)
    assert len(document.units("ko")) == 59
