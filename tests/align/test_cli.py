"""The align and qa commands: their output is a contract."""

from __future__ import annotations

import json

from reader.cli import main
from reader.library import Library
from tests.align import variants
from tests.conftest import SEED_000, SEED_002

UNTRANSLATED = "支持中西部地区高等学校提升人才培养与创新服务能力，结合产业转移重点办好特色专业。"


def test_align_json_shape_and_order(align_json):
    links = align_json(SEED_000)
    for link in links:
        assert {"zh", "ko", "zh_ids", "ko_ids", "type", "score"} <= set(link)
        assert link["type"] == f"{len(link['zh_ids'])}-{len(link['ko_ids'])}"
        assert 0.0 <= link["score"] <= 1.0
        assert (link["zh"] == "") == (link["zh_ids"] == [])
        assert (link["ko"] == "") == (link["ko_ids"] == [])
    # Document order: every unit exactly once, in reading order on both sides.
    zh_ids = [i for link in links for i in link["zh_ids"]]
    ko_ids = [i for link in links for i in link["ko_ids"]]
    from reader.text.importer import parse_files

    document = parse_files([SEED_000])
    assert zh_ids == [s.id for s in document.units("zh")]
    assert ko_ids == [s.id for s in document.units("ko")]
    assert links[0]["zh"] == "国务院关于中西部地区承接产业转移的指导意见" and links[0]["ko"] == ""
    assert any(link["zh"] == "一、总体要求" and link["ko"] == "1. 전반적 요구" for link in links)


def test_align_does_not_import(align_json, library):
    align_json(SEED_000)
    assert library.documents.list() == []


def test_two_files_one_per_language_align_like_one_bilingual_file(tmp_path, align_json):
    text = SEED_000.read_text(encoding="utf-8")
    ko_lines, zh_lines = variants.split_languages(text)
    zh_file, ko_file = tmp_path / "zh.txt", tmp_path / "ko.txt"
    zh_file.write_text("\n".join(zh_lines), encoding="utf-8")
    ko_file.write_text("\n".join(ko_lines), encoding="utf-8")
    pairs = [(link["zh"], link["ko"]) for link in align_json(zh_file, ko_file)]
    assert pairs == [(link["zh"], link["ko"]) for link in align_json(SEED_000)]


