"""What an annotation is: a highlight with a note, tags and a star, anchored to text.

The anchor follows the W3C Web Annotation data model. A ``TextPositionSelector``
alone breaks as soon as the text is edited and a ``TextQuoteSelector`` alone is
ambiguous when a phrase repeats, so the anchor keeps both, scoped to one segment
of the document: the segment id, the exact quote, a little context before and
after it, and the character offsets of the quote inside the segment's text.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..errors import DuizhaoError
from ..text.characters import strip_unsafe

#: Highlight colours, in the order of their keys 1–6 (and more): name → hex.
COLORS: dict[str, str] = {
    "yellow": "#ffe066",
    "green": "#a9e34b",
    "blue": "#74c0fc",
    "pink": "#faa2c1",
    "purple": "#b197fc",
    "orange": "#ffa94d",
    "red": "#ff8787",
    "gray": "#ced4da",
}
DEFAULT_COLOR = "yellow"


def color_for_key(key: int) -> str:
    """The colour of number key 1, 2, … (in the order of COLORS)."""
    names = list(COLORS)
    if not 1 <= key <= len(names):
        raise ValueError(f"no colour for key {key}")
    return names[key - 1]


#: Where an annotation stands after its document was re-imported.
ANCHORED = "anchored"
ORPHANED = "orphaned"
STATES = (ANCHORED, ORPHANED)

#: How an anchor was last placed: at creation, or by each re-anchoring strategy.
PLACED_BY = ("created", "segment", "context", "fuzzy")

#: Characters of context kept before and after the quote.
CONTEXT_CHARS = 32


@dataclass(slots=True)
class Anchor:
    """Where an annotation sits: a span of one segment's text.

    ``start``/``end`` are offsets into the segment's text (Python string indices,
    i.e. Unicode code points, as W3C selectors count); ``prefix``/``suffix`` are
    the text just before and after the quote in the reading flow of its language,
    which may reach into neighbouring segments.
    """

    segment_id: str
    lang: str
    quote: str
    start: int
    end: int
    prefix: str = ""
    suffix: str = ""

    @property
    def structural_path(self) -> str:
        """The segment id without its content hash: the place in the structure."""
        return self.segment_id.rsplit(".", 1)[0]

    def as_dict(self) -> dict:
        return {
            "segment_id": self.segment_id,
            "lang": self.lang,
            "quote": self.quote,
            "prefix": self.prefix,
            "suffix": self.suffix,
            "start": self.start,
            "end": self.end,
        }

    def selectors(self) -> dict:
        """The W3C selector of this anchor: the segment refined by quote and position."""
        return {
            "type": "FragmentSelector",
            "value": self.segment_id,
            "refinedBy": [
                {"type": "TextQuoteSelector", "exact": self.quote, "prefix": self.prefix, "suffix": self.suffix},
                {"type": "TextPositionSelector", "start": self.start, "end": self.end},
            ],
        }


@dataclass(slots=True)
class Annotation:
    """One highlight of one span, with what the reader wrote about it.

    A value read from the database: change annotations through the repository,
    not by assigning to these fields. (Not a frozen dataclass only because frozen
    ones are several times slower to build, and the panel loads tens of thousands.)
    """

    id: str
    doc_id: str
    anchor: Anchor
    color: str = DEFAULT_COLOR
    note: str = ""
    tags: tuple[str, ...] = ()
    starred: bool = False
    created: str = ""
    updated: str = ""
    state: str = ANCHORED
    placed_by: str = "created"
    #: Reading-order position of the anchor's segment in the document (-1 when orphaned).
    position: int = -1

    @property
    def color_hex(self) -> str:
        return COLORS.get(self.color, COLORS[DEFAULT_COLOR])

    @property
    def orphaned(self) -> bool:
        return self.state == ORPHANED

    def with_fields(self, **changes) -> Annotation:
        return replace(self, **changes)

    def as_dict(self) -> dict:
        """The JSON shape of ``python -m reader notes --json`` (one list item)."""
        return {
            "id": self.id,
            "doc_id": self.doc_id,
            "state": self.state,
            "color": self.color,
            "note": self.note,
            "tags": list(self.tags),
            "starred": self.starred,
            "created": self.created,
            "updated": self.updated,
            "anchor": self.anchor.as_dict(),
        }


#: The fields a user edits (what undo and redo of an edit restore).
EDITABLE = ("color", "note", "tags", "starred")


def normalize_tags(tags) -> tuple[str, ...]:
    """Tags as typed → trimmed, without '#', duplicates removed, order kept."""
    seen: dict[str, None] = {}
    for tag in tags or ():
        cleaned = " ".join(strip_unsafe(str(tag)).split()).lstrip("#").strip()
        if cleaned and cleaned.casefold() not in {t.casefold() for t in seen}:
            seen[cleaned] = None
    return tuple(seen)


class AnnotationError(DuizhaoError):
    """An annotation cannot be made or changed as asked (unknown colour, segment, id)."""


def check_color(color: str) -> str:
    name = color.strip().lower()
    if name not in COLORS:
        raise AnnotationError(f"unknown colour {color!r}: choose one of {', '.join(COLORS)}")
    return name
