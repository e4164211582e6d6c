"""The scorer itself: what it counts, and the invariants every alignment score keeps."""

from __future__ import annotations

import json

import pytest

from reader.align.evaluation import (
    AlignmentScore,
    gold_as_links,
    judge_links,
    load_gold,
    locate_units,
    main,
    normalise,
    owning_links,
    score_alignment,
)
from tests.conftest import GOLD_000

GOLD = {
    "links": [
        {"zh": ["总体要求。"], "ko": ["총체적 요구."]},
        {"zh": ["第一句。", "第二句；"], "ko": ["첫째와 둘째 문장."]},
        {"zh": ["只有中文。"], "ko": []},
        {"zh": [], "ko": ["역주: 한국어만."]},
        {"zh": ["最后一句。"], "ko": ["마지막 문장.", "덧붙인 문장."]},
    ]
}


def test_normalise_keeps_letters_and_digits_only():
    assert normalise("（一）指导思想。<br>") == "一指导思想"
    assert normalise("(1) <b>Korea</b>, 2010. 8. 31.") == "1korea20108 31".replace(" ", "")
    assert normalise("__ ；：") == ""


def test_units_are_located_in_order_even_when_repeated():
    text = normalise("甲。乙。甲。丙。")
    assert locate_units(["甲。", "乙", "甲", "丁", ""], text) == [(0, 1), (1, 2), (2, 3), None, None]


def test_a_unit_belongs_to_the_links_holding_most_of_it():
    links = [(0, 4), (4, 10), None, (10, 11)]
    assert owning_links((0, 4), links) == [0]
    assert owning_links((3, 8), links) == [1]  # 1 of its 5 in link 0, 4 in link 1
    assert owning_links((2, 8), links) == [0, 1]  # half of link 0 is in it
    assert owning_links((9, 12), links) == [3]  # 1 of 3 in link 1, but all of link 3
    assert owning_links(None, links) == []


def test_the_gold_as_a_system_is_perfect():
    result = score_alignment(GOLD, gold_as_links(GOLD))
    assert (result.precision, result.recall, result.f1) == (1.0, 1.0, 1.0)
    # 1×1 + 2×1 + 1×2 pairs; the one-sided units contribute none.
    assert result.gold_pairs == result.system_pairs == result.true_pairs == 5
    assert result.unlocated_units == 0
    assert result.missed == result.wrong == ()


def test_segmentation_punctuation_and_markup_do_not_matter():
    system = [
        {"zh": "总体要求", "ko": "<b>총체적</b> 요구"},
        {"zh": "第一句,", "ko": "첫째와 둘째 문장"},
        {"zh": "第二句;", "ko": ""},
        {"zh": "只有中文!", "ko": ""},
        {"zh": "", "ko": "역주 한국어만"},
        {"zh": "最后一句", "ko": "마지막 문장。덧붙인 문장"},
    ]
    result = score_alignment(GOLD, system)
    assert result.unlocated_units == 0
    # 第二句 went to a link of its own: one gold pair missed, nothing wrong.
    assert result.missed == (("第二句；", "첫째와 둘째 문장."),)
    assert result.wrong == ()
    assert result.as_dict() == {
        "gold_pairs": 5,
        "system_pairs": 4,
        "unlocated_units": 0,
        "precision": 1.0,
        "recall": 0.8,
        "f1": 0.8889,
    }


def test_one_link_for_the_whole_document_has_full_recall_and_low_precision():
    zh = "".join(u for link in GOLD["links"] for u in link["zh"])
    ko = " ".join(u for link in GOLD["links"] for u in link["ko"])
    result = score_alignment(GOLD, [{"zh": zh, "ko": ko}])
    assert result.recall == 1.0
    assert result.system_pairs == 5 * 5
    assert result.precision == pytest.approx(5 / 25)


def test_linking_an_untranslated_unit_costs_precision():
    system = gold_as_links(GOLD)
    system[2]["ko"], system[3]["ko"] = system[3]["ko"], ""  # 只有中文 linked to the note
    result = score_alignment(GOLD, system)
    assert result.recall == 1.0
    assert result.wrong == (("只有中文。", "역주: 한국어만."),)
    assert result.precision == pytest.approx(5 / 6)


def test_shifted_alignment_scores_zero():
    ko = [link["ko"] for link in gold_as_links(GOLD)]
    system = [{"zh": link["zh"], "ko": ko[(i + 1) % len(ko)]} for i, link in enumerate(gold_as_links(GOLD))]
    assert score_alignment(GOLD, system).true_pairs == 0
    assert score_alignment(GOLD, system).f1 == 0.0


def test_empty_system_and_text_not_in_the_gold():
    empty = score_alignment(GOLD, [])
    assert (empty.system_pairs, empty.f1, empty.unlocated_units) == (0, 0.0, 10)
    other = score_alignment(GOLD, [{"zh": "别的文件", "ko": "다른 파일"}])
    assert other.unlocated_units == 10 and other.f1 == 0.0


def test_figures_stay_in_range_and_f1_is_the_harmonic_mean():
    for trues, system, gold in [(0, 0, 0), (3, 4, 5), (5, 5, 5), (1, 10, 2)]:
        result = AlignmentScore(gold_pairs=gold, system_pairs=system, true_pairs=trues, unlocated_units=0)
        assert 0.0 <= result.precision <= 1.0 and 0.0 <= result.recall <= 1.0
        assert min(result.precision, result.recall) <= result.f1 <= max(result.precision, result.recall)


def test_seed_000_gold_scores_itself_perfectly():
    gold = load_gold(GOLD_000)
    result = score_alignment(gold, gold_as_links(gold))
    assert result.f1 == 1.0 and result.unlocated_units == 0
    assert result.gold_pairs == 166


def test_command_line_prints_figures_f1_last(tmp_path, capsys):
    gold = tmp_path / "gold.json"
    system = tmp_path / "system.json"
    gold.write_text(json.dumps(GOLD, ensure_ascii=False), encoding="utf-8")
    system.write_text(json.dumps({"links": gold_as_links(GOLD)}, ensure_ascii=False), encoding="utf-8")
    assert main([str(gold), str(system)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1] == "f1: 1.0"
    assert "unlocated_units: 0" in lines


def test_command_line_names_an_unreadable_file(tmp_path, capsys):
    assert main([str(tmp_path / "missing.json"), "-"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "missing.json" in err


def test_links_are_judged_for_calibration():
    system = gold_as_links(GOLD)
    assert judge_links(GOLD, system) == [True] * len(system)
    merged = [
        {"zh": "总体要求。第一句。", "ko": "총체적 요구. 첫째와 둘째 문장."},  # makes two wrong pairs
        {"zh": "第二句；", "ko": ""},  # has a counterpart in the gold
        {"zh": "只有中文。", "ko": ""},
        {"zh": "", "ko": "(역주: 한국어만.)"},
        {"zh": "", "ko": "다른 역주."},  # no gold unit
        {"zh": "最后一句。", "ko": "마지막 문장. 덧붙인 문장."},
    ]
    assert judge_links(GOLD, merged) == [False, False, True, True, None, True]


def test_long_inline_tags_are_dropped_before_units_are_located():
    """DocBook's <ulink url="…" type="help"> is longer than a short tag: the gold keeps
    it, the importer drops it, and the unit must still be found."""
    from reader.align.evaluation import normalise

    gold = '请参照 <ulink url="ghelp:user-guide?feedback-bugs" type="help">文档</ulink> 上的指导。'
    assert normalise(gold) == normalise("请参照 文档 上的指导。")