def test_align_monolingual_file_is_a_clear_error(capsys):
    assert main(["align", str(SEED_002), "--json"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "002_5c24a0fd9a7772f6.txt" in err and "only Chinese" in err
    assert err.count("\n") == 1


def test_align_unknown_target(capsys, tmp_path):
    assert main(["align", "no-such-document"]) == 1
    assert "no document matches" in capsys.readouterr().err
    assert main(["align", str(SEED_000), str(tmp_path / "missing.txt")]) == 1
    assert "missing.txt: no such file" in capsys.readouterr().err


def test_align_document_realigns_stores_and_announces(capsys):
    library = Library()
    events = []
    library.listen(lambda event, doc_id: events.append((event, doc_id)))
    document = library.import_files([SEED_000], doc_id="guofa")
    stored = library.links.get("guofa")
    assert ("imported", "guofa") in events
    assert len(stored) > 150
    # Wipe the alignment so that the command has something to restore.
    library.links.replace("guofa", [])
    library.close()
    capsys.readouterr()
    assert main(["align", "guofa"]) == 0
    assert capsys.readouterr().out.startswith("realigned guofa:")
    library = Library()
    try:
        assert [(link.zh_ids, link.ko_ids) for link in library.links.get(document.id)] == [
            (link.zh_ids, link.ko_ids) for link in stored
        ]
    finally:
        library.close()


def test_qa_report_on_seed_000(capsys):
    library = Library()
    library.import_files([SEED_000], doc_id="guofa")
    library.close()
    capsys.readouterr()
    assert main(["qa", "guofa", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert [item["zh"] for item in report["not_translated"]] == [UNTRANSLATED]
    assert report["not_translated"][0]["where"] == "八、（三十）"
    frame = {item["where"]: item["zh"] for item in report["no_counterpart"]}
    assert frame == {
        "title": "国务院关于中西部地区承接产业转移的指导意见",
        "doc number": "国发〔2010〕28号",
        "signature": "国务院",
        "date": "二○一○年八月三十一日",
    }
    assert report["added"] == []
    assert len(report["low_confidence"]) <= 3
    assert main(["qa", "guofa"]) == 0
    text = capsys.readouterr().out
    assert "Not translated" in text and UNTRANSLATED in text and "国发〔2010〕28号" in text


def test_qa_on_a_file_reports_translators_notes(tmp_path, capsys):
    path = variants.add_notes().write(tmp_path)
    assert main(["qa", str(path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert len(report["added"]) == 5
    assert all(item["note"] == "translator's note" for item in report["added"])


def test_qa_monolingual_document_is_a_clear_error(capsys):
    library = Library()
    library.import_files([SEED_002], doc_id="zh-only")
    assert library.links.get("zh-only") == []
    library.close()
    assert main(["qa", "zh-only"]) == 1
    assert "one language only" in capsys.readouterr().err


def test_align_document_keeps_pins(capsys):
    library = Library()
    document = library.import_files([SEED_000], doc_id="guofa")
    zh = next(s.id for s in document.units("zh") if s.text.startswith("做好产业转移与对口支援"))
    library.pin_link("guofa", [zh], [])
    library.close()
    capsys.readouterr()
    assert main(["align", "guofa"]) == 0
    assert capsys.readouterr().out.strip().endswith("(1 pinned kept)")
    assert main(["align", "guofa", "--json"]) == 0
    links = json.loads(capsys.readouterr().out)
    pinned = [link for link in links if link["pinned"]]
    assert [(link["zh_ids"], link["ko_ids"], link["type"], link["ko"]) for link in pinned] == [([zh], [], "1-0", "")]
    assert pinned[0]["zh"] == "做好产业转移与对口支援、对口帮扶工作的衔接。"


def test_align_text_output_lists_every_link(capsys):
    assert main(["align", str(SEED_000)]) == 0
    out = capsys.readouterr().out
    assert out.count("\n  zh  ") == out.count("\n  ko  ") > 150
    assert "  zh  国发〔2010〕28号\n  ko  -" in out


def test_qa_keeps_confirmed_omissions_and_drops_settled_doubts(capsys):
    library = Library()
    document = library.import_files([SEED_000], doc_id="guofa")
    zh = next(s.id for s in document.units("zh") if s.text == UNTRANSLATED)
    library.links.confirm("guofa", [zh])
    doubtful = next(s.id for s in document.units("zh") if s.text.startswith("做好产业转移与对口支援"))
    ko = next(s.id for s in document.units("ko") if s.text.startswith("산업이전과 그에 필요한"))
    library.pin_link("guofa", [doubtful], [ko])
    library.close()
    capsys.readouterr()
    assert main(["qa", "guofa", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert [(item["zh"], item["note"]) for item in report["not_translated"]] == [
        (UNTRANSLATED, "confirmed by the reviewer")
    ]
    assert all(doubtful not in item["zh_ids"] for item in report["low_confidence"])


def test_qa_lists_corrections_lost_in_the_new_version(tmp_path, capsys):
    library = Library()
    document = library.import_files([SEED_000], doc_id="guofa")
    deleted = next(s for s in document.units("zh") if s.text.startswith("产业转移是优化生产力空间布局"))
    kept = next(s for s in document.units("zh") if s.text.startswith("做好产业转移与对口支援"))
    library.pin_link("guofa", [deleted.id], [])
    library.pin_link("guofa", [kept.id], [])
    edited = tmp_path / "000_v2.txt"
    edited.write_text(SEED_000.read_text(encoding="utf-8").replace(deleted.text, "", 1), encoding="utf-8")
    library.close()
    capsys.readouterr()
    assert main(["qa", "guofa", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["lost_corrections"] == []
    library = Library()
    library.reimport("guofa", [edited])
    library.close()
    assert main(["qa", "guofa", "--json"]) == 0
    (lost,) = json.loads(capsys.readouterr().out)["lost_corrections"]
    assert {key: lost[key] for key in ("zh", "ko", "zh_ids", "ko_ids", "pinned", "status", "reason")} == {
        "zh": deleted.text,
        "ko": "",
        "zh_ids": [deleted.id],
        "ko_ids": [],
        "pinned": True,
        "status": "confirmed",
        "reason": "not_found",
    }
    assert lost["lost_at"][:4].isdigit()
    assert main(["qa", "guofa"]) == 0
    text = capsys.readouterr().out
    assert "1 corrections lost in the new version" in text.splitlines()[0]
    section = text.split("Corrections lost in the new version")[1]
    assert deleted.text in section and "sentence not found" in section and kept.text not in section
