"""The glossary as CSV and TBX, and the user's term base back from them.

CSV: UTF-8 with a BOM (Excel shows Chinese and Korean), one row per rendering:
``zh, ko, reading, count, preferred, documents``. TBX: the ISO 30042 core dialect
(TBX-Core, the ``urn:iso:std:iso:30042:ed-2`` namespace): one ``conceptEntry`` per
Chinese term with a ``zh`` and a ``ko`` language section, the preferred rendering
marked ``administrativeStatus = preferredTerm-admn-sts``. Reading either back gives
(zh, ko, preferred) rows for the term base; older TBX files (``martif`` with
``termEntry``/``langSet``/``tig``) are read too.
"""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from ..errors import DuizhaoError
from .glossary import GlossaryEntry

TBX_NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
CSV_COLUMNS = ("zh", "ko", "reading", "count", "preferred", "documents")
PREFERRED = "preferredTerm-admn-sts"


@dataclass(frozen=True)
class TermRow:
    zh: str
    ko: str
    preferred: bool = False


def to_csv(entries: list[GlossaryEntry]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for entry in entries:
        for r in entry.renderings:
            writer.writerow([entry.zh, r.ko, entry.reading, r.count, "1" if r.preferred else "", " ".join(r.documents)])
    return "\ufeff" + out.getvalue()


def to_tbx(entries: list[GlossaryEntry]) -> str:
    ET.register_namespace("", TBX_NS)
    root = ET.Element(f"{{{TBX_NS}}}tbx", {"type": "TBX-Core", "style": "dca", XML_LANG: "zh"})
    header = ET.SubElement(root, f"{{{TBX_NS}}}tbxHeader")
    source = ET.SubElement(ET.SubElement(header, f"{{{TBX_NS}}}fileDesc"), f"{{{TBX_NS}}}sourceDesc")
    ET.SubElement(source, f"{{{TBX_NS}}}p").text = "Duizhao glossary (Chinese → Korean)"
    body = ET.SubElement(ET.SubElement(root, f"{{{TBX_NS}}}text"), f"{{{TBX_NS}}}body")
    for number, entry in enumerate(entries, 1):
        if not entry.renderings:
            continue
        concept = ET.SubElement(body, f"{{{TBX_NS}}}conceptEntry", {"id": f"c{number}"})
        zh = ET.SubElement(concept, f"{{{TBX_NS}}}langSec", {XML_LANG: "zh"})
        ET.SubElement(ET.SubElement(zh, f"{{{TBX_NS}}}termSec"), f"{{{TBX_NS}}}term").text = entry.zh
        ko = ET.SubElement(concept, f"{{{TBX_NS}}}langSec", {XML_LANG: "ko"})
        for r in entry.renderings:
            section = ET.SubElement(ko, f"{{{TBX_NS}}}termSec")
            ET.SubElement(section, f"{{{TBX_NS}}}term").text = r.ko
            if r.preferred:
                status = ET.SubElement(section, f"{{{TBX_NS}}}termNote", {"type": "administrativeStatus"})
                status.text = PREFERRED
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def read_terms(path: str | Path) -> list[TermRow]:
    """Term base rows from a CSV or TBX file; one clear line if it cannot be read."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DuizhaoError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if path.suffix.lower() == ".tbx" or data.lstrip(b"\xef\xbb\xbf \r\n\t").startswith(b"<"):
        return _read_tbx(path, data)
    return _read_csv(path, data)


def _read_csv(path: Path, data: bytes) -> list[TermRow]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DuizhaoError(f"{path}: is not UTF-8 CSV") from None
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        return []
    header = [h.strip().lower() for h in rows[0]]
    if "zh" in header and "ko" in header:
        zh_at, ko_at = header.index("zh"), header.index("ko")
        preferred_at = header.index("preferred") if "preferred" in header else None
        body = rows[1:]
    else:
        zh_at, ko_at, preferred_at, body = 0, 1, None, rows
    out = []
    for number, row in enumerate(body, 2 if body is not rows else 1):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) <= max(zh_at, ko_at):
            raise DuizhaoError(f"{path}: line {number} has no Korean rendering")
        preferred = (
            preferred_at is not None
            and len(row) > preferred_at
            and row[preferred_at].strip() in ("1", "yes", "true", "y")
        )
        out.append(TermRow(row[zh_at].strip(), row[ko_at].strip(), preferred))
    return [row for row in out if row.zh and row.ko]


def _read_tbx(path: Path, data: bytes) -> list[TermRow]:
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise DuizhaoError(f"{path}: is not a readable TBX file ({exc})") from None
    out = []
    for concept in root.iter():
        if _local(concept.tag) not in ("conceptEntry", "termEntry"):
            continue
        by_lang: dict[str, list[tuple[str, bool]]] = {}
        for section in concept:
            if _local(section.tag) not in ("langSec", "langSet"):
                continue
            lang = (section.get(XML_LANG) or section.get("lang") or "").lower().split("-")[0]
            for term_section in section:
                if _local(term_section.tag) not in ("termSec", "tig", "ntig"):
                    continue
                term = next((e.text or "" for e in term_section.iter() if _local(e.tag) == "term"), "").strip()
                preferred = any(
                    _local(e.tag) == "termNote" and (e.text or "").strip() == PREFERRED for e in term_section.iter()
                )
                if term:
                    by_lang.setdefault(lang, []).append((term, preferred))
        for zh, _ in by_lang.get("zh", []):
            for ko, preferred in by_lang.get("ko", []):
                out.append(TermRow(zh, ko, preferred))
    return out


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""
