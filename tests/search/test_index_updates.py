"""The index follows the library (import, re-import, re-align, annotate, delete) and
rebuilds itself when it is missing, damaged or from another version."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from reader.library import Library
from reader.search import IndexUnavailable, SearchIndex
from reader.search.index import STAMP
from tests.conftest import SEED_002

from .conftest import SEED_000_ID, SEED_002_ID


def _ids(index: SearchIndex, query: str, **options) -> set[str]:
    return {h.segment_id for h in index.search(query, limit=2000, **options).hits}


def _edited_copy(tmp_path: Path, old: str, new: str) -> Path:
    text = SEED_002.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "edited.txt"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def _generation(index: SearchIndex) -> str:
    return json.loads((index.directory / STAMP).read_text(encoding="utf-8"))["generation"]


def test_imported_document_is_searchable_at_once(fresh_index, corpus_library, tmp_path):
    path = _edited_copy(tmp_path, "制造业", "鲲鹏制造业")
    generation = _generation(fresh_index)
    document = corpus_library.import_files([path], doc_id="copy")
    hits = fresh_index.search("鲲鹏", doc="copy", limit=2000).hits
    assert {h.segment_id for h in hits} == {u.id for u in document.units("zh") if "鲲鹏" in u.text}
    assert _generation(fresh_index) == generation  # incremental, not a rebuild


def test_a_korean_irregular_verb_is_found_by_its_dictionary_form(fresh_index, corpus_library, tmp_path):
    """돕다 finds 도왔다 and 듣다 finds 들었다 (irregular stems, which Kiwi tags VV-I)."""
    zh, ko = tmp_path / "zh.txt", tmp_path / "ko.txt"
    zh.write_text("关于帮助企业的通知\n\n政府帮助了企业。我们听取了意见。\n", encoding="utf-8")
    ko.write_text("기업 지원에 관한 통지\n\n정부는 기업을 도왔다. 우리는 의견을 들었다.\n", encoding="utf-8")
    document = corpus_library.import_files([zh, ko], doc_id="irregular")
    for query, surface in (("돕다", "도왔다"), ("듣다", "들었다")):
        hits = fresh_index.search(query, doc="irregular", lang="ko", limit=50).hits
        assert {h.segment_id for h in hits} == {u.id for u in document.units("ko") if surface in u.text}, query


def test_reimported_text_replaces_the_old_one(fresh_index, corpus_library, tmp_path):
    before = fresh_index.search("制造业", doc=SEED_002_ID, limit=2000).hits
    assert before
    corpus_library.reimport(SEED_002_ID, [_edited_copy(tmp_path, "制造业", "装配业")])
    assert fresh_index.search("装配业", doc=SEED_002_ID, limit=2000).hits
    assert _ids(fresh_index, "制造业", doc=SEED_002_ID) == set()
    assert fresh_index.entry_count == sum(
        len(corpus_library.documents.get(d).units(lang)) for d in (SEED_000_ID, SEED_002_ID) for lang in ("zh", "ko")
    )


def test_deleted_document_leaves_the_index(fresh_index, corpus_library):
    assert _ids(fresh_index, "产业", doc=SEED_002_ID)
    corpus_library.delete(SEED_002_ID)
    hits = fresh_index.search("产业", limit=2000).hits
    assert hits and all(h.doc == SEED_000_ID for h in hits)


def test_realigned_counterpart_follows_the_new_links(fresh_index, corpus_library):
    document = corpus_library.documents.get(SEED_000_ID)
    zh = next(u for u in document.units("zh") if u.kind == "sentence" and "纺织" in u.text)
    hit = next(h for h in fresh_index.search("纺织", limit=2000).hits if h.segment_id == zh.id)
    other = next(u for u in document.units("ko") if u.id not in hit.counterpart_ids and u.kind == "sentence")
    corpus_library.pin_link(SEED_000_ID, [zh.id], [other.id])
    hit = next(h for h in fresh_index.search("纺织", limit=2000).hits if h.segment_id == zh.id)
    assert hit.counterpart_ids == [other.id]
    assert hit.counterpart == other.text


def test_annotations_make_notes_tags_and_colors_searchable(fresh_index, corpus_library):
    document = corpus_library.documents.get(SEED_000_ID)
    unit = next(u for u in document.units("zh") if "纺织" in u.text)
    annotation = corpus_library.annotations.annotate(
        document, unit.id, quote="纺织", note="브리핑 핵심 문장", tags=["섬유"], color="green"
    )
    assert _ids(fresh_index, "브리핑") == {unit.id}  # found through its note
    assert _ids(fresh_index, "纺织 tag:섬유") == {unit.id}
    assert _ids(fresh_index, "纺织 color:green") == {unit.id}
    assert _ids(fresh_index, "is:annotated") == {unit.id}
    hit = fresh_index.search("브리핑", limit=5).hits[0]
    assert hit.notes == "브리핑 핵심 문장" and hit.tags == ["섬유"]
    corpus_library.annotations.update(annotation.id, note="다른 메모")
    assert _ids(fresh_index, "브리핑") == set()
    assert _ids(fresh_index, "메모") == {unit.id}
    corpus_library.annotations.delete(annotation.id)
    assert _ids(fresh_index, "is:annotated") == set()


def test_update_document_is_the_api_for_other_features(fresh_index, corpus_library):
    fresh_index.update_document(SEED_000_ID)
    assert _ids(fresh_index, "产业转移", doc=SEED_000_ID)


def _hits(index: SearchIndex, query: str) -> list[tuple]:
    """Every hit with its highlights and counterpart (sorted: an updated document's
    entries come after the others' in the index, as they did before any merge)."""
    return sorted((h.doc, h.segment_id, h.highlights, h.counterpart) for h in index.search(query, limit=2000).hits)


def test_updates_commit_unmerged_and_their_segments_merge_later(fresh_index, corpus_library, tmp_path):
    """Each update adds a segment without merging; past SMALL_SEGMENTS they are folded
    into one beside the rebuild's, and the hits are those of a rebuilt index."""
    from reader.search.index import SMALL_SEGMENTS

    counts = []
    for _ in range(SMALL_SEGMENTS + 2):
        fresh_index.update_document(SEED_000_ID)
        fresh_index.wait()  # the merge runs on a thread of its own
        counts.append(len(fresh_index._ix._segments()))
    # One more per update, none merged; then the rebuild's and the merged one; then one more each.
    assert counts == [*range(2, SMALL_SEGMENTS + 1), 2, 3, 4]
    rebuilt = SearchIndex(corpus_library, tmp_path / "rebuilt")
    rebuilt.rebuild()
    for query in ("产业转移", "产*", "산업이전", '"산업이전 유치"', "业"):
        assert _hits(fresh_index, query) == _hits(rebuilt, query), query
    assert fresh_index.entry_count == rebuilt.entry_count
    rebuilt.close()


def test_changes_made_while_not_listening_are_caught_up(corpus_library, tmp_path):
    index = SearchIndex(corpus_library)
    index.ensure_current()
    index.close()
    other = Library()  # e.g. `python -m reader import` in another process
    other.import_files([_edited_copy(tmp_path, "制造业", "鲲鹏制造业")], doc_id="copy")
    other.delete(SEED_002_ID)
    other.close()
    index = SearchIndex(corpus_library)
    index.ensure_current()
    assert {h.doc for h in index.search("鲲鹏", limit=2000).hits} == {"copy"}
    assert all(h.doc != SEED_002_ID for h in index.search("产业", limit=2000).hits)
    index.close()


def _damage_files(directory: Path) -> None:
    for path in directory.rglob("*"):
        if path.is_file() and path.name != STAMP:
            path.write_bytes(b"\x00garbage" * 16)


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda d: __import__("shutil").rmtree(d), id="directory-removed"),
        pytest.param(_damage_files, id="files-overwritten"),
        pytest.param(lambda d: (d / STAMP).write_text("{not json", encoding="utf-8"), id="stamp-corrupt"),
        pytest.param(
            lambda d: [p.unlink() for p in d.rglob("*.trm")],
            id="terms-file-deleted",
        ),
    ],
)
def test_damaged_index_is_rebuilt_automatically(corpus_library, damage):
    index = SearchIndex(corpus_library)
    index.ensure_current()
    expected = _ids(index, "产业转移")
    index.close()
    damage(index.directory)
    index = SearchIndex(corpus_library)
    assert index.open() is not None
    index.ensure_current()
    assert _ids(index, "产业转移") == expected
    index.close()


