"""The library facade: corpus at first start, translations, new versions."""

from __future__ import annotations

from reader.library import Library
from tests.conftest import SEED_000, SEED_002


def test_corpus_is_imported_once(library):
    assert library.import_corpus() == ["guofa-2010-28", "manufacturing-transfer"]
    listed = {d["id"]: d for d in library.documents.list()}
    assert listed["manufacturing-transfer"]["title"] == "关于促进制造业有序转移的指导意见"
    assert listed["guofa-2010-28"]["languages"] == ["zh", "ko"]
    assert listed["guofa-2010-28"]["title_ko"].startswith("국무원")
    library.delete("manufacturing-transfer")
    assert library.import_corpus() == []
    assert [d["id"] for d in library.documents.list()] == ["guofa-2010-28"]


def test_data_lives_in_the_overridden_data_dir(data_dir):
    lib = Library()
    lib.import_files([SEED_002])
    lib.close()
    assert (data_dir / "duizhao.sqlite3").exists()


def test_translation_can_be_attached_later(library, tmp_path):
    text = SEED_000.read_text(encoding="utf-8")
    split = text.index("国务院关于")
    zh, ko = tmp_path / "zh.txt", tmp_path / "ko.txt"
    zh.write_text(text[split:], encoding="utf-8")
    ko.write_text(text[:split], encoding="utf-8")
    events = []
    library.listen(lambda event, doc_id: events.append((event, doc_id)))
    document = library.import_files([zh])
    assert document.languages == ["zh"]
    library.add_translation(ko, document.id)
    again = library.documents.get(document.id)
    assert again.languages == ["zh", "ko"]
    assert len([s for s in again.segments_in("ko") if s.kind == "clause"]) == 30
    assert again.doc_number == "国发〔2010〕28号"
    assert [e for e, _ in events][:1] == ["imported"]
    assert "changed" in [e for e, _ in events]


def test_reimport_keeps_the_id_and_stated_metadata(library, tmp_path):
    library.import_corpus()
    edited = tmp_path / "002-v2.txt"
    edited.write_text(SEED_002.read_text(encoding="utf-8").replace("总体要求", "总体要求（修订）"), encoding="utf-8")
    document = library.reimport("manufacturing", [edited])
    assert document.id == "manufacturing-transfer"
    again = library.documents.get("manufacturing-transfer")
    assert again.title == "关于促进制造业有序转移的指导意见"
    assert next(s.text for s in again.segments if s.kind == "part") == "一、总体要求（修订）"


def test_a_reader_on_another_thread_sees_only_committed_data(library):
    import threading

    library.import_corpus()
    seen = {}

    def read():
        reader = library.reader()
        try:
            seen["title"] = reader.documents.get("guofa-2010-28").title
        finally:
            reader.close()

    with library.db.atomic():
        library.documents.update_metadata("guofa-2010-28", title="uncommitted")
        thread = threading.Thread(target=read)
        thread.start()
        thread.join()
    assert seen["title"] == "国务院关于中西部地区承接产业转移的指导意见"
    assert library.documents.get("guofa-2010-28").title == "uncommitted"


def test_the_search_index_reads_through_its_own_connection_off_the_main_thread(library):
    import threading

    from reader.search import SearchIndex

    index = SearchIndex(library)
    sources = {}
    thread = threading.Thread(target=lambda: sources.setdefault("background", index._source()))
    thread.start()
    thread.join()
    assert index._source() is library
    assert sources["background"] is not library
    assert sources["background"].db.conn is not library.db.conn
    index.close()


def test_prepare_writes_nothing_and_store_keeps_it_whole(library, tmp_path):
    """The slow half of an import (parse + align) runs without the database, on any thread."""
    import threading

    events = []
    library.listen(lambda event, doc_id: events.append((event, doc_id)))
    changes = library.db.conn.total_changes
    prepared = {}
    worker = threading.Thread(target=lambda: prepared.setdefault("import", Library.prepare([SEED_000])))
    worker.start()
    worker.join()
    document = prepared["import"].document
    assert document.languages == ["zh", "ko"] and prepared["import"].links
    assert library.db.conn.total_changes == changes
    assert library.documents.list() == [] and events == []

    stored = library.store(prepared["import"])
    assert [d["id"] for d in library.documents.list()] == [stored.id]
    assert len(library.links.get(stored.id)) == len(prepared["import"].links)
    assert events == [("imported", stored.id)]


def test_prepare_translation_writes_nothing_until_stored(library, tmp_path):
    text = SEED_000.read_text(encoding="utf-8")
    ko = tmp_path / "ko.txt"
    ko.write_text(text[: text.index("国务院关于")], encoding="utf-8")
    document = library.import_files([SEED_002])
    changes = library.db.conn.total_changes
    prepared = Library.prepare_translation(ko, document)
    assert prepared.document.languages == ["zh", "ko"]
    assert library.db.conn.total_changes == changes
    assert library.documents.get(document.id).languages == ["zh"]
    library.store_translation(prepared)
    assert library.documents.get(document.id).languages == ["zh", "ko"]


def test_the_library_has_every_member_of_the_protocol_the_ui_uses(library):
    from reader.protocols import LibraryProtocol

    assert isinstance(library, LibraryProtocol)
    assert not isinstance(object(), LibraryProtocol)
