"""The query language: words (AND), OR, NOT / -word, "exact phrase", prefix*,
parentheses, and filters lang:zh|ko, doc:ID, tag:TAG, color:COLOR, is:annotated.

``parse_query`` turns text into a small tree (or a ``QueryError`` that says what
is wrong); ``compile_query`` turns the tree into a Whoosh query plus the list of
what to highlight. Each word is routed by its script: Hangul to the Korean field,
Han characters to the Chinese one (and to Hanja written in Korean text), Latin
letters and digits to both; every word also looks in annotation notes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from whoosh import query as wq

from ..errors import DuizhaoError
from . import analysis
from .folding import is_han, is_hangul
from .sequence import ExactSequence

FILTERS = ("lang", "doc", "tag", "color", "is")
_HAN_SPACE = re.compile(r"(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])")
_FILTER_RE = re.compile(r"^(lang|doc|tag|color|is):(.*)$", re.IGNORECASE)
_QUOTES = {'"': '"', "“": "”", "「": "」"}
#: Most terms a one-character Chinese query stands for.
MAX_EXPANSION = 1000


class QueryError(DuizhaoError):
    """A query that cannot be understood; the message says why, for the user."""


# -- the tree ------------------------------------------------------------------
@dataclass(frozen=True)
class Word:
    text: str
    prefix: bool = False


@dataclass(frozen=True)
class Phrase:
    text: str


@dataclass(frozen=True)
class Filter:
    name: str
    value: str


@dataclass(frozen=True)
class Not:
    node: object


@dataclass(frozen=True)
class And:
    nodes: tuple


@dataclass(frozen=True)
class Or:
    nodes: tuple


# -- parsing -------------------------------------------------------------------
def _lex(text: str) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char.isspace():
            i += 1
        elif char in "()":
            tokens.append((char, char))
            i += 1
        elif char in _QUOTES:
            close = text.find(_QUOTES[char], i + 1)
            if close < 0:
                raise QueryError(f"missing closing quote {_QUOTES[char]} in: {text}")
            tokens.append(("phrase", text[i + 1 : close]))
            i = close + 1
        else:
            j = i
            while j < n and not text[j].isspace() and text[j] not in "()" and text[j] not in _QUOTES:
                j += 1
            word = text[i:j]
            i = j
            if word in ("OR", "|", "||"):
                tokens.append(("or", word))
            elif word in ("AND", "&", "&&"):
                continue
            elif word == "NOT":
                tokens.append(("not", word))
            elif word.startswith("-") and len(word) > 1:
                tokens.append(("not", "-"))
                tokens.append(("word", word[1:]))
            else:
                tokens.append(("word", word))
    return tokens


class _Parser:
    def __init__(self, text: str):
        self.text = text
        self.tokens = _lex(text)
        self.i = 0

    def peek(self) -> str | None:
        return self.tokens[self.i][0] if self.i < len(self.tokens) else None

    def take(self) -> tuple[str, str]:
        token = self.tokens[self.i]
        self.i += 1
        return token

    def parse(self):
        if not self.tokens:
            raise QueryError("empty query: type the words to look for")
        node = self.parse_or()
        if self.peek() == ")":
            raise QueryError(f"unexpected ) in: {self.text}")
        return node

    def parse_or(self):
        nodes = [self.parse_and()]
        while self.peek() == "or":
            self.take()
            if self.peek() in (None, ")", "or"):
                raise QueryError("OR needs a word on both sides")
            nodes.append(self.parse_and())
        return nodes[0] if len(nodes) == 1 else Or(tuple(nodes))

    def parse_and(self):
        nodes = []
        while self.peek() not in (None, ")", "or"):
            nodes.append(self.parse_unary())
        if not nodes:
            raise QueryError("OR needs a word on both sides")
        return nodes[0] if len(nodes) == 1 else And(tuple(nodes))

    def parse_unary(self):
        kind, value = self.take()
        if kind == "not":
            if self.peek() in (None, ")", "or", "not"):
                raise QueryError(f"{value} needs a word after it")
            return Not(self.parse_unary())
        if kind == "(":
            if self.peek() == ")":
                raise QueryError("empty parentheses ()")
            node = self.parse_or()
            if self.peek() != ")":
                raise QueryError(f"missing ) in: {self.text}")
            self.take()
            return node
        if kind == ")":
            raise QueryError(f"unexpected ) in: {self.text}")
        if kind == "phrase":
            if not value.strip():
                raise QueryError('empty phrase ""')
            return Phrase(value)
        return _word(value)


def _word(text: str):
    match = _FILTER_RE.match(text)
    if match:
        name, value = match.group(1).lower(), match.group(2)
        if not value:
            raise QueryError(f"{name}: needs a value, e.g. {_EXAMPLES[name]}")
        if name == "lang" and value.lower() not in ("zh", "ko"):
            raise QueryError(f"lang: takes zh or ko, not {value!r}")
        if name == "is" and value.lower() != "annotated":
            raise QueryError(f"is: takes 'annotated', not {value!r}")
        return Filter(name, value)
    prefix = text.endswith("*")
    stem = text.rstrip("*")
    if "*" in stem or "?" in stem:
        raise QueryError(f"only a trailing * is supported (prefix*), not {text!r}")
    if not stem:
        raise QueryError("* must follow at least one character, e.g. 产业* or 산업*")
    return Word(stem, prefix)


_EXAMPLES = {
    "lang": "lang:zh",
    "doc": "doc:guofa-2010-28",
    "tag": "tag:briefing",
    "color": "color:yellow",
    "is": "is:annotated",
}


def parse_query(text: str):
    """The query tree of ``text``; raises QueryError for malformed input."""
    return _Parser(text).parse()


# -- compiling -------------------------------------------------------------------
@dataclass(frozen=True)
class Leaf:
    """Something to highlight in one field: terms at fixed offsets (one term for a
    plain word), a prefix, or a string inside terms."""

    field: str
    sequence: tuple[tuple[str, int], ...] = ()
    prefix: str = ""
    contains: str = ""


@dataclass
class CompiledQuery:
    query: wq.Query
    leaves: list[Leaf] = field(default_factory=list)


class _Compiler:
    def __init__(
        self,
        reader,
        resolve_doc: Callable[[str], str] | None,
        vocabulary: Callable[[str], list[str]] | None = None,
    ):
        self.reader = reader
        self.resolve_doc = resolve_doc
        self.vocabulary = vocabulary or (lambda name: list(reader.field_terms(name)))
        self.leaves: list[Leaf] = []
        self.searches = False  # does anything positive look for text?
        self._korean: dict[str, list[analysis.Term]] = {}

    def korean_terms(self, text: str) -> list[analysis.Term]:
        """A Korean word's terms, analysed once per query: the field and the notes both need them."""
        if text not in self._korean:
            self._korean[text] = analysis.korean_terms(text)
        return self._korean[text]

    def compile(self, node, negated: bool = False) -> wq.Query | None:
        if isinstance(node, Filter):
            self.searches = self.searches or not negated
            return self.filter(node)
        if isinstance(node, Not):
            inner = self.compile(node.node, negated=not negated)
            return None if inner is None else wq.Not(inner)
        if isinstance(node, And | Or):
            subs = [q for q in (self.compile(n, negated) for n in node.nodes) if q is not None]
            if not subs:
                return None
            if len(subs) == 1:
                return subs[0]
            if isinstance(node, Or):
                return wq.Or(subs)
            positives = [q for q in subs if not isinstance(q, wq.Not)]
            negatives = [q.query for q in subs if isinstance(q, wq.Not)]
            if not positives:
                return wq.Not(wq.Or(negatives)) if len(negatives) > 1 else subs[0]
            positive = positives[0] if len(positives) == 1 else wq.And(positives)
            if not negatives:
                return positive
            return wq.AndNot(positive, negatives[0] if len(negatives) == 1 else wq.Or(negatives))
        query = self.text_query(node, negated)
        if query is not None and not negated:
            self.searches = True
        return query

    def filter(self, node: Filter) -> wq.Query:
        value = node.value
        if node.name == "lang":
            return wq.Term("lang", value.lower())
        if node.name == "doc":
            return wq.Term("doc", self.resolve_doc(value) if self.resolve_doc else value)
        if node.name == "tag":
            return wq.Term("tags", value.lstrip("#").lower())
        if node.name == "color":
            return wq.Term("colors", value.lower())
        return wq.Term("annotated", "yes")

    def text_query(self, node: Word | Phrase, negated: bool) -> wq.Query | None:
        text = node.text
        exact = isinstance(node, Phrase)
        prefix = isinstance(node, Word) and node.prefix
        has_hangul = any(is_hangul(c) for c in text)
        has_han = any(is_han(c) for c in text)
        fields = ["ko"] if has_hangul else ["zh"] if has_han else ["zh", "ko"]
        queries = []
        for name in fields:
            leaf: Leaf | None
            if prefix:
                stem = analysis.fold(text)
                query, leaf = wq.Prefix(name, stem), Leaf(name, prefix=stem)
            elif name == "zh":
                query, leaf = self.chinese(text)
            else:
                query, leaf = self.korean(text, exact)
            if query is None:
                continue
            queries.append(query)
            if not negated and leaf is not None:
                self.leaves.append(leaf)
        if has_han and not has_hangul and not prefix:
            queries.append(wq.Term("ko", analysis.fold(text)))  # Hanja written in Korean text
            if not negated:
                self.leaves.append(Leaf("ko", ((analysis.fold(text), 0),)))
        if not queries:
            return None
        notes = self.notes(text, prefix)
        if notes is not None:
            queries.append(notes)
        return queries[0] if len(queries) == 1 else wq.Or(queries)

    def chinese(self, text: str) -> tuple[wq.Query | None, Leaf | None]:
        folded = _HAN_SPACE.sub("", analysis.fold(text))  # Chinese puts no spaces between words
        words = analysis.chinese_words(folded)
        if len(words) > 1:
            return self._sequence("zh", words)
        if not words:
            return None, None
        word = words[0][0]
        if len(word) > 1 and ("zh", word) in self.reader:
            return self._sequence("zh", words)
        return self.containing("zh", word)

    def containing(self, name: str, part: str) -> tuple[wq.Query, Leaf]:
        """Every term that contains ``part``: a single character (税 in 关税, 税收) or a
        word the index does not have as such."""
        terms = [t for t in self.vocabulary(name) if part in t][:MAX_EXPANSION]
        leaf = Leaf(name, contains=part)
        if not terms:
            return wq.Term(name, part), leaf  # matches nothing: no hits, not an error
        if len(terms) == 1:
            return wq.Term(name, terms[0]), leaf
        return wq.Or([wq.Term(name, t) for t in terms]), leaf

    def korean(self, text: str, exact: bool) -> tuple[wq.Query | None, Leaf | None]:
        if exact:
            parts = [t for t in self.korean_terms(text) if not t.compound]
            whole = None
        else:
            parts, whole = analysis.korean_query_terms(text, self.korean_terms(text))
        if whole is not None:
            return wq.Term("ko", whole), Leaf("ko", ((whole, 0),))
        first = parts[0].pos if parts else 0
        sequence = [(t.text, t.pos - first) for t in parts]
        if len(sequence) > 1:
            return wq.Phrase("ko", [t for t, _ in sequence]), Leaf("ko", tuple(sequence))
        return self._sequence("ko", sequence)

    def _sequence(self, name: str, sequence: list[tuple[str, int]]) -> tuple[wq.Query | None, Leaf | None]:
        if not sequence:
            return None, None
        base = sequence[0][1]
        sequence = [(t, offset - base) for t, offset in sequence]
        leaf = Leaf(name, tuple(sequence))
        if len(sequence) == 1:
            return wq.Term(name, sequence[0][0]), leaf
        return ExactSequence(name, sequence), leaf

    def notes(self, text: str, prefix: bool) -> wq.Query | None:
        if prefix:
            return wq.Prefix("notes", analysis.fold(text))
        terms = {t.text for t in analysis.mixed_terms(text, self.korean_terms) if not t.compound}
        if not terms:
            return None
        terms_q = [wq.Term("notes", t) for t in sorted(terms)]
        return terms_q[0] if len(terms_q) == 1 else wq.And(terms_q)


