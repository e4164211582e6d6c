"""Translation checks: the slips a careful reader of the Chinese original catches.

Each check looks at one aligned link with the evidence of the library's glossary:

- ``near_miss``: a Korean word one syllable (two in long words) away from the
  Sino-Korean reading of a Chinese term of the sentence, or from the term's usual
  rendering, while neither is there: 산업자원 for 产业资本 (산업자본), 구고조정 for
  结构调整 (구조조정). Short words need more evidence (the target is the term's usual
  rendering and the Korean word is otherwise unknown to the library), because two
  syllables are one syllable away from many words.
- ``untranslated_chinese``: Han characters in the Korean text, except a gloss in
  parentheses (주선(主线)).
- ``number_mismatch``: numbers, percentages and dates that differ (see ``numbers``).
- ``inconsistent``: a term rendered one way in most of a document and otherwise in a
  few places, or not as the rendering the user marked as preferred.
- ``partial_omission``: a term the library renders consistently, none of whose
  renderings (nor its reading) is in the aligned Korean.

Every finding has a stable ``key`` (kind, terms and the Chinese sentence's text), so
the reviewer's verdict on it survives re-alignment and re-import.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

from ..errors import DuizhaoError
from ..model import AlignmentLink, Document
from ..search.analysis import RESOURCES, Morpheme, stored_korean_morphemes
from .glossary import AlignedPair, Analysis, GlossaryEntry, aligned_pairs, analysis_key, mine
from .numbers import chinese_numbers, korean_numbers
from .readings import jamo_distance, reading, syllables
from .words import chinese_terms, chinese_words, han_count

KINDS = ("near_miss", "untranslated_chinese", "number_mismatch", "inconsistent", "partial_omission")

#: A rendering is "usual" for a term when it is used at least this often …
USUAL_COUNT = 3
#: … and for at least this share of the term's occurrences.
USUAL_SHARE = 0.6
#: A slip changes at most this many letters (jamo) of one syllable: 구고 for 구조 is one,
#: 자원 for 자본 two; 공업 for 산업 (three) is another word, not a slip.
MISREADING_LETTERS = 2
#: An inconsistency is reported when the other rendering is at most this share of the usual one.
MINORITY_SHARE = 0.34

_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_HANGUL_RUN = re.compile(r"[가-힣]+")


@dataclass
class Finding:
    kind: str
    zh_term: str
    ko_term: str
    zh_id: str
    ko_id: str
    message: str
    suggestion: str
    confidence: float
    key: str = ""
    decision: str = ""
    expected: str = ""  # what the check expected in the Korean (a rendering, a reading, a value)

    def as_dict(self) -> dict:
        return {
            "kind": self.kind,
            "zh_term": self.zh_term,
            "ko_term": self.ko_term,
            "zh_id": self.zh_id,
            "ko_id": self.ko_id,
            "message": self.message,
            "suggestion": self.suggestion,
            "confidence": round(self.confidence, 3),
            "key": self.key,
            "decision": self.decision,
        }


def finding_key(kind: str, zh_term: str, ko_term: str, zh_text: str) -> str:
    digest = hashlib.sha1(f"{kind}\x1f{zh_term}\x1f{ko_term}\x1f{zh_text}".encode()).hexdigest()
    return digest[:16]


class Evidence:
    """What the library's glossary says about each term."""

    def __init__(
        self, glossary: list[GlossaryEntry], preferred: dict[str, str] | None = None, store: Analysis | None = None
    ):
        self.entries = {e.zh: e for e in glossary}
        self.preferred = preferred or {}
        self._read_as_written: dict[str, bool] = {}
        self.lexicon = Lexicon(store)
        # How many links use a Korean word as a rendering (of whichever term: several
        # terms of one link may all take the same word, which still is one use).
        self.known_korean: Counter[str] = Counter()
        for entry in glossary:
            for rendering in entry.renderings:
                self.known_korean[rendering.ko] = max(self.known_korean[rendering.ko], rendering.count)

    def usual(self, term: str) -> str:
        """The rendering a term usually has in the library, or ''."""
        if term in self.preferred:
            return self.preferred[term]
        entry = self.entries.get(term)
        if not entry or not entry.renderings:
            return ""
        top = entry.renderings[0]
        if top.count >= USUAL_COUNT and top.count >= USUAL_SHARE * entry.frequency:
            return top.ko
        return ""

    def renderings(self, term: str) -> list[str]:
        entry = self.entries.get(term)
        return [r.ko for r in entry.renderings] if entry else []

    def established(self, term: str) -> list[str]:
        """Renderings used in two links or more (one use may be the slip itself),
        and the preferred one."""
        entry = self.entries.get(term)
        found = [r.ko for r in entry.renderings if r.count >= 2] if entry else []
        if term in self.preferred and self.preferred[term] not in found:
            found.insert(0, self.preferred[term])
        return found

    def read_as_written(self, word: str) -> bool:
        """True if the library renders a Chinese word by its Sino-Korean reading.

        One use is no evidence (it may be the slip itself): a word rendered fewer than
        twice is judged by its parts (文化产业 by 文化 and 产业)."""
        known = self._read_as_written.get(word)
        if known is None:
            known = self._read_as_written[word] = self._judge_reading(word)
        return known

    def _judge_reading(self, word: str) -> bool:
        entry = self.entries.get(word)
        if entry and entry.renderings and entry.renderings[0].count >= 2:
            return "".join(syllables(entry.renderings[0].ko)) == "".join(syllables(reading(word)))
        parts = self.lexicon.parts(word)
        if len(parts) < 2:
            return False
        return all(self.read_as_written(part) for part in parts)


