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
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..model import Segment
from .patterns import (
    AMBIGUOUS_STYLES,
    DATE,
    DOC_NUMBER,
    KO_TERMINAL,
    LABEL_KINDS,
    SIGNATURE_WITH_DATE,
    SPACED_HEADING,
    Label,
    ends_open,
    find_label,
    is_bold_heading,
    is_heading_line,
    structure_label,
)
from .sentences import split_sentences

# A first sentence at most this long is a heading (（一）指导思想。), not prose.
HEADING_LIMIT = {"zh": 32, "ko": 80}
SIGNATURE_LIMIT = 40
# A signature-and-date or date line is never longer (and a long paragraph is not tried).
SIGNATURE_LINE_LIMIT = 100
_HANGUL = re.compile("[가-힣]")


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


@dataclass
class _Open:
    """A labelled node or heading still open: later labels of its style are its siblings."""

    style: str
    label: str
    node: _Node
    heading: int = 0  # Markdown level (or 2 for a letter-spaced Korean heading); 0 for labels


_KIND_ORDER = {kind: i for i, kind in enumerate(LABEL_KINDS)}
_PREFIX = {"part": "p", "clause": "c", "item": "i"}
# Styles that always start a top-level part: they close every open list.
_TOP_STYLES = frozenset({"chapter", "cn-comma", "roman-upper"})
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _next_letter(label: str) -> str:
    letter = label.strip("().（）").lower()[:1]
    index = _LETTERS.find(letter)
    return _LETTERS[index + 1] if 0 <= index < 25 else ""


@dataclass
class Line:
    """One clean paragraph handed to the parser: its text, Markdown heading level and
    whether it was wholly in strong emphasis (``**…**``)."""

    text: str
    heading: int = 0
    bold: bool = False


def _table_cell_follows(spaced: str, next_text: str) -> bool:
    """True when the line after a letter-spaced word reads as the next cell of a table
    (figures, a word spaced like it, one short word) rather than the body under a heading:
    HWP and DOCX tables come out cell by cell, and their header cells are often spaced
    (정 원, 증 원, 사 업 비)."""
    following = next_text.strip()
    if not following:
        return False
    if not _HANGUL.search(following):
        return True  # (53), 18,583, (B-A)
    if SPACED_HEADING.match(following):
        return len(following.split()) == len(spaced.split())
    return len(following) <= 4 and " " not in following and following[-1] not in KO_TERMINAL


