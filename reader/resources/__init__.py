"""Bundled files: the sample corpus (``reader/corpus/``) and the resources beside this
module (``icons/``, ``linux/duizhao.desktop``, ``translations/``), and the data tables
of the packages (``align/hanja_readings.txt``).

They are package data, so a source checkout, an editable install, a wheel and a frozen
PyInstaller build all find them the same way: through ``importlib.resources``, which in a
frozen build resolves to ``sys._MEIPASS/reader`` (build.spec copies them there). Callers
get real paths because Qt and lrelease open files by name; a zipped install is not
supported.
"""

from __future__ import annotations

import sys
from importlib import resources as _importlib_resources
from pathlib import Path


def package_dir() -> Path:
    """The folder of the ``reader`` package, which holds corpus/ and resources/."""
    if getattr(sys, "frozen", False) and hasattr(sys, "_MEIPASS"):
        return Path(sys._MEIPASS) / "reader"
    return Path(str(_importlib_resources.files("reader")))


def corpus_dir() -> Path:
    """The bundled sample documents and their manifest.json."""
    return package_dir() / "corpus"


def package_file(*parts: str) -> Path:
    """A data file elsewhere in the package, e.g. ``package_file("align", "hanja_readings.txt")``."""
    return package_dir().joinpath(*parts)


def resource(*parts: str) -> Path:
    """A file under reader/resources/, e.g. ``resource("icons", "duizhao.svg")``."""
    return package_dir().joinpath("resources", *parts)
