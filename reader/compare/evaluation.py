"""Scoring a comparison against a gold matching (for tests and benchmarks/compare_bench.py).

A gold file (``tests/data/compare/*/gold.json``) lists pairs ``{"a": [ids], "b": [ids]}``
of units that correspond; ids may omit their text hash (``zh.p2.c1.s1``). Scores are on
links: every (a unit, b unit) of a pair with both sides, so a 2-1 pair is two links.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..model import Document
from .model import Comparison


@dataclass(frozen=True)
class LinkScore:
    precision: float
    recall: float
    f1: float
    correct: int
    predicted: int
    gold: int


def _full_id(document: Document, ref: str) -> str:
    segment = document.find_segment(ref)
    if segment is None:
        raise ValueError(f"gold names {ref!r}, which {document.id} does not have")
    return segment.id


def gold_links(path: str | Path, a: Document, b: Document) -> set[tuple[str, str]]:
    """The gold links of a gold file, with the documents' full segment ids."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return {(_full_id(a, ra), _full_id(b, rb)) for pair in data["pairs"] for ra in pair["a"] for rb in pair["b"]}


def predicted_links(comparison: Comparison) -> set[tuple[str, str]]:
    return {(x, y) for pair in comparison.pairs for x in pair.a_ids for y in pair.b_ids}


def score_links(predicted: set[tuple[str, str]], gold: set[tuple[str, str]]) -> LinkScore:
    correct = len(predicted & gold)
    precision = correct / len(predicted) if predicted else 0.0
    recall = correct / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return LinkScore(precision, recall, f1, correct, len(predicted), len(gold))


def counterpart_ranks(score, allowed, links: list[tuple[int, int]]) -> list[int]:
    """For each gold link (index in A, index in B): how many units of A that may match the
    unit of B score higher with it than its gold counterpart (0: the counterpart is first).

    A matcher that picks a unit's counterpart among its k best candidates finds at most
    the links ranked below k, whatever its thresholds or its assignment: a bound on what
    a score can reach, used by benchmarks/compare_bench.py.
    """
    import numpy as np

    masked = np.where(allowed, score, -np.inf)
    return [int((masked[:, j] > masked[i, j]).sum()) for i, j in links]


def link_indices(links: set[tuple[str, str]], a_units, b_units) -> list[tuple[int, int]]:
    """Gold links (full ids) as (index in A's units, index in B's units)."""
    a_index = {s.id: k for k, s in enumerate(a_units)}
    b_index = {s.id: k for k, s in enumerate(b_units)}
    return sorted((a_index[x], b_index[y]) for x, y in links)
