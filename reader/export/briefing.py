"""The briefing: what an export says, before any file format is chosen.

``build_briefing`` turns documents, annotations and alignment links into a
``Briefing``: a header (titles, document number, issuer, dates), then sections
(document → part → clause, or one per tag, or one per colour) holding items. An
item carries the clause reference, the Chinese and Korean passages with the
annotated span marked, the note, tags and the citation line. Every writer
(Markdown, DOCX, HWPX, PDF, HTML, CSV, JSON) only lays this structure out, so
all formats say the same thing. Pure: no Qt, no files.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields, is_dataclass, replace

from ..annotations import COLORS, Annotation
from ..errors import DuizhaoError
from ..model import AlignmentLink, Document, Segment
from ..text.characters import replace_unsafe
from ..text.scripts import is_han
from .citation import citation_line, join_labels, korean_date, korean_issuer, korean_label
from .legend import COLOR_NAMES, clean_meanings, color_label
from .notes import NoteBlock, parse_note

GROUP_BY = ("clause", "tag", "color")
LANGS = ("both", "zh", "ko")
#: memo: today's note list (메모형); report: the Korean 보고서 (see export/report.py).
LAYOUTS = ("memo", "report")
#: The formats that have a report layout.
REPORT_FORMATS = ("docx", "hwpx", "pdf")

#: Words of the briefing (it is written for Korean readers).
LABELS = {
    "title": "검토 메모",
    "exported": "작성일",
    "doc_number": "문서번호",
    "issuer": "발표기관",
    "date": "발표일",
    "date_published": "공개일",
    "source_url": "원문 주소",
    "count": "항목",
    "documents": "문서",
    "group_by": "정리 기준",
    "note": "메모",
    "review": "검토의견",
    "tags": "태그",
    "citation": "출처",
    "starred": "중요",
    "color": "형광펜",
    "no_ko": "(대응하는 한국어 번역 없음)",
    "no_zh": "(대응하는 중국어 원문 없음)",
    "no_tag": "태그 없음",
    "front": "문서 머리",
    "front_zh": "文头",
    "preamble": "전문",
    "preamble_zh": "前言",
    "closing": "서명·일자",
    "closing_zh": "落款",
    "legend": "범례",
}
GROUP_NAMES = {"clause": "조항순", "tag": "태그별", "color": "색상별"}

#: Kinds whose counterpart is the segment at the same place in the structure
#: (headings are numbered alike in both languages; sentences are not).
_STRUCTURAL_KINDS = frozenset({"title", "doc_number", "addressee", "part", "clause", "item", "signature", "date"})
_FRONT = ("t", "n", "a")
_CLOSING = ("sig", "date")


class EmptySelection(DuizhaoError):
    """No annotation matches the export's options: nothing is written."""


@dataclass(frozen=True)
class BriefingOptions:
    """What to export and how. Empty ``doc_ids``: the whole library."""

    doc_ids: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    colors: tuple[str, ...] = ()
    starred_only: bool = False
    lang: str = "both"
    group_by: str = "clause"
    exported_on: dt.date | None = None
    title: str = ""
    #: What colours mean (``(("yellow", "핵심"), …)``): the legend and the colour groups' names.
    color_meanings: tuple[tuple[str, str], ...] = ()
    layout: str = "memo"
    #: The report's byline (보고서형): 작성일 · 부서 · 작성자.
    department: str = ""
    author: str = ""
    #: A Markdown template file (``--template``); '' uses the user's copy in the data directory or the default.
    template: str = ""

    @property
    def meanings(self) -> dict[str, str]:
        return clean_meanings(dict(self.color_meanings))

    def __post_init__(self) -> None:
        if self.lang not in LANGS:
            raise DuizhaoError(f"unknown language {self.lang!r}: choose one of {', '.join(LANGS)}")
        if self.layout not in LAYOUTS:
            raise DuizhaoError(f"unknown layout {self.layout!r}: choose one of {', '.join(LAYOUTS)}")
        if self.group_by not in GROUP_BY:
            raise DuizhaoError(f"unknown grouping {self.group_by!r}: choose one of {', '.join(GROUP_BY)}")
        unknown = [c for c in self.colors if c not in COLORS]
        if unknown:
            raise DuizhaoError(f"unknown colour {unknown[0]!r}: choose one of {', '.join(COLORS)}")

    def describe(self) -> str:
        """The filters in words, for the message about an empty selection."""
        parts = []
        if self.doc_ids:
            parts.append("document " + ", ".join(self.doc_ids))
        if self.tags:
            parts.append("tag " + ", ".join(self.tags))
        if self.colors:
            parts.append("colour " + ", ".join(self.colors))
        if self.starred_only:
            parts.append("starred only")
        return "; ".join(parts) or "the whole library"