class Lexicon:
    """How Chinese terms split into dictionary words (jieba), kept in the analysis store
    beside the sentences' analysis: a document checked before is checked again without
    loading jieba's dictionary (a second or more of a ``qa`` run)."""

    def __init__(self, store: Analysis | None = None):
        self.store = store
        self._known: dict[str, list[str]] = {}
        self.new: dict[str, list[str]] = {}

    def preload(self, terms: set[str]) -> None:
        if self.store is not None and terms:
            keys = [analysis_key(kind, t) for t in terms for kind in ("zh-parts", "zh-words")]
            self._known.update(self.store.analysed(keys))

    def _lookup(self, kind: str, word: str, compute) -> list[str]:
        key = analysis_key(kind, word)
        found = self._known.get(key)
        if found is None and self.store is not None:
            found = self.store.analysed([key]).get(key)
        if found is None:
            found = self.new[key] = list(compute(word))
        self._known[key] = found
        return found

    def parts(self, word: str) -> tuple[str, ...]:
        """The dictionary words that tile a word (产业资本 → 产业 资本), or the word itself."""
        return tuple(self._lookup("zh-parts", word, _parts))

    def words(self, term: str) -> list[str]:
        """The jieba words of a term."""
        return self._lookup("zh-words", term, lambda t: [w.text for w in chinese_words(t)])

    def keep(self) -> None:
        if self.store is not None and self.new:
            with contextlib.suppress(DuizhaoError):  # read-only: kept only to save time
                self.store.keep_analysed(self.new)
            self.new = {}


@lru_cache(maxsize=65536)
def _parts(word: str) -> tuple[str, ...]:
    """The dictionary words that tile a word (产业资本 → 产业 资本), or the word itself."""
    words = tuple(w.text for w in chinese_words(word))
    if len(words) > 1:
        return words
    inner = [w for w, s, e in RESOURCES.jieba.tokenize(word, mode="search", HMM=False) if len(w) >= 2 and w != word]
    tiling, position = [], 0
    for w in sorted(inner, key=lambda w: (word.find(w), -len(w))):
        if word.find(w, position) == position:
            tiling.append(w)
            position += len(w)
    return tuple(tiling) if position == len(word) else (word,)


