"""A comparison of two documents as a 新旧对照表 (신구 대조표): what the table says, before a format.

``build_table`` turns a comparison (the pairs of ``reader.compare``: provisions of side A
matched with provisions of side B, each with a status and a word diff) and the two
documents into a ``ComparisonTable``: a header naming both sides, a summary of counts
(per part of B, with a total), then one row per pair, old (A) on the left and new (B) on
the right. Each cell carries its clause citation, its text cut into runs that the
writers mark (deleted text struck through on the left, inserted text underlined on the
right), and the translation of that side beneath it where the document has one.
Unchanged provisions can be shown as 同左 / 좌동 (``same_as_left``), as Chinese and
Korean legal tables do.

Every writer (DOCX, HWPX, HTML, PDF: ``compare_formats``) only lays this structure out,
as the briefing's writers do. Pure: no Qt, no files.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol

from ..model import AlignmentLink, Document
from .atomic import ExportRefused, check_target, write_atomically
from .briefing import _DocumentIndex, _joined, _path, _refs, _writable
from .citation import citation_line, korean_date

#: The statuses of ``reader.compare`` (named here so that the window, which shows the
#: overview, need not load the engine before the first comparison; a test keeps them equal).
STATUSES = ("continued", "reworded", "moved", "new", "dropped")

#: Each status in Chinese and Korean, as the table prints it.
STATUS_NAMES = {
    "continued": ("保留", "유지"),
    "reworded": ("修改", "수정"),
    "new": ("新增", "신설"),
    "dropped": ("删除", "삭제"),
    "moved": ("移动", "이동"),
}

#: The formats a comparison is written in, with their file suffixes.
TABLE_FORMATS = {"docx": ".docx", "hwpx": ".hwpx", "html": ".html", "pdf": ".pdf"}

LABELS = {
    "versions_title": "新旧对照表 · 신구 대조표",
    "documents_title": "对照表 · 대조표",
    "old": "旧 (구)",
    "new": "新 (신)",
    "exported": "작성일",
    "summary": "변경 요약",
    "part": "편",
    "total": "합계",
    "preface": "前文 (전문)",
    "same_zh": "同左",
    "same_ko": "좌동",
    "absent_new": "〈신설〉",
    "absent_dropped": "〈삭제〉",
    "moved_from": "이동 전",
    "moved_to": "이동 후",
    "doc_number": "문서번호",
    "date": "발표일",
    "legend": "표시: 삭제된 부분은 취소선, 추가된 부분은 밑줄.",
    # A side without the translation the other side has: its cells have none beneath
    # (the current version's translation is of the current text, not of this one).
    "no_ko": "한국어 번역 없음 (이 문서·판에는 번역이 없어 아래 칸에 번역을 싣지 않음)",
    "no_zh": "중국어 원문 없음 (이 문서·판에는 원문이 없어 아래 칸에 원문을 싣지 않음)",
}


class PairLike(Protocol):
    """What a writer reads of a pair of ``reader.compare``."""

    a_ids: Sequence[str]
    b_ids: Sequence[str]
    a_text: str
    b_text: str
    status: str
    similarity: float
    diff: Sequence[tuple[str, str]]


@dataclass(frozen=True)
class SideHeader:
    """One side of the comparison: which document (or version) it is."""

    ref: str
    title: str
    doc_number: str = ""
    date: str = ""
    column: str = ""  # the column's heading: 旧 (구) / 新 (신), or A / B with the title
    translation_note: str = ""  # why its cells have no translation where the other side's have one

    def facts(self) -> list[tuple[str, str]]:
        date = korean_date(self.date) or self.date
        facts = (("doc_number", self.doc_number), ("date", date), ("translation", self.translation_note))
        return [(label, value) for label, value in facts if value]


@dataclass(frozen=True)
class Cell:
    """One side of a row. ``runs``: (op, text) with op ``equal``, ``delete`` (left) or
    ``insert`` (right); ``placeholder``: what stands in the cell instead of text
    (〈신설〉 on the left of a new provision, 〈삭제〉 on the right of a dropped one, 同左)."""

    ref: str = ""
    runs: tuple[tuple[str, str], ...] = ()
    translation: str = ""
    translation_placeholder: str = ""
    placeholder: str = ""
    note: str = ""  # where a moved provision came from or went

    @property
    def text(self) -> str:
        return "".join(text for _op, text in self.runs)


@dataclass(frozen=True)
class TableRow:
    status: str
    similarity: float
    left: Cell
    right: Cell
    part: str  # the part (of B) the row belongs to

    @property
    def status_label(self) -> str:
        zh, ko = STATUS_NAMES.get(self.status, (self.status, self.status))
        return f"{ko} ({zh})"


@dataclass
class PartCount:
    part: str
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATUSES, 0))

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass
class ComparisonTable:
    title: str
    exported_on: dt.date
    left: SideHeader
    right: SideHeader
    lang: str
    versions: bool
    rows: list[TableRow]
    parts: list[PartCount]
    same_as_left: bool = False

    @property
    def totals(self) -> dict[str, int]:
        totals = dict.fromkeys(STATUSES, 0)
        for part in self.parts:
            for status, count in part.counts.items():
                totals[status] = totals.get(status, 0) + count
        return totals

    @property
    def exported_ko(self) -> str:
        day = self.exported_on
        return f"{day.year}. {day.month}. {day.day}."

    @staticmethod
    def status_heading(status: str) -> str:
        zh, ko = STATUS_NAMES[status]
        return f"{ko} ({zh})"


# -- building ---------------------------------------------------------------------
def _other(lang: str) -> str:
    return "ko" if lang == "zh" else "zh"


def _counterpart_ids(index: _DocumentIndex, ids: Sequence[str]) -> list[str]:
    """The units of the other language that the document's alignment pairs with ``ids``."""
    out: list[str] = []
    for unit_id in ids:
        segment = index.by_id.get(unit_id)
        if segment is None:
            continue
        for other in index.sides(segment)[1]:
            if other not in out:
                out.append(other)
    return out


