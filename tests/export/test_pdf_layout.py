"""PDF pages as a reader expects them: no heading alone at a page bottom, no item split
across pages, bookmarks for the headings, and one line instead of a blank file when no
CJK font is installed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from reader.cli import main
from tests.conftest import ROOT
from tests.export.conftest import GUOFA

LABEL = "형광펜"
CITATION = "출처"


def annotate_many(library, step: int = 3) -> int:
    """Notes of every kind on every ``step``-th Chinese sentence of 国发〔2010〕28号."""
    library.import_corpus()
    document = library.documents.get(GUOFA)
    sentences = [s for s in document.segments if s.lang == "zh" and s.kind == "sentence" and len(s.text) > 12]
    notes = ["구조조정을 **주선(主线)**으로 삼는 부분.", "신규 표현.\n\n- 2003년 제기\n- 2007년 당장(黨章) 반영", ""]
    chosen = sentences[::step]
    for number, sentence in enumerate(chosen):
        library.annotations.annotate(
            document,
            sentence.id.rsplit(".", 1)[0],
            quote=sentence.text[2:8],
            note=notes[number % 3],
            color=("yellow", "green", "blue")[number % 3],
            tags=["정책"],
        )
    return len(chosen)


@pytest.fixture
def long_pdf(library, qapp, tmp_path) -> Path:
    annotate_many(library)
    out = tmp_path / "long.pdf"
    assert main(["export", "--format", "pdf", "--out", str(out), "--date", "2026-03-02"]) == 0
    return out


def _pages(path: Path) -> list[str]:
    return ["".join(page.extract_text().split()) for page in PdfReader(str(path)).pages]


def test_no_item_is_split_across_pages(long_pdf):
    pages = _pages(long_pdf)
    assert len(pages) >= 6
    for number, text in enumerate(pages, 1):
        # Each item opens with its colour label and ends with its citation line.
        assert text.count(LABEL + ":") == text.count(CITATION + ":"), f"page {number} splits an item"


def test_every_heading_has_an_item_under_it_on_its_page(long_pdf):
    reader = PdfReader(str(long_pdf))
    pages = _pages(long_pdf)
    entries = []

    def walk(outline, depth=0):
        for entry in outline:
            if isinstance(entry, list):
                walk(entry, depth + 1)
            else:
                entries.append((depth, entry.title, reader.get_destination_page_number(entry)))

    walk(reader.outline)
    parts = [title for depth, title, _ in entries if depth == 1]
    assert parts[:3] == [
        "前言 · 전문",
        "一、总体要求 · 1. 전반적 요구",
        "二、因地制宜承接发展优势特色产业 · 2. 현지 실정에 맞추어 우위 특색산업을 유치",
    ]
    assert entries[0][:2] == (0, "国务院关于中西部地区承接产业转移的指导意见")
    assert len(entries) > 20
    for _, title, page in entries:
        text = pages[page]
        heading = "".join(title.split())
        assert heading in text, f"bookmark {title!r} opens page {page + 1}, which does not show it"
        after = text[text.index(heading) + len(heading) :]
        assert LABEL + ":" in after, f"{title!r} stands alone at the bottom of page {page + 1}"
    assert reader.page_mode == "/UseOutlines"


def test_without_cjk_fonts_the_pdf_is_refused_in_one_line(annotated, tmp_path):
    """A real machine without CJK fonts: fontconfig given only an empty font folder."""
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    config = tmp_path / "fonts.conf"
    config.write_text(
        f'<?xml version="1.0"?><fontconfig><dir>{fonts}</dir><cachedir>{tmp_path / "cache"}</cachedir></fontconfig>',
        encoding="utf-8",
    )
    out = tmp_path / "briefing.pdf"
    env = {**os.environ, "FONTCONFIG_FILE": str(config), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("QT_QPA_FONTDIR", None)
    result = subprocess.run(
        [sys.executable, "-m", "reader", "export", "--format", "pdf", "--out", str(out)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == 1, result.stderr
    assert "fonts-noto-cjk" in lines[0] and str(out) in lines[0] and "blank" in lines[0]
    assert not out.exists()
    assert not list(tmp_path.glob(".briefing.*"))