def check_document(
    document: Document,
    links: list[AlignmentLink],
    glossary: list[GlossaryEntry] | None = None,
    preferred: dict[str, str] | None = None,
    store: Analysis | None = None,
) -> list[Finding]:
    """Every finding of a document, in reading order. Without a library glossary the
    document's own is mined (the evidence is then thinner). ``store`` keeps the analysis
    of each sentence (its terms, the glossary's too, and its Korean morphemes), so the
    checks of a document analysed before run without jieba or Kiwi."""
    pairs = aligned_pairs(document, links)
    if glossary is None:
        glossary = mine(pairs, preferred, store=store)
    evidence = Evidence(glossary, preferred, store)
    terms_of, morphemes = _analysis(pairs, store)
    evidence.lexicon.preload({t for terms in terms_of for t in terms})
    findings: list[Finding] = []
    renderings_used: dict[str, Counter[str]] = defaultdict(Counter)
    where_used: dict[tuple[str, str], list[AlignedPair]] = defaultdict(list)
    for pair, pair_terms, tokens in zip(pairs, terms_of, morphemes, strict=True):
        findings += pair_findings(pair, pair_terms, tokens, evidence)
        for term in sorted(pair_terms, key=lambda t: (-len(t), t)):
            if not _is_key_term(term):
                continue
            for ko in evidence.established(term):
                if ko in pair.ko:
                    renderings_used[term][ko] += 1
                    where_used[term, ko].append(pair)
                    break
    findings += _inconsistencies(renderings_used, where_used, evidence)
    evidence.lexicon.keep()
    order = {p.zh_id: i for i, p in enumerate(pairs)}
    findings.sort(key=lambda f: (order.get(f.zh_id, 0), KINDS.index(f.kind)))
    return _unique(findings)


def pair_findings(pair: AlignedPair, terms: list[str], tokens: list[Morpheme], evidence: Evidence) -> list[Finding]:
    """The findings of one link (all but the document-wide inconsistencies), from the
    Chinese terms and the Korean morphemes of its sentences."""
    terms = sorted(terms, key=lambda t: (-len(t), t))
    boundaries = _word_starts(pair.ko, tokens, evidence)
    suffixes = {m.start for m in tokens if m.tag == "XSN"}
    findings = _untranslated_chinese(pair, evidence) + _number_mismatch(pair)
    findings += _near_misses(pair, terms, boundaries, evidence, suffixes)
    return findings + _omissions(pair, terms, evidence, [f.zh_term for f in findings])


def _analysis(pairs: list[AlignedPair], store: Analysis | None) -> tuple[list[list[str]], list[list[Morpheme]]]:
    """The Chinese terms and the Korean morphemes of every pair, from ``store`` where it
    has them (the keys of ``glossary.analyse`` for the terms; the morphemes are those the
    search index stores too, see ``search.analysis.morphemes_key``); what is new is added."""
    zh_keys = [analysis_key("zh", p.zh) for p in pairs]
    known = store.analysed(zh_keys) if store is not None and pairs else {}
    new: dict[str, list[str]] = {}
    for pair, key in zip(pairs, zh_keys, strict=True):
        if key not in known and key not in new:
            new[key] = sorted({t.text for t in chinese_terms(pair.zh)})
    if store is not None and new:
        with contextlib.suppress(DuizhaoError):  # read-only: the analysis is only kept to save time
            store.keep_analysed(new)
    known.update(new)
    morphemes = stored_korean_morphemes([p.ko for p in pairs], store) if pairs else []
    return [known[k] for k in zh_keys], morphemes


def _is_key_term(term: str) -> bool:
    """A term worth checking for omission and consistency: three Han characters or
    more (产业转移, 中西部地区), not a two-character verb that translators recast."""
    return han_count(term) == len(term) and len(term) >= 3


def _unique(findings: list[Finding]) -> list[Finding]:
    seen, out = set(), []
    for f in findings:
        if f.key not in seen:
            seen.add(f.key)
            out.append(f)
    return out


def _finding(
    pair: AlignedPair,
    kind: str,
    zh_term: str,
    ko_term: str,
    message: str,
    suggestion: str,
    confidence: float,
    expected: str = "",
):
    return Finding(
        kind,
        zh_term,
        ko_term,
        pair.zh_id,
        pair.ko_id,
        message,
        suggestion,
        confidence,
        finding_key(kind, zh_term, ko_term, pair.zh),
        expected=expected,
    )


