"""The Markdown export's Jinja2 template: the default writes byte for byte what the
Markdown writer wrote before it (references in tests/export/reference/markdown/, made
by that writer), a user's copy is used, and a broken or hostile one is one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import main
from tests.export.markdown_cases import CASES, annotate_rich, options

REFERENCES = Path(__file__).parent / "reference" / "markdown"


@pytest.fixture
def rich(library):
    annotate_rich(library)
    return library


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_default_template_reproduces_the_old_writer_byte_for_byte(rich, case):
    from reader.export import briefing_from_library
    from reader.export.markdown import render

    expected = (REFERENCES / f"{case}.md").read_bytes()
    assert render(briefing_from_library(rich, options(case))).encode("utf-8") == expected


def export_md(tmp_path: Path, *extra: str, name: str = "b.md") -> Path:
    out = tmp_path / name
    assert main(["export", "--format", "md", "--out", str(out), "--date", "2026-03-02", *extra]) == 0
    return out


def test_a_copied_template_is_used_by_every_markdown_export(rich, tmp_path, data_dir, capsys):
    assert main(["template", "--copy"]) == 0
    copy = data_dir / "templates" / "briefing.md.j2"
    assert capsys.readouterr().out.strip() == f"copied the Markdown template to {copy}"
    untouched = export_md(tmp_path, name="same.md").read_bytes()
    assert untouched == (REFERENCES / "clause-both.md").read_bytes()
    capsys.readouterr()
    # an Obsidian user's own layout: front matter, a callout per note
    copy.write_text(
        "---\ntitle: {{ title }}\ncount: {{ count }}\n---\n"
        "{% for section in sections recursive %}{% for item in section.items %}"
        "> [!note] {{ item.citation }}\n> {{ item.note | replace('\\n', ' ') }}\n"
        "{% endfor %}{{ loop(section.sections) }}{% endfor %}",
        encoding="utf-8",
    )
    assert main(["template"]) == 0
    assert capsys.readouterr().out.strip() == f"Markdown exports use {copy}"
    text = export_md(tmp_path, name="own.md").read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: 검토 메모\ncount: 7\n---\n> [!note] 国发〔2010〕28号\n> 정세 인식 부분.\n")
    assert text.count("> [!note]") == 7
    assert main(["template", "--copy"]) == 1  # never replaces the user's copy without --force
    assert "already exists" in capsys.readouterr().err


def test_template_option_names_a_file_for_one_export(rich, tmp_path):
    template = tmp_path / "mine.md.j2"
    template.write_text("{{ labels.title }}: {{ legend | map(attribute='text') | join(', ') }}\n", encoding="utf-8")
    out = export_md(tmp_path, "--template", str(template), "--color-meaning", "yellow=핵심")
    assert out.read_text(encoding="utf-8") == (
        "검토 메모: 노랑: 핵심 (2건), 초록 (1건), 파랑 (1건), 분홍 (1건), 보라 (1건), 빨강 (1건)\n"
    )


@pytest.mark.parametrize(
    ("source", "line", "says"),
    [
        ("# {{ title }}\n{% for x in sections %}\n{{ x.heading }}\n", 3, "has a mistake: Unexpected end of template"),
        ("# {{ title }}\n\n{{ titel }}\n", 3, "failed while writing: 'titel' is undefined"),
        # the sandbox: no way from the data to Python's internals
        ("{{ title.__class__.__mro__ }}\n", 1, "failed while writing:"),
        ("{{ sections[0].items.__globals__ }}\n", 1, "failed while writing:"),
        ("{{ ''.join.__self__ }}", 1, "failed while writing:"),
        ("{% for s in sections %}{{ s.items.append(1) }}{% endfor %}", 1, "failed while writing:"),
        ("{{ 1 / 0 }}", 1, "failed while writing: division by zero"),
    ],
)
def test_a_broken_or_hostile_template_is_one_line_and_writes_nothing(rich, tmp_path, capsys, source, line, says):
    template = tmp_path / "bad.md.j2"
    template.write_text(source, encoding="utf-8")
    out = tmp_path / "b.md"
    assert main(["export", "--format", "md", "--out", str(out), "--template", str(template)]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert f"{template}:{line}: the Markdown template {says}" in err
    assert not out.exists() and list(tmp_path.glob("*.tmp")) == []


def test_a_broken_copy_in_the_data_directory_stops_the_export_before_the_briefing(rich, tmp_path, data_dir, capsys):
    copy = data_dir / "templates" / "briefing.md.j2"
    copy.parent.mkdir(parents=True)
    copy.write_bytes(b"\xff\xfe not text")
    assert main(["export", "--format", "md", "--out", str(tmp_path / "b.md")]) == 1
    assert capsys.readouterr().err.strip().endswith(f"{copy}: the Markdown template is not UTF-8 text")
    assert main(["export", "--format", "html", "--out", str(tmp_path / "b.html")]) == 0  # other formats unaffected


def test_template_is_refused_for_other_formats(rich, tmp_path, capsys):
    template = tmp_path / "t.md.j2"
    template.write_text("x", encoding="utf-8")
    out = tmp_path / "b.docx"
    assert main(["export", "--format", "docx", "--out", str(out), "--template", str(template)]) == 1
    assert "--template is for the Markdown export, not Word (DOCX)" in capsys.readouterr().err
    assert not out.exists()


def test_the_printed_template_is_the_default(capsys):
    from reader.export.md_template import default_path

    assert main(["template", "--print"]) == 0
    assert capsys.readouterr().out == default_path().read_text(encoding="utf-8")
