"""Alignment quality measured with the project's scorer on seed 000 and its variants."""

from __future__ import annotations

import pytest

from tests.align import variants

VARIANTS = {v.name: v for v in variants.all_variants()}


def test_seed_000_from_the_raw_file(align_json, align_score):
    links = align_json(variants.SEED_000)
    result = align_score(variants.load_gold(), links)
    assert result["unlocated_units"] == 0
    assert result["f1"] >= 0.99, result


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_variant(name, tmp_path, align_json, align_score):
    variant = VARIANTS[name]
    links = align_json(variant.write(tmp_path))
    result = align_score(variant.gold, links)
    assert result["unlocated_units"] == 0, "the variant's gold must describe its text"
    assert result["f1"] >= 0.97, result


def test_omitted_sentences_become_untranslated_links(tmp_path, align_json):
    variant = variants.omit_sentences(0.1, 1)
    gold_lonely = {link["zh"][0] for link in variant.gold["links"] if link["zh"] and not link["ko"]}
    found = {link["zh"] for link in align_json(variant.write(tmp_path)) if link["zh"] and not link["ko"]}
    # The translator's omissions are reported, with at most a couple of misses either way.
    # (The gold holds the signature and date line as one unit; the aligner has two.)
    assert len({g for g in gold_lonely if not any(f in g for f in found)}) <= 2
    assert len({f for f in found if not any(f in g for g in gold_lonely)}) <= 2


def test_translators_notes_are_linked_to_nothing(tmp_path, align_json):
    links = align_json(VARIANTS["notes"].write(tmp_path))
    notes = [link for link in links if "역주" in link["ko"] or "역자 주" in link["ko"]]
    assert len(notes) == len(variants.TRANSLATOR_NOTES) + len(variants.TRANSLATOR_NOTE_PARAGRAPHS)
    assert all(link["type"] == "0-1" and link["zh"] == "" for link in notes)


def test_missing_clause_is_not_translated_as_a_whole(tmp_path, align_json):
    links = align_json(VARIANTS["omit_clause5"].write(tmp_path))
    clause = [link for link in links if link["zh_ids"] and link["zh_ids"][0].startswith("zh.p2.c3.")]
    assert clause[0]["zh"] == "（五）农产品加工业。"
    assert all(link["type"] == "1-0" for link in clause)
    assert [link["ko"] for link in links if link["ko"].startswith("(6)")] == ["(6) 장비제조업."]


def test_a_sentence_split_four_ways_is_one_link(align_json):
    """chess-rules: the pawn's rules are one Chinese sentence and four Korean ones; the
    last part (폰은 후퇴 수 없습니다) was left one-sided while the longest bead was 1-3."""
    from tests.conftest import ALIGN_DATA

    folder = ALIGN_DATA / "chess-rules"
    links = align_json(*sorted(p for p in folder.iterdir() if p.name not in {"gold.json", "SOURCE.md"}))
    pawn = next(link for link in links if link["zh"].startswith("兵的移动规则最复杂"))
    assert pawn["type"] == "1-4", pawn
    assert pawn["ko"].endswith("폰은 후퇴 수 없습니다."), pawn
