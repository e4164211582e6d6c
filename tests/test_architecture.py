"""Core packages never import QtWidgets: they are usable and testable without a window."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import reader
from tests.conftest import ROOT

CORE = (
    "reader.text",
    "reader.align",
    "reader.store",
    "reader.search",
    "reader.annotations",
    "reader.compare",
    "reader.export",
    "reader.terms",
)


def _modules(package: str) -> list[str]:
    path = ROOT.joinpath(*package.split("."))
    return [package] + [f"{package}.{m.name}" for m in pkgutil.iter_modules([str(path)])]


def test_core_packages_do_not_import_qtwidgets():
    modules = [m for package in CORE for m in _modules(package)] + ["reader.library", "reader.cli"]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print('PySide6.QtWidgets' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "False"
    assert len(modules) > 40  # every module of every core package was imported
    assert reader.__file__.startswith(str(ROOT))


def test_the_main_window_stays_thin():
    """The window wires its parts; the work is in controllers, panels and the core (issue 12: ≤ 400 lines)."""
    lines = (ROOT / "reader" / "ui" / "mainwindow.py").read_text(encoding="utf-8").count("\n")
    assert lines <= 400
