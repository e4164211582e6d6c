"""The parallel text itself as a 대조표: Chinese | Korean, row by row, as aligned.

``build_parallel_table`` turns a document, its alignment and its annotations into
rows: one per alignment bead, in reading order; part and clause headings are
heading rows; a bead with one side empty is marked "not translated" (번역 없음) or
"added" (원문 없음). Highlights are marked in the cells and a highlight with a note
gets a number ``[n]`` after its span; the notes are listed under the table with
their number, quote and colour. ``--part N`` keeps the rows of the chosen parts.
Every writer (DOCX, HWPX, PDF, HTML) lays out this structure. Pure: no Qt, no files.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..annotations import COLORS, Annotation
from ..errors import DuizhaoError
from ..model import AlignmentLink, Document
from .briefing import LABELS as BRIEFING_LABELS
from .briefing import DocumentHeader, LegendEntry, _header, _path, _writable, legend_entries
from .legend import COLOR_NAMES, color_label
from .notes import NoteBlock, parse_note

LABELS = {
    "title": "대조표",
    "zh": "중국어 원문",
    "ko": "한국어 번역",
    "untranslated": "(번역 없음)",
    "added": "(원문 없음)",
    "notes": "메모",
    "rows": "행",
}
HEADING_KINDS = frozenset({"title", "part", "clause"})


@dataclass(frozen=True)
class Mark:
    """A highlighted span of a cell: offsets in the cell's text, colour, note number (0: none)."""

    start: int
    end: int
    color_hex: str
    number: int = 0


@dataclass(frozen=True)
class Cell:
    lang: str
    text: str
    marks: tuple[Mark, ...] = ()

    def pieces(self) -> list[tuple[str, Mark | None]]:
        """The text cut at its marks: (text, mark or None), in order; overlapping marks
        are shown from the first one's start to the last end."""
        pieces: list[tuple[str, Mark | None]] = []
        at = 0
        for mark in sorted(self.marks, key=lambda m: (m.start, m.end)):
            start = max(mark.start, at)
            if start >= mark.end:
                continue
            if start > at:
                pieces.append((self.text[at:start], None))
            pieces.append((self.text[start : mark.end], mark))
            at = mark.end
        if at < len(self.text):
            pieces.append((self.text[at:], None))
        return pieces


@dataclass(frozen=True)
class Row:
    """One bead. ``kind``: heading (a part or clause) or text. ``status``: '' (both
    sides), 'untranslated' (Chinese only) or 'added' (Korean only)."""

    kind: str
    zh: Cell
    ko: Cell
    status: str = ""
    part: int = 0

    @property
    def numbers(self) -> list[int]:
        return [m.number for m in (*self.zh.marks, *self.ko.marks) if m.number]


@dataclass(frozen=True)
class TableNote:
    number: int
    quote: str
    color: str
    meaning: str
    blocks: tuple[NoteBlock, ...]

    @property
    def color_name(self) -> str:
        return color_label(self.color, self.meaning)


@dataclass
class ParallelTable:
    document: DocumentHeader
    exported_on: dt.date
    rows: list[Row] = field(default_factory=list)
    notes: list[TableNote] = field(default_factory=list)
    parts: tuple[int, ...] = ()
    #: The colours of the highlights in the rows and what they mean (empty: nothing to say).
    legend: list[LegendEntry] = field(default_factory=list)

    @property
    def legend_line(self) -> str:
        """``범례: ■ 노랑: 핵심 (3건)  ■ 분홍: 쟁점 (2건)``."""
        return f"{BRIEFING_LABELS['legend']}: " + "  ".join(f"■ {e.text}" for e in self.legend) if self.legend else ""

    @property
    def title(self) -> str:
        return f"{LABELS['title']}: {self.document.title_ko or self.document.title or self.document.doc_id}"

    @property
    def exported_ko(self) -> str:
        day = self.exported_on
        return f"{day.year}. {day.month}. {day.day}."

    def summary(self) -> str:
        """``행 167 · 번역 없음 3 · 원문 없음 1 · 메모 4``."""
        untranslated = sum(r.status == "untranslated" for r in self.rows)
        added = sum(r.status == "added" for r in self.rows)
        parts = [f"{LABELS['rows']} {len(self.rows)}"]
        if untranslated:
            parts.append(f"번역 없음 {untranslated}")
        if added:
            parts.append(f"원문 없음 {added}")
        if self.notes:
            parts.append(f"{LABELS['notes']} {len(self.notes)}")
        return " · ".join(parts)


