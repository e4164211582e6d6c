"""The legal hierarchy's numbering in both languages (issue 11): 第N款 / 제N항 and
第N项 / 제N호 below the article, with or without spaces, bold or not, followed by a
title, a body or nothing; the same numbering inside a sentence is a reference, not a
label. And a Markdown line that is wholly bold and short is a heading."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.text.importer import parse_files
from reader.text.patterns import find_label, is_bold_heading
from reader.text.structure import parse_language
from tests.conftest import ALIGN_DATA

GPL2 = ALIGN_DATA / "gpl2-licence"


@pytest.mark.parametrize(
    ("text", "lang", "label", "rest"),
    [
        (
            "제 0 항. 본 라이센스는 모든 프로그램에 적용된다.",
            "ko",
            "제 0 항",
            "본 라이센스는 모든 프로그램에 적용된다.",
        ),
        ("제1항 이 법은 공포한 날부터 시행한다.", "ko", "제1항", "이 법은 공포한 날부터 시행한다."),
        ("제 12 항.", "ko", "제 12 항", ""),
        ("제3항", "ko", "제3항", ""),
        (
            "제1항(목적) 이 규정은 도서관 운영에 필요한 사항을 정한다.",
            "ko",
            "제1항(목적)",
            "이 규정은 도서관 운영에 필요한 사항을 정한다.",
        ),
        ("제 2 호 국가기관이 보유한 정보", "ko", "제 2 호", "국가기관이 보유한 정보"),
        ("제1호: 정의", "ko", "제1호", "정의"),
        ("第二款　本办法所称图书，包括电子图书。", "zh", "第二款", "本办法所称图书，包括电子图书。"),
        ("第2款 读者应当爱护图书。", "zh", "第2款", "读者应当爱护图书。"),
        ("第十款", "zh", "第十款", ""),
        ("第三项．其他应当遵守的规则。", "zh", "第三项", "其他应当遵守的规则。"),
        ("第一项 按期归还", "zh", "第一项", "按期归还"),
    ],
)
def test_paragraph_and_item_numbers_are_labels(text, lang, label, rest):
    found = find_label(text, lang)
    assert found is not None and found.style in ("legal-paragraph", "legal-item")
    assert (found.label, found.rest) == (label, rest)
    assert text.startswith(found.label)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("제 3 항의 규정에 따라 프로그램을 배포할 수 있다.", "ko"),
        ("제1항과 제2항의 규정에 따라 복제할 수 있다.", "ko"),
        ("제1항 및 제2항에 따른 신청은 서면으로 한다.", "ko"),
        ("제1항 제2호에 해당하는 경우에는 그러하지 아니하다.", "ko"),
        ("제2호에 따른 정보는 공개하지 아니한다.", "ko"),
        ("1항의 규정에 따라 처리한다.", "ko"),
        ("第二款规定的情形除外。", "zh"),
        ("第二款、第三款规定的期限可以延长。", "zh"),
        ("第二款和第三款不适用于电子图书。", "zh"),
        ("第三项所列事项由办公室负责。", "zh"),
    ],
)
def test_a_reference_that_opens_a_sentence_is_not_a_label(text, lang):
    assert find_label(text, lang) is None


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("제3조의 규정에 따라 처리한다.", "ko"),
        ("제3조에 따른 심사는 판공실이 한다.", "ko"),
        ("第三条规定的审查由办公室负责。", "zh"),
        ("第三条至第五条不适用于本办法。", "zh"),
    ],
)
def test_an_article_referred_to_at_the_start_of_a_sentence_is_not_a_label(text, lang):
    assert find_label(text, lang) is None


@pytest.mark.parametrize(
    ("text", "lang", "label"),
    [
        ("제3조의2(특례) 이 법은 외국인에게도 적용한다.", "ko", "제3조의2(특례)"),
        ("第三条　本办法由办公室负责解释。", "zh", "第三条"),
    ],
)
def test_articles_keep_their_labels(text, lang, label):
    found = find_label(text, lang)
    assert found is not None and found.label == label


def test_the_numbering_inside_a_sentence_stays_in_the_sentence():
    parsed = parse_language(
        ["제 2 항. 개작된 프로그램은 제 1 항의 규정에 의해서 배포될 수 있다. 제 3 항. 이하 같다."], "ko"
    )
    labelled = [s for s in parsed.segments if s.label]
    assert [s.label for s in labelled] == ["제 2 항"]
    texts = [s.text for s in parsed.segments if s.text]
    assert texts == ["제 2 항. 개작된 프로그램은 제 1 항의 규정에 의해서 배포될 수 있다.", "제 3 항. 이하 같다."]


def _shape(lines: list[str], lang: str) -> list[tuple[str, str, str]]:
    parsed = parse_language(lines, lang)
    return [(s.kind, s.label, s.id.split(".", 1)[1].rsplit(".", 1)[0]) for s in parsed.segments if s.label]


def test_articles_paragraphs_and_items_nest_alike_in_both_languages():
    zh = _shape(
        [
            "第一条 为了规范图书馆管理，制定本办法。",
            "第一款 读者应当遵守下列规则：",
            "第一项 爱护图书；",
            "第二项 按期归还。",
            "第二款 违反规则的，停止借阅。",
            "第二条 本办法自公布之日起施行。",
        ],
        "zh",
    )
    ko = _shape(
        [
            "제1조 도서관 관리를 규범화하기 위하여 이 방법을 제정한다.",
            "제1항 독자는 다음 규칙을 지켜야 한다.",
            "제1호 도서를 아껴야 한다.",
            "제2호 기한 내에 반납해야 한다.",
            "제2항 규칙을 위반한 경우 대출을 정지한다.",
            "제2조 이 방법은 공포한 날부터 시행한다.",
        ],
        "ko",
    )
    assert [(k, p) for k, _, p in zh] == [(k, p) for k, _, p in ko]
    assert [(k, p) for k, _, p in ko] == [
        ("clause", "c1"),
        ("item", "c1.i1"),
        ("item", "c1.i1.i1"),
        ("item", "c1.i1.i2"),
        ("item", "c1.i2"),
        ("clause", "c2"),
    ]


def test_a_label_alone_on_its_line_takes_the_next_paragraph():
    for lang, lines in (
        (
            "ko",
            [
                "제 1 항",
                "이 규정은 도서관 운영에 필요한 사항을 정한다.",
                "제 2 항",
                "이 규정은 공포한 날부터 시행한다.",
            ],
        ),
        ("zh", ["第一款", "本办法规定图书馆运营的必要事项。", "第二款", "本办法自公布之日起施行。"]),
    ):
        segments = parse_language(lines, lang).segments
        parts = [s for s in segments if s.kind == "part"]
        assert [p.text for p in parts] == [lines[0], lines[2]]
        by_id = {s.id: s for s in segments}
        first = next(s for s in segments if s.kind == "sentence")
        assert first.text == lines[1] and by_id[first.parent].parent == parts[0].id


def test_circled_numbers_and_hangul_letters_are_labels():
    assert find_label("① 도서를 아껴야 한다.", "ko").style == "circled"
    assert find_label("가. 도서를 아껴야 한다.", "ko").style == "hangul"
    assert find_label("나) 기한 내에 반납해야 한다.", "ko").style == "hangul"
    ko = _shape(
        [
            "제1조 독자는 다음 규칙을 지켜야 한다.",
            "① 도서를 아껴야 한다.",
            "가. 대출한 도서",
            "나. 열람한 도서",
            "② 기한 내에 반납해야 한다.",
        ],
        "ko",
    )
    assert ko == [
        ("clause", "제1조", "c1"),
        ("item", "①", "c1.i1"),
        ("item", "가.", "c1.i1.i1"),
        ("item", "나.", "c1.i1.i2"),
        ("item", "②", "c1.i2"),
    ]


def test_chinese_sections_numbered_from_zero():
    lines = [f"{n}、本条款适用于每一个程式。" for n in ("〇", "一", "二", "十", "十一", "十二")]
    parsed = parse_language(lines, "zh")
    assert [s.label for s in parsed.segments if s.label] == ["〇", "一", "二", "十", "十一", "十二"]


def test_the_gpl_sections_are_labelled_in_both_languages():
    document = parse_files([GPL2 / "zh.md", GPL2 / "ko.md"])
    ko = document.segments_in("ko")
    sections = [s for s in ko if s.label.startswith("제")]
    assert [s.label for s in sections] == [f"제 {n} 항" for n in range(13)]
    assert all(s.kind == "clause" for s in sections)
    assert not any(s.text.strip() in {f"제 {n} 항." for n in range(13)} for s in ko)  # never a unit of its own
    zh_sections = [s for s in document.segments_in("zh") if s.kind == "clause"]
    assert [s.label for s in zh_sections] == [
        "〇",
        "一",
        "二",
        "三",
        "四",
        "五",
        "六",
        "七",
        "八",
        "九",
        "十",
        "十一",
        "十二",
    ]
    # Section 0 opens with its label, as the gold has it.
    first = next(s for s in ko if s.text.startswith("제 0 항."))
    assert first.text.startswith("제 0 항. 본 라이센스는")


# -- a bold line -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "heading"),
    [
        ("보증의 결여", "ko", True),
        ("不提供品质担保", "zh", True),
        ("不必慌张，这件事并没有听起来那么吓人。", "zh", False),
        ("本办法自公布之日起施行。", "zh", False),
        ("당황할 필요는 없습니다. 말처럼 극적이진 않습니다.", "ko", False),
        ("이 규정은 공포한 날부터 시행한다.", "ko", False),
        ("이 규정은 공포한 날부터 시행한다", "ko", False),
    ],
)
def test_a_bold_line_is_a_heading_only_when_it_reads_as_one(text, lang, heading):
    assert is_bold_heading(text, lang) is heading


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("name", "text", "heading", "labelled"),
    [
        (
            "ko.md",
            "## 조건과 규정\n\n제 1 항. 피양도자는 프로그램을 복제할 수 있다.\n\n**보증의 결여**\n\n"
            "제 2 항. 프로그램은 무상으로 양도된다.\n",
            "보증의 결여",
            "제 2 항",
        ),
        (
            "zh.md",
            "## 条款和条件\n\n一、你可以复制本程式。\n\n__不提供品质担保__\n\n二、本程式为免费授权。\n",
            "不提供品质担保",
            "二",
        ),
    ],
)
def test_a_short_bold_line_is_a_heading_beside_the_markdown_ones(tmp_path, name, text, heading, labelled):
    segments = parse_files([_write(tmp_path, name, text)]).segments
    parts = [s for s in segments if s.kind == "part"]
    assert [p.text for p in parts][-1] == heading
    assert [p.parent for p in parts] == [None, None]  # beside the ## heading, not under it
    section = next(s for s in segments if s.label == labelled)
    assert section.kind == "clause" and section.parent == parts[-1].id


def test_bold_sentences_and_partly_bold_lines_stay_sentences(tmp_path):
    text = (
        "# 程式说明\n\n## 说明\n\n正文第一段。\n\n**不必慌张，这件事并没有听起来那么吓人。**\n\n"
        "**注意** 本程式不提供品质担保\n\n最后一段。\n"
    )
    segments = parse_files([_write(tmp_path, "zh.md", text)]).segments
    assert [s.text for s in segments if s.kind == "part"] == ["说明"]
    sentences = [s.text for s in segments if s.kind == "sentence"]
    assert "不必慌张，这件事并没有听起来那么吓人。" in sentences
    assert "注意 本程式不提供品质担保" in sentences
