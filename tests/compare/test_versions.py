"""Versions: ``import --replace`` keeps the old text; ``DOC@N`` reads it; versions can be named and deleted."""

from __future__ import annotations

import json
import sqlite3

import pytest

from reader.cli import main
from reader.store import database
from reader.store.database import MIGRATIONS
from tests.conftest import SEED_000

OLD = "在有条件的地区适当承接发展技术水平先进的高载能产业。"
NEW = "在有条件的地区有序承接发展技术水平先进的高载能产业。"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def two_versions(capsys, tmp_path):
    text = SEED_000.read_text(encoding="utf-8")
    assert OLD in text
    revised = tmp_path / "revised.txt"
    revised.write_text(text.replace(OLD, NEW), encoding="utf-8")
    assert run(capsys, "import", str(SEED_000), "--id", "guofa")[0] == 0
    code, out, err = run(capsys, "import", str(revised), "--replace", "guofa", "--label", "正式稿")
    assert (code, out.strip()) == (0, "guofa"), err
    return revised


def _texts(capsys, ref):
    code, out, err = run(capsys, "show", ref, "--json")
    assert code == 0, err
    return [s["text"] for s in json.loads(out)["segments"]]


def test_replace_keeps_the_old_version(capsys, two_versions):
    code, out, _ = run(capsys, "versions", "guofa", "--json")
    versions = json.loads(out)
    assert [(v["version"], v["ref"], v["label"], v["current"]) for v in versions] == [
        (1, "guofa@1", "", False),
        (2, "guofa@2", "正式稿", True),
    ]
    assert versions[0]["sources"][0].endswith(SEED_000.name)
    assert versions[1]["sources"][0].endswith(two_versions.name)
    assert versions[0]["imported_at"] <= versions[1]["imported_at"]
    assert OLD in _texts(capsys, "guofa@1") and NEW not in _texts(capsys, "guofa@1")
    assert NEW in _texts(capsys, "guofa") and NEW in _texts(capsys, "guofa@2")
    code, out, _ = run(capsys, "show", "guofa@1", "--json")
    assert json.loads(out)["document"]["id"] == "guofa@1"
    code, out, _ = run(capsys, "compare", "guofa@1", "guofa", "--json")
    changed = [p for p in json.loads(out)["pairs"] if p["status"] != "continued"]
    assert [(p["a_text"], p["b_text"], p["status"]) for p in changed] == [(OLD, NEW, "reworded")]
    # The earlier version keeps the alignment it had: the review report reads it.
    code, out, err = run(capsys, "qa", "guofa@1", "--json")
    assert code == 0, err


def test_notes_follow_the_new_version_and_old_versions_are_read_only(capsys, tmp_path):
    text = SEED_000.read_text(encoding="utf-8")
    run(capsys, "import", str(SEED_000), "--id", "guofa")
    code, out, _ = run(capsys, "show", "guofa", "--json")
    title = next(s for s in json.loads(out)["segments"] if s["kind"] == "title" and s["lang"] == "zh")
    code, out, _ = run(capsys, "annotate", "guofa", title["id"], "--note", "제목")
    assert code == 0
    revised = tmp_path / "revised.txt"
    revised.write_text(text.replace(OLD, NEW), encoding="utf-8")
    run(capsys, "import", str(revised), "--replace", "guofa")
    code, out, _ = run(capsys, "notes", "--doc", "guofa", "--json")
    notes = json.loads(out)
    assert [n["note"] for n in notes] == ["제목"] and notes[0]["state"] != "orphaned"
    refused = "error: guofa@1 is an earlier version: it can be read and compared, not changed"
    for argv in (
        ("meta", "guofa@1", "--title", "x"),
        ("annotate", "guofa@1", title["id"], "--note", "x"),
        ("align", "guofa@1"),
        ("import", str(revised), "--replace", "guofa@1"),
    ):
        code, _, err = run(capsys, *argv)
        assert (code, err.strip()) == (1, refused), argv
    code, _, err = run(capsys, "show", "guofa@7")
    assert (code, err.strip()) == (1, "error: guofa has no version 7 (see `python -m reader versions guofa`)")