def _translation(index: _DocumentIndex, ids: Sequence[str], lang: str) -> str:
    other = _other(lang)
    if other not in index.document.languages:
        return ""
    return _joined(index, _counterpart_ids(index, ids), other)[0]


def _ref(index: _DocumentIndex, ids: Sequence[str]) -> str:
    """The clause citation of a provision: ``二（三）`` (with the Korean labels: ``二（三） / 2.(3)``)."""
    for unit_id in ids:
        if unit_id in index.by_id:
            ref_zh, ref_ko = _refs(index, _path(unit_id))
            return citation_line("", ref_zh, ref_ko)
    return ""


def part_key(unit_id: str) -> str:
    """The part a unit lies in, by its id: ``zh.p2.g1.s3.ab12cd`` → ``p2`` ('' outside the parts)."""
    first = _path(unit_id).split(".")[0]
    return first if first.startswith("p") and first[1:].isdigit() else ""


def part_heading(document: Document, lang: str, key: str) -> str:
    """The heading of a part of a document (``二、推进产业国内梯度转移``); the preface's name for ''."""
    if key:
        for segment in document.segments_in(lang):
            if segment.kind == "part" and _path(segment.id) == key:
                return segment.printed.strip()
    return LABELS["preface"]


def pair_parts(pairs: Sequence[PairLike], document_b: Document, lang: str) -> list[str]:
    """The part of B each pair belongs to: its own B units' part, or, for a provision of A
    only (dropped), the part of B where it stands (the pair before it)."""
    keys: list[str] = []
    current = ""
    for pair in pairs:
        if pair.b_ids:
            current = part_key(pair.b_ids[0])
        keys.append(current)
    return [part_heading(document_b, lang, key) for key in keys]


def _runs(pair: PairLike, side: str) -> tuple[tuple[str, str], ...]:
    """The diff ops of one side: A keeps equal and deleted text, B equal and inserted text."""
    keep = ("equal", "delete") if side == "a" else ("equal", "insert")
    runs = tuple((op, text) for op, text in pair.diff if op in keep and text)
    if pair.status == "dropped":
        runs = tuple(("equal", text) for _op, text in runs)
    if runs:
        return runs
    text = pair.a_text if side == "a" else pair.b_text
    if not text:
        return ()
    # A new provision is inserted text throughout (underlined, as Korean tables mark a
    # 신설 provision); a dropped one is said by 〈삭제〉 beside it and stays readable.
    return (("insert", text),) if pair.status == "new" else (("equal", text),)


def unchanged(pair: PairLike) -> bool:
    """A continued provision whose wording is the same (no inserted or deleted text)."""
    if pair.status != "continued":
        return False
    return all(op == "equal" for op, _text in pair.diff) if pair.diff else pair.a_text == pair.b_text