class _Builder:
    """Builds the tree of one language, appending only along its rightmost path.

    Every new node is a child of the root or of an open node, and opening a node
    closes everything below it, so a walk of the tree gives the paragraphs in file
    order whatever the layout (the cause of items emitted out of order was a plain
    paragraph placed at the root while the clause before it stayed open for the items
    that followed).
    """

    def __init__(self, lang: str, has_parts: bool, dry: bool = False):
        self.lang = lang
        self.dry = dry
        self.root = _Node("root", "")
        self.stack: list[_Open] = []
        self.seen_body = False
        self.has_parts = has_parts
        self.labelled = False  # a part, clause, item or heading has been seen
        self.kinds: list[str] = []  # the kind each paragraph fed became, for the closing rule
        # From the whole file: the Markdown level of titles (0: none), and whether a
        # heading of that level after the body starts another document.
        self.title_level = 0
        self.new_document_level = False

    # -- pieces -------------------------------------------------------------
    def split(self, text: str) -> list[str]:
        return [text] if self.dry else split_sentences(text, self.lang)

    def sentences_into(self, node: _Node, text: str) -> None:
        for sentence in self.split(text):
            node.add("sentence", "s", text=sentence)

    def headed(self, node: _Node, prefix: str, text: str) -> None:
        """Give a clause or item its heading sentence (with its numbering); the rest
        become sentences. Without a short heading, the numbering opens the first
        sentence, so that it stays in the text either way."""
        units = self.split(text)
        if not units:
            node.text = prefix.strip()
        elif len(units[0]) <= HEADING_LIMIT[self.lang]:
            node.text = prefix + units.pop(0)
        else:
            units[0] = prefix + units[0]
        for sentence in units:
            node.add("sentence", "s", text=sentence)

    def open_node(self) -> _Node:
        return self.stack[-1].node if self.stack else self.root

    def child_kind(self, preferred: str) -> str:
        """The preferred kind, but always deeper than the open node it goes into."""
        parent = self.open_node()
        if parent.kind not in _KIND_ORDER:
            return preferred
        deeper = min(_KIND_ORDER[parent.kind] + 1, len(LABEL_KINDS) - 1)
        return LABEL_KINDS[max(_KIND_ORDER[preferred], deeper)]

    def close_all(self) -> None:
        self.stack.clear()

    def start_document(self) -> None:
        """Another document follows in the same file: its head is parsed afresh."""
        self.close_all()
        self.seen_body = False

    # -- paragraphs ----------------------------------------------------------
    def feed(self, line: Line, closing: bool, next_text: str = "") -> None:
        self.kinds.append(self._feed(line, closing, next_text))

    def _feed(self, line: Line, closing: bool, next_text: str) -> str:
        """Place one paragraph; returns the kind it became."""
        text, lang = line.text, self.lang
        if line.heading and not find_label(text, lang):  # "# 一、总体要求" is part 一
            return self._heading(text, line.heading)
        if self.seen_body and len(text) <= SIGNATURE_LINE_LIMIT:
            match = SIGNATURE_WITH_DATE.match(text)
            if match:
                self.signature(match.group("issuer").strip(" \u3000"), match.group("date"))
                return "signature"
            if DATE.match(text):
                self.signature("", text)
                return "date"
            if next_text and DATE.match(next_text) and _is_issuer_line(text):
                self.signature(text, "")
                return "signature"
        if (
            lang == "ko"
            and SPACED_HEADING.match(text)
            and not (self.seen_body and _table_cell_follows(text, next_text))
        ):
            # 세 계 인 권 선 언, 전 문 (but not 정 원 | 증 원 | (53) in a table's cells)
            if self.seen_body or any(c.kind == "title" for c in self.root.children):
                return self._heading(text, 2)
            return self.title(text, merge=False)
        found = find_label(text, lang)
        if found:
            self.seen_body = True
            return self._labelled(text, found)
        if self.after_signature() and is_heading_line(text, lang) and ends_open(text, lang):
            self.start_document()
        if not self.seen_body:
            if DOC_NUMBER.match(text):
                self.root.add("doc_number", "n", text=text)
                return "doc_number"
            if text[-1] in "：:" and len(text) <= 200:
                self.root.add("addressee", "a", text=text)
                self.seen_body = True
                return "addressee"
            if is_heading_line(text, lang) and ends_open(text, lang):
                return self.title(text)
        if line.bold and is_bold_heading(text, lang):
            return self._heading(text, self.bold_heading_level())
        self.seen_body = True
        while self.stack and self.stack[-1].node.kind == "item" and not self.stack[-1].heading:
            self.stack.pop()  # a plain paragraph after a list belongs to what holds the list
        if closing:
            self.close_all()
            node = self.root.add("paragraph", "end")
        elif not self.stack:
            preamble = self.has_parts and not self.labelled
            node = self.root.add("preamble" if preamble else "paragraph", "pre" if preamble else "g")
        else:
            node = self.open_node().add("paragraph", "g")
        self.sentences_into(node, text)
        return "paragraph"

    def bold_heading_level(self) -> int:
        """The level a bold heading takes: that of the innermost open heading, whose
        sibling it becomes, or below the title's level when none is open.

        A line set in bold stands for a heading its author (or the converter that made
        the Markdown) did not mark up, and where both kinds occur it most often stands
        beside the marked-up headings around it: the Korean GPL v2 sets NO WARRANTY
        as ``<strong>보증의 결여</strong>`` after the ``<h2>`` of its terms, where the
        Chinese has a heading of the terms' own level. Taking that level keeps the
        labels that follow at the depth they have under the other language's heading."""
        open_levels = [entry.heading for entry in self.stack if entry.heading]
        return open_levels[-1] if open_levels else self.title_level + 1

    def after_signature(self) -> bool:
        last = self.root.children[-1] if self.root.children else None
        return last is not None and last.kind in ("signature", "date")

    def title(self, text: str, merge: bool = True) -> str:
        last = self.root.children[-1] if self.root.children else None
        if merge and last is not None and last.kind == "title":
            last.text += ("" if self.lang == "zh" else " ") + text
        else:
            self.root.add("title", "t", text=text)
        return "title"

    def _heading(self, text: str, level: int) -> str:
        """A Markdown heading or letter-spaced heading: one unit, closing deeper ones."""
        if not self.seen_body and level <= self.title_level:
            return self.title(text, merge=False)
        if self.seen_body and level <= self.title_level and self.new_document_level:
            self.start_document()
            return self.title(text, merge=False)
        self.seen_body = True
        while self.stack and not (self.stack[-1].heading and self.stack[-1].heading < level):
            self.stack.pop()
        kind = self.child_kind("part")
        self.labelled = True
        node = self.open_node().add(kind, _PREFIX[kind], text=text)
        self.stack.append(_Open(f"heading-{level}", "", node, level))
        return kind

    def _labelled(self, text: str, found: Label) -> str:
        style = found.style
        alternative = AMBIGUOUS_STYLES.get(style)
        if alternative:
            for entry in self.stack:
                if entry.style == alternative and _next_letter(entry.label) == found.label[:1].lower():
                    style = alternative
        styles = [entry.style for entry in self.stack]
        if style in styles:
            del self.stack[styles.index(style) :]
        elif style in _TOP_STYLES:
            while self.stack and not self.stack[-1].heading:
                self.stack.pop()
        kind = self.child_kind(found.kind)
        self.labelled = True
        node = self.open_node().add(kind, _PREFIX[kind], label=found.label)
        self.stack.append(_Open(style, found.label, node))
        prefix = text[: len(text) - len(found.rest)]  # the numbering as printed: 一、 / (3)␣
        if kind == "part":
            units = self.split(found.rest)
            node.text = prefix + (units[0] if units else found.rest)
            if len(units) > 1:
                rest = node.add("paragraph", "g")
                for sentence in units[1:]:
                    rest.add("sentence", "s", text=sentence)
        else:
            self.headed(node, prefix, found.rest)
        return kind

    def signature(self, issuer: str, date: str) -> None:
        self.close_all()
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


