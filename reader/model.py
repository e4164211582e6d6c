"""The structured bilingual document every part of Duizhao works on.

A document is a flat list of segments in reading order. Each segment knows its
parent, so the list is also a tree: part → clause → item → sentence. The text of
a segment is only what it prints itself: a clause's text is its heading with its
numbering (``（一）指导思想。``; the numbering is also its ``label``), and the words
of a paragraph live in its sentences, so every character of the source appears in
exactly one segment, in order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import attrgetter

LANGUAGES = ("zh", "ko")

KINDS = (
    "title",
    "doc_number",
    "addressee",
    "preamble",
    "part",
    "clause",
    "item",
    "paragraph",
    "sentence",
    "signature",
    "date",
)

#: Kinds that are containers of sentences and print no text of their own.
CONTAINER_KINDS = frozenset({"preamble", "paragraph"})

#: Kinds whose text is a reading unit: what the aligner pairs and the reader marks.
UNIT_KINDS = frozenset(KINDS) - CONTAINER_KINDS


#: What may separate a label from the text after it (一、总体要求, 1조 - 정의).
_AFTER_LABEL = " \u3000\t、．.:：-–—"


@dataclass(frozen=True)
class Segment:
    """One structural element of one language of a document."""

    id: str
    lang: str
    kind: str
    label: str
    text: str
    parent: str | None

    @property
    def body(self) -> str:
        """The text without its leading numbering: ``（一）指导思想。`` → ``指导思想。``,
        ``一、总体要求`` → ``总体要求`` (what the wording of a heading is compared on)."""
        label = self.label
        if not label or not self.text.startswith(label):
            return self.text
        return self.text[len(label) :].lstrip(_AFTER_LABEL)

    @property
    def printed(self) -> str:
        """The text as printed, number included. Segments stored before the number was
        kept in the text (``指导思想。`` with label ``（一）``) get it put back in front."""
        label = self.label
        if not label or not self.text or self.text.startswith(label):
            return self.text
        if self.lang == "zh":
            comma = "、" if self.kind == "part" and label[-1] not in "、.．" else ""
            return f"{label}{comma}{self.text}"
        return f"{label} {self.text}"

    @property
    def is_unit(self) -> bool:
        """True if the segment has text of its own that can be aligned and marked."""
        return self.kind in UNIT_KINDS and bool(self.text)

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "lang": self.lang,
            "kind": self.kind,
            "label": self.label,
            "text": self.text,
            "parent": self.parent,
        }


@dataclass
class Document:
    """A (possibly bilingual) document with its segments in reading order."""

    id: str
    title: str
    doc_number: str = ""
    title_ko: str = ""
    issuer: str = ""
    date: str = ""
    date_published: str = ""
    source_url: str = ""
    #: How the text was recognised when it came from scanned pages (see text.formats.ocr):
    #: ``{"engine": …, "pages": [{"page": 1, "confidence": 91.5, "low": false}, …]}``; empty otherwise.
    ocr: dict = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    #: What the import had to guess (a title taken from the file name …), told once, never stored.
    warnings: list[str] = field(default_factory=list, compare=False)

    @property
    def languages(self) -> list[str]:
        present = set(map(attrgetter("lang"), self.segments))  # C-level: asked often of long texts
        return [lang for lang in LANGUAGES if lang in present]

    def segments_in(self, lang: str) -> list[Segment]:
        return [s for s in self.segments if s.lang == lang]

    def find_segment(self, ref: str) -> Segment | None:
        """A segment from its id, or from its id without the hash (``zh.p1.c1.s2``)
        when that names one segment; None otherwise."""
        for segment in self.segments:
            if segment.id == ref:
                return segment
        matches = [s for s in self.segments if s.id.rsplit(".", 1)[0] == ref]
        return matches[0] if len(matches) == 1 else None

    def units(self, lang: str) -> list[Segment]:
        """The reading units of one language, in order (what alignment works on)."""
        return [s for s in self.segments if s.lang == lang and s.is_unit]

    def take_metadata(self, other: Document) -> None:
        """Take the editable metadata of ``other`` (the same document as stored now)."""
        for name in EDITABLE_METADATA:
            setattr(self, name, getattr(other, name))

    def metadata(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "title_ko": self.title_ko,
            "doc_number": self.doc_number,
            "issuer": self.issuer,
            "date": self.date,
            "date_published": self.date_published,
            "source_url": self.source_url,
            "ocr": dict(self.ocr),
            "languages": self.languages,
            "sources": list(self.sources),
        }


#: Metadata a user can set (``python -m reader meta``, the library panel), in display order.
EDITABLE_METADATA = ("title", "title_ko", "doc_number", "issuer", "date", "date_published", "source_url")


LINK_TYPES = ("0-1", "1-0", "1-1", "1-2", "2-1", "2-2", "1-3", "3-1", "1-4", "4-1")


@dataclass
class AlignmentLink:
    """A bead of the alignment: Chinese units paired with Korean units.

    One side may be empty: a Chinese unit with no Korean counterpart is "not
    translated", a Korean unit with no Chinese one is "added". ``pinned`` links were
    set by the user and are kept by every re-alignment; ``status`` records the
    reviewer's verdict ('' or 'confirmed').
    """

    zh_ids: list[str]
    ko_ids: list[str]
    score: float = 1.0
    pinned: bool = False
    status: str = ""

    @property
    def type(self) -> str:
        return f"{len(self.zh_ids)}-{len(self.ko_ids)}"

    def as_dict(self) -> dict:
        return {
            "zh_ids": list(self.zh_ids),
            "ko_ids": list(self.ko_ids),
            "type": self.type,
            "score": round(self.score, 4),
            "pinned": self.pinned,
            "status": self.status,
        }
