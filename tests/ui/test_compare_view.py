"""The compare view: two documents on the two sides of the reading view, paired by the
comparison (synchronized scrolling follows it), provisions marked by status, changed words
underlined and struck through, the overview, next/previous change, the translation toggle
and the export. Comparisons are made by the engine (``reader.compare``) from real documents:
the bundled 2010 guidance and document 002, and 002 against a revision of it made here."""

from __future__ import annotations

import pytest
from docx import Document as DocxDocument
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDockWidget

from reader.ui.compare_marks import SIDE_B
from reader.ui.compare_model import PAIR_ROLE
from reader.ui.contrast import TEXT_CONTRAST, contrast
from reader.ui.pane import CHANGE_MARKERS, DARK, DARK_CHANGES, LIGHT, LIGHT_CHANGES
from tests.conftest import SEED_000, SEED_002
from tests.ui.conftest import SEED_000_ID, SEED_002_ID

REVISED_ID = "manufacturing-revised"
#: How the revision edits 002: one sentence reworded, one removed, one added.
REWORDED = (
    "引导劳动密集型产业重点向中西部劳动力丰富、区位交通便利地区转移。",
    "引导劳动密集型产业优先向中西部劳动力充裕、交通便利地区有序转移。",
)
REMOVED = "引导软件开发、信息服务、工业设计等生产性服务业与制造业协同转移。"
ADDED = "支持建设一批国家级产业转移示范区，完善配套设施。"


@pytest.fixture
def revised(corpus_library, tmp_path):
    """002 and a revision of it, stored as two documents."""
    text = SEED_002.read_text(encoding="utf-8")
    assert REWORDED[0] in text and REMOVED in text
    text = text.replace(REWORDED[0], REWORDED[1]).replace(REMOVED, "")
    text = text.replace("严格实施产能置换办法", ADDED + "严格实施产能置换办法", 1)
    path = tmp_path / "revised.txt"
    path.write_text(text, encoding="utf-8")
    corpus_library.import_files([path], doc_id=REVISED_ID, title="关于促进制造业有序转移的指导意见（修订）")
    return corpus_library


def _start(qtbot, window, a: str, b: str, lang: str = "zh"):
    """Start a comparison and wait for it (it runs on a worker thread)."""
    assert window.compare_mode.compare.start(a, b, lang)
    qtbot.waitUntil(lambda: window.compare_mode.compare.active and bool(window.parallel.right.unit_ids), timeout=60_000)
    return window.compare_mode.compare


@pytest.fixture
def revision(qtbot, window, revised):
    return _start(qtbot, window, SEED_002_ID, REVISED_ID)


def _pane_text(pane, unit_id: str, start: int, end: int) -> str:
    span = pane.span(unit_id)
    return pane.document().toPlainText()[span.start + start : span.start + end]


def test_two_documents_on_the_two_sides(qtbot, window):
    compare = _start(qtbot, window, SEED_000_ID, SEED_002_ID)
    left, right = window.parallel.left, window.parallel.right
    assert (left.lang, right.lang) == ("zh", "zh")
    guofa = window.library.documents.get(SEED_000_ID)
    heading = next(s for s in guofa.units("zh") if s.kind == "part")
    # Both documents have 一、总体要求 at the same place (the same id): the view tells them apart.
    assert left.has_unit(heading.id) and right.has_unit(heading.id + SIDE_B) and not right.has_unit(heading.id)
    assert len(left.unit_ids) == len(guofa.units("zh"))
    assert "↔" in window.windowTitle()
    assert window.document is None  # nothing is open for editing while comparing
    assert window.actions_by_name["next_change"].isEnabled()
    dock = window.findChild(QDockWidget, "compare_dock")
    assert dock is not None and dock.isVisible()
    # Every unit on screen that the comparison pairs carries its pair's status.
    for (a_ids, b_ids), pair in zip(compare.marks.pairs, compare.comparison.pairs, strict=True):
        assert all(left.changes()[u] == pair.status for u in a_ids)
        assert all(right.changes()[u] == pair.status for u in b_ids)


