"""Export files: the umask's mode, a name that says another format refused."""

from __future__ import annotations

import os
import stat

import pytest

from reader.cli import main
from reader.export import ExportRefused, write_briefing


@pytest.mark.parametrize("mask", [0o022, 0o077, 0o002])
def test_exported_files_take_the_umask_mode(briefing, tmp_path, mask):
    old = os.umask(mask)
    try:
        out = write_briefing(briefing, "md", tmp_path / "b.md")
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~mask


def test_a_name_that_says_another_format_is_refused_in_one_line(annotated, tmp_path, capsys):
    out = tmp_path / "x.docx"
    assert main(["export", "--format", "pdf", "--out", str(out)]) != 0
    error = capsys.readouterr().err.strip()
    assert len(error.splitlines()) == 1 and "x.docx" in error and "PDF" in error and "Word" in error
    assert not out.exists()
    with pytest.raises(ExportRefused):
        write_briefing(_briefing(annotated[0]), "md", tmp_path / "y.html")
    # A name without a known suffix is the user's choice.
    assert write_briefing(_briefing(annotated[0]), "md", tmp_path / "notes.txt").exists()


def _briefing(library):
    from reader.export import BriefingOptions, briefing_from_library

    return briefing_from_library(library, BriefingOptions())