@dataclass(frozen=True)
class Passage:
    """The text of an item in one language; ``start``/``end`` mark the annotated span (or -1)."""

    lang: str
    text: str
    start: int = -1
    end: int = -1

    @property
    def marked(self) -> bool:
        return 0 <= self.start < self.end

    def pieces(self) -> tuple[str, str, str]:
        """(before, annotated span, after); the span is '' when this side is not the annotated one."""
        if not self.marked:
            return self.text, "", ""
        return self.text[: self.start], self.text[self.start : self.end], self.text[self.end :]


@dataclass(frozen=True)
class DocumentHeader:
    doc_id: str
    title: str
    title_ko: str
    doc_number: str
    issuer: str
    date: str
    count: int
    date_published: str = ""
    source_url: str = ""

    def facts(self) -> list[tuple[str, str]]:
        """(label, value) lines of the header that are known: number, issuer, dates, source page."""
        facts = [
            (LABELS["doc_number"], self.doc_number),
            (LABELS["issuer"], self.issuer),
            (LABELS["date"], self.date_ko),
            (LABELS["date_published"], self.date_published if self.date_published != self.date else ""),
            (LABELS["source_url"], self.source_url),
        ]
        return [(label, value) for label, value in facts if value]

    @property
    def date_ko(self) -> str:
        """The issue date as Korean documents write it, with the original: ``2010. 8. 31. (二○一○年八月三十一日)``."""
        korean = korean_date(self.date)
        return f"{korean} ({self.date})" if korean and korean != self.date else self.date


@dataclass(frozen=True)
class BriefingItem:
    annotation: Annotation
    document: DocumentHeader
    ref_zh: str
    ref_ko: str
    zh: Passage | None
    ko: Passage | None
    citation: str
    color_meaning: str = ""

    @property
    def note(self) -> str:
        return self.annotation.note

    @property
    def note_blocks(self) -> tuple[NoteBlock, ...]:
        return parse_note(self.annotation.note)

    @property
    def tags(self) -> tuple[str, ...]:
        return self.annotation.tags

    @property
    def color(self) -> str:
        return self.annotation.color

    @property
    def color_hex(self) -> str:
        return self.annotation.color_hex

    @property
    def color_name(self) -> str:
        """The colour as the briefing names it: ``핵심 (노랑)`` when it has a meaning, else ``노랑``."""
        return color_label(self.annotation.color, self.color_meaning)

    @property
    def starred(self) -> bool:
        return self.annotation.starred

    @property
    def label(self) -> str:
        """The clause reference shown above the item: ``二（三） · 2.(3)``."""
        refs = [r for r in (self.ref_zh, self.ref_ko) if r]
        if len(refs) == 2 and refs[0] == refs[1]:
            refs = refs[:1]
        return " · ".join(refs)

    @property
    def passages(self) -> list[Passage]:
        return [p for p in (self.zh, self.ko) if p is not None]


@dataclass
class Section:
    """A heading (``level`` 1–3) with its items and subsections.

    ``kind``: document, part, clause, tag or color. A heading has a Chinese and a
    Korean text where both exist (a tag or a colour has one text, in ``zh``).
    """

    level: int
    kind: str
    zh: str
    ko: str = ""
    items: list[BriefingItem] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    key: str = ""

    def heading(self, lang: str = "both") -> str:
        """The heading line: ``一、总体要求 · 1. 전반적 요구``; a document's heading is its title alone."""
        if lang == "ko":
            return self.ko or self.zh
        if lang == "zh" or self.kind == "document" or not self.ko or self.ko == self.zh:
            return self.zh or self.ko
        return f"{self.zh} · {self.ko}"

    def subtitle(self, lang: str = "both") -> str:
        """The line under a document's heading: its Korean title (when both languages are shown)."""
        if self.kind == "document" and lang == "both" and self.zh and self.ko and self.ko != self.zh:
            return self.ko
        return ""


@dataclass(frozen=True)
class LegendEntry:
    """A line of the colour legend: ``■ 노랑 — 핵심 (3건)``."""

    color: str
    color_hex: str
    name: str
    meaning: str
    count: int

    @property
    def label(self) -> str:
        return color_label(self.color, self.meaning)

    @property
    def text(self) -> str:
        """``노랑: 핵심 (3건)``, or ``노랑 (3건)`` for a colour without a meaning."""
        return f"{self.name}: {self.meaning} ({self.count}건)" if self.meaning else f"{self.name} ({self.count}건)"


