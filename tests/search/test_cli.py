"""`python -m reader search` and `reindex`: the JSON contract and the plain output."""

from __future__ import annotations

import json
import subprocess
import sys

from reader.cli import main

from .conftest import SEED_000_ID, SEED_002_ID


def _search_json(capsys, *args: str) -> dict:
    assert main(["search", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_search_json_hits_carry_the_contract_fields(corpus_library, capsys):
    out = _search_json(capsys, "產業轉移", "--lang", "zh", "--limit", "5")
    assert out["query"] == "產業轉移" and out["has_more"] is True
    assert len(out["hits"]) == 5
    document = corpus_library.documents.get(SEED_000_ID)
    texts = {s.id: s.text for s in document.segments}
    for hit in out["hits"]:
        assert {"doc", "segment_id", "lang", "text", "highlights", "counterpart"} <= set(hit)
        assert hit["lang"] == "zh"
        assert all(hit["text"][s:e] == "产业转移" for s, e in hit["highlights"])
        if hit["doc"] == SEED_000_ID:
            assert hit["text"] == texts[hit["segment_id"]]
            assert hit["counterpart"] == " ".join(texts[i] for i in hit["counterpart_ids"])


def test_search_json_highlight_offsets_are_character_offsets(corpus_library, capsys):
    out = _search_json(capsys, "西部", "--doc", SEED_000_ID, "--limit", "1")
    hit = out["hits"][0]
    start = hit["text"].index("西部")
    assert hit["highlights"] == [[start, start + 2]]


def test_search_korean_with_doc_prefix_and_limit(corpus_library, capsys):
    out = _search_json(capsys, "산업이전을", "--doc", "guofa", "--limit", "3")
    assert [h["doc"] for h in out["hits"]] == [SEED_000_ID] * 3
    for hit in out["hits"]:
        assert hit["lang"] == "ko"
        assert [hit["text"][s:e] for s, e in hit["highlights"]] == ["산업이전"] * len(hit["highlights"])
        assert hit["counterpart"]  # the Chinese sentence it is aligned with


def test_search_several_arguments_are_one_query(corpus_library, capsys):
    joined = _search_json(capsys, "产业", "OR", "制造", "--limit", "500")
    quoted = _search_json(capsys, "产业 OR 制造", "--limit", "500")
    assert joined["hits"] == quoted["hits"]
    assert {h["doc"] for h in joined["hits"]} == {SEED_000_ID, SEED_002_ID}


def test_search_plain_output_marks_the_matches(corpus_library, capsys):
    assert main(["search", "劳动密集型", "--doc", SEED_000_ID, "--limit", "1"]) == 0
    out = capsys.readouterr().out
    assert "【劳动密集型】" in out
    assert "[ko] (3) 노동집약형" in out  # the counterpart line, with its number


def test_search_without_hits_and_bad_limit(corpus_library, capsys):
    assert main(["search", "鲲鹏"]) == 0
    assert "no hits for 鲲鹏" in capsys.readouterr().out
    assert main(["search", "产业", "--limit", "0"]) == 1
    assert "--limit must be at least 1" in capsys.readouterr().err


def test_unknown_document_is_an_error_line(corpus_library, capsys):
    assert main(["search", "产业", "--doc", "nope"]) == 1
    assert capsys.readouterr().err.startswith("error: no document matches 'nope'")


def test_reindex_rebuilds_and_reports(corpus_library, capsys):
    assert main(["reindex"]) == 0
    out = capsys.readouterr().out
    total = sum(
        len(corpus_library.documents.get(d).units(lang)) for d in (SEED_000_ID, SEED_002_ID) for lang in ("zh", "ko")
    )
    assert out.startswith(f"indexed {total} sentences of 2 documents")


def test_search_runs_as_a_module(corpus_library):
    result = subprocess.run(
        [sys.executable, "-m", "reader", "search", "산업단지", "--json", "--limit", "2"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    hits = json.loads(result.stdout)["hits"]
    assert len(hits) == 2 and all("산업단지" in h["text"] for h in hits)
