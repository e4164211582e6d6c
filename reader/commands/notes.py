"""annotate, notes: highlights and notes from the command line.

``notes --json`` prints a list, one object per annotation, in reading order::

    {"id": "…uuid…", "doc_id": "guofa-2010-28", "state": "anchored" | "orphaned",
     "color": "yellow", "note": "Markdown text", "tags": ["…"], "starred": false,
     "created": "ISO 8601 UTC", "updated": "ISO 8601 UTC",
     "anchor": {"segment_id": "zh.p1.c1.s2.7adad7", "lang": "zh", "quote": "…",
                "prefix": "…", "suffix": "…", "start": 9, "end": 17}}

``start``/``end`` are character offsets of the quote in the segment's text; an
orphaned annotation keeps the anchor it had before its text disappeared.
"""

from __future__ import annotations

import argparse
import sys

from ..annotations import COLORS, DEFAULT_COLOR, ORPHANED, Annotation
from ..errors import UnknownDocument
from ..text.characters import printable
from . import open_library, print_json

QUOTE_CHARS = 60


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("annotate", help="highlight a sentence or a span of it, with a note, tags and a star")
    p.add_argument("doc", metavar="DOC", help="document id (or a unique prefix)")
    p.add_argument("segment", metavar="SEGMENT_ID", help="segment id, with or without its hash (see `show --json`)")
    p.add_argument("--quote", metavar="TEXT", help="the exact text to highlight inside the segment (default: all)")
    p.add_argument("--color", default=DEFAULT_COLOR, choices=list(COLORS), help=f"default: {DEFAULT_COLOR}")
    p.add_argument("--note", metavar="TEXT", default="", help="note in Markdown; '-' reads it from standard input")
    p.add_argument("--tag", metavar="T", nargs="+", action="extend", default=[], help="one or more tags")
    p.add_argument("--star", action="store_true", help="star the annotation")
    p.set_defaults(func=cmd_annotate)

    p = sub.add_parser("notes", help="list highlights and notes")
    p.add_argument("--doc", metavar="DOC", help="only this document")
    p.add_argument("--tag", metavar="T", help="only annotations with this tag")
    p.add_argument("--color", choices=list(COLORS), help="only this colour")
    p.add_argument("--starred", action="store_true", help="only starred annotations")
    p.add_argument(
        "--orphaned", action="store_true", help="only annotations whose text was not found after a re-import"
    )
    p.add_argument("--json", action="store_true", help="print JSON (shape in `reader/commands/notes.py`)")
    p.set_defaults(func=cmd_notes)


def cmd_annotate(args: argparse.Namespace) -> int:
    note = sys.stdin.read() if args.note == "-" else args.note
    library = open_library()
    try:
        document = library.documents.get(args.doc)
        annotation = library.annotations.annotate(
            document, args.segment, quote=args.quote, color=args.color, note=note, tags=args.tag, starred=args.star
        )
    finally:
        library.close()
    print(annotation.id)
    return 0


def cmd_notes(args: argparse.Namespace) -> int:
    library = open_library()
    try:
        doc_id = _doc_id(library, args.doc) if args.doc else None
        annotations = library.annotations.list(
            doc_id=doc_id,
            tag=args.tag,
            color=args.color,
            state=ORPHANED if args.orphaned else None,
            starred=True if args.starred else None,
        )
    finally:
        library.close()
    if args.json:
        print_json([a.as_dict() for a in annotations])
        return 0
    if not annotations:
        print("No annotations." if not args.orphaned else "No orphaned annotations.")
        return 0
    anchored = [a for a in annotations if not a.orphaned]
    orphaned = [a for a in annotations if a.orphaned]
    for annotation in anchored:
        _print_annotation(annotation)
    if orphaned:
        if anchored:
            print()
        print(f"Orphaned ({len(orphaned)}): their text was not found in the current version of the document.")
        for annotation in orphaned:
            _print_annotation(annotation)
    return 0


def _doc_id(library, ref: str) -> str:
    """A document id; also the id of a removed document that still has (orphaned) annotations."""
    try:
        return library.documents.resolve(ref)
    except UnknownDocument:
        if library.annotations.has_annotations(ref):
            return ref
        raise


def _print_annotation(annotation: Annotation) -> None:
    # Everything from the library is printed through printable(): an ESC in a note
    # would otherwise reach the terminal as a control sequence (retitle, clear).
    anchor = annotation.anchor
    quote = anchor.quote if len(anchor.quote) <= QUOTE_CHARS else anchor.quote[: QUOTE_CHARS - 1] + "…"
    star = " ★" if annotation.starred else ""
    tags = "".join(f" #{printable(t)}" for t in annotation.tags)
    print(
        f"{printable(annotation.id)}  {printable(annotation.doc_id)}  {printable(anchor.segment_id)}  "
        f"{annotation.color}{star}{tags}"
    )
    print(f"    「{printable(quote)}」")
    for line in annotation.note.strip().splitlines():
        print(f"    {printable(line)}")
