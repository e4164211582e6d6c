"""Control characters, lone surrogates and bidi overrides: kept out at import, and
harmless at export in every format (each file parsed back)."""

from __future__ import annotations

import csv
import json
import zipfile

import pytest
from lxml import etree

from reader.cli import main
from reader.library import Library
from reader.text.characters import UNSAFE
from tests.conftest import SEED_000

C0 = "".join(chr(c) for c in range(0x00, 0x20))
C1 = "\x7f" + "".join(chr(c) for c in range(0x80, 0xA0))
SURROGATES = "\ud800\udfff\udc80"
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
HOSTILE = C0 + C1 + SURROGATES + BIDI + "\ufffe\uffff"
FORMATS = ["md", "docx", "hwpx", "pdf", "html", "csv", "json"]


def _exported_text(fmt: str, path) -> str:
    """The text of an export, read the way its readers read it (fails on a broken file)."""
    if fmt in ("md", "html"):
        text = path.read_text(encoding="utf-8")
        if fmt == "html":
            etree.fromstring(text.encode(), etree.HTMLParser(recover=False))
        return text
    if fmt == "csv":
        with open(path, encoding="utf-8-sig", newline="") as handle:
            return "\n".join(",".join(row) for row in csv.reader(handle))
    if fmt == "json":
        return json.dumps(json.loads(path.read_text(encoding="utf-8")), ensure_ascii=False)
    if fmt == "docx":
        import docx

        return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    if fmt == "hwpx":
        texts = []
        with zipfile.ZipFile(path) as package:
            for name in package.namelist():
                if name.endswith(".xml"):
                    root = etree.fromstring(package.read(name))  # strict: fails on what XML cannot hold
                    texts.append("".join(root.itertext()))
        return "\n".join(texts)
    import pypdf

    return "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(str(path)).pages)


@pytest.fixture
def dirty_library(data_dir):
    """A library that already holds hostile characters in document text and a note
    (as one written before imports stripped them would). SQLite cannot store lone
    surrogates at all: those are tried on the way in, below."""
    stored = HOSTILE.replace(SURROGATES, "")
    library = Library()
    try:
        document = library.import_files([SEED_000], doc_id="g")
        annotation = library.annotations.annotate(document, "zh.p1.c1.s1", note="clean note", tags=["t"])
        segment = document.find_segment("zh.p1.c1.s1")
        library.db.execute(
            "UPDATE segments SET text = ? WHERE doc_id = 'g' AND id = ?", [segment.text + stored, segment.id]
        )
        library.db.execute(
            "UPDATE annotations SET note = ?, quote = quote || ? WHERE id = ?",
            [f"before {stored} after", stored, annotation.id],
        )
        library.db.execute("UPDATE documents SET title = title || ? WHERE id = 'g'", [stored])
    finally:
        library.close()


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_export_format_holds_any_text(dirty_library, tmp_path, capsys, fmt, qapp):
    out = tmp_path / f"briefing.{fmt}"
    assert main(["export", "--format", fmt, "--out", str(out), "--lang", "both"]) == 0, capsys.readouterr().err
    text = _exported_text(fmt, out)
    if fmt != "pdf":
        assert "before" in text and "after" in text
    assert not UNSAFE.search(text)


def test_imports_and_notes_keep_the_characters_out(tmp_path, capsys):
    source = SEED_000.read_text(encoding="utf-8")
    tainted = source.replace("指导思想", "指导\x1b[2J思想\u202e", 1).replace("。", "\x07。", 3)
    path = tmp_path / "tainted.txt"
    path.write_text(tainted, encoding="utf-8")
    assert main(["import", str(path), "--id", "t", "--title", "two\nlines\x1b]0;pwned\x07"]) == 0
    assert main(["annotate", "t", "zh.p1.c1.s1", "--note", "esc \x1b[31m red\x00 nul", "--tag", "a\x1bb"]) == 0
    capsys.readouterr()
    library = Library()
    try:
        document = library.documents.get("t")
        assert not any(UNSAFE.search(s.text) for s in document.segments)
        assert "\n" not in document.title and not UNSAFE.search(document.title)
        (annotation,) = library.annotations.list()
        assert annotation.note == "esc [31m red nul" and annotation.tags == ("ab",)
    finally:
        library.close()
    for fmt in FORMATS:
        assert main(["export", "--format", fmt, "--out", str(tmp_path / f"b.{fmt}")]) == 0


def test_lone_surrogates_on_the_way_in_are_dropped(tmp_path, capsys):
    """From a command line in a non-UTF-8 locale (surrogateescape) and from JSON escapes."""
    assert main(["import", str(SEED_000), "--id", "g"]) == 0
    assert main(["annotate", "g", "zh.p1.c1.s1", "--note", "a\udc80b" + BIDI, "--tag", "x\ud800"]) == 0
    notes = tmp_path / "notes.json"
    assert main(["export", "--format", "json", "--out", str(notes)]) == 0
    data = json.loads(notes.read_text(encoding="utf-8"))
    item = data["first"]["items"][0]
    item["id"] = "urn:uuid:00000000-0000-4000-8000-000000000001"
    item["body"][0]["value"] = "from json \ud800\x1b[2J" + HOSTILE
    notes.write_text(json.dumps(data), encoding="utf-8")  # ASCII JSON with \ud800 escapes
    assert main(["import-notes", str(notes)]) == 0
    capsys.readouterr()
    library = Library()
    try:
        found = sorted(a.note for a in library.annotations.list())
    finally:
        library.close()
    # A surrogate pair in JSON is one real character (U+103FF) and stays; lone ones go.
    assert found == ["ab", "from json [2J\t\n\n\U000103ff"]
    for fmt in FORMATS:
        assert main(["export", "--format", fmt, "--out", str(tmp_path / f"b.{fmt}")]) == 0
