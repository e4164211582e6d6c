"""Comparing two documents or two versions of one, provision by provision (no Qt).

API (used by the CLI, the compare view and the 新旧对照表 exports)::

    from reader.compare import compare, compare_documents, Comparison, Pair, STATUSES

    comparison = compare(library, "guofa-2010-28", "manufacturing-transfer", lang="zh")
    comparison = compare_documents(doc_a, doc_b, "zh", a_vectors=None, b_vectors=None)
    comparison.pairs          # tuple[Pair, ...] in B's reading order, dropped A units in place
    comparison.counts()       # {"continued": n, "reworded": n, "moved": n, "new": n, "dropped": n}
    comparison.counts_by_part()  # {"二（三）": {status: n}, ...}
    comparison.changes()      # the pairs that are not continued
    comparison.as_dict()      # the ``compare --json`` shape

    # On a worker thread (the compare view): read on the library's thread, run anywhere.
    task = prepare(library, "DOC@1", "DOC", "zh")   # documents and stored vectors
    comparison, encoded = run(task, progress)       # progress(done, total, stage) may raise Cancelled
    library.keep_vectors(doc_id, vectors) for each of ``encoded`` (back on the library's thread)

    pair.a_ids, pair.b_ids    # segment ids (tuples; one side empty for new/dropped)
    pair.a_text, pair.b_text  # printed texts, joined
    pair.status               # one of STATUSES
    pair.similarity           # 0..1
    pair.diff                 # ((op, text), ...), op in equal/insert/delete, A → B
    pair.a_part, pair.b_part  # citation of part and clause, e.g. 二（三）
    pair.kind                 # structural kind: sentence, clause, part, title …

Modules: ``model`` (the structure), ``similarity`` (wording and meaning), ``matching``
(in-order chain, moves, splits and merges), ``diff`` (word diff), ``engine``.
"""

from __future__ import annotations

from .engine import Cancelled, ComparisonTask, compare, compare_documents, prepare, run
from .model import OPS, STATUSES, Comparison, Pair

__all__ = [
    "OPS",
    "STATUSES",
    "Cancelled",
    "Comparison",
    "ComparisonTask",
    "Pair",
    "compare",
    "compare_documents",
    "prepare",
    "run",
]