def test_changed_words_are_marked_where_the_diff_says(qtbot, window, revision):
    left, right = window.parallel.left, window.parallel.right
    pairs = revision.comparison.pairs
    reworded = next(i for i, p in enumerate(pairs) if p.status == "reworded" and REWORDED[1] in p.b_text)
    pair = pairs[reworded]
    a_ids, b_ids = revision.marks.pairs[reworded]
    struck = [(u, s, e) for u, s, e, op in left.word_marks() if op == "delete" and u in a_ids]
    underlined = [(u, s, e) for u, s, e, op in right.word_marks() if op == "insert" and u in b_ids]
    assert "".join(_pane_text(left, *m) for m in struck) == "".join(t for op, t in pair.diff if op == "delete")
    assert "".join(_pane_text(right, *m) for m in underlined) == "".join(t for op, t in pair.diff if op == "insert")
    assert struck and underlined
    # The marks are drawn as the text's format: struck through on the left, underlined on the right.
    formats = {(s.format.fontStrikeOut(), s.format.fontUnderline()) for s in left.extraSelections()}
    assert (True, False) in formats
    formats = {(s.format.fontStrikeOut(), s.format.fontUnderline()) for s in right.extraSelections()}
    assert (False, True) in formats
    statuses = {p.status for p in pairs}
    assert {"reworded", "new", "dropped", "continued"} <= statuses
    added = next(p for p in pairs if ADDED in p.b_text)
    removed = next(p for p in pairs if REMOVED in p.a_text)
    assert (added.status, removed.status) == ("new", "dropped")
    # The status is said in words too: the tooltip names it, the margin marker shows it.
    assert right.tooltip_for(b_ids[0], right.span(b_ids[0]).start) == "reworded"
    assert CHANGE_MARKERS["reworded"] != CHANGE_MARKERS["new"]


def test_synchronized_scrolling_follows_the_matching(qtbot, window, revision):
    left, right = window.parallel.left, window.parallel.right
    pairs = revision.comparison.pairs
    index = max(i for i, p in enumerate(pairs) if p.status == "continued" and p.a_ids and p.b_ids)
    a_ids, b_ids = revision.marks.pairs[index]
    target = right.scroll_value_for(b_ids[0])
    with qtbot.waitSignal(left.verticalScrollBar().valueChanged, timeout=5000):
        right.verticalScrollBar().setValue(target)
    # The counterpart on the left is level with the reading line: the right side, edited
    # above it (a sentence removed, one added), is not where the left's text is.
    assert abs(left.viewport_top_of(a_ids[0]) - left.reading_line()) <= 3
    assert left.verticalScrollBar().value() != right.verticalScrollBar().value()


def test_keys_walk_the_changes(qtbot, window, revision):
    pairs = revision.comparison.pairs
    changes = [i for i, p in enumerate(pairs) if p.status != "continued"]
    assert len(changes) >= 3
    window.parallel.right.setFocus()
    for expected in changes[:3]:
        qtbot.keyClick(window.parallel.right, Qt.Key.Key_F6)
        qtbot.waitUntil(lambda expected=expected: revision.current == expected)
    qtbot.keyClick(window.parallel.right, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: revision.current == changes[1])
    a_ids, b_ids = revision.marks.pairs[changes[1]]
    shown = (b_ids or a_ids)[0]
    pane = window.parallel.pane_of(shown)
    assert abs(pane.viewport_top_of(shown) - pane.reading_line()) <= 3
    assert window.parallel.selected_unit == shown


