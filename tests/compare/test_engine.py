"""The comparison engine on documents edited the way revisions edit them."""

from __future__ import annotations

import pytest

from reader.compare import STATUSES, compare_documents
from reader.compare.diff import side_text, word_diff
from reader.errors import DuizhaoError
from reader.text.importer import parse_files
from tests.conftest import SEED_000


@pytest.fixture(scope="module")
def guidance():
    return parse_files([SEED_000], doc_id="guofa")


def _edited(tmp_path, text: str, name: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return parse_files([path], doc_id=name.split(".")[0])


def _chinese(text: str) -> str:
    return text[text.index("国务院关于") :]


def test_a_document_against_itself_is_all_continued(guidance):
    comparison = compare_documents(guidance, guidance, "zh")
    assert {p.status for p in comparison.pairs} == {"continued"}
    assert len(comparison.pairs) == len(guidance.units("zh"))
    assert all(p.diff == (("equal", p.a_text),) for p in comparison.pairs)


def test_revision_edits_get_their_status(tmp_path):
    original = _chinese(SEED_000.read_text(encoding="utf-8"))
    reworded_old = "承接、改造和发展纺织、服装、玩具、家电等劳动密集型产业，充分发挥其吸纳就业的作用。"
    reworded_new = "承接、改造和发展纺织、服装、玩具、家电等劳动密集型产业，更好发挥其吸纳就业的作用。"
    dropped = "在有条件的地区适当承接发展技术水平先进的高载能产业。"
    inserted = "支持各地建设数字化转型促进中心，推动工业互联网平台赋能中小企业。"
    assert reworded_old in original and dropped in original
    revised = original.replace(reworded_old, reworded_new).replace(dropped, inserted)
    a = _edited(tmp_path, original, "old.txt")
    b = _edited(tmp_path, revised, "new.txt")
    comparison = compare_documents(a, b, "zh")
    by_b = {p.b_text: p for p in comparison.pairs if p.b_ids}
    by_a = {p.a_text: p for p in comparison.pairs if p.a_ids}
    assert by_b[reworded_new].status == "reworded"
    assert by_b[reworded_new].diff == (
        ("equal", "承接、改造和发展纺织、服装、玩具、家电等劳动密集型产业，"),
        ("delete", "充分"),
        ("insert", "更好"),
        ("equal", "发挥其吸纳就业的作用。"),
    )
    assert by_b[inserted].status == "new" and by_b[inserted].a_ids == ()
    assert by_a[dropped].status == "dropped" and by_a[dropped].b_ids == ()
    counts = comparison.counts()
    assert set(counts) == set(STATUSES)
    assert counts["reworded"] == 1 and counts["new"] == 1 and counts["dropped"] == 1
    # A dropped provision stands where it was: after the pair of the unit before it,
    # before what is new in the same place.
    order = [p.a_text or p.b_text for p in comparison.pairs]
    assert order.index(dropped) + 1 == order.index(inserted)
    assert (
        order[order.index(dropped) - 1]
        == "积极吸引国内外有实力的企业，大力发展能源矿产资源开发和精深加工产业，加快淘汰落后产能。"
    )


def test_a_clause_moved_to_another_part_is_moved(tmp_path):
    original = _chinese(SEED_000.read_text(encoding="utf-8"))
    clause = "（五）农产品加工业。"
    start = original.index(clause)
    end = original.index("（六）装备制造业。")
    block = original[start:end]
    rest = original[:start] + original[end:]
    target = rest.index("（十一）规范发展产业园区。")
    revised = rest[:target] + block + rest[target:]
    comparison = compare_documents(_edited(tmp_path, original, "a.txt"), _edited(tmp_path, revised, "b.txt"), "zh")
    moved = [p for p in comparison.pairs if p.status == "moved"]
    assert next(p.b_text for p in moved) == clause
    assert len(moved) == 3  # the heading and its two sentences
    assert all(p.a_part.startswith("二") and p.b_part.startswith("三") for p in moved)
    assert comparison.counts()["new"] == comparison.counts()["dropped"] == 0


def test_renumbered_clauses_are_continued_and_the_number_is_in_the_diff(tmp_path):
    original = _chinese(SEED_000.read_text(encoding="utf-8"))
    revised = original.replace("（三）劳动密集型产业。", "（三）加快发展数字经济。\n（四）劳动密集型产业。", 1)
    comparison = compare_documents(_edited(tmp_path, original, "a.txt"), _edited(tmp_path, revised, "b.txt"), "zh")
    pair = next(p for p in comparison.pairs if p.b_text == "（四）劳动密集型产业。")
    assert pair.status == "continued"
    assert ("delete", "三") in pair.diff and ("insert", "四") in pair.diff


def test_word_diff_gives_both_texts_back():
    a = "推动产业有序转移，加快发展。"
    b = "促进产业稳步转移，加快发展步伐。"
    ops = word_diff(a, b, "zh")
    assert side_text(ops, "a") == a and side_text(ops, "b") == b
    assert ops[0] == ("delete", "推动") and ops[1] == ("insert", "促进")
    assert word_diff("산업 이전을 추진한다.", "산업 이전을 적극 추진한다.", "ko") == (
        ("equal", "산업 이전을 "),
        ("insert", "적극 "),
        ("equal", "추진한다."),
    )


def test_a_missing_language_is_one_clear_error(tmp_path, guidance):
    chinese_only = _edited(tmp_path, _chinese(SEED_000.read_text(encoding="utf-8"))[:2000], "zh.txt")
    with pytest.raises(DuizhaoError, match="no Korean text"):
        compare_documents(guidance, chinese_only, "ko")


def test_korean_versions_compare_by_eojeol(guidance, tmp_path):
    old = next(s.text for s in guidance.units("ko") if "투자환경을 힘써 개선하고" in s.text)
    new = old.replace("힘써 개선하고", "더욱 힘써 개선하고")
    a = guidance
    text = SEED_000.read_text(encoding="utf-8")
    revised = text.replace(old, new, 1)
    b = _edited(tmp_path, revised, "ko2.txt")
    comparison = compare_documents(a, b, "ko")
    changed = [p for p in comparison.pairs if p.status != "continued"]
    assert len(changed) == 1 and changed[0].status == "reworded"
    assert side_text(changed[0].diff, "a") == old and side_text(changed[0].diff, "b") == new
    assert [op for op, _ in changed[0].diff] == ["equal", "insert", "equal"]
    assert changed[0].diff[1] == ("insert", "더욱 ")
