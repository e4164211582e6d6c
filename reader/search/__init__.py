"""Bilingual full-text search: a Whoosh index of every reading unit, with jieba
(Chinese) and kiwipiepy (Korean) analysis, exact highlights and the aligned
counterpart of each hit.

analysis (text → terms with offsets) → entries (document → index entries) →
index (build, follow the library, search) ← query (the query language) and
highlight (offsets of the matched words). No Qt here.
"""

from .index import IndexUnavailable, SearchHit, SearchIndex, SearchResults
from .query import QueryError, parse_query

__all__ = ["IndexUnavailable", "QueryError", "SearchHit", "SearchIndex", "SearchResults", "parse_query"]
