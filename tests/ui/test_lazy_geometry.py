"""Lazy unit geometry and the lazy sync map: measured only where asked, and exactly the
same as measuring everything (seed 000 and a long document made of it)."""

from __future__ import annotations

from bisect import bisect_right

import pytest

from reader.model import AlignmentLink, Document, Segment
from reader.ui.models import UNIT_ID_ROLE
from reader.ui.parallel import ParallelView
from reader.ui.syncmap import SyncMap
from tests.ui.conftest import SEED_000_ID

TOLERANCE = 4  # pixels
COPIES = 12  # seed 000 twelve times: about 540 KB of text, 4,000 units


def repeated(document: Document, links: list[AlignmentLink], copies: int) -> tuple[Document, list[AlignmentLink]]:
    """A long document: ``document`` repeated under new unit ids, aligned the same way."""

    def renamed(segment_id: str | None, k: int) -> str | None:
        if segment_id is None:
            return None
        lang, rest = segment_id.split(".", 1)
        return f"{lang}.r{k}{rest}"

    by_lang: dict[str, list[Segment]] = {"zh": [], "ko": []}
    all_links = []
    for k in range(copies):
        for lang in by_lang:
            for s in document.segments_in(lang):
                by_lang[lang].append(Segment(renamed(s.id, k), s.lang, s.kind, s.label, s.text, renamed(s.parent, k)))
        for link in links:
            all_links.append(
                AlignmentLink([renamed(i, k) for i in link.zh_ids], [renamed(i, k) for i in link.ko_ids], link.score)
            )
    return Document(id="long", title=document.title, segments=by_lang["zh"] + by_lang["ko"]), all_links


def full_map(view: ParallelView) -> SyncMap:
    """The map built the old way, from every unit measured."""
    left, right = view.left, view.right
    return SyncMap.build(
        view.sync._pairs,
        dict(left.sync_extents().items()),
        dict(right.sync_extents().items()),
        left.content_height(),
        right.content_height(),
    )


def shown_view(qtbot) -> ParallelView:
    """An empty reading view on screen at 1200×800, scrolling in sync without delay."""
    view = ParallelView()
    view.resize(1200, 800)
    view.sync.delay_ms = 0
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    return view


@pytest.fixture
def seed_view(qtbot, corpus_library):
    view = shown_view(qtbot)
    document = corpus_library.documents.get(SEED_000_ID)
    view.show_document(document, corpus_library.links.get(SEED_000_ID))
    return view


@pytest.fixture
def long_view(qtbot, corpus_library):
    seed = corpus_library.documents.get(SEED_000_ID)
    document, links = repeated(seed, corpus_library.links.get(SEED_000_ID), COPIES)
    view = shown_view(qtbot)
    view.show_document(document, links)
    return view


def test_the_lazy_map_equals_the_full_map(seed_view):
    view = seed_view
    lazy = view.sync.sync_map()
    full = full_map(view)
    for from_left, pane in ((True, view.left), (False, view.right)):
        height = pane.content_height()
        for y in [-5.0, 0.0, 0.5] + [height * i / 397 for i in range(400)] + [height + 50]:
            assert lazy.map(y, from_left) == pytest.approx(full.map(y, from_left), abs=1e-6), (from_left, y)