def test_overview_lists_the_changes_per_part(qtbot, qtmodeltester, window, revision):
    model = revision.model
    qtmodeltester.check(model)
    counts = revision.comparison.counts()
    assert all(model.totals.get(s, 0) == n for s, n in counts.items())
    assert model.change_count() == sum(n for s, n in counts.items() if s != "continued")
    part = next(
        model.index(r, 0)
        for r in range(model.rowCount())
        if model.index(r, 0).data().startswith("二、推进产业国内梯度转移")
    )
    assert model.rowCount(part) >= 3  # the reworded, removed and added sentences are in part 二
    first = model.index(0, 0, part)
    window.compare_mode.panel.view.clicked.emit(first)
    pair = first.data(PAIR_ROLE)
    qtbot.waitUntil(lambda: revision.current == pair)
    assert revision.comparison.pairs[pair].status in ("reworded", "new", "dropped", "moved")


def test_translation_toggle_shows_the_korean_of_the_side_that_has_it(qtbot, window):
    compare = _start(qtbot, window, SEED_000_ID, SEED_002_ID)
    action = window.actions_by_name["compare_translation"]
    action.setChecked(True)
    left, right = window.parallel.left, window.parallel.right
    qtbot.waitUntil(lambda: left.lang == "ko")
    assert right.lang == "zh"  # 002 has no Korean: it stays Chinese
    guofa = window.library.documents.get(SEED_000_ID)
    assert left.unit_ids == [s.id for s in guofa.units("ko")]
    # The pairs go through the alignment: a Korean unit carries its Chinese unit's status.
    paired = [(a, b) for a, b in compare.marks.pairs if a and b]
    assert paired and all(left.has_unit(u) for a, _b in paired for u in a)
    assert left.word_marks() == []  # words are compared in Chinese only
    message = window.status.currentMessage()
    assert message.startswith("No Korean translation of its own") and compare.titles()[1] in message
    assert compare.titles()[0] not in message
    action.setChecked(False)
    qtbot.waitUntil(lambda: left.lang == "zh")


def test_an_earlier_version_without_korean_is_said_to_have_none(qtbot, window, corpus_library, tmp_path):
    """Version 1 was Chinese only, version 2 brought the Korean: the toggle shows version 2's
    Korean beside version 1's Chinese, never the current Korean as if it were version 1's."""
    text = SEED_000.read_text(encoding="utf-8")
    chinese = text[text.index("国务院关于") :]  # the file's Chinese half follows its Korean one
    assert not any("\uac00" <= c <= "\ud7a3" for c in chinese)
    first, second = tmp_path / "v1.txt", tmp_path / "v2.txt"
    first.write_text(chinese, encoding="utf-8")
    second.write_text(text.replace("适当承接", "有序承接"), encoding="utf-8")
    corpus_library.import_files([first], doc_id="rule")
    corpus_library.reimport("rule", [second])
    compare = _start(qtbot, window, "rule@1", "rule")
    window.actions_by_name["compare_translation"].setChecked(True)
    left, right = window.parallel.left, window.parallel.right
    qtbot.waitUntil(lambda: right.lang == "ko")
    assert left.lang == "zh"
    message = window.status.currentMessage()
    assert message.startswith("No Korean translation of its own") and compare.titles()[0] in message


def test_reading_a_document_leaves_the_comparison(qtbot, window, revision):
    window.open_document(SEED_002_ID)
    qtbot.waitUntil(lambda: not window.compare_mode.compare.active)
    assert window.document is not None and window.document.id == SEED_002_ID
    assert window.parallel.left.changes() == {} and window.parallel.pairing == []
    assert not window.actions_by_name["next_change"].isEnabled()
    assert not window.findChild(QDockWidget, "compare_dock").isVisible()
    assert "↔" not in window.windowTitle()


