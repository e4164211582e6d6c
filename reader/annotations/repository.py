"""Annotations in the database: every change is one transaction, committed at once.

There is no "save": ``create``, ``update`` and ``delete`` each commit before they
return. Delete is a soft delete (the row gets a ``deleted`` time and leaves every
listing), so undo can bring it back. The repository keeps no undo history: each write
returns the :class:`Change` it made, and whoever offers undo (the window's one undo stack)
puts the values back with ``restore``. Only what the user edited is restored (colour,
note, tags, star, existence), never an anchor, so an undo after a re-import cannot put a
highlight back on text that is gone.

After a committed change the repository announces ("annotated", doc_id), so the
search index and open views can follow.
"""

from __future__ import annotations

import builtins
import inspect
import json
import uuid
import weakref
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from ..model import Document
from ..store.database import Database
from ..store.documents import DocumentStore
from ..store.versions import ReadOnlyVersion, split_ref
from ..text.characters import strip_unsafe
from .anchoring import TextFlow, anchor_at, locate, make_anchor
from .model import (
    ANCHORED,
    DEFAULT_COLOR,
    EDITABLE,
    ORPHANED,
    Anchor,
    Annotation,
    AnnotationError,
    check_color,
    normalize_tags,
)
from .query import CASEFOLD, AnnotationFilter, casefold, sql_order, sql_where

ANNOTATED = "annotated"

#: The columns of an annotation; the panel, which only displays, leaves out the anchor's
#: context (prefix/suffix): CJK text whose decoding is a third of the cost of a 10,000-row list.
_COLUMNS = (
    "a.id, a.doc_id, a.segment_id, a.lang, a.quote, a.prefix, a.suffix, a.start_offset, a.end_offset,"
    " a.color, a.note, a.tags, a.starred, a.created, a.updated, a.state, a.placed_by, COALESCE(s.position, -1)"
)
_COLUMNS_WITHOUT_CONTEXT = _COLUMNS.replace("a.prefix, a.suffix", "'', ''")
_FROM = "FROM annotations a LEFT JOIN segments s ON s.doc_id = a.doc_id AND s.id = a.segment_id"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _row_to_annotation(row, tag_cache: dict[str, tuple[str, ...]] | None = None) -> Annotation:
    (ann_id, doc_id, segment_id, lang, quote, prefix, suffix, start, end) = row[:9]
    color, note, tags, starred, created, updated, state, placed_by, position = row[9:]
    # Few distinct tag lists repeat over thousands of rows: parse each once.
    parsed = tag_cache.get(tags) if tag_cache is not None else None
    if parsed is None:
        parsed = tuple(json.loads(tags))
        if tag_cache is not None:
            tag_cache[tags] = parsed
    return Annotation(
        ann_id,
        doc_id,
        Anchor(segment_id, lang, quote, start, end, prefix, suffix),
        color,
        note,
        parsed,
        bool(starred),
        created,
        updated,
        state,
        placed_by,
        position,
    )


@dataclass(frozen=True)
class Change:
    """One user action, as the editable fields before and after it (None: not there)."""

    label: str
    annotation_id: str
    doc_id: str
    before: dict | None
    after: dict | None


@dataclass
class ReanchorReport:
    """What re-anchoring a document did to its annotations."""

    kept: list[str] = field(default_factory=list)
    moved: list[str] = field(default_factory=list)
    orphaned: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.moved or self.orphaned)


