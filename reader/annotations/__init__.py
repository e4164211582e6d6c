"""Highlights and notes on spans of a document, bound to both languages.

model (what an annotation is) → anchoring (finding text again after an edit) →
repository (SQLite, undo/redo, re-anchoring) → marks (what the panes draw) and
query (what the annotations panel lists). No Qt here.
"""

from .anchoring import Placement, locate, make_anchor, resolve_segment
from .marks import Mark, marks_by_language
from .model import ANCHORED, COLORS, DEFAULT_COLOR, ORPHANED, Anchor, Annotation, AnnotationError, color_for_key
from .repository import ANNOTATED, AnnotationRepository, Change, ReanchorReport

__all__ = [
    "ANCHORED",
    "ANNOTATED",
    "COLORS",
    "DEFAULT_COLOR",
    "ORPHANED",
    "Anchor",
    "Annotation",
    "AnnotationError",
    "AnnotationRepository",
    "Change",
    "Mark",
    "Placement",
    "ReanchorReport",
    "color_for_key",
    "locate",
    "make_anchor",
    "marks_by_language",
    "resolve_segment",
]
