"""What the application bundles may be distributed with it: every runtime dependency
(the closure of duizhao's requirements without extras) has a licence that allows it,
nothing AGPL, and nothing GPL-only (GPL is accepted only beside a permissive or LGPL
option, as PySide6 and tld offer)."""

from __future__ import annotations

import importlib.metadata as metadata
import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

AFFERO = re.compile(r"AGPL|Affero", re.IGNORECASE)
GPL = re.compile(r"(?<![AL])GPL|General Public License", re.IGNORECASE)
LESSER_OR_PERMISSIVE = re.compile(
    r"LGPL|Lesser|MPL|Mozilla|MIT|BSD|Apache|ISC|PSF|Python|Unlicense|HPND", re.IGNORECASE
)


def _licence(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    classifiers = [c for c in (meta.get_all("Classifier") or []) if c.startswith("License ::")]
    return " ; ".join(
        filter(None, [meta.get("License-Expression") or "", (meta.get("License") or "")[:200], *classifiers])
    )


PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


def runtime_closure() -> dict[str, str]:
    """Every distribution the runtime install pulls (pyproject's dependencies, then what
    they require as installed here), name → licence text."""
    seen: dict[str, str] = {}
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    todo = [Requirement(line).name for line in project["dependencies"]]
    while todo:
        name = todo.pop()
        key = name.lower().replace("_", "-")
        if key in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # a requirement for another platform
        seen[key] = _licence(dist)
        for line in dist.requires or []:
            requirement = Requirement(line)
            if requirement.marker is not None and not requirement.marker.evaluate({"extra": ""}):
                continue
            todo.append(requirement.name)
    return seen


def test_no_runtime_dependency_is_affero_or_gpl_only():
    closure = runtime_closure()
    assert {
        "pyside6-essentials",
        "whoosh-reloaded",
        "jieba",
        "kiwipiepy",
        "trafilatura",
        "jinja2",
        "markupsafe",
    } <= set(closure)
    assert "pytest" not in closure and "pyinstaller" not in closure
    unknown = sorted(name for name, text in closure.items() if not text.strip())
    affero = sorted(name for name, text in closure.items() if AFFERO.search(text))
    gpl_only = sorted(
        name
        for name, text in closure.items()
        if GPL.search(text) and not LESSER_OR_PERMISSIVE.search(GPL.sub("", text))
    )
    assert affero == []
    assert gpl_only == []
    assert unknown == [], f"no licence stated by: {unknown}"
