"""The glossary mined from seed 000 against a list made by reading it."""

from __future__ import annotations

import json

import pytest

from reader.align import align_document
from reader.terms.glossary import aligned_pairs, mine
from reader.text.importer import parse_files
from tests.conftest import SEED_000
from tests.terms.planting import TERMS_FILE


@pytest.fixture(scope="module")
def glossary():
    document = parse_files([SEED_000])
    return {e.zh: e for e in mine(aligned_pairs(document, align_document(document)))}


def test_top_rendering_of_the_30_most_frequent_terms(glossary):
    reference = json.loads(TERMS_FILE.read_text(encoding="utf-8"))["terms"]
    assert len(reference) == 30
    right = [t["zh"] for t in reference if t["zh"] in glossary and glossary[t["zh"]].top in t["accepted"]]
    assert len(right) / len(reference) >= 0.9, sorted({t["zh"] for t in reference} - set(right))


def test_renderings_that_reorder_or_replace_characters(glossary):
    assert glossary["转移"].top == "이전"  # 轉移 is read 전이
    assert glossary["劳动密集型"].top == "노동집약형"  # read 노동밀집형
    assert glossary["承接"].top == "유치"  # no syllable in common: association alone


def test_a_collocation_does_not_steal_its_neighbour_rendering(glossary):
    # 发挥作用 → 역할을 발휘: 发挥 takes 발휘, so 作用 cannot
    assert glossary["发挥"].top == "발휘"
    assert "발휘" not in [r.ko for r in glossary["作用"].renderings[:1]]


def test_entries_carry_counts_documents_and_examples(glossary):
    entry = glossary["产业转移"]
    assert entry.reading == "산업전이"
    assert entry.renderings[0].count >= 20
    assert entry.documents == [entry.examples[0].doc_id]
    assert 1 <= len(entry.examples) <= 3
    assert all("产业转移" in e.zh and "산업이전" in e.ko for e in entry.examples)


def test_preferred_rendering_comes_first(glossary):
    document = parse_files([SEED_000])
    pairs = aligned_pairs(document, align_document(document))
    entries = {e.zh: e for e in mine(pairs, preferred={"区域": "구역"})}
    assert entries["区域"].renderings[0].ko == "구역"
    assert entries["区域"].renderings[0].preferred


def test_mining_can_be_cancelled():
    document = parse_files([SEED_000])
    pairs = aligned_pairs(document, align_document(document))
    assert mine(pairs, cancelled=lambda: True) == []


def _as_rows(entries):
    return [
        (
            e.zh,
            e.reading,
            e.frequency,
            [(r.ko, r.count, sorted(r.by_document.items()), r.preferred, r.score) for r in e.renderings],
            e.documents,
            e.examples,
            e.log_dice,
        )
        for e in entries
    ]


@pytest.fixture(scope="module")
def mixed_pairs():
    """Two documents, links joined across them (text no document has) and a repeat."""
    import random

    from reader.terms.model import AlignedPair
    from tests.conftest import SEED_002

    pairs = []
    for path in (SEED_000, SEED_002):
        document = parse_files([path])
        pairs += aligned_pairs(document, align_document(document))
    rng = random.Random(5)
    joined = []
    for k in range(300):
        a, b = rng.sample(pairs, 2)
        joined.append(AlignedPair(f"mix{k % 7}", a.zh_id, b.ko_id, a.zh + b.zh, a.ko + " " + b.ko))
    repeated = [AlignedPair("again", p.zh_id, p.ko_id, p.zh, p.ko) for p in pairs[:80]]
    return pairs + joined + repeated


@pytest.mark.parametrize("min_frequency", [1, 2])
def test_mining_with_arrays_gives_the_straightforward_glossary(mixed_pairs, min_frequency):
    """Counting, scoring and linking with numpy and a heap per link change nothing:
    every entry, rendering, count, document, example and score is the same."""
    from tests.terms import reference_mining

    preferred = {"产业转移": "산업이전", "承接": "유치", "区域": "구역"}
    fast = mine(mixed_pairs, preferred=preferred, min_frequency=min_frequency)
    slow = reference_mining.mine(mixed_pairs, preferred=preferred, min_frequency=min_frequency)
    assert len(fast) > 1000
    assert _as_rows(fast) == _as_rows(slow)


def test_mining_in_many_blocks_gives_the_same_glossary(mixed_pairs, monkeypatch):
    """Counted block by block, the counts merged into runs as they come (blocks of 37
    links here, against one block of them all), every entry is the same."""
    from reader.terms import cooccurrence
    from tests.terms import reference_mining

    slow = reference_mining.mine(mixed_pairs)
    monkeypatch.setattr(cooccurrence, "BLOCK_LINKS", 37)
    assert len(mixed_pairs) > 10 * 37
    assert _as_rows(mine(mixed_pairs)) == _as_rows(slow)


def test_reading_agreement_of_arrays_is_similarity(mixed_pairs):
    """The vectorised agreement is readings.similarity for every (term, candidate) pair,
    repeated syllables (multisets) included."""
    import numpy as np

    from reader.terms.cooccurrence import Cooccurrence, Vocabulary
    from reader.terms.glossary import analyse
    from reader.terms.readings import reading, similarity

    terms_of, candidates_of = analyse(mixed_pairs[:200])
    terms_of.append(["发展发展", "人人"])
    candidates_of.append(["발전발전", "인인인", "발전"])
    vocabulary = Vocabulary.of(terms_of, candidates_of)
    readings = [reading(t) for t in vocabulary.terms]
    counting = Cooccurrence(vocabulary, np.ones(len(vocabulary.terms), dtype=bool), readings)
    rng = np.random.default_rng(3)
    terms = rng.integers(0, len(vocabulary.terms), 20000)
    candidates = rng.integers(0, len(vocabulary.candidates), 20000)
    for word in ("发展发展", "人人"):
        for other in ("발전발전", "인인인", "발전"):
            terms = np.append(terms, vocabulary.terms.index(word))
            candidates = np.append(candidates, vocabulary.candidates.index(other))
    found = counting.agreement(terms, candidates)
    expected = [similarity(readings[t], vocabulary.candidates[c]) for t, c in zip(terms, candidates, strict=True)]
    assert found.tolist() == expected
    assert max(expected) == 1.0 and sum(1 for x in expected if 0 < x < 1) > 100
