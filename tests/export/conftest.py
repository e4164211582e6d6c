"""A library with the seed corpus, a fixed alignment and annotations that exercise
every part of a briefing: Markdown notes, raw HTML in a note, a span edged with
punctuation, a Korean-side annotation on a 2-1 bead, a Chinese-only document."""

from __future__ import annotations

import datetime as dt

import pytest

from reader.model import AlignmentLink

EXPORT_DATE = dt.date(2026, 3, 2)
GUOFA = "guofa-2010-28"
MANUFACTURING = "manufacturing-transfer"

NOTE_MARKDOWN = "**핵심 개념**: 후진타오 시기의 국정 기조.\n\n- 2003년 제기\n- 2007년 당장(黨章) 반영"
NOTE_HOSTILE = 'Raw <script>alert("x")</script> and <b onclick="steal()">bold</b> [link](javascript:alert(1))'


def segment_id(document, path: str) -> str:
    """The full id of the segment at a structural path (``zh.p1.c1.s1``)."""
    return next(s.id for s in document.segments if s.id.rsplit(".", 1)[0] == path)


def annotate_corpus(library) -> dict[str, str]:
    """Annotate the seed documents; returns annotation ids by name."""
    library.import_corpus()
    guofa = library.documents.get(GUOFA)
    ids = {
        path: segment_id(guofa, path)
        for path in (
            "zh.pre1.s2",
            "ko.pre1.s2",
            "zh.p1.c1.s1",
            "ko.p1.c1.s1",
            "ko.p1.c1.s2",
            "zh.p1.c2.i1.s1",
            "zh.p1.c2.i1.s2",
            "ko.p1.c2.i1.s1",
        )
    }
    library.links.replace(
        GUOFA,
        [
            AlignmentLink([ids["zh.pre1.s2"]], [ids["ko.pre1.s2"]]),
            AlignmentLink([ids["zh.p1.c1.s1"]], [ids["ko.p1.c1.s1"], ids["ko.p1.c1.s2"]]),
            AlignmentLink([ids["zh.p1.c2.i1.s1"], ids["zh.p1.c2.i1.s2"]], [ids["ko.p1.c2.i1.s1"]]),
        ],
    )
    repo = library.annotations
    manufacturing = library.documents.get(MANUFACTURING)
    made = {
        "concept": repo.annotate(
            guofa, "zh.p1.c1.s1", quote="科学发展观", note=NOTE_MARKDOWN, tags=["정책", "이념"], starred=True
        ),
        "hostile": repo.annotate(
            guofa, "ko.p1.c2.i1.s1", quote="시장의 자원배치 기본역할", note=NOTE_HOSTILE, color="green", tags=["원칙"]
        ),
        "preamble": repo.annotate(guofa, "zh.pre1.s2", note="정세 인식 부분.", color="blue"),
        "quoted": repo.annotate(
            manufacturing, "zh.p2.g1.s6", quote="“两高”", note="고에너지·고배출 사업.", color="red", tags=["정책"]
        ),
    }
    return {name: annotation.id for name, annotation in made.items()}


@pytest.fixture
def annotated(library):
    """(library, annotation ids by name)."""
    return library, annotate_corpus(library)


@pytest.fixture
def briefing(annotated):
    from reader.export import BriefingOptions, briefing_from_library

    library, _ = annotated
    return briefing_from_library(library, BriefingOptions(exported_on=EXPORT_DATE))
