"""The structure of both seeds, asserted in detail."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest

from reader.model import KINDS
from reader.text.importer import parse_files
from tests.conftest import GOLD_000, SEED_000, SEED_002

ZH_NUMERALS = "一二三四五六七八九十"


def cn(n: int) -> str:
    """Chinese numeral for 1..39, as printed in clause labels."""
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else ZH_NUMERALS[tens - 1] + "十")
    return head + (ZH_NUMERALS[ones - 1] if ones else "")


@pytest.fixture(scope="module")
def doc000():
    return parse_files([SEED_000])


@pytest.fixture(scope="module")
def doc002():
    return parse_files([SEED_002])


def test_seed_000_is_one_bilingual_document(doc000):
    assert doc000.languages == ["zh", "ko"]
    assert doc000.title == "国务院关于中西部地区承接产业转移的指导意见"
    assert doc000.doc_number == "国发〔2010〕28号"
    assert doc000.issuer == "国务院"
    assert doc000.date == "二○一○年八月三十一日"


@pytest.mark.parametrize("lang", ["zh", "ko"])
def test_seed_000_has_8_parts_and_30_clauses(doc000, lang):
    segments = doc000.segments_in(lang)
    parts = [s for s in segments if s.kind == "part"]
    clauses = [s for s in segments if s.kind == "clause"]
    assert len(parts) == 8
    assert len(clauses) == 30
    if lang == "zh":
        assert [p.label for p in parts] == list("一二三四五六七八")
        assert [c.label for c in clauses] == [f"（{cn(n)}）" for n in range(1, 31)]
    else:
        assert [p.label for p in parts] == [f"{n}." for n in range(1, 9)]
        assert [c.label for c in clauses] == [f"({n})" for n in range(1, 31)]
    # Clauses (三)/(3) to (九)/(9) belong to part 2.
    part2 = parts[1].id
    assert next(c.label for c in clauses if c.parent == part2) in ("（三）", "(3)")
    assert sum(c.parent == part2 for c in clauses) == 7


def test_seed_000_head_and_tail(doc000):
    zh = doc000.segments_in("zh")
    kinds = [s.kind for s in zh]
    assert kinds[:4] == ["title", "doc_number", "addressee", "preamble"]
    assert zh[2].text == "各省、自治区、直辖市人民政府，国务院各部委、各直属机构："
    assert kinds[-2:] == ["signature", "date"]
    assert zh[-2].text == "国务院"
    # The closing paragraph sits at top level after the last clause.
    closing = [s for s in zh if s.kind == "paragraph" and s.parent is None]
    assert len(closing) == 1
    first = next(s for s in zh if s.parent == closing[0].id)
    assert first.text.startswith("引导和支持中西部地区承接产业转移")
    ko = doc000.segments_in("ko")
    assert ko[0].kind == "addressee" and ko[0].text.endswith("각 직속기구:")
    assert not [s for s in ko if s.kind in ("title", "doc_number", "signature")]


def test_seed_000_clause_headings_and_items(doc000):
    zh = {s.id: s for s in doc000.segments_in("zh")}
    first_clause = next(s for s in zh.values() if s.kind == "clause")
    assert (first_clause.label, first_clause.text, first_clause.body) == ("（一）", "（一）指导思想。", "指导思想。")
    items = [s for s in zh.values() if s.kind == "item"]
    assert [i.label for i in items] == ["——"] * 4
    assert items[0].text == "——坚持市场导向，减少行政干预。"
    assert zh[items[0].parent].label == "（二）"
    ko_items = [s for s in doc000.segments_in("ko") if s.kind == "item"]
    assert [i.label for i in ko_items] == ["-"] * 4
    assert ko_items[0].text == "- 시장원칙에 따르고 행정적 간여를 줄인다."


def test_page_break_is_repaired_in_seed_000(doc000):
    texts = [s.text for s in doc000.units("zh")]
    assert "遵循市场规律，尊重各类企业在产业转移中的主体地位，充分发挥市场配置资源的基础性作用；" in texts
    assert not any(t.endswith("在产") or t.startswith("业转移中") for t in texts)


def test_full_width_indentation_is_stripped(doc000):
    for segment in doc000.segments:
        assert segment.text == segment.text.strip(" \t\u3000")
        assert segment.label == segment.label.strip(" \t\u3000")


def test_units_match_the_gold_segmentation(doc000):
    """Every gold unit is one of our units (the signature line we split in two)."""

    def norm(text):
        return re.sub(r"[\W_]+", "", text)

    gold = json.loads(GOLD_000.read_text(encoding="utf-8"))
    for lang in ("zh", "ko"):
        ours = [norm(s.text) for s in doc000.units(lang)]
        gold_units = [norm(u) for link in gold["links"] for u in link[lang]]
        missing = [u for u in gold_units if u not in ours and u != norm("国务院二○一○年八月三十一日")]
        assert missing == [], lang


def test_korean_sentences_do_not_break_after_numbers(doc000):
    ko = [s.text for s in doc000.units("ko")]
    assert "과학발전관을 심도 있게 관철한다." in ko
    assert not any(re.fullmatch(r"\(?\d+\)?\.?", t) for t in ko)


def test_seed_002_has_9_parts_and_repairs_every_page_break(doc002):
    assert doc002.languages == ["zh"]
    parts = [s for s in doc002.segments if s.kind == "part"]
    assert [p.label for p in parts] == list("一二三四五六七八九")
    assert parts[0].text == "一、总体要求"
    sentences = [s.text for s in doc002.segments if s.kind == "sentence"]
    for joined in (
        "高载能行业向西部清洁能源优势地区集聚。",
        "支持资源型地区发展接续产业和替代产业，促进资源型地区转型升级。",
        "推动市场、规则、标准方面的合作联通。",
        "严格落实生态环境损害赔偿和生态保护补偿制度。",
        "建立健全横向协同、上下联动工作机制，确保各项工作落到实处。",
    ):
        assert any(joined in s for s in sentences), joined
    # Every sentence ends where a Chinese sentence can end.
    assert all(s[-1] in "。；！？" for s in sentences)


def test_segment_ids_are_unique_stable_and_structural(doc000):
    ids = [s.id for s in doc000.segments]
    assert len(ids) == len(set(ids))
    again = parse_files([SEED_000])
    assert [s.id for s in again.segments] == ids
    clause = next(s for s in doc000.segments_in("ko") if s.kind == "clause" and s.label == "(3)")
    assert clause.id.startswith("ko.p2.c1.")
    assert all(s.kind in KINDS for s in doc000.segments)
    kinds = Counter(s.kind for s in doc000.segments)
    assert kinds["sentence"] > 200


def test_parents_come_before_children(doc000):
    seen = set()
    for segment in doc000.segments:
        assert segment.parent is None or segment.parent in seen
        seen.add(segment.id)


def test_changed_text_changes_only_that_segment_id(tmp_path, doc000):
    text = SEED_000.read_text(encoding="utf-8").replace("当前，国际国内产业分工深刻调整", "当前，国际产业分工深刻调整")
    edited = tmp_path / "edited.txt"
    edited.write_text(text, encoding="utf-8")
    new = parse_files([edited])
    old_ids, new_ids = [s.id for s in doc000.segments], [s.id for s in new.segments]
    changed = [(a, b) for a, b in zip(old_ids, new_ids, strict=True) if a != b]
    assert len(changed) == 1
    assert changed[0][0].rsplit(".", 1)[0] == changed[0][1].rsplit(".", 1)[0] == "zh.pre1.s2"


def test_regulations_number_chapters_and_articles(tmp_path):
    path = tmp_path / "regulation.txt"
    path.write_text(
        "外商投资安全审查办法\n第一章　总则\n第一条　为了适应推动形成全面开放新格局的需要，制定本办法。\n"
        "第二条　对影响或者可能影响国家安全的外商投资，依照本办法进行安全审查。\n第二章　审查\n"
        "第三条　工作机制办公室负责安全审查。\n"
        "외국인투자 안전심사 방법\n제1장 총칙\n제1조(목적) 전면 개방의 새로운 구도 형성을 위하여 이 방법을 제정한다.\n"
        "제2조 국가안전에 영향을 미치는 외국인투자는 이 방법에 따라 안전심사를 한다.\n제2장 심사\n"
        "제3조 업무체제 판공실은 안전심사를 책임진다.\n",
        encoding="utf-8",
    )
    document = parse_files([path])
    for lang, parts, clauses in (
        ("zh", ["第一章", "第二章"], ["第一条", "第二条", "第三条"]),
        ("ko", ["제1장", "제2장"], ["제1조(목적)", "제2조", "제3조"]),
    ):
        segments = document.segments_in(lang)
        assert [s.label for s in segments if s.kind == "part"] == parts
        assert [s.label for s in segments if s.kind == "clause"] == clauses
        assert segments[0].kind == "title"
    assert document.title == "外商投资安全审查办法"
    assert document.title_ko == "외국인투자 안전심사 방법"
