"""What a comparison of two documents is: matched provisions with a status and a diff.

A ``Comparison`` is one pure structure that the CLI, the compare view and every export
of a 新旧对照表 read (as ``export.briefing`` is for notes). Its pairs are in the reading
order of side B, with the provisions of A that B dropped at the place they had.

Statuses:

- ``continued``: the same provision; at most numbering, punctuation or spacing changed.
- ``reworded``: the same provision (by meaning and wording, in order) with other words;
  ``diff`` says which. A sentence split in two or two merged into one is one pair with
  several ids on one side.
- ``moved``: the same provision at another place (out of order, e.g. into another part);
  its words may have changed too (see ``diff``).
- ``new``: only in B (``a_ids`` empty).
- ``dropped``: only in A (``b_ids`` empty).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

STATUSES = ("continued", "reworded", "moved", "new", "dropped")
#: Operations of a word diff, read from A to B.
OPS = ("equal", "insert", "delete")

#: (op, text): ``equal`` text is in both, ``delete`` only in A, ``insert`` only in B.
DiffOp = tuple[str, str]


@dataclass(frozen=True)
class Pair:
    """Units of A matched with units of B (one side empty for new and dropped ones).

    ``a_text``/``b_text`` are the units' printed texts, joined. ``diff`` concatenates
    back to them: the ``equal`` and ``delete`` texts give ``a_text``, the ``equal`` and
    ``insert`` texts give ``b_text``. ``a_part``/``b_part`` cite the part and clause a
    side's first unit stands in (``二（三）``; '' before the first part). ``kind`` is
    the structural kind of the first unit (``sentence``, ``clause``, ``part`` …), B's
    where there is one.
    """

    a_ids: tuple[str, ...]
    b_ids: tuple[str, ...]
    a_text: str
    b_text: str
    status: str
    similarity: float
    diff: tuple[DiffOp, ...]
    a_part: str = ""
    b_part: str = ""
    kind: str = "sentence"

    @property
    def part(self) -> str:
        """The part this pair is counted under: B's, or A's for a dropped provision."""
        return self.b_part if self.b_ids else self.a_part

    @property
    def changed(self) -> bool:
        return self.status != "continued"

    def as_dict(self) -> dict:
        """The pair as ``compare --json`` prints it."""
        return {
            "a_ids": list(self.a_ids),
            "b_ids": list(self.b_ids),
            "a_text": self.a_text,
            "b_text": self.b_text,
            "status": self.status,
            "similarity": round(self.similarity, 4),
            "diff": [[op, text] for op, text in self.diff],
            "a_part": self.a_part,
            "b_part": self.b_part,
            "kind": self.kind,
        }


@dataclass(frozen=True)
class Comparison:
    """Two documents (or versions) compared in one language.

    ``a``/``b`` are the references compared (``guofa-2010-28``, ``DOC@1``);
    ``a_title``/``b_title`` and ``a_number``/``b_number`` (document numbers such as
    国发〔2010〕28号) are for headings and citations.
    """

    a: str
    b: str
    lang: str
    pairs: tuple[Pair, ...]
    a_title: str = ""
    b_title: str = ""
    a_number: str = ""
    b_number: str = ""

    def counts(self) -> dict[str, int]:
        """Pairs per status, every status present (0 where none)."""
        found = Counter(pair.status for pair in self.pairs)
        return {status: found[status] for status in STATUSES}

    def counts_by_part(self) -> dict[str, dict[str, int]]:
        """Pairs per status for each part (see ``Pair.part``), parts in reading order."""
        parts: dict[str, Counter] = {}
        for pair in self.pairs:
            parts.setdefault(pair.part, Counter())[pair.status] += 1
        return {part: {status: found[status] for status in STATUSES} for part, found in parts.items()}

    def changes(self) -> list[Pair]:
        """The pairs that are not ``continued``, in order (what "next change" walks)."""
        return [pair for pair in self.pairs if pair.changed]

    def as_dict(self) -> dict:
        """The ``compare --json`` contract: ``{"a", "b", "pairs": [...]}`` (plus lang and counts)."""
        return {
            "a": self.a,
            "b": self.b,
            "lang": self.lang,
            "counts": self.counts(),
            "pairs": [pair.as_dict() for pair in self.pairs],
        }
