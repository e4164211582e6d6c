"""Quality floors of the comparison (the figures are printed by benchmarks/compare_bench.py)."""

from __future__ import annotations

import pytest

from reader.compare import compare_documents
from reader.compare.evaluation import gold_links, predicted_links, score_links
from reader.text.importer import parse_files
from tests.compare.revisions import revise, score_revision
from tests.conftest import ROOT, SEED_000, SEED_002

GOLD = ROOT / "tests" / "data" / "compare" / "successor" / "gold.json"


@pytest.fixture(scope="module")
def guidance():
    return parse_files([SEED_000], doc_id="guofa")


@pytest.mark.parametrize(("lang", "seed"), [("zh", 0), ("zh", 1), ("ko", 0), ("ko", 2)])
def test_revised_versions_get_their_statuses_and_exact_diffs(guidance, lang, seed):
    revision = revise(guidance, lang, seed)
    assert revision.edits["reworded"] >= 10 and revision.edits["split"] == 2
    score = score_revision(compare_documents(revision.old, revision.new, lang), revision.truth)
    assert score.status_accuracy >= 0.95, score.wrong[:5]
    assert score.diffs_total >= 10
    assert score.diff_accuracy == 1.0, score.wrong[:5]


def test_revision_truth_covers_every_kind_of_edit(guidance):
    truth = revise(guidance, "zh", 0).truth
    statuses = {status for status, _ in truth.units.values()}
    assert statuses == {"continued", "reworded", "moved", "new"}
    assert len(truth.dropped) >= 3 + 2  # sentences and a whole clause
    assert any(len(a_ids) == 2 for _, a_ids in truth.units.values())  # a merge


def test_successor_policy_matches_the_gold_above_its_floor(guidance):
    successor = parse_files([SEED_002], doc_id="successor")
    gold = gold_links(GOLD, guidance, successor)
    assert len(gold) == 35
    score = score_links(predicted_links(compare_documents(guidance, successor, "zh")), gold)
    # Wording alone on two differently written policies: see README (Comparing documents).
    assert score.precision >= 0.5 and score.f1 >= 0.4, score
