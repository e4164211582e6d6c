"""Marks: what the two panes draw for a document's annotations."""

from __future__ import annotations

from reader.annotations import COLORS, marks_by_language
from reader.annotations.marks import tint
from reader.model import AlignmentLink


def _ids(document, *prefixes):
    return [next(s.id for s in document.segments if s.id.startswith(p + ".")) for p in prefixes]


def test_own_span_and_pale_counterpart_follow_the_alignment(seeded):
    library, g = seeded
    zh, ko, ko_other = _ids(g, "zh.p1.c1.s2", "ko.p1.c1.s2", "ko.p1.c1.s3")
    library.annotations.annotate(g, zh, quote="提高自主创新能力", color="green", note="혁신 역량", tags=["혁신"])
    annotations = library.annotations.list(doc_id="g")

    marks = marks_by_language(g, annotations, [AlignmentLink([zh], [ko])])
    assert [(m.segment_id, m.start, m.end, m.color_hex) for m in marks["zh"]] == [(zh, 9, 17, COLORS["green"])]
    ko_text = next(s.text for s in g.segments if s.id == ko)
    assert [(m.segment_id, m.start, m.end) for m in marks["ko"]] == [(ko, 0, len(ko_text))]
    assert marks["ko"][0].color_hex == tint(COLORS["green"]) != COLORS["green"]
    assert marks["ko"][0].tooltip == "혁신 역량\n#혁신"

    # A corrected alignment moves the counterpart mark; no link, no counterpart.
    moved = marks_by_language(g, annotations, [AlignmentLink([zh], [ko_other])])
    assert [m.segment_id for m in moved["ko"]] == [ko_other]
    assert marks_by_language(g, annotations, [])["ko"] == []


def test_overlapping_marks_of_one_colour_merge_and_others_stay_apart(seeded):
    library, g = seeded
    (zh,) = _ids(g, "zh.p1.c1.s1")
    repo = library.annotations
    repo.annotate(g, zh, start=0, end=6, note="a")
    repo.annotate(g, zh, start=4, end=10, note="b")
    repo.annotate(g, zh, start=20, end=24, note="c")
    repo.annotate(g, zh, start=2, end=8, color="blue", note="d")
    orphan = repo.annotate(g, zh, start=30, end=34, note="gone")
    with library.db.atomic():
        library.db.execute("UPDATE annotations SET state = 'orphaned' WHERE id = ?", [orphan.id])

    marks = marks_by_language(g, repo.list(doc_id="g"))["zh"]
    yellow = [(m.start, m.end, m.tooltip) for m in marks if m.color_hex == COLORS["yellow"]]
    assert yellow == [(0, 10, "a\n\nb"), (20, 24, "c")]
    assert [(m.start, m.end) for m in marks if m.color_hex == COLORS["blue"]] == [(2, 8)]
    assert all(m.start < 30 for m in marks)  # the orphaned one is not drawn
