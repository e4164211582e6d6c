"""The shared scorer (../shared/eval/align_score.py beside the checkout, as in CI)."""

from __future__ import annotations

import importlib.util
import json

import pytest

from reader.cli import main
from tests.align.variants import SCORER


@pytest.fixture(scope="session")
def align_score():
    """The ``score(gold, system)`` function of the shared scorer; CI guarantees the file."""
    if not SCORER.is_file():
        raise FileNotFoundError(f"the alignment scorer is missing: {SCORER} (shared/ must sit beside the checkout)")
    spec = importlib.util.spec_from_file_location("align_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.score


@pytest.fixture
def align_json(capsys):
    """Run ``python -m reader align PATH... --json`` in process and return the parsed links."""

    def run(*paths) -> list[dict]:
        capsys.readouterr()
        assert main(["align", *map(str, paths), "--json"]) == 0
        return json.loads(capsys.readouterr().out)

    return run
