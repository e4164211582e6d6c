"""Synchronized clause scrolling through the real scrollbars, on seed 000 aligned by the real aligner."""

from __future__ import annotations

import pytest

from tests.ui.conftest import SEED_000_ID

TOLERANCE = 4  # pixels


def numbered_clauses(window):
    return [u.id for u in window.document.units("zh") if u.kind == "clause"]


def counterpart(window, unit_id):
    others = window.parallel.alignment.counterparts(unit_id)
    assert others, f"{unit_id} has no counterpart"
    return others[0]


def scroll_to_reading_line(qtbot, pane, unit_id):
    """Move a pane's scrollbar (as a drag would) so the unit sits on its reading line."""
    bar = pane.verticalScrollBar()
    target = round(pane.extents()[unit_id][0] - pane.reading_line())
    assert bar.minimum() <= target <= bar.maximum()
    if target == bar.value():
        bar.setValue(target - 1)
    with qtbot.waitSignal(bar.valueChanged):
        bar.setValue(target)


def test_the_document_is_aligned_by_the_real_aligner(window, corpus_library):
    stored = corpus_library.links.get(SEED_000_ID)
    assert stored and len(stored) == len(window.parallel.alignment.links)
    assert len(numbered_clauses(window)) >= 20


def test_every_numbered_clause_left_to_right(qtbot, window):
    left, right = window.parallel.left, window.parallel.right
    for clause in numbered_clauses(window):
        other = counterpart(window, clause)
        with qtbot.waitSignal(right.verticalScrollBar().valueChanged, timeout=1000):
            scroll_to_reading_line(qtbot, left, clause)
        offset = left.viewport_top_of(clause) - right.viewport_top_of(other)
        assert abs(offset) <= TOLERANCE, f"{clause}: {offset:.1f} px"


def test_every_numbered_clause_right_to_left(qtbot, window):
    left, right = window.parallel.left, window.parallel.right
    for clause in numbered_clauses(window):
        other = counterpart(window, clause)
        scroll_to_reading_line(qtbot, right, other)
        offset = left.viewport_top_of(clause) - right.viewport_top_of(other)
        assert abs(offset) <= TOLERANCE, f"{other}: {offset:.1f} px"


def test_following_does_not_feed_back(qtbot, window):
    left, right = window.parallel.left, window.parallel.right
    left_bar, right_bar = left.verticalScrollBar(), right.verticalScrollBar()
    moves: list[int] = []
    left_bar.valueChanged.connect(moves.append)
    clause = numbered_clauses(window)[10]
    with qtbot.waitSignal(right_bar.valueChanged):
        left_bar.setValue(round(left.extents()[clause][0] - left.reading_line()))
    with qtbot.assertNotEmitted(left_bar.valueChanged, wait=100):
        qtbot.wait(10)
    with qtbot.assertNotEmitted(right_bar.valueChanged, wait=100):
        qtbot.wait(10)
    assert len(moves) == 1  # the leader moved once: the follower did not drive it back


def test_throttle_coalesces_a_burst_of_scroll_events(qtbot, window):
    left, right = window.parallel.left, window.parallel.right
    window.parallel.sync.delay_ms = 20
    follows: list[str] = []
    window.parallel.sync.followed.connect(follows.append)
    clause = numbered_clauses(window)[12]
    target = round(left.extents()[clause][0] - left.reading_line())
    for value in range(target - 50, target + 1, 10):
        left.verticalScrollBar().setValue(value)
    assert follows == []
    qtbot.waitUntil(lambda: follows == ["right"], timeout=1000)
    offset = left.viewport_top_of(clause) - right.viewport_top_of(counterpart(window, clause))
    assert abs(offset) <= TOLERANCE


def test_interpolates_inside_a_long_sentence(qtbot, window):
    left, right = window.parallel.left, window.parallel.right
    alignment = window.parallel.alignment
    # The longest 1-1 sentence pair: its middle must meet the counterpart's middle.
    pairs = [
        (link.zh_ids[0], link.ko_ids[0])
        for link in alignment.links
        if link.type == "1-1" and link.zh_ids[0].split(".")[-2].startswith("s")
    ]
    zh, ko = max(pairs, key=lambda p: left.sync_extents()[p[0]][1] - left.sync_extents()[p[0]][0])
    z_top, z_bottom = left.sync_extents()[zh]
    k_top, k_bottom = right.sync_extents()[ko]
    assert z_bottom - z_top > 60  # several lines
    bar = left.verticalScrollBar()
    with qtbot.waitSignal(right.verticalScrollBar().valueChanged):
        bar.setValue(round((z_top + z_bottom) / 2 - left.reading_line()))
    fraction = (left.reading_y() - z_top) / (z_bottom - z_top)
    expected = k_top + fraction * (k_bottom - k_top)
    assert abs(right.reading_y() - expected) <= TOLERANCE


def test_other_pane_holds_still_across_an_untranslated_sentence(qtbot, window):
    left, right = window.parallel.left, window.parallel.right
    untranslated = [u for u, kind in left.unmatched().items() if kind == "not_translated"]
    assert untranslated, "seed 000 has Chinese sentences the translator left out"
    # The longest one, outside the title block.
    unit = max(
        (u for u in untranslated if left.span(u).kind == "sentence"),
        key=lambda u: left.sync_extents()[u][1] - left.sync_extents()[u][0],
    )
    top, bottom = left.sync_extents()[unit]
    values = []
    for y in (top + 1, (top + bottom) / 2, bottom - 1):
        left.verticalScrollBar().setValue(round(y - left.reading_line()))
        values.append(right.verticalScrollBar().value())
    assert max(values) - min(values) <= 12


