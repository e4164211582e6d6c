"""The evaluation corpus end to end: the real importer and aligner (``align --json``) on
every set, scored by the project's scorer against the set's gold, above the set's floor
in ``tests/data/align/floors.json``."""

from __future__ import annotations

import pytest

from reader.align.evaluation import gold_as_links, normalise, score_alignment
from tests.align import corpus

SETS = {s.name: s for s in corpus.all_sets()}
FLOORS = corpus.floors()
FLOORS_WITHOUT_ENCODER = corpus.floors(encoder=False)


def test_every_set_has_a_floor_and_every_floor_a_set():
    for floors in (FLOORS, FLOORS_WITHOUT_ENCODER):
        assert set(floors) == set(SETS)
        assert all(0.0 < floor <= 1.0 for floor in floors.values())


def test_every_set_on_disk_says_where_it_comes_from():
    for folder in corpus.set_folders():
        source = (folder / "SOURCE.md").read_text(encoding="utf-8")
        assert "icen" in source, f"{folder.name}: SOURCE.md names no licence"


@pytest.mark.parametrize("name", sorted(SETS))
def test_gold_describes_the_text(name, tmp_path):
    """Each gold unit is in the set's files, in order, and the gold scores itself 1.0.

    Checked against the raw text (not the importer's units), so a structure-parser bug
    shows up as a lower F1 in the next test, never as a broken gold file here."""
    evaluation_set = SETS[name]
    text = normalise("".join(path.read_text(encoding="utf-8") for path in evaluation_set.files(tmp_path)))
    for lang in ("zh", "ko"):
        units = [normalise(u) for link in evaluation_set.gold["links"] for u in link[lang]]
        assert units, f"{name}: the gold has no {lang} unit"
        cursor = 0
        for unit in units:
            found = text.find(unit, cursor)
            assert found >= 0, f"{name}: gold {lang} unit not in the text (in order): {unit[:40]}"
            cursor = found + len(unit)
    perfect = score_alignment(evaluation_set.gold, gold_as_links(evaluation_set.gold))
    assert perfect.f1 == 1.0 and perfect.unlocated_units == 0
    assert 40 <= perfect.gold_pairs <= 300 or name.startswith("seed000"), f"{name}: keep a set at 40–300 pairs"


@pytest.mark.parametrize("name", sorted(SETS))
def test_aligner_keeps_its_floor(name, tmp_path, align_json, encoder_on):
    """The product's aligner, with the sentence encoder."""
    evaluation_set = SETS[name]
    links = align_json(*evaluation_set.files(tmp_path))
    result = score_alignment(evaluation_set.gold, links)
    assert result.f1 >= FLOORS[name], (name, result.as_dict())
    assert 0.0 <= result.precision <= 1.0 and 0.0 <= result.recall <= 1.0


@pytest.mark.parametrize("name", sorted(SETS))
def test_aligner_without_the_encoder_keeps_its_floor(name, tmp_path, align_json, monkeypatch):
    """Length and cognates alone, as when the encoder cannot load."""
    monkeypatch.setenv("DUIZHAO_ENCODER", "none")
    evaluation_set = SETS[name]
    result = score_alignment(evaluation_set.gold, align_json(*evaluation_set.files(tmp_path)))
    assert result.f1 >= FLOORS_WITHOUT_ENCODER[name], (name, result.as_dict())


def test_link_scores_mean_what_they_say(tmp_path, align_json, encoder_on):
    """Calibration on the public sets: of the links scored 0.9 or more, nine in ten or
    more are right; of those scored below 0.8, clearly fewer. (Below 0.8, not 0.7: since
    the refit few links score under 0.7 — a dozen on the public sets — too few to judge.)"""
    from reader.align.evaluation import judge_links

    high: list[bool] = []
    low: list[bool] = []
    for name, evaluation_set in SETS.items():
        if name.startswith("seed000"):
            continue
        links = align_json(*evaluation_set.files(tmp_path))
        for link, right in zip(links, judge_links(evaluation_set.gold, links), strict=True):
            if right is not None:
                (high if link["score"] >= 0.9 else low if link["score"] < 0.8 else []).append(right)
    assert len(high) > 100 and len(low) > 20
    assert sum(high) / len(high) >= 0.9
    assert sum(low) / len(low) <= 0.8
