"""The briefing as a CSV table: one row per annotation, for Excel.

UTF-8 with a byte-order mark, which is how Excel recognises UTF-8 (without it,
Korean and Chinese open as mojibake), and CRLF line ends. A cell that starts
like a formula (``=``, ``+``, ``-``, ``@``) gets a leading apostrophe so Excel
shows it as text instead of running it.
"""

from __future__ import annotations

import csv
from pathlib import Path

from .briefing import LABELS, Briefing, BriefingItem

COLUMNS = (
    ("document", "문서"),
    ("doc_number", LABELS["doc_number"]),
    ("ref_zh", "조항(중)"),
    ("ref_ko", "조항(한)"),
    ("quote", "강조 부분"),
    ("zh", "중국어 원문"),
    ("ko", "한국어 번역"),
    ("note", LABELS["note"]),
    ("tags", LABELS["tags"]),
    ("color", "색"),
    ("starred", LABELS["starred"]),
    ("citation", LABELS["citation"]),
    ("created", "작성"),
    ("updated", "수정"),
    ("id", "ID"),
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: str) -> str:
    """A value Excel shows as text."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def row(item: BriefingItem) -> dict[str, str]:
    annotation = item.annotation
    return {
        "document": item.document.title or item.document.doc_id,
        "doc_number": item.document.doc_number,
        "ref_zh": item.ref_zh,
        "ref_ko": item.ref_ko,
        "quote": annotation.anchor.quote,
        "zh": item.zh.text if item.zh else "",
        "ko": item.ko.text if item.ko else "",
        "note": annotation.note,
        "tags": "; ".join(item.tags),
        "color": item.color_name,
        "starred": "★" if item.starred else "",
        "citation": item.citation,
        "created": annotation.created,
        "updated": annotation.updated,
        "id": annotation.id,
    }


def write(briefing: Briefing, path: Path) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, dialect="excel")
        writer.writerow([title for _, title in COLUMNS])
        for item in briefing.items:
            values = row(item)
            writer.writerow([cell(values[key]) for key, _ in COLUMNS])
