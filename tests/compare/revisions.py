"""Synthetic versions of a real document, edited the way revisions edit, with known truth.

``revise(document, lang, seed)`` takes one language of a parsed document and makes a
new version of it: sentences reworded (a word replaced, inserted or deleted), sentences
deleted and inserted, a clause deleted, a clause inserted (so every later clause is
renumbered), a clause moved into another part, sentences split in two and merged. The
truth says, for every unit of the new version, its status and the units of the old one
it continues, which old units were dropped, and the exact word diff of every edited
pair. Used by tests/compare and benchmarks/compare_bench.py (which puts the repository
root on sys.path).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from reader.export.citation import chinese_number
from reader.model import Document, Segment

#: Chinese word substitutions as revisions make them (no shared first or last character).
ZH_SUBSTITUTES = {
    "推动": "促进",
    "促进": "推动",
    "加强": "强化",
    "积极": "大力",
    "大力": "积极",
    "完善": "健全",
    "健全": "完善",
    "支持": "鼓励",
    "鼓励": "支持",
    "建立": "构建",
    "发展": "壮大",
    "优化": "改善",
    "有序": "稳步",
}
ZH_INSERT_BEFORE = ("推动", "促进", "加强", "完善", "优化", "提高", "发挥", "加快", "支持")
ZH_INSERTED = "进一步"
ZH_DELETABLE = ("积极", "大力", "进一步", "切实", "努力", "充分")
KO_INSERTED = "더욱 "
KO_SUBSTITUTES = ("적극적으로 ", "체계적으로 ", "지속적으로 ")

#: New provisions a revision brings (Chinese from the 2021 guidance, document 002 of the corpus).
ZH_NEW = (
    "引导软件开发、信息服务、工业设计等生产性服务业与制造业协同转移。",
    "严格实施产能置换办法，坚决遏制“两高”项目盲目发展。",
    "推动老工业城市制造业竞争优势重构和工业遗产保护利用，支持产业转型升级示范区建设。",
    "有序疏解超大特大城市中心城区一般性制造业、区域性物流基地等功能和设施。",
    "鼓励有条件的边境地区与境外接壤地区产业合作。",
    "遴选一批产业转移典型合作模式，促进模式创新和应用推广。",
    "鼓励职业资格、职业技能等级、职称地区间互认。",
    "鼓励地方建立健全产业转移重点项目库。",
)
ZH_NEW_CLAUSE = "推进数字化转型。"
#: New Korean provisions (written for this benchmark).
KO_NEW = (
    "디지털 전환을 지원하는 공공서비스 플랫폼을 구축하고 중소기업의 참여를 확대한다.",
    "산업이전 협력사업의 성과를 매년 평가하고 그 결과를 공개한다.",
    "지역 간 인재 교류를 확대하고 기술 인력의 자격을 상호 인정한다.",
    "물류비용을 낮추기 위해 복합운송 체계를 개선한다.",
    "친환경 산업단지 조성을 위한 기준을 마련한다.",
    "수출입 절차를 간소화하여 기업의 부담을 줄인다.",
    "산업이전 정보서비스 플랫폼을 통해 투자 정보를 제공한다.",
    "지방정부는 중점 프로젝트 목록을 작성하여 관리한다.",
)
KO_NEW_CLAUSE = "디지털 전환 추진."

_ZH_CLAUSE_LABEL = re.compile(r"^（([一二三四五六七八九十]+)）$")
_KO_CLAUSE_LABEL = re.compile(r"^\((\d+)\)$")
_DIGITS = "〇一二三四五六七八九"


def chinese_numeral(value: int) -> str:
    """1 → 一, 10 → 十, 23 → 二十三 (up to 99)."""
    tens, ones = divmod(value, 10)
    if tens == 0:
        return _DIGITS[ones]
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")


def trimmed_ops(old: str, new: str) -> list[tuple[str, str]]:
    """A change as the diff marks it: shared characters at its edges are equal."""
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    ops = [("equal", old[:start]), ("delete", old[start : len(old) - end]), ("insert", new[start : len(new) - end])]
    ops.append(("equal", old[len(old) - end :]))
    return [op for op in ops if op[1]]


def merged(ops: list[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    out: list[list[str]] = []
    for op, text in ops:
        if out and out[-1][0] == op:
            out[-1][1] += text
        elif text:
            out.append([op, text])
    return tuple((op, text) for op, text in out)


@dataclass
class Truth:
    """What the comparison of ``old`` with ``new`` must find."""

    #: new unit id → (status, old unit ids it continues; empty for new ones)
    units: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)
    #: old unit ids that the new version dropped
    dropped: set[str] = field(default_factory=set)
    #: first new unit id of an edited pair → its exact word diff
    diffs: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)


@dataclass
class Revision:
    old: Document
    new: Document
    truth: Truth
    edits: dict[str, int] = field(default_factory=dict)


def _words(text: str, lang: str) -> list[str]:
    from reader.compare.diff import tokens

    return tokens(text, lang)


def _reword(text: str, lang: str, rng: random.Random, count: int = 1) -> tuple[str, tuple[tuple[str, str], ...]] | None:
    """Up to ``count`` words of a sentence replaced, inserted or deleted (at least two
    words apart); None if the sentence offers none."""
    words = _words(text, lang)
    choices = []
    if lang == "zh":
        for k, w in enumerate(words):
            if w in ZH_SUBSTITUTES:
                choices.append((k, w, ZH_SUBSTITUTES[w]))
            if w in ZH_INSERT_BEFORE and k > 0 and words[k - 1] != ZH_INSERTED:
                choices.append((k, "", ZH_INSERTED))
            if w in ZH_DELETABLE and 0 < k < len(words) - 1:
                choices.append((k, w, ""))
    else:
        for k, w in enumerate(words[1:-1], start=1):
            if not w.endswith(" ") or len(w) < 3:
                continue
            choices.append((k, "", KO_INSERTED))
            choices.append((k, w, ""))
            choices.append((k, w, rng.choice([x for x in KO_SUBSTITUTES if x != w])))
    rng.shuffle(choices)
    chosen: dict[int, tuple[str, str]] = {}
    for k, old, new in choices:
        if len(chosen) < count and all(abs(k - other) >= 2 for other in chosen):
            chosen[k] = (old, new)
    if not chosen:
        return None
    pieces: list[str] = []
    ops: list[tuple[str, str]] = []
    for k, word in enumerate(words):
        if k not in chosen:
            pieces.append(word)
            ops.append(("equal", word))
            continue
        old, new = chosen[k]
        if old:  # substituted or deleted
            pieces.append(new)
            ops += trimmed_ops(old, new)
        else:  # inserted before the word
            pieces += [new, word]
            ops += [("insert", new), ("equal", word)]
    return "".join(pieces), merged(ops)


def revise(document: Document, lang: str = "zh", seed: int = 0, reworded: float = 0.15) -> Revision:
    """A new version of one language of ``document`` with its truth (see the module);
    ``reworded``: the share of sentences reworded (one to three words each)."""
    rng = random.Random(seed)
    old_segments = [s for s in document.segments if s.lang == lang]
    old = Document(id=f"{document.id}-old", title=document.title, segments=old_segments)
    truth = Truth()
    counts = dict.fromkeys(("reworded", "deleted", "inserted", "split", "merged"), 0)
    children: dict[str, list[Segment]] = {}
    for s in old_segments:
        if s.parent:
            children.setdefault(s.parent, []).append(s)
    clauses = [s for s in old_segments if s.kind == "clause" and s.label]
    parts = [s for s in old_segments if s.kind == "part"]

    def subtree(segment: Segment) -> list[Segment]:
        out = [segment]
        for child in children.get(segment.id, []):
            out += subtree(child)
        return out

    # Whole-clause edits: one deleted, one moved into another part, one inserted.
    deleted_clause, moved_clause, inserted_after = rng.sample(clauses[2:-2], 3)
    deleted_units = {s.id for s in subtree(deleted_clause)}
    moved_units = [s for s in subtree(moved_clause)]
    moved_ids = {s.id for s in moved_units}
    moved_part = next(p for p in parts if p.id == _part_of(moved_clause, old_segments))
    target_part = rng.choice([p for p in parts if p.id != moved_part.id and children.get(p.id)])
    new_number = _clause_number(inserted_after.label, lang)
    touched = deleted_units | moved_ids

    sentences = [
        s for s in old_segments if s.kind == "sentence" and s.id not in touched and len(s.text) >= 12 and s.parent
    ]
    rng.shuffle(sentences)
    plan: dict[str, str] = {}
    for s in sentences[: max(3, int(len(sentences) * reworded))]:
        plan[s.id] = "reword"
    rest = sentences[len(plan) :]
    for s in rest[:3]:
        plan[s.id] = "delete"
    for s in rest[3:6]:
        plan[s.id] = "insert_after"
    # Splits need a comma near the middle; merges a following sentence of the same parent.
    split_mark = "，" if lang == "zh" else ", "
    splits = [s for s in rest[6:] if split_mark in s.text[len(s.text) // 4 : -len(s.text) // 4]][:2]
    for s in splits:
        plan[s.id] = "split"
    siblings = {s.id: children.get(s.parent or "", []) for s in old_segments if s.kind == "sentence"}
    for s in rest[6:]:
        if counts["merged"] >= 2 or s.id in plan:
            continue
        group = siblings[s.id]
        k = group.index(s)
        following = group[k + 1] if k + 1 < len(group) else None
        if (
            following is not None
            and following.id not in plan
            and following.id not in touched
            and following.kind == "sentence"
            and s.text.endswith("。" if lang == "zh" else ".")
        ):
            plan[s.id], plan[following.id] = "merge_first", "merge_second"
            counts["merged"] += 1

    new_segments: list[Segment] = []
    pool = list(ZH_NEW if lang == "zh" else KO_NEW)
    rng.shuffle(pool)
    serial = 0

    def fresh(kind: str, text: str, parent: str | None, label: str = "") -> Segment:
        nonlocal serial
        serial += 1
        return Segment(f"{lang}.rev{serial}", lang, kind, label, text, parent)

    moved_block: list[Segment] = []
    pending_merge: Segment | None = None
    for s in old_segments:
        if s.id in deleted_units:
            if s.is_unit:
                truth.dropped.add(s.id)
            continue
        if s.id in moved_ids:
            copy = _renumbered(s, new_number, lang)
            if s.id == moved_clause.id:
                copy = Segment(copy.id, lang, copy.kind, copy.label, copy.text, target_part.id)
            moved_block.append(copy)
            if copy.is_unit:
                truth.units[copy.id] = ("moved", (s.id,))
                if copy.text != s.text:
                    truth.diffs[copy.id] = merged(_label_diff(s.text, copy.text))
            continue
        action = plan.get(s.id, "")
        if action == "delete":
            truth.dropped.add(s.id)
            counts["deleted"] += 1
            continue
        if action == "reword" and (edit := _reword(s.text, lang, rng, rng.choice((1, 1, 2, 3)))) is not None:
            text, ops = edit
            copy = Segment(s.id + "~", lang, s.kind, s.label, text, s.parent)
            new_segments.append(copy)
            truth.units[copy.id] = ("reworded", (s.id,))
            truth.diffs[copy.id] = ops
            counts["reworded"] += 1
            continue
        if action == "split":
            cut = s.text.index(split_mark, len(s.text) // 4) + len(split_mark)
            first = s.text[:cut].rstrip(" ，,") + ("。" if lang == "zh" else ".")
            second = s.text[cut:]
            one = Segment(s.id + "~a", lang, s.kind, s.label, first, s.parent)
            two = Segment(s.id + "~b", lang, s.kind, "", second, s.parent)
            new_segments += [one, two]
            truth.units[one.id] = truth.units[two.id] = ("continued", (s.id,))
            counts["split"] += 1
            continue
        if action == "merge_first":
            pending_merge = s
            continue
        if action == "merge_second" and pending_merge is not None:
            joined = pending_merge.text[:-1] + ("，" if lang == "zh" else ", ") + s.text
            copy = Segment(pending_merge.id + "~m", lang, "sentence", pending_merge.label, joined, s.parent)
            new_segments.append(copy)
            truth.units[copy.id] = ("continued", (pending_merge.id, s.id))
            pending_merge = None
            continue
        copy = _renumbered(s, new_number, lang)
        new_segments.append(copy)
        if copy.is_unit:
            truth.units[copy.id] = ("continued", (s.id,))
            if copy.text != s.text:
                truth.diffs[copy.id] = merged(_label_diff(s.text, copy.text))
        if action == "insert_after" and pool:
            added = fresh("sentence", pool.pop(), s.parent)
            new_segments.append(added)
            truth.units[added.id] = ("new", ())
            counts["inserted"] += 1
        if s.id == _last_of(inserted_after, children):
            heading = fresh("clause", _clause_heading(new_number + 1, lang), inserted_after.parent, "")
            heading = Segment(
                heading.id, lang, "clause", _clause_label(new_number + 1, lang), heading.text, heading.parent
            )
            body = [fresh("sentence", pool.pop(), heading.id) for _ in range(2) if pool]
            new_segments += [heading, *body]
            for unit in (heading, *body):
                truth.units[unit.id] = ("new", ())
    # The moved clause goes at the end of its target part.
    target_end = max(k for k, s in enumerate(new_segments) if _part_of(s, new_segments) == target_part.id)
    new_segments[target_end + 1 : target_end + 1] = moved_block
    # Children follow a renumbered clause (its id changed with its text).
    renamed = {s.id.removesuffix("~n"): s.id for s in new_segments if s.id.endswith("~n")}
    new_segments = [
        Segment(s.id, s.lang, s.kind, s.label, s.text, renamed.get(s.parent or "", s.parent)) for s in new_segments
    ]
    new = Document(id=f"{document.id}-new", title=document.title, segments=new_segments)
    counts.update(clause_deleted=1, clause_moved=1, clause_inserted=1)
    return Revision(old, new, truth, counts)


def _part_of(segment: Segment, segments: list[Segment]) -> str:
    by_id = {s.id: s for s in segments}
    current: Segment | None = segment
    while current is not None:
        if current.kind == "part":
            return current.id
        current = by_id.get(current.parent) if current.parent else None
    return ""


def _last_of(clause: Segment, children: dict[str, list[Segment]]) -> str:
    last = clause
    while children.get(last.id):
        last = children[last.id][-1]
    return last.id


def _clause_number(label: str, lang: str) -> int:
    match = (_ZH_CLAUSE_LABEL if lang == "zh" else _KO_CLAUSE_LABEL).match(label)
    if not match:
        return 10**6
    return (chinese_number(match.group(1)) if lang == "zh" else int(match.group(1))) or 10**6


def _clause_label(number: int, lang: str) -> str:
    return f"（{chinese_numeral(number)}）" if lang == "zh" else f"({number})"


def _clause_heading(number: int, lang: str) -> str:
    return _clause_label(number, lang) + (ZH_NEW_CLAUSE if lang == "zh" else " " + KO_NEW_CLAUSE)


def _renumbered(segment: Segment, inserted_at: int, lang: str) -> Segment:
    """A clause after the inserted one gets the next number."""
    if segment.kind != "clause" or not segment.label:
        return segment
    number = _clause_number(segment.label, lang)
    if number <= inserted_at or number >= 10**6:
        return segment
    label = _clause_label(number + 1, lang)
    return Segment(
        segment.id + "~n", lang, segment.kind, label, label + segment.text[len(segment.label) :], segment.parent
    )


def _label_diff(old: str, new: str) -> list[tuple[str, str]]:
    return trimmed_ops(old, new)


@dataclass(frozen=True)
class RevisionScore:
    status_correct: int
    status_total: int
    diffs_exact: int
    diffs_total: int
    wrong: tuple[str, ...]

    @property
    def status_accuracy(self) -> float:
        return self.status_correct / self.status_total if self.status_total else 1.0

    @property
    def diff_accuracy(self) -> float:
        return self.diffs_exact / self.diffs_total if self.diffs_total else 1.0


def score_revision(comparison, truth: Truth) -> RevisionScore:
    """Status (with the right counterpart) per unit of the new version and per dropped
    unit of the old one; exact diffs of the edited pairs."""
    correct, wrong = 0, []
    found_dropped = set()
    first_pair = {}
    for pair in comparison.pairs:
        if not pair.b_ids:
            found_dropped.update(a for a in pair.a_ids if a in truth.dropped)
            continue
        first_pair[pair.b_ids[0]] = pair
        for b in pair.b_ids:
            status, a_ids = truth.units[b]
            if pair.status == status and set(pair.a_ids) == set(a_ids):
                correct += 1
            else:
                wrong.append(f"{b}: {pair.status} {pair.a_ids} (truth {status} {a_ids})")
    correct += len(found_dropped)
    wrong += [f"{a}: not dropped" for a in sorted(truth.dropped - found_dropped)]
    exact = sum(1 for b, ops in truth.diffs.items() if b in first_pair and first_pair[b].diff == ops)
    wrong += [
        f"{b}: diff {first_pair[b].diff if b in first_pair else None} (truth {ops})"
        for b, ops in truth.diffs.items()
        if not (b in first_pair and first_pair[b].diff == ops)
    ]
    return RevisionScore(correct, len(truth.units) + len(truth.dropped), exact, len(truth.diffs), tuple(wrong))
