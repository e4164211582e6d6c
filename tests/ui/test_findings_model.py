"""The findings model and its filter, in English and in Korean."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from reader.terms.checks import KINDS, Finding
from reader.ui.findings_model import FINDING_ROLE, FindingsFilter, FindingsModel, describe
from reader.ui.i18n import Translations


def _findings() -> list[Finding]:
    return [
        Finding(
            "near_miss", "结构调整", "구고조정", "zh.p1.s1.a", "ko.p1.s1.b", "", "구조조정?", 0.85, "k1", "", "구조조정"
        ),
        Finding("number_mismatch", "三十一", "30", "zh.p1.s2.a", "ko.p1.s2.b", "", "", 0.9, "k2", "", "31"),
        Finding(
            "inconsistent",
            "产业园区",
            "공업단지",
            "zh.p2.s1.a",
            "ko.p2.s1.b",
            "",
            "",
            0.7,
            "k3",
            "dismissed",
            "산업단지",
        ),
    ]


def test_model_and_filter(qtmodeltester):
    model = FindingsModel()
    model.set_findings(_findings())
    qtmodeltester.check(model)
    proxy = FindingsFilter()
    proxy.setSourceModel(model)
    assert proxy.rowCount() == 2  # the dismissed one is decided
    proxy.set_show_decided(True)
    assert proxy.rowCount() == 3
    proxy.set_kind("number_mismatch")
    assert [proxy.index(r, 0).data(FINDING_ROLE).key for r in range(proxy.rowCount())] == ["k2"]
    proxy.set_kind("")
    model.set_decision("k1", "confirmed")
    assert model.counts() == dict.fromkeys(KINDS, 0) | {"number_mismatch": 1}
    proxy.set_show_decided(False)
    assert proxy.rowCount() == 1


@pytest.mark.parametrize("finding", _findings(), ids=lambda f: f.kind)
def test_findings_read_in_korean(qapp, finding):
    assert finding.zh_term in describe(finding) and finding.expected in describe(finding)
    translations = Translations(QApplication.instance())
    try:
        assert translations.install("ko")
        text = describe(finding)
        assert finding.zh_term in text and finding.expected in text
        assert not re.search(r"[A-Za-z]", text), text
        model = FindingsModel()
        model.set_findings([finding])
        for column in range(model.columnCount()):
            header = model.headerData(column, Qt.Orientation.Horizontal)
            assert not re.search(r"[A-Za-z]", header), header
        assert not re.search(r"[A-Za-z]", model.index(0, 0).data())
    finally:
        translations.install("en")
