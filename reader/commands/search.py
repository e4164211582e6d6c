"""search, reindex."""

from __future__ import annotations

import argparse
import sys
import time

from ..errors import DuizhaoError
from ..text.characters import printable
from . import open_library, print_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "search",
        help='search the library (words AND, OR, NOT, "phrase", prefix*, lang:, doc:, tag:, color:)',
        description="Search every sentence of the library in Chinese and Korean. Words must all occur; "
        'OR, NOT (or -word), "exact phrase", prefix* and parentheses work as usual; lang:zh, lang:ko, '
        "doc:DOC, tag:TAG, color:COLOR and is:annotated filter. Traditional, Hanja and Japanese forms find "
        "simplified Chinese; Korean particles and endings do not matter (산업이전을 finds 산업이전).",
    )
    p.add_argument("query", nargs="+", metavar="QUERY", help="what to look for (several words are joined)")
    p.add_argument("--lang", choices=["zh", "ko"], help="only hits in this language")
    p.add_argument("--doc", metavar="DOC", help="only hits in this document (id or unique prefix)")
    p.add_argument("--limit", type=int, default=50, metavar="N", help="at most N hits (default 50)")
    p.add_argument("--ranked", action="store_true", help="best matches first (default: reading order)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("reindex", help="rebuild the search index from the library")
    p.set_defaults(func=cmd_reindex)


def _progress(done: int, total: int) -> None:
    if sys.stderr.isatty():
        sys.stderr.write(f"\rindexing {done}/{total} sentences")
        if done >= total:
            sys.stderr.write("\n")


def cmd_search(args: argparse.Namespace) -> int:
    from ..search import IndexUnavailable, SearchIndex

    if args.limit < 1:
        raise DuizhaoError("--limit must be at least 1")
    query = " ".join(args.query)
    library = open_library()
    index = SearchIndex(library)
    try:
        index.ensure_current(_progress)
        try:
            results = index.search(query, lang=args.lang, doc=args.doc, limit=args.limit, ranked=args.ranked)
        except IndexUnavailable:
            index.wait()  # damaged under our feet: it is being rebuilt; ask again once
            results = index.search(query, lang=args.lang, doc=args.doc, limit=args.limit, ranked=args.ranked)
    finally:
        index.close()
        library.close()
    if args.json:
        print_json({"query": query, "hits": [h.as_dict() for h in results.hits], "has_more": results.has_more})
        return 0
    if not results.hits:
        print(f"no hits for {printable(query)}")
        return 0
    mark = ("\033[1;4m", "\033[0m") if sys.stdout.isatty() else ("【", "】")
    for hit in results.hits:
        # Text from the library goes through printable(): only our own marks are escape sequences.
        place = " ".join(printable(x) for x in (hit.part, hit.clause) if x)
        print(f"{printable(hit.doc)}  {printable(hit.segment_id)}  {place}".rstrip())
        print(f"  [{hit.lang}] {_marked(hit.text, hit.highlights, mark)}")
        if hit.counterpart:
            print(f"  [{'ko' if hit.lang == 'zh' else 'zh'}] {printable(hit.counterpart)}")
    if results.has_more:
        print(f"… more hits: raise --limit (now {args.limit}) or narrow the query")
    return 0


def _marked(text: str, spans: list[list[int]], mark: tuple[str, str]) -> str:
    out, last = [], 0
    for start, end in spans:
        out += [printable(text[last:start]), mark[0], printable(text[start:end]), mark[1]]
        last = end
    out.append(printable(text[last:]))
    return "".join(out)


def cmd_reindex(args: argparse.Namespace) -> int:
    from ..search import SearchIndex

    library = open_library()
    index = SearchIndex(library)
    try:
        started = time.perf_counter()
        entries = index.rebuild(_progress)
        documents = index.document_count
    finally:
        index.close()
        library.close()
    print(f"indexed {entries} sentences of {documents} documents in {time.perf_counter() - started:.1f} s")
    return 0
