"""Chinese and Korean text → index terms with exact character offsets.

A term is (text, position, start, end): ``start``/``end`` are offsets into the
original text, so a highlight is always the characters that matched.

Chinese: the text is folded (see ``folding``) and segmented by jieba in search
mode (産業轉移 → 产业 / 转移 / 产业转移, 中西部 → 中西 / 西部 / 中西部). A term's
position is its start offset, so overlapping search-mode words do not shift one
another: a word sequence matches only where its words really follow each other in
the text (see ``sequence``). jieba runs without its HMM: an out-of-dictionary word
falls apart into single characters, the same way in the text and in the query,
instead of being guessed differently in each. Every character of the text is thus
inside some term, which is how a one-character query finds it (see ``query``).

Korean: kiwipiepy morphemes. Particles, endings and suffixes are not terms, so
산업이전을 yields 산업 / 이전 and matches 산업이전. Verbs and adjectives are indexed
by their stem (다그치는 → 다그치). A term's position counts content morphemes, so a
quoted phrase skips particles but not words. Adjacent nouns written together are
also indexed as compounds keyed by their surface (산업이전, 중서부지역, 서부지역), so a
compound query is one term whichever way Kiwi split it.

Kiwi is most of an index build's time (about 1.3 ms CPU per sentence), and its
morphemes depend only on the text and Kiwi's version: they are kept in the library's
analysis store (``term_analysis``, see ``morphemes_key``) the first time a text is
analysed, so a rebuild, a re-alignment or an annotation of a document analysed
before reads them instead of running Kiwi again, and so do the translation checks.

No Whoosh here: the Whoosh tokenizers over these functions are in ``tokenizers``, so
the term checks (``reader.terms``) use the analysis without loading the search engine.
"""

from __future__ import annotations

import functools
import hashlib
import importlib
import importlib.metadata
import logging
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple, Protocol

from ..errors import DuizhaoError
from .folding import Folder, is_hangul

log = logging.getLogger(__name__)

#: Bump when the terms produced for a text change: the index is then rebuilt.
ANALYZER_VERSION = 3
#: Bump when the stored form of a text's morphemes changes (see ``morphemes_key``).
MORPHEME_FORMAT = 2

#: Korean stems: Kiwi marks an irregular one (돕 of 도왔다, 듣 of 들었다, 아름답 of 아름다운)
#: with -I and a regular one it had to tell apart with -R.
KO_STEM_TAGS = frozenset({"VV", "VA", "VV-I", "VA-I", "VV-R", "VA-R"})
#: Korean morpheme tags indexed as terms (nouns, stems, roots, adverbs, foreign words, numbers).
KO_TERM_TAGS = (
    frozenset({"NNG", "NNP", "NR", "NP", "XR", "MAG", "SL", "SN", "SH", "W_URL", "W_EMAIL", "W_HASHTAG", "W_SERIAL"})
    | KO_STEM_TAGS
)
#: Tags that form a compound when written together (산업+이전, 현대+화).
KO_COMPOUND_TAGS = frozenset({"NNG", "NNP", "NR", "XPN", "XSN", "SH"})
#: Longest run of morphemes whose sub-compounds are all indexed.
KO_MAX_COMPOUND = 6


class Term(NamedTuple):
    text: str
    pos: int
    start: int
    end: int
    compound: bool = False


class Morpheme(NamedTuple):
    """What the Korean analysis keeps of a kiwipiepy token."""

    form: str
    tag: str
    start: int
    end: int


