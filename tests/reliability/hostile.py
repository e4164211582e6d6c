"""Hostile files, generated: zip bombs, cut packages, XML entity bombs, PDFs
encrypted with AES. Shared by the tests and ``benchmarks/reliability_bench.py``."""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

MiB = 1024 * 1024

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def minimal_docx(text: str = "国务院关于中西部地区承接产业转移的指导意见") -> bytes:
    """A real DOCX written by python-docx."""
    import docx

    document = docx.Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


class _RepeatingDeflate:
    """A raw-deflate compressor that flushes fully after every write, so a chunk
    written again compresses to the same bytes: those are reused instead of
    deflating gigabytes (the stream stays valid; zipfile still computes the CRC)."""

    def __init__(self, level: int):
        self._real = zlib.compressobj(level, zlib.DEFLATED, -15)
        self._last: tuple[bytes, bytes] | None = None

    def compress(self, data: bytes) -> bytes:
        if self._last is not None and self._last[0] is data:
            return self._last[1]
        out = self._real.compress(data) + self._real.flush(zlib.Z_FULL_FLUSH)
        self._last = (data, out)
        return out

    def flush(self) -> bytes:
        return self._real.flush()


def _deflated(name: str, level: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.compress_type = zipfile.ZIP_DEFLATED
    info._compresslevel = level  # ZipFile.open(…, "w") reads the level from the ZipInfo
    return info


def replace_part(package: bytes, name: str, write, target: Path, compresslevel: int = 9) -> Path:
    """A copy of a zip package with the part ``name`` written by ``write(handle)``."""
    with (
        zipfile.ZipFile(io.BytesIO(package)) as source,
        zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=compresslevel) as out,
    ):
        for item in source.infolist():
            if item.filename == name:
                continue
            out.writestr(item, source.read(item.filename))
        with out.open(_deflated(name, compresslevel), "w", force_zip64=True) as handle:
            handle._compressor = _RepeatingDeflate(compresslevel)
            write(handle)
    return target


def docx_bomb(target: Path, inflated: int = 2 * 1024 * MiB) -> Path:
    """A DOCX whose document.xml inflates to ``inflated`` bytes (one huge run of text)."""
    head = f'<?xml version="1.0" encoding="UTF-8"?><w:document {_W}><w:body><w:p><w:r><w:t>'.encode()
    tail = b"</w:t></w:r></w:p></w:body></w:document>"
    chunk = b"A" * (4 * MiB)

    def write(handle) -> None:
        handle.write(head)
        left = inflated - len(head) - len(tail)
        while left > 0:
            piece = chunk[: min(left, len(chunk))]
            handle.write(piece)
            left -= len(piece)
        handle.write(tail)

    return replace_part(minimal_docx(), "word/document.xml", write, target)


def lying_docx_bomb(target: Path, inflated: int = 512 * MiB) -> Path:
    """A DOCX bomb whose central directory claims document.xml is small."""
    docx_bomb(target, inflated)
    data = bytearray(target.read_bytes())
    # Rewrite the uncompressed size in the zip64 extra field of the central directory
    # entry for word/document.xml to 1 KB (the local header is left alone).
    name = b"word/document.xml"
    at = data.rfind(b"PK\x01\x02")
    while at != -1:
        name_len = int.from_bytes(data[at + 28 : at + 30], "little")
        if bytes(data[at + 46 : at + 46 + name_len]) == name:
            if int.from_bytes(data[at + 24 : at + 28], "little") != 0xFFFFFFFF:
                data[at + 24 : at + 28] = (1024).to_bytes(4, "little")
            extra_len = int.from_bytes(data[at + 30 : at + 32], "little")
            extra = at + 46 + name_len
            end = extra + extra_len
            while extra < end:
                tag = int.from_bytes(data[extra : extra + 2], "little")
                size = int.from_bytes(data[extra + 2 : extra + 4], "little")
                if tag == 1:
                    data[extra + 4 : extra + 12] = (1024).to_bytes(8, "little")
                extra += 4 + size
            break
        at = data.rfind(b"PK\x01\x02", 0, at)
    target.write_bytes(bytes(data))
    return target


def hwpx_bomb(target: Path, inflated: int = 512 * MiB) -> Path:
    """An HWPX-looking package (mimetype first) whose section XML inflates hugely."""
    chunk = b" " * (4 * MiB)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr(zipfile.ZipInfo("mimetype"), "application/hwp+zip")
        with out.open(_deflated("Contents/section0.xml", 9), "w", force_zip64=True) as handle:
            handle._compressor = _RepeatingDeflate(9)
            left = inflated
            while left > 0:
                handle.write(chunk[: min(left, len(chunk))])
                left -= len(chunk)
    return target


def cut_docx(target: Path) -> Path:
    """A real DOCX cut in the middle (a download that stopped)."""
    data = minimal_docx("一\n二\n三" * 200)
    target.write_bytes(data[: len(data) // 2])
    return target


def docx_with_document_xml(target: Path, xml: bytes) -> Path:
    """A real DOCX whose document.xml is replaced by ``xml`` (malformed, entity bombs …)."""
    return replace_part(minimal_docx(), "word/document.xml", lambda handle: handle.write(xml), target)


BILLION_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'.encode() for i in range(1, 10)
    )
    + f"]><w:document {_W}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>".encode()
)

MALFORMED_XML = f"<w:document {_W}><w:body><w:p><w:r><w:t>unclosed".encode()
