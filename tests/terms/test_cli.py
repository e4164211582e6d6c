"""glossary, lookup and qa --json: the command-line contracts."""

from __future__ import annotations

import json

import pytest

from reader.cli import main
from tests.conftest import SEED_000


@pytest.fixture
def imported(data_dir, capsys):
    assert main(["import", str(SEED_000), "--id", "guofa"]) == 0
    capsys.readouterr()
    return "guofa"


def run_json(capsys, *args):
    capsys.readouterr()
    assert main(list(args)) == 0
    return json.loads(capsys.readouterr().out)


def test_glossary_json_contract(imported, capsys):
    entries = run_json(capsys, "glossary", "--json", "--limit", "20")
    assert len(entries) == 20
    assert entries[0]["zh"] == "产业"
    for entry in entries:
        assert set(entry) == {"zh", "reading", "renderings", "documents"}
        assert entry["documents"] == ["guofa"]
        for rendering in entry["renderings"]:
            assert set(rendering) == {"ko", "count", "preferred"}
    assert any(e["zh"] == "产业转移" and e["renderings"][0]["ko"] == "산업이전" for e in entries)


def test_glossary_term_and_doc_filters(imported, capsys):
    entries = run_json(capsys, "glossary", "--term", "产业转移", "--doc", "guofa", "--json")
    assert entries and all("产业转移" in e["zh"] for e in entries)


def test_lookup_json_contract(imported, capsys):
    found = run_json(capsys, "lookup", "产业转移", "--json")
    assert found["word"] == "产业转移"
    assert found["traditional"] == "產業轉移"
    assert found["reading"] == "산업전이"
    assert found["pinyin"] == "chǎn yè zhuǎn yí"
    assert found["renderings"][0] == {"ko": "산업이전", "count": found["renderings"][0]["count"]}
    assert 1 <= len(found["examples"]) <= 3
    assert set(found["examples"][0]) == {"zh", "ko", "doc", "segment_id"}


def test_lookup_of_a_word_the_library_lacks(imported, capsys):
    found = run_json(capsys, "lookup", "新质生产力", "--json")
    assert found["reading"] == "신질생산력"
    assert found["renderings"] == [] and found["examples"] == []


def test_preferred_rendering_and_term_base(imported, capsys):
    assert main(["glossary", "--prefer", "区域", "구역"]) == 0
    entries = run_json(capsys, "glossary", "--term", "区域", "--json")
    entry = next(e for e in entries if e["zh"] == "区域")
    assert entry["renderings"][0] == {"ko": "구역", "count": entry["renderings"][0]["count"], "preferred": True}
    assert main(["glossary", "--add", "新质生产力", "신질생산력"]) == 0
    entries = run_json(capsys, "glossary", "--term", "新质生产力", "--json")
    assert entries[0]["renderings"][0]["ko"] == "신질생산력"


def test_qa_json_has_findings_and_verdicts_survive_realignment(imported, capsys):
    report = run_json(capsys, "qa", "guofa", "--json")
    findings = report["findings"]
    assert findings and {"kind", "zh_term", "ko_term", "zh_id", "ko_id", "message", "suggestion", "confidence"} <= set(
        findings[0]
    )
    target = next(f for f in findings if f["kind"] == "untranslated_chinese")
    assert main(["qa", "guofa", "--dismiss", target["key"]]) == 0
    assert main(["align", "guofa"]) == 0
    after = run_json(capsys, "qa", "guofa", "--json")["findings"]
    assert target["key"] not in {f["key"] for f in after}
    assert len(after) == len(findings) - 1
    every = run_json(capsys, "qa", "guofa", "--json", "--all")["findings"]
    assert next(f for f in every if f["key"] == target["key"])["decision"] == "dismissed"
    # and through a re-import of the same text
    assert main(["import", str(SEED_000), "--replace", "guofa"]) == 0
    again = run_json(capsys, "qa", "guofa", "--json")["findings"]
    assert target["key"] not in {f["key"] for f in again}


def test_qa_unknown_finding_is_one_line(imported, capsys):
    assert main(["qa", "guofa", "--dismiss", "nope"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no finding" in err


def test_glossary_exports_round_trip_into_the_term_base(imported, tmp_path, capsys):
    csv_path, tbx_path = tmp_path / "g.csv", tmp_path / "g.tbx"
    assert main(["glossary", "--limit", "10", "--export", str(csv_path)]) == 0
    assert main(["glossary", "--limit", "10", "--export", str(tbx_path)]) == 0
    assert csv_path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert main(["glossary", "--export", str(csv_path)]) == 1  # exists: needs --force
    from reader.terms.exchange import read_terms

    csv_rows = {(r.zh, r.ko) for r in read_terms(csv_path)}
    tbx_rows = {(r.zh, r.ko) for r in read_terms(tbx_path)}
    assert ("产业", "산업") in csv_rows and csv_rows == tbx_rows
    assert main(["glossary", "--import", str(tbx_path)]) == 0
    from reader.library import Library

    library = Library()
    try:
        assert ("产业", "산업") in {(t["zh"], t["ko"]) for t in library.terms.term_base()}
    finally:
        library.close()


def test_import_of_a_damaged_tbx_is_one_line(imported, tmp_path, capsys):
    bad = tmp_path / "bad.tbx"
    bad.write_text("<tbx><text><body><conceptEntry>", encoding="utf-8")
    assert main(["glossary", "--import", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "bad.tbx" in err and err.count("\n") == 1