def legend_entries(colors: Iterable[str], meanings: dict[str, str]) -> list[LegendEntry]:
    """The legend of the highlights in these colours (one per highlight), in key order with
    meanings and counts; empty when it would say nothing (one colour, no meaning)."""
    counts: dict[str, int] = {}
    for color in colors:
        counts[color] = counts.get(color, 0) + 1
    entries = [
        LegendEntry(color, COLORS[color], COLOR_NAMES.get(color, color), meanings.get(color, ""), counts[color])
        for color in COLORS
        if color in counts
    ]
    if len(entries) < 2 and not any(e.meaning for e in entries):
        return []
    return entries


@dataclass
class Briefing:
    title: str
    exported_on: dt.date
    options: BriefingOptions
    documents: list[DocumentHeader]
    sections: list[Section]
    items: list[BriefingItem]

    @property
    def count(self) -> int:
        return len(self.items)

    @property
    def documents_in_sections(self) -> bool:
        """True when each document heads its own section (grouped by clause); else the
        documents are listed in the header and sections are tags or colours."""
        return self.options.group_by == "clause"

    def document(self, doc_id: str) -> DocumentHeader:
        return next(d for d in self.documents if d.doc_id == doc_id)

    def summary(self) -> str:
        """``조항순 · 항목 3건 · 문서 1건``."""
        return f"{GROUP_NAMES[self.options.group_by]} · {LABELS['count']} {self.count}건 · {LABELS['documents']} {len(self.documents)}건"

    @property
    def legend(self) -> list[LegendEntry]:
        """The colours used, in key order, with their meanings and counts; empty when a
        legend would say nothing (one colour, no meaning)."""
        return legend_entries([item.color for item in self.items], self.options.meanings)

    @property
    def exported_ko(self) -> str:
        day = self.exported_on
        return f"{day.year}. {day.month}. {day.day}."

    def walk(self) -> Iterable[Section]:
        """Every section, depth first, in reading order."""
        stack = list(reversed(self.sections))
        while stack:
            section = stack.pop()
            yield section
            stack.extend(reversed(section.sections))


# -- selecting ------------------------------------------------------------------
def select_annotations(annotations: Iterable[Annotation], options: BriefingOptions) -> list[Annotation]:
    """The annotations an export takes: anchored ones matching every filter."""
    wanted_tags = {t.strip().lstrip("#").casefold() for t in options.tags if t.strip()}
    chosen = []
    for annotation in annotations:
        if annotation.orphaned:
            continue
        if options.doc_ids and annotation.doc_id not in options.doc_ids:
            continue
        if options.starred_only and not annotation.starred:
            continue
        if options.colors and annotation.color not in options.colors:
            continue
        if wanted_tags and not wanted_tags & {t.casefold() for t in annotation.tags}:
            continue
        chosen.append(annotation)
    return chosen


# -- the structure of a document ------------------------------------------------
class _DocumentIndex:
    """Segments of a document by id and by place, and its alignment counterparts."""

    def __init__(self, document: Document, links: Sequence[AlignmentLink]):
        self.document = document
        self.by_id = {s.id: s for s in document.segments}
        self.position = {s.id: i for i, s in enumerate(document.segments)}
        self.by_path = {(s.lang, _path(s.id)): s for s in document.segments}
        self.link_of: dict[str, AlignmentLink] = {}
        for link in links:
            for segment_id in (*link.zh_ids, *link.ko_ids):
                self.link_of[segment_id] = link

    def at(self, lang: str, path: str) -> Segment | None:
        return self.by_path.get((lang, path))

    def reading_order(self, segment: Segment) -> tuple[int, int]:
        """Where a segment comes in the Chinese reading order (documents store one language
        after the other): its own place, its aligned Chinese units' place, or its clause's."""
        if segment.lang == "zh":
            return self.position[segment.id], 0
        link = self.link_of.get(segment.id)
        zh_ids = [i for i in (link.zh_ids if link else ()) if i in self.position]
        if zh_ids:
            return min(self.position[i] for i in zh_ids), 1
        parts = _path(segment.id).split(".")
        for size in range(len(parts), 0, -1):
            twin = self.at("zh", ".".join(parts[:size]))
            if twin is not None:
                return self.position[twin.id], 1
        return self.position[segment.id], 1

    def sides(self, segment: Segment) -> tuple[list[str], list[str]]:
        """(ids on the segment's side, ids on the other side) of its alignment bead."""
        link = self.link_of.get(segment.id)
        if link is not None:
            own, other = (link.zh_ids, link.ko_ids) if segment.lang == "zh" else (link.ko_ids, link.zh_ids)
            if segment.id in own:
                return list(own), [i for i in other if i in self.by_id]
        if segment.kind in _STRUCTURAL_KINDS:
            twin = self.at(_other(segment.lang), _path(segment.id))
            if twin is not None and twin.kind == segment.kind and twin.text:
                return [segment.id], [twin.id]
        return [segment.id], []


