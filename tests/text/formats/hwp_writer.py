"""A small HWP 5.0 writer for test files: a compound file (CFB v3) with FileHeader,
DocInfo and BodyText/Section0 (raw deflate), written from the HWP 5.0 specification
(Hancom, "한글 문서 파일 형식 5.0"), so that tests need no binary fixtures.

It writes what a reader meets in real files: paragraphs (PARA_HEADER, PARA_TEXT,
PARA_CHAR_SHAPE), extended control characters with their CTRL_HEADER records, a
table whose cells hold paragraphs one level deeper, a page header (which readers of
the body text skip), tabs, and the FileHeader flags for compression, passwords and
distribution documents. It is minimal: no fonts, styles or section definition, which
the text reader never looks at (Hangul itself may refuse such a file).
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass, field

# -- records -------------------------------------------------------------------------
PARA_HEADER, PARA_TEXT, PARA_CHAR_SHAPE, CTRL_HEADER, LIST_HEADER, TABLE = 66, 67, 68, 71, 72, 77
DOCUMENT_PROPERTIES = 16


def record(tag: int, level: int, payload: bytes) -> bytes:
    size = len(payload)
    if size >= 0xFFF:
        return struct.pack("<II", tag | level << 10 | 0xFFF << 20, size) + payload
    return struct.pack("<I", tag | level << 10 | size << 20) + payload


def _ctrl_id(name: str) -> bytes:
    return name.encode("ascii")[::-1]  # stored as a little-endian MAKE_4CHID


def _extended_char(code: int, name: str) -> bytes:
    """An eight-unit control character anchoring the control ``name``."""
    return struct.pack("<H", code) + _ctrl_id(name) + b"\0" * 8 + struct.pack("<H", code)


_TAB = struct.pack("<H", 9) + b"\0" * 12 + struct.pack("<H", 9)


def _text(text: str) -> bytes:
    """Text as PARA_TEXT code units: a tab is an eight-unit control character."""
    return _TAB.join(piece.encode("utf-16-le") for piece in text.split("\t"))


@dataclass
class Table:
    rows: list[list[str]]


@dataclass
class Paragraph:
    text: str
    table: Table | None = None
    header: str = ""  # a page header anchored in this paragraph
    tab_after: str = ""  # text after a tab control


@dataclass
class HwpDocument:
    paragraphs: list[Paragraph] = field(default_factory=list)
    compressed: bool = True
    flags: int = 0


def _paragraph_records(paragraph: Paragraph, level: int) -> bytes:
    body = b""
    if paragraph.header:
        body += _extended_char(16, "head")
    if paragraph.table:
        body += _extended_char(11, "tbl ")
    body += _text(paragraph.text)
    if paragraph.tab_after:
        body += _text("\t" + paragraph.tab_after)
    body += struct.pack("<H", 13)
    chars = len(body) // 2
    header = struct.pack("<IIHBBHHHI", chars | 0x80000000, 0, 0, 0, 0, 1, 0, 1, 0)
    out = record(PARA_HEADER, level, header)
    out += record(PARA_TEXT, level + 1, body)
    out += record(PARA_CHAR_SHAPE, level + 1, struct.pack("<II", 0, 0))
    if paragraph.header:
        out += record(CTRL_HEADER, level + 1, _ctrl_id("head") + b"\0" * 8)
        out += record(LIST_HEADER, level + 2, struct.pack("<hI", 1, 0) + b"\0" * 2)
        out += _paragraph_records(Paragraph(paragraph.header), level + 2)
    if paragraph.table:
        rows = paragraph.table.rows
        out += record(CTRL_HEADER, level + 1, _ctrl_id("tbl ") + b"\0" * 40)
        out += record(TABLE, level + 2, struct.pack("<IHH", 0, len(rows), len(rows[0])) + b"\0" * 10)
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                out += record(LIST_HEADER, level + 2, struct.pack("<hIHHHH", 1, 0, c, r, 1, 1) + b"\0" * 20)
                out += _paragraph_records(Paragraph(cell), level + 2)
    return out


def file_header(flags: int) -> bytes:
    header = b"HWP Document File".ljust(32, b"\0") + struct.pack("<II", 0x05000300, flags)
    return header.ljust(256, b"\0")


def hwp_bytes(document: HwpDocument) -> bytes:
    """The document as an HWP 5.0 file."""
    section = b"".join(_paragraph_records(p, 0) for p in document.paragraphs)
    doc_info = record(DOCUMENT_PROPERTIES, 0, struct.pack("<H", 1) + b"\1\0" * 6 + b"\0" * 12)
    flags = document.flags | (1 if document.compressed else 0)
    if document.compressed:
        section, doc_info = _deflate(section), _deflate(doc_info)
    return compound_file({"FileHeader": file_header(flags), "DocInfo": doc_info, "BodyText/Section0": section})


def _deflate(data: bytes) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush()


# -- compound file (CFB v3) -------------------------------------------------------------
SECTOR, MINI_SECTOR, MINI_CUTOFF = 512, 64, 4096
FREE, END, FAT_SECTOR, NONE = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF


@dataclass
class _Entry:
    name: str
    kind: int  # 1 storage, 2 stream, 5 root
    data: bytes = b""
    children: list[_Entry] = field(default_factory=list)
    sid: int = 0
    start: int = END
    left: int = NONE
    right: int = NONE
    child: int = NONE


def _order(entry: _Entry) -> tuple[int, str]:
    return len(entry.name), entry.name.upper()


def compound_file(streams: dict[str, bytes]) -> bytes:
    """A compound file holding ``streams`` (paths with ``/`` make storages)."""
    root = _Entry("Root Entry", 5)
    for path, data in streams.items():
        *folders, name = path.split("/")
        node = root
        for folder in folders:
            found = next((c for c in node.children if c.name == folder), None)
            if found is None:
                found = _Entry(folder, 1)
                node.children.append(found)
            node = found
        node.children.append(_Entry(name, 2, data))
    entries: list[_Entry] = []

    def number(entry: _Entry) -> None:
        entry.sid = len(entries)
        entries.append(entry)
        for child in entry.children:
            number(child)

    number(root)

    def tree(siblings: list[_Entry]) -> int:
        """A balanced binary tree of siblings (all black); returns the root's id."""
        if not siblings:
            return NONE
        siblings = sorted(siblings, key=_order)
        middle = len(siblings) // 2
        node = siblings[middle]
        node.left, node.right = tree(siblings[:middle]), tree(siblings[middle + 1 :])
        return node.sid

    for entry in entries:
        entry.child = tree(entry.children)

    # Small streams go to the mini stream (64-byte sectors), large ones to sectors.
    mini = bytearray()
    mini_fat: list[int] = []
    big: list[_Entry] = []
    for entry in entries:
        if entry.kind != 2:
            continue
        if len(entry.data) < MINI_CUTOFF:
            count = max(1, -(-len(entry.data) // MINI_SECTOR)) if entry.data else 0
            if count:
                entry.start = len(mini_fat)
                mini_fat.extend(range(entry.start + 1, entry.start + count))
                mini_fat.append(END)
                mini += entry.data.ljust(count * MINI_SECTOR, b"\0")
        else:
            big.append(entry)

    sectors: list[bytes] = []
    fat: list[int] = []

    def place(data: bytes) -> int:
        count = -(-len(data) // SECTOR)
        start = len(sectors)
        for i in range(count):
            sectors.append(data[i * SECTOR : (i + 1) * SECTOR].ljust(SECTOR, b"\0"))
            fat.append(start + i + 1 if i < count - 1 else END)
        return start

    for entry in big:
        entry.start = place(entry.data)
    root.start = place(bytes(mini)) if mini else END
    root.data = bytes(mini)
    mini_fat_start = place(b"".join(struct.pack("<I", v) for v in mini_fat)) if mini_fat else END
    directory = b"".join(_directory_entry(e) for e in entries)
    directory = directory.ljust(-(-len(directory) // SECTOR) * SECTOR, b"\0")
    directory_start = place(directory)
    # The FAT describes itself: grow it until its own sectors fit.
    fat_count = 1
    while (len(fat) + fat_count) * 4 > fat_count * SECTOR:
        fat_count += 1
    fat_start = len(sectors)
    fat.extend([FAT_SECTOR] * fat_count)
    table = b"".join(struct.pack("<I", v) for v in fat).ljust(fat_count * SECTOR, b"\xff")
    sectors.extend(table[i * SECTOR : (i + 1) * SECTOR] for i in range(fat_count))
    assert fat_count <= 109, "test files stay below 7 MB"
    difat = [fat_start + i for i in range(fat_count)] + [FREE] * (109 - fat_count)
    header = (
        bytes.fromhex("D0CF11E0A1B11AE1")
        + b"\0" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\0" * 6
        + struct.pack(
            "<IIIIIIIII",
            0,
            fat_count,
            directory_start,
            0,
            MINI_CUTOFF,
            mini_fat_start,
            -(-len(mini_fat) * 4 // SECTOR),
            END,
            0,
        )
        + b"".join(struct.pack("<I", v) for v in difat)
    )
    assert len(header) == SECTOR
    return header + b"".join(sectors)


def _directory_entry(entry: _Entry) -> bytes:
    name = entry.name.encode("utf-16-le") + b"\0\0"
    size = len(entry.data) if entry.kind in (2, 5) else 0
    return (
        name.ljust(64, b"\0")
        + struct.pack("<HBB", len(name), entry.kind, 1)
        + struct.pack("<III", entry.left, entry.right, entry.child)
        + b"\0" * 16
        + b"\0" * 4
        + b"\0" * 16
        + struct.pack("<IQ", entry.start if size or entry.kind == 5 else 0, size)
    )
