"""Scoring an alignment against a gold alignment, independent of segmentation.

A *gold* alignment is a JSON object ``{"links": [{"zh": [unit, …], "ko": [unit, …]}, …]}``
(the format of ``tests/data/align/*/gold.json``): each link lists the gold units of each
side, in document order; a link with one empty side is a unit with no counterpart.

A *system* alignment is a list of links in document order, each ``{"zh": text, "ko":
text}`` — exactly what ``python -m reader align … --json`` prints. A side may hold one
sentence, several or a whole clause, and ``""`` when it has no counterpart.

The two are compared on the gold units. Each gold unit is located by content in the
concatenated system text of its language, after normalising both to letters and digits
(so punctuation, spacing, full/half-width forms and inline markup do not decide), and is
owned by every system link that holds at least half of it or at least half of whose text
it is. A system link then relates every gold Chinese unit it owns to every gold Korean
unit it owns. Precision, recall and F1 are computed over those (zh unit, ko unit) pairs:

- aligning whole paragraphs as one link costs precision (it pairs units that are not
  translations of each other), missing a pair costs recall;
- gold units with no counterpart contribute no pairs, so a system that links them
  anyway loses precision;
- a gold unit the system text does not contain is *unlocated* (counted, never paired),
  which tells a wrong gold file from a wrong alignment.

This is the metric of the evaluation scorer the project was first measured with; it is
re-implemented here so that the tests and benchmarks need nothing outside the
repository.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

# An inline tag, attributes and all (DocBook's <ulink url="ghelp:…" type="help"> is 50
# characters long); never across another tag or a line.
_INLINE_TAG = re.compile(r"<[^<>\n]{1,300}>")
_NOT_A_WORD_CHARACTER = re.compile(r"[\W_]+")

Span = tuple[int, int]


def normalise(text: str) -> str:
    """Letters and digits only, lower-cased, inline tags removed."""
    return _NOT_A_WORD_CHARACTER.sub("", _INLINE_TAG.sub("", text)).lower()


@dataclass(frozen=True)
class AlignmentScore:
    """Precision, recall and F1 over (zh unit, ko unit) pairs, and what they count."""

    gold_pairs: int
    system_pairs: int
    true_pairs: int
    unlocated_units: int
    #: (zh unit, ko unit) texts of gold pairs the system missed / of pairs it made up.
    missed: tuple[tuple[str, str], ...] = field(default=(), repr=False)
    wrong: tuple[tuple[str, str], ...] = field(default=(), repr=False)

    @property
    def precision(self) -> float:
        return self.true_pairs / self.system_pairs if self.system_pairs else 0.0

    @property
    def recall(self) -> float:
        return self.true_pairs / self.gold_pairs if self.gold_pairs else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        """The figures as JSON-ready numbers (rates rounded to four places)."""
        return {
            "gold_pairs": self.gold_pairs,
            "system_pairs": self.system_pairs,
            "unlocated_units": self.unlocated_units,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(frozen=True)
class GoldUnits:
    """The gold alignment flattened: every unit of each side, and the gold pairs."""

    zh: tuple[str, ...]
    ko: tuple[str, ...]
    pairs: frozenset[tuple[int, int]]

    @classmethod
    def from_gold(cls, gold: dict) -> GoldUnits:
        zh: list[str] = []
        ko: list[str] = []
        pairs: set[tuple[int, int]] = set()
        for link in gold["links"]:
            zh_indices = range(len(zh), len(zh) + len(link["zh"]))
            ko_indices = range(len(ko), len(ko) + len(link["ko"]))
            pairs.update((z, k) for z in zh_indices for k in ko_indices)
            zh.extend(link["zh"])
            ko.extend(link["ko"])
        return cls(tuple(zh), tuple(ko), frozenset(pairs))


def locate_units(units: Sequence[str], text: str) -> list[Span | None]:
    """Where each unit is in the normalised ``text``, searching on from the previous unit
    (so repeated sentences are found in order) and from the start if that fails."""
    spans: list[Span | None] = []
    cursor = 0
    for unit in units:
        needle = normalise(unit)
        if not needle:
            spans.append(None)
            continue
        start = text.find(needle, cursor)
        if start < 0:
            start = text.find(needle)
        if start < 0:
            spans.append(None)
            continue
        spans.append((start, start + len(needle)))
        cursor = start + len(needle)
    return spans


def side_spans(sides: Iterable[str]) -> tuple[str, list[Span | None]]:
    """The normalised concatenation of one language's link texts, and each link's span
    in it (``None`` for an empty side)."""
    parts: list[str] = []
    spans: list[Span | None] = []
    position = 0
    for side in sides:
        normal = normalise(side or "")
        spans.append((position, position + len(normal)) if normal else None)
        parts.append(normal)
        position += len(normal)
    return "".join(parts), spans


def owning_links(unit: Span | None, links: Sequence[Span | None]) -> list[int]:
    """The system links holding at least half of the unit, or half of whose text it is."""
    if unit is None:
        return []
    unit_start, unit_end = unit
    owners = []
    for index, span in enumerate(links):
        if span is None:
            continue
        start, end = span
        overlap = min(end, unit_end) - max(start, unit_start)
        if overlap > 0 and (2 * overlap >= unit_end - unit_start or 2 * overlap >= end - start):
            owners.append(index)
    return owners


@dataclass(frozen=True)
class _Projection:
    """The gold units each system link owns, per language."""

    units: GoldUnits
    zh_owners: list[list[int]]
    ko_owners: list[list[int]]
    zh_by_link: dict[int, list[int]]
    ko_by_link: dict[int, list[int]]

    @classmethod
    def of(cls, gold: dict, system: Sequence[dict]) -> _Projection:
        units = GoldUnits.from_gold(gold)
        zh_text, zh_links = side_spans(link.get("zh", "") for link in system)
        ko_text, ko_links = side_spans(link.get("ko", "") for link in system)
        zh_owners = [owning_links(span, zh_links) for span in locate_units(units.zh, zh_text)]
        ko_owners = [owning_links(span, ko_links) for span in locate_units(units.ko, ko_text)]
        zh_by_link: dict[int, list[int]] = {}
        ko_by_link: dict[int, list[int]] = {}
        for unit, owners in enumerate(zh_owners):
            for link in owners:
                zh_by_link.setdefault(link, []).append(unit)
        for unit, owners in enumerate(ko_owners):
            for link in owners:
                ko_by_link.setdefault(link, []).append(unit)
        return cls(units, zh_owners, ko_owners, zh_by_link, ko_by_link)

    def pairs_of(self, link: int) -> set[tuple[int, int]]:
        return {(z, k) for z in self.zh_by_link.get(link, []) for k in self.ko_by_link.get(link, [])}


def score_alignment(gold: dict, system: Sequence[dict]) -> AlignmentScore:
    """Score ``system`` links (``{"zh": text, "ko": text}``) against ``gold``."""
    projection = _Projection.of(gold, system)
    units = projection.units
    system_pairs = {pair for link in projection.zh_by_link for pair in projection.pairs_of(link)}
    true_pairs = units.pairs & system_pairs
    owners = projection.zh_owners + projection.ko_owners
    return AlignmentScore(
        gold_pairs=len(units.pairs),
        system_pairs=len(system_pairs),
        true_pairs=len(true_pairs),
        unlocated_units=sum(1 for unit_owners in owners if not unit_owners),
        missed=tuple((units.zh[z], units.ko[k]) for z, k in sorted(units.pairs - system_pairs)),
        wrong=tuple((units.zh[z], units.ko[k]) for z, k in sorted(system_pairs - units.pairs)),
    )


def judge_links(gold: dict, system: Sequence[dict]) -> list[bool | None]:
    """Whether each system link is right, for calibrating link scores.

    A link that pairs units is right when every pair it makes is a gold pair; a
    one-sided link is right when none of its units has a counterpart in the gold. A link
    that holds no gold unit (a translator's note the gold leaves out) is ``None``.
    """
    projection = _Projection.of(gold, system)
    units = projection.units
    paired_zh = {z for z, _ in units.pairs}
    paired_ko = {k for _, k in units.pairs}
    verdicts: list[bool | None] = []
    for index in range(len(system)):
        zh_units = projection.zh_by_link.get(index, [])
        ko_units = projection.ko_by_link.get(index, [])
        if zh_units and ko_units:
            verdicts.append(projection.pairs_of(index) <= units.pairs)
        elif zh_units or ko_units:
            lonely = all(z not in paired_zh for z in zh_units) and all(k not in paired_ko for k in ko_units)
            verdicts.append(lonely)
        else:
            verdicts.append(None)
    return verdicts


def gold_as_links(gold: dict) -> list[dict]:
    """The gold alignment written as system links (one per gold link): a perfect system."""
    return [{"zh": "".join(link["zh"]), "ko": " ".join(link["ko"])} for link in gold["links"]]


def load_gold(path: Path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m reader.align.evaluation GOLD.json SYSTEM.json|- [--verbose]``."""
    parser = argparse.ArgumentParser(description="Score an alignment against a gold alignment.")
    parser.add_argument("gold", type=Path)
    parser.add_argument("system", help="links as printed by `align --json`, or - for stdin")
    parser.add_argument("--verbose", action="store_true", help="list missed and wrong pairs")
    args = parser.parse_args(argv)
    try:
        gold = load_gold(args.gold)
        raw = sys.stdin.read() if args.system == "-" else Path(args.system).read_text(encoding="utf-8")
        system = json.loads(raw)
    except (OSError, ValueError) as error:
        print(f"cannot score: {error}", file=sys.stderr)
        return 1
    if isinstance(system, dict):
        system = system.get("links", [])
    result = score_alignment(gold, system)
    if args.verbose:
        for zh, ko in result.missed:
            print(f"MISSED  {zh[:30]} || {ko[:30]}")
        for zh, ko in result.wrong:
            print(f"WRONG   {zh[:30]} || {ko[:30]}")
    for key, value in result.as_dict().items():
        print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
