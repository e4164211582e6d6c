"""The CLI never writes an export over the library's own files, and backs up before
a command that replaces what is stored."""

from __future__ import annotations

import os

import pytest

from reader import config
from reader.cli import main
from reader.library import Library
from reader.store import backup
from tests.conftest import SEED_000, SEED_002


@pytest.fixture
def annotated(data_dir):
    library = Library()
    try:
        document = library.import_files([SEED_000], doc_id="g")
        library.annotations.annotate(document, "zh.p1.c1.s1", note="live")
    finally:
        library.close()
    return data_dir


@pytest.mark.parametrize(
    "target",
    ["duizhao.sqlite3", "duizhao.sqlite3-wal", "backups/latest.md", "index/stamp.json", "new-folder-inside.md"],
)
def test_export_refuses_any_target_inside_the_data_directory(annotated, capsys, target):
    (annotated / "backups").mkdir(exist_ok=True)
    (annotated / "index").mkdir(exist_ok=True)
    db_before = config.database_path().read_bytes()
    for fmt in ("json", "md", "docx"):
        code = main(["export", "--format", fmt, "--out", str(annotated / target), "--force"])
        err = capsys.readouterr().err
        assert code == 1 and "inside the data directory" in err and err.count("\n") == 1, err
    assert config.database_path().read_bytes() == db_before
    assert not (annotated / "new-folder-inside.md").exists()
    library = Library()
    try:
        assert [a.note for a in library.annotations.list()] == ["live"]
    finally:
        library.close()


def test_a_symlink_into_the_data_directory_is_refused_too(annotated, tmp_path, capsys):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "db.json").symlink_to(config.database_path())
    os.symlink(annotated, outside / "data-link")
    before = config.database_path().read_bytes()
    for target in (outside / "db.json", outside / "data-link" / "duizhao.sqlite3"):
        assert main(["export", "--format", "json", "--out", str(target), "--force"]) == 1
        assert "inside the data directory" in capsys.readouterr().err
    assert config.database_path().read_bytes() == before
    assert main(["export", "--format", "json", "--out", str(outside / "fine.json")]) == 0


@pytest.mark.parametrize(
    "command",
    [
        ["import", str(SEED_000), "--replace", "g"],
        ["import", str(SEED_002), "--translation-of", "m"],
        ["align", "g"],
        ["import-notes", "NOTES"],
        ["restore"],
    ],
)
def test_destructive_commands_back_up_first(annotated, tmp_path, capsys, command):
    library = Library()
    try:
        library.import_files([SEED_002], doc_id="m")
    finally:
        library.close()
    notes = tmp_path / "notes.json"
    assert main(["export", "--format", "json", "--out", str(notes)]) == 0
    if command == ["restore"]:
        assert main(["backup"]) == 0
    capsys.readouterr()
    before = backup.list_backups(config.backup_dir())
    library = Library()
    try:
        library.annotations.annotate(library.documents.get("g"), "zh.p1.c1.s2", note="newest, in no backup yet")
    finally:
        library.close()
    args = [str(notes) if a == "NOTES" else a for a in command]
    main(args)
    made = [p for p in backup.list_backups(config.backup_dir()) if p not in before]
    assert len(made) == 1, command
    restored = Library(made[0])
    try:
        assert "newest, in no backup yet" in [a.note for a in restored.annotations.list()]
    finally:
        restored.close()
