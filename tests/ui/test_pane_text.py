"""Unit ranges in a reading pane are counted as the text counts them (UTF-16), with and
without characters beyond the BMP."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor

from reader.model import Document, Segment
from reader.ui.pane import ReadingPane


def _document(first: str) -> Document:
    segments = [
        Segment("zh.t.a1", "zh", "title", "", "关于开展测试的通知", None),
        Segment("zh.p1.b1", "zh", "part", "一", "一、总体要求", None),
        Segment("zh.p1.c1.c1", "zh", "clause", "（一）", "（一）指导思想。", "zh.p1.b1"),
        Segment("zh.p1.c1.s1.d1", "zh", "sentence", "", first, "zh.p1.c1.c1"),
        Segment("zh.p1.c1.s2.e1", "zh", "sentence", "", "坚持市场导向，减少行政干预。", "zh.p1.c1.c1"),
    ]
    return Document(id="probe", title="probe", segments=segments)


@pytest.mark.parametrize("first", ["推进产业转移。", "推进𠀀𠀁产业转移。"], ids=["bmp", "beyond-bmp"])
def test_every_unit_range_holds_its_text(qtbot, first):
    pane = ReadingPane("zh")
    qtbot.addWidget(pane)
    document = _document(first)
    pane.load(document)
    for segment in document.segments:
        span = pane.span(segment.id)
        assert span is not None
        cursor = QTextCursor(pane.document())
        cursor.setPosition(span.start)
        cursor.setPosition(span.end, QTextCursor.MoveMode.KeepAnchor)
        assert cursor.selectedText() == segment.text
