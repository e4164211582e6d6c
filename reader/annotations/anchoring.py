"""Making anchors, and finding them again in a new version of a document.

Re-anchoring tries three strategies, from the most to the least certain:

1. **segment** — the segment id still exists. Ids end in a hash of the segment's
   text, so the same id means the same text and the offsets still hold.
2. **context** — the exact quote occurs in the new text. The occurrence whose
   surrounding text agrees best with the stored prefix/suffix wins (a tie is
   broken by the same place in the structure; a full tie places nothing).
3. **fuzzy** — the quote was edited: the closest span whose characters match at
   least ``FUZZY_MIN_SIMILARITY`` of the quote's, in a window not much longer
   than the quote.

Strategies 2 and 3 also need evidence beyond the quote (``_supported``): some
agreeing context, the same place in the structure, or a long quote.

What none of them places is orphaned by the caller, never dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from ..model import Document, Segment
from .model import CONTEXT_CHARS, Anchor, AnnotationError

#: Shorter quotes are too common to be placed by approximate matching.
FUZZY_MIN_CHARS = 6
FUZZY_MIN_SIMILARITY = 0.75
#: A fuzzy match may spread over at most this many times the quote's length.
FUZZY_MAX_SPREAD = 1.5

#: Evidence that a found quote is the annotated text and not a repetition of it:
#: this many characters of agreeing context, or a quote at least this long.
MIN_CONTEXT = 4
LONG_QUOTE = 12

_SEPARATOR = "\n"


@dataclass(frozen=True)
class Placement:
    """Where an anchor was found in a document, and by which strategy."""

    segment_id: str
    start: int
    end: int
    placed_by: str


class TextFlow:
    """The segments of one language that print text, in reading order.

    Context (prefix/suffix) is read from this flow, so a quote at the start of a
    sentence still has the end of the previous sentence as its prefix.
    """

    def __init__(self, document: Document, lang: str):
        self.lang = lang
        self.segments: list[Segment] = [s for s in document.segments_in(lang) if s.text]
        self.index = {s.id: i for i, s in enumerate(self.segments)}

    def segment(self, segment_id: str) -> Segment | None:
        i = self.index.get(segment_id)
        return None if i is None else self.segments[i]

    def prefix(self, segment_id: str, start: int, size: int = CONTEXT_CHARS) -> str:
        i = self.index[segment_id]
        text = self.segments[i].text[:start]
        while len(text) < size and i > 0:
            i -= 1
            text = self.segments[i].text + _SEPARATOR + text
        return text[-size:] if size else ""

    def suffix(self, segment_id: str, end: int, size: int = CONTEXT_CHARS) -> str:
        i = self.index[segment_id]
        text = self.segments[i].text[end:]
        while len(text) < size and i < len(self.segments) - 1:
            i += 1
            text = text + _SEPARATOR + self.segments[i].text
        return text[:size]


def resolve_segment(document: Document, ref: str) -> Segment:
    """A segment from its id, or from an id without its hash (``zh.p1.c1.s2``)."""
    segment = document.find_segment(ref)
    if segment is not None:
        return segment
    raise AnnotationError(f"document {document.id} has no segment {ref!r} (see `python -m reader show {document.id}`)")


def make_anchor(
    document: Document,
    segment_ref: str,
    start: int | None = None,
    end: int | None = None,
    quote: str | None = None,
) -> Anchor:
    """An anchor on a span of one segment: given by offsets, by a quote, or the whole text."""
    segment = resolve_segment(document, segment_ref)
    text = segment.text
    if not text:
        raise AnnotationError(f"segment {segment.id} has no text of its own to annotate")
    if start is None and end is None:
        if quote:
            start = text.find(quote)
            if start < 0:
                raise AnnotationError(f"segment {segment.id} does not contain {quote!r}")
            end = start + len(quote)
        else:
            start, end = 0, len(text)
    elif start is None or end is None:
        raise AnnotationError("give both start and end offsets")
    if not 0 <= start < end <= len(text):
        raise AnnotationError(f"offsets {start}–{end} are outside segment {segment.id} (length {len(text)})")
    if quote is not None and text[start:end] != quote:
        raise AnnotationError(f"segment {segment.id} has {text[start:end]!r} at {start}–{end}, not {quote!r}")
    flow = TextFlow(document, segment.lang)
    return Anchor(
        segment_id=segment.id,
        lang=segment.lang,
        quote=text[start:end],
        start=start,
        end=end,
        prefix=flow.prefix(segment.id, start),
        suffix=flow.suffix(segment.id, end),
    )


def anchor_at(flow: TextFlow, placement: Placement) -> Anchor:
    """The anchor describing a placement in the new text (quote and context refreshed)."""
    segment = flow.segment(placement.segment_id)
    assert segment is not None
    return Anchor(
        segment_id=segment.id,
        lang=flow.lang,
        quote=segment.text[placement.start : placement.end],
        start=placement.start,
        end=placement.end,
        prefix=flow.prefix(segment.id, placement.start),
        suffix=flow.suffix(segment.id, placement.end),
    )


# -- locating ----------------------------------------------------------------
def locate(anchor: Anchor, flow: TextFlow) -> Placement | None:
    """Find an anchor in (a new version of) its language's text, or None."""
    return _by_segment(anchor, flow) or _by_context(anchor, flow) or _by_fuzzy_quote(anchor, flow)


