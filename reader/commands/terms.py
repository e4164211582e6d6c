"""glossary, lookup: how the library's Chinese terms have been rendered in Korean."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import DuizhaoError
from ..text.characters import printable
from . import open_library, print_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "glossary",
        help="Chinese terms of the library with their Korean renderings (mined from the aligned sentences)",
        description="The glossary mined from the aligned sentences of the library, most frequent terms first. "
        "It is mined again when the library changed since.",
    )
    p.add_argument("--doc", help="only terms of this document, with its counts")
    p.add_argument("--term", help="only this Chinese term (or terms containing it)")
    p.add_argument("--limit", type=int, default=0, help="at most this many terms (default: all)")
    p.add_argument("--json", action="store_true", help="print the glossary as JSON")
    p.add_argument("--export", metavar="FILE", help="write the glossary to FILE.csv or FILE.tbx")
    p.add_argument(
        "--import", dest="import_file", metavar="FILE", help="add the terms of a CSV or TBX file to your term base"
    )
    p.add_argument("--prefer", nargs=2, metavar=("ZH", "KO"), help="mark KO as the preferred rendering of ZH")
    p.add_argument("--add", nargs=2, metavar=("ZH", "KO"), help="add a rendering to your term base")
    p.add_argument("--remove", nargs=2, metavar=("ZH", "KO"), help="remove a rendering from your term base")
    p.add_argument("--force", action="store_true", help="replace an existing export file")
    p.set_defaults(func=cmd_glossary)

    p = sub.add_parser(
        "lookup",
        help="reading aid for a Chinese word: Sino-Korean reading, pinyin, renderings and examples",
    )
    p.add_argument("word", help="a Chinese word")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(func=cmd_lookup)


def _filtered(entries, doc_id: str, term: str):
    out = []
    for entry in entries:
        if term and term not in entry.zh:
            continue
        if doc_id:
            if doc_id not in entry.documents:
                continue
            for rendering in entry.renderings:
                rendering.count = rendering.by_document.get(doc_id, 0) if not rendering.preferred else rendering.count
            entry.renderings = [r for r in entry.renderings if r.count or r.preferred]
        out.append(entry)
    return out


def cmd_glossary(args: argparse.Namespace) -> int:
    from ..export.atomic import write_atomically
    from ..terms.exchange import read_terms, to_csv, to_tbx
    from ..terms.service import current_glossary

    library = open_library()
    try:
        changed = False
        if args.import_file:
            rows = read_terms(args.import_file)
            for row in rows:
                library.terms.put_term(row.zh, row.ko, row.preferred)
            print(printable(f"added {len(rows)} renderings to the term base from {args.import_file}"))
            changed = True
        for pair, preferred in ((args.add, False), (args.prefer, True)):
            if pair:
                library.terms.put_term(pair[0], pair[1], preferred)
                changed = True
        if args.remove:
            library.terms.delete_term(*args.remove)
            changed = True
        if changed and not (args.json or args.export):
            return 0
        doc_id = library.documents.resolve(args.doc) if args.doc else ""
        entries = _filtered(current_glossary(library), doc_id, args.term or "")
    finally:
        library.close()
    entries = [e for e in entries if e.renderings or e.frequency]
    entries.sort(key=lambda e: (-sum(r.count for r in e.renderings) if doc_id else -e.frequency, e.zh))
    if args.limit:
        entries = entries[: args.limit]
    if args.export:
        path = Path(args.export)
        suffix = path.suffix.lower()
        if suffix not in (".csv", ".tbx"):
            raise DuizhaoError(f"{path}: the glossary is exported as .csv or .tbx")
        text = to_csv(entries) if suffix == ".csv" else to_tbx(entries)

        def write(temporary: Path) -> None:
            temporary.write_text(text, encoding="utf-8")

        write_atomically(path, write, force=args.force)
        print(printable(f"wrote {len(entries)} terms to {path}"))
        return 0
    if args.json:
        print_json([e.as_dict() for e in entries])
        return 0
    for entry in entries:
        renderings = ", ".join(f"{r.ko}{' ★' if r.preferred else ''} ({r.count})" for r in entry.renderings) or "-"
        print(printable(f"{entry.zh} [{entry.reading}] {entry.frequency}: {renderings}"))
    return 0


def cmd_lookup(args: argparse.Namespace) -> int:
    from ..terms.service import current_glossary, look_up

    library = open_library()
    try:
        current_glossary(library)
        found = look_up(args.word, library.terms)
    finally:
        library.close()
    if args.json:
        print_json(found.as_dict())
        return 0
    print(printable(f"{found.word}  {found.traditional}  {found.reading}  {found.pinyin}"))
    for ko, count in found.renderings:
        print(printable(f"  {ko} ({count})"))
    for example in found.examples:
        print(printable(f"  · {example.zh}"))
        print(printable(f"    {example.ko}  [{example.doc_id} {example.zh_id}]"))
    return 0
