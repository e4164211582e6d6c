"""The rules of the translation checks, one link at a time, against a small glossary
written by hand (the library's evidence), so that each rule is seen to decide."""

from __future__ import annotations

import pytest

from reader.search.analysis import korean_morphemes
from reader.terms.checks import Evidence, pair_findings
from reader.terms.model import AlignedPair, GlossaryEntry, Rendering
from reader.terms.readings import reading
from reader.terms.words import chinese_terms

GLOSSARY = {
    "产业园区": [("산업단지", 11)],
    "产业园": [("산업단지", 11)],
    "中西部地区": [("중서부지역", 27)],
    "产业转移": [("산업이전", 26)],
    "产业": [("산업", 67)],
    "转移": [("이전", 25)],
    "承接": [("유치", 20)],
    "机制": [("메커니즘", 6)],
    "项目": [("프로젝트", 11)],
    "区域": [("지역", 7), ("구역", 1)],
    "加工贸易": [("가공무역", 9)],
}


@pytest.fixture(scope="module")
def evidence():
    entries = [
        GlossaryEntry(zh, reading(zh), sum(c for _, c in renderings), [Rendering(ko, c) for ko, c in renderings], [])
        for zh, renderings in GLOSSARY.items()
    ]
    return Evidence(entries)


def findings(zh: str, ko: str, evidence: Evidence) -> list[tuple[str, str, str]]:
    pair = AlignedPair("doc", "zh.1", "ko.1", zh, ko)
    terms = sorted({t.text for t in chinese_terms(zh)})
    return [(f.kind, f.zh_term, f.ko_term) for f in pair_findings(pair, terms, korean_morphemes([ko])[0], evidence)]


def test_a_term_used_twice_and_rendered_once_is_checked_for_its_other_use(evidence):
    zh = "统筹规划产业园区建设，形成特色明显的产业园区体系。"
    slipped = findings(zh, "공업단지 건설을 통일적으로 규획하고 특색이 뚜렷한 산업단지 체계를 형성한다.", evidence)
    assert ("inconsistent", "产业园区", "공업단지") in slipped
    assert findings(zh, "산업단지 건설을 통일적으로 규획하고 특색이 뚜렷한 산업단지 체계를 형성한다.", evidence) == []


def test_a_term_left_in_chinese_counts_as_its_use(evidence):
    """加工贸易 four times, three times 가공무역 and once left in Chinese: that one is
    untranslated, and no other word (가공능력 of 加工深度) is taken for its slip."""
    zh = "改善加工贸易配套条件，拓展加工深度，推动加工贸易转型升级，鼓励加工贸易企业开拓市场，形成加工贸易发展格局。"
    ko = "加工贸易 부대조건을 개선하고 가공능력을 발굴하며, 가공무역의 전환을 추진하고 가공무역기업을 장려하며 가공무역 발전구조를 형성한다."
    found = findings(zh, ko, evidence)
    assert ("untranslated_chinese", "加工贸易", "加工贸易") in found
    assert not [f for f in found if f[0] in ("inconsistent", "near_miss")], found


def test_the_sino_korean_calque_of_a_term_rendered_by_another_word_is_inconsistent(evidence):
    assert ("inconsistent", "机制", "기제") in findings(
        "建立利益共享机制，实现互利共赢。", "이익공유 기제를 구축하여 호혜 윈-윈을 실현한다.", evidence
    )
    assert (
        findings("建立利益共享机制，实现互利共赢。", "이익공유 메커니즘을 구축하여 호혜 윈-윈을 실현한다.", evidence)
        == []
    )


def test_a_reading_sharing_a_syllable_with_the_usual_rendering_is_no_inconsistency(evidence):
    """区域 is usually 지역; its reading 구역 shares 역 with it: a variant, not a switch."""
    assert findings("促进区域协调发展。", "구역의 조화로운 발전을 촉진한다.", evidence) == []


def test_a_rendering_left_out_is_found_though_its_words_are_rendered_elsewhere(evidence):
    """The 산업 of 产业分工 and the 유치 of 承接 are other words' renderings: 产业转移 has none."""
    zh = "积极承接国内外产业转移，在全国范围内优化产业分工格局。"
    left_out = findings(zh, "국내외 적극 유치하고 전국범위에서 산업분공 구조를 최적화한다.", evidence)
    assert ("partial_omission", "产业转移", "") in left_out
    # 산업 twice for one 产业 outside the term: one is the term's, recast (산업의 이전).
    recast = findings(zh, "국내외 산업의 이전을 적극 유치하고 전국범위에서 산업분공 구조를 최적화한다.", evidence)
    assert not [f for f in recast if f[0] == "partial_omission"], recast


def test_a_part_of_the_usual_rendering_used_once_is_no_rendering_of_the_term():
    """단지 once for 产业园区 (what mining pairs with the word left after 산업단지 was cut)
    does not clear the sentence whose 단지 renders the 园区 of 向园区集中."""
    entries = [
        GlossaryEntry("产业园区", reading("产业园区"), 11, [Rendering("산업단지", 9), Rendering("단지", 1)], []),
        GlossaryEntry("产业", reading("产业"), 67, [Rendering("산업", 67)], []),
    ]
    zh = "引导转移产业向园区集中，促进产业园区规范化发展。"
    ko = "이전산업이 단지에 집중하도록 유도하며, 규범화 발전을 촉진시킨다."
    assert ("partial_omission", "产业园区", "") in findings(zh, ko, Evidence(entries))
