"""The garbage collector waits while a document is built, and what is alive then is left
out of later collections until the next document opens."""

from __future__ import annotations

import gc

from reader.ui.collector import collection_paused


def test_no_collection_inside_and_the_survivors_frozen_until_the_next_block():
    assert gc.isenabled()
    with collection_paused():
        assert not gc.isenabled()
        kept = [object() for _ in range(10)]
    assert gc.isenabled()
    frozen = gc.get_freeze_count()
    assert frozen >= len(kept)
    with collection_paused():
        assert gc.get_freeze_count() == 0  # collectable again while the next document is built
    assert gc.isenabled()


def test_a_collector_turned_off_stays_off():
    gc.disable()
    try:
        with collection_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()


def test_opening_a_document_runs_without_collections(qtbot, window):
    enabled_while_opening = []
    window.document_opened.connect(lambda _doc_id: enabled_while_opening.append(gc.isenabled()))
    other = next(d["id"] for d in window.library.documents.list() if d["id"] != window.document.id)
    window.open_document(other)
    assert enabled_while_opening == [False]
    assert gc.isenabled()
    gc.unfreeze()
