"""Planted slips: known errors put into seed 000's clean aligned text, so that the
translation checks can be measured (recall and precision per kind). Used by the
tests and by benchmarks/terms_bench.py.

Each slip changes the Korean side of one aligned link the way a translator slips:
- near_miss: one letter of one syllable of a settled rendering changed (구조조정 → 구조초정);
- untranslated_chinese: a settled rendering replaced by its Chinese term;
- number_mismatch: a date or figure added to both sides, then changed in the Korean
  (and as many left right, which must raise nothing);
- inconsistent: one use of a settled rendering replaced by another word for it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from pathlib import Path

from reader.align import align_document
from reader.model import Document
from reader.terms.glossary import aligned_pairs, mine
from reader.text.importer import parse_files
from tests.conftest import SEED_000

#: Other words a translator might use for a settled rendering (for "inconsistent").
SYNONYMS = {
    "산업단지": "공업단지",
    "산업이전": "산업이동",
    "중서부지역": "중서부권역",
    "프로젝트": "사업항목",
    "노동집약형": "노동밀집형",
    "메커니즘": "기제",
    "사회간접자본": "인프라",
}
NUMBERS = [
    ("到二○一五年", "2015년까지", "2016년까지"),
    ("增长百分之三十", "30% 증가", "20% 증가"),
    ("投入1.5万亿元", "1조 5천억 위안 투입", "1조 5백억 위안 투입"),
    ("第三批", "제3차", "제2차"),
]


@dataclass
class Planted:
    kind: str
    zh_id: str
    zh_term: str
    ko_term: str


def _typo(syllable: str, rng: random.Random) -> str:
    code = ord(syllable) - 0xAC00
    initial, rest = divmod(code, 21 * 28)
    medial, final = divmod(rest, 28)
    which = rng.choice(["initial", "medial"])
    if which == "initial":
        initial = (initial + rng.randint(1, 18)) % 19
    else:
        medial = (medial + rng.randint(1, 20)) % 21
    return chr(0xAC00 + (initial * 21 + medial) * 28 + final)


def planted_document(count: int = 8, seed: int = 7, omissions: bool = False) -> tuple[Document, list, list[Planted]]:
    """Seed 000 with ``count`` slips of each kind (numbers: count changed, count kept);
    with ``omissions``, ``count`` left-out renderings only (deleting renderings takes
    evidence from the other checks, so they are planted in a document of their own)."""
    rng = random.Random(seed)
    document = parse_files([SEED_000])
    links = align_document(document)
    glossary = {e.zh: e for e in mine(aligned_pairs(document, links))}
    by_id = {s.id: s for s in document.segments}
    pairs = [p for p in aligned_pairs(document, links) if len(p.ko) > 20]
    rng.shuffle(pairs)
    used_links: set[str] = set()
    planted: list[Planted] = []
    texts = {s.id: s.text for s in document.segments}

    def settled(pair):
        """(term, rendering) pairs of a link whose rendering is settled and present."""
        out = []
        for zh, entry in glossary.items():
            if len(zh) < 2 or zh not in pair.zh or not entry.renderings:
                continue
            top = entry.renderings[0]
            if top.count >= 3 and len(top.ko) >= 3 and top.ko in texts[pair.ko_id] and " " not in top.ko:
                out.append((zh, top.ko))
        return sorted(out, key=lambda x: (-len(x[0]), x[0]))

    def take(kind: str, make) -> None:
        made = 0
        for pair in pairs:
            if made == count:
                return
            if pair.zh_id in used_links:
                continue
            if make(pair):
                used_links.add(pair.zh_id)
                made += 1

    def near_miss(pair) -> bool:
        options = settled(pair)
        if not options:
            return False
        zh, ko = options[0]
        position = rng.randrange(1, len(ko))
        slip = ko[:position] + _typo(ko[position], rng) + ko[position + 1 :]
        texts[pair.ko_id] = texts[pair.ko_id].replace(ko, slip, 1)
        planted.append(Planted("near_miss", pair.zh_id, zh, slip))
        return True

    def untranslated(pair) -> bool:
        options = settled(pair)
        if not options:
            return False
        zh, ko = options[0]
        texts[pair.ko_id] = texts[pair.ko_id].replace(ko, zh, 1)
        planted.append(Planted("untranslated_chinese", pair.zh_id, zh, zh))
        return True

    def inconsistent(pair) -> bool:
        for ko, other in SYNONYMS.items():
            if ko in texts[pair.ko_id]:
                zh = next((z for z, e in glossary.items() if e.renderings and e.renderings[0].ko == ko), None)
                if zh and zh in pair.zh:
                    texts[pair.ko_id] = texts[pair.ko_id].replace(ko, other, 1)
                    planted.append(Planted("inconsistent", pair.zh_id, zh, other))
                    return True
        return False

    def omitted(pair) -> bool:
        """A key term's rendering left out: the Korean word that holds it is deleted.
        Only where the evidence is strong (the issue's condition for this check): a term
        of three characters or more, seen at least six times, rendered one way in 80 %."""
        for zh, ko in settled(pair):
            entry = glossary[zh]
            if len(zh) < 3 or entry.frequency < 6 or entry.renderings[0].count < 0.8 * entry.frequency:
                continue
            text = texts[pair.ko_id]
            if zh in text or any(r.ko in text.replace(ko, "", 1) for r in entry.renderings):
                continue
            start = text.rfind(" ", 0, text.index(ko)) + 1
            end = text.find(" ", text.index(ko))
            end = len(text) if end < 0 else end + 1
            if text[end - 1 : end] not in (" ", ""):
                continue
            texts[pair.ko_id] = (text[:start] + text[end:]).rstrip()
            planted.append(Planted("partial_omission", pair.zh_id, zh, ""))
            return True
        return False

    numbers_planted = [0]

    def number(pair, changed: bool) -> bool:
        zh_number, ko_number, wrong = NUMBERS[numbers_planted[0] % len(NUMBERS)]
        if not texts[pair.zh_id].endswith("。") or not texts[pair.ko_id].endswith("."):
            return False
        texts[pair.zh_id] = texts[pair.zh_id][:-1] + f"，{zh_number}。"
        texts[pair.ko_id] = texts[pair.ko_id][:-1] + f" ({wrong if changed else ko_number})."
        numbers_planted[0] += 1
        if changed:
            planted.append(Planted("number_mismatch", pair.zh_id, zh_number, wrong))
        return True

    if omissions:
        take("partial_omission", omitted)
    else:
        take("near_miss", near_miss)
        take("untranslated_chinese", untranslated)
        take("inconsistent", inconsistent)
        take("number_mismatch", lambda p: number(p, True))
        take("number_kept", lambda p: number(p, False))
    segments = [replace(s, text=texts[s.id]) if texts[s.id] != by_id[s.id].text else s for s in document.segments]
    return replace(document, segments=segments), links, planted


def matches(finding, planted: Planted) -> bool:
    """True if a finding points at a planted slip (same link, same kind, same term)."""
    if finding.kind != planted.kind or finding.zh_id != planted.zh_id:
        return False
    if planted.kind == "number_mismatch":
        return True
    return (
        finding.zh_term in planted.zh_term
        or planted.zh_term in finding.zh_term
        or (finding.ko_term and (finding.ko_term in planted.ko_term or planted.ko_term in finding.ko_term))
    )


DATA = Path(__file__).resolve().parents[1] / "data" / "terms"
SLIPS_FILE = DATA / "seed000_slips.json"
TERMS_FILE = DATA / "seed000_terms.json"


def real_slips() -> list[dict]:
    import json

    return json.loads(SLIPS_FILE.read_text(encoding="utf-8"))["slips"]


def is_real_slip(finding, slips: list[dict]) -> bool:
    return any(
        finding.kind == s["kind"] and (finding.zh_term == s["zh"] or (finding.ko_term and finding.ko_term == s["ko"]))
        for s in slips
    )


def evaluate(count: int = 8, seed: int = 7) -> dict[str, dict[str, float]]:
    """Recall and precision of the checks per kind on a planted document."""
    from reader.terms.checks import KINDS, check_document

    document, links, planted = planted_document(count, seed)
    findings = check_document(document, links)
    omitted_document, omitted_links, omitted = planted_document(count, seed, omissions=True)
    omission_findings = check_document(omitted_document, omitted_links)
    slips = real_slips()
    figures = {}
    for kind in KINDS:
        planted_here, found_here = (omitted, omission_findings) if kind == "partial_omission" else (planted, findings)
        wanted = [p for p in planted_here if p.kind == kind]
        found = [f for f in found_here if f.kind == kind]
        hit = [p for p in wanted if any(matches(f, p) for f in found)]
        right = [f for f in found if any(matches(f, p) for p in wanted) or is_real_slip(f, slips)]
        figures[kind] = {
            "planted": len(wanted),
            "found": len(found),
            "recall": len(hit) / len(wanted) if wanted else 1.0,
            "precision": len(right) / len(found) if found else 1.0,
        }
    return figures
