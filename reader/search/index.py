"""The search index of a library: building, following changes, searching.

Layout of the index directory::

    stamp.json    which generation is current, the version it was built with,
                  and a fingerprint of every indexed document
    g<N>/         a Whoosh index (one "generation")
    g<N>.lock     held (shared) by every process that builds or searches g<N>

A rebuild writes a new generation next to the current one and switches the stamp
when it is complete, so searches keep working on the old generation meanwhile, and
a crash mid-rebuild leaves the old one in place. A generation is removed only when
no process holds it (``reader.search.generations``): two processes rebuilding at
once both finish, and a killed rebuild's partial generation goes at the next open.
A missing or unreadable stamp, a version that differs from this program's (analyzer, schema, jieba, Kiwi, OpenCC),
or a generation Whoosh cannot open means the index is rebuilt.

Between rebuilds the index follows the library: it listens to library events and
re-indexes one document at a time; ``sync`` compares the fingerprints in the stamp
with the library's, which catches changes made while the index was not listening
(e.g. ``python -m reader import`` while the window is open).

Threads: the CLI writes on its own thread. The GUI (``start``) hands every write to
one background worker, which drains a queue of changed documents; searches meanwhile
read the last committed generation. ``close`` cancels the worker between documents
(an unfinished rebuild's generation is dropped; the next start rebuilds) and joins
every thread the index started, so no native code (Kiwi, jieba) is still running
when the interpreter finalizes.
"""

from __future__ import annotations

import bisect
import json
import logging
import os
import queue
import shutil
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Generator, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh import reading as whoosh_reading

from .. import config
from ..errors import DuizhaoError
from . import analysis
from .codec import SearchCodec
from .entries import IndexEntry, SegmentNotes, document_entries, fingerprint
from .generations import GenerationHold, remove_unused
from .highlight import highlight_hits
from .ordered import Capture, first_matches
from .query import QueryError, compile_query, parse_query
from .ranked import ranked_matches
from .schema import build_schema, index_version
from .tokenizers import KoreanText

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]

STAMP = "stamp.json"
#: How long a writer waits for another process (CLI, second window) to finish.
WRITER_TIMEOUT = 30.0
#: Segments an index may hold (one from the rebuild, the rest from updates) before the
#: updates' small segments are merged.
SMALL_SEGMENTS = 8


def _korean_texts(entries: list[IndexEntry]) -> list[str]:
    return [e.text for e in entries if e.lang == "ko"]


class _KoreanAhead:
    """The Korean morphemes of entries: those the library has stored are known at once,
    the others are analysed on a thread of their own while the caller writes the Chinese
    entries (which come first in each document): Kiwi runs in native code without the
    GIL, so a 200-sentence update does not wait for Kiwi and then for Whoosh one after
    the other. ``next`` hands out one entry's morphemes in order, waiting for the
    analysis the first time; ``new`` holds what Kiwi analysed, for the store."""

    def __init__(
        self,
        entries: list[IndexEntry],
        known: dict[str, list],
        start_thread: Callable[[Callable[[], None], str], threading.Thread],
    ):
        self._texts = _korean_texts(entries)
        self._known = known
        self.new: dict[str, list] = {}
        self._error: BaseException | None = None
        self._items = None
        missing = any(text not in known for text in self._texts)
        self._thread = start_thread(self._run, "search-index-korean") if missing else None

    def _run(self) -> None:
        try:
            self.new = analysis.analyse_missing(self._texts, self._known)
        except BaseException as exc:  # raised on the writing thread, by ``__next__``
            self._error = exc

    def join(self) -> None:
        if self._thread is not None:
            self._thread.join()

    def __iter__(self):
        return self

    def __next__(self):
        if self._items is None:
            self.join()
            if self._error is not None:
                raise self._error
            self._items = iter([self.new[t] if t in self.new else self._known[t] for t in self._texts])
        return next(self._items)


def _merge_all_but_largest(writer, segments: list) -> list:
    """A Whoosh merge policy: every segment but the largest goes into the new one."""
    if len(segments) < 2:
        return segments
    largest = max(segments, key=lambda segment: segment.doc_count_all())
    for segment in segments:
        if segment is not largest:
            reader = whoosh_reading.SegmentReader(writer.storage, writer.schema, segment)
            writer.add_reader(reader)
            reader.close()
    return [largest]


