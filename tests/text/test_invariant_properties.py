"""The structure invariants on generated files: any mix of labels, headings, bullets,
markup and prose, in either language, parses into units that reproduce the file."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.text.importer import parse_files
from tests.text.invariants import check_document

_ZH_LABELS = [
    "一、",
    "二、",
    "（一）",
    "（二）",
    "第一条 ",
    "第2条",
    "第一章 ",
    "1.",
    "2. ",
    "（1）",
    "(2)",
    "①",
    "a. ",
    "b. ",
    "i. ",
    "ii. ",
    "A. ",
    "——",
    "- ",
    "* ",
    "# ",
    "## ",
    "### ",
    "",
]
_KO_LABELS = [
    "1. ",
    "2. ",
    "(1) ",
    "(2) ",
    "제1조 ",
    "제 2 조 ",
    "3조 - ",
    "제1장 ",
    "가. ",
    "①",
    "a. ",
    "i. ",
    "- ",
    "* ",
    "# ",
    "## ",
    "",
]
_ZH_WORDS = [
    "产业转移",
    "加强",
    "合作",
    "，",
    "。",
    "；",
    "?",
    "!",
    ";",
    "数据",
    "3.5",
    "https://a.org/?x=1;y=2",
    "<br>",
    "<b>",
    "</b>",
    "**重点**",
    "的",
    "发展",
    "：",
    "(注)",
]
_KO_WORDS = [
    "산업이전을 ",
    "추진한다",
    ". ",
    "협력",
    "하고 ",
    "? ",
    "! ",
    "데이터 ",
    "3.5 ",
    "<br>",
    "<i>",
    "</i>",
    "**중점** ",
    "발전",
    "2010. 8. 31. ",
    "(주) ",
    "다 ",
]


def _paragraph(labels: list[str], words: list[str]):
    return st.tuples(st.sampled_from(labels), st.lists(st.sampled_from(words), min_size=1, max_size=12)).map(
        lambda t: t[0] + "".join(t[1])
    )


_FILE = st.tuples(
    st.lists(_paragraph(_ZH_LABELS, _ZH_WORDS), max_size=14),
    st.lists(_paragraph(_KO_LABELS, _KO_WORDS), max_size=14),
    st.sampled_from(["\n", "\n\n"]),
    st.booleans(),
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_FILE)
def test_generated_files_keep_the_invariants(generated):
    zh, ko, separator, korean_first = generated
    paragraphs = (ko + zh) if korean_first else (zh + ko)
    text = separator.join(paragraphs)
    if not any("\uac00" <= c <= "\ud7a3" or "\u4e00" <= c <= "\u9fff" for c in text):
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "generated.md"
        path.write_text(text, encoding="utf-8")
        check_document(parse_files([path]), path)
