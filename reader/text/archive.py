"""Limits for zip-based formats (DOCX, HWPX, EPUB …), checked before any parser runs.

A zip bomb is a small file that inflates to gigabytes: python-docx reads every part
into memory and lxml then builds a tree several times the size of the XML, so a
2 MB file expanding to 2 GiB took more than 4 GB of memory. ``check_zip`` reads only
the central directory and refuses a package whose parts would inflate beyond
``MAX_XML_PART`` (one XML part), ``MAX_XML_TOTAL`` (all XML parts), ``MAX_TOTAL``
(everything, media included) or compress more than ``MAX_RATIO`` to one (a real
document's XML compresses 5–20 to one, a bomb thousands to one). The declared sizes
are claims, so every part is then inflated once in 1 MB chunks with its CRC
checked: a part that holds more than it claims fails there, with memory bounded
by the chunk, before any parser reads it whole.

With these limits the worst file that passes keeps an import under 1 GB of memory
(measured by ``benchmarks/reliability_bench.py``).
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path

from ..errors import ImportFailed

MiB = 1024 * 1024
MAX_MEMBERS = 10_000
MAX_XML_PART = 48 * MiB
MAX_XML_TOTAL = 96 * MiB
MAX_TOTAL = 512 * MiB
MAX_RATIO = 100
#: Members smaller than this are not held to the ratio (tiny XML compresses well).
RATIO_FROM = 1 * MiB

#: Bytes inflated at a time while verifying the parts.
CHUNK = 1 * MiB

#: Bytes inflated at a time while verifying the parts.
CHUNK = 1 * MiB

_XML_SUFFIXES = (".xml", ".rels", ".xhtml", ".html", ".htm", ".opf", ".ncx", ".hpf")


def _is_xml(name: str) -> bool:
    lower = name.lower()
    return lower.endswith(_XML_SUFFIXES) or "." not in lower.rsplit("/", 1)[-1]


def _size(n: int) -> str:
    return f"{n / MiB:,.0f} MB" if n >= MiB else f"{n:,} bytes"


def check_zip(path: str | Path, kind: str) -> None:
    """Raise ImportFailed (naming the file) unless ``path`` is a zip package within
    the limits above; ``kind`` names the format in the message ("DOCX")."""
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as package:
            members = package.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise ImportFailed(path, f"not a readable {kind} file (damaged or incomplete zip package: {exc})") from None
    if len(members) > MAX_MEMBERS:
        raise ImportFailed(path, f"{kind} package has {len(members):,} parts (at most {MAX_MEMBERS:,} are read)")
    total = xml_total = 0
    for member in members:
        size = member.file_size
        total += size
        if _is_xml(member.filename):
            xml_total += size
            if size > MAX_XML_PART:
                raise ImportFailed(
                    path,
                    f"{kind} part {member.filename} would inflate to {_size(size)} "
                    f"(more than {_size(MAX_XML_PART)}: a zip bomb or not a document)",
                )
        if size >= RATIO_FROM and size > MAX_RATIO * max(member.compress_size, 1):
            raise ImportFailed(
                path,
                f"{kind} part {member.filename} inflates {size // max(member.compress_size, 1):,} times "
                f"(more than {MAX_RATIO}: a zip bomb)",
            )
    if xml_total > MAX_XML_TOTAL:
        raise ImportFailed(
            path, f"{kind} package's XML would inflate to {_size(xml_total)} (at most {_size(MAX_XML_TOTAL)})"
        )
    if total > MAX_TOTAL:
        raise ImportFailed(path, f"{kind} package would inflate to {_size(total)} (at most {_size(MAX_TOTAL)})")
    _verify_members(path, kind, [m for m in members if not m.is_dir()])


def _verify_members(path: Path, kind: str, members: list[zipfile.ZipInfo]) -> None:
    """Inflate every part once, a chunk at a time, and compare with its claimed size.

    The sizes checked above are the central directory's claims. ``zipfile`` stops
    a part at its claimed size but inflates all of the part's data to get there, so
    a part claiming 1 KB that holds 2 GiB would still take 2 GiB of memory when a
    parser reads it whole. Inflated here in chunks (memory bounded by the chunk), a
    part that holds more than it claims is refused before any parser reads it.
    """
    try:
        with open(path, "rb") as handle:
            for member in members:
                if member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                    raise ImportFailed(path, f"{kind} part {member.filename} uses an unsupported compression")
                held = _inflated_size(handle, member, member.file_size + 1)
                if held > member.file_size:
                    raise ImportFailed(
                        path,
                        f"{kind} part {member.filename} holds more than the {_size(member.file_size)} it claims "
                        "(a zip bomb)",
                    )
    except (OSError, zlib.error, struct.error, ValueError) as exc:
        raise ImportFailed(path, f"not a readable {kind} file (damaged zip package: {exc})") from None


def _inflated_size(handle, member: zipfile.ZipInfo, limit: int) -> int:
    """How many bytes a part inflates to, counting no further than ``limit``."""
    handle.seek(member.header_offset)
    header = handle.read(30)
    if len(header) < 30 or header[:4] != b"PK\x03\x04":
        raise ValueError(f"no local header for {member.filename}")
    name_length, extra_length = struct.unpack("<HH", header[26:30])
    handle.seek(member.header_offset + 30 + name_length + extra_length)
    if member.compress_type == zipfile.ZIP_STORED:
        return member.compress_size
    inflater = zlib.decompressobj(-15)
    left, out = member.compress_size, 0
    while left > 0 and out <= limit:
        raw = handle.read(min(CHUNK, left))
        if not raw:
            break
        left -= len(raw)
        data = inflater.decompress(raw, CHUNK)
        out += len(data)
        while inflater.unconsumed_tail and out <= limit:
            data = inflater.decompress(inflater.unconsumed_tail, CHUNK)
            out += len(data)
    return out
