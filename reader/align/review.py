"""The review report: what a reviewer of a translation should look at.

- not translated: a Chinese sentence or heading of the body with no Korean counterpart;
- no counterpart: the lines a translation commonly leaves out (title, document number,
  signature, date), listed apart so that they do not hide real omissions;
- added: Korean text with no Chinese counterpart (a translator's note is marked so);
- low confidence: links the aligner is unsure of (never one the user pinned or
  confirmed);
- corrections lost in the new version: pins and confirmations a re-import of the
  document could not carry (see ``carry``), to be made again.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import AlignmentLink, Document, Segment
from .carry import NOT_FOUND, LostCorrection
from .confidence import REVIEW_BELOW
from .output import numbering, side_text

#: Chinese lines a translation may leave out without losing content.
FRAME_KINDS = frozenset({"title", "doc_number", "signature", "date"})
NOTE_MARKS = ("역주", "역자 주", "역자주", "옮긴이", "※")


@dataclass
class ReviewItem:
    category: str  # not_translated | no_counterpart | added | low_confidence
    where: str  # a reader's address: 八、（三十） or "title"
    zh: str
    ko: str
    zh_ids: list[str]
    ko_ids: list[str]
    score: float
    note: str = ""

    def as_dict(self) -> dict:
        return {
            "category": self.category,
            "where": self.where,
            "zh": self.zh,
            "ko": self.ko,
            "zh_ids": self.zh_ids,
            "ko_ids": self.ko_ids,
            "score": round(self.score, 4),
            "note": self.note,
        }


@dataclass
class ReviewReport:
    doc_id: str
    links: int
    items: list[ReviewItem] = field(default_factory=list)
    lost_corrections: list[LostCorrection] = field(default_factory=list)
    #: Translation-check findings (``reader.terms.checks.Finding``), when checked.
    findings: list = field(default_factory=list)

    CATEGORIES = ("not_translated", "no_counterpart", "added", "low_confidence")

    def of(self, category: str) -> list[ReviewItem]:
        return [item for item in self.items if item.category == category]

    def as_dict(self) -> dict:
        out: dict = {"document": self.doc_id, "links": self.links}
        for category in self.CATEGORIES:
            out[category] = [item.as_dict() for item in self.of(category)]
        out["lost_corrections"] = [item.as_dict() for item in self.lost_corrections]
        out["findings"] = [item.as_dict() for item in self.findings]
        return out


def location(segment: Segment, by_id: dict[str, Segment]) -> str:
    """Where a unit is, as a reader names it: the labels of its part and clause."""
    if segment.kind in FRAME_KINDS or segment.kind == "addressee":
        return segment.kind.replace("_", " ")
    labels = []
    node: Segment | None = segment
    while node is not None:
        if node.kind in ("part", "clause") and node.label:
            labels.append(numbering(node))
        node = by_id.get(node.parent) if node.parent else None
    if not labels:
        return "closing" if ".end" in segment.id else "preamble"
    return ("" if segment.lang == "zh" else " ").join(reversed(labels))


def review(document: Document, links: list[AlignmentLink], review_below: float = REVIEW_BELOW) -> ReviewReport:
    by_id = {s.id: s for s in document.segments}
    report = ReviewReport(document.id, len(links))
    for link in links:
        zh = [by_id[i] for i in link.zh_ids if i in by_id]
        ko = [by_id[i] for i in link.ko_ids if i in by_id]
        first = (zh or ko)[0] if zh or ko else None
        if first is None:
            continue
        item = ReviewItem(
            "",
            location(first, by_id),
            side_text(zh, "zh"),
            side_text(ko, "ko"),
            list(link.zh_ids),
            list(link.ko_ids),
            link.score,
        )
        # A link the user pinned or confirmed is settled: it is no longer "unsure", but
        # an omission stays in the report (it is a fact about the translation).
        settled = link.pinned or link.status == "confirmed"
        if zh and not ko:
            item.category = "no_counterpart" if all(s.kind in FRAME_KINDS for s in zh) else "not_translated"
        elif ko and not zh:
            item.category = "added"
            if item.ko.lstrip(" ([［【").startswith(NOTE_MARKS):
                item.note = "translator's note"
        elif link.score < review_below and not settled:
            item.category = "low_confidence"
        else:
            continue
        if settled:
            item.note = item.note or "confirmed by the reviewer"
        elif item.category != "low_confidence" and link.score < review_below:
            item.note = item.note or "unsure: the translation may be merged into a neighbouring sentence"
        report.items.append(item)
    return report


def format_report(report: ReviewReport, title: str = "") -> str:
    """The report as text for the terminal."""
    headings = {
        "not_translated": "Not translated (Chinese with no Korean counterpart)",
        "no_counterpart": "No Korean counterpart (title, document number, signature, date)",
        "added": "Added in Korean (no Chinese counterpart)",
        "low_confidence": "Low-confidence links (check the pairing)",
    }
    counts = ", ".join(f"{len(report.of(c))} {c.replace('_', ' ')}" for c in report.CATEGORIES)
    if report.lost_corrections:
        counts += f"; {len(report.lost_corrections)} corrections lost in the new version"
    if report.findings:
        counts += f"; {len(report.findings)} translation-check findings"
    lines = [f"{report.doc_id}{'  ' + title if title else ''}: {report.links} links; {counts}"]
    for category in report.CATEGORIES:
        items = report.of(category)
        if not items:
            continue
        lines.append("")
        lines.append(f"{headings[category]}:")
        for item in items:
            text = item.zh or item.ko
            if category == "low_confidence":
                text = f"{item.zh}\n      ↔ {item.ko}"
            note = f"  ({item.note})" if item.note else ""
            lines.append(f"  [{item.where}] {text}  · {item.score:.2f}{note}")
    if report.lost_corrections:
        lines += ["", "Corrections lost in the new version (make them again):"]
        for lost in report.lost_corrections:
            what = "pin" if lost.pinned else "confirmation"
            why = "sentence not found" if lost.reason == NOT_FOUND else "could not be kept"
            lines.append(f"  [{what}, {why}, {lost.lost_at}] {lost.zh or '-'}\n      ↔ {lost.ko or '-'}")
    if report.findings:
        lines += ["", "Translation checks (dismiss with `qa DOC --dismiss KEY`):"]
        for finding in report.findings:
            verdict = f" [{finding.decision}]" if finding.decision else ""
            lines.append(
                f"  {finding.kind}: {finding.message}; {finding.suggestion}  · {finding.confidence:.2f}"
                f"  ({finding.zh_id}, key {finding.key}){verdict}"
            )
    return "\n".join(lines)
