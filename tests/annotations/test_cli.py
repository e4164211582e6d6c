"""`annotate` and `notes`: the command-line contract, JSON shape included."""

from __future__ import annotations

import io
import json

import pytest

from reader.cli import main


@pytest.fixture
def doc(seeded):
    return seeded[1]


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_annotate_prints_the_id_and_notes_json_has_the_documented_shape(doc, capsys):
    code, out, _ = _run(
        capsys, "annotate", "g", "zh.p1.c1.s2", "--quote", "提高自主创新能力", "--color", "green",
        "--note", "**핵심**", "--tag", "혁신", "policy", "--tag", "2010", "--star",
    )  # fmt: skip
    assert code == 0
    ann_id = out.strip()
    assert len(ann_id) == 36 and out.count("\n") == 1

    code, out, _ = _run(capsys, "notes", "--json")
    assert code == 0
    items = json.loads(out)
    assert len(items) == 1
    item = items[0]
    assert set(item) == {"id", "doc_id", "state", "color", "note", "tags", "starred", "created", "updated", "anchor"}
    assert set(item["anchor"]) == {"segment_id", "lang", "quote", "prefix", "suffix", "start", "end"}
    assert item["id"] == ann_id
    assert item["doc_id"] == "g"
    assert (item["state"], item["color"], item["note"], item["starred"]) == ("anchored", "green", "**핵심**", True)
    assert item["tags"] == ["혁신", "policy", "2010"]
    anchor = item["anchor"]
    assert anchor["quote"] == "提高自主创新能力" and anchor["lang"] == "zh"
    segment = next(s for s in doc.segments if s.id == anchor["segment_id"])
    assert segment.text[anchor["start"] : anchor["end"]] == "提高自主创新能力"
    assert anchor["prefix"].endswith("着力在承接中发展，") and anchor["suffix"].startswith("，促进产业优化升级")


def test_notes_filters_by_document_and_tag(seeded, capsys, tmp_path):
    library, _ = seeded
    from tests.conftest import SEED_002

    library.import_files([SEED_002], doc_id="m")
    _, first, _ = _run(capsys, "annotate", "g", "ko.p1.c1.s1", "--tag", "A")
    code, second, _ = _run(capsys, "annotate", "m", "zh.p1.g1.s1", "--tag", "b", "--note", "second")
    assert code == 0
    ids = lambda out: [item["id"] for item in json.loads(out)]  # noqa: E731
    assert ids(_run(capsys, "notes", "--json", "--doc", "m")[1]) == [second.strip()]
    assert ids(_run(capsys, "notes", "--json", "--tag", "a")[1]) == [first.strip()]
    assert ids(_run(capsys, "notes", "--json", "--doc", "g", "--tag", "b")[1]) == []
    code, out, _ = _run(capsys, "notes")
    assert code == 0
    assert first.strip() in out and second.strip() in out and "second" in out and "#A" in out


def test_note_from_standard_input(doc, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("첫째 줄\n- 둘째 줄\n"))
    code, out, _ = _run(capsys, "annotate", "g", "zh.p1.c1.s1", "--note", "-")
    assert code == 0
    assert out.strip() == json.loads(_run(capsys, "notes", "--json")[1])[0]["id"]
    item = json.loads(_run(capsys, "notes", "--json")[1])[0]
    assert item["note"] == "첫째 줄\n- 둘째 줄\n"


def test_errors_are_one_line_without_traceback(doc, capsys):
    code, out, err = _run(capsys, "annotate", "g", "zh.p9.c9.s9")
    assert code == 1 and out == ""
    assert err.startswith("error: document g has no segment") and err.count("\n") == 1
    code, _, err = _run(capsys, "annotate", "nosuchdoc", "zh.p1.c1.s1")
    assert code == 1 and "no document matches" in err
    code, _, err = _run(capsys, "annotate", "g", "zh.p1.c1.s1", "--quote", "不存在的话")
    assert code == 1 and "does not contain" in err
    code, _, err = _run(capsys, "notes", "--doc", "nosuchdoc")
    assert code == 1 and "no document matches" in err


def test_empty_library_says_so(capsys):
    code, out, _ = _run(capsys, "notes")
    assert code == 0 and out.strip() == "No annotations."
    assert json.loads(_run(capsys, "notes", "--json")[1]) == []
