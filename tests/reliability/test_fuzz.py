"""Fuzzing every importer and import-notes (Hypothesis, a bounded number of examples):
a bad file is one line on stderr and exit 1, never a traceback, and the library is
unchanged; a file that still reads as a document is imported whole."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader import config
from reader.cli import main
from reader.library import Library
from tests.conftest import SEED_000

from . import hostile
from .conftest import snapshot

FUZZ = settings(
    max_examples=15,
    deadline=None,
    derandomize=True,  # the same examples on every run: a failure is reproducible
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)

SEED_TEXT = SEED_000.read_text(encoding="utf-8")


def _seed_files(folder: Path) -> dict[str, bytes]:
    """One real file per importer, to be mutated."""
    from hwpx import HwpxDocument
    from PySide6.QtGui import QFont, QPageSize, QPdfWriter, QTextDocument

    lines = [line for line in SEED_TEXT.split("\n") if line.strip()][:40]
    hwpx_path = folder / "seed.hwpx"
    hwp = HwpxDocument.new()
    for line in lines:
        hwp.add_paragraph(line)
    hwp.save_to_path(hwpx_path)
    pdf_path = folder / "seed.pdf"
    writer = QPdfWriter(str(pdf_path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    text = QTextDocument()
    text.setDefaultFont(QFont("Noto Sans CJK SC", 11))
    text.setPlainText("\n".join(lines))
    text.print_(writer)
    del writer
    return {
        ".txt": "\n".join(lines).encode("utf-8"),
        ".md": ("# " + "\n\n".join(lines)).encode("utf-8"),
        ".docx": hostile.minimal_docx("\n".join(lines)),
        ".hwpx": hwpx_path.read_bytes(),
        ".pdf": pdf_path.read_bytes(),
    }


@st.composite
def mutated(draw, original: bytes) -> bytes:
    """A real file cut, with bytes flipped, overwritten or inserted."""
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["cut", "flip", "overwrite", "insert", "zero"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if kind == "cut":
            del data[at:]
        elif kind == "flip" and data:
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif kind == "overwrite":
            chunk = draw(st.binary(min_size=1, max_size=64))
            data[at : at + len(chunk)] = chunk
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=64))
        else:
            data[at : at + draw(st.integers(1, 512))] = b"\0" * 8
        if not data:
            break
    return bytes(data)


def _run(args: list[str]) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(args)
    return code, err.getvalue()


def _check(args: list[str], data_dir: Path) -> int:
    """Run a command; a failure must be one line and leave the library as it was."""
    before = snapshot(data_dir)
    code, err = _run(args)
    if code == 0:
        return code
    assert code == 1, (code, err)
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    assert snapshot(data_dir) == before, args
    return code


@pytest.fixture(scope="module")
def seeds(tmp_path_factory, qapp) -> dict[str, bytes]:
    return _seed_files(tmp_path_factory.mktemp("seeds"))


@pytest.fixture
def populated(data_dir):
    library = Library()
    try:
        document = library.import_files([SEED_000], doc_id="g")
        library.annotations.annotate(document, "zh.p1.c1.s1", note="n")
    finally:
        library.close()
    return data_dir


@pytest.mark.slow
@pytest.mark.parametrize("suffix", [".txt", ".md", ".docx", ".hwpx", ".pdf"])
def test_fuzz_importers(seeds, populated, tmp_path, suffix):
    target = tmp_path / f"fuzzed{suffix}"
    count = {"n": 0}

    @FUZZ
    @given(data=st.one_of(mutated(seeds[suffix]), st.binary(max_size=2048)))
    def run(data: bytes) -> None:
        count["n"] += 1
        target.write_bytes(data)
        doc_id = f"f{count['n']}"
        if _check(["import", str(target), "--id", doc_id], populated) == 0:
            library = Library()  # it read as a document: imported whole; take it out again
            try:
                assert library.documents.get(doc_id).segments
                library.delete(doc_id)
            finally:
                library.close()

    run()


def _json_values():
    leaves = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=True, allow_infinity=True),
        st.text(max_size=20),
        st.sampled_from(
            ["Annotation", "TextQuoteSelector", "TextPositionSelector", "FragmentSelector", "urn:duizhao:doc:g"]
        ),
    )
    return st.recursive(
        leaves,
        lambda children: st.one_of(
            st.lists(children, max_size=4),
            st.dictionaries(
                st.sampled_from(
                    [
                        "type",
                        "items",
                        "first",
                        "next",
                        "target",
                        "source",
                        "selector",
                        "refinedBy",
                        "exact",
                        "start",
                        "end",
                        "body",
                        "value",
                        "purpose",
                        "id",
                        "styleClass",
                        "motivation",
                        "prefix",
                        "suffix",
                    ]
                ),
                children,
                max_size=6,
            ),
        ),
        max_leaves=30,
    )


@pytest.mark.slow
def test_fuzz_import_notes(populated, tmp_path):
    exported = tmp_path / "real.json"
    assert _run(["export", "--format", "json", "--out", str(exported)])[0] == 0
    real = exported.read_bytes()
    target = tmp_path / "fuzzed.json"

    @FUZZ
    @given(data=st.one_of(mutated(real), _json_values().map(lambda v: json.dumps(v).encode())))
    def run(data: bytes) -> None:
        target.write_bytes(data)
        _check(["import-notes", str(target)], populated)
        # A note that could be restored was: put the library back for the next example.
        library = Library()
        try:
            library.db.execute("DELETE FROM annotations WHERE note != 'n' OR note IS NULL")
            extra = [a.id for a in library.annotations.list()][1:]
            for ann_id in extra:
                library.db.execute("DELETE FROM annotations WHERE id = ?", [ann_id])
        finally:
            library.close()

    run()
    assert config.database_path().exists()
