"""The briefing as a Korean report (보고서형): what is said, as lines of a 개조식 outline.

A Korean official hands superiors a 보고서, not a list of notes: a title box, a line
for the date, department and author, a short summary first (the starred items),
then the 개조식 hierarchy. ``build_report`` turns a ``Briefing`` into that outline,
and the DOCX, HWPX and PDF writers only lay its lines out:

* ``Ⅰ.`` a document (its Korean title, the Chinese after it), with its number,
  issuer and date as a ``※`` remark;
* ``□`` a part, ``○`` a clause, with the Korean heading first and the Chinese in
  parentheses (``□ 1. 전반적 요구 (一、总体要求)``);
* ``-`` an item: the Korean translation with the highlighted span marked, and the
  Chinese term in parentheses after its Korean rendering where the translation
  uses its Sino-Korean reading (``과학발전관(科学发展观)을``);
* ``원문`` the Chinese original, set apart (smaller, indented) with the span marked;
* ``검토의견`` the note, marked as the author's view, never looking like the
  translation; then the citation.

Grouped by tag or colour, the groups are ``□`` headings and the items ``-`` lines
under them. Pure: no Qt, no files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..align.readings import is_hangul, normalise_syllable
from ..terms.readings import reading, syllables
from ..text.scripts import is_han
from .briefing import LABELS, Briefing, BriefingItem, DocumentHeader, LegendEntry, Passage, Section
from .notes import NoteBlock

REPORT_LABELS = {
    "summary": "핵심 요약",
    "original": "원문",
    "translation": "번역",
    "review": "검토의견",
    "source": "출처",
    "department": "부서",
    "author": "작성자",
}
ROMAN = ["Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ", "Ⅵ", "Ⅶ", "Ⅷ", "Ⅸ", "Ⅹ"]
#: 개조식 markers by the kind of line.
MARKERS = {"part": "□", "clause": "○", "point": "-", "remark": "※", "summary": "○"}
#: The longest highlighted Chinese span looked up as a term (a longer one is a phrase).
TERM_MAX = 12
#: The longest summary line, in characters (the rest is in the body).
SUMMARY_MAX = 90
_ZH_LABEL = re.compile(r"^\s*(?:[（(][〇○零一二三四五六七八九十百]+[）)]|[〇○零一二三四五六七八九十百]+[、.．])\s*")
_END = "。．.；;：:"


@dataclass(frozen=True)
class ReportLine:
    """One line of the outline.

    ``kind``: document, facts, summary_head, summary, part, clause, point, original,
    review, source. ``text`` is the line without its marker; ``start``/``end`` mark
    the highlighted span in it (or -1); ``lang`` is the language of the text's main
    run; ``depth`` the indentation step (0 = flush left); ``blocks`` the note of a
    review line.
    """

    kind: str
    text: str
    marker: str = ""
    depth: int = 0
    lang: str = "ko"
    start: int = -1
    end: int = -1
    color_hex: str = ""
    blocks: tuple[NoteBlock, ...] = ()

    def pieces(self) -> tuple[str, str, str]:
        if not 0 <= self.start < self.end:
            return self.text, "", ""
        return self.text[: self.start], self.text[self.start : self.end], self.text[self.end :]

    @property
    def printed(self) -> str:
        """The line as plain text, with its marker: ``□ 1. 전반적 요구 (一、总体要求)``."""
        return f"{self.marker} {self.text}" if self.marker else self.text


@dataclass
class Report:
    title: str
    byline: str
    lines: list[ReportLine] = field(default_factory=list)
    briefing: Briefing | None = None
    #: The colours used and what they mean (empty when a legend would say nothing).
    legend: list[LegendEntry] = field(default_factory=list)

    @property
    def legend_line(self) -> str:
        """``범례: ■ 노랑: 핵심 (3건)  ■ 분홍: 쟁점 (2건)`` (each ■ in its colour where laid out)."""
        if not self.legend:
            return ""
        return f"{LABELS['legend']}: " + "  ".join(f"■ {entry.text}" for entry in self.legend)

    def plain(self) -> str:
        """Every line as text, one a line (for previews and tests)."""
        head = [self.title, self.byline, *([self.legend_line] if self.legend else [])]
        return "\n".join([*head, *(line.printed for line in self.lines)])


def bilingual(ko: str, zh: str, lang: str = "both", heading: bool = False) -> str:
    """``1. 전반적 요구 (总体要求)``: the Korean first, the Chinese after it in parentheses.

    In a heading, the Chinese loses its number (the Korean has it) and both lose a
    closing full stop: ``(1) 지도사항 (指导思想)``, not ``(1) 지도사항. (（一）指导思想。)``.
    """
    if heading:
        ko, zh = ko.rstrip(_END), zh.rstrip(_END)
        if ko and zh:
            zh = _ZH_LABEL.sub("", zh, count=1)
    if lang == "zh":
        return zh or ko
    if lang == "ko" or not zh or zh == ko:
        return ko or zh
    if not ko:
        return zh
    return f"{ko} ({zh})"


def report_title(briefing: Briefing) -> str:
    """The title given, or ``「title」 검토`` for one document (``검토 보고`` for several)."""
    if briefing.options.title:
        return briefing.options.title
    if len(briefing.documents) == 1:
        header = briefing.documents[0]
        name = (header.title_ko if briefing.options.lang != "zh" else "") or header.title or header.doc_id
        return f"「{name}」 검토"
    return "검토 보고"


def rendering_end(korean: str, chinese: str) -> int:
    """Where the Korean rendering of a Chinese term ends in a Korean text, or -1.

    The rendering is found by the term's Sino-Korean reading, syllable for syllable
    (the initial-sound law undone on both sides): 科学发展观 → 과학발전관 in
    ``과학발전관을 심도 있게``. A term whose Korean is not its reading is not found.
    """
    term = "".join(ch for ch in chinese if is_han(ch))
    if not term or len(term) > TERM_MAX:
        return -1
    target = syllables(reading(term))
    if len(target) != len(term):
        return -1  # a character without a reading
    hangul = [(i, normalise_syllable(ch)) for i, ch in enumerate(korean) if is_hangul(ch)]
    size = len(target)
    for first in range(len(hangul) - size + 1):
        window = hangul[first : first + size]
        if window[-1][0] - window[0][0] == size - 1 and [s for _, s in window] == target:
            return window[-1][0] + 1
    return -1


def _term(passage: Passage | None) -> str:
    """The highlighted Chinese span as a term: its Han characters and what is between them."""
    if passage is None or passage.lang != "zh" or not passage.marked:
        return ""
    span = passage.pieces()[1]
    han = [i for i, ch in enumerate(span) if is_han(ch)]
    return span[han[0] : han[-1] + 1] if han else ""


def _point(item: BriefingItem, lang: str, depth: int, marker: str) -> ReportLine:
    """The item's main line: the Korean (or the only language shown), span marked."""
    main = item.ko if item.ko is not None and lang != "zh" else item.zh
    assert main is not None
    if not main.text:
        missing = LABELS["no_zh"] if main.lang == "zh" else LABELS["no_ko"]
        return ReportLine("point", missing, marker, depth, "ko")
    text, start, end = main.text, main.start, main.end
    term = _term(item.zh)
    if main.lang == "ko" and term and term not in text:
        at = rendering_end(text, term)
        if at >= 0:
            text = f"{text[:at]}({term}){text[at:]}"
            if not main.marked:
                start, end = at - len(syllables(reading(term))), at
            elif start >= at:
                start, end = start + len(term) + 2, end + len(term) + 2
            elif end >= at:
                end += len(term) + 2
    return ReportLine("point", text, marker, depth, main.lang, start, end, item.color_hex)


