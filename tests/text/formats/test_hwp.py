"""HWP 5.0 files: paragraphs, tables and boxes in reading order, protected files refused."""

from __future__ import annotations

import pytest

from reader.errors import ImportFailed
from reader.text.formats.hwp import DISTRIBUTION, DRM, ENCRYPTED
from reader.text.importer import parse_files
from tests.conftest import SEED_000
from tests.text.formats.hwp_writer import HwpDocument, Paragraph, Table, hwp_bytes


def seed_as_hwp(compressed: bool = True) -> bytes:
    lines = [line for line in SEED_000.read_text(encoding="utf-8").split("\n") if line.strip()]
    return hwp_bytes(HwpDocument([Paragraph(line) for line in lines], compressed=compressed))


def _structure(document):
    return [(s.lang, s.kind, s.label, s.text) for s in document.segments]


@pytest.mark.parametrize("compressed", [True, False])
def test_seed_000_as_hwp_reads_as_the_text_file(tmp_path, compressed):
    path = tmp_path / "guofa.hwp"
    path.write_bytes(seed_as_hwp(compressed))
    from_hwp = parse_files([path])
    from_text = parse_files([SEED_000])
    assert _structure(from_hwp) == _structure(from_text)
    kinds = [s.kind for s in from_hwp.segments_in("zh")]
    assert kinds.count("part") == 8 and kinds.count("clause") == 30


def test_tables_in_reading_order_and_headers_left_out(tmp_path):
    document = HwpDocument(
        [
            Paragraph("关于加强管理的通知", header="内部资料 注意保存"),
            Paragraph("一、总体要求", table=Table([["指标", "目标值"], ["产业转移项目", "一百个"]])),
            Paragraph("坚持稳中求进工作总基调。", tab_after="推动高质量发展。"),
        ]
    )
    path = tmp_path / "table.hwp"
    path.write_bytes(hwp_bytes(document))
    from reader.text.loaders import load

    lines = [line for line in load(path).lines if line]
    assert lines == ["关于加强管理的通知", "一、总体要求", "指标", "目标值", "产业转移项目", "一百个",
                     "坚持稳中求进工作总基调。\t推动高质量发展。"]  # fmt: skip


@pytest.mark.parametrize(
    ("flags", "problem"),
    [
        (ENCRYPTED, "password-protected or DRM"),
        (DRM, "password-protected or DRM"),
        (DISTRIBUTION, "distribution document"),
    ],
)
def test_protected_files_get_one_line(tmp_path, flags, problem):
    path = tmp_path / "protected.hwp"
    path.write_bytes(hwp_bytes(HwpDocument([Paragraph("秘密")], flags=flags)))
    with pytest.raises(ImportFailed) as raised:
        parse_files([path])
    assert problem in str(raised.value) and str(path) in str(raised.value) and "\n" not in str(raised.value)


def test_damaged_and_foreign_files_get_one_line(tmp_path):
    good = seed_as_hwp()
    cases = {
        "text.hwp": "这不是韩文文件".encode() * 50,
        "truncated.hwp": good[: len(good) // 2],
        "hwp3.hwp": b"HWP Document File V3.00 \x1a\x01\x02\x03\x04\x05" + b"\0" * 600,
    }
    for name, data in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(ImportFailed) as raised:
            parse_files([path])
        message = str(raised.value)
        assert message.startswith(str(path)) and "\n" not in message, message
        assert "HWP" in message, message


def test_seed_000_as_hwp_reads_as_its_hwpx_twin(tmp_path):
    """The same paragraphs saved as HWP 5.0 and as HWPX (python-hwpx) give the same document."""
    from hwpx import HwpxDocument

    from tests.text.formats.pages import char_f1

    hwp_path, hwpx_path = tmp_path / "guofa.hwp", tmp_path / "guofa.hwpx"
    hwp_path.write_bytes(seed_as_hwp())
    twin = HwpxDocument.new()
    for line in SEED_000.read_text(encoding="utf-8").split("\n"):
        if line.strip():
            twin.add_paragraph(line)
    twin.save_to_path(hwpx_path)
    from_hwp, from_hwpx = parse_files([hwp_path]), parse_files([hwpx_path])
    assert char_f1("".join(s.text for s in from_hwp.segments), "".join(s.text for s in from_hwpx.segments)) >= 0.99
    assert _structure(from_hwp) == _structure(from_hwpx)
