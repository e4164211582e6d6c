"""The index reads the Korean morphemes the library has stored instead of running Kiwi
again, and its terms, hits and highlights are exactly those of a fresh analysis."""

from __future__ import annotations

import pytest

from reader.search import SearchIndex, analysis
from reader.store.errors import StorageBusy

from .conftest import SEED_000_ID

QUERIES = (
    "산업이전",
    "산업이전을",
    "산업",
    "중서부",
    "노동집약형",
    "다그치다",
    "산업* 유치",
    '"산업이전 유치"',
    "산*",
    "产业转移",
)


def _stored_morpheme_rows(library) -> int:
    keys = [analysis.morphemes_key(u.text) for d in library.documents.list() for u in _korean_units(library, d["id"])]
    return len(library.terms.analysed(keys))


def _korean_units(library, doc_id: str):
    document = library.documents.get(doc_id)
    return document.units("ko") if "ko" in document.languages else []


def _postings(index: SearchIndex, field: str) -> dict[str, list[tuple[str, list[tuple[int, int, int]]]]]:
    """Every term of a field with, per entry holding it, its positions and character spans."""
    searcher = index._current_searcher()
    reader = searcher.reader()
    found = {}
    for term in reader.field_terms(field):
        matcher = reader.postings(field, term)
        rows = []
        while matcher.is_active():
            segment_id = searcher.stored_fields(matcher.id())["segment_id"]
            rows.append((segment_id, [tuple(span) for span in matcher.value_as("characters")]))
            matcher.next()
        found[term] = sorted(rows)
    return found


def _hits(index: SearchIndex, query: str) -> list[tuple]:
    return [(h.segment_id, h.highlights, h.counterpart) for h in index.search(query, limit=2000).hits]