def _stored_fields(searcher, docnums: list[int]) -> list[dict]:
    """The stored fields of these entries, read from each segment's per-document reader.

    ``Searcher.stored_fields`` copies every dict through a filter against the schema
    (for fields removed since a segment was written), a third of the cost of a hit's
    stored fields; here any change of the schema rebuilds the index, so no entry holds
    such a field. A reader without that part of Whoosh's layout is asked the usual way.
    """
    leaves = list(searcher.reader().leaf_readers())
    bases = [base for _, base in leaves]
    out = []
    for docnum in docnums:
        reader, base = leaves[bisect.bisect_right(bases, docnum) - 1]
        perdoc = getattr(reader, "_perdoc", None)
        out.append(reader.stored_fields(docnum - base) if perdoc is None else perdoc.stored_fields(docnum - base))
    return out


class IndexUnavailable(DuizhaoError):
    """The index cannot answer right now (being rebuilt, or damaged)."""


class IndexClosed(Exception):
    """Raised inside a write when ``close`` cancelled it."""


@dataclass
class SearchHit:
    doc: str
    segment_id: str
    lang: str
    kind: str
    position: int
    text: str
    highlights: list[list[int]]
    counterpart: str
    counterpart_ids: list[str]
    part: str
    clause: str
    notes: str = ""
    tags: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        """The JSON shape of ``python -m reader search --json`` (one hit)."""
        return {
            "doc": self.doc,
            "segment_id": self.segment_id,
            "lang": self.lang,
            "text": self.text,
            "highlights": [list(span) for span in self.highlights],
            "counterpart": self.counterpart,
            "counterpart_ids": list(self.counterpart_ids),
            "part": self.part,
            "clause": self.clause,
            "kind": self.kind,
            "position": self.position,
            "notes": self.notes,
            "tags": list(self.tags),
        }


@dataclass
class SearchResults:
    query: str
    hits: list[SearchHit]
    offset: int = 0
    has_more: bool = False


def _read_json(path: Path) -> dict | None:
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return value if isinstance(value, dict) else None


