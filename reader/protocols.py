"""Typed seams between the parts: what the UI (and what the UI hands the library to: the
search index, the briefing export) uses of a library.

``reader.library.Library`` implements ``LibraryProtocol`` (mypy checks it below, a test
checks the members at run time); the UI depends on the protocol, so a panel or controller
can be tested with any object that has these members.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    import numpy as np

    from .annotations.repository import AnnotationRepository
    from .library import CorpusEntry, Library, LibraryReader, PreparedImport
    from .model import AlignmentLink, Document
    from .store.documents import DocumentStore
    from .store.links import LinkStore
    from .store.terms import TermStore
    from .store.versions import Version


@runtime_checkable
class LibraryProtocol(Protocol):
    """Documents, alignments and annotations of one data directory, and the events that
    announce their changes (``listen(callback)``: callback(event, doc_id) after commit)."""

    path: Path
    documents: DocumentStore
    links: LinkStore
    annotations: AnnotationRepository
    terms: TermStore

    def listen(self, callback: Callable[[str, str], None]) -> None: ...

    def reader(self) -> LibraryReader:
        """A read-only view over a connection of its own, for a background thread."""
        ...

    def prepare(
        self,
        paths: Sequence[str | Path],
        encoding: str | None = None,
        doc_id: str = "",
        title: str = "",
        *,
        on_page: Callable[[int, int], None] | None = None,
    ) -> PreparedImport:
        """Parse and align (any thread; touches no database)."""
        ...

    def store(self, prepared: PreparedImport) -> Document:
        """Store a prepared import in one transaction (the GUI thread)."""
        ...

    def prepare_translation(
        self,
        path: str | Path,
        existing: Document,
        encoding: str | None = None,
        on_page: Callable[[int, int], None] | None = None,
    ) -> PreparedImport: ...

    def store_translation(self, prepared: PreparedImport) -> Document: ...

    def store_version(self, doc_ref: str, prepared: PreparedImport) -> Document:
        """Store a prepared import as a new version of a stored document."""
        ...

    def find_same(self, document: Document) -> str:
        """The stored document with the same text ('' if none)."""
        ...

    def describe(self, doc_ref: str, **fields: str) -> Document:
        """Set metadata fields of a stored document (and announce it)."""
        ...

    def links_of(self, document: Document) -> list[AlignmentLink]: ...

    def stored_vectors(self, document: Document) -> dict[str, np.ndarray] | None:
        """Stored sentence vectors of a document's units (None: encoder off); encodes nothing."""
        ...

    def keep_vectors(self, doc_id: str, vectors: dict[str, np.ndarray]) -> None:
        """Store vectors encoded elsewhere (a comparison's worker)."""
        ...

    def versions(self, doc_ref: str) -> list[Version]:
        """The versions of a document, oldest first (the last is the current one)."""
        ...

    def delete(self, doc_id: str) -> None: ...

    def import_corpus(self, corpus: Path | None = None) -> list[str]: ...

    def corpus_to_import(self, corpus: Path | None = None) -> list[CorpusEntry]: ...

    def prepare_entry(self, entry: CorpusEntry) -> PreparedImport:
        """Parse and align a bundled document (any thread; touches no database)."""
        ...

    def mark_corpus_imported(self) -> None: ...

    def close(self) -> None: ...


if TYPE_CHECKING:

    def _library_implements_the_protocol(library: Library) -> LibraryProtocol:
        return library  # mypy: Library must match LibraryProtocol member by member
