"""Structural anchors: headings both languages number the same way.

A part 一、 and a part 1., a clause （三） and a clause (3), the addressee line and the
signature are strong evidence of where the two texts meet, but a translator may drop
a clause or renumber, so a numbered pair only becomes an anchor if its wording
agrees too, and anchors must keep the order of both texts (heaviest monotone chain).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ..model import Segment
from .features import chinese_numeral

_ROMAN = {"Ⅰ": 1, "Ⅱ": 2, "Ⅲ": 3, "Ⅳ": 4, "Ⅴ": 5, "Ⅵ": 6, "Ⅶ": 7, "Ⅷ": 8, "Ⅸ": 9, "Ⅹ": 10}
_CN_NUMERAL = re.compile(r"[〇○零一二两三四五六七八九十百]+")
_DIGITS = re.compile(r"\d+")
#: Kinds that occur at most once per language and face each other when both exist.
SINGLE_KINDS = ("title", "addressee", "signature", "date")


def label_number(label: str) -> int | None:
    """一、 → 1, （十一） → 11, 1. → 1, (3) → 3, Ⅱ. → 2."""
    if match := _DIGITS.search(label):
        return int(match.group())
    if match := _CN_NUMERAL.search(label):
        return chinese_numeral(match.group())
    if label and label[0] in _ROMAN:
        return _ROMAN[label[0]]
    return None


def structural_path(segment_id: str) -> str:
    """zh.p2.c1.s3.5e0a1b → p2.c1.s3: the place in the structure, without language and hash."""
    return segment_id.split(".", 1)[1].rsplit(".", 1)[0]


def structural_key(segment: Segment) -> tuple[str, str] | None:
    """What a segment can be matched on across languages, if anything: the number of a
    part or clause, the place of a bullet item, the role of a one-off line."""
    return _own_key(segment)


def _own_key(segment: Segment) -> tuple[str, str] | None:
    if segment.kind in ("part", "clause"):
        number = label_number(segment.label)
        return (segment.kind, str(number)) if number is not None else None
    if segment.kind == "item":
        return ("item", structural_path(segment.id))
    if segment.kind in SINGLE_KINDS:
        return (segment.kind, "")
    return None


#: Evidence (0..1) a pair of headings with the same number needs to anchor.
SAME_NUMBER_EVIDENCE = 0.15
#: Evidence a pair whose numbers differ by one needs (the translator renumbered).
RENUMBERED_EVIDENCE = 0.4


def clause_openers(segments: Sequence[Segment]) -> dict[str, tuple[str, str]]:
    """Sentence id → the structural key of the numbered part or clause it opens, for a
    part or clause whose number opens its first sentence (〇、但凡版权持有人… / 제 0 항.
    본 라이센스는…: too long for a heading, so the clause has no text of its own and
    its sentence carries the number). Such a sentence stands where its clause starts."""
    openers: dict[str, tuple[str, str]] = {}
    bare: dict[str, Segment | None] = {}  # per language: a bilingual file interleaves them
    for segment in segments:
        if segment.kind in ("part", "clause") and not segment.text:
            bare[segment.lang] = segment
        elif (clause := bare.get(segment.lang)) is not None and segment.is_unit:
            key = structural_key(clause)
            if key is not None and segment.parent == clause.id:
                openers[segment.id] = key
            bare[segment.lang] = None
    return openers


def find_anchors(
    zh: Sequence[Segment],
    ko: Sequence[Segment],
    evidence: Callable[[int, int], float],
    openers: dict[str, tuple[str, str]] | None = None,
) -> list[tuple[int, int]]:
    """Pairs (zh index, ko index) of units that anchor the alignment, in order.

    ``evidence(i, j)`` says how well two units and what follows them agree (0..1;
    negative: the pair may never anchor, e.g. a unit the user pinned alone).
    Candidates are units of the same kind near the same relative place (a repeated
    document has each key many times) whose numbers match and whose wording agrees a
    little, or whose numbers differ by one and whose wording agrees strongly (a
    translator who dropped a clause may number the rest on). The anchors are the
    monotone chain of candidates with the greatest total weight, so a number alone
    never outweighs a consistent run of agreeing headings.

    ``openers`` (``clause_openers``) gives the sentences that carry the number of the
    clause they open their clause's key.
    """
    openers = openers or {}

    def structural_key(segment: Segment) -> tuple[str, str] | None:
        return openers.get(segment.id) or _own_key(segment)

    n, m = len(zh), len(ko)
    if not n or not m:
        return []
    window = abs(n - m) + 60
    lists = _list_lengths(zh), _list_lengths(ko)
    ko_by_key: dict[tuple[str, str], list[int]] = {}
    for j, segment in enumerate(ko):
        key = structural_key(segment)
        if key and _placed(segment, *lists):
            ko_by_key.setdefault(key, []).append(j)
    candidates: list[tuple[int, int, float]] = []
    for i, segment in enumerate(zh):
        key = structural_key(segment)
        if not key or not _placed(segment, *lists):
            continue
        kind, value = key
        wanted = [(key, SAME_NUMBER_EVIDENCE, 1.0)]
        if kind in ("part", "clause"):
            wanted += [((kind, str(int(value) + d)), RENUMBERED_EVIDENCE, 0.5) for d in (-1, 1)]
        expected = i * m / n
        for wanted_key, needed, base in wanted:
            for j in ko_by_key.get(wanted_key, ()):
                if abs(j - expected) <= window and (strength := evidence(i, j)) >= needed:
                    candidates.append((i, j, base + 2.0 * strength))
    candidates += _agreeing_numbering(zh, ko, evidence, structural_key)
    candidates.sort()
    return heaviest_chain(candidates, m)


def _list_of(segment: Segment) -> str:
    """The place of the list an item belongs to: its parent's path."""
    return structural_path(segment.id).rpartition(".")[0]


