"""align, qa: the sentence alignment of a document and what a reviewer should check."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import DuizhaoError
from ..model import AlignmentLink, Document
from . import back_up_first, open_library, print_json, report_encoder


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "align",
        help="align files without importing them, or re-align an imported document",
        description="With files (one bilingual file, or one file per language): align them and print the links; "
        "nothing is imported. With a document id: align it again, keeping the user's pinned links, and store it.",
    )
    p.add_argument("targets", nargs="+", metavar="PATH|DOC", help="one or two files, or one document id")
    p.add_argument("--encoding", help="text encoding of the files (default: detect)")
    p.add_argument("--json", action="store_true", help="print the links as a JSON array")
    p.set_defaults(func=cmd_align)

    p = sub.add_parser(
        "qa",
        help="what a reviewer should check: untranslated, added and low-confidence sentences,"
        " corrections lost by a re-import",
    )
    p.add_argument("target", metavar="DOC|PATH", help="a document id, or a bilingual file")
    p.add_argument("--encoding", help="text encoding of the file (default: detect)")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--no-checks", action="store_true", help="leave out the translation checks (findings)")
    p.add_argument("--all", action="store_true", help="list dismissed findings too")
    p.add_argument(
        "--dismiss", metavar="KEY", action="append", default=[], help="dismiss the finding KEY (it stays dismissed)"
    )
    p.add_argument(
        "--confirm", metavar="KEY", action="append", default=[], help="confirm the finding KEY as a real slip"
    )
    p.add_argument("--undecide", metavar="KEY", action="append", default=[], help="take back a verdict on KEY")
    p.set_defaults(func=cmd_qa)


def _files_or_document(targets: list[str]) -> bool:
    """True if the targets are files to align without importing them."""
    if len(targets) > 2:
        raise DuizhaoError("align takes one or two files, or one document id")
    existing = [Path(t).is_file() for t in targets]
    if all(existing):
        return True
    if len(targets) == 2:
        missing = next(t for t, found in zip(targets, existing, strict=True) if not found)
        raise DuizhaoError(f"{missing}: no such file")
    return False


def _align_files(paths: list[str], encoding: str | None) -> tuple[Document, list[AlignmentLink]]:
    from ..align import align_document
    from ..text.importer import parse_files

    document = parse_files(paths, encoding=encoding)
    if len(document.languages) < 2:
        only = "Chinese" if document.languages == ["zh"] else "Korean"
        names = " and ".join(paths)
        raise DuizhaoError(
            f"{names}: has only {only} text; alignment needs both languages (give the translation as a second file)"
        )
    links = align_document(document)
    report_encoder()
    return document, links


def _print_links(document: Document, links: list[AlignmentLink], as_json: bool) -> None:
    from ..align.output import links_as_records

    records = links_as_records(document, links)
    if as_json:
        print_json(records)
        return
    for record in records:
        pin = "  (pinned)" if record["pinned"] else ""
        print(
            f"{record['type']:>4}  {record['score']:.2f}{pin}\n  zh  {record['zh'] or '-'}\n  ko  {record['ko'] or '-'}"
        )


def cmd_align(args: argparse.Namespace) -> int:
    if _files_or_document(args.targets):
        document, links = _align_files(args.targets, args.encoding)
        _print_links(document, links, args.json)
        return 0
    back_up_first()
    library = open_library()
    try:
        document = library.documents.get(args.targets[0])
        if len(document.languages) < 2:
            raise DuizhaoError(f"document {document.id} has one language only: add its translation first")
        links = library.realign(document.id)
        report_encoder()
    finally:
        library.close()
    if args.json:
        _print_links(document, links, True)
    else:
        pins = sum(link.pinned for link in links)
        print(f"realigned {document.id}: {len(links)} links ({pins} pinned kept)")
    return 0


def cmd_qa(args: argparse.Namespace) -> int:
    from ..align.review import format_report, review
    from ..terms.checks import check_document
    from ..terms.service import document_findings

    lost = []
    findings = []
    if Path(args.target).is_file():
        document, links = _align_files([args.target], args.encoding)
        if not args.no_checks:
            findings = check_document(document, links)
    else:
        library = open_library()
        try:
            document = library.documents.get(args.target)
            links = library.links.get(document.id)
            lost = library.links.lost(document.id)
            if len(document.languages) < 2:
                raise DuizhaoError(f"document {document.id} has one language only: nothing to review")
            if not links:
                raise DuizhaoError(
                    f"document {document.id} is not aligned yet: run `python -m reader align {document.id}`"
                )
            if args.dismiss or args.confirm or args.undecide:
                return _decide(library, document.id, args)
            if not args.no_checks:
                findings = document_findings(library, document.id, include_dismissed=args.all)
        finally:
            library.close()
    report = review(document, links)
    report.lost_corrections = lost
    report.findings = findings
    if args.json:
        print_json(report.as_dict())
    else:
        print(format_report(report, document.title))
    return 0


def _decide(library, doc_id: str, args: argparse.Namespace) -> int:
    """Record the reviewer's verdicts on findings (by key, as `qa --json` prints them)."""
    from ..terms.service import document_findings

    by_key = {f.key: f for f in document_findings(library, doc_id, include_dismissed=True)}
    verdicts = [(k, "dismissed") for k in args.dismiss] + [(k, "confirmed") for k in args.confirm]
    verdicts += [(k, "") for k in args.undecide]
    for key, decision in verdicts:
        finding = by_key.get(key)
        if finding is None:
            raise DuizhaoError(f"document {doc_id} has no finding {key!r} (see `python -m reader qa {doc_id} --json`)")
        library.terms.decide(doc_id, key, decision, finding.kind, finding.zh_term, finding.ko_term)
        print(f"{decision or 'undecided'}: {finding.kind} {finding.zh_term} / {finding.ko_term}")
    return 0
