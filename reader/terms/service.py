"""The terms features over a library: mining its glossary, checking a document,
looking a word up. The CLI and the GUI both call these."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from ..model import AlignmentLink, Document
from .checks import Finding, check_document
from .glossary import AlignedPair, GlossaryEntry, aligned_pairs, mine
from .readings import reading, traditional


class _Documents(Protocol):
    def list(self) -> list[dict]: ...
    def get(self, ref: str) -> Document: ...


class _Links(Protocol):
    def get(self, doc_id: str) -> list[AlignmentLink]: ...


def library_pairs(documents: _Documents, links: _Links, cancelled: Callable[[], bool] = lambda: False):
    """The aligned sentence pairs of every bilingual document of a library."""
    pairs: list[AlignedPair] = []
    for item in documents.list():
        if cancelled():
            break
        if len(item["languages"]) < 2:
            continue
        pairs += aligned_pairs(documents.get(item["id"]), links.get(item["id"]))
    return pairs


def refresh_glossary(library, cancelled: Callable[[], bool] = lambda: False) -> list[GlossaryEntry] | None:
    """Mine the glossary of the whole library again and store it; None if cancelled.

    ``library`` is a Library or a LibraryReader with a TermStore (``terms``)."""
    pairs = library_pairs(library.documents, library.links, cancelled)
    if cancelled():
        return None
    entries = mine(pairs, library.terms.preferred(), cancelled=cancelled, store=library.terms)
    if cancelled():
        return None
    library.terms.replace_glossary(entries)
    return library.terms.glossary()


def current_glossary(library, examples: bool = True) -> list[GlossaryEntry]:
    """The stored glossary, mined again first if the library changed since."""
    if library.terms.stale:
        refresh_glossary(library)
    return library.terms.glossary(examples)


def document_findings(
    library, doc_id: str, include_dismissed: bool = False, mine_if_stale: bool = True
) -> list[Finding]:
    """The translation checks of a stored document, with the reviewer's verdicts. Without
    ``mine_if_stale`` the stored glossary is used as it is (the GUI mines it elsewhere)."""
    document = library.documents.get(doc_id)
    links = library.links.get(document.id)
    glossary = current_glossary(library, examples=False) if mine_if_stale else library.terms.glossary(examples=False)
    findings = check_document(document, links, glossary, library.terms.preferred(), store=library.terms)
    decisions = library.terms.decisions(document.id)
    kept = []
    for finding in findings:
        finding.decision = decisions.get(finding.key, "")
        if finding.decision != "dismissed" or include_dismissed:
            kept.append(finding)
    return kept


@dataclass
class Lookup:
    """What the reading aid shows for one Chinese word."""

    word: str
    traditional: str
    reading: str
    pinyin: str
    renderings: list[tuple[str, int]] = field(default_factory=list)
    examples: list[AlignedPair] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "word": self.word,
            "traditional": self.traditional,
            "reading": self.reading,
            "pinyin": self.pinyin,
            "renderings": [{"ko": ko, "count": count} for ko, count in self.renderings],
            "examples": [{"zh": p.zh, "ko": p.ko, "doc": p.doc_id, "segment_id": p.zh_id} for p in self.examples],
        }


def pinyin(word: str) -> str:
    """Pinyin with tone marks, one syllable per character (产业转移 → chǎn yè zhuǎn yí)."""
    from pypinyin import Style, lazy_pinyin

    return " ".join(lazy_pinyin(word, style=Style.TONE, errors="default"))


def prepare_lookup() -> None:
    """Load what the first lookup needs (jieba's dictionary to find the word, OpenCC for
    its traditional form, pypinyin), so that the first popup of a session is as quick
    as the others: each takes a second or more to load. Safe on any thread."""
    from .words import word_at

    word_at("产业", 0)
    reading("产业")
    pinyin("产业")


def look_up(word: str, terms) -> Lookup:
    """The reading aid for ``word`` from a TermStore (the stored glossary only: fast)."""
    word = word.strip()
    entry = terms.entry(word)
    found = Lookup(word, traditional(word), reading(word), pinyin(word))
    if entry:
        found.renderings = [(r.ko, r.count) for r in entry.renderings]
        found.examples = list(entry.examples)
    return found