def _path(segment_id: str) -> str:
    """``zh.p2.c1.s3.5e0a1b`` → ``p2.c1.s3`` (the place, the same in both languages)."""
    parts = segment_id.split(".")
    return ".".join(parts[1:-1])


def _other(lang: str) -> str:
    return "ko" if lang == "zh" else "zh"


def _joined(index: _DocumentIndex, ids: list[str], lang: str) -> tuple[str, dict[str, int]]:
    """Texts of segments joined as the language writes them, with each segment's offset."""
    separator = "" if lang == "zh" else " "
    text, offsets = "", {}
    for segment_id in ids:
        segment = index.by_id[segment_id]
        if not segment.text:
            continue
        if text:
            text += separator
        offsets[segment_id] = len(text)
        text += segment.text
    return text, offsets


# -- building ------------------------------------------------------------------------
def _header(document: Document, count: int, lang: str = "both") -> DocumentHeader:
    return DocumentHeader(
        doc_id=document.id,
        title=document.title,
        title_ko=document.title_ko,
        doc_number=document.doc_number,
        issuer=korean_issuer(document.issuer) if lang == "ko" else document.issuer,
        date=document.date,
        count=count,
        date_published=document.date_published,
        source_url=document.source_url,
    )


def _place(anchor_path: str) -> tuple[str, str]:
    """(part path, clause path) containing a place: ``p2.c1.s3`` → (``p2``, ``p2.c1``)."""
    part = clause = ""
    walked = []
    for component in anchor_path.split("."):
        walked.append(component)
        head = component.rstrip("0123456789")
        if head == "p" and not part:
            part = ".".join(walked)
        elif head == "c" and not clause:
            clause = ".".join(walked)
    return part, clause


def _refs(index: _DocumentIndex, anchor_path: str) -> tuple[str, str]:
    """The clause reference in each language: (``二（三）``, ``2.(3)``)."""
    refs = {}
    for lang in ("zh", "ko"):
        labels = []
        for path in _place(anchor_path):
            segment = index.at(lang, path) if path else None
            if segment is not None:
                labels.append(segment.label)
        refs[lang] = join_labels(labels)
    if not refs["ko"] and refs["zh"]:
        labels = []
        for path in _place(anchor_path):
            segment = index.at("zh", path) if path else None
            if segment is not None:
                labels.append(korean_label(segment.label, segment.kind))
        refs["ko"] = join_labels(labels)
    return refs["zh"], refs["ko"]


def _item(
    index: _DocumentIndex, header: DocumentHeader, annotation: Annotation, lang: str, meanings: dict[str, str]
) -> BriefingItem:
    anchor = annotation.anchor
    segment = index.by_id[anchor.segment_id]
    own_ids, other_ids = index.sides(segment)
    own_text, offsets = _joined(index, own_ids, segment.lang)
    shift = offsets.get(segment.id, 0)
    end = min(anchor.end, len(segment.text))
    other = _other(segment.lang)
    # A document without the chosen language (--lang ko on a Chinese-only document) shows
    # the language it has rather than empty items.
    passages: dict[str, Passage | None] = {
        segment.lang: Passage(segment.lang, own_text, shift + anchor.start, shift + end),
        # A document without the other language shows no empty line for it.
        other: Passage(other, _joined(index, other_ids, other)[0]) if other in index.document.languages else None,
    }
    ref_zh, ref_ko = _refs(index, _path(segment.id))
    source = header.doc_number or (f"《{header.title}》" if header.title else header.doc_id)
    zh = passages["zh"] if lang in ("both", "zh") or not passages["ko"] else None
    ko = passages["ko"] if lang in ("both", "ko") or not passages["zh"] else None
    if lang != "both" and (zh if lang == "zh" else ko) is not None and other == lang:
        # the highlighted side is not shown: mark its counterpart where it can be found
        marked = _counterpart_marked(passages[segment.lang], passages[other])
        zh, ko = (marked, ko) if lang == "zh" else (zh, marked)
    return BriefingItem(
        annotation=annotation,
        document=header,
        ref_zh=ref_zh,
        ref_ko=ref_ko,
        zh=zh,
        ko=ko,
        citation=citation_line(source, ref_zh, ref_ko),
        color_meaning=meanings.get(annotation.color, ""),
    )


