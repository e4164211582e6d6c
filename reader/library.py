"""The library: the one place where importing, storing and (later) aligning and
indexing meet. The CLI and the GUI both work through it."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from . import config, resources
from .align.embeddings import Vectors, encoder_tag, shared_encoder, stored_precision, unit_vectors
from .annotations import AnnotationRepository
from .errors import DuizhaoError
from .model import EDITABLE_METADATA, AlignmentLink, Document
from .store import DocumentStore, LinkStore, open_database
from .store.embeddings import EmbeddingStore
from .store.terms import TermStore
from .store.versions import Version, split_ref
from .text.scripts import language_notices

if TYPE_CHECKING:
    from .align.carry import LostCorrection
    from .text.formats.ocr import PageCallback

CORPUS_FLAG = "corpus_imported"


@dataclass
class CorpusEntry:
    """One document of a manifest: its files and what the text itself does not say."""

    id: str
    files: list[Path]
    metadata: dict[str, str] = field(default_factory=dict)

    @property
    def title(self) -> str:
        return self.metadata.get("title", "")


@dataclass
class PreparedImport:
    """A parsed and aligned document, not yet stored: the slow part of an import,
    made without the database so that it can run on another thread."""

    document: Document
    links: list[AlignmentLink]
    #: Sentence vectors of the units (segment id → vector) and the model tag, if the
    #: encoder is available: stored with the document, reused by every later alignment.
    vectors: Vectors | None = None
    model: str = ""
    #: What the user should know about the text (e.g. it looks Japanese), one line each.
    notices: tuple[str, ...] = ()
    #: Kiwi's morphemes of the Korean units, as rows of the analysis store (``term_analysis``:
    #: key → encoded morphemes), stored with the document: the search index, the glossary and
    #: the checks read them instead of running Kiwi again (see ``search.analysis.morpheme_rows``).
    analyses: dict[str, list[str]] = field(default_factory=dict)


def korean_analyses(document: Document, store: TermStore | None = None) -> dict[str, list[str]]:
    """The analysis store's rows for the Korean units of a document (none without Korean);
    with ``store``, only for the texts it does not hold yet. Kiwi loads with the first."""
    if "ko" not in document.languages:
        return {}
    from .search.analysis import morpheme_rows

    return morpheme_rows((s.text for s in document.units("ko")), store)


def prepare_alignment(document: Document, known: Vectors | None = None, analyse: bool = True) -> PreparedImport:
    """Embed the units (if the encoder loads), align a parsed document and analyse its
    Korean units; touches no database.

    The Korean analysis is done here, on the import's preparing thread, so that the search
    index's update after the document is stored reads it and runs no Kiwi (at 100,000
    sentences, 217 against 114 ms for a 200-sentence document, issue 18)."""
    encoder = shared_encoder()
    vectors = None
    if encoder is not None:
        vectors = stored_precision(unit_vectors([s for s in document.segments if s.is_unit], encoder, known))
    from .align.aligner import align_document  # numpy and the aligner load with the first alignment

    links = align_document(document, vectors=vectors)
    notices = tuple(language_notices(s.text for s in document.segments))
    analyses = korean_analyses(document) if analyse else {}
    return PreparedImport(document, links, vectors, encoder.tag if encoder else "", notices, analyses)


MANIFEST = "manifest.json"


def read_manifest(corpus: Path) -> list[CorpusEntry]:
    """The entries of ``corpus/manifest.json``: ``{"documents": [{"id", "files", "title", …}]}``."""
    manifest = json.loads((corpus / MANIFEST).read_text(encoding="utf-8"))
    entries = []
    for item in manifest["documents"]:
        entries.append(
            CorpusEntry(
                id=item["id"],
                files=[corpus / name for name in item["files"]],
                metadata={name: str(item[name]) for name in EDITABLE_METADATA if item.get(name)},
            )
        )
    return entries


def manifest_entry(path: str | Path) -> CorpusEntry | None:
    """The entry naming this file in a manifest.json beside it (the corpus layout), if any.

    A manifest that cannot be read is ignored: it only adds what the text does not say.
    """
    try:
        path = Path(path).resolve()
    except (OSError, RuntimeError):  # a symlink loop: the loader names it in one line
        return None
    if not (path.parent / MANIFEST).is_file():
        return None
    try:
        entries = read_manifest(path.parent)
        return next((entry for entry in entries if path in [f.resolve() for f in entry.files]), None)
    except (OSError, RuntimeError, ValueError, KeyError, TypeError):
        return None


class LibraryReader:
    """Documents, links and annotations of a library over a connection of their own,
    for reading on a background thread: in WAL mode it sees committed data only and
    never takes part in the transactions of the library's own connection."""

    def __init__(self, path: Path):
        self.db = open_database(path)
        self.documents = DocumentStore(self.db)
        self.links = LinkStore(self.db)
        self.annotations = AnnotationRepository(self.db)
        self.terms = TermStore(self.db)

    def close(self) -> None:
        self.db.close()


