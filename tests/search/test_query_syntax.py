"""The query language: parsing, its errors, and what each operator finds on the seeds."""

from __future__ import annotations

import re

import pytest

from reader.cli import main
from reader.errors import DuizhaoError
from reader.search import QueryError, parse_query
from reader.search.query import And, Filter, Not, Or, Phrase, Word

from .conftest import SEED_000_ID, SEED_002_ID


def test_parse_builds_the_tree():
    tree = parse_query('产业 (转移 OR 承接) -制造 "中西部 地区" 산업* lang:ko')
    assert tree == And(
        (
            Word("产业"),
            Or((Word("转移"), Word("承接"))),
            Not(Word("制造")),
            Phrase("中西部 地区"),
            Word("산업", prefix=True),
            Filter("lang", "ko"),
        )
    )


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "empty query"),
        ("   ", "empty query"),
        ('"产业 转移', "missing closing quote"),
        ("(产业 转移", "missing )"),
        ("产业 )", "unexpected )"),
        ("OR 产业", "OR needs a word"),
        ("产业 OR", "OR needs a word"),
        ("产业 NOT", "NOT needs a word"),
        ("*", "* must follow"),
        ("产*业", "only a trailing *"),
        ("lang:en 产业", "lang: takes zh or ko"),
        ("doc: 产业", "doc: needs a value"),
        ("()", "empty parentheses"),
        ('""', "empty phrase"),
    ],
)
def test_malformed_queries_get_a_clear_message(seeded, query, message):
    with pytest.raises(QueryError, match=re.escape(message)):
        seeded.index.search(query)


def test_query_error_is_a_user_error():
    assert issubclass(QueryError, DuizhaoError)


def test_a_query_of_only_exclusions_is_refused(seeded):
    with pytest.raises(QueryError, match="nothing to search for"):
        seeded.index.search("NOT 产业")
    with pytest.raises(QueryError, match="nothing to search for"):
        seeded.index.search("，。")


def test_words_are_anded(seeded):
    expected = {i for i in seeded.ids_containing("产业") if i in seeded.ids_containing("就业")}
    assert expected
    assert seeded.hit_ids("产业 就业") == expected


def test_or(seeded):
    assert seeded.hit_ids("纺织 OR 服装") == seeded.ids_containing("纺织") | seeded.ids_containing("服装")
    assert seeded.hit_ids("纺织 | 服装") == seeded.hit_ids("纺织 OR 服装")


def test_not_and_minus(seeded):
    expected = seeded.ids_containing("产业") - seeded.ids_containing("转移")
    assert seeded.hit_ids("产业 NOT 转移", lang="zh") == expected
    assert seeded.hit_ids("产业 -转移", lang="zh") == expected


def test_mixed_languages_with_or(seeded):
    assert seeded.hit_ids("纺织 OR 방직") == seeded.ids_containing("纺织") | seeded.ids_containing("방직")


def test_exact_phrase_matches_the_string_not_just_the_words(seeded):
    separate = seeded.hit_ids("产业 转移", lang="zh")
    phrase = seeded.hit_ids('"产业转移"', lang="zh")
    assert phrase == seeded.ids_containing("产业转移", "zh")
    assert phrase < separate  # some sentences have both words apart


def test_one_character_is_found_inside_every_word(seeded):
    # 业 stands in 产业, 企业, 就业…: a one-character query finds every sentence with it.
    for query in ("业", "業"):
        hits = seeded.index.search(query, limit=2000).hits
        assert {h.segment_id for h in hits} == seeded.ids_containing("业")
        for hit in hits:
            assert [hit.text[s:e] for s, e in hit.highlights] == ["业"] * hit.text.count("业")


def test_chinese_phrase_ignores_spaces_between_words(seeded):
    assert seeded.hit_ids('"产业 转移"', lang="zh") == seeded.hit_ids('"产业转移"', lang="zh")


def test_korean_phrase_keeps_word_order(seeded):
    hits = seeded.index.search('"산업이전 유치"', limit=2000).hits
    assert hits
    for hit in hits:
        covered = [hit.text[s:e] for s, e in hit.highlights]
        assert any(c.startswith("산업이전") and c.endswith("유치") for c in covered), covered


def test_prefix(seeded):
    hits = seeded.index.search("산업*", lang="ko", limit=2000).hits
    # Words that start with 산업 (산업, 산업이전, 산업구조…), not 산업 inside a word Kiwi keeps whole.
    assert seeded.hit_ids("산업", lang="ko") <= {h.segment_id for h in hits} <= seeded.ids_containing("산업", "ko")
    assert any(h.text[s:e] == "산업구조" for h in hits for s, e in h.highlights)
    for hit in hits:
        assert all(hit.text[s:e].startswith("산업") for s, e in hit.highlights)
    zh = seeded.hit_ids("制造*", lang="zh")
    assert zh == seeded.ids_containing("制造", "zh")


def test_lang_and_doc_filters(seeded):
    assert seeded.hit_ids("lang:zh 产业") == seeded.ids_containing("产业", "zh")
    only_002 = seeded.hit_ids(f"doc:{SEED_002_ID} 产业")
    assert only_002 and all(i in {u.id for u in seeded.documents[SEED_002_ID].units("zh")} for i in only_002)
    assert seeded.hit_ids("产业", doc=SEED_000_ID) == seeded.hit_ids(f"doc:{SEED_000_ID} 产业")
    assert seeded.hit_ids("doc:guofa 产业") == seeded.hit_ids(f"doc:{SEED_000_ID} 产业")  # unique prefix


def test_unknown_document_is_a_clear_error(seeded):
    with pytest.raises(DuizhaoError, match="no document matches 'nope'"):
        seeded.index.search("doc:nope 产业")


def test_cli_reports_a_malformed_query_without_a_traceback(corpus_library, capsys):
    assert main(["search", '"产业']) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: missing closing quote")
    assert "Traceback" not in err
