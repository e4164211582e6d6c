"""Bundled files are package data: found through reader.resources and listed in pyproject's
package-data, so a wheel (not only an editable install) carries every one of them."""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

import reader
from reader import resources
from reader.library import read_manifest

PACKAGE = Path(reader.__file__).resolve().parent
ROOT = PACKAGE.parent


def test_corpus_and_resources_live_inside_the_package():
    assert resources.corpus_dir() == PACKAGE / "corpus"
    entries = read_manifest(resources.corpus_dir())
    assert [e.id for e in entries] == ["guofa-2010-28", "manufacturing-transfer"]
    assert all(path.is_file() for entry in entries for path in entry.files)
    for parts in [("icons", "duizhao.svg"), ("linux", "duizhao.desktop"), ("translations", "duizhao_ko.ts")]:
        assert resources.resource(*parts).is_file(), parts


def test_every_bundled_file_is_declared_as_package_data():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = pyproject["tool"]["setuptools"]["package-data"]["reader"]
    bundled = [
        path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*")
        if path.is_file() and path.suffix not in {".py", ".pyc", ".qm"}
    ]
    assert "align/hanja_readings.txt" in bundled and len(bundled) >= 7
    undeclared = [name for name in bundled if not any(fnmatch.fnmatch(name, p) for p in patterns)]
    assert undeclared == []
