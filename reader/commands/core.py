"""import, list, show."""

from __future__ import annotations

import argparse
import sys

from ..errors import DuizhaoError
from ..model import EDITABLE_METADATA
from ..text.characters import printable
from ..text.scripts import language_notices
from . import back_up_first, open_library, print_json, report_encoder

#: ``meta`` options: (field, option, help).
_META_OPTIONS = (
    ("title", "--title", "Chinese title"),
    ("title_ko", "--title-ko", "Korean title"),
    ("doc_number", "--doc-number", "document number, e.g. 国发〔2010〕28号"),
    ("issuer", "--issuer", "issuing body, e.g. 国务院"),
    ("date", "--date", "date written (成文日期)"),
    ("date_published", "--date-published", "date published (发布日期)"),
    ("source_url", "--source-url", "address of the page the document came from"),
)
assert [name for name, _, _ in _META_OPTIONS] == list(EDITABLE_METADATA)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help="import a document from one file, or two files (one per language)")
    p.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help=".txt, .md, .docx, .pdf, .hwpx, .hwp, .html/.htm/.mhtml, or a scan (.png, .jpg, .tif)",
    )
    p.add_argument("--translation-of", metavar="DOC", help="add this file as the missing language of DOC")
    p.add_argument("--encoding", help="text encoding, e.g. gb18030, cp949, big5 (default: detect)")
    p.add_argument(
        "--replace",
        metavar="DOC",
        help="import a new version of DOC (same id; corrections follow; the old one is kept)",
    )
    p.add_argument("--label", default="", help="with --replace: name the new version, e.g. 正式稿")
    p.add_argument("--id", help="document id to use (default: from the file name)")
    p.add_argument("--title", help="display title (default: from the text)")
    p.add_argument("--title-ko", help="Korean title (default: from the Korean text)")
    p.add_argument(
        "--ocr",
        choices=("auto", "always", "never"),
        default="auto",
        help="recognise text in scans: auto = PDF pages without a text layer and images (default), "
        "always = every PDF page, never = refuse scans",
    )
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("meta", help="show or set a document's metadata (title, number, issuer, dates, source)")
    p.add_argument("doc", metavar="DOC", help="document id (or a unique prefix)")
    for name, option, text in _META_OPTIONS:
        p.add_argument(option, dest=name, metavar="TEXT", help=text)
    p.add_argument("--json", action="store_true", help="print the metadata as JSON")
    p.set_defaults(func=cmd_meta)

    p = sub.add_parser("list", help="list the documents in the library")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("show", help="print a document's structure")
    p.add_argument("doc", metavar="DOC", help="document id (or a unique prefix)")
    p.add_argument("--json", action="store_true", help="print the document and all segments as JSON")
    p.set_defaults(func=cmd_show)


def cmd_import(args: argparse.Namespace) -> int:
    if len(args.paths) > 2:
        raise DuizhaoError("import takes one file, or two files (one per language)")
    if args.id and "@" in args.id:
        raise DuizhaoError(f"--id {args.id!r}: an id cannot contain @ (DOC@N names a version)")
    if args.label and not args.replace:
        raise DuizhaoError("--label names a new version: use it with --replace DOC")
    if args.replace or args.translation_of:
        back_up_first()
    library = open_library()
    try:
        if args.replace:
            document = library.reimport(args.replace, args.paths, args.encoding, label=args.label)
        elif args.translation_of:
            if len(args.paths) != 1:
                raise DuizhaoError("--translation-of takes exactly one file")
            document = library.add_translation(args.paths[0], args.translation_of, args.encoding)
        else:
            document = library.import_files(
                args.paths,
                encoding=args.encoding,
                doc_id=args.id or "",
                title=args.title or "",
                metadata={"title_ko": args.title_ko or ""},
                ocr=args.ocr,
            )
    finally:
        library.close()
    if len(document.languages) == 2:
        report_encoder()
    for warning in document.warnings:
        print(f"warning: {printable(warning)}", file=sys.stderr)
    for notice in language_notices(s.text for s in document.segments):
        print(f"warning: {printable(', '.join(args.paths))}: {notice}", file=sys.stderr)
    print(document.id)
    return 0


def cmd_meta(args: argparse.Namespace) -> int:
    changes = {name: getattr(args, name) for name in EDITABLE_METADATA if getattr(args, name) is not None}
    if "title" in changes and not changes["title"].strip():
        raise DuizhaoError("--title cannot be empty")
    library = open_library()
    try:
        document = library.describe(args.doc, **changes) if changes else library.documents.get(args.doc)
    finally:
        library.close()
    metadata = {"id": document.id, **{name: getattr(document, name) for name in EDITABLE_METADATA}}
    if args.json:
        print_json(metadata)
        return 0
    for name, option, _ in _META_OPTIONS:
        if metadata[name]:
            print(f"{option[2:]}: {metadata[name]}")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    library = open_library()
    try:
        documents = library.documents.list()
    finally:
        library.close()
    if args.json:
        print_json(documents)
        return 0
    if not documents:
        print("The library is empty: add documents with `python -m reader import FILE`.")
    for doc in documents:
        # One line per document whatever its title holds (a newline, an ESC sequence).
        langs = "+".join(doc["languages"])
        number = f"  {printable(doc['doc_number'])}" if doc["doc_number"] else ""
        print(f"{printable(doc['id'])}\t{langs}\t{printable(doc['title'])}{number}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    library = open_library()
    try:
        document = library.documents.get(args.doc)
    finally:
        library.close()
    if args.json:
        print_json({"document": document.metadata(), "segments": [s.as_dict() for s in document.segments]})
        return 0
    print(printable(document.title))
    if document.doc_number:
        print(printable(document.doc_number))
    for segment in document.segments:
        if segment.kind in ("part", "clause"):
            indent = "    " if segment.kind == "clause" else ""
            print(f"{indent}[{segment.lang}] {printable(segment.printed or segment.label)}".rstrip())
    return 0
