"""Translation checks: planted slips and seed 000's real ones."""

from __future__ import annotations

import pytest

from reader.align import align_document
from reader.terms.checks import KINDS, check_document
from reader.text.importer import parse_files
from tests.conftest import SEED_000
from tests.terms.planting import evaluate, is_real_slip, real_slips


@pytest.fixture(scope="module")
def seed_findings():
    document = parse_files([SEED_000])
    return check_document(document, align_document(document))


@pytest.mark.slow
@pytest.mark.parametrize("seed", [7, 13])
def test_planted_slips_are_found(seed):
    figures = evaluate(count=8, seed=seed)
    for kind in ("near_miss", "untranslated_chinese", "number_mismatch"):
        assert figures[kind]["recall"] >= 0.75, (kind, figures[kind])
        assert figures[kind]["precision"] >= 0.7, (kind, figures[kind])
    # Inconsistent and left-out renderings (the latter planted in a document of their
    # own): 7 or 8 of 8 found for these seeds, none wrongly (benchmarks/terms_bench.py),
    # so the recall 0.8 is the floor, and precision may not fall below 0.9.
    assert figures["partial_omission"]["planted"] == 8
    for kind in ("inconsistent", "partial_omission"):
        assert figures[kind]["recall"] >= 0.8, (kind, figures[kind])
        assert figures[kind]["precision"] >= 0.9, (kind, figures[kind])


def test_seed_000_findings_are_few_and_real(seed_findings):
    assert 1 <= len(seed_findings) <= 25
    slips = real_slips()
    right = [f for f in seed_findings if is_real_slip(f, slips)]
    assert len(right) / len(seed_findings) >= 0.7
    checkable = [s for s in slips if s["kind"] != "unrelated"]
    caught = [s for s in checkable if any(f.zh_term == s["zh"] or f.ko_term == s["ko"] for f in seed_findings)]
    assert len(caught) / len(checkable) >= 0.7, [s["ko"] for s in checkable if s not in caught]


def test_findings_have_the_contract_fields(seed_findings):
    for finding in seed_findings:
        record = finding.as_dict()
        assert {"kind", "zh_term", "ko_term", "zh_id", "ko_id", "message", "suggestion", "confidence"} <= set(record)
        assert record["kind"] in KINDS
        assert record["zh_id"].startswith("zh.") and record["ko_id"].startswith("ko.")
        assert 0 < record["confidence"] <= 1


def test_a_gloss_in_parentheses_is_not_untranslated_chinese():
    document = parse_files([SEED_000])
    links = align_document(document)
    by_id = {s.id: s for s in document.segments}
    # 성도(省會) in seed 000 is a gloss: no finding for it
    findings = check_document(document, links)
    assert not any(f.zh_term in ("省會", "省会") for f in findings)
    assert any("省會" in s.text for s in by_id.values() if s.lang == "ko")


def test_finding_keys_are_stable_across_realignment(seed_findings):
    document = parse_files([SEED_000])
    again = check_document(document, align_document(document))
    assert {f.key for f in again} == {f.key for f in seed_findings}


def test_a_document_checked_before_is_checked_from_the_stored_analysis(library, monkeypatch):
    """The second `qa` of a document needs neither Kiwi nor jieba, and finds the same."""
    from reader.search import analysis
    from reader.terms import checks
    from reader.terms.service import document_findings, refresh_glossary

    library.import_files([SEED_000], doc_id="guofa")
    refresh_glossary(library)
    first = document_findings(library, "guofa", include_dismissed=True)
    document = library.documents.get("guofa")
    fresh = check_document(document, library.links.get("guofa"), library.terms.glossary(), library.terms.preferred())
    assert [f.as_dict() for f in first] == [f.as_dict() for f in fresh]

    def not_again(*_args, **_kwargs):
        raise AssertionError("analysed again")

    for name in ("chinese_terms", "chinese_words", "_parts"):
        monkeypatch.setattr(checks, name, not_again)
    monkeypatch.setattr(analysis, "korean_morphemes", not_again)
    again = document_findings(library, "guofa", include_dismissed=True)
    assert [f.as_dict() for f in again] == [f.as_dict() for f in first]


def test_the_checks_and_the_glossary_read_the_morphemes_the_index_stored(library, tmp_path, monkeypatch):
    """Kiwi analyses a sentence once: the Korean sides the index analysed (a link of one
    unit without numbering has the unit's text) are read from the store by the glossary's
    mining and the checks; only the other pair texts are analysed, once for both."""
    from reader.search import SearchIndex, analysis
    from reader.terms.glossary import aligned_pairs
    from reader.terms.service import document_findings, refresh_glossary

    library.import_files([SEED_000], doc_id="guofa")
    index = SearchIndex(library, tmp_path / "index")
    index.rebuild()
    index.close()
    document = library.documents.get("guofa")
    unit_texts = {u.text for u in document.units("ko")}
    pair_texts = {p.ko for p in aligned_pairs(document, library.links.get("guofa"))}
    assert pair_texts & unit_texts and pair_texts - unit_texts
    analysed: list[str] = []
    kiwi = analysis.korean_morphemes

    def counted(texts):
        analysed.extend(texts)
        return kiwi(texts)

    monkeypatch.setattr(analysis, "korean_morphemes", counted)
    refresh_glossary(library)
    document_findings(library, "guofa", include_dismissed=True)
    assert sorted(analysed) == sorted(pair_texts - unit_texts)


def test_a_rendering_of_two_words_is_compared_with_no_window():
    """A usual rendering with a space in it (노동집약형 산업) cannot be one syllable away
    from a one-word window: the comparison is skipped instead of failing."""
    from reader.terms.checks import _closest_window

    text = "노동집약형산업을 발전시킨다"
    assert _closest_window("노동집약형 산업", text, {0, 9}, True, evidence=None) == ("", 0)
