"""Real HWP 5.0 files (tests/data/hwp/SOURCE.md): read as their HWPX twin reads, structured,
with text in tables in reading order."""

from __future__ import annotations

import ctypes.util
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from reader.text.formats.hwp import read_hwp
from reader.text.importer import parse_files
from tests.text.formats.pages import char_f1

DATA = Path(__file__).resolve().parents[2] / "data" / "hwp"
WORK_PLAN = DATA / "niKL-2022-work-plan.hwp"
TABLE = DATA / "table-fixture.hwp"


def hwpx_twin(path: Path, folder: Path) -> Path:
    """The same document saved as HWPX by rhwp, an independent HWP reader."""
    twin = folder / f"{path.stem}.hwpx"
    env = dict(os.environ)
    freetype = ctypes.util.find_library("freetype")
    if freetype:  # rhwp's wheel bundles a FreeType older than the one it calls
        env["LD_PRELOAD"] = freetype
    code = "import sys, rhwp; rhwp.parse(sys.argv[1]).export_hwpx(sys.argv[2])"
    subprocess.run([sys.executable, "-c", code, str(path), str(twin)], check=True, env=env, timeout=120)
    return twin


def _text(document) -> str:
    return "".join(s.text for s in document.segments)


@pytest.mark.parametrize("path", [WORK_PLAN, TABLE], ids=lambda p: p.name)
def test_a_real_hwp_file_reads_as_its_hwpx_twin(path, tmp_path):
    from_hwp = parse_files([path])
    from_hwpx = parse_files([hwpx_twin(path, tmp_path)])
    assert len(_text(from_hwp)) > 400
    assert char_f1(_text(from_hwp), _text(from_hwpx)) >= 0.99


def test_the_work_plan_has_its_title_parts_and_table_text():
    document = parse_files([WORK_PLAN])
    assert document.languages == ["ko"]
    assert document.title == "2022년 국립국어원 업무계획"
    parts = [s.label for s in document.segments if s.kind == "part"]
    assert parts[:4] == ["Ⅰ.", "Ⅱ.", "Ⅲ.", "Ⅳ."]
    text = _text(document)
    assert "2021년 평가" in text and "주요업무 추진계획" in text
    # The staffing table's letter-spaced header cells (정 원, 증 원, 사 업 비) are cells,
    # not part headings; the box heading 성 과 above a body paragraph is one.
    headings = [s.text.strip() for s in document.segments if s.kind == "part" and not s.label]
    assert headings == ["성 과"]
    assert Counter(s.kind for s in document.segments)["item"] > 100  # □ ○ - lists


def test_cells_come_in_reading_order():
    paragraphs = [p.strip() for p in read_hwp(TABLE, TABLE.read_bytes()) if p.strip()]
    heads = [paragraphs.index(h) for h in ("분야", "문제점 및 이슈", "추진방향")]
    assert heads == sorted(heads)
    assert paragraphs.index("서버 클라우드 환경") < paragraphs.index("· 서버 도입 없이 즉시 할당받는 서버 공유환경")