def _untranslated_chinese(pair: AlignedPair, evidence: Evidence) -> list[Finding]:
    findings = []
    for match in _HAN_RUN.finditer(pair.ko):
        before = pair.ko[: match.start()].rstrip()
        after = pair.ko[match.end() :].lstrip()
        if before.endswith(("(", "（", "[")) and after.startswith((")", "）", "]", ",", "·")):
            continue  # a gloss: 주선(主线)
        run = match.group(0)
        usual = evidence.usual(run)
        suggestion = usual or reading(run)
        findings.append(
            _finding(
                pair,
                "untranslated_chinese",
                run,
                run,
                f"Chinese {run} left in the Korean text",
                f"render it (e.g. {suggestion}) or give it in parentheses after the Korean",
                0.9 if han_count(run) >= 2 else 0.6,
                suggestion,
            )
        )
    return findings


def _number_mismatch(pair: AlignedPair) -> list[Finding]:
    zh_numbers = chinese_numbers(pair.zh)
    ko_numbers = korean_numbers(pair.ko)
    zh_values = Counter(round(n.value, 6) for n in zh_numbers)
    ko_values = Counter(round(n.value, 6) for n in ko_numbers)
    missing = zh_values - ko_values
    extra = ko_values - zh_values
    if not missing and not extra:
        return []
    if not zh_numbers or (not ko_numbers and len(zh_numbers) > 0 and not missing):
        return []
    findings = []
    extra_numbers = [n for n in ko_numbers if round(n.value, 6) in extra]
    for number in zh_numbers:
        if round(number.value, 6) not in missing:
            continue
        other = extra_numbers[0].text if extra_numbers else ""
        value = _format_value(number.value)
        findings.append(
            _finding(
                pair,
                "number_mismatch",
                number.text,
                other,
                f"{number.text} ({value}) is not in the Korean" + (f", which has {other}" if other else ""),
                f"check the number: the Chinese says {value}",
                0.9 if other else 0.6,
                value,
            )
        )
    return findings


