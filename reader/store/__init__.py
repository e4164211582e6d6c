"""SQLite storage of documents, segments, alignment links and annotations."""

from .database import SCHEMA_VERSION, open_database
from .documents import DocumentStore
from .links import LinkStore

__all__ = ["SCHEMA_VERSION", "DocumentStore", "LinkStore", "open_database"]
