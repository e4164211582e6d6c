"""Hostile and broken files: one line naming the file and the problem, exit 1, no
traceback, the library unchanged, and memory within 1 GB even for a zip bomb."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main

from . import hostile
from .conftest import cli_env, one_line_error, snapshot

#: The most memory (KiB, as VmHWM counts) one bad file may take.
MEMORY_LIMIT_KB = 1024 * 1024

# The peak is this process's own high-water mark (VmHWM, reset by exec): ru_maxrss keeps
# the maximum across exec, so a child started by a large test process would report the
# parent's size, not its own.
_MEASURED = (
    "import re, runpy, sys\n"
    "try:\n"
    "    runpy.run_module('reader', run_name='__main__', alter_sys=True)\n"
    "finally:\n"
    "    status = open('/proc/self/status').read()\n"
    "    with open(sys.argv.pop(), 'w') as out:\n"
    "        out.write(re.search(r'VmHWM:\\s+(\\d+)', status).group(1))\n"
)


def import_measured(data_dir: Path, path: Path, tmp_path: Path) -> tuple[subprocess.CompletedProcess, int]:
    """``python -m reader import PATH`` in a process of its own, with its peak memory (KiB)."""
    peak = tmp_path / "peak.txt"
    done = subprocess.run(
        [sys.executable, "-c", _MEASURED, "import", str(path), str(peak)],
        capture_output=True,
        text=True,
        env=cli_env(data_dir),
        timeout=300,
        check=False,
    )
    return done, int(peak.read_text())


@pytest.fixture(scope="module")
def bombs(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("bombs")
    return {
        "2 GiB DOCX": hostile.docx_bomb(folder / "bomb.docx", 2 * 1024 * hostile.MiB),
        "DOCX lying about its size": hostile.lying_docx_bomb(folder / "lying.docx", 512 * hostile.MiB),
        "HWPX": hostile.hwpx_bomb(folder / "bomb.hwpx", 512 * hostile.MiB),
    }


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["2 GiB DOCX", "DOCX lying about its size", "HWPX"])
def test_zip_bombs_are_refused_within_a_gigabyte(bombs, kind, data_dir, tmp_path):
    path = bombs[kind]
    assert path.stat().st_size < 3 * hostile.MiB  # small file, huge inside
    data_dir.mkdir(parents=True, exist_ok=True)
    before = snapshot(data_dir)
    done, peak_kb = import_measured(data_dir, path, tmp_path)
    line = one_line_error(done)
    assert path.name in line and "zip bomb" in line
    assert peak_kb < MEMORY_LIMIT_KB, f"{kind}: {peak_kb // 1024} MB"
    assert snapshot(data_dir) == before or not any(k.startswith("duizhao") for k in before)


@pytest.mark.parametrize(
    ("name", "make", "expected"),
    [
        ("cut.docx", hostile.cut_docx, "not a readable DOCX file"),
        (
            "laughs.docx",
            lambda p: hostile.docx_with_document_xml(p, hostile.BILLION_LAUGHS),
            "not a readable DOCX file",
        ),
        (
            "malformed.docx",
            lambda p: hostile.docx_with_document_xml(p, hostile.MALFORMED_XML),
            "not a readable DOCX file",
        ),
    ],
)
def test_broken_docx_is_one_line(tmp_path, capsys, name, make, expected):
    path = make(tmp_path / name)
    assert main(["import", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and expected in err and name in err


def _text_pdf(path: Path) -> Path:
    from PySide6.QtGui import QFont, QPageSize, QPdfWriter, QTextDocument

    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    text = QTextDocument()
    text.setDefaultFont(QFont("Noto Sans CJK SC", 11))
    text.setPlainText(
        "国务院关于中西部地区承接产业转移的指导意见\n一、总体要求\n（一）指导思想。深入贯彻落实科学发展观。"
    )
    text.print_(writer)
    del writer
    return path


def _encrypted(plain: Path, target: Path, user: str, algorithm: str) -> Path:
    import pypdf

    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(plain))
    writer.encrypt(user_password=user, owner_password="owner-only", algorithm=algorithm)
    writer.write(target)
    return target


@pytest.mark.parametrize("algorithm", ["AES-256", "AES-128", "RC4-128"])
def test_an_owner_password_only_pdf_opens_as_in_any_reader(qapp, tmp_path, capsys, algorithm):
    path = _encrypted(_text_pdf(tmp_path / "plain.pdf"), tmp_path / "locked.pdf", "", algorithm)
    assert main(["import", str(path)]) == 0, capsys.readouterr().err
    assert main(["search", "指导思想"]) == 0
    assert "指导思想" in capsys.readouterr().out


def test_a_pdf_with_a_user_password_is_one_line(qapp, tmp_path, capsys):
    path = _encrypted(_text_pdf(tmp_path / "plain.pdf"), tmp_path / "secret.pdf", "secret", "AES-256")
    assert main(["import", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "secret.pdf" in err and "password" in err
