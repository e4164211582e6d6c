"""compare, versions."""

from __future__ import annotations

import argparse

from ..errors import DuizhaoError
from ..store.versions import split_ref
from ..text.characters import printable
from . import open_library, print_json

#: Formats of a comparison export (the 新旧对照表 writers of reader.export.compare_table).
EXPORT_FORMATS = ("docx", "hwpx", "html", "pdf")

#: One-letter marks of the statuses in the plain listing.
_MARKS = {"continued": "=", "reworded": "~", "moved": ">", "new": "+", "dropped": "-"}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "compare",
        help="compare two documents or versions (DOC@N) provision by provision",
        description="Match the provisions of DOC_A and DOC_B by meaning and wording; each pair is "
        "continued, reworded, moved, new or dropped, with the word differences of reworded ones.",
    )
    p.add_argument("doc_a", metavar="DOC_A", help="document id, unique prefix, or version DOC@N (the old side)")
    p.add_argument("doc_b", metavar="DOC_B", help="document id, unique prefix, or version DOC@N (the new side)")
    p.add_argument("--lang", choices=("zh", "ko"), default="zh", help="which text to compare (default: zh)")
    p.add_argument("--json", action="store_true", help="print the pairs as JSON")
    p.add_argument("--export", metavar="FILE", help="write the comparison as a 新旧对照表 to FILE")
    p.add_argument("--format", choices=EXPORT_FORMATS, help="format of --export (default: from FILE's suffix)")
    p.add_argument("--same-as-left", action="store_true", help="in the export, show unchanged provisions as 同左/좌동")
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    p.set_defaults(func=cmd_compare)

    p = sub.add_parser(
        "versions",
        help="list the versions of a document (DOC@N), name or delete one",
        description="Each `import PATH --replace DOC` keeps the text it replaces as a version. "
        "Any version can be read (show DOC@N) and compared (compare DOC@1 DOC).",
    )
    p.add_argument("doc", metavar="DOC", help="document id or unique prefix; DOC@N for --label and --delete")
    p.add_argument("--json", action="store_true", help="print the versions as JSON")
    p.add_argument("--label", metavar="TEXT", help="name the version (e.g. 征求意见稿, 正式稿)")
    p.add_argument(
        "--delete",
        action="store_true",
        help="delete the version (deleting the current one makes the one before it current again)",
    )
    p.set_defaults(func=cmd_versions)


def cmd_compare(args: argparse.Namespace) -> int:
    from ..compare import compare

    fmt = _export_format(args) if args.export else ""
    library = open_library()
    try:
        comparison = compare(library, args.doc_a, args.doc_b, lang=args.lang)
        if args.export:
            _export(comparison, library, args.export, fmt, args.same_as_left, args.force)
    finally:
        library.close()
    if args.json:
        print_json(comparison.as_dict())
    elif args.export:
        print(
            f"wrote the comparison of {printable(args.doc_a)} and {printable(args.doc_b)} to {printable(args.export)}"
        )
    else:
        for pair in comparison.pairs:
            text = pair.b_text or pair.a_text
            print(f"{_MARKS[pair.status]} {pair.status:<9} {pair.similarity:.2f}  {printable(text)}")
        counts = ", ".join(f"{n} {status}" for status, n in comparison.counts().items())
        print(counts)
    return 0


def _export_format(args: argparse.Namespace) -> str:
    if args.format:
        return args.format
    suffix = args.export.rsplit(".", 1)[-1].lower() if "." in args.export else ""
    if suffix in EXPORT_FORMATS:
        return suffix
    raise DuizhaoError(f"{args.export}: say the format with --format ({', '.join(EXPORT_FORMATS)})")


def _export(comparison, library, path: str, fmt: str, same_as_left: bool, force: bool) -> None:
    from ..export.compare_table import export_comparison

    export_comparison(comparison, library, path, fmt, same_as_left=same_as_left, force=force)


def cmd_versions(args: argparse.Namespace) -> int:
    from . import back_up_first

    if args.delete and args.label is not None:
        raise DuizhaoError("versions: --label and --delete cannot be combined")
    if args.delete:
        back_up_first()
    library = open_library()
    try:
        if args.delete:
            library.delete_version(args.doc)
        elif args.label is not None:
            library.label_version(args.doc, args.label)
        versions = library.versions(split_ref(args.doc)[0] if args.delete else args.doc)
    finally:
        library.close()
    if args.json:
        print_json([version.as_dict() for version in versions])
        return 0
    for version in versions:
        mark = "*" if version.current else " "
        label = f"  {printable(version.label)}" if version.label else ""
        sources = ", ".join(printable(s.rsplit("/", 1)[-1]) for s in version.sources)
        print(
            f"{mark} {printable(version.ref)}\t{version.imported_at}\t{version.sentences} sentences{label}\t{sources}"
        )
    return 0