def _term_in_note(blocks: tuple[NoteBlock, ...], term: str) -> tuple[NoteBlock, ...]:
    """The note with the Chinese term in parentheses after the first place it uses the
    term's Korean rendering (``과학발전관(科学发展观)은``), unless it names the term already
    or the place is code or a link."""
    if not term or any(term in block.text for block in blocks):
        return blocks
    for number, block in enumerate(blocks):
        if block.kind == "code":
            continue
        for index, run in enumerate(block.runs):
            at = -1 if run.code or run.href else rendering_end(run.text, term)
            if at >= 0:
                runs = (
                    *block.runs[:index],
                    replace(run, text=f"{run.text[:at]}({term}){run.text[at:]}"),
                    *block.runs[index + 1 :],
                )
                return (*blocks[:number], replace(block, runs=runs), *blocks[number + 1 :])
    return blocks


def _item_lines(item: BriefingItem, lang: str, depth: int, marker: str) -> list[ReportLine]:
    lines = [_point(item, lang, depth, marker)]
    main_is_ko = item.ko is not None and lang != "zh"
    if main_is_ko and item.zh is not None and item.zh.text:
        zh = item.zh
        lines.append(
            ReportLine(
                "original", zh.text, REPORT_LABELS["original"], depth + 1, "zh", zh.start, zh.end, item.color_hex
            )
        )
    if item.note_blocks:
        blocks = _term_in_note(item.note_blocks, _term(item.zh))
        first = blocks[0].text if blocks else ""
        lines.append(ReportLine("review", first, REPORT_LABELS["review"], depth + 1, "ko", blocks=blocks))
    meta = [item.citation]
    if item.starred:
        meta.append(f"★ {LABELS['starred']}")
    if item.tags:
        meta.append(" ".join(f"#{t}" for t in item.tags))
    meta.append(item.color_name)
    lines.append(ReportLine("source", " · ".join(m for m in meta if m), REPORT_LABELS["source"], depth + 1))
    return lines


