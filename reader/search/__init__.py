"""Bilingual full-text search: a Whoosh index of every reading unit, with jieba
(Chinese) and kiwipiepy (Korean) analysis, exact highlights and the aligned
counterpart of each hit.

analysis (text → terms with offsets) → entries (document → index entries) →
index (build, follow the library, search) ← query (the query language) and
highlight (offsets of the matched words). No Qt here.

Whoosh loads with the index or the query language, not with the package: the term
checks use ``analysis`` alone, and a start or a ``qa`` run that searches nothing never
imports the index.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .index import IndexUnavailable, SearchHit, SearchIndex, SearchResults
    from .query import QueryError, parse_query

__all__ = ["IndexUnavailable", "QueryError", "SearchHit", "SearchIndex", "SearchResults", "parse_query"]
_HOMES = {
    "IndexUnavailable": ".index",
    "SearchHit": ".index",
    "SearchIndex": ".index",
    "SearchResults": ".index",
    "QueryError": ".query",
    "parse_query": ".query",
}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(_HOMES[name], __name__), name)