def _list_lengths(units: Sequence[Segment]) -> dict[str, int]:
    """Number of items of each list (by place) of one language."""
    lengths: dict[str, int] = {}
    for segment in units:
        if segment.kind == "item":
            place = _list_of(segment)
            lengths[place] = lengths.get(place, 0) + 1
    return lengths


def _placed(segment: Segment, zh_lists: dict[str, int], ko_lists: dict[str, int]) -> bool:
    """Whether a unit's place can be matched across the languages: always, except
    for a bullet item, whose place (the third item of a list) means something only
    when both languages' lists at that place hold as many items; a list one
    translation shortened or lengthened pairs its items by content alone."""
    if segment.kind != "item":
        return True
    place = _list_of(segment)
    return zh_lists.get(place, -1) == ko_lists.get(place, -2)


#: Fewest numbered headings from which two numberings that agree throughout are trusted.
MIN_AGREEING_HEADINGS = 3


def _agreeing_numbering(
    zh: Sequence[Segment],
    ko: Sequence[Segment],
    evidence: Callable[[int, int], float],
    structural_key: Callable[[Segment], tuple[str, str] | None],
) -> list[tuple[int, int, float]]:
    """When both languages number the same parts and clauses in the same order (第三条 …
    第十一条 and 제 3 조 … 제 11 조), the numbering itself is the evidence: each heading
    anchors its counterpart whatever its wording (a heading is often rendered freely,
    空余移动规则 / 말의 움직임에 대한 추가 규칙). A translator who left a clause out
    and numbered on breaks the agreement, and then the wording decides as above."""
    numbered = [
        [(k, key) for k, s in enumerate(units) if (key := structural_key(s)) and key[0] in ("part", "clause")]
        for units in (zh, ko)
    ]
    zh_keys, ko_keys = numbered
    if len(zh_keys) < MIN_AGREEING_HEADINGS or [k for _, k in zh_keys] != [k for _, k in ko_keys]:
        return []
    pairs = [(i, j, evidence(i, j)) for (i, _), (j, _) in zip(zh_keys, ko_keys, strict=True)]
    return [(i, j, 1.0 + 2.0 * strength) for i, j, strength in pairs if strength >= 0]


def heaviest_chain(candidates: list[tuple[int, int, float]], m: int) -> list[tuple[int, int]]:
    """The candidates strictly increasing in both indices with the largest total
    weight (weighted longest increasing subsequence, O(k log m) with a Fenwick tree
    of prefix maxima over the Korean index). Candidates come sorted by zh index."""
    tree_best = [0.0] * (m + 1)
    tree_arg = [-1] * (m + 1)

    def query(j: int) -> tuple[float, int]:  # best chain ending at a ko index < j
        best, arg = 0.0, -1
        while j > 0:
            if tree_best[j] > best:
                best, arg = tree_best[j], tree_arg[j]
            j -= j & -j
        return best, arg

    def update(j: int, value: float, k: int) -> None:
        j += 1
        while j <= m:
            if value > tree_best[j]:
                tree_best[j], tree_arg[j] = value, k
            j += j & -j

    total = [0.0] * len(candidates)
    back = [-1] * len(candidates)
    start = 0
    while start < len(candidates):
        end = start
        while end < len(candidates) and candidates[end][0] == candidates[start][0]:
            end += 1
        for k in range(start, end):  # same zh unit: none may precede another
            best, arg = query(candidates[k][1])
            total[k], back[k] = best + candidates[k][2], arg
        for k in range(start, end):
            update(candidates[k][1], total[k], k)
        start = end
    if not candidates:
        return []
    k = max(range(len(total)), key=total.__getitem__)
    chain = []
    while k >= 0:
        chain.append(candidates[k][:2])
        k = back[k]
    return chain[::-1]