def build_table(
    pairs: Sequence[PairLike],
    document_a: Document,
    document_b: Document,
    links_a: Sequence[AlignmentLink] = (),
    links_b: Sequence[AlignmentLink] = (),
    lang: str = "zh",
    same_as_left: bool = False,
    exported_on: dt.date | None = None,
    refs: tuple[str, str] = ("", ""),
) -> ComparisonTable:
    """The table of a comparison of ``document_a`` (left, old) with ``document_b`` (right, new)."""
    document_a, document_b = _writable(document_a), _writable(document_b)
    index_a, index_b = _DocumentIndex(document_a, links_a), _DocumentIndex(document_b, links_b)
    # Versions of one document: an earlier version's id is ``DOC@N``.
    versions = document_a.id.split("@")[0] == document_b.id.split("@")[0]
    headers = []
    for document, ref, column in ((document_a, refs[0], "a"), (document_b, refs[1], "b")):
        title = document.title or document.id
        if versions:
            heading = LABELS["old"] if column == "a" else LABELS["new"]
            heading += f" · {ref}" if ref else ""
        else:
            heading = f"{column.upper()}: {title}"
        headers.append(SideHeader(ref or document.id, title, document.doc_number, document.date, column=heading))
    other = _other(lang)
    has_translation = [other in document.languages for document in (document_a, document_b)]
    if any(has_translation):
        note = LABELS["no_ko"] if other == "ko" else LABELS["no_zh"]
        headers = [
            h if has else replace(h, translation_note=note) for h, has in zip(headers, has_translation, strict=True)
        ]
    parts = pair_parts(pairs, document_b, lang)
    rows: list[TableRow] = []
    counts: dict[str, PartCount] = {}
    for pair, part in zip(pairs, parts, strict=True):
        tally = counts.setdefault(part, PartCount(part)).counts
        tally[pair.status] = tally.get(pair.status, 0) + 1
        left = Cell(
            ref=_ref(index_a, pair.a_ids),
            runs=_runs(pair, "a") if pair.a_ids else (),
            translation=_translation(index_a, pair.a_ids, lang),
            placeholder="" if pair.a_ids else LABELS["absent_new"],
        )
        right_placeholder = "" if pair.b_ids else LABELS["absent_dropped"]
        right_translation = _translation(index_b, pair.b_ids, lang)
        translation_placeholder = ""
        runs = _runs(pair, "b") if pair.b_ids else ()
        if same_as_left and pair.b_ids and unchanged(pair):
            right_placeholder = LABELS["same_zh"] if lang == "zh" else LABELS["same_ko"]
            runs = ()
            if right_translation:
                translation_placeholder = LABELS["same_ko"] if other == "ko" else LABELS["same_zh"]
                right_translation = ""
        right = Cell(
            ref=_ref(index_b, pair.b_ids),
            runs=runs,
            translation=right_translation,
            translation_placeholder=translation_placeholder,
            placeholder=right_placeholder,
        )
        if pair.status == "moved":
            left = Cell(**{**left.__dict__, "note": f"{LABELS['moved_to']}: {right.ref}" if right.ref else ""})
            right = Cell(**{**right.__dict__, "note": f"{LABELS['moved_from']}: {left.ref}" if left.ref else ""})
        rows.append(TableRow(pair.status, float(pair.similarity), left, right, part))
    versions_title = LABELS["versions_title"] if versions else LABELS["documents_title"]
    return ComparisonTable(
        title=versions_title,
        exported_on=exported_on or dt.date.today(),
        left=headers[0],
        right=headers[1],
        lang=lang,
        versions=versions,
        rows=rows,
        parts=list(counts.values()),
        same_as_left=same_as_left,
    )


# -- reading a comparison and writing it ------------------------------------------------
def _sides(comparison: Any, library: Any) -> tuple[Document, Document]:
    """The two documents (or versions) a comparison compares."""
    documents = []
    for side in ("a", "b"):
        document = getattr(comparison, f"document_{side}", None)
        if document is None:
            document = _resolve(library, getattr(comparison, side))
        documents.append(document)
    return documents[0], documents[1]


def _resolve(library: Any, ref: str) -> Document:
    """A document by reference (``DOC``, or ``DOC@N`` for version N of it)."""
    return library.documents.get(ref)


def table_of(comparison: Any, library: Any, same_as_left: bool = False, exported_on: dt.date | None = None):
    """The table of a comparison made by ``reader.compare`` over the documents of ``library``."""
    document_a, document_b = _sides(comparison, library)
    return build_table(
        comparison.pairs,
        document_a,
        document_b,
        # An older version's units that the present alignment does not know find no
        # translation through it; their headings still find theirs by place.
        library.links.get(document_a.id),
        library.links.get(document_b.id),
        lang=getattr(comparison, "lang", "zh") or "zh",
        same_as_left=same_as_left,
        exported_on=exported_on,
        refs=(str(getattr(comparison, "a", "")), str(getattr(comparison, "b", ""))),
    )


def write_table(table: ComparisonTable, path: str | Path, fmt: str, force: bool = False) -> Path:
    """Write a comparison table in a format (docx, hwpx, html, pdf), atomically."""
    from . import compare_formats

    if fmt not in TABLE_FORMATS:
        raise ExportRefused(f"unknown format {fmt!r}: choose one of {', '.join(TABLE_FORMATS)}")
    target = Path(path)
    suffix = target.suffix.lower()
    named = next((name for name, s in TABLE_FORMATS.items() if s == suffix), None)
    if named is not None and named != fmt:
        raise ExportRefused(f"{target}: the name says {named.upper()} but the format is {fmt.upper()}")
    writer = getattr(compare_formats, f"write_{fmt}")
    return write_atomically(target, lambda temporary: writer(table, temporary), force=force)


def export_comparison(
    comparison: Any,
    library: Any,
    path: str | Path,
    fmt: str,
    same_as_left: bool = False,
    force: bool = False,
    exported_on: dt.date | None = None,
) -> Path:
    """Write a comparison as a 新旧对照表 in ``fmt`` (docx, hwpx, html, pdf) to ``path``.

    The target is checked before anything is built; an existing file is kept unless ``force``.
    """
    if fmt not in TABLE_FORMATS:
        raise ExportRefused(f"unknown format {fmt!r}: choose one of {', '.join(TABLE_FORMATS)}")
    check_target(Path(path), force)
    table = table_of(comparison, library, same_as_left=same_as_left, exported_on=exported_on)
    return write_table(table, path, fmt, force=force)
