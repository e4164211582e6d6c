"""import-notes keeps distinct annotations apart: duplicates by id and full content,
conflicts (same id, other content) reported and kept, never dropped."""

from __future__ import annotations

import json

import pytest

from reader.cli import main
from reader.library import Library
from tests.conftest import SEED_000


@pytest.fixture
def library_with_three_on_one_span(data_dir):
    library = Library()
    try:
        document = library.import_files([SEED_000], doc_id="g")
        for color, tags, star in (("yellow", ["a"], False), ("green", ["b"], True), ("blue", [], False)):
            library.annotations.annotate(document, "zh.p1.c1.s1", color=color, tags=tags, starred=star)
    finally:
        library.close()


def _notes():
    library = Library()
    try:
        return sorted((a.color, a.tags, a.starred, a.note) for a in library.annotations.list())
    finally:
        library.close()


def _wipe_annotations():
    library = Library()
    try:
        library.db.execute("DELETE FROM annotations")
    finally:
        library.close()


def test_three_highlights_on_one_span_come_back_as_three(library_with_three_on_one_span, tmp_path, capsys):
    exported = tmp_path / "notes.json"
    assert main(["export", "--format", "json", "--out", str(exported)]) == 0
    before = _notes()
    assert len(before) == 3
    _wipe_annotations()
    assert main(["import-notes", str(exported)]) == 0
    assert "restored 3 annotations" in capsys.readouterr().out
    assert _notes() == before
    # Again: now every one is already present, nothing doubles.
    assert main(["import-notes", str(exported)]) == 0
    assert "3 already present" in capsys.readouterr().out
    assert _notes() == before


def test_same_id_with_other_content_is_a_reported_conflict(library_with_three_on_one_span, tmp_path, capsys):
    exported = tmp_path / "notes.json"
    assert main(["export", "--format", "json", "--out", str(exported)]) == 0
    data = json.loads(exported.read_text(encoding="utf-8"))
    first = data["first"]["items"][0]
    twin = json.loads(json.dumps(first))
    first["body"].insert(0, {"type": "TextualBody", "purpose": "commenting", "value": "first note"})
    twin["body"].insert(0, {"type": "TextualBody", "purpose": "commenting", "value": "second note"})
    data["first"]["items"] = [first, twin]
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    _wipe_annotations()
    capsys.readouterr()
    assert main(["import-notes", str(edited)]) == 0
    captured = capsys.readouterr()
    assert "1 conflict" in captured.out
    assert "different note" in captured.err and first["id"].split(":")[-1] in captured.err
    assert sorted(n[3] for n in _notes()) == ["first note", "second note"]