class _Resources:
    """jieba, the folder and Kiwi, loaded once on first use (Kiwi takes a second)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._jieba = None
        self._folder: Folder | None = None
        self._kiwi = None
        self.kiwi_lock = threading.Lock()

    @property
    def jieba(self):
        if self._jieba is None:
            with self._lock:
                if self._jieba is None:
                    import jieba

                    jieba.setLogLevel(logging.WARNING)
                    tokenizer = jieba.Tokenizer()  # our own instance, bundled dictionary only
                    tokenizer.initialize()
                    self._jieba = tokenizer
        return self._jieba

    @property
    def folder(self) -> Folder:
        if self._folder is None:
            freq = self.jieba.FREQ
            with self._lock:
                if self._folder is None:
                    self._folder = Folder(lambda char: freq.get(char, 0))
        return self._folder

    @property
    def kiwi(self):
        if self._kiwi is None:
            with self._lock:
                if self._kiwi is None:
                    from kiwipiepy import Kiwi

                    # The typo, multi-word and web-noun dictionaries add ~300 MB. Search
                    # does not need them: without the web nouns, compounds such as
                    # 관광농업 split into parts, which the compound terms cover anyway.
                    self._kiwi = Kiwi(load_typo_dict=False, load_multi_dict=False, load_default_dict=False)
        return self._kiwi

    @property
    def kiwi_loaded(self) -> bool:
        return self._kiwi is not None


RESOURCES = _Resources()


def fold(text: str) -> str:
    return RESOURCES.folder.fold(text)


def _is_word(text: str) -> bool:
    return any(c.isalnum() for c in text)


# -- Chinese ---------------------------------------------------------------------
def chinese_terms(text: str) -> list[Term]:
    """jieba search-mode words (single characters included), positioned at their start.

    Each term's occurrences come in text order, which is all Whoosh needs.
    """
    folded = fold(text)
    return [
        Term(word, start, start, end)
        for word, start, end in RESOURCES.jieba.tokenize(folded, mode="search", HMM=False)
        if word[0].isalnum() or word[-1].isalnum()
    ]


def chinese_words(text: str) -> list[tuple[str, int]]:
    """A query word split into dictionary words (no overlaps), with their offsets."""
    folded = fold(text)
    return [(w, s) for w, s, _ in RESOURCES.jieba.tokenize(folded, mode="default", HMM=False) if _is_word(w)]


# -- Korean -----------------------------------------------------------------------
def korean_morphemes(texts: list[str]) -> list[list[Morpheme]]:
    """Morphemes of many texts at once (Kiwi analyses a batch faster than one by one)."""
    kiwi = RESOURCES.kiwi
    with RESOURCES.kiwi_lock:  # the index thread and the GUI thread may both analyse
        return [[Morpheme(t.form, t.tag, t.start, t.start + t.len) for t in tokens] for tokens in kiwi.tokenize(texts)]


def korean_text_morphemes(text: str) -> list[Morpheme]:
    """Morphemes of one text (a query word). Kiwi analyses a lone string on the calling
    thread; a one-item batch goes through its worker threads and costs about four times
    as long (0.3 against 0.08 ms for 산업이전을), with the same result."""
    kiwi = RESOURCES.kiwi
    with RESOURCES.kiwi_lock:
        return [Morpheme(t.form, t.tag, t.start, t.start + t.len) for t in kiwi.tokenize(text)]


# -- Korean morphemes kept in the library --------------------------------------------
class MorphemeStore(Protocol):
    """Where analysed texts are kept (``store.terms.TermStore``'s ``term_analysis``)."""

    def analysed(self, keys: list[str]) -> dict[str, list[str]]: ...
    def keep_analysed(self, items: dict[str, list[str]]) -> None: ...


@functools.cache
def package_version(name: str) -> str:
    """An installed distribution's version; a frozen build without the metadata
    falls back to the module's own ``__version__`` (the module only, never Kiwi's model)."""
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        module = importlib.import_module(name)
        return str(getattr(module, "__version__", ""))


def morphemes_key(text: str) -> str:
    """The key of a text's Kiwi morphemes in the library's analysis store.

    Kiwi's output depends on kiwipiepy and its model, so their versions are part of the
    key: after an upgrade (which also rebuilds the index) every text is analysed again,
    and a stored analysis is always what this Kiwi would give. The search index and the
    translation checks share these rows: a sentence analysed for one is not analysed
    again for the other.
    """
    version = f"{MORPHEME_FORMAT}\x1f{package_version('kiwipiepy')}\x1f{package_version('kiwipiepy_model')}"
    return hashlib.sha1(f"ko-morphemes\x1f{version}\x1f{text}".encode()).hexdigest()


def encode_morphemes(text: str, morphemes: Iterable[Morpheme]) -> list[str]:
    """``start end tag``, and the form after it only where it is not the text at those
    offsets (a stem such as 듣 of 들었다): most forms are, and the stored rows stay about
    a third of the size of a full record (some 300 bytes per sentence)."""
    return [
        f"{m.start} {m.end} {m.tag}" if text[m.start : m.end] == m.form else f"{m.start} {m.end} {m.tag} {m.form}"
        for m in morphemes
    ]


def decode_morphemes(text: str, items: Iterable[str]) -> list[Morpheme]:
    morphemes = []
    for item in items:
        parts = item.split(" ", 3)
        start, end = int(parts[0]), int(parts[1])
        morphemes.append(Morpheme(parts[3] if len(parts) == 4 else text[start:end], parts[2], start, end))
    return morphemes


def known_morphemes(texts: Iterable[str], store: MorphemeStore | None) -> dict[str, list[Morpheme]]:
    """The stored morphemes of those texts that have them, by text."""
    if store is None:
        return {}
    keys = {morphemes_key(text): text for text in texts}
    if not keys:
        return {}
    return {keys[key]: decode_morphemes(keys[key], items) for key, items in store.analysed(list(keys)).items()}


def analyse_missing(texts: list[str], known: dict[str, list[Morpheme]]) -> dict[str, list[Morpheme]]:
    """Kiwi's morphemes of the texts ``known`` lacks (each distinct text once, one batch)."""
    missing = [text for text in dict.fromkeys(texts) if text not in known]
    return dict(zip(missing, korean_morphemes(missing), strict=True)) if missing else {}


def keep_morphemes(store: MorphemeStore | None, analysed: dict[str, list[Morpheme]]) -> None:
    """Store newly analysed texts. Only time is lost when it fails (a read-only
    library, another connection holding the write lock past the busy timeout)."""
    if store is None or not analysed:
        return
    try:
        store.keep_analysed({morphemes_key(text): encode_morphemes(text, m) for text, m in analysed.items()})
    except (DuizhaoError, sqlite3.Error) as exc:
        log.info("the Korean analysis of %d texts was not stored: %s", len(analysed), exc)


def morpheme_rows(texts: Iterable[str], store: MorphemeStore | None = None) -> dict[str, list[str]]:
    """The analysis store's rows (key → encoded morphemes) for these texts, Kiwi analysing
    each distinct text once; with ``store``, only the texts it does not hold yet.

    An import calls it on its preparing thread (``library.prepare_alignment``), without a
    store, and stores the rows with the document: the index add that follows the import
    then reads them instead of running Kiwi on the window's critical path."""
    wanted = list(dict.fromkeys(texts))
    known = known_morphemes(wanted, store)
    return {morphemes_key(text): encode_morphemes(text, m) for text, m in analyse_missing(wanted, known).items()}


def stored_korean_morphemes(texts: list[str], store: MorphemeStore | None) -> list[list[Morpheme]]:
    """The morphemes of each text: read from ``store`` where it has them, analysed by
    Kiwi (and stored) where it has not. The same morphemes as ``korean_morphemes``."""
    known = known_morphemes(texts, store)
    new = analyse_missing(texts, known)
    keep_morphemes(store, new)
    known.update(new)
    return [known[text] for text in texts]


def korean_terms(text: str, morphemes: list[Morpheme] | None = None) -> list[Term]:
    if morphemes is None:
        morphemes = korean_text_morphemes(text)
    terms: list[Term] = []
    position = 0
    run: list[tuple[Morpheme, int]] = []

    def close_run() -> None:
        terms.extend(_compounds(text, run))
        run.clear()

    for m in morphemes:
        indexed = m.tag in KO_TERM_TAGS
        if m.tag in KO_COMPOUND_TAGS:
            if run and run[-1][0].end != m.start:
                close_run()
            run.append((m, position))
        elif run:
            close_run()
        if indexed:
            terms.append(Term(_ko_form(m), position, m.start, max(m.end, m.start + 1)))
            position += 1
    close_run()
    terms.sort(key=lambda t: (t.pos, t.start, t.end))
    return terms


def _ko_form(m: Morpheme) -> str:
    return fold(m.form) if m.tag in ("SH", "SL") else m.form


def _compounds(text: str, run: list[tuple[Morpheme, int]]) -> Iterator[Term]:
    """Every sub-run of two or more adjacent nouns, keyed by its surface text."""
    run = run[:KO_MAX_COMPOUND]
    for i in range(len(run)):
        if run[i][0].tag == "XSN":
            continue
        for j in range(i + 1, len(run)):
            if run[j][0].tag == "XPN":
                continue
            first, last = run[i][0], run[j][0]
            yield Term(fold(text[first.start : last.end]), run[i][1], first.start, last.end, compound=True)


def korean_query_terms(text: str, terms: list[Term] | None = None) -> tuple[list[Term], str | None]:
    """The content terms of a query word and, when its nouns form one compound
    (suffixes included: 노동집약형, 현대화), that compound's surface. ``terms``: the
    word's ``korean_terms`` when the caller has them already."""
    terms = korean_terms(text) if terms is None else terms
    parts = [t for t in terms if not t.compound]
    if not parts:
        return parts, None
    start, end = parts[0].start, parts[-1].end
    compounds = [t for t in terms if t.compound and t.start == start and t.end >= end]
    whole = max(compounds, key=lambda t: t.end).text if compounds else None
    return parts, whole


# -- notes (either language) ------------------------------------------------------
def mixed_terms(text: str, korean_analysis: Callable[[str], list[Term]] = korean_terms) -> list[Term]:
    """Terms of a text in Chinese, Korean or both (a note): each script run by its analyzer
    (``korean_analysis`` for the Korean runs: a query passes one that remembers its words)."""
    terms: list[Term] = []
    for start, end, korean in _script_runs(text):
        chunk = text[start:end]
        found = korean_analysis(chunk) if korean else chinese_terms(chunk)
        terms.extend(Term(t.text, t.pos + start, t.start + start, t.end + start) for t in found)
    return terms


def _script_runs(text: str) -> Iterator[tuple[int, int, bool]]:
    """Stretches of text split where Hangul starts or stops."""
    start = 0
    current: bool | None = None
    for i, char in enumerate(text):
        if char.isspace() or not char.isalnum():
            continue
        korean = is_hangul(char)
        if current is None:
            current = korean
        elif korean != current:
            yield start, i, current
            start, current = i, korean
    if current is not None:
        yield start, len(text), current


#: Indexes written before the tokenizers moved to ``tokenizers`` pickled them under this
#: module's name; Whoosh unpickles the schema by that name, so the old names still resolve
#: (lazily: importing this module does not import Whoosh).
_MOVED_TO_TOKENIZERS = ("ChineseTokenizer", "KoreanTokenizer", "MixedTokenizer")


def __getattr__(name: str):
    if name in _MOVED_TO_TOKENIZERS:
        from . import tokenizers

        return getattr(tokenizers, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
