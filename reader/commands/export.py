"""export, import-notes."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from ..errors import DuizhaoError
from ..text.characters import printable
from . import back_up_first, open_library, print_json


def register(sub: argparse._SubParsersAction) -> None:
    from ..export import FORMATS, GROUP_BY, LANGS, LAYOUTS, REPORT_FORMATS

    p = sub.add_parser(
        "export",
        help="export annotations as a briefing (Markdown, Word, Hangul, PDF, HTML, CSV or W3C JSON)",
    )
    p.add_argument("--format", required=True, choices=list(FORMATS), help="output format")
    p.add_argument("--out", required=True, metavar="PATH", help="file to write")
    p.add_argument("--doc", action="append", default=[], metavar="DOC", help="only this document (repeatable)")
    p.add_argument(
        "--tag", action="append", default=[], metavar="T", help="only annotations with this tag (repeatable)"
    )
    p.add_argument("--color", action="append", default=[], metavar="C", help="only this colour (repeatable)")
    p.add_argument("--group-by", choices=GROUP_BY, default="clause", help="sections by clause (default), tag or colour")
    p.add_argument("--lang", choices=LANGS, default="both", help="texts to show: both (default), zh or ko")
    p.add_argument(
        "--layout",
        choices=LAYOUTS,
        default="memo",
        help=f"memo: the note list (default); report: a Korean 보고서 ({', '.join(REPORT_FORMATS)})",
    )
    p.add_argument("--department", default="", help="the report's department (보고서형 byline)")
    p.add_argument("--author", default="", help="the report's author (보고서형 byline)")
    p.add_argument("--starred", action="store_true", help="only starred annotations")
    p.add_argument("--title", default="", help="title of the briefing (default: 검토 메모)")
    p.add_argument(
        "--date", type=_date, metavar="YYYY-MM-DD", help="export date printed in the header (default: today)"
    )
    p.add_argument(
        "--color-meaning",
        action="append",
        default=[],
        metavar="COLOUR=MEANING",
        help="what a colour means in this export's legend and colour groups (repeatable; default: the "
        "meanings set with `colors`)",
    )
    p.add_argument(
        "--template",
        default="",
        metavar="FILE",
        help="Markdown only: a Jinja2 template to write with (default: templates/briefing.md.j2 in the data "
        "directory if you made one, else the built-in; see `template`)",
    )
    p.add_argument("--force", action="store_true", help="overwrite PATH if it exists")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("template", help="the Markdown export's template: where it is, or a copy of it to edit")
    p.add_argument(
        "--copy",
        nargs="?",
        const="",
        default=None,
        metavar="FILE",
        help="copy the built-in template to FILE (default: templates/briefing.md.j2 in the data directory, "
        "which exports then use)",
    )
    p.add_argument("--print", action="store_true", dest="print_source", help="print the built-in template")
    p.add_argument("--force", action="store_true", help="replace an existing copy")
    p.set_defaults(func=cmd_template)

    p = sub.add_parser(
        "export-text", help="export a document's aligned text as a 대조표 (Chinese | Korean) in DOCX, HWPX, PDF or HTML"
    )
    p.add_argument("doc", metavar="DOC", help="document id (or a unique prefix)")
    p.add_argument("--format", required=True, choices=["docx", "hwpx", "pdf", "html"], help="output format")
    p.add_argument("--out", required=True, metavar="PATH", help="file to write")
    p.add_argument(
        "--part", action="append", type=int, default=[], metavar="N", help="only part N (1, 2 …; repeatable)"
    )
    p.add_argument(
        "--date", type=_date, metavar="YYYY-MM-DD", help="export date printed in the header (default: today)"
    )
    p.add_argument("--force", action="store_true", help="overwrite PATH if it exists")
    p.set_defaults(func=cmd_export_text)

    p = sub.add_parser("colors", help="show or set what each highlight colour means (the exports' legend)")
    p.add_argument(
        "assignments", nargs="*", metavar="COLOUR=MEANING", help="e.g. yellow=핵심 pink=쟁점; yellow= clears one"
    )
    p.add_argument("--json", action="store_true", help="print {colour: meaning} as JSON")
    p.set_defaults(func=cmd_colors)

    p = sub.add_parser("import-notes", help="restore annotations from a W3C Web Annotation JSON file")
    p.add_argument("path", metavar="FILE.json", help="a file written by `export --format json`")
    p.add_argument("--doc", default="", metavar="DOC", help="place every note on this document instead")
    p.set_defaults(func=cmd_import_notes)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (use YYYY-MM-DD)") from exc


def cmd_export(args: argparse.Namespace) -> int:
    from ..export import BriefingOptions, export_library
    from ..export.legend import parse_assignments, read_meanings

    meanings = {**read_meanings(), **parse_assignments(args.color_meaning)}
    options = BriefingOptions(
        doc_ids=tuple(args.doc),
        tags=tuple(args.tag),
        colors=tuple(c.strip().lower() for c in args.color),
        starred_only=args.starred,
        lang=args.lang,
        group_by=args.group_by,
        exported_on=args.date,
        title=args.title,
        color_meanings=tuple(meanings.items()),
        layout=args.layout,
        department=args.department,
        author=args.author,
        template=args.template,
    )
    library = open_library()
    try:
        briefing = export_library(library, options, args.format, args.out, force=args.force)
    finally:
        library.close()
    count = briefing.count
    print(f"wrote {count} annotation{'s' * (count != 1)} to {args.out}")
    return 0


def cmd_export_text(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ..export.atomic import check_target
    from ..export.legend import read_meanings
    from ..export.parallel_formats import write_parallel_table
    from ..export.parallel_table import parallel_table_from_library

    check_target(Path(args.out), args.force)
    library = open_library()
    try:
        table = parallel_table_from_library(library, args.doc, args.part, args.date, read_meanings())
    finally:
        library.close()
    write_parallel_table(table, args.format, args.out, force=args.force)
    print(f"wrote {len(table.rows)} rows ({table.summary()}) to {args.out}")
    return 0


def cmd_template(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ..export.md_template import copy_default, default_path, load_template, user_path

    if args.print_source:
        sys.stdout.write(default_path().read_text(encoding="utf-8"))
        return 0
    if args.copy is not None:
        target = copy_default(Path(args.copy) if args.copy else None, force=args.force)
        print(f"copied the Markdown template to {target}")
        return 0
    user = user_path()
    if user.is_file():
        load_template(user)  # a broken copy says so here, not at the next export
        print(f"Markdown exports use {user}")
    else:
        print(
            f"Markdown exports use the built-in template ({default_path()}); `template --copy` puts one to edit at {user}"
        )
    return 0


def cmd_colors(args: argparse.Namespace) -> int:
    from ..annotations import COLORS
    from ..export.legend import COLOR_NAMES, parse_assignments, read_meanings, store_meanings

    changes = parse_assignments(args.assignments)
    meanings = store_meanings(changes) if changes else read_meanings()
    if args.json:
        print_json(meanings)
        return 0
    for color in COLORS:
        print(f"{color:<7} {COLOR_NAMES[color]}  {printable(meanings.get(color, '-'))}")
    return 0


def cmd_import_notes(args: argparse.Namespace) -> int:
    from ..export.web_annotation import read_notes_file, restore_notes

    library = open_library()
    try:
        doc_id = library.documents.resolve(args.doc) if args.doc else ""
        notes, skipped = read_notes_file(args.path, doc_override=doc_id)
        if notes:
            back_up_first()  # only once the file is known to hold notes
        report = restore_notes(library, notes)
    finally:
        library.close()
    report.skipped.extend(skipped)
    if not report.restored and not report.already_present and not report.orphaned and not report.conflicts:
        # Nothing in the file could be used: one line, with the first reason.
        reasons = [r.split(": ", 1)[1] if r.startswith(f"{args.path}: ") else r for r in report.skipped]
        why = f" ({len(reasons)} skipped; {reasons[0]})" if reasons else ""
        raise DuizhaoError(f"{args.path}: no annotation could be restored{why}")
    for reason in report.skipped:
        print(f"warning: {printable(reason)}", file=sys.stderr)
    for conflict in report.conflicts:
        print(f"warning: {printable(f'{args.path}: {conflict}')}", file=sys.stderr)
    print(report.summary())
    return 0
