"""`import --title-ko`, the title warning, manifests beside a file, and `meta`."""

from __future__ import annotations

import json
import shutil

from reader.cli import main
from reader.library import Library
from reader.store import open_database
from tests.conftest import SEED_000, SEED_002


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_with_korean_title(capsys):
    from reader.align.embeddings import encoder_notice

    code, out, err = run(capsys, "import", str(SEED_000), "--id", "guofa", "--title-ko", "지도의견")
    # nothing but the line that says the sentence encoder is off (the suite runs without it)
    assert (code, out.strip(), err) == (0, "guofa", encoder_notice() + "\n")
    _, out, _ = run(capsys, "show", "guofa", "--json")
    document = json.loads(out)["document"]
    assert document["title_ko"] == "지도의견"
    assert document["title"] == "国务院关于中西部地区承接产业转移的指导意见"
    assert (document["date_published"], document["source_url"], document["ocr"]) == ("", "", {})


def test_a_document_without_a_title_line_is_named_after_its_file_with_a_warning(capsys, tmp_path):
    path = tmp_path / "untitled.txt"
    shutil.copy(SEED_002, path)
    code, out, err = run(capsys, "import", str(path))
    assert (code, out.strip()) == (0, "untitled")
    assert err.count("\n") == 1
    assert err.startswith("warning: ") and "no title line" in err and "meta untitled --title" in err
    _, out, _ = run(capsys, "meta", "untitled", "--json")
    assert json.loads(out)["title"] == "untitled"


def test_a_manifest_beside_the_file_supplies_its_metadata(capsys, tmp_path):
    shutil.copy(SEED_002, tmp_path / "doc.txt")
    manifest = {
        "documents": [
            {
                "id": "m",
                "files": ["doc.txt"],
                "title": "关于促进制造业有序转移的指导意见",
                "title_ko": "제조업 질서 있는 이전 촉진에 관한 지도의견",
                "issuer": "工业和信息化部",
            }
        ]
    }
    (tmp_path / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    code, out, err = run(capsys, "import", str(tmp_path / "doc.txt"), "--title-ko", "지도의견")
    assert (code, out.strip(), err) == (0, "doc", "")
    _, out, _ = run(capsys, "meta", "doc", "--json")
    meta = json.loads(out)
    assert meta["title"] == "关于促进制造业有序转移的指导意见"
    assert meta["issuer"] == "工业和信息化部"
    assert meta["title_ko"] == "지도의견"  # the command line wins over the manifest


def test_meta_sets_and_shows_every_field(capsys, data_dir):
    run(capsys, "import", str(SEED_002), "--id", "m")
    code, out, err = run(
        capsys, "meta", "m",
        "--title", "关于促进制造业有序转移的指导意见",
        "--title-ko", "제조업의 질서 있는 이전 촉진에 관한 지도의견",
        "--doc-number", "工信部产业〔2025〕1号",
        "--issuer", "工业和信息化部",
        "--date", "2025年1月2日",
        "--date-published", "2025年1月8日",
        "--source-url", "https://www.gov.cn/zhengce/zhengceku/example.htm",
        "--json",
    )  # fmt: skip
    assert (code, err) == (0, "")
    meta = json.loads(out)
    assert meta == {
        "id": "m",
        "title": "关于促进制造业有序转移的指导意见",
        "title_ko": "제조업의 질서 있는 이전 촉진에 관한 지도의견",
        "doc_number": "工信部产业〔2025〕1号",
        "issuer": "工业和信息化部",
        "date": "2025年1月2日",
        "date_published": "2025年1月8日",
        "source_url": "https://www.gov.cn/zhengce/zhengceku/example.htm",
    }
    # Stored: a new connection reads it back, and `list --json` carries it.
    _, out, _ = run(capsys, "list", "--json")
    listed = json.loads(out)[0]
    assert listed["doc_number"] == "工信部产业〔2025〕1号" and listed["date_published"] == "2025年1月8日"
    code, out, _ = run(capsys, "meta", "m")
    assert code == 0 and "issuer: 工业和信息化部" in out.splitlines()


def test_meta_refuses_an_empty_title_and_an_unknown_document(capsys):
    run(capsys, "import", str(SEED_002), "--id", "m")
    code, _, err = run(capsys, "meta", "m", "--title", " ")
    assert code == 1 and err.count("\n") == 1 and "--title" in err
    code, _, err = run(capsys, "meta", "nope", "--issuer", "x")
    assert code == 1 and err.count("\n") == 1 and "nope" in err


def test_describe_announces_the_change(library: Library):
    document = library.import_files([SEED_002], doc_id="m")
    heard = []
    library.listen(lambda event, doc_id: heard.append((event, doc_id)))
    library.describe("m", source_url="https://example.org/a")
    assert heard == [("described", document.id)]
    db = open_database(library.path)
    try:
        row = db.execute("SELECT source_url FROM documents WHERE id = 'm'").fetchone()
    finally:
        db.close()
    assert row == ("https://example.org/a",)