def compile_query(
    tree,
    reader,
    resolve_doc: Callable[[str], str] | None = None,
    lang: str | None = None,
    doc: str | None = None,
    tag: str | None = None,
    color: str | None = None,
    annotated: bool = False,
    vocabulary: Callable[[str], list[str]] | None = None,
) -> CompiledQuery:
    """The Whoosh query for a parsed query, restricted by the filters given (the
    panel's: language, document, tag, colour, annotated only)."""
    compiler = _Compiler(reader, resolve_doc, vocabulary)
    query = compiler.compile(tree)
    if query is None or not compiler.searches:
        raise QueryError("nothing to search for: add a word (NOT alone excludes, it does not find)")
    if isinstance(query, wq.Not):
        raise QueryError("nothing to search for: add a word (NOT alone excludes, it does not find)")
    restrictions = []
    if lang:
        if lang not in ("zh", "ko"):
            raise QueryError(f"language must be zh or ko, not {lang!r}")
        restrictions.append(wq.Term("lang", lang))
    if doc:
        restrictions.append(wq.Term("doc", resolve_doc(doc) if resolve_doc else doc))
    if tag:
        restrictions.append(wq.Term("tags", tag.lstrip("#").lower()))
    if color:
        restrictions.append(wq.Term("colors", color.lower()))
    if annotated:
        restrictions.append(wq.Term("annotated", "yes"))
    if restrictions:
        query = wq.And([query, *restrictions])
    return CompiledQuery(query, compiler.leaves)