def _format_value(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


def _word_starts(text: str, tokens, evidence: Evidence) -> set[int]:
    """Where a Korean word may start: at each morpheme, and inside a long noun after a
    word the library knows (국가산업정캑, which Kiwi keeps whole, holds 국가)."""
    starts = {m.start for m in tokens}
    for m in tokens:
        if m.tag.startswith("NN") and m.end - m.start >= 4:
            for i in range(m.start + 2, m.end - 1):
                if evidence.known_korean[text[m.start : i]]:
                    starts.add(i)
    return starts


def _near_misses(
    pair: AlignedPair,
    terms: list[str],
    boundaries: set[int],
    evidence: Evidence,
    suffixes: frozenset[int] | set[int] = frozenset(),
) -> list[Finding]:
    findings = []
    ko_syllables = "".join(syllables(pair.ko))
    covered: set[str] = set()
    for term in terms:
        if han_count(term) != len(term) or len(term) < 2 or any(term in c for c in covered):
            continue
        targets = []
        usual = evidence.usual(term)
        if usual:
            targets.append((usual, "usual rendering", True))
        # The reading is a target only where the library renders every word of the
        # term by its reading (实际情况 is 실제상황, not a slip of 실제정황).
        if all(evidence.read_as_written(w) for w in evidence.lexicon.parts(term)):
            entry = evidence.entries.get(term)
            settled = usual == reading(term) or bool(entry and entry.renderings and entry.renderings[0].count >= 2)
            targets.append((reading(term), "Sino-Korean reading", settled))
        if not targets:
            continue
        # Each use of the term in the Chinese wants a rendering: one of two uses rendered
        # does not clear the other (产业园区 twice, 산업단지 once and 공업단지 once). A use
        # left in Chinese in the Korean counts (it is untranslated_chinese's finding).
        present = [t for t, _, _ in targets] + [
            r for r in evidence.established(term) if not (usual and r in usual and r != usual)
        ]
        rendered = _uses(present, ko_syllables) + pair.ko.count(term)
        if rendered >= pair.zh.count(term):
            continue
        for target, what, established in sorted(targets, key=lambda t: -len(t[0])):
            if rendered and len(target) < 4:
                # The term is rendered here once already: a short word a letter away
                # from its rendering is then more likely another word (구조 beside the
                # 개조 of 改造) than the slip of its second use.
                continue
            slip, letters = _closest_window(target, pair.ko, boundaries, established, evidence)
            if not slip:
                continue
            at = pair.ko.find(slip)
            differing = [
                at + i for i, (a, b) in enumerate(zip(syllables(slip), syllables(target), strict=True)) if a != b
            ]
            if any(i in suffixes for i in differing):
                continue  # a derivational suffix (완벽화 beside 완벽히) is no slip
            if letters > MISREADING_LETTERS:
                # A whole other syllable: not a slip of the pen but another word. Against
                # the term's usual rendering that is an inconsistency (공업단지 for the
                # 산업단지 of 产业园区); against a mere reading it is a free translation.
                if what == "usual rendering":
                    covered.add(term)
                    findings.append(_inconsistent(pair, term, slip, target, evidence))
                    break
                continue
            if what != "usual rendering" and _rendered_by_parts(term, slip, evidence):
                continue
            covered.add(term)
            findings.append(
                _finding(
                    pair,
                    "near_miss",
                    term,
                    slip,
                    f"{slip} is one syllable away from {target}, the {what} of {term}",
                    f"{target}?",
                    0.85 if len(target) >= 4 else 0.7,
                    target,
                )
            )
            break
        else:
            if not rendered and _reading_instead(pair, term, usual, boundaries, present):
                covered.add(term)
                findings.append(_inconsistent(pair, term, reading(term), usual, evidence))
    return findings


def _reading_instead(pair: AlignedPair, term: str, usual: str, boundaries: set[int], present: list[str]) -> bool:
    """True if the Korean has the term's Sino-Korean reading as a word although the
    library renders the term by another word, none of whose syllables the reading
    shares (机制 → 기제 where it is 메커니즘 everywhere else, 项目 → 항목 for 프로젝트).
    Translators do switch between a loanword and the Sino-Korean calque; a reading
    that shares a syllable with the usual rendering (区域 → 구역 beside 지역) is a variant
    of it, not this switch, and a reading the library also uses (in ``present``) is a
    second rendering, not a slip."""
    term_reading = reading(term)
    if not usual or term_reading in present or set(syllables(term_reading)) & set(syllables(usual)):
        return False
    return any(pair.ko.startswith(term_reading, at) for at in boundaries)


def _inconsistent(pair: AlignedPair, term: str, ko: str, usual: str, evidence: Evidence) -> Finding:
    preferred = evidence.preferred.get(term) == usual
    entry = evidence.entries.get(term)
    count = entry.renderings[0].count if entry and entry.renderings else 0
    message = (
        f"{term} is rendered {ko} here but {usual} (preferred)"
        if preferred
        else f"{term} is rendered {ko} here but {usual} in {count} other places"
    )
    return _finding(pair, "inconsistent", term, ko, message, f"{usual}?", 0.8 if preferred else 0.7, usual)


def _rendered_by_parts(term: str, window: str, evidence: Evidence) -> bool:
    """True if where ``window`` differs from the term's reading it holds a settled
    rendering of that part of the term (发展条件 → 발전여건: 条件 is often 여건)."""
    position = 0
    for part in evidence.lexicon.parts(term):
        size = len(part)
        piece = window[position : position + size]
        if piece != reading(part) and piece in evidence.established(part):
            return True
        position += size
    return False


def _closest_window(
    target: str, text: str, boundaries: set[int], established: bool, evidence: Evidence
) -> tuple[str, int]:
    """A Korean word part as long as ``target``, starting where a morpheme starts, a
    syllable (two in long words) away from it and recognisable at one end."""
    size = len(target)
    allowed = 2 if size >= 6 else 1
    target_syllables = syllables(target)
    if len(target_syllables) != size:
        return "", 0  # a rendering of two words (노동집약형 산업): no one-word window is near it
    for start in sorted(boundaries):
        window = text[start : start + size]
        if len(window) < size or not all("가" <= c <= "힣" for c in window):
            continue
        window_syllables = syllables(window)
        distance = sum(a != b for a, b in zip(window_syllables, target_syllables, strict=True))
        if not 1 <= distance <= allowed:
            continue
        if window_syllables[0] != target_syllables[0] and window_syllables[-1] != target_syllables[-1]:
            continue
        if evidence.known_korean[window] >= 2:
            continue  # a word the library uses for something else
        letters = sum(jamo_distance(a, b) for a, b in zip(window_syllables, target_syllables, strict=True))
        # Two or three syllables are one syllable away from too many words: only a
        # typo of a settled rendering (one letter of one syllable) counts there.
        if size <= 3 and not (established and letters == 1):
            continue
        return window, letters
    return "", 0


def _omissions(pair: AlignedPair, terms: list[str], evidence: Evidence, reported: list[str]) -> list[Finding]:
    findings: list[Finding] = []
    ko_syllables = "".join(syllables(pair.ko))
    for term in terms:
        if not _is_key_term(term) or term in pair.ko:
            continue
        if any(term in other or other in term for other in reported + [f.zh_term for f in findings]):
            continue
        entry = evidence.entries.get(term)
        usual = evidence.usual(term)
        if not entry or not usual or entry.frequency < 2 * USUAL_COUNT:
            continue
        # A part of the usual rendering used once (단지 of 산업단지) is what mining
        # makes of the word left after the rest was deleted: it is no rendering of the term.
        if any(r.ko in pair.ko for r in entry.renderings if r.count >= 2 or r.ko not in usual):
            continue
        if "".join(syllables(reading(term))) in ko_syllables:
            continue
        if any(_rendered_apart(w, term, pair, evidence) for w in evidence.lexicon.words(term)):
            continue  # recast: a word of the term is rendered on its own
        share = entry.renderings[0].count / entry.frequency
        if share < 0.8:
            continue
        findings.append(
            _finding(
                pair,
                "partial_omission",
                term,
                "",
                f"{term} (usually {usual}) has no rendering in the Korean",
                f"check whether {usual} was left out",
                round(0.5 + 0.4 * share, 3),
                usual,
            )
        )
    return findings


def _uses(renderings: list[str], ko_syllables: str) -> int:
    """How many places of a Korean text (its normalised syllables) hold one of the
    renderings, a longer one first where two overlap (산업이전 before 이전)."""
    wanted = sorted({w for w in ("".join(syllables(r)) for r in renderings) if w}, key=len, reverse=True)
    if not wanted:
        return 0
    return len(re.findall("|".join(map(re.escape, wanted)), ko_syllables))


def _rendered_apart(word: str, term: str, pair: AlignedPair, evidence: Evidence) -> bool:
    """True if the Korean has more renderings of ``word`` (a jieba word of ``term``) than
    the Chinese has uses of it outside the term: one is then left for the term, which
    was recast (承接产业转移 → 산업이전을 유치). A rendering another use of the word
    accounts for is no such evidence (产业 of 产业政策 → 산업정책 beside a left-out
    산업이전)."""
    usual = evidence.usual(word)
    if not usual or word not in pair.zh:
        return False
    outside = pair.zh.count(word) - pair.zh.count(term) * term.count(word)
    return pair.ko.count(usual) > max(0, outside)


def _inconsistencies(
    used: dict[str, Counter[str]], where: dict[tuple[str, str], list[AlignedPair]], evidence: Evidence
) -> list[Finding]:
    findings = []
    for term, counts in used.items():
        if len(counts) < 2 and term not in evidence.preferred:
            continue
        preferred = evidence.preferred.get(term)
        usual, usual_count = preferred or counts.most_common(1)[0][0], counts.most_common(1)[0][1]
        for ko, count in counts.items():
            if ko == usual or ko in usual or usual in ko:
                continue
            if not preferred and (usual_count < 2 or count > MINORITY_SHARE * usual_count):
                continue
            for pair in where[term, ko]:
                message = (
                    f"{term} is rendered {ko} here but {usual} (preferred)"
                    if preferred
                    else f"{term} is rendered {ko} here but {usual} in {usual_count} other places"
                )
                findings.append(
                    _finding(pair, "inconsistent", term, ko, message, f"{usual}?", 0.8 if preferred else 0.6, usual)
                )
    return findings
