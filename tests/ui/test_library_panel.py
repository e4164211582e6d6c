"""The library panel: metadata in sortable columns, edited in place through the one undo
stack, the choice of columns remembered."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reader.ui.models import DOC_ID_ROLE, LIBRARY_COLUMNS

from .conftest import SEED_000_ID, SEED_002_ID

COLUMN = {name: number for number, (name, _) in enumerate(LIBRARY_COLUMNS)}


def _shown_ids(panel) -> list[str]:
    proxy = panel.proxy
    return [proxy.index(row, 0).data(DOC_ID_ROLE) for row in range(proxy.rowCount())]


def test_the_columns_show_the_stored_metadata(window, corpus_library):
    model = window.library_model
    row = model.row_of(SEED_000_ID)
    stored = corpus_library.documents.get(SEED_000_ID)
    assert model.index(row, COLUMN["doc_number"]).data() == stored.doc_number == "国发〔2010〕28号"
    assert model.index(row, COLUMN["issuer"]).data() == stored.issuer
    assert model.index(row, COLUMN["languages"]).data() == "中 · 한"
    assert stored.date == "二○一○年八月三十一日"  # shown as Korean documents write dates
    assert model.index(row, COLUMN["date"]).data() == "2010. 8. 31."
    assert model.index(row, COLUMN["date"]).data(Qt.ItemDataRole.EditRole) == stored.date
    assert model.columnCount() == len(LIBRARY_COLUMNS)
    shown = [c for c in range(model.columnCount()) if not window.library_panel.view.isColumnHidden(c)]
    assert [LIBRARY_COLUMNS[c][0] for c in shown] == ["title", "date"]


def test_an_edited_cell_is_stored_and_undone_on_the_one_stack(qtbot, window, corpus_library):
    model = window.library_model
    index = model.index(model.row_of(SEED_002_ID), COLUMN["issuer"])
    before = corpus_library.documents.get(SEED_002_ID).issuer
    assert model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(index, "工业和信息化部\n国家发展改革委")
    assert corpus_library.documents.get(SEED_002_ID).issuer == "工业和信息化部 国家发展改革委"  # one line
    qtbot.waitUntil(
        lambda: model.index(model.row_of(SEED_002_ID), COLUMN["issuer"]).data() == "工业和信息化部 国家发展改革委"
    )
    assert window.undo_stack.count() == 1
    window.undo_stack.undo()
    assert corpus_library.documents.get(SEED_002_ID).issuer == before
    window.undo_stack.redo()
    assert corpus_library.documents.get(SEED_002_ID).issuer == "工业和信息化部 国家发展改革委"


def test_the_open_documents_title_follows_an_edit(qtbot, window, corpus_library):
    model = window.library_model
    index = model.index(model.row_of(SEED_000_ID), COLUMN["title_ko"])
    assert model.setData(index, "중서부 지역의 산업 이전 수용에 관한 지도의견")
    assert window.document.title_ko == "중서부 지역의 산업 이전 수용에 관한 지도의견"
    title = model.index(model.row_of(SEED_000_ID), COLUMN["title"])
    assert not model.setData(title, "   ")  # a document always has a title
    assert corpus_library.documents.get(SEED_000_ID).title.strip()
    languages = model.index(model.row_of(SEED_000_ID), COLUMN["languages"])
    assert not model.flags(languages) & Qt.ItemFlag.ItemIsEditable


def test_a_header_click_sorts_and_the_columns_are_remembered(qtbot, window, corpus_library, qapp):
    from reader.ui.mainwindow import MainWindow

    panel = window.library_panel
    assert _shown_ids(panel) == [SEED_000_ID, SEED_002_ID]  # library order
    model = window.library_model
    model.setData(model.index(model.row_of(SEED_000_ID), COLUMN["doc_number"]), "工信部 2")
    model.setData(model.index(model.row_of(SEED_002_ID), COLUMN["doc_number"]), "工信部 1")
    panel.view.sortByColumn(COLUMN["doc_number"], Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: _shown_ids(panel) == [SEED_002_ID, SEED_000_ID])
    model.setData(model.index(model.row_of(SEED_002_ID), COLUMN["date"]), "2010年12月1日")
    panel.view.sortByColumn(COLUMN["date"], Qt.SortOrder.DescendingOrder)  # by date, not by the characters
    qtbot.waitUntil(lambda: _shown_ids(panel) == [SEED_002_ID, SEED_000_ID])
    panel.view.sortByColumn(COLUMN["doc_number"], Qt.SortOrder.AscendingOrder)
    panel.show_column(COLUMN["issuer"], False)  # as the header's context menu does
    panel.show_column(COLUMN["date_published"], True)

    again = MainWindow(corpus_library)  # remembered without closing the first window
    qtbot.addWidget(again)
    view = again.library_panel.view
    assert view.isColumnHidden(COLUMN["issuer"]) and not view.isColumnHidden(COLUMN["date_published"])
    assert _shown_ids(again.library_panel) == [SEED_002_ID, SEED_000_ID]
