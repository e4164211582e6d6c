"""Briefings for checking the Markdown template against the Markdown writer it replaced:
the export fixture's notes plus notes that use every Markdown construct a note can
hold (quotes, code, nested and numbered lists, links, hard breaks, strike-through,
CJK emphasis, text that would start a heading or a list), under every grouping and
language. ``tests/export/reference/markdown/*.md`` were written by that writer
(reader/export/markdown.py before the template, commit a8fcf48)."""

from __future__ import annotations

from tests.export.conftest import EXPORT_DATE, GUOFA, MANUFACTURING, annotate_corpus

RICH_NOTES = {
    ("zh", "p1.c2.i1.s1"): (
        "구조조정을 **주선(主线)**으로 삼는다.\n\n> 인용: 「产业转移」은\n> 두 줄로 인용\n\n"
        "1. 첫째\n2. 둘째\n   - 안쪽 항목\n   - `code_with*star`\n\n```\n원문 그대로 # 줄\n```\n\n"
        "끝 줄  \n강제 줄바꿈, ~~지운 말~~, *기울임*, [참고](https://example.org/a_b?x=<1>)"
    ),
    ("ko", "p1.c1.s2"): "# 제목처럼 보이는 줄\n\n+ 더하기로 시작\n\n3) 괄호 번호\n\n\\*별표\\* 와 _밑줄_ | 파이프",
    ("zh", "p2.g1.s1"): "",
}


def annotate_rich(library) -> None:
    """The export fixture's annotations, then the rich notes (one of them starred, one without a note)."""
    annotate_corpus(library)
    repo = library.annotations
    guofa = library.documents.get(GUOFA)
    manufacturing = library.documents.get(MANUFACTURING)
    for n, ((lang, path), note) in enumerate(RICH_NOTES.items()):
        document = guofa if n < 2 else manufacturing
        segment = next(s.id for s in document.segments if s.id.rsplit(".", 1)[0] == f"{lang}.{path}")
        repo.annotate(
            document,
            segment,
            note=note,
            color=("pink", "purple", "yellow")[n],
            tags=[("쟁점", "정책"), ("형식",), ()][n],
            starred=n == 0,
        )


CASES = {
    "clause-both": {},
    "clause-zh": {"lang": "zh"},
    "clause-ko": {"lang": "ko"},
    "tag-both": {"group_by": "tag"},
    "tag-chosen": {"group_by": "tag", "tags": ("정책",)},
    "color-named": {"group_by": "color", "color_meanings": (("yellow", "핵심"), ("pink", "쟁점"))},
    "starred-titled": {"starred_only": True, "title": "주간 *검토* # 메모"},
    "one-document": {"doc_ids": (GUOFA,), "color_meanings": (("green", "신규"),)},
}


def options(name: str):
    from reader.export import BriefingOptions

    return BriefingOptions(exported_on=EXPORT_DATE, **CASES[name])
