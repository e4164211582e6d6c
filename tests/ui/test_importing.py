"""Importing in the window: files are prepared on a worker thread, the window keeps running."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QPushButton

from tests.conftest import SEED_000, SEED_002
from tests.ui.conftest import SEED_000_ID, SEED_002_ID

IMPORT_TIMEOUT_MS = 120_000


@pytest.fixture
def big_file(tmp_path):
    """About 2 MB: seed 000 (Korean then Chinese) repeated; seconds to parse and align."""
    text = SEED_000.read_text(encoding="utf-8")
    path = tmp_path / "big.txt"
    path.write_text(text * (2_000_000 // len(text.encode("utf-8")) + 1), encoding="utf-8")
    return path


@pytest.fixture
def warnings(monkeypatch):
    shown = []
    monkeypatch.setattr("reader.ui.controllers.imports.QMessageBox.warning", lambda *a, **k: shown.append((a[1], a[2])))
    return shown


def stored_ids(library) -> set[str]:
    return {d["id"] for d in library.documents.list()}


def halves(tmp_path):
    text = SEED_000.read_text(encoding="utf-8")
    split = text.index("国务院关于")
    zh, ko = tmp_path / "zh.txt", tmp_path / "ko.txt"
    zh.write_text(text[split:], encoding="utf-8")
    ko.write_text(text[:split], encoding="utf-8")
    return zh, ko


def test_the_window_keeps_running_while_a_large_file_is_imported(qtbot, window, big_file, warnings):
    ticks = []
    timer = QTimer(window)
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()) if window.imports.job is not None else None)
    timer.start()
    with qtbot.waitSignal(window.imports.finished, timeout=IMPORT_TIMEOUT_MS) as finished:
        assert window.imports.import_paths([big_file])
        # import_paths returned at once: the file is still being prepared, nothing stored yet.
        assert window.imports.job is not None
        assert "big.txt" in window.imports.progress.labelText()
        assert stored_ids(window.library) == {SEED_000_ID, SEED_002_ID}
    timer.stop()
    assert len(ticks) >= 5, "the event loop ran while the file was prepared"
    (new_id,) = finished.args[0]
    assert warnings == []
    assert stored_ids(window.library) == {SEED_000_ID, SEED_002_ID, new_id}
    assert window.library_model.row_of(new_id) >= 0
    assert window.document.id == new_id
    assert window.document.languages == ["zh", "ko"]
    assert len(window.parallel.pane_for("zh").unit_ids) > 10 * len(
        window.library.documents.get(SEED_000_ID).units("zh")
    )
    assert window.imports.progress is None


def test_cancel_keeps_what_is_stored_and_drops_the_file_being_prepared(qtbot, window, big_file, tmp_path, warnings):
    small = tmp_path / "small.txt"
    small.write_text(SEED_002.read_text(encoding="utf-8"), encoding="utf-8")
    later = tmp_path / "later.txt"
    later.write_text(SEED_002.read_text(encoding="utf-8"), encoding="utf-8")
    events = []
    window.library.listen(lambda event, doc_id: events.append(event))
    started = []
    window.imports.import_paths([small, big_file, later])
    window.imports.job.group_started.connect(lambda group, done: started.append(group[0].name))
    qtbot.waitUntil(lambda: started == ["big.txt"], timeout=IMPORT_TIMEOUT_MS)
    progress = window.imports.progress
    qtbot.waitUntil(progress.isVisible)  # shown after its minimum duration
    assert progress.value() == 1 and "big.txt" in progress.labelText()
    with qtbot.waitSignal(window.imports.finished) as finished:
        qtbot.mouseClick(progress.findChild(QPushButton), Qt.MouseButton.LeftButton)
    (small_id,) = finished.args[0]
    assert window.imports.job is None
    assert started == ["big.txt"]  # the file after it was never started
    # A new import right away: the big file's result comes back first, is dropped, not taken for it.
    with qtbot.waitSignal(window.imports.finished, timeout=IMPORT_TIMEOUT_MS) as finished:
        window.imports.import_paths([later])
    (later_id,) = finished.args[0]
    window.imports.pool.waitForDone()
    qtbot.wait(50)
    assert stored_ids(window.library) == {SEED_000_ID, SEED_002_ID, small_id, later_id}
    assert window.library.documents.get(later_id).sources[0].endswith("later.txt")
    assert events == ["imported", "imported"]
    assert warnings == []


def test_one_bad_file_gives_one_message_and_the_others_are_imported(qtbot, window, tmp_path, warnings):
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"not a zip")
    with qtbot.waitSignal(window.imports.finished, timeout=IMPORT_TIMEOUT_MS) as finished:
        window.imports.import_paths([SEED_002, bad, SEED_000])
    assert len(finished.args[0]) == 2
    assert len(warnings) == 1
    title, message = warnings[0]
    assert title == "Import failed" and "broken.docx" in message and "\n" not in message
    assert window.document.id == finished.args[0][-1]


def test_two_files_are_one_bilingual_document_or_each_its_own(qtbot, window, tmp_path, warnings):
    zh, ko = halves(tmp_path)
    with qtbot.waitSignal(window.imports.finished, timeout=IMPORT_TIMEOUT_MS) as finished:
        window.imports.import_paths([ko, zh])
    (pair,) = finished.args[0]
    assert window.library.documents.get(pair).languages == ["zh", "ko"]

    other = tmp_path / "other.txt"
    other.write_text(SEED_002.read_text(encoding="utf-8"), encoding="utf-8")
    with qtbot.waitSignal(window.imports.finished, timeout=IMPORT_TIMEOUT_MS) as finished:
        window.imports.import_paths([zh, other])  # both Chinese: not one document
    assert len(finished.args[0]) == 2
    assert [window.library.documents.get(i).languages for i in finished.args[0]] == [["zh"], ["zh"]]
    assert warnings == []


def test_closing_the_window_during_an_import_stores_nothing(qtbot, corpus_library, big_file, warnings):
    from reader.ui.mainwindow import MainWindow

    win = MainWindow(corpus_library)
    qtbot.addWidget(win)
    win.show()
    finished = []
    win.imports.finished.connect(finished.append)
    win.imports.import_paths([big_file])
    qtbot.wait(100)
    win.close()  # waits for the worker; the prepared document is dropped
    assert win.imports.job is None and win.imports.pool.activeThreadCount() == 0
    qtbot.wait(50)
    assert stored_ids(corpus_library) == {SEED_000_ID, SEED_002_ID}
    assert finished == [] and warnings == []


def test_attaching_a_translation_runs_in_the_background(qtbot, window, tmp_path, warnings):
    _, ko = halves(tmp_path)
    window.open_document(SEED_002_ID)
    with qtbot.waitSignal(window.imports.finished, timeout=IMPORT_TIMEOUT_MS) as finished:
        assert window.imports.attach_translation(ko, window.document)
        assert window.library.documents.get(SEED_002_ID).languages == ["zh"]
    assert finished.args == [[SEED_002_ID]]
    assert window.document.languages == ["zh", "ko"]
    assert window.parallel.pane_for("ko").isVisible()

    with qtbot.waitSignal(window.imports.finished, timeout=IMPORT_TIMEOUT_MS) as finished:
        window.imports.attach_translation(ko, window.document)  # it has both languages now
    assert finished.args == [[]]
    assert len(warnings) == 1 and warnings[0][0] == "Attach translation" and "ko.txt" in warnings[0][1]


@pytest.mark.slow
def test_a_scan_shows_its_pages_and_cancel_stops_the_ocr_between_pages(qtbot, window, tmp_path, warnings, monkeypatch):
    from reader.text.formats import ocr
    from tests.text.formats.pages import seed_000_chinese
    from tests.text.formats.scans import render_pages, scanned_pdf

    pages = render_pages(seed_000_chinese(), "zh", dpi=200)
    assert len(pages) >= 3
    pdf = scanned_pdf(pages, tmp_path / "scan.pdf", 200)
    recognised = []
    real_page = ocr.Recogniser.page
    monkeypatch.setattr(
        ocr.Recogniser, "page", lambda self, image, number: recognised.append(number) or real_page(self, image, number)
    )
    before = stored_ids(window.library)
    window.imports.progress_delay_ms = 0
    window.imports.import_paths([pdf])
    progress = window.imports.progress
    qtbot.waitUntil(lambda: "page 1 of" in progress.labelText(), timeout=IMPORT_TIMEOUT_MS)
    assert progress.maximum() == len(pages) and progress.value() == 1
    assert "scan.pdf" in progress.labelText()
    with qtbot.waitSignal(window.imports.finished) as finished:
        qtbot.mouseClick(progress.findChild(QPushButton), Qt.MouseButton.LeftButton)
    assert finished.args[0] == []
    window.imports.pool.waitForDone()
    assert len(recognised) <= 2 < len(pages)  # the page being read is finished, no page after it
    assert stored_ids(window.library) == before
    assert warnings == []


def test_a_japanese_text_is_imported_with_a_warning(qtbot, window, tmp_path, warnings):
    path = tmp_path / "japanese.txt"
    path.write_text(
        "地方の産業を支える方針について\n"
        "中小企業の発展を促進し、地域の雇用を守ることが重要である。\n"
        "国と地方は協力して、新しい産業の育成に取り組むものとする。\n",
        encoding="utf-8",
    )
    with qtbot.waitSignal(window.imports.finished, timeout=IMPORT_TIMEOUT_MS) as finished:
        window.imports.import_paths([path])
    (doc_id,) = finished.args[0]
    assert window.library.documents.get(doc_id).languages == ["zh"]
    ((title, text),) = warnings
    assert title == "Check the language"
    assert text.startswith("japanese.txt: the text looks Japanese (") and "imported as Chinese" in text


def test_ctrl_shift_v_imports_the_clipboard_as_a_document_kept_as_a_file(qtbot, window, tmp_path, warnings):
    from PySide6.QtCore import QMimeData
    from PySide6.QtGui import QGuiApplication

    text = SEED_000.read_text(encoding="utf-8")  # Korean then Chinese, as copied from a page
    QGuiApplication.clipboard().setText(text)
    with qtbot.waitSignal(window.imports.finished, timeout=IMPORT_TIMEOUT_MS) as finished:
        qtbot.keyClick(window, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    (doc_id,) = finished.args[0]
    pasted = window.library.documents.get(doc_id)
    assert pasted.languages == ["zh", "ko"]
    (source,) = pasted.sources
    assert "pasted" in source and Path(source).read_text(encoding="utf-8") == text  # kept where the library lives
    assert window.document.id == doc_id

    mime = QMimeData()  # HTML from a browser: the page's structure, not its markup
    mime.setHtml(
        "<html><body><h1>关于推进产业转移的通知</h1><p>第一条 各地区要加强组织领导。</p>"
        "<p>第二条 各部门要加强协调配合，形成工作合力。</p></body></html>"
    )
    mime.setText("关于推进产业转移的通知")
    QGuiApplication.clipboard().setMimeData(mime)
    with qtbot.waitSignal(window.imports.finished, timeout=IMPORT_TIMEOUT_MS) as finished:
        window.actions_by_name["paste_document"].trigger()
    (html_id,) = finished.args[0]
    document = window.library.documents.get(html_id)
    assert document.sources[0].endswith(".html")
    assert "各部门要加强协调配合" in "".join(s.text for s in document.segments)
    assert "<p>" not in "".join(s.text for s in document.segments)
    assert warnings == []


def test_pasted_korean_becomes_the_translation_of_the_open_chinese_document(qtbot, window, tmp_path, warnings):
    from PySide6.QtGui import QGuiApplication

    zh, ko = halves(tmp_path)
    with qtbot.waitSignal(window.imports.finished, timeout=IMPORT_TIMEOUT_MS) as finished:
        window.imports.import_paths([zh])
    (doc_id,) = finished.args[0]
    assert window.document.id == doc_id and window.document.languages == ["zh"]
    QGuiApplication.clipboard().setText(ko.read_text(encoding="utf-8"))
    with qtbot.waitSignal(window.imports.finished, timeout=IMPORT_TIMEOUT_MS):
        window.actions_by_name["paste_document"].trigger()
    assert window.library.documents.get(doc_id).languages == ["zh", "ko"]
    assert len(window.library.documents.list()) == 3  # the two seeds and this one: nothing new
    QGuiApplication.clipboard().clear()
    assert not window.imports.paste(QGuiApplication.clipboard().mimeData(), window.document)


def test_a_saved_policy_page_and_an_hwp_file_dropped_on_the_window_are_imported(qtbot, window, tmp_path, warnings):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    from reader.ui.controllers.imports import IMPORT_FILTER
    from tests.text.formats.hwp_writer import HwpDocument, Paragraph, hwp_bytes
    from tests.text.formats.pages import POLICY_METADATA, POLICY_URL, write_pages

    for pattern in ("*.html", "*.htm", "*.mhtml", "*.hwp", "*.hwpx", "*.png", "*.jpg", "*.tif", "*.pdf"):
        assert pattern in IMPORT_FILTER.split()  # the file dialog offers every format
    page = write_pages(tmp_path)["policy_library.html"]
    hwp = tmp_path / "통지.hwp"
    hwp.write_bytes(
        hwp_bytes(
            HwpDocument([Paragraph("关于加强管理的通知"), Paragraph("一、总体要求"), Paragraph("坚持稳中求进。")])
        )
    )
    before = stored_ids(window.library)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(page)), QUrl.fromLocalFile(str(hwp))])
    drop = QDropEvent(
        QPointF(300, 300), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    )
    with qtbot.waitSignal(window.imports.finished, timeout=IMPORT_TIMEOUT_MS) as finished:
        window.dropEvent(drop)
    assert warnings == []
    assert len(finished.args[0]) == 2 and set(finished.args[0]) == stored_ids(window.library) - before
    from_page, from_hwp = (window.library.documents.get(i) for i in finished.args[0])
    assert from_page.title == POLICY_METADATA["title"]
    assert (from_page.issuer, from_page.doc_number) == (POLICY_METADATA["issuer"], POLICY_METADATA["doc_number"])
    assert from_page.source_url == POLICY_URL
    assert "分享到" not in "".join(s.text for s in from_page.segments)  # the page's share bar is not text
    assert from_hwp.title == "关于加强管理的通知"
    assert "坚持稳中求进" in "".join(s.text for s in from_hwp.segments)


def test_an_import_analyses_its_korean_while_preparing_and_the_index_add_runs_no_kiwi(
    qtbot, hosted_window, tmp_path, warnings, monkeypatch
):
    import threading

    from reader.search import analysis

    window = hosted_window
    panel = window.hosted["search_dock"]
    updater = window.hosted["glossary_dock"].updater
    qtbot.waitUntil(lambda: panel.index.ready and not panel.index.building and not updater.busy, timeout=60_000)
    # Seed 000's Korean is new to the library again. Only its rows go: the glossary miner
    # that runs after the import may analyse what else is missing, on a thread of its own.
    keys = [analysis.morphemes_key(u.text) for u in window.library.documents.get(SEED_000_ID).units("ko")]
    for key in keys:
        window.library.db.execute("DELETE FROM term_analysis WHERE key = ?", (key,))
    assert not window.library.terms.analysed(keys)
    threads: list[str] = []
    analyse = analysis.korean_morphemes

    def counted(texts):
        threads.append(threading.current_thread().name)
        return analyse(texts)

    monkeypatch.setattr(analysis, "korean_morphemes", counted)
    zh, ko = halves(tmp_path)
    with qtbot.waitSignal(window.imports.finished, timeout=IMPORT_TIMEOUT_MS) as finished:
        window.imports.import_paths([zh, ko])
    (new_id,) = finished.args[0]
    panel.index.wait(60)
    assert new_id in panel.index._stamp["documents"]  # the index followed the import
    assert len(threads) == 1  # once, on the preparing thread: neither the GUI's nor the index's
    assert threads[0] != threading.main_thread().name and not threads[0].startswith("search-index")
    texts = {u.text for u in window.library.documents.get(new_id).units("ko")}
    assert len(window.library.terms.analysed([analysis.morphemes_key(t) for t in texts])) == len(texts)
    assert warnings == []
