"""The report layout (보고서형) as a Hangul document: the lines of ``report.build_report``.

Government faces as Hangul offices have them: the body in 휴먼명조 and headings
in HY헤드라인M, each registered with its Hangul substitute (함초롬바탕, 함초롬돋움)
so a copy of Hangul without them draws the substitute, not a default. Chinese
runs are SimSun/SimHei in every script slot, and the 한자 slot of every shape is
Chinese (as in the memo layout). The title stands in a bordered box, the 검토의견
in a box of its own (connected paragraph borders), the Chinese original smaller
and indented; □/○/- lines hang after their markers. Page numbers ``- n -`` at the
bottom centre and ``KEEP_WORD`` line breaking as in every Hangul export.
"""

from __future__ import annotations

from pathlib import Path

from .briefing import LABELS, Briefing
from .hangul import CHINESE_FONT, CHINESE_HEADING_FONT, GREY, NOTE_COLOR, _Writer, save_package
from .report import ReportLine, build_report
from .script_runs import script_runs

BODY_FONT = ("휴먼명조", "함초롬바탕")
HEADING_FONT = ("HY헤드라인M", "함초롬돋움")
INDENT_MM = 5.0
BOX = ("left", "right", "top", "bottom")
#: (size in points, heading face, bold) of each kind of line.
STYLE = {
    "document": (15, True, True),
    "facts": (10, False, False),
    "summary_head": (14, True, True),
    "summary": (12, False, False),
    "part": (14, True, True),
    "clause": (13, False, True),
    "point": (12.5, False, False),
    "original": (10.5, False, False),
    "review": (11.5, False, False),
    "source": (9, False, False),
}
SPACE_BEFORE = {"document": 14, "part": 10, "summary_head": 6, "clause": 6, "point": 3, "source": 5}
KEEP_WITH_NEXT = {"document", "facts", "summary_head", "part", "clause", "point", "original"}


