"""Exact highlight offsets of the matched words in each hit.

Whoosh's highlighter re-tokenizes the text and assumes tokens do not overlap;
jieba's search mode yields overlapping words (中西 / 西部 / 中西部), so it marks the
wrong characters. Here the offsets come from the index itself: every term was
stored with the characters it came from, so a hit's spans are read from the
postings of the query's terms (and, for a sequence, only where its terms stand at
the right distances). A prefix can stand for many terms: the ones to read are
found in the hit's own text. A string looked for inside terms (a one-character
Chinese query) is marked wherever it occurs, which is exactly where it matched.
"""

from __future__ import annotations

from collections import defaultdict

from whoosh.reading import TermNotFound

from . import analysis
from .ordered import Capture
from .query import Leaf

Span = tuple[int, int]

#: Longest term (in characters) a prefix is looked up to.
MAX_PREFIX_TERM = 16


def merge_spans(spans: list[Span]) -> list[list[int]]:
    """Sorted spans with overlapping or touching ones joined."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged


def highlight_hits(
    searcher,
    hits: list[tuple[int, str, str]],
    leaves: list[Leaf],
    prefixes: dict[tuple[str, str], list[str]] | None = None,
    capture: Capture | None = None,
) -> dict[int, list[list[int]]]:
    """Spans per document number, for hits given as (docnum, lang, text).

    ``prefixes`` maps (field, prefix) to the terms the prefix stands for, when the
    search has expanded it already (otherwise the index is asked for each candidate).
    ``capture``: what the reading-order walk saw of the terms' postings at these hits;
    the postings are read again only for what it does not know.
    """
    spans: dict[int, list[Span]] = defaultdict(list)
    for leaf in leaves:
        targets = sorted((docnum, text) for docnum, lang, text in hits if lang == leaf.field)
        if not targets:
            continue
        if leaf.contains:
            for docnum, text in targets:
                folded = analysis.fold(text)
                start = folded.find(leaf.contains)
                while start >= 0:
                    spans[docnum].append((start, start + len(leaf.contains)))
                    start = folded.find(leaf.contains, start + 1)
        elif leaf.prefix:
            expansion = (prefixes or {}).get((leaf.field, leaf.prefix))
            _prefix_spans(searcher, leaf, targets, spans, None if expansion is None else set(expansion), capture)
        else:
            _sequence_spans(searcher, leaf, [d for d, _ in targets], spans, capture)
    return {docnum: merge_spans(spans.get(docnum, [])) for docnum, _, _ in hits}


def _term_chars(
    searcher, field: str, text: str, docnums: list[int], capture: Capture | None = None, prefix: str | None = None
) -> dict[int, dict[int, Span]]:
    """docnum → {position: (start, end)} for one term in the given documents.

    What ``capture`` knows (the term, or every term of ``prefix``, at a hit) is decoded
    from the value the walk kept; the postings are opened for the rest only.
    """
    out: dict[int, dict[int, Span]] = {}
    if capture is not None:
        key = (field, text)
        values = capture.values.get(key, {})
        unknown = []
        decode = None
        for docnum in docnums:
            if key in capture.known.get(docnum, ()) or (
                prefix is not None and (field, prefix) in capture.prefixes.get(docnum, ())
            ):
                value = values.get(docnum)
                if value is not None:
                    if decode is None:
                        decode = searcher.schema[field].format.decoder("characters")
                    out[docnum] = {pos: (start, end) for pos, start, end in decode(value)}
            else:
                unknown.append(docnum)
        if unknown:
            out.update(_term_chars(searcher, field, text, unknown))
        return out
    try:
        matcher = searcher.reader().postings(field, text)
    except TermNotFound:
        return out
    for docnum in docnums:
        if not matcher.is_active():
            break
        if matcher.id() < docnum:
            matcher.skip_to(docnum)
        if matcher.is_active() and matcher.id() == docnum:
            out[docnum] = {pos: (start, end) for pos, start, end in matcher.value_as("characters")}
    return out


def _sequence_spans(
    searcher, leaf: Leaf, docnums: list[int], spans: dict[int, list[Span]], capture: Capture | None = None
) -> None:
    per_term = [(_term_chars(searcher, leaf.field, text, docnums, capture), offset) for text, offset in leaf.sequence]
    first, _ = per_term[0]
    for docnum, positions in first.items():
        for pos, (start, end) in positions.items():
            found = [start, end]
            for chars, offset in per_term[1:]:
                other = chars.get(docnum, {}).get(pos + offset)
                if other is None:
                    break
                found = [min(found[0], other[0]), max(found[1], other[1])]
            else:
                spans[docnum].append((found[0], found[1]))


def _prefix_spans(
    searcher,
    leaf: Leaf,
    targets: list[tuple[int, str]],
    spans: dict[int, list[Span]],
    terms: set[str] | None,
    capture: Capture | None = None,
) -> None:
    """Spans of the terms a prefix stood for in these hits.

    The candidates are the strings of the text that start with the prefix and are
    terms of the index (``terms``, the prefix's expansion, when known); their stored
    offsets then say exactly where each occurs.
    """
    reader = searcher.reader()

    def is_term(text: str) -> bool:
        return text in terms if terms is not None else (leaf.field, text) in reader

    size = len(leaf.prefix)
    candidates: set[str] = set()
    for _, text in targets:
        folded = analysis.fold(text)
        start = folded.find(leaf.prefix)
        while start >= 0:
            end = start + size
            while end <= len(folded) and end - start <= MAX_PREFIX_TERM:
                if is_term(folded[start:end]):
                    candidates.add(folded[start:end])
                if end < len(folded) and not folded[end].isalnum():
                    break
                end += 1
            start = folded.find(leaf.prefix, start + 1)
    docnums = [docnum for docnum, _ in targets]
    for term in candidates:
        for docnum, positions in _term_chars(searcher, leaf.field, term, docnums, capture, leaf.prefix).items():
            spans[docnum].extend(positions.values())