def test_export_from_the_view(qtbot, window, revision, tmp_path):
    out = tmp_path / "대조표.docx"
    revision.ask_path = lambda parent, suggested: str(out)
    window.compare_mode.panel.same_as_left.setChecked(True)
    qtbot.mouseClick(window.compare_mode.panel.export, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(out.exists)
    tables = DocxDocument(str(out)).tables
    assert len(tables[1].rows) == 1 + len(revision.comparison.pairs)
    assert any(row.cells[1].text.strip().endswith("同左") for row in tables[1].rows)


def test_library_menu_and_dialog_start_a_comparison(qtbot, window, revised, monkeypatch):
    from reader.ui.compare_panel import CompareDialog

    chosen = {}

    def accept(dialog):
        dialog.right.setCurrentIndex(dialog.right.findData(REVISED_ID))
        chosen["left"] = dialog.left.currentData()
        return True

    monkeypatch.setattr(CompareDialog, "exec", accept)
    window.library_panel.compare_requested.emit(SEED_002_ID)
    qtbot.waitUntil(lambda: window.compare_mode.compare.active)
    assert chosen["left"] == SEED_002_ID
    assert (window.compare_mode.compare.comparison.a, window.compare_mode.compare.comparison.b) == (
        SEED_002_ID,
        REVISED_ID,
    )


@pytest.mark.parametrize(("colors", "changes"), [(LIGHT, LIGHT_CHANGES), (DARK, DARK_CHANGES)])
def test_change_colours_keep_text_readable(colors, changes):
    tints = [changes.tint(s) for s in ("reworded", "moved", "new", "dropped")]
    assert len(set(tints)) == 4
    for tint in [colors.base, colors.hover, *tints]:  # the chosen pair is drawn in the hover colour
        assert contrast(colors.text, tint) >= TEXT_CONTRAST
        assert contrast(changes.inserted, tint) >= TEXT_CONTRAST
        assert contrast(changes.deleted, tint) >= TEXT_CONTRAST
    # The hovered sentence stays visible over a tint.
    assert all(tint != colors.hover for tint in tints)


def test_no_fixed_waits_needed_for_marks_after_a_reflow(qtbot, window, revision):
    """Zooming reflows both panes: the markers and the map follow the new geometry."""
    right = window.parallel.right
    before = dict(right.extents())
    window.parallel.set_text_size(right.point_size() + 4)
    qtbot.waitUntil(lambda: right.extents() != before)
    QApplication.processEvents()
    assert right.changes()  # still marked


def test_a_compared_document_that_changes_is_compared_again(qtbot, window, revision, tmp_path):
    before = revision.comparison
    path = tmp_path / "again.txt"
    path.write_text(SEED_002.read_text(encoding="utf-8"), encoding="utf-8")  # the revision undone
    window.library.reimport(REVISED_ID, [path])
    qtbot.waitUntil(lambda: revision.comparison is not before)
    assert revision.active and set(revision.comparison.counts()) >= {"continued"}
    assert all(p.status == "continued" for p in revision.comparison.pairs)
    window.library.delete(REVISED_ID)
    qtbot.waitUntil(lambda: not revision.active)
    assert window.parallel.left.unit_ids == [] and window.empty_hint.isVisibleTo(window)


def test_an_earlier_version_is_offered_and_compared_with_the_current_one(qtbot, window, corpus_library, tmp_path):
    text = SEED_002.read_text(encoding="utf-8").replace(REWORDED[0], REWORDED[1])
    path = tmp_path / "002-v2.txt"
    path.write_text(text, encoding="utf-8")
    corpus_library.reimport(SEED_002_ID, [path])
    earlier = f"{SEED_002_ID}@1"
    assert earlier in [ref for ref, _title in window.compare_mode.documents()]
    compare = _start(qtbot, window, earlier, SEED_002_ID)
    reworded = [p for p in compare.comparison.pairs if p.status == "reworded"]
    assert len(reworded) == 1 and REWORDED[1] in reworded[0].b_text
    assert all(p.status == "continued" for p in compare.comparison.pairs if p is not reworded[0])
    # The two versions share most unit ids; each side shows its own, told apart.
    left, right = window.parallel.left, window.parallel.right
    shared = set(left.unit_ids) & {u.removesuffix(SIDE_B) for u in right.unit_ids}
    assert len(shared) > 50 and not set(left.unit_ids) & set(right.unit_ids)
