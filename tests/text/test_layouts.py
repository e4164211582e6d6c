"""Layouts seen in documents nobody tuned the parser on (issue 11): articles with
numbered paragraphs, nested lists, Markdown, letter-spaced Korean headings, several
documents in one file, no structure at all, punctuation as it comes from the web."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reader.text.importer import parse_files
from reader.text.sentences import split_ko, split_zh
from tests.conftest import SEED_000

DATA = Path(__file__).resolve().parent / "data"


def shape(path: Path, lang: str, kinds=("title", "part", "clause", "item")) -> list[tuple[str, str, str]]:
    """(kind, label, structural path) of the labelled units of one language."""
    document = parse_files([DATA / path])
    return [
        (s.kind, s.label, s.id.split(".", 1)[1].rsplit(".", 1)[0])
        for s in document.segments_in(lang)
        if s.kind in kinds
    ]


def texts(path: str, lang: str) -> list[str]:
    return [s.text for s in parse_files([DATA / path]).units(lang)]


def test_articles_hold_their_numbered_paragraphs_in_both_languages():
    expected = [
        ("title", "", "t1"),
        ("clause", "第一条", "c1"),
        ("clause", "第二条", "c2"),
        ("item", "1.", "c2.i1"),
        ("item", "2.", "c2.i2"),
        ("item", "3.", "c2.i3"),
        ("clause", "第三条", "c3"),
        ("clause", "第四条", "c4"),
    ]
    assert shape("articles.txt", "zh") == expected
    korean = [
        (k, {"第一条": "제1조", "第二条": "제2조", "第三条": "제3조", "第四条": "제4조"}.get(lb, lb), p)
        for k, lb, p in expected
    ]
    assert shape("articles.txt", "ko") == korean


def test_spaced_and_dashed_article_numbers():
    ko = shape("articles_spaced.txt", "ko")
    assert [lb for _, lb, _ in ko] == ["", "제 1 조 (목적)", "제 2 조", "①", "②", "③", "제 3 조"]
    assert [p for _, _, p in ko][3:6] == ["c2.i1", "c2.i2", "c2.i3"]
    zh = shape("articles_spaced.txt", "zh")
    assert [p for k, _, p in zh if k == "item"] == ["c2.i1", "c2.i2", "c2.i3"]
    dashed = shape("articles_dash.txt", "ko")
    assert [(k, lb) for k, lb, _ in dashed] == [
        ("clause", "1조"),
        ("clause", "2조"),
        ("item", "1."),
        ("item", "2."),
        ("clause", "3조"),
    ]
    assert texts("articles_dash.txt", "ko")[0] == "1조 - 정의."


def test_a_korean_section_number_opens_its_first_sentence(tmp_path):
    """제 0 항. … 제 12 항. (the GNU GPL's Korean sections, in Markdown bold) number a
    section the way 〇、 does in Chinese: the number stays at the head of the section's
    first sentence instead of becoming a sentence of its own (제 0 항.), which took a
    bead of the alignment. Without its period 제 1 항의 규정에 따라 … is prose."""
    path = tmp_path / "ko.md"
    path.write_text(
        "**제 0 항.** 본 라이센스는 모든 프로그램에 적용된다. 복제 행위만 해당한다.\n\n"
        "**제 1 항.** 피양도자는 복제할 수 있다.\n\n"
        "제 1 항의 규정에 따라 배포할 수 있다.\n",
        encoding="utf-8",
    )
    document = parse_files([path])
    assert [s.text for s in document.units("ko")] == [
        "제 0 항. 본 라이센스는 모든 프로그램에 적용된다.",
        "복제 행위만 해당한다.",
        "제 1 항. 피양도자는 복제할 수 있다.",
        "제 1 항의 규정에 따라 배포할 수 있다.",
    ]
    # The kind the Chinese section 〇、 gets in the same place, so that the two number alike.
    zh = tmp_path / "zh.md"
    zh.write_text("〇、本协议适用于任何程式。\n", encoding="utf-8")
    kind = next(s.kind for s in parse_files([zh]).segments if s.label == "〇")
    assert [(s.kind, s.label) for s in document.segments_in("ko") if s.label] == [(kind, "제 0 항"), (kind, "제 1 항")]


def test_nested_lists_nest_and_return():
    zh = dict((p, lb) for _, lb, p in shape("nested.txt", "zh"))
    assert zh["p1.c1.i3"] == "i." and zh["p1.c1.i3.i1"] == "ii."  # i. after b. starts a list
    assert zh["p1.c1.i4"] == "c."  # back to the letters
    assert zh["p1.c2.i2.i2.i1"] == "①"
    assert zh["p1.c3"] == "3." and zh["p2.c1"] == "（一）"
    ko = dict((p, lb) for _, lb, p in shape("nested.txt", "ko"))
    assert ko["p1.c1.i3.i1"] == "ii." and ko["p1.c1.i4"] == "c." and ko["p2.c2"] == "(2)"
    # Numbered differently (（1） / 가), 1. / (1)), the two translations nest alike.
    assert list(zh) == list(ko)


def test_a_letter_i_after_h_continues_the_letters(tmp_path):
    path = tmp_path / "letters.txt"
    path.write_text("目录\n" + "".join(f"{c}. 第{c}项内容。\n" for c in "abcdefghij"), encoding="utf-8")
    items = [s for s in parse_files([path]).segments if s.kind != "title"]
    assert len({s.parent for s in items if s.label}) == 1  # all siblings, i. included


def test_markdown_headings_and_bullets_are_units_of_their_own():
    zh = shape("markdown.md", "zh", kinds=("title", "part", "clause", "item", "sentence"))
    assert zh[:3] == [("title", "", "t1"), ("part", "", "p1"), ("sentence", "", "p1.g1.s1")]
    assert [p for k, _, p in zh if k == "item" and p.startswith("p1.")] == ["p1.i1", "p1.i2", "p1.i3", "p1.i4"]
    units = texts("markdown.md", "zh")
    assert units[:4] == ["安装指南", "准备工作", "在开始之前，请确认以下条件:", "* 已安装 Python 3.11"]
    assert "2. 运行安装脚本" in units and "等待完成" in units  # <br> ends a line
    assert [lb for _, lb, _ in shape("markdown.md", "ko")] == [lb for _, lb, _ in shape("markdown.md", "zh")]


def test_letter_spaced_korean_headings():
    ko = parse_files([DATA / "spaced_headings.txt"]).segments
    assert [(s.kind, s.text) for s in ko if s.kind in ("title", "part")] == [
        ("title", "시 민 헌 장"),
        ("part", "전 문"),
        ("part", "본 문"),
    ]
    clauses = [s for s in ko if s.kind == "clause"]
    assert [c.text for c in clauses] == ["제 1 조", "제 2 조"]


def test_several_documents_in_one_file():
    document = parse_files([DATA / "several_documents.txt"])
    kinds = [s.kind for s in document.segments if s.kind not in ("paragraph", "sentence")]
    assert kinds == ["title", "addressee", "signature", "date"] * 3
    assert document.title.startswith("关于开展植树活动的通知")
    assert document.date == "2024年3月1日"


def test_no_structure_is_one_block_of_sentences():
    document = parse_files([DATA / "no_structure.txt"])
    assert {s.kind for s in document.segments} == {"paragraph", "sentence"}
    assert len(document.units("zh")) == 6 and len(document.units("ko")) == 6


def test_chinese_ends_at_ascii_marks_but_not_inside_urls_or_numbers():
    assert split_zh("如何注册?请访问 https://example.org/a?lang=zh;ref=1 并填写!完成后,请确认;谢谢. 版本3.2.1") == [
        "如何注册?",
        "请访问 https://example.org/a?lang=zh;ref=1 并填写!",
        "完成后,请确认;",
        "谢谢.",
        "版本3.2.1",
    ]
    assert split_zh("第一个世界冠军，维尔赫姆.斯坦尼茨在1886年获得冠军。") == [
        "第一个世界冠军，维尔赫姆.斯坦尼茨在1886年获得冠军。"
    ]
    units = texts("ascii_punctuation.txt", "zh")
    assert "忘记密码怎么办?" in units and "版本号为3.2.1,价格为12.50元" in units


def test_html_tags_are_markup_and_br_ends_a_line():
    units = texts("html_tags.txt", "zh")
    assert units[:4] == ["公告", "第一条 本公告适用于全体员工。", "员工应当遵守公司制度。", "违者将受到处理。"]
    assert units[4] == "第二条 本公告由人事部负责解释 。"


def test_paragraphs_without_final_punctuation_stay_apart():
    assert texts("unpunctuated_paragraphs.txt", "zh") == [
        "城市公园介绍",
        "城市公园位于市中心，面积约五十公顷",
        "公园内有湖泊、树林和草坪，是市民休闲的好去处",
        "每年春天，公园都会举办花展，吸引大量游客",
        "公园全天开放，免费参观",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("여름에는 비가 많이 내린다 강물이 불어나면 다리를 건너지 않는다 어른들은 둑을 살핀다", 3),
        ("시장원칙에 따르고 행정적 간여를 줄인다. 시장규율을 준수한다.", 2),
        ("1. 전반적 요구", 1),
        # Kiwi takes …니다 for a connective before a Latin word; it ends a sentence.
        ("소프트웨어 모드도 잘 작동합니다 glChess는 GNU Chess를 기본 엔진으로 씁니다", 2),
        ("체스는 2 인용 전략 보드 게임입니다 glChess는 2D/3D의 체스 게임입니다", 2),
    ],
)
def test_korean_without_punctuation_ends_at_verb_endings(text, expected):
    units = split_ko(text)
    assert len(units) == expected
    assert "".join(units).replace(" ", "") == text.replace(" ", "")


def test_items_after_a_paragraph_stay_in_their_article():
    """The bug of issue 11: an item of article 2 came out after article 3."""
    for lang, third in (("zh", "第三条 本办法由办公室负责解释。"), ("ko", "제3조 이 방법은 판공실이 해석한다.")):
        document = parse_files([DATA / "articles_with_paragraphs.txt"])
        units = [s.text for s in document.units(lang)]
        assert units.index(third) == len(units) - 1
        items = [s for s in document.segments_in(lang) if s.kind == "item"]
        assert [s.id.split(".")[1:3] for s in items] == [["c2", "i1"], ["c2", "i2"]]


def test_kiwi_is_loaded_only_for_korean_without_punctuation():
    """Kiwi costs about a second and a few hundred MB: punctuated text never loads it."""
    script = (
        "import sys; from reader.text.importer import parse_files; "
        "from reader.text.sentences import KOREAN_SPLITTER as k; "
        "parse_files([sys.argv[1]]); print(k.loaded); parse_files([sys.argv[2]]); print(k.loaded)"
    )
    out = subprocess.run(
        [sys.executable, "-c", script, str(SEED_000), str(DATA / "unpunctuated_korean.txt")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert out == ["False", "True"]
