"""The structure of one language of an official document, with stable segment ids.

Layout recognised: title, document number, addressee, preamble, parts, numbered
clauses, bullet items, paragraphs, closing paragraphs, signature and date; each
paragraph is cut into sentence units. A segment id is its place in the structure
plus a short hash of its text (``zh.p2.c1.s3.5e0a1b``): the place makes ids of the
two languages meet (zh.p2.c1 and ko.p2.c1 are the same clause), the hash lets a
later version of the document tell changed text from unchanged.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from ..model import Segment
from .patterns import (
    DATE,
    DOC_NUMBER,
    SIGNATURE_WITH_DATE,
    ends_open,
    is_heading_line,
    structure_label,
)
from .sentences import split_sentences

# A first sentence at most this long is a heading (（一）指导思想。), not prose.
HEADING_LIMIT = {"zh": 32, "ko": 80}
SIGNATURE_LIMIT = 40


def content_hash(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=3).hexdigest()


@dataclass
class _Node:
    kind: str
    path: str
    label: str = ""
    text: str = ""
    parent: _Node | None = None
    children: list[_Node] = field(default_factory=list)
    counters: dict[str, int] = field(default_factory=dict)

    def add(self, kind: str, prefix: str, label: str = "", text: str = "") -> _Node:
        n = self.counters.get(prefix, 0) + 1
        self.counters[prefix] = n
        path = f"{self.path}.{prefix}{n}" if self.path else f"{prefix}{n}"
        child = _Node(kind, path, label, text, self)
        self.children.append(child)
        return child


@dataclass
class ParsedLanguage:
    """One language of a document: its segments and what the head says about it."""

    lang: str
    segments: list[Segment]
    title: str = ""
    doc_number: str = ""
    issuer: str = ""
    date: str = ""


class _Builder:
    def __init__(self, lang: str):
        self.lang = lang
        self.root = _Node("root", "")
        self.part: _Node | None = None
        self.clause: _Node | None = None
        self.last_container: _Node | None = None
        self.seen_body = False
        self.has_parts = False

    # -- pieces -------------------------------------------------------------
    def sentences_into(self, node: _Node, text: str) -> None:
        for sentence in split_sentences(text, self.lang):
            node.add("sentence", "s", text=sentence)

    def headed(self, node: _Node, text: str) -> None:
        """Give a clause or item its heading sentence; the rest become sentences."""
        units = split_sentences(text, self.lang)
        if units and len(units[0]) <= HEADING_LIMIT[self.lang]:
            node.text = units.pop(0)
        for sentence in units:
            node.add("sentence", "s", text=sentence)

    # -- paragraphs ----------------------------------------------------------
    def feed(self, text: str, is_last_part_tail: bool) -> None:
        lang = self.lang
        found = structure_label(text, lang)
        if found:
            kind, label, body = found
            getattr(self, f"_{kind}")(label, body)
            return
        if not self.seen_body:
            if DOC_NUMBER.match(text):
                self.root.add("doc_number", "n", text=text)
                return
            if text[-1] in "：:" and len(text) <= 200:
                self.root.add("addressee", "a", text=text)
                self.seen_body = True
                return
            if is_heading_line(text, lang) and ends_open(text, lang):
                titles = [c for c in self.root.children if c.kind == "title"]
                if titles and self.root.children[-1] is titles[-1]:
                    titles[-1].text += ("" if lang == "zh" else " ") + text
                else:
                    self.root.add("title", "t", text=text)
                return
        self.seen_body = True
        if self.part is None:
            kind = "preamble" if self.has_parts else "paragraph"
            node = self.root.add(kind, "pre" if self.has_parts else "g")
        elif is_last_part_tail:
            node = self.root.add("paragraph", "end")
        else:
            owner = self.clause or self.part
            node = owner.add("paragraph", "g")
        self.sentences_into(node, text)

    def _part(self, label: str, body: str) -> None:
        self.seen_body = True
        self.part = self.root.add("part", "p", label=label.rstrip("、").strip())
        self.clause = None
        units = split_sentences(body, self.lang)
        self.part.text = units[0] if units else body
        if len(units) > 1:
            rest = self.part.add("paragraph", "g")
            for sentence in units[1:]:
                rest.add("sentence", "s", text=sentence)

    def _clause(self, label: str, body: str) -> None:
        self.seen_body = True
        owner = self.part or self.root
        self.clause = owner.add("clause", "c", label=label)
        self.headed(self.clause, body)

    def _item(self, label: str, body: str) -> None:
        self.seen_body = True
        owner = self.clause or self.part or self.root
        item = owner.add("item", "i", label=label)
        self.headed(item, body)

    def signature(self, issuer: str, date: str) -> None:
        if issuer:
            self.root.add("signature", "sig", text=issuer)
        if date:
            self.root.add("date", "date", text=date)

    # -- output --------------------------------------------------------------
    def segments(self) -> list[Segment]:
        out: list[Segment] = []

        def walk(node: _Node, parent_id: str | None) -> None:
            for child in node.children:
                seg_id = f"{self.lang}.{child.path}.{content_hash(child.kind + child.text)}"
                out.append(Segment(seg_id, self.lang, child.kind, child.label, child.text, parent_id))
                walk(child, seg_id)

        walk(self.root, None)
        return out


def _is_issuer_line(text: str) -> bool:
    """A short line with no punctuation or numbering just above a date: who signs."""
    return (
        len(text) <= SIGNATURE_LIMIT
        and is_heading_line(text, "zh")
        and not structure_label(text, "zh")
        and not structure_label(text, "ko")
    )


def _split_tail(texts: list[str]) -> tuple[list[str], str, str]:
    """Strip a trailing signature and date: (body, issuer, date)."""
    body = list(texts)
    issuer = date = ""
    if body:
        match = SIGNATURE_WITH_DATE.match(body[-1])
        if match:
            body.pop()
            issuer, date = match.group("issuer").strip(" \u3000"), match.group("date")
        elif DATE.match(body[-1]):
            date = body.pop()
    if date and not issuer and body and _is_issuer_line(body[-1]):
        issuer = body.pop()
    return body, issuer, date


def _closing_start(texts: list[str], lang: str) -> int:
    """Index of the first closing paragraph after the last part's clauses, or len."""
    last_part = max(
        (i for i, t in enumerate(texts) if (f := structure_label(t, lang)) and f[0] == "part"), default=None
    )
    if last_part is None:
        return len(texts)
    last_clause = max(
        (i for i, t in enumerate(texts) if i > last_part and (f := structure_label(t, lang)) and f[0] == "clause"),
        default=None,
    )
    if last_clause is not None:
        i = last_clause + 1
        while i < len(texts) and structure_label(texts[i], lang):
            i += 1
        return i
    # No clauses: a last paragraph addressed to the implementing bodies is a closing.
    plain = [i for i in range(last_part + 1, len(texts)) if not structure_label(texts[i], lang)]
    if len(plain) >= 2 and texts[plain[-1]].startswith(("各", "각 ")):
        return plain[-1]
    return len(texts)


def parse_language(texts: list[str], lang: str) -> ParsedLanguage:
    """Structure the clean paragraphs of one language."""
    body, issuer, date = _split_tail(texts)
    builder = _Builder(lang)
    builder.has_parts = any((f := structure_label(t, lang)) and f[0] == "part" for t in body)
    closing = _closing_start(body, lang)
    for index, text in enumerate(body):
        builder.feed(text, is_last_part_tail=index >= closing)
    builder.signature(issuer, date)
    segments = builder.segments()
    title = " ".join(s.text for s in segments if s.kind == "title")
    doc_number = next((s.text for s in segments if s.kind == "doc_number"), "")
    return ParsedLanguage(lang, segments, title, doc_number, issuer, date)
