"""The ``compare`` command: its JSON is a contract."""

from __future__ import annotations

import json

from reader.cli import main
from tests.conftest import SEED_000, SEED_002


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _revised(tmp_path):
    text = SEED_000.read_text(encoding="utf-8")
    old = "在有条件的地区适当承接发展技术水平先进的高载能产业。"
    assert old in text
    path = tmp_path / "guofa-revised.txt"
    path.write_text(text.replace(old, "在有条件的地区有序承接发展技术水平先进的高载能产业。"), encoding="utf-8")
    return path


def test_compare_json_contract(capsys, tmp_path):
    assert run(capsys, "import", str(SEED_000), "--id", "old")[0] == 0
    assert run(capsys, "import", str(_revised(tmp_path)), "--id", "new")[0] == 0
    code, out, err = run(capsys, "compare", "old", "new", "--json")
    assert code == 0, err
    result = json.loads(out)
    assert (result["a"], result["b"]) == ("old", "new")
    pairs = result["pairs"]
    assert {"a_ids", "b_ids", "a_text", "b_text", "status", "similarity", "diff"} <= set(pairs[0])
    reworded = [p for p in pairs if p["status"] != "continued"]
    assert len(reworded) == 1
    assert reworded[0]["status"] == "reworded"
    assert reworded[0]["diff"] == [
        ["equal", "在有条件的地区"],
        ["delete", "适当"],
        ["insert", "有序"],
        ["equal", "承接发展技术水平先进的高载能产业。"],
    ]
    assert 0.5 < reworded[0]["similarity"] < 1.0
    assert all(p["diff"] == [["equal", p["a_text"]]] for p in pairs if p["status"] == "continued")
    assert result["counts"]["continued"] == len(pairs) - 1


def test_compare_successor_policy_in_reading_order_of_b(capsys):
    run(capsys, "import", str(SEED_000), "--id", "guofa")
    run(capsys, "import", str(SEED_002), "--id", "successor")
    code, out, _ = run(capsys, "compare", "guofa", "successor", "--json")
    assert code == 0
    pairs = json.loads(out)["pairs"]
    b_ids = [p["b_ids"][0] for p in pairs if p["b_ids"]]
    _code, shown, _ = run(capsys, "show", "successor", "--json")
    units = [s["id"] for s in json.loads(shown)["segments"] if s["lang"] == "zh" and s["text"]]
    assert sorted(b_ids, key=units.index) == b_ids  # reading order of B (moved pairs included)
    assert set(b_ids) == set(units)
    dropped = [p for p in pairs if p["status"] == "dropped"]
    assert dropped and all(p["b_ids"] == [] and p["diff"][0][0] == "delete" for p in dropped)


def test_compare_plain_listing_and_errors(capsys):
    run(capsys, "import", str(SEED_002), "--id", "successor")
    code, out, _ = run(capsys, "compare", "successor", "successor")
    assert code == 0
    assert out.splitlines()[0].startswith("= continued")
    lines = out.splitlines()
    assert lines[-1] == f"{len(lines) - 1} continued, 0 reworded, 0 moved, 0 new, 0 dropped"
    code, _, err = run(capsys, "compare", "successor", "successor", "--lang", "ko")
    assert code == 1 and err.strip() == "error: successor has no Korean text to compare"
    code, _, err = run(capsys, "compare", "successor", "nothing")
    assert code == 1 and "no document matches 'nothing'" in err


def test_compare_export_writes_a_table_parsed_back(capsys, tmp_path):
    from docx import Document as DocxDocument

    assert run(capsys, "import", str(SEED_000), "--id", "old")[0] == 0
    assert run(capsys, "import", str(_revised(tmp_path)), "--replace", "old")[0] == 0
    out = tmp_path / "table.docx"
    code, printed, err = run(capsys, "compare", "old@1", "old", "--export", str(out))
    assert code == 0, err
    assert printed.strip() == f"wrote the comparison of old@1 and old to {out}"
    cells = [cell for table in DocxDocument(str(out)).tables for row in table.rows for cell in row.cells]
    struck = {run.text for cell in cells for p in cell.paragraphs for run in p.runs if run.font.strike}
    underlined = {run.text for cell in cells for p in cell.paragraphs for run in p.runs if run.font.underline}
    assert "适当" in struck and "有序" in underlined
    # The format follows the suffix unless given; a suffix that says another format is refused.
    code, _, err = run(capsys, "compare", "old@1", "old", "--export", str(tmp_path / "t"))
    assert code == 1 and "say the format with --format" in err
    code, _, err = run(capsys, "compare", "old@1", "old", "--export", str(out), "--format", "pdf", "--force")
    assert code == 1 and err.startswith("error: ") and len(err.strip().splitlines()) == 1
