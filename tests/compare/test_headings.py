"""Headings of two different documents matched by what stands beneath them."""

from __future__ import annotations

import numpy as np
import pytest

from reader.compare import compare_documents
from reader.compare.matching import heading_signals, headings_by_content
from reader.text.importer import parse_files
from tests.conftest import SEED_000, SEED_002


def _parts(count: int) -> tuple[list[str], list[list[int]]]:
    """``count`` parts, each a heading with two sentences: classes and sections."""
    classes: list[str] = []
    sections: list[list[int]] = []
    for _ in range(count):
        head = len(classes)
        classes += ["heading", "text", "text"]
        sections += [[], [head], [head]]
    return classes, sections


def test_a_heading_takes_the_heading_its_sentences_have_their_counterparts_under():
    a_class, a_sections = _parts(6)
    b_class, b_sections = _parts(6)
    wording = np.random.default_rng(0).uniform(0, 0.1, (18, 18)).astype(np.float32)
    wording[0, 0] = 0.6  # the first headings read alike, the first pass paired them ...
    pairs = [(0, 0)]
    for part in range(6):  # ... but part k of A has its sentences' counterparts in part 5 - k of B
        pairs += [(3 * part + s, 3 * (5 - part) + s) for s in (1, 2)]
    headings = heading_signals([wording], a_class, b_class)
    found = headings_by_content(pairs, headings, a_class, a_sections, b_sections)
    assert sorted(p for p in found if a_class[p[0]] == "heading") == [(3 * part, 3 * (5 - part)) for part in range(6)]
    assert [p for p in found if a_class[p[0]] == "text"] == pairs[1:]  # text pairs kept as they were


def test_without_sentence_pairs_beneath_them_headings_keep_their_wording():
    a_class, a_sections = _parts(6)
    b_class, b_sections = _parts(6)
    wording = np.random.default_rng(1).uniform(0, 0.1, (18, 18)).astype(np.float32)
    wording[3, 6] = 0.6
    found = headings_by_content([(3, 6)], heading_signals([wording], a_class, b_class), a_class, a_sections, b_sections)
    assert found == [(3, 6)]


@pytest.mark.parametrize("heading", ["推进产业国内梯度转移", "优化产业转移政策环境"])
def test_the_successor_policys_parts_find_the_parts_they_take_up(heading):
    """002 二 and 九 share little wording with 2010 二 and 八, whose measures they take up
    (the gold's heading pairs); their sentences' counterparts stand there."""
    guidance = parse_files([SEED_000], doc_id="guofa")
    successor = parse_files([SEED_002], doc_id="successor")
    expected = {"推进产业国内梯度转移": "因地制宜承接发展优势特色产业", "优化产业转移政策环境": "加强政策支持和引导"}
    pairs = {p.b_text: p.a_text for p in compare_documents(guidance, successor, "zh").pairs if p.kind == "part"}
    counterpart = next(a for b, a in pairs.items() if heading in b)
    assert expected[heading] in counterpart
