"""Alignment corrections from the window: link, unlink, merge, confirm, undo/redo, review mode."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from reader.model import AlignmentLink
from reader.ui.alignment import review_reason
from tests.ui.conftest import SEED_000_ID


def select_units(pane, first: str, last: str) -> None:
    cursor = QTextCursor(pane.document())
    cursor.setPosition(pane.span(first).text_start)
    cursor.setPosition(pane.span(last).end - 1, QTextCursor.MoveMode.KeepAnchor)
    pane.setTextCursor(cursor)


def one_to_one(window, nth: int = 0) -> AlignmentLink:
    links = [x for x in window.links if x.type == "1-1" and ".s" in x.zh_ids[0]]
    return links[nth]


def test_unlink_stores_pinned_unmatched_units_and_undo_restores(qtbot, window, corpus_library):
    link = one_to_one(window, 5)
    before = corpus_library.links.get(SEED_000_ID)
    window.parallel.select_unit(link.zh_ids[0])
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    stored = corpus_library.links.get(SEED_000_ID)
    by_unit = {u: x for x in stored for u in (*x.zh_ids, *x.ko_ids)}
    assert by_unit[link.zh_ids[0]].ko_ids == [] and by_unit[link.zh_ids[0]].pinned
    assert by_unit[link.ko_ids[0]].zh_ids == [] and by_unit[link.ko_ids[0]].pinned
    assert window.parallel.pane_for("zh").unmatched()[link.zh_ids[0]] == "not_translated"
    assert window.parallel.pane_for("ko").unmatched()[link.ko_ids[0]] == "added"

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert corpus_library.links.get(SEED_000_ID) == before
    assert link.zh_ids[0] not in window.parallel.pane_for("zh").unmatched()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert corpus_library.links.get(SEED_000_ID) == stored


def test_link_selected_sentences_in_both_panes_and_realign_around_it(qtbot, window, corpus_library):
    # Pair two Chinese sentences with one Korean sentence: a 2-1 the user insists on.
    a, b = one_to_one(window, 10), one_to_one(window, 11)
    zh, ko = window.parallel.pane_for("zh"), window.parallel.pane_for("ko")
    select_units(zh, a.zh_ids[0], b.zh_ids[0])
    select_units(ko, a.ko_ids[0], a.ko_ids[0])
    assert window.alignment.link_selection()
    stored = corpus_library.links.get(SEED_000_ID)
    pinned = [x for x in stored if x.pinned]
    assert pinned == [AlignmentLink([a.zh_ids[0], b.zh_ids[0]], [a.ko_ids[0]], 1.0, True, "confirmed")]
    # Re-alignment ran around the pin: every unit is still in exactly one link.
    units = [u for x in stored for u in (*x.zh_ids, *x.ko_ids)]
    assert len(units) == len(set(units)) == len(window.document.units("zh")) + len(window.document.units("ko"))
    assert window.parallel.alignment.counterparts(b.zh_ids[0]) == [a.ko_ids[0]]
    window.undo_stack.undo()
    assert window.parallel.alignment.counterparts(b.zh_ids[0]) == b.ko_ids


def test_merge_with_next(qtbot, window, corpus_library):
    index = next(
        i
        for i, (x, y) in enumerate(zip(window.links, window.links[1:], strict=False))
        if x.type == y.type == "1-1" and ".s" in x.zh_ids[0] and ".s" in y.zh_ids[0]
    )
    a, b = window.links[index], window.links[index + 1]
    window.parallel.select_unit(a.ko_ids[0])
    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    merged = window.parallel.alignment.link_of(a.zh_ids[0])
    assert merged.zh_ids == [*a.zh_ids, *b.zh_ids] and merged.ko_ids == [*a.ko_ids, *b.ko_ids]
    assert merged.pinned
    assert corpus_library.links.get(SEED_000_ID)[index] == merged
    window.undo_stack.undo()
    assert window.parallel.alignment.link_of(a.zh_ids[0]) == a


def test_review_mode_walks_flagged_links_and_confirms_with_one_key(qtbot, window, corpus_library):
    queue = window.parallel.alignment.review_queue()
    assert queue, "the aligner flags the untranslated title and document number of seed 000"
    assert window.review_label.text() == f"{len(queue)} to review"
    qtbot.keyClick(window, Qt.Key.Key_F7)
    assert window.review.active and window.review.index == queue[0]
    focused = window.links[queue[0]]
    assert window.parallel.pane_for("zh")._focus == [u for u in focused.zh_ids]
    qtbot.keyClick(window, Qt.Key.Key_Y)  # confirm and go on
    stored = corpus_library.links.get(SEED_000_ID)
    assert stored[queue[0]].status == "confirmed"
    assert window.review_label.text() == f"{len(queue) - 1} to review"
    assert window.review.index == (queue[1] if len(queue) > 1 else None)
    window.undo_stack.undo()
    assert window.review_label.text() == f"{len(queue)} to review"
    qtbot.keyClick(window, Qt.Key.Key_F7)
    assert not window.review.active
    assert not window.actions_by_name["review_confirm"].isEnabled()


def test_single_keys_do_nothing_outside_review_mode(qtbot, window, corpus_library):
    before = corpus_library.links.get(SEED_000_ID)
    window.parallel.select_unit(one_to_one(window).zh_ids[0])
    for key in (Qt.Key.Key_Y, Qt.Key.Key_U, Qt.Key.Key_M):
        qtbot.keyClick(window, key)
    assert corpus_library.links.get(SEED_000_ID) == before


def test_a_document_switch_clears_the_undo_history(window):
    """Undo never changes a document that is not on screen: the history is the open document's."""
    window.parallel.select_unit(one_to_one(window).zh_ids[0])
    assert window.alignment.unlink_selection()
    window.annotations.highlight_selection("yellow")
    assert window.undo_stack.count() == 2
    window.open_document("manufacturing-transfer")
    assert not window.undo_stack.canUndo()


@pytest.mark.parametrize(
    ("links", "expected"),
    [
        ([AlignmentLink(["z1"], ["k1"], 0.9)], ""),
        ([AlignmentLink(["z1"], [], 0.9)], "not_translated"),
        ([AlignmentLink([], ["k1"], 0.9)], "added"),
        ([AlignmentLink(["z1"], ["k1"], 0.2)], "low_confidence"),
        ([AlignmentLink(["z1"], ["k1"], 0.2, status="confirmed")], ""),
        ([AlignmentLink(["z1"], [], 0.9, pinned=True)], ""),
    ],
)
def test_review_reasons(links, expected):
    assert review_reason(links[0]) == expected