class _ReportWriter(_Writer):
    def __init__(self, briefing: Briefing):
        super().__init__(briefing)
        for face, substitute in (BODY_FONT, HEADING_FONT):
            self.document.oxml.ensure_font(face, subst_face=substitute, subst_type="TTF")
        self._shapes: dict[tuple, str] = {}

    def run(self, paragraph, text: str, heading: bool = False, **style) -> None:
        """Runs of one script each: Korean in the government face, Chinese in SimSun/SimHei."""
        for lang, chunk in script_runs(text):
            own = dict(style)
            if lang == "zh":
                own["font"] = (CHINESE_HEADING_FONT if heading else CHINESE_FONT)[0]
            else:
                own["font"] = (HEADING_FONT if heading else BODY_FONT)[0]
            paragraph.add_run(chunk, char_pr_id_ref=self.char_style(**own))

    def shaped(self, key: tuple, **shape):
        """A paragraph with a paragraph shape made once per distinct ``shape``."""
        if key in self._shapes:
            refs = {**self._body_refs, "para_pr_id_ref": self._shapes[key]}
            paragraph = self.document.add_paragraph("", inherit_style=False, **refs)
        else:
            paragraph = self.document.add_paragraph("", inherit_style=False, **self._body_refs)
            self.document.styles.apply_paragraph_format(paragraphs=[paragraph], **shape)
            self._shapes[key] = str(paragraph.para_pr_id_ref)
        return paragraph

    def line_paragraph(self, line: ReportLine):
        indent = INDENT_MM * line.depth + (INDENT_MM if line.marker else 0)
        shape = {
            "alignment": "JUSTIFY",
            "indent_left_mm": indent,
            "first_line_indent_mm": -INDENT_MM if line.marker else 0,
            "spacing_before_pt": SPACE_BEFORE.get(line.kind, 0),
            "spacing_after_pt": 2,
            "line_spacing_percent": 160,
            "keep_with_next": line.kind in KEEP_WITH_NEXT,
        }
        return self.shaped(("line", line.kind, line.depth, bool(line.marker)), **shape)

    def review(self, line: ReportLine) -> None:
        """The note in a box (connected borders) under its 검토의견 label, in its own colour."""
        size = STYLE["review"][0]
        shape = {
            "alignment": "JUSTIFY",
            "indent_left_mm": INDENT_MM * line.depth,
            "spacing_after_pt": 0,
            "line_spacing_percent": 150,
            "keep_with_next": True,
            "border": {
                "sides": BOX,
                "color": "#8FA8C8",
                "width": "0.25 mm",
                "offset_mm": 1.5,
                "connect": 1,
                "ignore_margin": 0,
            },
        }
        head = self.shaped(("review", line.depth), **shape)
        self.run(head, line.marker, heading=True, bold=True, size=size, color=NOTE_COLOR)
        self.plain.append(line.marker)
        for block in line.blocks:
            paragraph = self.shaped(("review", line.depth), **shape)
            prefix = "  " * block.depth + {"bullet": "· ", "number": f"{block.number}. "}.get(block.kind, "")
            if prefix:
                self.run(paragraph, prefix, size=size, color=NOTE_COLOR)
            for run in block.runs:
                text = run.text if not run.href else f"{run.text} ({run.href})"
                self.run(
                    paragraph, text, bold=run.bold, italic=run.italic, strike=run.strike, size=size, color=NOTE_COLOR
                )
            self.plain.append(prefix + block.text)

    def line(self, line: ReportLine) -> None:
        if line.kind == "review":
            self.review(line)
            return
        size, heading, bold = STYLE[line.kind]
        paragraph = self.line_paragraph(line)
        color = GREY if line.kind in ("facts", "original", "source") else None
        marker = f"{line.marker}: " if line.kind in ("original", "source") else f"{line.marker} " if line.marker else ""
        if marker:
            self.run(paragraph, marker, heading=heading or line.kind == "original", bold=bold, size=size, color=color)
        before, span, after = line.pieces()
        if before:
            self.run(paragraph, before, heading=heading, bold=bold, size=size, color=color)
        if span:
            self.run(paragraph, span, heading=heading, bold=True, underline=True, size=size, highlight=line.color_hex)
        if after:
            self.run(paragraph, after, heading=heading, bold=bold, size=size, color=color)
        self.plain.append(line.printed)

    def build_report(self):
        briefing = self.briefing
        report = build_report(briefing)
        self.finish_layout()
        first = self.document.paragraphs[0]
        first.text = ""
        box = {
            "alignment": "CENTER",
            "spacing_after_pt": 4,
            "line_spacing_percent": 160,
            "border": {"sides": BOX, "color": "#343A40", "width": "0.5 mm", "offset_mm": 2.5},
        }
        self.document.styles.apply_paragraph_format(paragraphs=[first], **box)
        self.run(first, report.title, heading=True, bold=True, size=20)
        self.plain.append(report.title)
        byline = self.shaped(("byline",), alignment="RIGHT", spacing_before_pt=4, spacing_after_pt=12)
        self.run(byline, report.byline, size=11, color=GREY)
        self.plain.append(report.byline)
        if report.legend:
            legend = self.shaped(("legend",), alignment="LEFT", spacing_after_pt=8)
            self.run(legend, f"{LABELS['legend']}: ", size=10, color=GREY)
            for number, entry in enumerate(report.legend):
                self.run(legend, ("  " if number else "") + "■ ", size=10, color=entry.color_hex)
                self.run(legend, entry.text, size=10, color=GREY)
            self.plain.append(report.legend_line)
        for line in report.lines:
            self.line(line)
        package = self.document.package
        package.set_document_metadata(
            title=briefing.title,
            creator="Duizhao",
            subject=" / ".join(d.title or d.doc_id for d in briefing.documents),
            keyword=" ".join(sorted({f"#{t}" for item in briefing.items for t in item.tags})),
            created_date=f"{briefing.exported_on.isoformat()}T00:00:00Z",
            modified_date=f"{briefing.exported_on.isoformat()}T00:00:00Z",
        )
        self.finish_fonts()
        return self.document


def write(briefing: Briefing, path: Path) -> None:
    document = _ReportWriter(briefing).build_report()
    save_package(document, path, briefing.exported_on)
    document.close()
