"""Every test gets its own data directory: no test touches real user data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The sentence encoder is on by default in the product. The suite runs without it so
# that a test of another component does not wait for the encoder to load (seconds on
# a shared machine); the tests of alignment quality and of the encoder switch it on
# (``encoder_on`` below).
os.environ.setdefault("DUIZHAO_ENCODER", "none")

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "reader" / "corpus"
SEED_000 = CORPUS / "000_4da25c489d9ca64f.txt"
SEED_002 = CORPUS / "002_5c24a0fd9a7772f6.txt"
#: The alignment evaluation corpus: one folder per set (texts, gold.json, SOURCE.md).
ALIGN_DATA = ROOT / "tests" / "data" / "align"
GOLD_000 = ALIGN_DATA / "seed000" / "gold.json"


@pytest.fixture(scope="session", autouse=True)
def _one_qt_application(qapp):
    """The run's one QApplication, made before any test: export code makes a
    QGuiApplication when none exists (the PDF, the HWPX preview picture), and one made by
    an early export test would leave the widget tests after it without a QApplication."""
    return qapp


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "data"
    monkeypatch.setenv("DUIZHAO_DATA_DIR", str(path))
    return path


@pytest.fixture
def artifacts(tmp_path: Path) -> Path:
    """Where a test leaves files worth looking at (rendered pages, screenshots): the folder
    named by DUIZHAO_ARTIFACTS (CI keeps them), else a temporary one; never the checkout."""
    configured = os.environ.get("DUIZHAO_ARTIFACTS")
    path = Path(configured) if configured else tmp_path / "artifacts"
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture
def library(data_dir: Path):
    from reader.library import Library

    lib = Library()
    yield lib
    lib.close()


@pytest.fixture
def encoder_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """The product's default: the sentence encoder on."""
    monkeypatch.delenv("DUIZHAO_ENCODER", raising=False)


def system_tool(name: str, package: str) -> str:
    """The path of a command-line tool the tests need, or a failure naming its package
    (README, Quick start, lists them)."""
    import shutil

    found = shutil.which(name)
    assert found, f"this test needs {name} (Debian/Ubuntu: sudo apt install {package})"
    return found