def test_the_unit_at_the_reading_line_is_the_one_a_full_list_finds(qtbot, seed_view):
    pane = seed_view.left
    ids = pane.unit_ids
    tops = [pane.sync_extents()[u][0] for u in ids]
    bar = pane.verticalScrollBar()
    for value in range(0, bar.maximum(), max(1, bar.maximum() // 120)):
        bar.setValue(value)
        expected = ids[max(0, bisect_right(tops, pane.reading_y() + 1) - 1)]
        assert pane.unit_at_reading_line() == expected, value


def test_a_long_document_is_measured_only_where_it_is_shown(qtbot, long_view):
    pane = long_view.left
    pane.grab()  # the first paint
    blocks = pane.document().blockCount()
    assert 0 < pane.unit_geometry.measured_blocks < blocks / 10
    assert pane.unit_ids.index(long_view.reading_unit()) < 10  # the top of the text


def test_scrolling_far_into_a_long_document_lands_the_counterpart_on_the_same_clause(qtbot, long_view):
    view = long_view
    left, right = view.left, view.right
    clauses = [u for u in left.unit_ids if left.span(u).kind == "clause"]
    for clause in (clauses[len(clauses) * 3 // 4], clauses[len(clauses) // 3], clauses[-2]):
        other = view.alignment.counterparts(clause)[0]
        bar = left.verticalScrollBar()
        target = round(left.extents()[clause][0] - left.reading_line())
        left.ensure_scroll_range(target)
        assert bar.minimum() <= target <= bar.maximum()
        with qtbot.waitSignal(right.verticalScrollBar().valueChanged, timeout=2000):
            bar.setValue(target)
        offset = left.viewport_top_of(clause) - right.viewport_top_of(other)
        assert abs(offset) <= TOLERANCE, f"{clause}: {offset:.1f} px"
        assert right.unit_at_reading_line().split(".")[1] == other.split(".")[1]  # the same copy


def test_a_jump_far_into_a_long_document_levels_both_sides(qtbot, long_view):
    view = long_view
    left, right = view.left, view.right
    clause = [u for u in left.unit_ids if left.span(u).kind == "clause"][-3]
    view.go_to_unit(clause)
    other = view.alignment.counterparts(clause)[0]
    assert abs(left.viewport_top_of(clause) - left.reading_line()) <= 1
    assert abs(left.viewport_top_of(clause) - right.viewport_top_of(other)) <= TOLERANCE
    assert view.reading_unit() == clause


def test_a_reflow_measures_again(qtbot, long_view):
    view = long_view
    pane = view.left
    clause = [u for u in pane.unit_ids if pane.span(u).kind == "clause"][40]
    view.go_to_unit(clause)
    before = pane.extents()[clause]
    view.set_text_size(pane.point_size() + 6)
    qtbot.waitUntil(lambda: abs(pane.viewport_top_of(clause) - pane.reading_line()) <= 1)
    assert pane.extents()[clause][0] > before[0]  # bigger text: further down
    other = view.alignment.counterparts(clause)[0]
    assert abs(pane.viewport_top_of(clause) - view.right.viewport_top_of(other)) <= TOLERANCE


def test_the_outline_model_passes_the_model_tester(qtmodeltester, window):
    qtmodeltester.check(window.outline_model)
    clause = next(u for u in window.parallel.left.unit_ids if window.parallel.left.span(u).kind == "clause")
    index = window.outline_model.index_of(clause)
    assert index.isValid() and window.outline_model.data(index, UNIT_ID_ROLE) == clause
    assert window.outline_model.parent(index).isValid()


def test_the_outline_selects_the_clause_gone_to_once_the_text_has_painted(qtbot, window):
    clauses = [u for u in window.parallel.left.unit_ids if window.parallel.left.span(u).kind == "clause"]
    clause = clauses[len(clauses) // 2]
    entry = window.outline_model.index_of(clause)
    assert entry.isValid() and window.outline_panel.view.currentIndex() != entry
    window.go_to_unit(clause)
    qtbot.waitUntil(lambda: window.outline_panel.view.currentIndex() == entry)


@pytest.fixture
def long_text(corpus_library):
    seed = corpus_library.documents.get(SEED_000_ID)
    return repeated(seed, corpus_library.links.get(SEED_000_ID), COPIES)


def opened_near(qtbot, document, links, unit_id: str) -> ParallelView:
    """A view that opens a document at a unit, as the window does with a remembered place."""
    view = shown_view(qtbot)
    view.show_document(document, links, near=unit_id)
    view.go_to_unit(unit_id)
    return view


def far_clause(document: Document) -> str:
    clauses = [s.id for s in document.segments_in("zh") if s.kind == "clause" and s.text]
    return clauses[len(clauses) * 9 // 10]


def test_a_long_document_opened_far_in_shows_the_rest_afterwards_and_keeps_the_place(qtbot, long_text):
    document, links = long_text
    clause = far_clause(document)
    view = opened_near(qtbot, document, links, clause)
    left, right = view.left, view.right
    other = view.alignment.counterparts(clause)[0]
    assert left.hidden_blocks() > 0 and right.hidden_blocks() > 0  # shown from near the place on
    assert abs(left.viewport_top_of(clause) - left.reading_line()) <= 1
    assert abs(left.viewport_top_of(clause) - right.viewport_top_of(other)) <= TOLERANCE
    left.set_marks([(clause, 0, 4, "#ffe08a", "a note made while the rest is shown")])
    qtbot.waitUntil(lambda: not view.filling(), timeout=20000)
    for pane in (left, right):
        block = pane.document().begin()
        while block.isValid():
            assert block.isVisible()
            block = block.next()
    qtbot.waitUntil(lambda: abs(left.viewport_top_of(clause) - left.reading_line()) <= 1)
    assert abs(left.viewport_top_of(clause) - right.viewport_top_of(other)) <= TOLERANCE
    assert view.reading_unit() == clause
    marked = [
        sel.cursor.selectedText()
        for sel in left.extraSelections()
        if sel.format.background().color().name() == "#ffe08a"
    ]
    assert marked == [next(s.text for s in document.segments if s.id == clause)[:4]]
    # Every unit where a text shown whole at once has it.
    whole = shown_view(qtbot)
    whole.show_document(document, links)
    for pane, reference in ((left, whole.left), (right, whole.right)):
        for unit in pane.unit_ids[:: max(1, pane.unit_count() // 200)]:
            assert pane.extents()[unit] == pytest.approx(reference.extents()[unit], abs=0.01), unit
    # And the sides follow each other at the start of the text, shown last.
    first = [u for u in left.unit_ids if left.span(u).kind == "clause"][3]
    bar = left.verticalScrollBar()
    with qtbot.waitSignal(right.verticalScrollBar().valueChanged, timeout=2000):
        bar.setValue(round(left.extents()[first][0] - left.reading_line()))
    counterpart = view.alignment.counterparts(first)[0]
    assert abs(left.viewport_top_of(first) - right.viewport_top_of(counterpart)) <= TOLERANCE


def test_a_jump_before_the_rest_is_shown_lands_on_its_unit(qtbot, long_text):
    document, links = long_text
    view = opened_near(qtbot, document, links, far_clause(document))
    assert view.filling()
    left, right = view.left, view.right
    early = [u for u in left.unit_ids if left.span(u).kind == "clause"][5]
    assert not left.is_shown(early)
    view.go_to_unit(early)
    assert not view.filling()
    other = view.alignment.counterparts(early)[0]
    assert abs(left.viewport_top_of(early) - left.reading_line()) <= 1
    assert abs(left.viewport_top_of(early) - right.viewport_top_of(other)) <= TOLERANCE
    assert view.reading_unit() == early


def test_scrolling_up_to_the_first_lines_shown_shows_the_text_above_them(qtbot, long_text):
    document, links = long_text
    view = opened_near(qtbot, document, links, far_clause(document))
    left = view.left
    assert left.hidden_blocks() > 0
    bar = left.verticalScrollBar()
    bar.setValue(0)  # the first line shown: the text above it is not there yet
    assert left.hidden_blocks() == 0
    assert bar.value() > 0  # the same lines stay on screen, the text above them now above
    assert left.document().begin().isVisible()


def test_a_short_document_opened_at_its_end_is_shown_whole(qtbot, corpus_library):
    document = corpus_library.documents.get(SEED_000_ID)
    view = opened_near(qtbot, document, corpus_library.links.get(SEED_000_ID), far_clause(document))
    assert not view.filling()