#: Events a library announces to its listeners, with the document id.
EVENTS = ("imported", "changed", "realigned", "deleted", "annotated", "described")


class Library:
    """Documents, alignments (and later annotations) of one data directory.

    Features that follow the data (the search index, open views) subscribe with
    ``listen(callback)``; the callback receives (event, doc_id) after the change
    is committed.
    """

    def __init__(self, database: str | Path | None = None):
        self.path = Path(database) if database else config.database_path()
        self.db = open_database(self.path)
        self.documents = DocumentStore(self.db)
        self.embeddings = EmbeddingStore(self.db)
        self.links = LinkStore(self.db, aligner=self.align)
        self.terms = TermStore(self.db)
        self._listeners: list[Callable[[str, str], None]] = []
        # Annotations listen first: they re-anchor before views and the index hear "changed".
        self.annotations = AnnotationRepository(self.db, announce=self.announce)
        self.listen(self.annotations.on_library_event)
        self.listen(self._glossary_follows)
        for doc_id in self.annotations.stale_documents():
            self.annotations.reanchor(self.documents.get(doc_id))

    def _glossary_follows(self, event: str, _doc_id: str) -> None:
        """A change of text or alignment makes the mined glossary stale."""
        if event in ("imported", "changed", "realigned", "deleted"):
            self.terms.mark_stale()

    def listen(self, callback: Callable[[str, str], None]) -> None:
        self._listeners.append(callback)

    def announce(self, event: str, doc_id: str) -> None:
        assert event in EVENTS, event
        for callback in list(self._listeners):
            callback(event, doc_id)

    def close(self) -> None:
        self.db.close()

    def reader(self) -> LibraryReader:
        """A read-only view of this library for another thread (the caller closes it)."""
        return LibraryReader(self.path)

    # -- importing ----------------------------------------------------------
    def import_files(
        self,
        paths: Sequence[str | Path],
        encoding: str | None = None,
        doc_id: str = "",
        title: str = "",
        metadata: dict[str, str] | None = None,
        ocr: str = "auto",
    ) -> Document:
        """Parse and store one document from one or two files (all or nothing)."""
        prepared = self.prepare(paths, encoding=encoding, doc_id=doc_id, title=title, metadata=metadata, ocr=ocr)
        return self.store(prepared)

    @staticmethod
    def prepare(
        paths: Sequence[str | Path],
        encoding: str | None = None,
        doc_id: str = "",
        title: str = "",
        metadata: dict[str, str] | None = None,
        ocr: str = "auto",
        on_page: PageCallback | None = None,
    ) -> PreparedImport:
        """Parse and align one document from one or two files; touches no database.

        A manifest.json beside the first file that names it supplies the metadata the
        text does not state (the id stays the file's: ids are the user's to choose);
        what the caller gives wins over it. ``on_page(done, total)`` hears of each
        page recognised by OCR; raising from it stops the import.
        """
        given = dict(metadata or {})
        if title:
            given["title"] = title
        entry = manifest_entry(paths[0]) if paths else None
        if entry is not None:
            given = {**entry.metadata, **{name: value for name, value in given.items() if value}}
        from .text.importer import parse_files  # the loaders (and OCR) load with the first import

        document = parse_files(paths, encoding=encoding, doc_id=doc_id, metadata=given, ocr=ocr, on_page=on_page)
        return prepare_alignment(document)

    def describe(self, doc_ref: str, **fields: str) -> Document:
        """Set metadata of a stored document (title, title_ko, doc_number, issuer, dates, source_url)."""
        doc_id = self.documents.resolve(doc_ref)
        self.documents.update_metadata(doc_id, **fields)
        self.announce("described", doc_id)
        return self.documents.get(doc_id)

    def store(self, prepared: PreparedImport) -> Document:
        """Store a prepared new document in one transaction, then announce it."""
        document = prepared.document
        with self.db.atomic():
            self.documents.add(document)
            self.links.replace(document.id, prepared.links)
            if prepared.vectors is not None:
                self.embeddings.put(document, prepared.model, prepared.vectors)
            if prepared.analyses:
                self.terms.keep_analysed(prepared.analyses)
        self.announce("imported", document.id)
        return document

    def _add(self, document: Document) -> Document:
        return self.store(prepare_alignment(document))

    def _replace(
        self,
        document: Document,
        links: list[AlignmentLink],
        lost: Sequence[LostCorrection] = (),
        prepared=None,
        replaced: Document | None = None,
        label: str = "",
        analyses: dict[str, list[str]] | None = None,
    ) -> Document:
        """Store a new text of an existing document with its alignment, then announce it.
        With ``replaced`` (the text it replaces) the old text is kept as a version."""
        with self.db.atomic():
            if replaced is not None:
                self.documents.versions.advance(replaced, self.links.get(replaced.id), document, label)
            self.documents.replace_segments(document)
            self.links.replace(document.id, links)
            self.links.record_lost(document.id, lost)
            if prepared is not None and prepared.vectors is not None:
                self.embeddings.put(document, prepared.model, prepared.vectors)
            analyses = prepared.analyses if prepared is not None else analyses
            if analyses:
                self.terms.keep_analysed(analyses)
        self.announce("changed", document.id)
        return document

    def reimport(self, doc_ref: str, paths: list[str | Path], encoding: str | None = None, label: str = "") -> Document:
        """Replace a document's text with a new version of it (edited text, corrected
        translation). The id stays, so everything bound to the document (alignment
        corrections, annotations) can follow the text to its new place; the text it
        replaces is kept as the previous version (``DOC@N``, see ``versions``)."""
        existing = self.documents.get(self.documents.resolve(doc_ref))
        from .text.importer import parse_files

        document = parse_files(paths, encoding=encoding, doc_id=existing.id)
        return self._store_version(existing, document, label, korean_analyses(document, self.terms))

    def store_version(self, doc_ref: str, prepared: PreparedImport, label: str = "") -> Document:
        """Store a prepared document as a new version of ``doc_ref`` (as ``reimport``)."""
        existing = self.documents.get(self.documents.resolve(doc_ref))
        prepared.document.id = existing.id
        return self._store_version(existing, prepared.document, label, prepared.analyses)

    def _store_version(
        self, existing: Document, document: Document, label: str = "", analyses: dict[str, list[str]] | None = None
    ) -> Document:
        # What the new text does not state (a title given at import, a Korean title
        # from the manifest) is kept from the previous version.
        for name in ("title_ko", "doc_number", "issuer", "date", "date_published", "source_url"):
            if not getattr(document, name):
                setattr(document, name, getattr(existing, name))
        if not any(s.kind == "title" for s in document.segments):
            document.title = existing.title
        # Pins and confirmations follow their units into the new text (see align.carry);
        # those that cannot are recorded for the review report, never dropped silently.
        corrected = [link for link in self.links.get(existing.id) if link.pinned or link.status]
        from .align.carry import carry_corrections

        links, lost = carry_corrections(existing, document, corrected, aligner=self.align)
        return self._replace(document, links, lost, replaced=existing, label=label, analyses=analyses)

    # -- versions -------------------------------------------------------------
    def versions(self, doc_ref: str) -> list[Version]:
        """The versions of a document, oldest first; the last is the current one."""
        base, number = split_ref(doc_ref)
        doc_id = self.documents.resolve(base)
        if number is not None:
            self.documents.versions.is_current(doc_id, number)  # raises UnknownVersion
        return self.documents.versions.history(doc_id, self.documents.get(doc_id))

    def version(self, ref: str) -> Document:
        """A document or one of its versions (``DOC@N``); an earlier one has the id ``DOC@N``."""
        return self.documents.get(ref)

    def label_version(self, ref: str, label: str) -> None:
        """Name a version (征求意见稿, 正式稿); ``ref`` is ``DOC@N``, or ``DOC`` for the current one."""
        doc_id, number = self._version_of(ref)
        self.documents.versions.set_label(doc_id, number, label.strip())
        self.announce("described", doc_id)

    def delete_version(self, ref: str) -> None:
        """Delete a version. Deleting the current one makes the one before it current again
        (its text, its alignment; notes follow as for a new version); the only version of a
        document cannot be deleted (delete the document)."""
        doc_id, number = self._version_of(ref)
        versions = self.documents.versions.history(doc_id, self.documents.get(doc_id))
        if len(versions) == 1:
            raise DuizhaoError(f"{ref} is the only version of {doc_id}: delete the document instead")
        if versions[-1].number != number:
            with self.db.atomic():
                self.documents.versions.remove(doc_id, number)
            self.announce("described", doc_id)
            return
        previous = versions[-2].number
        document = self.documents.versions.document(doc_id, previous)
        links = self.documents.versions.links(doc_id, previous)
        document.id = doc_id
        with self.db.atomic():
            self.documents.replace_segments(document)
            self.links.replace(doc_id, links)
            self.documents.versions.make_current(doc_id, previous)
            self.documents.versions.remove(doc_id, number)
        self.announce("changed", doc_id)

    def _version_of(self, ref: str) -> tuple[str, int]:
        base, number = split_ref(ref)
        doc_id = self.documents.resolve(base)
        if number is None:
            number = self.documents.versions.current_number(doc_id)
        self.documents.versions.is_current(doc_id, number)  # raises UnknownVersion
        return doc_id, number

    def links_of(self, document: Document) -> list[AlignmentLink]:
        """A document's stored alignment; a bilingual document stored before it was aligned
        (an older library) is aligned and stored now."""
        links = self.links.get(document.id)
        if split_ref(document.id)[1] is not None:
            return links  # an earlier version: read only, its alignment as it was
        if not links and len(document.languages) == 2:
            links = self.align(document)
            self.links.replace(document.id, links)
        return links

    def find_same(self, document: Document) -> str:
        """The id of a stored document with the same text as ``document`` ('' if none)."""
        return self.documents.find_same_text(document)

    def add_translation(self, path: str | Path, doc_ref: str, encoding: str | None = None) -> Document:
        return self.store_translation(self.prepare_translation(path, self.documents.get(doc_ref), encoding))

    @staticmethod
    def prepare_translation(
        path: str | Path, existing: Document, encoding: str | None = None, on_page: PageCallback | None = None
    ) -> PreparedImport:
        """Parse the missing language of ``existing`` and align the whole; touches no database."""
        from .text.importer import parse_translation

        document = parse_translation(path, existing, encoding, on_page=on_page)
        return prepare_alignment(document)

    def store_translation(self, prepared: PreparedImport) -> Document:
        """Store a document prepared with its translation in place of its monolingual text."""
        return self._replace(prepared.document, prepared.links, prepared=prepared)

    def delete(self, doc_id: str) -> None:
        self.documents.delete(doc_id)
        self.announce("deleted", doc_id)

    def import_corpus(self, corpus: Path | None = None) -> list[str]:
        """Import the bundled corpus once; later calls do nothing (a user who
        removed a sample document does not get it back)."""
        imported = [self.store(self.prepare_entry(entry)).id for entry in self.corpus_to_import(corpus)]
        self.mark_corpus_imported()
        return imported

    def corpus_to_import(self, corpus: Path | None = None) -> list[CorpusEntry]:
        """The bundled documents still to import: all of them at the first start, none later."""
        if self.documents.get_meta(CORPUS_FLAG):
            return []
        stored = {doc["id"] for doc in self.documents.list()}  # from a first start that was cut short
        return [entry for entry in read_manifest(corpus or resources.corpus_dir()) if entry.id not in stored]

    @staticmethod
    def prepare_entry(entry: CorpusEntry) -> PreparedImport:
        """Parse and align one bundled document with what its manifest says; touches no database."""
        from .text.importer import parse_files

        document = parse_files(entry.files, doc_id=entry.id, metadata=entry.metadata)
        # Not analysed here: at the first start there is no index yet, so its build analyses
        # the corpus anyway, and analysing it first would only hold back the first document.
        return prepare_alignment(document, analyse=False)

    def mark_corpus_imported(self) -> None:
        self.documents.set_meta(CORPUS_FLAG, "1")

    # -- alignment ------------------------------------------------------------
    def vectors(self, document: Document) -> Vectors | None:
        """The sentence vectors of a document's units: stored ones while still valid, the
        rest encoded now and stored. None if the encoder cannot load."""
        tag = encoder_tag()
        if tag is None:
            shared_encoder()  # off, or its package missing: tried once, so the notice says why
            return None
        # An earlier version (DOC@N) has no vectors of its own: those of its units whose
        # text the current version still has are valid (same text hash).
        base, number = split_ref(document.id)
        known = self.embeddings.get(dataclasses.replace(document, id=base) if number else document, tag)
        units = [s for s in document.segments if s.is_unit]
        if all(s.id in known for s in units):
            return known  # the encoder is not even loaded: a correction re-aligns at once
        encoder = shared_encoder()
        if encoder is None:
            return None
        vectors = stored_precision(unit_vectors(units, encoder, known))
        if self.db.execute("SELECT 1 FROM documents WHERE id = ?", [document.id]).fetchone():
            self.embeddings.put(document, encoder.tag, vectors)
        return vectors

    def stored_vectors(self, document: Document) -> Vectors | None:
        """The stored, still valid sentence vectors of a document's units (maybe not all of
        them; those of an earlier version are its current version's for the same texts);
        None if the encoder is off. Encodes nothing and loads no model (see ``vectors``)."""
        tag = encoder_tag()
        if tag is None:
            return None
        base, number = split_ref(document.id)
        return self.embeddings.get(dataclasses.replace(document, id=base) if number else document, tag)

    def keep_vectors(self, doc_id: str, vectors: Vectors) -> None:
        """Store vectors encoded for a document's units elsewhere (a comparison's worker);
        an earlier version's are not kept (it stores none of its own)."""
        encoder = shared_encoder()
        if encoder is None or not vectors or split_ref(doc_id)[1]:
            return
        if self.db.execute("SELECT 1 FROM documents WHERE id = ?", [doc_id]).fetchone():
            self.embeddings.put(self.documents.get(doc_id), encoder.tag, stored_precision(vectors))

    def align(self, document: Document, pinned: Sequence[AlignmentLink] = ()) -> list[AlignmentLink]:
        """Align a document with its stored sentence vectors (the aligner of the library)."""
        from .align.aligner import align_document

        return align_document(document, pinned, vectors=self.vectors(document))

    def embed_documents(self, cancelled: Callable[[], bool] | None = None) -> list[str]:
        """Compute and store the vectors of every document that lacks some (for documents
        stored before the encoder, or after a model update); returns their ids."""
        encoder = shared_encoder()
        if encoder is None:
            return []
        done = []
        for doc_id in self.embeddings.documents_missing(encoder.tag):
            if cancelled is not None and cancelled():
                break
            self.vectors(self.documents.get(doc_id))
            done.append(doc_id)
        return done

    def realign(self, doc_ref: str) -> list[AlignmentLink]:
        """Align a stored document again, keeping the user's pins and confirmations."""
        doc_id = self.documents.resolve(doc_ref)
        links = self.links.realign(doc_id)
        self.announce("realigned", doc_id)
        return links

    def pin_link(self, doc_id: str, zh_ids: list[str], ko_ids: list[str]) -> list[AlignmentLink]:
        """Pin zh_ids ↔ ko_ids as the user's correction and re-align around it."""
        links = self.links.pin(doc_id, zh_ids, ko_ids)
        self.announce("realigned", doc_id)
        return links

    def unpin_link(self, doc_id: str, unit_ids: list[str]) -> list[AlignmentLink]:
        links = self.links.unpin(doc_id, unit_ids)
        self.announce("realigned", doc_id)
        return links
