"""A reviewer's verdicts on findings, and the findings themselves, hold through what the
library does to a document afterwards: mining the glossary again, re-alignment (the
aligner's or the user's pin), re-import of the same text, and an import of another
document that changes the glossary's evidence."""

from __future__ import annotations

import pytest

from reader.terms.service import document_findings, refresh_glossary
from tests.conftest import SEED_000


def _state(library, doc_id):
    every = document_findings(library, doc_id, include_dismissed=True)
    return {f.key: f.decision for f in every}, [f.key for f in document_findings(library, doc_id)]


@pytest.fixture
def reviewed(library):
    """Seed 000 checked, one finding dismissed and one confirmed (as `qa --dismiss/--confirm`)."""
    library.import_files([SEED_000], doc_id="guofa")
    refresh_glossary(library)
    findings = document_findings(library, "guofa")
    kinds = {f.kind for f in findings}
    assert len(findings) >= 4 and len(kinds) >= 2
    dismissed, confirmed = findings[0], next(f for f in findings if f.kind != findings[0].kind)
    library.terms.decide("guofa", dismissed.key, "dismissed", dismissed.kind, dismissed.zh_term, dismissed.ko_term)
    library.terms.decide("guofa", confirmed.key, "confirmed", confirmed.kind, confirmed.zh_term, confirmed.ko_term)
    return library, {f.key for f in findings}, dismissed.key, confirmed.key


def _holds(library, keys, dismissed, confirmed):
    decisions, shown = _state(library, "guofa")
    assert set(decisions) == keys  # the same findings: none lost, none new
    assert decisions[dismissed] == "dismissed" and decisions[confirmed] == "confirmed"
    assert dismissed not in shown and confirmed in shown
    assert sum(1 for d in decisions.values() if d) == 2


def test_verdicts_hold_when_the_glossary_is_mined_again(reviewed):
    library, keys, dismissed, confirmed = reviewed
    library.terms.mark_stale()
    assert document_findings(library, "guofa")  # mines first: the glossary was stale
    assert not library.terms.stale
    _holds(library, keys, dismissed, confirmed)


def test_verdicts_hold_through_realignment_and_a_pinned_correction(reviewed):
    library, keys, dismissed, confirmed = reviewed
    library.realign("guofa")
    assert library.terms.stale
    _holds(library, keys, dismissed, confirmed)
    # The user's correction: one link pinned as it is (a re-alignment around it).
    link = next(x for x in library.links.get("guofa") if len(x.zh_ids) == 1 and len(x.ko_ids) == 1)
    library.pin_link("guofa", link.zh_ids, link.ko_ids)
    _holds(library, keys, dismissed, confirmed)


def test_verdicts_hold_through_a_reimport_of_the_same_text(reviewed):
    library, keys, dismissed, confirmed = reviewed
    library.reimport("guofa", [SEED_000])
    assert library.terms.stale
    _holds(library, keys, dismissed, confirmed)


def test_verdicts_stay_with_their_findings_when_another_document_changes_the_evidence(reviewed, tmp_path):
    """A second document with half of seed 000's text (its slips too) is imported: the
    glossary is mined with its evidence, and a slip now made twice reads as a settled
    rendering, so some findings are no longer made. Every finding still made keeps its
    verdict, nothing decided leaks into the other document, and when that document is
    removed the findings come back with their verdicts."""
    library, keys, dismissed, confirmed = reviewed
    lines = [line for line in SEED_000.read_text(encoding="utf-8").splitlines() if line.strip()]
    korean = [line for line in lines if any("가" <= c <= "힣" for c in line)]
    chinese = [line for line in lines if line not in korean]
    part = tmp_path / "part.txt"  # the Korean translation first, as in seed 000
    part.write_text("\n".join(korean[: len(korean) // 2] + chinese[: len(chinese) // 2]), encoding="utf-8")
    library.import_files([part], doc_id="part")
    assert library.terms.stale
    decisions, shown = _state(library, "guofa")
    assert "part" in {d for e in library.terms.glossary(examples=False) for d in e.documents}
    assert set(decisions) <= keys and decisions  # findings may go, none is new
    for key, decision in decisions.items():
        assert decision == {dismissed: "dismissed", confirmed: "confirmed"}.get(key, "")
    assert dismissed not in shown
    assert library.terms.decisions("part") == {}
    library.delete("part")
    _holds(library, keys, dismissed, confirmed)
