"""Fixtures of the alignment tests: the project's scorer and the CLI's aligner."""

from __future__ import annotations

import json

import pytest

from reader.align.evaluation import score_alignment
from reader.cli import main


@pytest.fixture(scope="session")
def align_score():
    """``score(gold, system)`` → the scorer's figures as a dict (``f1``, ``precision``, …)."""

    def score(gold: dict, system: list[dict]) -> dict:
        return score_alignment(gold, system).as_dict()

    return score


@pytest.fixture
def align_json(capsys):
    """Run ``python -m reader align PATH... --json`` in process and return the parsed links."""

    def run(*paths) -> list[dict]:
        capsys.readouterr()
        assert main(["align", *map(str, paths), "--json"]) == 0
        return json.loads(capsys.readouterr().out)

    return run