def _write_json(path: Path, value: dict) -> None:
    # A temporary name of this process's own: two processes may write the stamp at once.
    tmp = path.with_name(f"{path.stem}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        tmp.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


class SearchIndex:
    """Full-text index of one library's reading units (see the module docstring).

    Thread use: searches run on the caller's thread; writes (rebuild, updates) are
    serialized by a lock. While the background worker runs, documents that change
    are queued and the worker indexes them before it ends. Background threads read
    the library through a connection of their own (``Library.reader``): in WAL mode
    it sees committed data only and never takes part in the GUI's transactions.
    """

    def __init__(self, library, directory: str | Path | None = None):
        self.library = library
        self.directory = Path(directory) if directory else config.index_dir()
        self._ix = None
        self._searcher = None
        self._stamp: dict = {}
        self._hold: GenerationHold | None = None  # keeps the open generation from other processes' cleanup
        self._write_lock = threading.RLock()
        self._search_lock = threading.RLock()
        self._building: threading.Thread | None = None  # the background worker
        self._merging: threading.Thread | None = None  # merging the updates' segments
        self._threads: list[threading.Thread] = []  # every thread started, joined by close()
        self._cancel = threading.Event()
        self._finished: Callable[[], None] | None = None
        self._pending: set[str] = set()
        self._vocabularies: dict[str, list[str]] = {}
        self._state_lock = threading.Lock()
        self._busy = False  # a background thread owns the writes
        self._following = False
        self._in_background = False  # library events go to the worker
        self._owner = threading.current_thread()
        self._reader = None  # the background threads' view of the library, opened on first use
        self.progress: tuple[int, int] | None = None

    def _source(self):
        """Where to read documents, links and annotations on the current thread."""
        if threading.current_thread() is self._owner or not hasattr(self.library, "reader"):
            return self.library
        with self._state_lock:
            if self._reader is None:
                self._reader = self.library.reader()
            return self._reader

    # -- opening ------------------------------------------------------------------
    @property
    def building(self) -> bool:
        return self._busy

    @property
    def ready(self) -> bool:
        return self._ix is not None

    @property
    def closed(self) -> bool:
        return self._cancel.is_set()

    @property
    def document_count(self) -> int:
        return len(self._stamp.get("documents", {}))

    @property
    def entry_count(self) -> int:
        return int(self._stamp.get("entries", 0))

    def open(self) -> str | None:
        """Open the current generation; returns why it cannot be used, or None.

        The generation is held (see ``reader.search.generations``) before it is
        opened, so no other process removes it while this one reads it; generations
        nobody holds (a killed rebuild's, ones replaced since) are removed.
        """
        for _ in range(3):  # another process may switch generations between the reads
            stamp = _read_json(self.directory / STAMP)
            if stamp is None:
                return "no index yet" if not (self.directory / STAMP).exists() else "unreadable index stamp"
            if stamp.get("version") != index_version():
                return "index built by another version"
            generation = self.directory / str(stamp.get("generation", ""))
            if not generation.is_dir():
                if _read_json(self.directory / STAMP) != stamp:
                    continue
                return "index generation missing"
            try:
                hold = GenerationHold(generation)
            except OSError as exc:
                return f"index cannot be opened ({exc.strerror or exc})"
            if not hold.valid:
                hold.release()
                continue
            break
        else:
            return "index keeps changing"
        try:
            ix = whoosh_index.open_dir(str(generation))
            with ix.searcher() as searcher:
                if searcher.doc_count() != stamp.get("entries"):
                    hold.release()
                    return "index does not match its stamp"
                for name in ("doc", "lang"):
                    list(searcher.reader().lexicon(name))
        except Exception as exc:  # a damaged index raises anything from OSError to unpickling errors
            hold.release()
            log.warning("search index at %s is damaged: %s", generation, exc)
            return f"damaged index ({type(exc).__name__})"
        self._install(ix, stamp, hold)
        self._remove_old_generations(keep=generation.name)
        return None

    def ensure_current(self, progress: Progress | None = None) -> None:
        """Open the index, rebuilding it if it is unusable, then catch up with the library."""
        reason = self.open()
        if reason is not None:
            log.info("rebuilding the search index: %s", reason)
            self.rebuild(progress)
        else:
            self.sync()

    def start(self, progress: Progress | None = None, done: Callable[[], None] | None = None) -> bool:
        """For the GUI: open, and rebuild or sync in the background worker.

        Returns True when a rebuild was started (the index is not searchable until it
        ends). From now on the index follows the library in the background: each
        change is queued for the worker, and ``done`` is called (on the worker's
        thread) whenever the worker has committed all it had to do.
        """
        self._finished = done
        self.follow(in_background=True)
        reason = self.open()
        if reason is not None:
            log.info("rebuilding the search index in the background: %s", reason)
        self._run_in_background(self.sync if reason is None else lambda: self.rebuild(progress))
        return reason is not None

    def update_later(self, doc_ids: list[str]) -> None:
        """Queue documents for the background worker, starting it if it is idle."""
        with self._state_lock:
            if self.closed:
                return
            self._pending.update(doc_ids)
            if self._busy:
                return  # the running worker drains the queue before it ends
        self._run_in_background()

    def _run_in_background(self, task: Callable[[], object] | None = None) -> bool:
        """Start the worker: ``task``, then the queued documents until none are left.
        Does nothing (returns False) if the worker is already running or the index is closed."""

        def run() -> None:
            try:
                if task is not None:
                    task()
                while True:
                    with self._state_lock:
                        pending, self._pending = self._pending, set()
                        if not pending or self.closed:
                            self._busy = False
                            break
                    self.update_documents(sorted(pending))
            except IndexClosed:
                log.info("search index work cancelled")
            except Exception:
                log.exception("search index update failed")
            finally:
                with self._state_lock:
                    self._busy = False
                if self._finished is not None and not self.closed:
                    try:
                        self._finished()
                    except Exception:  # a listener gone (window closed) must not kill the worker
                        log.exception("search index listener failed")

        with self._state_lock:
            if self._busy or self.closed:
                return False
            self._busy = True
            self._building = self._start_thread(run, "search-index")
        return True

    def _start_thread(self, target: Callable[[], None], name: str) -> threading.Thread:
        """A thread that ``close`` cancels and joins (the caller holds the state lock).
        Not a daemon: the interpreter must never finalize while it runs native code."""
        thread = threading.Thread(target=target, name=name)
        self._threads = [t for t in self._threads if t.is_alive()]
        self._threads.append(thread)
        thread.start()
        return thread

    def _check_cancelled(self) -> None:
        if self._cancel.is_set():
            raise IndexClosed("the search index was closed")

    def wait(self, timeout: float | None = None) -> None:
        """Wait until the background worker has nothing left to do and the updates'
        segments are merged (or ``timeout`` seconds)."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            with self._state_lock:
                worker, busy = self._building, self._busy
            if worker is None or worker is threading.current_thread() or not (busy or worker.is_alive()):
                merging = self._merging
                if merging is not None and merging is not threading.current_thread():
                    merging.join(None if deadline is None else max(0.0, deadline - time.monotonic()))
                return
            worker.join(None if deadline is None else max(0.0, deadline - time.monotonic()))
            if deadline is not None and time.monotonic() >= deadline:
                return

    def follow(self, in_background: bool = False) -> None:
        """Keep the index up to date with the library's changes from now on: on the
        thread that made the change, or (GUI) in the background worker."""
        self._in_background = self._in_background or in_background
        if not self._following:
            self.library.listen(self.on_library_event)
            self._following = True

    def close(self) -> None:
        """Cancel background work, wait for every thread the index started, release the index.

        A rebuild stopped here leaves no generation behind (the next start rebuilds);
        queued updates are dropped (the next start's sync catches them up).
        """
        self._cancel.set()
        with self._state_lock:
            threads, self._threads = list(self._threads), []
            self._pending.clear()
        for thread in threads:
            if thread is not threading.current_thread():
                thread.join()
        with self._search_lock:
            if self._searcher is not None:
                self._searcher.close()
                self._searcher = None
            self._ix = None
            if self._hold is not None:
                self._hold.release()
                self._hold = None
        with self._state_lock:
            reader, self._reader = self._reader, None
        if reader is not None:
            reader.close()

    def _install(self, ix, stamp: dict, hold: GenerationHold | None = None) -> None:
        """Search ``ix`` from now on. ``hold`` is its generation's hold when it is
        another generation; without one the current hold stays (same generation),
        or is released when nothing is installed."""
        with self._search_lock:
            if self._searcher is not None:
                self._searcher.close()
            self._ix, self._stamp, self._searcher = ix, stamp, None
            self._vocabularies = {}
            if (hold is not None or ix is None) and self._hold is not hold:
                if self._hold is not None:
                    self._hold.release()
                self._hold = hold

    def _vocabulary(self, field: str) -> list[str]:
        """Every term of a field (for one-character queries), read once per generation of changes."""
        if field not in self._vocabularies:
            self._vocabularies[field] = list(self._current_searcher().reader().field_terms(field))
        return self._vocabularies[field]

    # -- reading the library ----------------------------------------------------------
    def fingerprints(self, doc_ids: list[str] | None = None) -> dict[str, str]:
        """Per document, a hash of what its entries are made of (text, links, notes)."""
        db = self._source().db
        where, params = "", []
        if doc_ids is not None:
            where = f" WHERE doc_id IN ({','.join('?' * len(doc_ids))})"
            params = list(doc_ids)
        segments: dict[str, list[str]] = defaultdict(list)
        for doc_id, seg_id in db.execute(f"SELECT doc_id, id FROM segments{where} ORDER BY doc_id, position", params):
            segments[doc_id].append(seg_id)
        links: dict[str, list[str]] = defaultdict(list)
        for doc_id, zh, ko in db.execute(
            f"SELECT doc_id, zh_ids, ko_ids FROM links{where} ORDER BY doc_id, position", params
        ):
            links[doc_id].append(zh + ko)
        notes: dict[str, list[str]] = defaultdict(list)
        annotations = (
            self._annotations(None)
            if doc_ids is None or len(doc_ids) > 20
            else [a for d in doc_ids for a in self._annotations(d)]
        )
        for annotation in annotations:
            notes[annotation.doc_id].append(
                "|".join(
                    [
                        annotation.id,
                        annotation.updated,
                        annotation.anchor.segment_id,
                        annotation.color,
                        annotation.note,
                        *annotation.tags,
                    ]
                )
            )
        ids = doc_ids if doc_ids is not None else [d["id"] for d in self._source().documents.list()]
        return {d: fingerprint(segments.get(d, []), links.get(d, []), sorted(notes.get(d, []))) for d in ids}

    def _annotations(self, doc_id: str | None) -> list:
        repository = getattr(self._source(), "annotations", None)
        if repository is None:
            return []
        return [a for a in repository.list(doc_id=doc_id) if not getattr(a, "orphaned", False)]

    def _analysis_store(self) -> analysis.MorphemeStore | None:
        """Where the library keeps analysed texts, on the current thread's connection."""
        return getattr(self._source(), "terms", None)

    def entries(self, doc_id: str) -> list[IndexEntry]:
        source = self._source()
        document = source.documents.get(doc_id)
        notes: dict[str, SegmentNotes] = defaultdict(SegmentNotes)
        for annotation in self._annotations(doc_id):
            target = notes[annotation.anchor.segment_id]
            if annotation.note:
                target.notes.append(annotation.note)
            target.tags.extend(t for t in annotation.tags if t not in target.tags)
            if annotation.color not in target.colors:
                target.colors.append(annotation.color)
        return document_entries(document, source.links.get(doc_id), dict(notes))

    # -- writing ----------------------------------------------------------------------
    def rebuild(self, progress: Progress | None = None) -> int:
        """Index every document of the library into a new generation; returns entries.

        Cancelled by ``close`` between documents: the unfinished generation is removed
        and the stamp keeps pointing at the previous one (or at none).
        """
        with self._write_lock:
            self._check_cancelled()
            documents = self._source().documents.list()
            if self.directory.exists() and not self.directory.is_dir():
                raise IndexUnavailable(
                    f"{self.directory}: is a file, not the search index folder; move it away and the index is rebuilt"
                )
            self.directory.mkdir(parents=True, exist_ok=True)
            generation = f"g{time.time_ns()}"
            path = self.directory / generation
            path.mkdir()
            hold = GenerationHold(path)  # no other process's cleanup removes it while it is built
            prepared = self._prepared(documents)
            writer = None
            try:
                ix = whoosh_index.create_in(str(path), build_schema())
                total = sum(d["sentences"] for d in documents) or len(documents)
                done = entries = 0
                self.progress = (0, total)
                # One writer for the whole library: the generation is one segment, so a
                # search opens each term's postings once (not once per segment).
                writer = ix.writer(limitmb=32, compound=False, codec=SearchCodec())
                prints = self.fingerprints()
                for doc, (batch, morphemes) in zip(documents, prepared, strict=True):
                    self._check_cancelled()
                    self._add_entries(writer, batch, morphemes)
                    entries += len(batch)
                    done += doc["sentences"] or 1
                    self.progress = (min(done, total), total)
                    if progress is not None:
                        progress(min(done, total), total)
                self._check_cancelled()
                writer.commit()
                writer = None
            except BaseException:
                if writer is not None:
                    writer.cancel()
                shutil.rmtree(path, ignore_errors=True)
                hold.release()
                remove_unused(self.directory, keep=self._kept())
                raise
            finally:
                prepared.close()
                self.progress = None
            stamp = {"version": index_version(), "generation": generation, "entries": entries, "documents": prints}
            try:
                _write_json(self.directory / STAMP, stamp)
            except BaseException:
                hold.release()
                raise
            self._install(ix, stamp, hold)
            self._remove_old_generations(keep=generation)
        return entries

    def _kept(self) -> set[str]:
        """Generations never to remove: the one installed here and the one the stamp
        on disk names (the current one for every process, held or not)."""
        kept = {self._stamp.get("generation"), (_read_json(self.directory / STAMP) or {}).get("generation")}
        return {name for name in kept if isinstance(name, str) and name}

    def _remove_old_generations(self, keep: str) -> None:
        """Remove the generations no process holds (never one being built or searched)."""
        remove_unused(self.directory, keep={keep} | self._kept())

    def update_document(self, doc_id: str) -> None:
        """Re-index one document (after import, re-import, re-alignment, annotation)."""
        self.update_documents([doc_id])

    def remove_document(self, doc_id: str) -> None:
        self.update_documents([doc_id])

    def update_documents(self, doc_ids: list[str]) -> None:
        """Bring these documents' entries in line with the library (deleted ones go)."""
        with self._state_lock:
            if self.closed:
                return
            if self._busy and threading.current_thread() is not self._building:
                self._pending.update(doc_ids)
                return
        with self._write_lock:
            self._check_cancelled()
            current = _read_json(self.directory / STAMP) or {}
            if self._ix is None or current.get("generation") != self._stamp.get("generation"):
                reason = self.open()  # another process rebuilt the index meanwhile
                if reason is not None:  # a full rebuild reads these documents anyway
                    if threading.current_thread() is self._building:
                        self.rebuild()
                    else:
                        self._run_in_background(self.rebuild)
                    return
            marks = ",".join("?" * len(doc_ids))
            existing = {
                row[0] for row in self._source().db.execute(f"SELECT id FROM documents WHERE id IN ({marks})", doc_ids)
            }
            assert self._ix is not None  # opened above, or rebuilt and returned
            batches = {doc_id: self.entries(doc_id) for doc_id in doc_ids if doc_id in existing}
            every = [e for batch in batches.values() for e in batch]
            known = analysis.known_morphemes(_korean_texts(every), self._analysis_store())
            with self._state_lock:
                korean = _KoreanAhead(every, known, self._start_thread)
            writer = None
            try:
                writer = self._ix.writer(timeout=WRITER_TIMEOUT, limitmb=32, compound=False, codec=SearchCodec())
                documents = dict(self._stamp.get("documents", {}))
                entries = self._stamp.get("entries", 0)
                prints = self.fingerprints(sorted(existing)) if existing else {}
                for doc_id in doc_ids:
                    self._check_cancelled()
                    entries -= writer.delete_by_term("doc", doc_id)
                    documents.pop(doc_id, None)
                    if doc_id in batches:
                        batch = batches[doc_id]
                        self._add_entries(writer, batch, korean)
                        entries += len(batch)
                        documents[doc_id] = prints[doc_id]
            except BaseException:
                korean.join()
                if writer is not None:
                    writer.cancel()
                raise
            writer.commit(merge=False)  # merged afterwards: see _merge_small_segments
            stamp = dict(self._stamp, documents=documents, entries=entries)
            _write_json(self.directory / STAMP, stamp)
            self._install(self._ix, stamp)
            korean.join()
            analysis.keep_morphemes(self._analysis_store(), korean.new)
            if len(self._ix._segments()) > SMALL_SEGMENTS:
                with self._state_lock:
                    if not self.closed and (self._merging is None or not self._merging.is_alive()):
                        self._merging = self._start_thread(self._merge_small_segments, "search-index-merge")

    def _merge_small_segments(self) -> None:
        """Fold the segments that updates left into one once there are more than
        ``SMALL_SEGMENTS`` (a search opens each term's postings once per segment); the
        largest (the rebuild's) is kept as it is. A thread of its own runs it after the
        update is searchable (it takes the write lock, so the next update waits for it;
        ``close`` joins it). Whoosh's own ``MERGE_SMALL`` would wait for about fifteen
        200-entry segments, then merge inside an update's commit (1.6-1.9 s CPU at 20,000 entries)."""
        try:
            with self._write_lock:
                if self._ix is None or self.closed or len(self._ix._segments()) <= SMALL_SEGMENTS:
                    return
                ix = self._ix
                writer = ix.writer(timeout=WRITER_TIMEOUT, limitmb=32, compound=False, codec=SearchCodec())
                try:
                    writer.commit(mergetype=_merge_all_but_largest)
                except BaseException:
                    writer.cancel()
                    raise
                self._install(ix, self._stamp)
        except Exception:  # the merge is an optimisation: the index stays usable without it
            log.exception("search index segments could not be merged")

    def sync(self) -> list[str]:
        """Re-index the documents whose fingerprint changed; returns their ids."""
        with self._write_lock:
            if self._ix is None:
                return []
            current = self.fingerprints()
            indexed = self._stamp.get("documents", {})
            changed = sorted({d for d, fp in current.items() if indexed.get(d) != fp} | (set(indexed) - set(current)))
            if changed:
                self.update_documents(changed)
            return changed

    def on_library_event(self, event: str, doc_id: str) -> None:
        """Follow one change. Never raises: a failing index must not fail an import
        or an annotation; it is re-opened (or rebuilt) on the next search instead."""
        if self.closed:
            return
        if self._in_background:
            self.update_later([doc_id])
            return
        try:
            self.update_documents([doc_id])
        except Exception:
            log.exception("search index could not follow %s of %s", event, doc_id)
            self._install(None, {})

    def _prepared(self, documents: list[dict]) -> Generator[tuple[list[IndexEntry], list], None, None]:
        """Entries and Korean morphemes of each document, read and analysed one step
        ahead in a thread: Kiwi releases the GIL, so it runs while Whoosh writes. The
        morphemes the library has stored are read, not analysed; those Kiwi analyses
        are stored, so the next rebuild (a new analyzer, ``reindex``) reads them.

        Closing the generator (or closing the index) stops the reader thread after its
        current document and joins it.
        """
        ahead: queue.Queue = queue.Queue(maxsize=4)
        stop = threading.Event()

        def stopped() -> bool:
            return stop.is_set() or self._cancel.is_set()

        def put(item) -> bool:
            while not stopped():
                try:
                    ahead.put(item, timeout=0.05)
                    return True
                except queue.Full:
                    continue
            return False

        def produce() -> None:
            try:
                for doc in documents:
                    if stopped():
                        return
                    entries = self.entries(doc["id"])
                    morphemes = analysis.stored_korean_morphemes(_korean_texts(entries), self._analysis_store())
                    if not put((entries, morphemes)):
                        return
            except BaseException as exc:
                put(exc)

        with self._state_lock:
            reader = self._start_thread(produce, "search-index-reader")
        try:
            for _ in documents:
                while True:
                    try:
                        item = ahead.get(timeout=0.05)
                        break
                    except queue.Empty:
                        self._check_cancelled()
                if isinstance(item, BaseException):
                    raise item
                yield item
        finally:
            stop.set()
            reader.join()

    @staticmethod
    def _add_entries(writer, entries: list[IndexEntry], morphemes: Iterable | None = None) -> None:
        """Add the entries; ``morphemes``: the Korean entries' morphemes in order (a list,
        or a ``_KoreanAhead`` still analysing them), analysed here when not given."""
        if morphemes is None:
            texts = _korean_texts(entries)
            morphemes = analysis.korean_morphemes(texts) if texts else []
        korean = iter(morphemes)
        for entry in entries:
            fields = {
                "doc": entry.doc,
                "lang": entry.lang,
                "segment_id": entry.segment_id,
                "kind": entry.kind,
                "position": entry.position,
                "text": entry.text,
                "counterpart": entry.counterpart,
                "counterpart_ids": entry.counterpart_ids,
                "part": entry.part,
                "clause": entry.clause,
            }
            if entry.lang == "ko":
                value = KoreanText(entry.text)
                value.morphemes = next(korean)
                fields["ko"] = value
            else:
                fields["zh"] = entry.text
            notes = entry.notes
            if notes.notes:
                fields["notes"] = "\n".join(notes.notes)
            if notes.tags:
                fields["tags"] = ",".join(notes.tags)
            if notes.colors:
                fields["colors"] = ",".join(notes.colors)
            if notes.notes or notes.tags or notes.colors:
                fields["annotated"] = "yes"
            writer.add_document(**fields)

    # -- searching ----------------------------------------------------------------------
    def _current_searcher(self):
        if self.closed:
            raise IndexUnavailable("the search index is closed")
        if self._ix is None:
            if self.building:
                done, total = self.progress or (0, 0)
                raise IndexUnavailable(f"the search index is being built ({done}/{total} sentences)")
            reason = self.open()
            if reason is not None:
                raise IndexUnavailable(f"the search index cannot be used ({reason}): run `python -m reader reindex`")
        if self._searcher is None:
            self._searcher = self._ix.searcher()
        return self._searcher

    def search(
        self,
        text: str,
        *,
        lang: str | None = None,
        doc: str | None = None,
        tag: str | None = None,
        color: str | None = None,
        annotated: bool = False,
        limit: int = 50,
        offset: int = 0,
        ranked: bool = False,
    ) -> SearchResults:
        """Hits for a query, in reading order (by document, then position) unless ``ranked``.

        Reading order is what a concordance shows, and it lets a search stop at the
        first ``limit`` hits instead of scoring every match (BM25 over tens of
        thousands of sentences takes Whoosh, in pure Python, far longer).
        """
        tree = parse_query(text)
        if limit < 1:
            raise QueryError("the number of hits must be at least 1")
        with self._search_lock:
            try:
                searcher = self._current_searcher()
                compiled = compile_query(
                    tree,
                    searcher.reader(),
                    self._resolve_doc,
                    lang=lang,
                    doc=doc,
                    tag=tag,
                    color=color,
                    annotated=annotated,
                    vocabulary=self._vocabulary,
                )
                prefixes = self._prefix_terms(compiled.query)
                capture: Capture | None = Capture()
                if ranked:
                    found = ranked_matches(searcher, compiled.query, offset, limit + 1, prefixes, capture)
                    if found is None:  # a query shape the numpy scoring does not know: Whoosh scores it
                        capture = None
                        results = searcher.search(compiled.query, limit=offset + limit + 1)
                        found = [hit.docnum for hit in results][offset:]
                    docnums = found
                else:
                    docnums = first_matches(searcher, compiled.query, offset, limit + 1, prefixes, capture)
                has_more = len(docnums) > limit
                docnums = docnums[:limit]
                stored = _stored_fields(searcher, docnums)
                spans = highlight_hits(
                    searcher,
                    [(n, s["lang"], s["text"]) for n, s in zip(docnums, stored, strict=True)],
                    compiled.leaves,
                    prefixes,
                    capture,
                )
            except DuizhaoError:
                raise
            except Exception as exc:  # a damaged file raises anything from struct errors to unpickling
                self._damaged(exc)
                raise IndexUnavailable(
                    "the search index is damaged and is being rebuilt; try again in a moment"
                ) from exc
        hits = [
            SearchHit(
                doc=s["doc"],
                segment_id=s["segment_id"],
                lang=s["lang"],
                kind=s["kind"],
                position=s["position"],
                text=s["text"],
                highlights=spans[n],
                counterpart=s.get("counterpart", ""),
                counterpart_ids=list(s.get("counterpart_ids", [])),
                part=s.get("part", ""),
                clause=s.get("clause", ""),
                notes=s.get("notes", ""),
                tags=[t for t in s.get("tags", "").split(",") if t],
            )
            for n, s in zip(docnums, stored, strict=True)
        ]
        return SearchResults(text, hits, offset, has_more)

    def _prefix_terms(self, query) -> dict[tuple[str, str], list[str]]:
        """The terms each prefix of the query stands for, expanded once from the
        field's vocabulary for matching and highlighting alike."""
        prefixes: dict[tuple[str, str], list[str]] = {}
        for leaf in query.leaves():
            if isinstance(leaf, wq.Prefix) and (leaf.fieldname, leaf.text) not in prefixes:
                vocabulary = self._vocabulary(leaf.fieldname)
                start = bisect.bisect_left(vocabulary, leaf.text)
                end = start
                while end < len(vocabulary) and vocabulary[end].startswith(leaf.text):
                    end += 1
                prefixes[(leaf.fieldname, leaf.text)] = vocabulary[start:end]
        return prefixes

    def _resolve_doc(self, ref: str) -> str:
        return self.library.documents.resolve(ref)

    def _damaged(self, exc: Exception) -> None:
        log.warning("search index damaged (%s): rebuilding", exc)
        with self._search_lock:
            self._install(None, {})
        self._run_in_background(self.rebuild)