def _part_numbers(document: Document) -> dict[str, int]:
    """The place (``p2``) of each part → its number in reading order (1, 2 …)."""
    numbers: dict[str, int] = {}
    for segment in document.segments:
        if segment.lang == "zh" and segment.kind == "part":
            place = _path(segment.id).split(".")[0]
            numbers.setdefault(place, len(numbers) + 1)
    if not numbers:  # a Korean-only structure
        for segment in document.segments:
            if segment.kind == "part":
                numbers.setdefault(_path(segment.id).split(".")[0], len(numbers) + 1)
    return numbers


def build_parallel_table(
    document: Document,
    links: Sequence[AlignmentLink],
    annotations: Iterable[Annotation],
    parts: Sequence[int] = (),
    exported_on: dt.date | None = None,
    meanings: dict[str, str] | None = None,
) -> ParallelTable:
    """The 대조표 of a document; ``parts``: keep only these parts (1-based), in their order."""
    by_id = {s.id: s for s in document.segments}
    numbers = _part_numbers(document)
    if parts:
        unknown = [n for n in parts if n not in numbers.values()]
        if unknown:
            raise DuizhaoError(
                f"{document.id}: has no part {unknown[0]} (it has {len(numbers)} part{'s' * (len(numbers) != 1)})"
            )
    meanings = meanings or {}
    color_of = {hex_: name for name, hex_ in COLORS.items()}
    by_segment: dict[str, list[Annotation]] = {}
    for annotation in annotations:
        if not annotation.orphaned and annotation.anchor.segment_id in by_id:
            by_segment.setdefault(annotation.anchor.segment_id, []).append(annotation)
    table = ParallelTable(_header(document, 0), exported_on or dt.date.today(), parts=tuple(parts))

    def cell(lang: str, ids: Sequence[str]) -> Cell:
        separator = "" if lang == "zh" else " "
        text, marks = "", []
        for segment_id in ids:
            segment = by_id.get(segment_id)
            if segment is None or not segment.text:
                continue
            if text:
                text += separator
            offset = len(text)
            text += segment.text
            for annotation in sorted(by_segment.get(segment_id, []), key=lambda a: (a.anchor.start, a.created)):
                number = 0
                if annotation.note.strip():
                    number = len(table.notes) + 1
                    table.notes.append(
                        TableNote(
                            number,
                            annotation.anchor.quote,
                            annotation.color,
                            meanings.get(annotation.color, ""),
                            parse_note(annotation.note),
                        )
                    )
                end = min(annotation.anchor.end, len(segment.text))
                marks.append(Mark(offset + annotation.anchor.start, offset + end, annotation.color_hex, number))
        return Cell(lang, text, tuple(marks))

    chosen = set(parts)
    shown: list[str] = []  # the colour of every highlight in the rows kept
    for link in links:
        ids = [*link.zh_ids, *link.ko_ids]
        if not ids:
            continue
        first = by_id.get(ids[0])
        if first is None:
            continue
        part = numbers.get(_path(first.id).split(".")[0], 0)
        if chosen and part not in chosen:
            continue
        kind = "heading" if all(by_id[i].kind in HEADING_KINDS for i in ids if i in by_id) else "text"
        zh, ko = cell("zh", link.zh_ids), cell("ko", link.ko_ids)
        if not ko.text and document.title_ko and all(by_id[i].kind == "title" for i in link.zh_ids if i in by_id):
            ko = Cell("ko", document.title_ko)  # the Korean title is metadata, not a segment
        if not zh.text and not ko.text:
            continue
        status = "untranslated" if not ko.text else "added" if not zh.text else ""
        table.rows.append(Row(kind, zh, ko, status, part))
        shown.extend(color_of[mark.color_hex] for mark in (*zh.marks, *ko.marks) if mark.color_hex in color_of)
    table.legend = legend_entries(shown, meanings)
    return table


def parallel_table_from_library(
    library, doc_ref: str, parts: Sequence[int] = (), exported_on: dt.date | None = None, meanings=None
) -> ParallelTable:
    doc_id = library.documents.resolve(doc_ref)
    document = _writable(library.documents.get(doc_id))
    if "zh" not in document.languages or "ko" not in document.languages:
        have = "Chinese" if "zh" in document.languages else "Korean"
        raise DuizhaoError(f"{doc_id}: has only its {have} text; a 대조표 needs both languages")
    annotations = [_writable(a) for a in library.annotations.list(doc_id=doc_id)]
    return build_parallel_table(document, library.links.get(doc_id), annotations, parts, exported_on, meanings)


__all__ = ["COLOR_NAMES", "LABELS", "Cell", "Mark", "ParallelTable", "Row", "TableNote", "build_parallel_table"]
