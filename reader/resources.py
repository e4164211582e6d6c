"""Bundled files (corpus, icons, translations), found the same way from a source
checkout, an installed package and a frozen PyInstaller build."""

from __future__ import annotations

import sys
from pathlib import Path


def root() -> Path:
    """Folder that holds corpus/ and resources/."""
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
    return Path(__file__).resolve().parent.parent


def corpus_dir() -> Path:
    return root() / "corpus"


def resource(*parts: str) -> Path:
    return root().joinpath("resources", *parts)
