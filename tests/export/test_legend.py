"""Named colours: what each colour means, set once, shown in every format's legend and
used to name the colour groups; the briefing names colours, never prints hex codes."""

from __future__ import annotations

import csv
import json
import warnings
import zipfile

import docx
import pytest
from pypdf import PdfReader

from reader.cli import main
from reader.errors import DuizhaoError
from reader.export.legend import parse_assignments, read_meanings

MEANINGS = ["yellow=핵심", "green=신규 정책", "blue=배경"]
LEGEND = ["노랑: 핵심 (1건)", "초록: 신규 정책 (1건)", "파랑: 배경 (1건)", "빨강 (1건)"]


@pytest.fixture
def named(annotated, capsys):
    """The seed annotations (yellow, green, blue, red) with three colours named."""
    assert main(["colors", *MEANINGS]) == 0
    capsys.readouterr()
    return annotated


def _export(fmt: str, tmp_path, *extra: str):
    out = tmp_path / f"briefing.{fmt}"
    assert main(["export", "--format", fmt, "--out", str(out), "--date", "2026-03-02", *extra]) == 0
    return out


def test_colors_are_named_once_and_read_back(named, capsys, data_dir):
    assert read_meanings() == {"yellow": "핵심", "green": "신규 정책", "blue": "배경"}
    assert main(["colors", "blue=", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"yellow": "핵심", "green": "신규 정책"}
    assert "export" in (data_dir / "settings.ini").read_text(encoding="utf-8")
    assert main(["colors"]) == 0
    listing = capsys.readouterr().out.splitlines()
    assert listing[0].split() == ["yellow", "노랑", "핵심"] and listing[2].split() == ["blue", "파랑", "-"]


def test_a_malformed_meaning_is_one_line(named, capsys):
    assert main(["colors", "teal=핵심"]) == 1
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "teal=핵심" in error and "yellow" in error
    with pytest.raises(DuizhaoError):
        parse_assignments(["yellow"])


def test_markdown_and_html_show_the_legend(named, tmp_path):
    text = _export("md", tmp_path).read_text(encoding="utf-8")
    legend = text.split("**범례**", 1)[1].split("##", 1)[0]
    assert [line[2:] for line in legend.strip().splitlines()] == LEGEND
    assert "형광펜: 핵심 (노랑)" in text and "형광펜: 빨강" in text
    html = _export("html", tmp_path).read_text(encoding="utf-8")
    section = html.split('<section class="legend">', 1)[1].split("</section>", 1)[0]
    assert [item.split("</span> ", 1)[1] for item in section.split("</li>")[:-1]] == LEGEND
    assert "--mark: #ffe066" in section  # the chip is drawn in the colour; the words name it


def test_docx_legend_has_chips_in_each_colour(named, tmp_path):
    document = docx.Document(str(_export("docx", tmp_path)))
    legend = next(p for p in document.paragraphs if p.text.startswith("범례"))
    chips = [run for run in legend.runs if run.text.strip() == "■"]
    assert [str(run.font.color.rgb) for run in chips] == ["FFE066", "A9E34B", "74C0FC", "FF8787"]
    for entry in LEGEND:
        assert entry in legend.text
    text = "\n".join(p.text for p in document.paragraphs)
    assert "#ffe066" not in text.lower() and "ffe066" not in text.lower()


def test_hwpx_and_pdf_show_the_legend(named, tmp_path, qapp):
    from hwpx import HwpxDocument

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        document = HwpxDocument.open(str(_export("hwpx", tmp_path)))
        try:
            legend = next(p.text for p in document.paragraphs if p.text.startswith("범례"))
        finally:
            document.close()
    for entry in LEGEND:
        assert entry in legend
    pdf = "".join("".join(page.extract_text().split()) for page in PdfReader(str(_export("pdf", tmp_path))).pages)
    assert "범례" in pdf
    for entry in LEGEND:
        assert "".join(entry.split()) in pdf


def test_colour_groups_are_named_by_meaning(named, tmp_path):
    text = _export("md", tmp_path, "--group-by", "color", "--color-meaning", "red=확인 필요").read_text(
        encoding="utf-8"
    )
    headings = [line[3:] for line in text.splitlines() if line.startswith("## ")]
    assert headings == ["문서", "핵심 (노랑)", "신규 정책 (초록)", "배경 (파랑)", "확인 필요 (빨강)"]
    with open(_export("csv", tmp_path), encoding="utf-8-sig", newline="") as handle:
        colours = [row["색"] for row in csv.DictReader(handle)]
    assert sorted(colours) == sorted(["핵심 (노랑)", "신규 정책 (초록)", "배경 (파랑)", "빨강"])


def test_one_colour_without_a_meaning_has_no_legend(annotated, tmp_path):
    text = _export("md", tmp_path, "--color", "yellow").read_text(encoding="utf-8")
    assert "범례" not in text


def test_hwpx_preview_names_the_colours(named, tmp_path):
    with zipfile.ZipFile(_export("hwpx", tmp_path)) as package:
        preview = package.read("Preview/PrvText.txt").decode("utf-8")
    assert "범례: 노랑: 핵심 (1건)" in preview