def _by_segment(anchor: Anchor, flow: TextFlow) -> Placement | None:
    segment = flow.segment(anchor.segment_id)
    if segment is None:
        return None
    if segment.text[anchor.start : anchor.end] == anchor.quote:
        return Placement(segment.id, anchor.start, anchor.end, "segment")
    found = _occurrences(segment.text, anchor.quote)
    if not found:
        return None
    start = min(found, key=lambda at: abs(at - anchor.start))
    return Placement(segment.id, start, start + len(anchor.quote), "segment")


def _occurrences(text: str, quote: str) -> list[int]:
    found = []
    at = text.find(quote)
    while at >= 0:
        found.append(at)
        at = text.find(quote, at + 1)
    return found


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_suffix(a: str, b: str) -> int:
    return _common_prefix(a[::-1], b[::-1])


def _agreement(anchor: Anchor, flow: TextFlow, segment: Segment, start: int, end: int) -> tuple[int, int]:
    """How well a candidate place fits the anchor: (characters of agreeing context, same place 0/1)."""
    context = _common_suffix(flow.prefix(segment.id, start), anchor.prefix) + _common_prefix(
        flow.suffix(segment.id, end), anchor.suffix
    )
    return context, int(segment.id.rsplit(".", 1)[0] == anchor.structural_path)


def _supported(anchor: Anchor, context: int, same_place: int) -> bool:
    """Is there evidence beyond the quote itself that this is the annotated text?

    A short phrase found somewhere else, with different text around it and in
    another place of the structure, is more likely a repetition than the
    annotated text moved: better orphaned (and shown) than silently misplaced.
    """
    return context >= MIN_CONTEXT or bool(same_place) or len(anchor.quote) >= LONG_QUOTE


def _by_context(anchor: Anchor, flow: TextFlow) -> Placement | None:
    if not anchor.quote:
        return None
    candidates: list[tuple[int, int, int, Segment]] = []
    for segment in flow.segments:
        for start in _occurrences(segment.text, anchor.quote):
            context, same_place = _agreement(anchor, flow, segment, start, start + len(anchor.quote))
            candidates.append((context, same_place, start, segment))
    if not candidates:
        return None
    candidates.sort(key=lambda c: (c[0], c[1]), reverse=True)
    context, same_place, start, segment = candidates[0]
    if not _supported(anchor, context, same_place):
        return None
    if len(candidates) > 1 and (context, same_place) == candidates[1][:2]:
        return None  # a repeated phrase with nothing to tell its occurrences apart
    return Placement(segment.id, start, start + len(anchor.quote), "context")


def fuzzy_span(quote: str, text: str) -> tuple[float, int, int]:
    """The span of text most like quote: (similarity 0–1, start, end).

    Similarity is 2·matched / (len(quote) + len(span)), the ratio difflib uses,
    computed over a window of matching blocks no wider than FUZZY_MAX_SPREAD × the quote.
    """
    blocks = [b for b in SequenceMatcher(None, text, quote, autojunk=False).get_matching_blocks() if b.size]
    best = (0.0, 0, 0)
    limit = len(quote) * FUZZY_MAX_SPREAD
    first, matched = 0, 0
    for last, block in enumerate(blocks):
        matched += block.size
        while block.a + block.size - blocks[first].a > limit:
            matched -= blocks[first].size
            first += 1
        if first > last:
            continue
        start, end = blocks[first].a, block.a + block.size
        similarity = 2 * matched / (len(quote) + end - start)
        if similarity > best[0]:
            best = (similarity, start, end)
    return best


def _by_fuzzy_quote(anchor: Anchor, flow: TextFlow) -> Placement | None:
    quote = anchor.quote
    if len(quote) < FUZZY_MIN_CHARS:
        return None
    needed = set(quote)
    best: tuple[float, int, int, int, Segment] | None = None
    for segment in flow.segments:
        # Cheap filter: a span this similar shares most of the quote's characters.
        if len(needed & set(segment.text)) < FUZZY_MIN_SIMILARITY * len(needed):
            continue
        similarity, start, end = fuzzy_span(quote, segment.text)
        if similarity < FUZZY_MIN_SIMILARITY:
            continue
        context, same_place = _agreement(anchor, flow, segment, start, end)
        if not _supported(anchor, context, same_place):
            continue
        if best is None or (similarity, same_place) > (best[0], best[1]):
            best = (similarity, same_place, start, end, segment)
    if best is None:
        return None
    return Placement(best[4].id, best[2], best[3], "fuzzy")