def _counterpart_marked(own: Passage | None, other: Passage | None) -> Passage | None:
    """The passage of a one-language view (``--lang ko`` for a Chinese highlight) with the
    highlight carried over, so the view keeps its emphasis: all of it when whole sentences
    were highlighted, the Korean rendering of a highlighted Chinese term where it is found
    by the term's Sino-Korean reading (科学发展观 → 과학발전관), else nothing."""
    if own is None or other is None or not own.marked or not other.text:
        return other
    span = own.pieces()[1]
    if "".join(span.split()) == "".join(own.text.split()):
        return Passage(other.lang, other.text, 0, len(other.text))
    if own.lang == "zh" and other.lang == "ko":
        from ..terms.readings import reading, syllables
        from .report import rendering_end

        han = [i for i, ch in enumerate(span) if is_han(ch)]
        term = span[han[0] : han[-1] + 1] if han else ""
        end = rendering_end(other.text, term) if term and all(is_han(ch) for ch in term) else -1
        if end >= 0:
            return Passage(other.lang, other.text, end - len(syllables(reading(term))), end)
    return other


def segment_citation(document: Document, segment_id: str) -> str:
    """How to cite the place of a segment: ``国发〔2010〕28号 二（三） / 2.(3)`` (the reader's
    "copy with citation"); the document's title in 《》 when it has no number."""
    index = _DocumentIndex(document, ())
    ref_zh, ref_ko = _refs(index, _path(segment_id))
    source = document.doc_number or (f"《{document.title}》" if document.title else document.id)
    return citation_line(source, ref_zh, ref_ko)


def _heading(segment: Segment | None) -> str:
    if segment is None:
        return ""
    return (segment.printed or segment.label).strip()


def _bilingual(index: _DocumentIndex, path: str) -> tuple[str, str]:
    return _heading(index.at("zh", path)), _heading(index.at("ko", path))


def _outer_section(path: str) -> tuple[str, str, str]:
    """(key, Chinese title, Korean title) of the section for a place outside the numbered parts."""
    head = path.split(".")[0].rstrip("0123456789")
    if head in _FRONT:
        return "front", LABELS["front_zh"], LABELS["front"]
    if head in _CLOSING:
        return "closing", LABELS["closing_zh"], LABELS["closing"]
    return "preamble", LABELS["preamble_zh"], LABELS["preamble"]


def _by_clause(index: _DocumentIndex, header: DocumentHeader, items: list[BriefingItem]) -> Section:
    root = Section(1, "document", header.title or header.doc_id, header.title_ko, key=header.doc_id)
    sections: dict[str, Section] = {}

    def child(parent: Section, key: str, kind: str, zh: str, ko: str) -> Section:
        if key not in sections:
            sections[key] = Section(parent.level + 1, kind, zh, ko, key=key)
            parent.sections.append(sections[key])
        return sections[key]

    for item in items:
        path = _path(item.annotation.anchor.segment_id)
        part_path, clause_path = _place(path)
        target = root
        if part_path:
            target = child(root, part_path, "part", *_bilingual(index, part_path))
        elif not clause_path:
            key, zh, ko = _outer_section(path)
            target = child(root, key, "part", zh, ko)
        if clause_path:
            target = child(target, clause_path, "clause", *_bilingual(index, clause_path))
        target.items.append(item)
    return root


def _by_tag(items: list[BriefingItem], options: BriefingOptions) -> list[Section]:
    """One section per tag; an item appears once, under its first tag (of the chosen ones,
    when tags are chosen). Its other tags are listed on its tag line, so a note with three
    tags is not printed three times."""
    chosen = {t.strip().lstrip("#").casefold() for t in options.tags if t.strip()}
    sections: dict[str, Section] = {}
    untagged = Section(1, "tag", LABELS["no_tag"], key="")
    for item in items:
        tags = [t for t in item.tags if not chosen or t.casefold() in chosen]
        if not tags:
            untagged.items.append(item)
        for tag in tags[:1]:
            key = tag.casefold()
            if key not in sections:
                sections[key] = Section(1, "tag", f"#{tag}", key=tag)
            sections[key].items.append(item)
    ordered = [sections[key] for key in sorted(sections)]
    return ordered + ([untagged] if untagged.items else [])


