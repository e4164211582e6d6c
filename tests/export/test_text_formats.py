"""Markdown, HTML, CSV and W3C JSON exports, read back; the CLI contract."""

from __future__ import annotations

import csv
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from reader.cli import main
from tests.export.conftest import GUOFA, MANUFACTURING

REFERENCE = Path(__file__).parent / "reference" / "briefing.md"


def export(tmp_path: Path, fmt: str, *extra: str, name: str = "") -> Path:
    out = tmp_path / (name or f"briefing.{fmt}")
    assert main(["export", "--format", fmt, "--out", str(out), "--date", "2026-03-02", *extra]) == 0
    return out


def test_markdown_matches_the_committed_reference(annotated, tmp_path, capsys):
    out = export(tmp_path, "md")
    assert capsys.readouterr().out.strip() == f"wrote 4 annotations to {out}"
    assert out.read_text(encoding="utf-8") == REFERENCE.read_text(encoding="utf-8")


def test_markdown_keeps_emphasis_valid_next_to_cjk_punctuation():
    from markdown_it import MarkdownIt

    from reader.export.markdown import strong

    rendered = MarkdownIt("commonmark").render(strong("坚决遏制", "“两高”", "项目"))
    assert "<strong>两高</strong>" in rendered and "**" not in rendered


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []
        self.marks: list[str] = []
        self._in_mark = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self._in_mark = tag == "mark"

    def handle_endtag(self, tag):
        self._in_mark = False

    def handle_data(self, data):
        self.text.append(data)
        if self._in_mark:
            self.marks.append(data)


def test_html_is_standalone_and_neutralises_raw_html_in_notes(annotated, tmp_path):
    page = export(tmp_path, "html").read_text(encoding="utf-8")
    parsed = _Text()
    parsed.feed(page)
    assert "script" not in parsed.tags and "b" not in parsed.tags
    text = "".join(parsed.text)
    assert '<script>alert("x")</script>' in text  # shown as text
    assert "javascript:" not in page.replace("[link](javascript:alert(1))", "")
    assert "onclick" not in page.replace('onclick="steal()"', "").replace("onclick=&quot;steal()&quot;", "")
    assert parsed.marks == [
        "当前，国际国内产业分工深刻调整，我国东部沿海地区产业向中西部地区转移步伐加快。",
        "科学发展观",
        "시장의 자원배치 기본역할",
        "“两高”",
    ]
    assert "国发〔2010〕28号 一（一） / 1.(1)" in text
    assert "<link" not in page and "src=" not in page  # nothing loaded from elsewhere
    assert 'lang="zh-Hans"' in page and "default-src 'none'" in page


def test_csv_has_a_bom_and_one_row_per_annotation(annotated, tmp_path):
    _library, ids = annotated
    out = export(tmp_path, "csv")
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert len(rows) == 4
    by_id = {row["ID"]: row for row in rows}
    concept = by_id[ids["concept"]]
    assert concept["강조 부분"] == "科学发展观"
    assert concept["한국어 번역"].startswith("과학발전관을")
    assert concept["태그"] == "정책; 이념"
    assert concept["출처"] == "国发〔2010〕28号 一（一） / 1.(1)"
    assert concept["중요"] == "★"
    assert by_id[ids["quoted"]]["한국어 번역"] == ""


def test_csv_cells_that_look_like_formulas_stay_text(annotated, tmp_path):
    library, ids = annotated
    library.annotations.update(ids["preamble"], note='=HYPERLINK("http://x")')
    rows = list(csv.reader(export(tmp_path, "csv").read_text(encoding="utf-8-sig").splitlines()))
    assert '\'=HYPERLINK("http://x")' in [cell for row in rows for cell in row]


