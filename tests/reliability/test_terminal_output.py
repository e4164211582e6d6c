"""Human-readable CLI output never passes control sequences from the library to the
terminal; JSON output keeps the text as it is (escaped by JSON)."""

from __future__ import annotations

import json

from reader.cli import main
from reader.library import Library
from tests.conftest import SEED_000

RETITLE = "\x1b]0;pwned\x07"
CLEAR = "\x1b[2J"


def _library_with_escapes(data_dir) -> str:
    """Returns the text of the sentence that now carries escape sequences."""
    library = Library()
    try:
        document = library.import_files([SEED_000], doc_id="g")
        annotation = library.annotations.annotate(document, "zh.p1.c1.s1", note="ok", tags=["t"])
        # As a library written before imports stripped control characters would hold them.
        segment = document.find_segment("zh.p1.c1.s1")
        library.db.execute(
            "UPDATE segments SET text = ? WHERE doc_id = 'g' AND id = ?", [CLEAR + segment.text + RETITLE, segment.id]
        )
        library.db.execute(
            "UPDATE annotations SET note = ?, quote = ? WHERE id = ?",
            [f"line one {RETITLE}\nline two {CLEAR}\u202eevil", CLEAR + annotation.anchor.quote, annotation.id],
        )
        library.db.execute("UPDATE documents SET title = ? WHERE id = 'g'", [f"two\nlines {RETITLE}"])
    finally:
        library.close()
    return segment.text


def test_notes_search_list_and_show_escape_control_characters(data_dir, capsys):
    sentence = _library_with_escapes(data_dir)
    assert main(["reindex"]) == 0
    capsys.readouterr()
    for command in (["notes"], ["search", f'"{sentence[:8]}"', "--doc", "g"], ["list"], ["show", "g"]):
        assert main(command) == 0
        out = capsys.readouterr().out
        assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out, command
        assert "\\x1b" in out, command  # shown, not hidden
    assert main(["list"]) == 0
    assert len(capsys.readouterr().out.strip().splitlines()) == 1  # one line per document


def test_json_output_keeps_the_text(data_dir, capsys):
    _library_with_escapes(data_dir)
    capsys.readouterr()
    assert main(["notes", "--json"]) == 0
    (item,) = json.loads(capsys.readouterr().out)
    assert RETITLE in item["note"]


def test_an_error_quoting_a_hostile_file_name_is_one_line(tmp_path, capsys):
    name = tmp_path / f"bad\nname{CLEAR}.txt"
    assert main(["import", str(name)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "\x1b" not in err and "no such file" in err


def test_glossary_and_lookup_escape_control_characters(data_dir, capsys):
    assert main(["glossary", "--add", f"政策{CLEAR}", f"정책{RETITLE}"]) == 0
    capsys.readouterr()
    for command in (["glossary"], ["lookup", f"政策{CLEAR}"]):
        assert main(command) == 0
        out = capsys.readouterr().out
        assert "\x1b" not in out and "\x07" not in out, command
        assert "\\x1b" in out, command  # shown, not hidden