class AnnotationRepository:
    """Create, edit, delete, list and re-anchor annotations."""

    def __init__(self, db: Database, announce: Callable[[str, str], None] | None = None):
        self.db = db
        db.conn.create_function(CASEFOLD, 1, casefold, deterministic=True)
        # A library's own method is held weakly: the library owns this repository, and a
        # reference cycle would keep the library (and every view listening to it) alive
        # until the garbage collector runs, possibly after Qt has shut down.
        self._announce: Callable[[], Callable[[str, str], None] | None] = (
            weakref.WeakMethod(announce) if inspect.ismethod(announce) else lambda: announce
        )
        #: What the last re-anchoring did (e.g. for ``import --replace`` to report), by document id.
        self.last_reanchor: dict[str, ReanchorReport] = {}

    def _changed(self, doc_id: str) -> None:
        announce = self._announce()
        if announce is not None:
            announce(ANNOTATED, doc_id)

    # -- writing ------------------------------------------------------------
    def annotate(
        self,
        document: Document,
        segment_ref: str,
        start: int | None = None,
        end: int | None = None,
        quote: str | None = None,
        **fields,
    ) -> Annotation:
        """Annotate a span of a segment (given by offsets, by quote, or the whole segment).
        An earlier version of a document (``DOC@N``) is read only: notes go on the current one."""
        if split_ref(document.id)[1] is not None and not self._stored(document.id):
            raise ReadOnlyVersion(document.id)
        anchor = make_anchor(document, segment_ref, start, end, quote)
        return self.create(document.id, anchor, **fields)

    def _stored(self, doc_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM documents WHERE id = ?", [doc_id]).fetchone() is not None

    def create(
        self,
        doc_id: str,
        anchor: Anchor,
        color: str = DEFAULT_COLOR,
        note: str = "",
        tags: Iterable[str] = (),
        starred: bool = False,
        annotation_id: str | None = None,
        created: str = "",
        updated: str = "",
    ) -> Annotation:
        """A new annotation; ``created``/``updated`` (ISO 8601) keep the times of a restored
        one (``import-notes``), else both are now."""
        # Control characters (ESC, NUL …) cannot go into an export: they never get in.
        note = strip_unsafe(str(note))
        anchor = replace(
            anchor,
            quote=strip_unsafe(anchor.quote),
            prefix=strip_unsafe(anchor.prefix),
            suffix=strip_unsafe(anchor.suffix),
        )
        values: dict[str, Any] = {
            "color": check_color(color),
            "note": note,
            "tags": normalize_tags(tags),
            "starred": bool(starred),
        }
        ann_id = annotation_id or str(uuid.uuid4())
        now = _now()
        created = created or now
        updated = max(updated or created, created)
        with self.db.atomic():
            self.db.execute(
                "INSERT INTO annotations (id, doc_id, segment_id, lang, quote, prefix, suffix, start_offset,"
                " end_offset, color, note, tags, starred, state, placed_by, created, updated)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'created', ?, ?)",
                [
                    ann_id,
                    doc_id,
                    anchor.segment_id,
                    anchor.lang,
                    anchor.quote,
                    anchor.prefix,
                    anchor.suffix,
                    anchor.start,
                    anchor.end,
                    values["color"],
                    note,
                    json.dumps(list(values["tags"]), ensure_ascii=False),
                    int(values["starred"]),
                    ANCHORED,
                    created,
                    updated,
                ],
            )
        self._changed(doc_id)
        return self.get(ann_id)

    def update(self, annotation_id: str, **changes) -> Annotation:
        """Change colour, note, tags and/or star of an annotation."""
        return self.edit(annotation_id, **changes)[0]

    def edit(self, annotation_id: str, **changes) -> tuple[Annotation, Change | None]:
        """``update``, also returning the change made (None if nothing changed)."""
        unknown = set(changes) - set(EDITABLE)
        if unknown:
            raise AnnotationError(f"cannot change {', '.join(sorted(unknown))} of an annotation")
        current = self.get(annotation_id)
        before = _editable(current)
        after = dict(before)
        if "color" in changes:
            after["color"] = check_color(changes["color"])
        if "note" in changes:
            after["note"] = strip_unsafe(str(changes["note"]))
        if "tags" in changes:
            after["tags"] = normalize_tags(changes["tags"])
        if "starred" in changes:
            after["starred"] = bool(changes["starred"])
        if after == before:
            return current, None
        self._write(annotation_id, after)
        self._changed(current.doc_id)
        return self.get(annotation_id), Change("edit", annotation_id, current.doc_id, before, after)

    def delete(self, annotation_id: str) -> Change:
        """Delete an annotation (``restore`` of the change's ``before`` brings it back)."""
        current = self.get(annotation_id)
        self._write(annotation_id, None)
        self._changed(current.doc_id)
        return Change("delete", annotation_id, current.doc_id, _editable(current), None)

    def restore(self, annotation_id: str, doc_id: str, values: dict | None) -> None:
        """Give an annotation the editable values of a change (None: deleted), for undo and redo."""
        self._write(annotation_id, values)
        self._changed(doc_id)

    @staticmethod
    def editable(annotation: Annotation) -> dict:
        """What the user can edit of an annotation, as a change records it."""
        return _editable(annotation)

    def _write(self, annotation_id: str, values: dict | None) -> None:
        """Give an annotation these editable values, or delete it (values None)."""
        with self.db.atomic():
            if values is None:
                self.db.execute("UPDATE annotations SET deleted = ? WHERE id = ?", [_now(), annotation_id])
                return
            self.db.execute(
                "UPDATE annotations SET color = ?, note = ?, tags = ?, starred = ?, updated = ?, deleted = NULL"
                " WHERE id = ?",
                [
                    values["color"],
                    values["note"],
                    json.dumps(list(values["tags"]), ensure_ascii=False),
                    int(values["starred"]),
                    _now(),
                    annotation_id,
                ],
            )

    # -- reading ------------------------------------------------------------
    def get(self, annotation_id: str) -> Annotation:
        row = self.db.execute(f"SELECT {_COLUMNS} {_FROM} WHERE a.id = ?", [annotation_id]).fetchone()
        if row is None:
            raise AnnotationError(f"no annotation {annotation_id!r}")
        return _row_to_annotation(row)

    def exists(self, annotation_id: str) -> bool:
        """True if the annotation is stored and not deleted."""
        row = self.db.execute("SELECT 1 FROM annotations WHERE id = ? AND deleted IS NULL", [annotation_id])
        return row.fetchone() is not None

    def list(
        self,
        doc_id: str | None = None,
        tag: str | None = None,
        color: str | None = None,
        state: str | None = None,
        starred: bool | None = None,
        context: bool = True,
    ) -> list[Annotation]:
        """Annotations (not deleted) in reading order: by document, position, offset.

        ``context=False`` leaves the anchors' prefix and suffix empty, for lists
        that only display annotations and must load many quickly.
        """
        where = ["a.deleted IS NULL"]
        params: list = []
        if doc_id is not None:
            where.append("a.doc_id = ?")
            params.append(doc_id)
        if tag:
            where.append("EXISTS (SELECT 1 FROM json_each(a.tags) WHERE lower(value) = lower(?))")
            params.append(tag.strip().lstrip("#"))
        if color:
            where.append("a.color = ?")
            params.append(check_color(color))
        if state:
            where.append("a.state = ?")
            params.append(state)
        if starred is not None:
            where.append("a.starred = ?")
            params.append(int(starred))
        rows = self.db.execute(
            f"SELECT {_COLUMNS if context else _COLUMNS_WITHOUT_CONTEXT} {_FROM} WHERE {' AND '.join(where)}"
            f" ORDER BY {sql_order('position')}",
            params,
        ).fetchall()
        tag_cache: dict[str, tuple[str, ...]] = {}
        return [_row_to_annotation(row, tag_cache) for row in rows]

    # -- a filter's rows (the annotations panel reads their ids, then the rows it shows) --
    def count_matching(self, wanted: AnnotationFilter) -> int:
        """How many annotations pass a filter (counted in SQL)."""
        where, params = sql_where(wanted)
        return self.db.execute(f"SELECT COUNT(*) FROM annotations a WHERE {where}", params).fetchone()[0]

    def ordered_ids(self, wanted: AnnotationFilter) -> builtins.list[str]:
        """The ids of the annotations that pass a filter, in its order (filtered and sorted in SQL)."""
        where, params = sql_where(wanted)
        rows = self.db.execute(f"SELECT a.id {_FROM} WHERE {where} ORDER BY {sql_order(wanted.sort)}", params)
        return [row[0] for row in rows.fetchall()]

    def by_ids(self, ids: Sequence[str]) -> builtins.list[Annotation]:
        """These annotations (not deleted) in the order given, without the anchors' context."""
        rows = self.db.execute(
            f"SELECT {_COLUMNS_WITHOUT_CONTEXT} {_FROM} WHERE a.deleted IS NULL AND a.id IN ({', '.join('?' * len(ids))})",
            list(ids),
        ).fetchall()
        tag_cache: dict[str, tuple[str, ...]] = {}
        found = {row[0]: _row_to_annotation(row, tag_cache) for row in rows}
        return [found[i] for i in ids if i in found]

    def has_annotations(self, doc_id: str) -> bool:
        row = self.db.execute("SELECT 1 FROM annotations WHERE doc_id = ? AND deleted IS NULL LIMIT 1", [doc_id])
        return row.fetchone() is not None

    def counts(self) -> dict[str, int]:
        """Number of annotations per document id."""
        rows = self.db.execute("SELECT doc_id, COUNT(*) FROM annotations WHERE deleted IS NULL GROUP BY doc_id")
        return dict(rows.fetchall())

    def tags(self) -> builtins.list[tuple[str, int]]:
        """Every tag in use with its number of annotations, most used first (for completion)."""
        # Grouped by the stored list first: a library repeats a few tag lists over thousands of notes.
        rows = self.db.execute("SELECT tags, COUNT(*) FROM annotations WHERE deleted IS NULL GROUP BY tags")
        counts: dict[str, int] = {}
        for tags, n in rows.fetchall():
            for tag in json.loads(tags):
                counts[tag] = counts.get(tag, 0) + n
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))

    # -- following the document ------------------------------------------------
    def reanchor(self, document: Document) -> ReanchorReport:
        """Place every annotation of a document on its (new) text, in one transaction.

        Orphaned annotations are tried again too, so a document removed and
        imported again gets its annotations back.
        """
        report = ReanchorReport()
        flows: dict[str, TextFlow] = {}
        updates: list[tuple] = []
        for annotation in self.list(doc_id=document.id):
            lang = annotation.anchor.lang
            if lang not in flows:
                flows[lang] = TextFlow(document, lang)
            placement = locate(annotation.anchor, flows[lang])
            if placement is None:
                report.orphaned.append(annotation.id)
                if not annotation.orphaned:
                    updates.append((annotation.anchor, ORPHANED, annotation.placed_by, annotation.id))
                continue
            anchor = anchor_at(flows[lang], placement)
            if anchor == annotation.anchor and not annotation.orphaned:
                report.kept.append(annotation.id)
                continue
            report.moved.append(annotation.id)
            updates.append((anchor, ANCHORED, placement.placed_by, annotation.id))
        if updates:
            with self.db.atomic():
                self.db.conn.executemany(
                    "UPDATE annotations SET segment_id = ?, quote = ?, prefix = ?, suffix = ?, start_offset = ?,"
                    " end_offset = ?, state = ?, placed_by = ? WHERE id = ?",
                    [
                        (a.segment_id, a.quote, a.prefix, a.suffix, a.start, a.end, state, by, ann_id)
                        for a, state, by, ann_id in updates
                    ],
                )
            self._changed(document.id)
        self.last_reanchor[document.id] = report
        return report

    def on_library_event(self, event: str, doc_id: str) -> None:
        """Follow the library: re-anchor when a document's text changed, orphan when it is removed."""
        if event == "deleted":
            self.orphan_document(doc_id)
        elif event in ("imported", "changed") and self.has_annotations(doc_id):
            self.reanchor(DocumentStore(self.db).get(doc_id))

    def orphan_document(self, doc_id: str) -> int:
        """Mark the annotations of a removed document orphaned (they are kept)."""
        with self.db.atomic():
            cursor = self.db.execute(
                "UPDATE annotations SET state = ? WHERE doc_id = ? AND deleted IS NULL AND state != ?",
                [ORPHANED, doc_id, ORPHANED],
            )
        if cursor.rowcount:
            self._changed(doc_id)
        return cursor.rowcount

    def stale_documents(self) -> builtins.list[str]:
        """Documents with anchored annotations whose segment no longer exists.

        Happens only if the program stopped between storing a new version of a
        document and re-anchoring its annotations; re-anchoring them repairs it.
        """
        rows = self.db.execute(
            f"SELECT DISTINCT a.doc_id {_FROM} JOIN documents d ON d.id = a.doc_id"
            " WHERE a.deleted IS NULL AND a.state = ? AND s.id IS NULL",
            [ANCHORED],
        )
        return [row[0] for row in rows.fetchall()]


def _editable(annotation: Annotation) -> dict:
    return {"color": annotation.color, "note": annotation.note, "tags": annotation.tags, "starred": annotation.starred}