def test_index_of_another_version_is_rebuilt(corpus_library):
    index = SearchIndex(corpus_library)
    index.ensure_current()
    index.close()
    stamp_path = index.directory / STAMP
    stamp = json.loads(stamp_path.read_text(encoding="utf-8"))
    old_generation = stamp["generation"]
    stamp["version"]["analyzer"] = "0"
    stamp_path.write_text(json.dumps(stamp), encoding="utf-8")
    index = SearchIndex(corpus_library)
    assert index.open() == "index built by another version"
    index.ensure_current()
    assert _generation(index) != old_generation
    assert not (index.directory / old_generation).exists()
    assert index.search("산업이전").hits
    index.close()


def test_damage_found_while_searching_triggers_a_background_rebuild(corpus_library):
    index = SearchIndex(corpus_library)
    index.ensure_current()
    expected = _ids(index, "劳动密集型")
    index.close()
    index = SearchIndex(corpus_library)
    assert index.open() is None
    # Postings damaged after opening: only a search can notice.
    generation = index.directory / _generation(index)
    for path in [*generation.glob("*.trm"), *generation.glob("*.pst")]:
        data = bytearray(path.read_bytes())
        data[len(data) // 2 :] = bytes((i * 37 + 11) % 256 for i in range(len(data) - len(data) // 2))
        path.write_bytes(bytes(data))
    with pytest.raises(IndexUnavailable):
        index.search("劳动密集型")
    index.wait()
    assert _ids(index, "劳动密集型") == expected
    index.close()


def test_background_rebuild_reports_progress_and_catches_up(corpus_library, tmp_path):
    index = SearchIndex(corpus_library)
    steps: list[tuple[int, int]] = []
    release = threading.Event()

    def progress(done: int, total: int) -> None:
        steps.append((done, total))
        release.wait(10)  # hold the build until the import below has happened

    assert index.start(progress) is True
    with pytest.raises(IndexUnavailable, match="being built"):
        index.search("产业")
    corpus_library.import_files([_edited_copy(tmp_path, "制造业", "鲲鹏制造业")], doc_id="copy")
    release.set()
    index.wait(60)
    assert not index.building
    total = steps[-1][1]
    assert steps[-1][0] == total and all(done <= total for done, _ in steps)
    assert {h.doc for h in index.search("鲲鹏", limit=2000).hits} == {"copy"}
    index.close()


def test_start_on_a_current_index_syncs_without_rebuilding(corpus_library):
    index = SearchIndex(corpus_library)
    index.ensure_current()
    generation = _generation(index)
    index.close()
    index = SearchIndex(corpus_library)
    assert index.start() is False
    index.wait(30)
    assert _generation(index) == generation
    assert index.search("产业").hits
    index.close()


def test_index_rebuilt_by_another_process_is_picked_up_on_the_next_change(fresh_index, corpus_library, tmp_path):
    old_generation = _generation(fresh_index)
    other = SearchIndex(Library())  # e.g. `python -m reader reindex` while the window is open
    other.rebuild()
    other.close()
    # The other process does not remove the generation this index still searches …
    assert (fresh_index.directory / old_generation).exists()
    corpus_library.import_files([_edited_copy(tmp_path, "制造业", "鲲鹏制造业")], doc_id="copy")
    assert _generation(fresh_index) != old_generation
    # … which goes once this index has moved on to the new one.
    assert not (fresh_index.directory / old_generation).exists()
    assert {h.doc for h in fresh_index.search("鲲鹏", limit=2000).hits} == {"copy"}


def test_a_failing_index_does_not_fail_the_library_change(fresh_index, corpus_library, tmp_path):
    import shutil

    shutil.rmtree(fresh_index.directory)  # gone under the running index
    document = corpus_library.import_files([_edited_copy(tmp_path, "制造业", "鲲鹏制造业")], doc_id="copy")
    assert corpus_library.documents.get("copy").id == document.id  # the import went through
    fresh_index.wait(60)
    assert {h.doc for h in fresh_index.search("鲲鹏", limit=2000).hits} == {"copy"}
