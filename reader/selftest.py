"""``duizhao --self-test``: prove that an installation works, end to end.

Imports the bundled corpus into a temporary data directory, aligns, searches in both
languages, annotates, exports every format and renders one screenshot offscreen,
each step through the same commands a user or script runs. Prints one line per step
and returns non-zero if any step fails. The user's own data is never touched.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from . import APP_NAME, __version__

DOC = "guofa-2010-28"
UNTRANSLATED = "支持中西部地区高等学校提升人才培养与创新服务能力"
NOTE = "자기 점검: 산업이전 유치 — self-test"


class StepFailed(Exception):
    pass


def _cli(*argv: str) -> str:
    """Run a CLI command in this process; its stdout, or StepFailed with its stderr."""
    from .cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    if code != 0:
        raise StepFailed(f"`{' '.join(argv)}` exited {code}: {err.getvalue().strip()}")
    return out.getvalue()


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise StepFailed(message)


class SelfTest:
    def __init__(self, workdir: Path):
        self.workdir = workdir
        self.unit_zh = ""
        self.annotation_id = ""

    def import_corpus(self) -> str:
        from .library import Library

        library = Library()
        try:
            imported = library.import_corpus()
            documents = library.documents.list()
        finally:
            library.close()
        _check(DOC in imported and len(documents) >= 2, f"corpus import gave {imported}")
        return f"{len(documents)} documents"

    def align(self) -> str:
        report = json.loads(_cli("qa", DOC, "--json"))
        text = json.dumps(report, ensure_ascii=False)
        _check(UNTRANSLATED in text, "the untranslated sentence of seed 000 is not reported")
        return "review report names the untranslated sentence"

    def search(self, query: str, lang: str) -> str:
        hits = json.loads(_cli("search", query, "--lang", lang, "--json"))
        if isinstance(hits, dict):
            hits = hits.get("hits", [])
        _check(len(hits) > 0, f"no hits for {query}")
        first = hits[0]
        _check(first["lang"] == lang and first["highlights"], f"bad hit for {query}: {first}")
        _check(any(h.get("counterpart") for h in hits), f"no hit for {query} shows its counterpart")
        if lang == "zh":
            self.unit_zh = first["segment_id"]
        return f"{len(hits)} hits, e.g. {first['segment_id']}"

    def annotate(self) -> str:
        _check(bool(self.unit_zh), "no sentence to annotate (search failed)")
        self.annotation_id = _cli("annotate", DOC, self.unit_zh, "--note", NOTE, "--tag", "self-test", "--star").strip()
        notes = json.loads(_cli("notes", "--doc", DOC, "--json"))
        if isinstance(notes, dict):
            notes = notes.get("annotations", [])
        _check(any(n["id"] == self.annotation_id for n in notes), "the new annotation is not listed")
        return f"annotation {self.annotation_id[:8]}"

    def export(self) -> str:
        written = []
        for fmt in ("md", "docx", "hwpx", "pdf", "html", "csv", "json"):
            path = self.workdir / f"briefing.{fmt}"
            _cli("export", "--format", fmt, "--out", str(path), "--doc", DOC)
            _check(path.exists() and path.stat().st_size > 0, f"{fmt}: nothing written")
            _check("self-test" in _read_back(path, fmt), f"{fmt}: the note is not in the file")
            written.append(fmt)
        return ", ".join(written)

    def screenshot(self) -> str:
        _check(bool(self.unit_zh), "no sentence to show (search failed)")
        path = self.workdir / "reader.png"
        _cli("screenshot", "--doc", DOC, "--at", self.unit_zh, "--out", str(path), "--size", "1200x800")
        from PySide6.QtGui import QImage

        image = QImage(str(path))
        _check(not image.isNull() and image.width() == 1200, "the screenshot is not a 1200 px wide PNG")
        colours = {image.pixel(x, y) for x in range(0, 1200, 37) for y in range(0, 800, 29)}
        _check(len(colours) > 3, "the screenshot is blank")
        return f"{path.name} {image.width()}x{image.height()}"


def korean_ui() -> str:
    """The Korean UI loads (it once came up in English on a bare Ubuntu 24.04, silently)."""
    from PySide6.QtCore import QCoreApplication

    from .ui.i18n import Translations

    app = QCoreApplication.instance()
    assert app is not None  # run_self_test made it
    translations = Translations(app)
    try:
        _check(translations.install("ko"), "the Korean translation did not load")
        menu = QCoreApplication.translate("Actions", "&File")
        _check(menu == "파일(&F)", f"the File menu reads {menu!r} in the Korean UI")
        return menu
    finally:
        translations.install("en")


def _read_back(path: Path, fmt: str) -> str:
    """The text of an exported file, read the way its readers read it."""
    if fmt == "docx":
        import docx

        return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    if fmt == "hwpx":
        from hwpx import TextExtractor

        with TextExtractor(str(path)) as extractor:
            return extractor.extract_text()
    if fmt == "pdf":
        import pypdf

        return "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(str(path)).pages)
    return path.read_text(encoding="utf-8-sig")


def run_self_test(stream=None) -> int:
    stream = stream or sys.stdout
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # One application object for the whole run, able to show widgets: the PDF export
    # would otherwise make a widget-less QGuiApplication that the screenshot cannot use.
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0]])
    failures = 0
    with tempfile.TemporaryDirectory(prefix="duizhao-selftest-") as tmp:
        previous = os.environ.get("DUIZHAO_DATA_DIR")
        os.environ["DUIZHAO_DATA_DIR"] = str(Path(tmp) / "data")
        test = SelfTest(Path(tmp))
        steps: list[tuple[str, Callable[[], str]]] = [
            ("import corpus", test.import_corpus),
            ("align", test.align),
            ("search zh", lambda: test.search("产业转移", "zh")),
            ("search ko", lambda: test.search("산업이전", "ko")),
            ("annotate", test.annotate),
            ("export", test.export),
            ("screenshot", test.screenshot),
            ("Korean UI", korean_ui),
        ]
        print(f"{APP_NAME} {__version__} self-test", file=stream)
        try:
            for name, step in steps:
                start = time.perf_counter()
                try:
                    detail = step()
                except StepFailed as exc:
                    failures += 1
                    print(f"FAIL  {name}: {exc}", file=stream)
                    continue
                except Exception as exc:  # a bug: say where, keep going
                    failures += 1
                    where = traceback.extract_tb(exc.__traceback__)[-1]
                    print(
                        f"FAIL  {name}: {exc.__class__.__name__}: {exc} ({where.filename}:{where.lineno})", file=stream
                    )
                    continue
                print(f"ok    {name}: {detail} ({time.perf_counter() - start:.1f} s)", file=stream)
        finally:
            if previous is None:
                os.environ.pop("DUIZHAO_DATA_DIR", None)
            else:
                os.environ["DUIZHAO_DATA_DIR"] = previous
    app.processEvents()
    print("self-test passed" if not failures else f"self-test FAILED: {failures} step(s)", file=stream)
    return 1 if failures else 0