def _closing_start(kinds: list[str]) -> int:
    """Index of the first closing paragraph after the last part's clauses, or len.

    ``kinds`` is what each paragraph became in a first pass (part, clause, item,
    paragraph …)."""
    last_part = max((i for i, k in enumerate(kinds) if k == "part"), default=None)
    if last_part is None:
        return len(kinds)
    last_clause = max((i for i, k in enumerate(kinds) if i > last_part and k == "clause"), default=None)
    if last_clause is not None:
        i = last_clause + 1
        while i < len(kinds) and kinds[i] in LABEL_KINDS:
            i += 1
        return i
    return len(kinds)


def _lines(paras: Sequence[str | Line]) -> list[Line]:
    return [
        p if isinstance(p, Line) else Line(getattr(p, "text", p), getattr(p, "heading", 0), getattr(p, "bold", False))
        for p in paras
    ]


def parse_language(paras: Sequence[str | Line], lang: str) -> ParsedLanguage:
    """Structure the clean paragraphs of one language (text, or Lines with heading levels)."""
    lines = _lines(paras)
    levels = [line.heading for line in lines if line.heading and not find_label(line.text, lang)]
    labels = [find_label(line.text, lang) for line in lines]
    has_parts = any(
        f and (f.style in _TOP_STYLES or (f.kind == "part" and not line.heading))
        for f, line in zip(labels, lines, strict=True)
    )

    def build(closing: int, dry: bool) -> _Builder:
        builder = _Builder(lang, has_parts, dry)
        if levels and levels[0] == min(levels):
            builder.title_level = levels[0]
            builder.new_document_level = levels.count(levels[0]) > 1 and max(levels) > levels[0]
        for index, line in enumerate(lines):
            following = lines[index + 1].text if index + 1 < len(lines) else ""
            builder.feed(line, closing=index >= closing, next_text=following)
        return builder

    first = build(len(lines), dry=True)
    kinds = first.kinds
    closing = _closing_start(kinds)
    # A last paragraph addressed to the implementing bodies, after parts without clauses.
    if closing == len(lines) and "part" in kinds and "clause" not in kinds:
        last_part = max(i for i, k in enumerate(kinds) if k == "part")
        plain = [i for i in range(last_part + 1, len(lines)) if kinds[i] == "paragraph"]
        if len(plain) >= 2 and lines[plain[-1]].text.startswith(("各", "각 ")):
            closing = plain[-1]
    builder = build(closing, dry=False)
    segments = builder.segments()
    title = " ".join(s.text for s in segments if s.kind == "title")
    doc_number = next((s.text for s in segments if s.kind == "doc_number"), "")
    issuer = next((s.text for s in segments if s.kind == "signature"), "")
    date = next((s.text for s in segments if s.kind == "date"), "")
    return ParsedLanguage(lang, segments, title, doc_number, issuer, date)