def _by_color(items: list[BriefingItem], meanings: dict[str, str]) -> list[Section]:
    """One section per colour, in key order, named by its meaning where it has one (``핵심 (노랑)``)."""
    sections = {name: Section(1, "color", color_label(name, meanings.get(name, "")), key=name) for name in COLORS}
    for item in items:
        sections[item.color].items.append(item)
    return [s for s in sections.values() if s.items]


def build_briefing(
    documents: Sequence[Document],
    annotations: Iterable[Annotation],
    links: dict[str, Sequence[AlignmentLink]],
    options: BriefingOptions,
) -> Briefing:
    """The briefing of the annotations of ``documents`` chosen by ``options``.

    ``links`` maps a document id to its alignment. Raises EmptySelection when no
    annotation matches.
    """
    by_id = {d.id: d for d in documents}
    chosen = [a for a in select_annotations(annotations, options) if a.doc_id in by_id]
    order = {d.id: i for i, d in enumerate(documents)}
    indexes = {doc_id: _DocumentIndex(by_id[doc_id], links.get(doc_id, ())) for doc_id in {a.doc_id for a in chosen}}
    chosen = [a for a in chosen if a.anchor.segment_id in indexes[a.doc_id].by_id]
    if not chosen:
        raise EmptySelection(f"no annotations to export ({options.describe()}): nothing was written")

    def reading_key(annotation: Annotation) -> tuple:
        index = indexes[annotation.doc_id]
        segment = index.by_id[annotation.anchor.segment_id]
        place = index.reading_order(segment)
        return (
            order[annotation.doc_id],
            *place,
            index.position[segment.id],
            annotation.anchor.start,
            annotation.created,
        )

    chosen.sort(key=reading_key)
    counts: dict[str, int] = {}
    for annotation in chosen:
        counts[annotation.doc_id] = counts.get(annotation.doc_id, 0) + 1
    headers = {doc_id: _header(by_id[doc_id], n, options.lang) for doc_id, n in counts.items()}
    meanings = options.meanings
    items = [_item(indexes[a.doc_id], headers[a.doc_id], a, options.lang, meanings) for a in chosen]
    if options.group_by == "clause":
        sections = []
        for doc_id in sorted(headers, key=order.__getitem__):
            doc_items = [item for item in items if item.document.doc_id == doc_id]
            sections.append(_by_clause(indexes[doc_id], headers[doc_id], doc_items))
    elif options.group_by == "tag":
        sections = _by_tag(items, options)
    else:
        sections = _by_color(items, meanings)
    return Briefing(
        title=options.title or LABELS["title"],
        exported_on=options.exported_on or dt.date.today(),
        options=options,
        documents=[headers[d] for d in sorted(headers, key=order.__getitem__)],
        sections=sections,
        items=items,
    )


def briefing_from_library(library, options: BriefingOptions) -> Briefing:
    """Read what the options choose from a Library and build its briefing."""
    if options.doc_ids:
        doc_ids = [library.documents.resolve(ref) for ref in options.doc_ids]
        options = replace(options, doc_ids=tuple(doc_ids))
    else:
        doc_ids = [d["id"] for d in library.documents.list()]
    documents = [_writable(library.documents.get(doc_id)) for doc_id in doc_ids]
    annotations = [_writable(a) for doc_id in doc_ids for a in library.annotations.list(doc_id=doc_id)]
    links = {doc_id: library.links.get(doc_id) for doc_id in doc_ids}
    return build_briefing(documents, annotations, links, options)


def _writable(value):
    """A document or annotation whose texts every writer can hold: characters XML
    cannot (ESC, NUL, lone surrogates) and invisible controls become U+FFFD, one
    for one, so anchor offsets still fit. (Imports strip them; a library written
    before that may still hold some.)"""
    if isinstance(value, str):
        return replace_unsafe(value)
    if isinstance(value, list | tuple):
        return type(value)(_writable(v) for v in value)
    if is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for f in fields(value):
            if not f.init:
                continue
            old = getattr(value, f.name)
            new = _writable(old)
            if new is not old and new != old:
                changes[f.name] = new
        return replace(value, **changes) if changes else value
    return value
