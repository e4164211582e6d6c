"""Where README promises one line: malformed notes files, an index path that is a
file, symlink loops, and the commands on a full disk."""

from __future__ import annotations

import json

import pytest

from reader import config
from reader.cli import main
from reader.library import Library
from tests.conftest import SEED_000

from .conftest import one_line_error, run_cli, snapshot


@pytest.fixture
def exported_notes(data_dir, tmp_path):
    library = Library()
    try:
        document = library.import_files([SEED_000], doc_id="g")
        library.annotations.annotate(document, "zh.p1.c1.s1", note="n")
    finally:
        library.close()
    path = tmp_path / "notes.json"
    assert main(["export", "--format", "json", "--out", str(path)]) == 0
    return json.loads(path.read_text(encoding="utf-8"))


def _one_line(capsys) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: ") and "Traceback" not in err, err
    return err


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('{"items": 5}', "no Web Annotations found"),
        ('{"first": {"items": "text"}}', "no Web Annotations found"),
        ('{"start": ' + "9" * 5000 + "}", "not usable JSON"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ("{", "not valid JSON"),
    ],
)
def test_malformed_notes_files_are_one_line(data_dir, tmp_path, capsys, content, expected):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    assert main(["import-notes", str(path)]) == 1
    assert expected in _one_line(capsys)


def test_a_folder_as_notes_file_is_one_line(data_dir, tmp_path, capsys):
    assert main(["import-notes", str(tmp_path)]) == 1
    assert "is a folder" in _one_line(capsys)


def test_odd_values_in_a_notes_file_are_refused_or_ignored(exported_notes, tmp_path, capsys):
    item = exported_notes["first"]["items"][0]
    huge, infinite, odd_quote = (json.loads(json.dumps(item)) for _ in range(3))
    for copy, n in ((huge, 1), (infinite, 2), (odd_quote, 3)):
        copy["id"] = f"urn:uuid:00000000-0000-4000-8000-00000000000{n}"
        copy["body"][0]["value"] = f"copy {n}"
    for copy, start in ((huge, 10**400), (infinite, 123456789)):
        for selector in copy["target"]["selector"]["refinedBy"]:
            if selector["type"] == "TextPositionSelector":
                selector["start"] = start
    for selector in odd_quote["target"]["selector"]["refinedBy"]:
        if selector["type"] == "TextQuoteSelector":
            selector["exact"] = {"a": 1}
    text = json.dumps([huge, infinite, odd_quote]).replace('"start": 123456789', '"start": 1e999')
    assert "1e999" in text and "9" * 400 not in text.replace("0", "")
    path = tmp_path / "odd.json"
    path.write_text(text, encoding="utf-8")
    assert main(["import-notes", str(path)]) == 0
    captured = capsys.readouterr()
    assert "exact quote is not text" in captured.err and "Traceback" not in captured.err
    library = Library()
    try:
        notes = sorted(a.note for a in library.annotations.list())
        quotes = {a.anchor.quote for a in library.annotations.list()}
    finally:
        library.close()
    assert notes == ["copy 1", "copy 2", "n"]
    assert "{'a': 1}" not in quotes


def test_an_index_path_that_is_a_file_is_one_line(exported_notes, capsys):
    config.index_dir().write_text("not a folder", encoding="utf-8")
    assert main(["search", "指导"]) == 1
    assert "is a file, not the search index folder" in _one_line(capsys)
    assert main(["reindex"]) == 1
    assert "is a file" in _one_line(capsys)


def test_a_symlink_loop_is_named_as_such(tmp_path, capsys):
    loop = tmp_path / "loop.txt"
    loop.symlink_to(tmp_path / "loop.txt")
    assert main(["import", str(loop)]) == 1
    assert "loops back on itself" in _one_line(capsys)
    dangling = tmp_path / "dangling.txt"
    dangling.symlink_to(tmp_path / "gone.txt")
    assert main(["import", str(dangling)]) == 1
    assert "symbolic link to a file that does not exist" in _one_line(capsys)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_text(tmp_path, capsys, encoding):
    path = tmp_path / "no-bom.txt"
    path.write_bytes(SEED_000.read_text(encoding="utf-8").encode(encoding))
    assert main(["import", str(path), "--id", "u"]) == 0, capsys.readouterr().err
    library = Library()
    try:
        assert len(library.documents.get("u").units("zh")) > 100
    finally:
        library.close()


def test_japanese_is_imported_with_a_warning(tmp_path, capsys):
    path = tmp_path / "ja.txt"
    path.write_text(
        "産業移転に関する指導意見\n\n一、全体の要求\n\n（一）指導思想。科学的発展観を深く貫徹し、産業の秩序ある移転を推進する。"
        "地域の比較優位を発揮し、環境を保護しながら、新しい産業の発展を導くことが重要である。\n",
        encoding="utf-8",
    )
    assert main(["import", str(path), "--id", "ja"]) == 0
    captured = capsys.readouterr()
    assert captured.out.strip() == "ja"
    assert "looks Japanese" in captured.err and captured.err.count("\n") == 1


def test_a_chinese_import_has_no_language_warning(capsys):
    from reader.align.embeddings import encoder_notice

    assert main(["import", str(SEED_000)]) == 0
    # nothing but the line that says the sentence encoder is off (the suite runs without it)
    assert capsys.readouterr().err == encoder_notice() + "\n"


def test_every_command_on_a_full_disk_is_one_line_and_changes_nothing(small_disk, monkeypatch, tmp_path):
    data = small_disk.path / "data"
    monkeypatch.setenv("DUIZHAO_DATA_DIR", str(data))
    library = Library()
    try:
        document = library.import_files([SEED_000], doc_id="g")
        library.annotations.annotate(document, "zh.p1.c1.s1", note="kept")
    finally:
        library.close()
    assert main(["backup"]) == 0
    small_disk.fill()
    before = snapshot(data)
    other = tmp_path / "other.txt"
    other.write_text(SEED_000.read_text(encoding="utf-8").replace("国务院", "省政府"), encoding="utf-8")
    commands = [
        ["import", str(other), "--id", "o"],
        ["annotate", "g", "zh.p1.c1.s2", "--note", "no room"],
        ["backup"],
        ["reindex"],
        ["search", "指导思想"],
        ["export", "--format", "docx", "--out", str(small_disk.path / "briefing.docx")],
    ]
    for command in commands:
        done = run_cli(data, *command)
        line = one_line_error(done)
        assert "disk is full" in line or "No space left" in line, (command, line)
        assert snapshot(data) == before, command
    assert not list(small_disk.path.rglob("*.part")) and not list(small_disk.path.rglob(".briefing.*"))
    small_disk.free()
    library = Library()
    try:
        assert [a.note for a in library.annotations.list()] == ["kept"]
        assert [d["id"] for d in library.documents.list()] == ["g"]
    finally:
        library.close()
