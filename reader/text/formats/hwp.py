"""HWP 5.0 binary documents (.hwp), read without pyhwp (AGPL).

An HWP 5.0 file is an OLE compound file (read with olefile). ``FileHeader`` says
whether the body streams are compressed, and whether the document is encrypted or
distribution-protected (배포용: its body is then in encrypted ``ViewText`` streams,
not ``BodyText``). Each ``BodyText/SectionN`` stream (raw deflate when compressed) is
a run of records: a 32-bit header (tag id: bits 0–9, nesting level: 10–19, size:
20–31, where 0xFFF means a 32-bit size follows) and the payload.

Paragraph text is in HWPTAG_PARA_TEXT records (tag 67), UTF-16LE with control
characters below U+0020: some stand alone (line break, paragraph end, non-breaking
and fixed-width spaces), the others span eight code units (the code, six units of
parameters, the code again) and anchor objects (tables, text boxes, fields). The
records of a table's cells or a box's text follow the paragraph that anchors it,
at a deeper level, so reading every PARA_TEXT in stream order gives the text in
reading order: the paragraph, then what its table or box holds, cell by cell.
Page headers and footers (controls ``head``/``foot``) are left out: they repeat on
every page and are not the document's text.
"""

from __future__ import annotations

import io
import re
import struct
import zlib
from collections.abc import Iterator
from pathlib import Path

from ...errors import ImportFailed

SUFFIXES = frozenset({".hwp"})

SIGNATURE = b"HWP Document File"
HWPTAG_BEGIN = 0x10
HWPTAG_PARA_TEXT = HWPTAG_BEGIN + 51
HWPTAG_CTRL_HEADER = HWPTAG_BEGIN + 55

#: FileHeader properties (bit flags of the 32-bit word at offset 36).
COMPRESSED, ENCRYPTED, DISTRIBUTION, DRM = 0x1, 0x2, 0x4, 0x10

#: Control characters that span eight UTF-16 code units (code, parameters, code).
_EXTENDED = frozenset({1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23})
#: Control characters that stand alone, and what they print.
_SINGLE = {0: "", 10: "\n", 13: "\n", 24: "-", 25: "", 26: "", 27: "", 28: "", 29: "", 30: " ", 31: " "}
_TAB = 9
_SKIPPED_CONTROLS = frozenset({"head", "foot"})
_SECTION = re.compile(r"^Section(\d+)$")


def read_hwp(path: Path, data: bytes) -> list[str]:
    """The paragraphs of an HWP 5.0 file, one a line (blank lines between them)."""
    import olefile

    if not olefile.isOleFile(data=data):
        raise ImportFailed(path, "not a readable HWP file (not an HWP 5.0 compound file; HWP 3 files are not read)")
    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except (OSError, ValueError, struct.error) as exc:
        raise ImportFailed(path, f"not a readable HWP file ({exc.__class__.__name__})") from None
    try:
        flags = _file_header(path, ole)
        if flags & (ENCRYPTED | DRM):
            raise ImportFailed(
                path, "HWP file is password-protected or DRM-secured; open it in Hangul and save it without protection"
            )
        if flags & DISTRIBUTION:
            raise ImportFailed(
                path,
                "HWP file is a distribution document (배포용 문서) whose text is encrypted; ask for the original HWP or HWPX",
            )
        sections = sorted(
            (int(match.group(1)), entry)
            for entry in ole.listdir(streams=True, storages=False)
            if len(entry) == 2 and entry[0] == "BodyText" and (match := _SECTION.match(entry[1]))
        )
        if not sections:
            raise ImportFailed(path, "not a readable HWP file (no BodyText sections)")
        lines: list[str] = []
        for _, entry in sections:
            raw = ole.openstream(entry).read()
            try:
                stream = zlib.decompress(raw, -15) if flags & COMPRESSED else raw
            except zlib.error:
                raise ImportFailed(path, f"not a readable HWP file ({'/'.join(entry)} is damaged)") from None
            for paragraph in paragraph_texts(stream):
                lines.extend(paragraph.split("\n"))
                lines.append("")
        return lines
    except (OSError, struct.error) as exc:
        raise ImportFailed(path, f"not a readable HWP file ({exc.__class__.__name__})") from None
    finally:
        ole.close()


def _file_header(path: Path, ole) -> int:
    if not ole.exists("FileHeader"):
        raise ImportFailed(path, "not a readable HWP file (no FileHeader)")
    header = ole.openstream("FileHeader").read()
    if not header.startswith(SIGNATURE) or len(header) < 40:
        raise ImportFailed(path, "not a readable HWP file (bad FileHeader signature)")
    version = struct.unpack_from("<I", header, 32)[0]
    if version >> 24 != 5:
        raise ImportFailed(path, f"HWP version {version >> 24} is not read (only HWP 5.x)")
    return struct.unpack_from("<I", header, 36)[0]


def records(stream: bytes) -> Iterator[tuple[int, int, bytes]]:
    """(tag id, level, payload) of each record of a section stream."""
    offset, end = 0, len(stream)
    while offset + 4 <= end:
        (header,) = struct.unpack_from("<I", stream, offset)
        offset += 4
        tag, level, size = header & 0x3FF, (header >> 10) & 0x3FF, header >> 20
        if size == 0xFFF:
            if offset + 4 > end:
                return
            (size,) = struct.unpack_from("<I", stream, offset)
            offset += 4
        yield tag, level, stream[offset : offset + size]
        offset += size


def paragraph_texts(stream: bytes) -> Iterator[str]:
    """The text of each paragraph of a section stream, in reading order (see the module)."""
    skip_deeper_than: int | None = None
    for tag, level, payload in records(stream):
        if skip_deeper_than is not None:
            if level > skip_deeper_than:
                continue
            skip_deeper_than = None
        if tag == HWPTAG_CTRL_HEADER and len(payload) >= 4 and payload[:4][::-1].decode("latin-1") in _SKIPPED_CONTROLS:
            skip_deeper_than = level
        elif tag == HWPTAG_PARA_TEXT:
            text = para_text(payload)
            if text.strip():
                yield text.rstrip("\n")


def para_text(payload: bytes) -> str:
    """Printable text of a PARA_TEXT payload (UTF-16LE with HWP control characters)."""
    units = struct.unpack(f"<{len(payload) // 2}H", payload[: len(payload) // 2 * 2])
    out: list[str] = []
    i, n = 0, len(units)
    while i < n:
        code = units[i]
        if code >= 32:
            # A surrogate pair stays two units here; they are joined by the decode below.
            out.append(chr(code))
            i += 1
        elif code in _EXTENDED:
            if code == _TAB:
                out.append("\t")
            i += 8
        else:
            out.append(_SINGLE.get(code, ""))
            i += 1
    return "".join(out).encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