def test_label_and_delete_versions(capsys, two_versions):
    code, out, _ = run(capsys, "versions", "guofa@1", "--label", "征求意见稿")
    assert code == 0 and "征求意见稿" in out.splitlines()[0]
    # Deleting the current version makes the one before it current again.
    code, out, err = run(capsys, "versions", "guofa@2", "--delete")
    assert code == 0, err
    assert out.splitlines() and len(out.splitlines()) == 1 and out.startswith("* guofa@1")
    assert OLD in _texts(capsys, "guofa") and NEW not in _texts(capsys, "guofa")
    code, _, err = run(capsys, "versions", "guofa@1", "--delete")
    assert (code, err.strip()) == (1, "error: guofa@1 is the only version of guofa: delete the document instead")
    # Deleting an earlier version leaves the current text alone.
    run(capsys, "import", str(two_versions), "--replace", "guofa")
    code, out, _ = run(capsys, "versions", "guofa@1", "--delete")
    assert code == 0 and [line.split("\t")[0] for line in out.splitlines()] == ["* guofa@2"]
    assert NEW in _texts(capsys, "guofa")
    code, _, err = run(capsys, "show", "guofa@1")
    assert code == 1 and "has no version 1" in err


def test_ids_cannot_contain_the_version_mark(capsys):
    code, _, err = run(capsys, "import", str(SEED_000), "--id", "a@1")
    assert code == 1 and "cannot contain @" in err


def test_documents_stored_before_versions_become_version_one(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    db = database.Database(sqlite3.connect(path, isolation_level=None))
    before = MIGRATIONS.index(database._versions)
    for number, migration in enumerate(MIGRATIONS[:before]):
        migration(db)
        db.execute(f"PRAGMA user_version = {number + 1}")
    db.execute(
        "INSERT INTO documents (id, title, languages, sources, imported_at) VALUES ('old', 't', '[\"zh\"]', '[\"a.txt\"]', '2020-01-01')"
    )
    db.conn.commit()
    db.close()
    from reader.library import Library

    library = Library(path)
    try:
        versions = library.versions("old")
    finally:
        library.close()
    assert [(v.ref, v.imported_at, v.sources, v.current) for v in versions] == [
        ("old@1", "2020-01-01", ("a.txt",), True)
    ]


def test_version_and_compare_errors_have_a_template_for_the_gui(library, tmp_path):
    from reader.compare import compare
    from reader.errors import DuizhaoError
    from reader.ui.messages import template_of

    text = SEED_000.read_text(encoding="utf-8")
    chinese = tmp_path / "zh.txt"
    chinese.write_text(text[text.index("国务院关于") :], encoding="utf-8")
    library.import_files([chinese], doc_id="zh")
    messages = []
    for attempt in (
        lambda: library.versions("zh@4"),
        lambda: library.delete_version("zh@1"),
        lambda: compare(library, "zh", "zh", lang="ko"),
    ):
        with pytest.raises(DuizhaoError) as raised:
            attempt()
        messages.append(str(raised.value))
    library.reimport("zh", [chinese])
    with pytest.raises(DuizhaoError) as raised:
        library.describe("zh@1", title="x")
    messages.append(str(raised.value))
    assert [bool(template_of(m)) for m in messages] == [True] * 4, messages


def test_deleting_a_document_deletes_its_versions(library, tmp_path):
    text = SEED_000.read_text(encoding="utf-8")
    revised = tmp_path / "revised.txt"
    revised.write_text(text.replace(OLD, NEW), encoding="utf-8")
    library.import_files([SEED_000], doc_id="guofa")
    library.reimport("guofa", [revised], label="正式稿")
    assert [v.label for v in library.versions("guofa")] == ["", "正式稿"]
    assert library.links.get("guofa@1")  # the earlier version's alignment is kept with it
    library.delete("guofa")
    assert library.db.execute("SELECT COUNT(*) FROM versions").fetchone()[0] == 0