def test_json_follows_the_web_annotation_model(annotated, tmp_path):
    _library, ids = annotated
    data = json.loads(export(tmp_path, "json").read_text(encoding="utf-8"))
    assert data["type"] == "AnnotationCollection" and data["total"] == 4
    items = {item["id"]: item for item in data["first"]["items"]}
    concept = items["urn:uuid:" + ids["concept"]]
    assert concept["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert concept["motivation"] == ["commenting", "bookmarking"]
    assert concept["target"]["source"] == f"urn:duizhao:doc:{GUOFA}"
    refined = {s["type"]: s for s in concept["target"]["selector"]["refinedBy"]}
    assert refined["TextQuoteSelector"]["exact"] == "科学发展观"
    assert refined["TextPositionSelector"] == {"type": "TextPositionSelector", "start": 6, "end": 11}
    assert [b["value"] for b in concept["body"] if b["purpose"] == "tagging"] == ["정책", "이념"]


def test_json_round_trips_through_import_notes(annotated, tmp_path, capsys):
    library, _ids = annotated
    before = {a.id: a for a in library.annotations.list()}
    out = export(tmp_path, "json")
    for annotation_id in before:
        library.annotations.delete(annotation_id)
    assert library.annotations.list() == []
    capsys.readouterr()
    assert main(["import-notes", str(out)]) == 0
    assert capsys.readouterr().out.strip() == "restored 4 annotations"
    after = {a.id: a for a in library.annotations.list()}
    assert len(after) == 4
    for old in before.values():
        new = next(a for a in after.values() if a.anchor == old.anchor)
        assert (new.doc_id, new.color, new.note, new.tags, new.starred) == (
            old.doc_id,
            old.color,
            old.note,
            old.tags,
            old.starred,
        )
    # Importing the same file again adds nothing.
    assert main(["import-notes", str(out)]) == 0
    assert "already present" in capsys.readouterr().out
    assert len(library.annotations.list()) == 4


def test_import_notes_into_a_fresh_library_keeps_ids(annotated, tmp_path, monkeypatch):
    library, ids = annotated
    original = {a.id: a for a in library.annotations.list()}
    out = export(tmp_path, "json")
    data = json.loads(out.read_text(encoding="utf-8"))
    data["first"]["items"][0]["modified"] = "not a time"  # a bad time is the import's time, not an error
    out.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    edited = data["first"]["items"][0]["id"].rsplit(":", 1)[1]
    monkeypatch.setenv("DUIZHAO_DATA_DIR", str(tmp_path / "other"))
    from reader.library import Library

    fresh = Library()
    try:
        fresh.import_corpus()
        assert main(["import-notes", str(out)]) == 0
        restored = {a.id: a for a in fresh.annotations.list()}
    finally:
        fresh.close()
    assert set(restored) == set(ids.values())
    # The times of the notes are kept, not reset to the import (issue 15, item 10).
    for ann_id, annotation in original.items():
        assert restored[ann_id].created == annotation.created
        if ann_id != edited:
            assert restored[ann_id].updated == annotation.updated
    assert restored[edited].updated >= restored[edited].created
    assert restored[ids["quoted"]].anchor.quote == "“两高”"
    assert restored[ids["quoted"]].doc_id == MANUFACTURING


def test_import_notes_keeps_what_it_cannot_place(annotated, tmp_path, capsys):
    library, _ids = annotated
    data = json.loads(export(tmp_path, "json", "--color", "blue").read_text(encoding="utf-8"))
    item = data["first"]["items"][0]
    item["id"] = "urn:uuid:00000000-0000-4000-8000-000000000001"
    for selector in item["target"]["selector"]["refinedBy"]:
        if selector["type"] == "TextQuoteSelector":
            selector.update(exact="这句话不在文件里面出现过", prefix="", suffix="")
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    capsys.readouterr()
    assert main(["import-notes", str(path)]) == 0
    assert "1 could not be placed" in capsys.readouterr().out
    orphan = library.annotations.get("00000000-0000-4000-8000-000000000001")
    assert orphan.orphaned and orphan.note == "정세 인식 부분."


@pytest.mark.parametrize(
    ("content", "message"),
    [("{not json", "not valid JSON"), ('{"type": "Nothing"}', "no Web Annotations found")],
)
def test_import_notes_bad_files_are_one_clear_line(library, tmp_path, capsys, content, message):
    path = tmp_path / "notes.json"
    path.write_text(content, encoding="utf-8")
    assert main(["import-notes", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"error: {path}: ") and message in err and "Traceback" not in err


def test_export_refuses_to_overwrite_without_force(annotated, tmp_path, capsys):
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "briefing.md"
    out.write_text("keep me", encoding="utf-8")
    assert main(["export", "--format", "md", "--out", str(out)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "keep me"
    assert main(["export", "--format", "md", "--out", str(out), "--force"]) == 0
    assert out.read_text(encoding="utf-8").startswith("# 검토 메모")
    assert [p.name for p in folder.iterdir()] == ["briefing.md"]  # no temporary file left


def test_empty_selection_writes_no_file(annotated, tmp_path, capsys):
    out = tmp_path / "empty.md"
    assert main(["export", "--format", "md", "--out", str(out), "--tag", "없는태그"]) == 1
    err = capsys.readouterr().err
    assert "no annotations to export" in err and "없는태그" in err
    assert not out.exists()


def test_export_into_a_missing_folder_is_a_clear_error(annotated, tmp_path, capsys):
    assert main(["export", "--format", "md", "--out", str(tmp_path / "nope" / "b.md")]) == 1
    assert "does not exist" in capsys.readouterr().err


def test_a_failing_writer_leaves_the_previous_file(tmp_path):
    from reader.export.atomic import write_atomically

    out = tmp_path / "b.md"
    out.write_text("previous", encoding="utf-8")

    def broken(path: Path) -> None:
        path.write_text("half a briefing", encoding="utf-8")
        raise RuntimeError("writer crashed")

    with pytest.raises(RuntimeError):
        write_atomically(out, broken, force=True)
    assert out.read_text(encoding="utf-8") == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["b.md"]


def test_korean_only_markdown_has_korean_headings_and_no_chinese_passages(annotated, tmp_path):
    text = export(tmp_path, "md", "--lang", "ko", "--doc", GUOFA).read_text(encoding="utf-8")
    assert "### 1. 전반적 요구" in text and "#### (1) 지도사항." in text
    assert "深入贯彻落实" not in text
    assert "> **과학발전관**을 심도 있게 관철한다." in text  # the Chinese term's emphasis carried over
    assert "출처: 国发〔2010〕28号 一（一） / 1.(1)" in text  # the citation keeps the original's number
