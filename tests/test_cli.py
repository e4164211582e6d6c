"""The command-line contract: import, list, show, errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from reader import __version__
from reader.cli import main
from tests.conftest import ROOT, SEED_000, SEED_002


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_version():
    result = subprocess.run([sys.executable, "-m", "reader", "--version"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0
    assert result.stdout.strip() == f"Duizhao {__version__}"


def test_import_list_show(capsys):
    code, out, _ = run(capsys, "import", str(SEED_000), "--id", "guofa")
    assert (code, out.strip()) == (0, "guofa")
    code, out, _ = run(capsys, "import", str(SEED_002))
    assert (code, out.strip()) == (0, "002_5c24a0fd9a7772f6")
    code, out, _ = run(capsys, "list", "--json")
    listed = json.loads(out)
    assert [d["id"] for d in listed] == ["guofa", "002_5c24a0fd9a7772f6"]
    assert listed[0]["languages"] == ["zh", "ko"]
    code, out, _ = run(capsys, "show", "guofa", "--json")
    shown = json.loads(out)
    assert shown["document"]["doc_number"] == "国发〔2010〕28号"
    assert shown["document"]["languages"] == ["zh", "ko"]
    first = shown["segments"][0]
    assert set(first) == {"id", "lang", "kind", "label", "text", "parent"}
    assert (first["kind"], first["text"]) == ("title", "国务院关于中西部地区承接产业转移的指导意见")
    clauses = [s for s in shown["segments"] if s["kind"] == "clause"]
    assert len(clauses) == 60
    assert {s["label"] for s in clauses if s["lang"] == "ko"} >= {"(1)", "(30)"}
    # The number is the label and stays in the text.
    assert (clauses[0]["label"], clauses[0]["text"]) == ("（一）", "（一）指导思想。")
    assert all(s["text"].startswith(s["label"]) for s in shown["segments"] if s["label"] and s["text"])


def test_translation_of(capsys, tmp_path):
    text = SEED_000.read_text(encoding="utf-8")
    split = text.index("国务院关于")
    zh, ko = tmp_path / "zh.txt", tmp_path / "ko.txt"
    zh.write_text(text[split:], encoding="utf-8")
    ko.write_text(text[:split], encoding="utf-8")
    _, out, _ = run(capsys, "import", str(zh))
    doc = out.strip()
    code, out, _ = run(capsys, "import", str(ko), "--translation-of", doc)
    assert (code, out.strip()) == (0, doc)
    _, out, _ = run(capsys, "show", doc, "--json")
    assert json.loads(out)["document"]["languages"] == ["zh", "ko"]


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("missing.txt", None, "no such file"),
        ("empty.txt", b"", "empty file"),
        ("binary.txt", b"\x00\x01\x02\x03" * 100, "binary file"),
        ("noise.txt", bytes(range(128, 256)) * 20, "cannot tell the encoding"),
        ("latin.txt", b"Just some English text.\n", "no Chinese or Korean text"),
    ],
)
def test_bad_input_is_one_line_and_imports_nothing(tmp_path, name, content, problem):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    result = subprocess.run(
        [sys.executable, "-m", "reader", "import", str(path)], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0] == f"error: {path}: {problem}" or lines[0].startswith(f"error: {path}: {problem}")
    listed = subprocess.run(
        [sys.executable, "-m", "reader", "list", "--json"], capture_output=True, text=True, cwd=ROOT
    )
    assert json.loads(listed.stdout) == []


def test_unknown_document(capsys):
    code, _out, err = run(capsys, "show", "nothing-here", "--json")
    assert code == 1
    assert "no document matches 'nothing-here'" in err
