"""Compare two documents (or two versions of one) in one language.

``compare_documents(a, b, lang)`` is pure: it reads two ``Document`` objects (and their
sentence vectors, if given) and returns a ``Comparison``. ``compare(library, a_ref,
b_ref, lang)`` loads them from a library (references such as ``DOC`` or ``DOC@1``) and
uses the stored sentence vectors when the encoder is on (``DUIZHAO_ENCODER``).

Every reading unit of the language takes part: title, headings, sentences, items. A
heading is compared without its numbering (so a renumbered clause is ``continued``) and
is matched only with headings.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from ..errors import DuizhaoError
from ..export.citation import join_labels
from ..model import Document, Segment
from .abbreviations import abbreviations, expanded
from .diff import word_diff
from .matching import match_units
from .model import Comparison, Pair
from .similarity import (
    Profiles,
    blended,
    chinese_terms,
    cosine,
    korean_terms,
    meaning_matrix,
    normalized,
    vector_cosines,
)

#: Kinds compared with their own kind only (their text is a heading, not a provision).
HEADING_KINDS = frozenset({"title", "part", "clause"})
#: The lines around a document's body (number, addressee, signature, date): each is
#: compared with the same line of the other document only, never with a provision.
FRAME_KINDS = frozenset({"doc_number", "addressee", "signature", "date"})

_LANGUAGE_NAMES = {"zh": "Chinese", "ko": "Korean"}
#: Stages of ``compare_documents`` reported to ``progress`` (wording, matching, diffs).
_STAGES = 3


class Cancelled(DuizhaoError):
    """The comparison was cancelled (raised from its progress callback)."""


#: Told of the work done (steps done, steps in all, ``"encoding"`` or ``"matching"``);
#: raising ``Cancelled`` stops the comparison.
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class ComparisonTask:
    """What a comparison needs, read from a library on the thread that owns it; ``run``
    then needs no database and may run on any thread (the compare view's worker).

    ``a_vectors``/``b_vectors`` are the stored sentence vectors (None without the
    encoder); ``encode`` asks ``run`` to encode the units that have none yet.
    """

    a: Document
    b: Document
    lang: str = "zh"
    a_ref: str = ""
    b_ref: str = ""
    a_vectors: Mapping[str, np.ndarray] | None = None
    b_vectors: Mapping[str, np.ndarray] | None = None
    encode: bool = False


def prepare(library, a_ref: str, b_ref: str, lang: str = "zh") -> ComparisonTask:
    """Read two stored documents or versions (``DOC``, ``DOC@N``) and their stored vectors.

    ``library`` is a ``reader.library.Library`` (or anything with ``documents`` and, for
    the meaning signal, ``stored_vectors(document)``).
    """
    a = library.documents.get(a_ref)
    b = library.documents.get(b_ref)
    _units(a, lang), _units(b, lang)  # a missing language is an error before any work
    stored = getattr(library, "stored_vectors", None)
    a_vectors = stored(a) if stored is not None else None
    b_vectors = stored(b) if stored is not None else None
    encode = a_vectors is not None and b_vectors is not None
    return ComparisonTask(a, b, lang, a_ref, b_ref, a_vectors, b_vectors, encode)


def missing_vectors(task: ComparisonTask) -> list[Segment]:
    """The compared units of both sides that have no stored vector (encoded by ``run``)."""
    if not task.encode or task.a_vectors is None or task.b_vectors is None:
        return []
    return [s for document, vectors in ((task.a, task.a_vectors), (task.b, task.b_vectors))
            for s in _units(document, task.lang) if s.id not in vectors]  # fmt: skip


def run(task: ComparisonTask, progress: Progress | None = None) -> tuple[Comparison, dict[str, dict]]:
    """The comparison of a task, encoding the vectors it lacks first (with the process's
    encoder). Returns it with the vectors encoded now, by document id, for the library to
    keep. ``progress(done, total, stage)`` is told after each batch of sentences encoded
    (``"encoding"``) and each stage of the comparison (``"matching"``)."""
    from ..align.embeddings import shared_encoder, unit_vectors

    todo = missing_vectors(task)
    encoder = shared_encoder() if todo else None
    total = len(todo) + _STAGES
    tell = progress or (lambda done, total, stage: None)
    encoded: dict[str, dict] = {}
    a_vectors, b_vectors = task.a_vectors, task.b_vectors
    if encoder is not None:
        found = unit_vectors(todo, encoder, progress=lambda done, _all: tell(done, total, "encoding"))
        ids_a = {s.id for s in _units(task.a, task.lang)}
        ids_b = {s.id for s in _units(task.b, task.lang)}  # versions share ids (same text, same vector)
        new_a = {k: v for k, v in found.items() if k in ids_a}
        new_b = {k: v for k, v in found.items() if k in ids_b}
        a_vectors, b_vectors = {**(a_vectors or {}), **new_a}, {**(b_vectors or {}), **new_b}
        encoded = {task.a.id: new_a, task.b.id: new_b}
    done = len(todo)
    comparison = compare_documents(
        task.a, task.b, task.lang, a_vectors, b_vectors, task.a_ref, task.b_ref,
        progress=lambda stage: tell(done + stage, total, "matching"),
    )  # fmt: skip
    return comparison, {doc_id: vectors for doc_id, vectors in encoded.items() if vectors}


def compare(library, a_ref: str, b_ref: str, lang: str = "zh") -> Comparison:
    """Compare two stored documents or versions (``DOC``, ``DOC@N``) of a library,
    keeping the sentence vectors it had to encode."""
    comparison, encoded = run(prepare(library, a_ref, b_ref, lang))
    keep = getattr(library, "keep_vectors", None)
    if keep is not None:
        for doc_id, vectors in encoded.items():
            keep(doc_id, vectors)
    return comparison


def compare_documents(
    a: Document,
    b: Document,
    lang: str = "zh",
    a_vectors: Mapping[str, np.ndarray] | None = None,
    b_vectors: Mapping[str, np.ndarray] | None = None,
    a_ref: str = "",
    b_ref: str = "",
    progress: Callable[[int], None] | None = None,
) -> Comparison:
    """The comparison of ``a`` with ``b`` in ``lang``; pairs in B's reading order.
    ``progress(stage)`` is told after each of its stages (1 … 3); it may raise to stop."""
    tell = progress or (lambda stage: None)
    a_units, b_units = _units(a, lang), _units(b, lang)
    profiles = Profiles([_wording(s) for s in a_units], [_wording(s) for s in b_units])
    wording = profiles.matrix()
    sim = wording
    if a_vectors and b_vectors:
        meaning = meaning_matrix([a_vectors.get(s.id) for s in a_units], [b_vectors.get(s.id) for s in b_units])
        sim = blended(sim, meaning)
    joiner = " " if lang == "ko" else ""
    tell(1)

    def joined(ai: list[int], bi: list[int]) -> float:
        a_text = joiner.join(_wording(a_units[i]) for i in ai)
        b_text = joiner.join(_wording(b_units[j]) for j in bi)
        return cosine(profiles.of(a_text), profiles.of(b_text))

    def related(allowed: np.ndarray) -> list[np.ndarray]:
        """The signals of two different documents: wording, terms, meaning (see ``similarity``)."""
        return list(successor_signals(a_units, b_units, lang, a_vectors, b_vectors, wording).values())

    a_class, b_class = [_class(s) for s in a_units], [_class(s) for s in b_units]
    sections = (unit_sections(a, a_units), unit_sections(b, b_units))
    matches = match_units(sim, a_class, b_class, joined, related, sections)
    tell(2)
    a_parts, b_parts = _parts(a, lang), _parts(b, lang)
    keyed: list[tuple[tuple, Pair]] = []
    a_matched: dict[int, int] = {}  # A index → B index of its in-order match (dropped units follow it)
    for match in matches:
        sa, sb = [a_units[i] for i in match.a], [b_units[j] for j in match.b]
        a_text, b_text = joiner.join(s.printed for s in sa), joiner.join(s.printed for s in sb)
        if match.moved:
            status = "moved"
        elif normalized("".join(_wording(s) for s in sa)) == normalized("".join(_wording(s) for s in sb)):
            status = "continued"
        else:
            status = "reworded"
        pair = Pair(
            a_ids=tuple(s.id for s in sa),
            b_ids=tuple(s.id for s in sb),
            a_text=a_text,
            b_text=b_text,
            status=status,
            similarity=min(1.0, float(match.similarity)),
            diff=word_diff(a_text, b_text, lang),
            a_part=a_parts.get(sa[0].id, ""),
            b_part=b_parts.get(sb[0].id, ""),
            kind=sb[0].kind,
        )
        keyed.append(((match.b[0], 1, 0), pair))
        if not match.moved:
            for i in match.a:
                a_matched[i] = match.b[-1]
    matched_b = {j for m in matches for j in m.b}
    matched_a = {i for m in matches for i in m.a}
    for j, s in enumerate(b_units):
        if j not in matched_b:
            pair = Pair(
                (),
                (s.id,),
                "",
                s.printed,
                "new",
                0.0,
                word_diff("", s.printed, lang),
                "",
                b_parts.get(s.id, ""),
                s.kind,
            )
            keyed.append(((j, 1, 0), pair))
    anchor = -1
    for i, s in enumerate(a_units):
        if i in a_matched:
            anchor = a_matched[i]
        elif i not in matched_a:
            pair = Pair(
                (s.id,),
                (),
                s.printed,
                "",
                "dropped",
                0.0,
                word_diff(s.printed, "", lang),
                a_parts.get(s.id, ""),
                "",
                s.kind,
            )
            keyed.append(((anchor, 2, i), pair))
    keyed.sort(key=lambda item: item[0])
    tell(3)
    return Comparison(
        a=a_ref or a.id,
        b=b_ref or b.id,
        lang=lang,
        pairs=tuple(pair for _, pair in keyed),
        a_title=a.title,
        b_title=b.title,
        a_number=a.doc_number,
        b_number=b.doc_number,
    )


def successor_signals(
    a_units: Sequence[Segment],
    b_units: Sequence[Segment],
    lang: str,
    a_vectors: Mapping[str, np.ndarray] | None = None,
    b_vectors: Mapping[str, np.ndarray] | None = None,
    wording: np.ndarray | None = None,
) -> dict[str, np.ndarray]:
    """The signals two different documents are matched on, by name (len(a) × len(b) each):
    ``wording`` (character bigrams), ``terms`` (jieba terms in Chinese, Kiwi's runs of
    nouns and verb stems in Korean, ``reader.terms.words``) and, with sentence vectors on
    both sides, ``meaning`` (their cosine). In Chinese the abbreviations the two texts
    use are read with what they stand for (“两高” with 高耗能、高排放, see
    ``abbreviations``); ``wording``, if given, is the bigram matrix of the texts as written."""
    a_texts, b_texts = [_wording(s) for s in a_units], [_wording(s) for s in b_units]
    if lang == "zh" and (table := abbreviations(a_texts, b_texts)):
        a_texts, b_texts = expanded(a_texts, table), expanded(b_texts, table)
        wording = None
    signals = {"wording": wording if wording is not None else Profiles(a_texts, b_texts).matrix()}
    if lang == "zh":
        signals["terms"] = Profiles(a_texts, b_texts, grams=chinese_terms).matrix()
    elif lang == "ko":
        signals["terms"] = Profiles(a_texts, b_texts, grams=korean_terms(a_texts + b_texts)).matrix()
    if a_vectors and b_vectors:
        cosines = vector_cosines([a_vectors.get(s.id) for s in a_units], [b_vectors.get(s.id) for s in b_units])
        if cosines is not None:
            signals["meaning"] = cosines
    return signals


def unit_sections(document: Document, units: Sequence[Segment]) -> list[list[int]]:
    """For each unit, the indices (in ``units``) of the part and clause headings it
    stands under, nearest first."""
    lang = units[0].lang if units else ""
    by_id = {s.id: s for s in document.segments if s.lang == lang}
    index = {s.id: k for k, s in enumerate(units)}
    out = []
    for unit in units:
        heads, parent = [], unit.parent
        while parent is not None and parent in by_id:
            if by_id[parent].kind in ("part", "clause") and parent in index:
                heads.append(index[parent])
            parent = by_id[parent].parent
        out.append(heads)
    return out


def unit_classes(units: Sequence[Segment]) -> list[str]:
    """What each unit may be matched with: ``heading``, ``text`` or its frame kind."""
    return [_class(s) for s in units]


def _units(document: Document, lang: str) -> list[Segment]:
    if lang not in _LANGUAGE_NAMES:
        raise DuizhaoError(f"cannot compare in {lang!r}: choose zh or ko")
    units = document.units(lang)
    if not units:
        raise DuizhaoError(f"{document.id} has no {_LANGUAGE_NAMES[lang]} text to compare")
    return units


def _wording(segment: Segment) -> str:
    """What a unit is compared on: a heading without its numbering, a sentence whole."""
    return segment.body if segment.kind in HEADING_KINDS or segment.kind == "item" else segment.text


def _class(segment: Segment) -> str:
    if segment.kind in FRAME_KINDS:
        return segment.kind
    return "heading" if segment.kind in HEADING_KINDS else "text"


def _parts(document: Document, lang: str) -> dict[str, str]:
    """Segment id → the labels of the part and clause it stands in (``二（三）``)."""
    by_id = {s.id: s for s in document.segments if s.lang == lang}
    out: dict[str, str] = {}
    for segment in by_id.values():
        labels: list[str] = []
        current: Segment | None = segment
        while current is not None:
            if current.kind in ("part", "clause") and current.label:
                labels.append(current.label)
            current = by_id.get(current.parent) if current.parent else None
        out[segment.id] = join_labels(labels[::-1])
    return out