def _no_kiwi(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the texts handed to Kiwi's batch analysis from now on."""
    calls: list[int] = []
    analyse = analysis.korean_morphemes

    def counted(texts):
        calls.append(len(texts))
        return analyse(texts)

    monkeypatch.setattr(analysis, "korean_morphemes", counted)
    return calls


def test_a_build_from_stored_analyses_equals_a_fresh_one(corpus_library, tmp_path, monkeypatch):
    # A library imported before imports stored the analysis (or after a Kiwi upgrade).
    corpus_library.db.execute("DELETE FROM term_analysis")
    assert _stored_morpheme_rows(corpus_library) == 0
    fresh = SearchIndex(corpus_library, tmp_path / "fresh")
    calls = _no_kiwi(monkeypatch)
    fresh.rebuild()
    assert sum(calls) > 0  # nothing stored yet: Kiwi analysed the Korean sentences
    korean_texts = {u.text for d in corpus_library.documents.list() for u in _korean_units(corpus_library, d["id"])}
    assert _stored_morpheme_rows(corpus_library) > 0
    assert len(corpus_library.terms.analysed([analysis.morphemes_key(t) for t in korean_texts])) == len(korean_texts)

    calls.clear()
    stored = SearchIndex(corpus_library, tmp_path / "stored")
    stored.rebuild()
    assert calls == []  # every Korean sentence read from the store
    assert _postings(stored, "ko") == _postings(fresh, "ko")
    for query in QUERIES:
        assert _hits(stored, query) == _hits(fresh, query), query
    fresh.close()
    stored.close()


def test_stored_morphemes_are_kiwis_morphemes(corpus_library):
    texts = [u.text for u in _korean_units(corpus_library, SEED_000_ID)][:40]
    assert analysis.stored_korean_morphemes(texts, corpus_library.terms) == analysis.korean_morphemes(texts)
    # the second time they come from the store, and still equal Kiwi's
    assert analysis.known_morphemes(texts, corpus_library.terms) == dict(
        zip(texts, analysis.korean_morphemes(texts), strict=True)
    )


def test_a_document_without_stored_analysis_is_analysed_and_stored(fresh_index, corpus_library, monkeypatch):
    document = corpus_library.documents.get(SEED_000_ID)
    keys = [analysis.morphemes_key(u.text) for u in document.units("ko")]
    corpus_library.db.execute(f"DELETE FROM term_analysis WHERE key IN ({','.join('?' * len(keys))})", keys)
    calls = _no_kiwi(monkeypatch)
    fresh_index.update_document(SEED_000_ID)
    assert sum(calls) == len({u.text for u in document.units("ko")})
    assert len(corpus_library.terms.analysed(keys)) == len(set(keys))
    assert {h.segment_id for h in fresh_index.search("산업이전", doc=SEED_000_ID, limit=2000).hits}


def test_an_annotation_re_indexes_its_document_without_kiwi(fresh_index, corpus_library, monkeypatch):
    calls = _no_kiwi(monkeypatch)
    document = corpus_library.documents.get(SEED_000_ID)
    unit = next(u for u in document.units("ko") if "산업" in u.text)
    corpus_library.annotations.annotate(document, unit.id, quote="산업", note="纺织", tags=["섬유"], color="green")
    assert calls == []
    assert {h.segment_id for h in fresh_index.search("산업 tag:섬유", limit=10).hits} == {unit.id}


def test_kiwis_version_is_part_of_the_key(monkeypatch):
    before = analysis.morphemes_key("산업이전을")
    monkeypatch.setattr(analysis, "package_version", lambda name: "9.9.9" if name == "kiwipiepy" else "0")
    assert analysis.morphemes_key("산업이전을") != before


class _FullStore:
    """A store that has nothing and cannot keep anything (a busy or read-only library)."""

    def analysed(self, keys):
        return {}

    def keep_analysed(self, items):
        raise StorageBusy("the library is busy")


def test_a_store_that_cannot_keep_the_analysis_still_gets_the_morphemes():
    texts = ["산업이전을 다그친다.", "중서부 지역"]
    assert analysis.stored_korean_morphemes(texts, _FullStore()) == analysis.korean_morphemes(texts)


def test_a_form_that_is_not_its_surface_is_kept():
    text = "소리를 들었다"  # 들 → the stem 듣
    morphemes = analysis.korean_morphemes([text])[0]
    assert any(text[m.start : m.end] != m.form for m in morphemes)
    assert analysis.decode_morphemes(text, analysis.encode_morphemes(text, morphemes)) == morphemes


# -- imports store the analysis, so the index add that follows runs no Kiwi (issue 18) --
def _seed_000_with_new_korean(tmp_path) -> list:
    """Seed 000's two languages as two files, each Korean sentence's text new to the library."""
    from tests.conftest import SEED_000

    text = SEED_000.read_text(encoding="utf-8")
    split = text.index("国务院关于")
    zh, ko = tmp_path / "zh.txt", tmp_path / "ko.txt"
    zh.write_text(text[split:], encoding="utf-8")
    ko.write_text(text[:split].replace("다.", "다고 한다."), encoding="utf-8")
    return [zh, ko]


def test_an_import_stores_the_korean_analysis_and_the_index_add_runs_no_kiwi(library, tmp_path, monkeypatch):
    index = SearchIndex(library)
    index.ensure_current()
    index.follow()  # updates on this thread, as the command line does
    calls = _no_kiwi(monkeypatch)
    prepared = library.prepare(_seed_000_with_new_korean(tmp_path), doc_id="new-korean")
    texts = list(dict.fromkeys(u.text for u in prepared.document.units("ko")))
    assert sum(calls) == len(texts)  # analysed while preparing, each distinct text once
    keys = [analysis.morphemes_key(t) for t in texts]
    assert library.terms.analysed(keys) == {}  # preparing touches no database

    calls.clear()
    document = library.store(prepared)  # the index follows the import here
    assert calls == []
    stored = analysis.known_morphemes(texts, library.terms)
    assert stored == dict(zip(texts, analysis.korean_morphemes(texts), strict=True))
    hits = index.search("산업이전", doc=document.id, limit=2000).hits
    assert hits and {h.lang for h in hits} == {"ko"}
    # the terms are those of a fresh analysis: a build that runs Kiwi gives the same postings
    library.db.execute("DELETE FROM term_analysis")
    fresh = SearchIndex(library, tmp_path / "fresh")
    fresh.rebuild()
    assert _postings(index, "ko") == _postings(fresh, "ko")
    fresh.close()
    index.close()


def test_the_command_line_import_and_a_new_version_store_the_korean_analysis(library, tmp_path, monkeypatch):
    from reader.cli import main

    zh, ko = _seed_000_with_new_korean(tmp_path)
    assert main(["import", str(zh), str(ko), "--id", "new-korean"]) == 0
    document = library.documents.get("new-korean")
    texts = {u.text for u in document.units("ko")}
    assert len(library.terms.analysed([analysis.morphemes_key(t) for t in texts])) == len(texts)

    ko.write_text(ko.read_text(encoding="utf-8").replace("다고 한다.", "다고 전한다."), encoding="utf-8")
    calls = _no_kiwi(monkeypatch)
    assert main(["import", str(zh), str(ko), "--replace", "new-korean"]) == 0
    new_texts = {u.text for u in library.documents.get("new-korean").units("ko")}
    assert new_texts - texts
    assert sum(calls) == len(new_texts - texts)  # only the texts not stored before
    assert len(library.terms.analysed([analysis.morphemes_key(t) for t in new_texts])) == len(new_texts)
