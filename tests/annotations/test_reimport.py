"""Re-importing an edited seed 000 keeps annotations on unchanged text and orphans the one on removed text."""

from __future__ import annotations

from reader.cli import main
from tests.conftest import SEED_000

REMOVED = "当前，国际国内产业分工深刻调整，我国东部沿海地区产业向中西部地区转移步伐加快。"
#: (old sentence text, new sentence text): a few sentences edited in the new version.
EDITS = [
    (
        "着力加强环境保护，节约集约利用资源，促进可持续发展；",
        "着力加强生态环境保护，节约集约利用资源，促进可持续发展；",
    ),
    (
        "在有条件的地区适当承接发展技术水平先进的高载能产业。",
        "在有条件的地区适当承接发展技术水平先进、能耗较低的高载能产业。",
    ),
    (
        "加强资源开发整合，允许资源富集地区以参股等形式分享资源开发收益。",
        "加强资源开发整合，允许资源富集地区以多种形式分享资源开发收益。",
    ),
]


def _edited_seed(tmp_path):
    text = SEED_000.read_text(encoding="utf-8")
    assert text.count(REMOVED) == 1
    text = text.replace(REMOVED, "")
    for old, new in EDITS:
        assert text.count(old) == 1
        text = text.replace(old, new)
    path = tmp_path / "000_edited.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_reimport_keeps_annotations_on_unchanged_text_and_orphans_the_removed_one(seeded, tmp_path, capsys):
    library, document = seeded
    repo = library.annotations
    by_text = {s.text: s for s in document.segments}
    edited_texts = {old for old, _ in EDITS}

    on_removed = repo.annotate(document, by_text[REMOVED].id, note="이 문장은 삭제됨", tags=["watch"])
    # Every 7th Chinese and every 9th Korean unit, whole; plus spans inside sentences.
    unchanged = []
    for lang, step in (("zh", 7), ("ko", 9)):
        for segment in document.units(lang)[::step]:
            if segment.text not in edited_texts and segment.text != REMOVED:
                unchanged.append(repo.annotate(document, segment.id, note=f"{lang} {segment.label}"))
    for segment in document.units("zh")[3::11]:
        if len(segment.text) > 12 and segment.text not in edited_texts and segment.text != REMOVED:
            unchanged.append(repo.annotate(document, segment.id, start=4, end=10))
    # Untouched words inside an edited sentence, and a sentence just after the removed one
    # (its id changes: its place in the preamble moves up).
    edited = by_text[EDITS[0][0]]
    unchanged.append(repo.annotate(document, edited.id, quote="节约集约利用资源", color="green"))
    after_removed = document.segments[document.segments.index(by_text[REMOVED]) + 1]
    unchanged.append(repo.annotate(document, after_removed.id, quote=after_removed.text[:10]))
    # A whole edited sentence: it follows the edit by fuzzy matching.
    on_edited = repo.annotate(document, by_text[EDITS[1][0]].id, color="orange")
    assert len(unchanged) > 40

    new_document = library.reimport(document.id, [_edited_seed(tmp_path)])

    texts = {s.id: s.text for s in new_document.segments}
    assert after_removed.id not in texts  # ids did change under these annotations
    for before in unchanged:
        after = repo.get(before.id)
        assert not after.orphaned, before.anchor
        segment_text = texts[after.anchor.segment_id]
        assert segment_text[after.anchor.start : after.anchor.end] == before.anchor.quote
        assert after.note == before.note
    moved = repo.get(on_edited.id)
    assert (moved.state, moved.placed_by) == ("anchored", "fuzzy")
    assert texts[moved.anchor.segment_id] == EDITS[1][1]

    report = repo.last_reanchor[document.id]
    assert report.orphaned == [on_removed.id]
    assert on_edited.id in report.moved and len(report.kept) + len(report.moved) == len(unchanged) + 1

    orphan = repo.get(on_removed.id)
    assert orphan.orphaned
    assert orphan.anchor.quote == REMOVED and orphan.note == "이 문장은 삭제됨"
    assert [a.id for a in repo.list(state="orphaned")] == [on_removed.id]

    capsys.readouterr()
    assert main(["notes", "--orphaned"]) == 0
    out = capsys.readouterr().out
    assert on_removed.id in out
    assert REMOVED in out and "이 문장은 삭제됨" in out
    assert "Orphaned (1)" in out