def _facts(header: DocumentHeader) -> str:
    known = [header.doc_number, header.issuer, header.date_ko]
    return " · ".join(v for v in known if v)


def _section_lines(section: Section, lang: str) -> list[ReportLine]:
    """A part (□) or clause (○) with its items, or a tag/colour group (□)."""
    lines: list[ReportLine] = []
    kind = "clause" if section.kind == "clause" else "part"
    depth = 1 if kind == "clause" else 0
    zh_first = lang == "zh"
    heading = bilingual(section.ko, section.zh, lang, heading=True) if section.ko or section.zh else ""
    if heading:
        lines.append(ReportLine(kind, heading, MARKERS[kind], depth, "zh" if zh_first or not section.ko else "ko"))
    for item in section.items:
        lines.extend(_item_lines(item, lang, depth + 1, MARKERS["point"] if kind == "clause" else MARKERS["clause"]))
    for child in section.sections:
        lines.extend(_section_lines(child, lang))
    return lines


def _summary(briefing: Briefing, lang: str) -> list[ReportLine]:
    """The starred items first, one line each: the reference and the note's first
    paragraph (or the highlighted passage when there is no note)."""
    starred = [item for item in briefing.items if item.starred]
    if not starred:
        return []
    lines = [ReportLine("summary_head", REPORT_LABELS["summary"], MARKERS["part"])]
    for item in starred:
        point = _point(item, lang, 1, MARKERS["summary"])
        said = item.note_blocks[0].text if item.note_blocks else point.pieces()[1] or point.text
        if len(said) > SUMMARY_MAX:
            said = said[: SUMMARY_MAX - 1].rstrip() + "…"
        reference = item.ref_ko or item.ref_zh
        text = f"[{reference}] {said}" if reference else said
        lines.append(ReportLine("summary", text, MARKERS["summary"], 1, "ko"))
    return lines


def build_report(briefing: Briefing) -> Report:
    options = briefing.options
    lang = options.lang
    byline = [briefing.exported_ko]
    if options.department:
        byline.append(options.department)
    if options.author:
        byline.append(options.author)
    report = Report(title=report_title(briefing), byline=" · ".join(byline), briefing=briefing, legend=briefing.legend)
    lines = report.lines
    lines.extend(_summary(briefing, lang))
    if briefing.documents_in_sections:
        for number, section in enumerate(briefing.sections):
            header = briefing.document(section.key)
            roman = ROMAN[number] if number < len(ROMAN) else str(number + 1)
            title = bilingual(header.title_ko, header.title, lang) or header.doc_id
            lines.append(ReportLine("document", title, f"{roman}.", 0, "ko" if header.title_ko else "zh"))
            if _facts(header):
                lines.append(ReportLine("facts", _facts(header), MARKERS["remark"], 0, "zh"))
            for item in section.items:  # items outside any part (rare)
                lines.extend(_item_lines(item, lang, 1, MARKERS["clause"]))
            for child in section.sections:
                lines.extend(_section_lines(child, lang))
    else:
        for header in briefing.documents:
            title = bilingual(header.title_ko, header.title, lang) or header.doc_id
            facts = _facts(header)
            lines.append(ReportLine("facts", f"{title}: {facts}" if facts else title, MARKERS["remark"], 0, "ko"))
        for section in briefing.sections:
            lines.extend(_section_lines(section, lang))
    return report