def test_sync_can_be_switched_off_and_on(qtbot, window):
    left, right = window.parallel.left, window.parallel.right
    clauses = numbered_clauses(window)
    window.actions_by_name["sync"].setChecked(False)
    before = right.verticalScrollBar().value()
    with qtbot.assertNotEmitted(right.verticalScrollBar().valueChanged, wait=50):
        scroll_to_reading_line(qtbot, left, clauses[15])
    assert right.verticalScrollBar().value() == before
    window.actions_by_name["sync"].setChecked(True)  # switching on brings the other pane level
    offset = left.viewport_top_of(clauses[15]) - right.viewport_top_of(counterpart(window, clauses[15]))
    assert abs(offset) <= TOLERANCE


def test_swapped_panes_stay_in_sync(qtbot, window):
    window.parallel.swap_keeping_place()
    qtbot.wait(20)
    left, right = window.parallel.left, window.parallel.right
    assert (left.lang, right.lang) == ("ko", "zh")
    assert window.parallel.splitter.widget(0) is left
    for clause in numbered_clauses(window)[::7]:
        other = counterpart(window, clause)
        scroll_to_reading_line(qtbot, left, other)
        assert abs(left.viewport_top_of(other) - right.viewport_top_of(clause)) <= TOLERANCE


@pytest.mark.parametrize("size", [(900, 600), (1800, 1100)])
def test_sync_follows_a_resize(qtbot, window, size):
    window.resize(*size)
    qtbot.waitUntil(lambda: window.parallel.left.viewport().width() > 0)
    qtbot.wait(20)
    left, right = window.parallel.left, window.parallel.right
    clause = numbered_clauses(window)[20]
    scroll_to_reading_line(qtbot, left, clause)
    assert abs(left.viewport_top_of(clause) - right.viewport_top_of(counterpart(window, clause))) <= TOLERANCE


def test_wheel_and_keys_in_a_pane_move_the_other_pane(qtbot, window):
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    left, right = window.parallel.left, window.parallel.right
    scroll_to_reading_line(qtbot, left, numbered_clauses(window)[5])
    before = right.verticalScrollBar().value()
    centre = QPointF(left.viewport().rect().center())
    wheel = QWheelEvent(
        centre,
        QPointF(left.viewport().mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, -360),  # three notches down
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    with qtbot.waitSignal(right.verticalScrollBar().valueChanged):
        QApplication.sendEvent(left.viewport(), wheel)
    assert right.verticalScrollBar().value() > before
    after_wheel = right.verticalScrollBar().value()
    left.setFocus()
    with qtbot.waitSignal(right.verticalScrollBar().valueChanged):
        qtbot.keyClick(left, Qt.Key.Key_PageDown)
    assert right.verticalScrollBar().value() > after_wheel
    # Wherever the leader stopped, its reading line and the follower's meet at the same place of the text.
    y = window.parallel.sync.sync_map().left_to_right(left.reading_y())
    assert abs(right.reading_y() - y) <= 1


# -- the reading place survives resizes, zoom, panels and themes (issue 12, defect 4) ----------------------
def level_offset(window, unit_id):
    left, right = window.parallel.left, window.parallel.right
    return left.viewport_top_of(unit_id) - right.viewport_top_of(counterpart(window, unit_id))


def scrolled_into(qtbot, window, unit_id, pixels: int) -> None:
    """The reader scrolls (not a jump) to a few pixels into a clause: the place to keep."""
    scroll_to_reading_line(qtbot, window.parallel.left, unit_id)
    bar = window.parallel.left.verticalScrollBar()
    with qtbot.waitSignal(bar.valueChanged):
        bar.setValue(bar.value() + pixels)


@pytest.mark.parametrize("jumped", [True, False], ids=["after a jump", "after scrolling"])
def test_the_reading_place_survives_narrow_then_wide(qtbot, window, jumped):
    target = numbered_clauses(window)[10]  # (十一)
    if jumped:
        window.go_to_unit(target)
    else:
        scrolled_into(qtbot, window, target, 3)
    assert window.parallel.reading_unit() == target
    for width, height in ((800, 600), (1400, 900)):
        window.resize(width, height)
        qtbot.waitUntil(lambda w=width: (window.parallel.left.width() < 500) == (w == 800))
        qtbot.waitUntil(
            lambda: window.parallel.reading_unit() == target and abs(level_offset(window, target)) <= 2 * TOLERANCE
        )
    bar = window.parallel.left.verticalScrollBar()
    assert bar.value() < bar.maximum() - 100  # not thrown to the end


def test_the_reading_place_survives_zoom_panel_toggle_and_theme(qtbot, window):
    from reader.ui.theme import apply_theme

    target = numbered_clauses(window)[10]
    scrolled_into(qtbot, window, target, 3)
    changes = (
        lambda: window.parallel.set_text_size(window.parallel.left.point_size() + 1),
        lambda: window.library_dock.hide(),
        lambda: window.outline_dock.hide(),
        lambda: window.library_dock.show(),
        lambda: apply_theme("dark"),
        lambda: window.parallel.set_text_size(window.parallel.left.point_size() - 1),
        lambda: apply_theme("system"),
    )
    try:
        for change in changes:
            change()
            qtbot.waitUntil(
                lambda: window.parallel.reading_unit() == target and abs(level_offset(window, target)) <= 2 * TOLERANCE
            )
    finally:
        apply_theme("system")
