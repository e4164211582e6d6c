"""What the aligner compares between a Chinese and a Korean unit.

Each unit is reduced to its length and a set of anchors that survive translation:
Sino-Korean syllable pairs (the Chinese side read in Korean, see ``readings``),
numbers (Chinese numerals are turned into digits, so 二○一○年 meets 2010년), quoted
or bracketed titles, and the marks of a translator's note.
"""

from __future__ import annotations

import math
import operator
import re
from collections import Counter
from dataclasses import dataclass

from ..text.numerals import chinese_numeral
from .readings import normalising_translation, sino_reading, to_traditional

_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
# Chinese numerals count as numbers only before a counter word: 一 alone is a word part (进一步).
_CN_NUMBER = re.compile(r"([〇○零一二两三四五六七八九十百千万]+)(?=[年月日号%％个项条亿万]|周年|倍)")
_QUOTED = re.compile(r"[《“「『\"]([^》”」』\"]{2,40})[》”」』\"]")
_NOTE_MARK = re.compile(r"^\s*[\[(（<〈]?\s*(?:※\s*)?(역주|역자\s*주|옮긴이|번역자\s*주|譯註|译注|주\s*:)")

# Latin words (names, commands, acronyms) and web addresses, which both translations
# keep as written: AOSP, GtkGLExt, simplenote.com, mobile@habitica.com.
_LATIN = re.compile(r"(?:https?://|www\.)?[A-Za-z][A-Za-z0-9+#]*(?:[.@/_-][A-Za-z0-9+#]+)*")

#: Extra weight of an anchor that is rare enough to be decisive.
NUMBER_WEIGHT = 3.0
LATIN_WEIGHT = 3.0


def is_translator_note(text: str) -> bool:
    """(역주: …), ※ 역자 주: …, [역주] …: Korean text the translator added on purpose."""
    return bool(_NOTE_MARK.match(text))


def numbers_in(text: str, lang: str) -> set[str]:
    found = {m.group().replace(",", "") for m in _DIGITS.finditer(text)}
    if lang == "zh":
        found |= {str(chinese_numeral(m.group(1))) for m in _CN_NUMBER.finditer(text)}
    return found


_HANGUL_RUN = re.compile(r"[가-힣]+(?: [가-힣]+)*")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def syllable_pairs(text: str) -> set[str]:
    """Pairs of adjacent Hangul syllables (a single space may separate them: 산업 분공
    and 산업분공 are the same word), normalised for the initial-sound law."""
    pairs: set[str] = set()
    for run in _HANGUL_RUN.findall(text.translate(normalising_translation())):
        word = run.replace(" ", "")
        pairs.update(map(operator.add, word, word[1:]))
    return pairs


def latin_words(text: str) -> set[str]:
    """Latin words of two letters or more, lower-cased, as anchors (``@`` marks them)."""
    return {"@" + w.lower() for w in _LATIN.findall(text) if len(w) > 1}


_LATIN_RUN = re.compile(r"[A-Za-z]+")


def latin_vocabulary(texts: list[str]) -> frozenset[str]:
    """The Latin words (lower-cased letter runs) a side of a document writes."""
    return frozenset(w.lower() for text in texts for w in _LATIN_RUN.findall(text))


def text_length(text: str, kept: frozenset[str] | None = None) -> int:
    """Letters and digits only: punctuation and spacing differ between the languages.

    With ``kept`` (the Latin words the other language's text writes too), a Latin word
    the other translation does not keep counts as half its letters, about the syllables
    it takes once transliterated or translated: the Chinese keeps Chess Engine
    Communication Protocol in Latin letters (32 letters) where the Korean writes 체스
    엔진 통신 프로토콜 (9 syllables), so counted letter by letter the Chinese sentence
    looks far longer than its Korean counterpart. A word both keep (glChess, AOSP)
    counts in full, and so does an address (its parts differ between the language
    editions of a site, zh.….fandom.com against ….wikia.com, but it is not translated)."""
    # Every code point str.isalnum accepts is one the regex [^\W_] matched (\w is isalnum or
    # "_", checked over all of Unicode), at a third of its time.
    count = sum(map(str.isalnum, text))
    if kept is None:
        return count
    for match in _LATIN.finditer(text):
        if any(c in ".@/:" for c in match.group()):
            continue  # an address is kept as written, whatever the other side's address
        for word in _LATIN_RUN.findall(match.group()):
            if word.lower() not in kept:
                count -= len(word) // 2
    return count


@dataclass(slots=True)
class UnitFeatures:
    length: int
    anchors: frozenset[str]


def _raw_anchors(texts: list[str], lang: str) -> list[set[str]]:
    if lang == "zh":
        readings = [sino_reading(t) for t in to_traditional(texts)]
    else:
        # Korean text may keep Han characters (“大通关”, 省會): read them too.
        readings = [sino_reading(t) if _HAN.search(t) else t for t in texts]
    out = []
    for text, reading in zip(texts, readings, strict=True):
        anchors = syllable_pairs(reading)
        anchors |= {"#" + n for n in numbers_in(text, lang)}
        anchors |= latin_words(text)
        if _QUOTED.search(text):
            anchors.add("«»")
        out.append(anchors)
    return out


@dataclass
class DocumentFeatures:
    """Features of both languages, with anchor weights shared by the two sides."""

    zh: list[UnitFeatures]
    ko: list[UnitFeatures]
    weights: dict[str, float]
    ratio: float  # Korean length per Chinese length

    def weight(self, anchors: frozenset[str]) -> float:
        weights = self.weights
        return sum(weights[a] for a in anchors)

    def coverage(self, anchors: frozenset[str], other: frozenset[str]) -> float:
        """Share of the weight of ``anchors`` found in ``other`` (0..1); 0.5 if there is
        nothing to compare."""
        total = self.weight(anchors)
        if not total:
            return 0.5
        return self.weight(anchors & other) / total

    def similarity(
        self,
        zh_anchors: frozenset[str],
        ko_anchors: frozenset[str],
        zh_weight: float | None = None,
        ko_weight: float | None = None,
    ) -> float:
        """Weighted Dice coefficient of two anchor sets, 0..1 (pass the weights of the
        sets when known: they are the costly part)."""
        if not zh_anchors or not ko_anchors:
            return 0.0
        shared = self.weight(zh_anchors & ko_anchors)
        if not shared:
            return 0.0
        if zh_weight is None:
            zh_weight = self.weight(zh_anchors)
        if ko_weight is None:
            ko_weight = self.weight(ko_anchors)
        return 2.0 * shared / (zh_weight + ko_weight)


_ANCHOR_WEIGHT = {"#": NUMBER_WEIGHT, "@": LATIN_WEIGHT}


def document_features(zh_texts: list[str], ko_texts: list[str]) -> DocumentFeatures:
    """Features of all units. Only anchors found on both sides of the document count,
    weighted by rarity (inverse document frequency), so the Korean endings and the
    Chinese function words that never correspond drop out."""
    zh_raw = _raw_anchors(zh_texts, "zh")
    ko_raw = _raw_anchors(ko_texts, "ko")
    zh_vocab = set().union(*zh_raw) if zh_raw else set()
    ko_vocab = set().union(*ko_raw) if ko_raw else set()
    shared = zh_vocab & ko_vocab
    frequency: Counter[str] = Counter()
    for anchors in zh_raw + ko_raw:
        frequency.update(anchors & shared)
    units = max(1, len(zh_raw) + len(ko_raw))
    weights = {}
    for anchor, count in frequency.items():
        weight = math.log(1 + units / count)
        weights[anchor] = weight * _ANCHOR_WEIGHT.get(anchor[0], 1.0)
    # Only the Chinese side's Latin words are discounted: a Latin word in the Korean that
    # the Chinese lacks is mostly text the translator added (the original name after its
    # transliteration: 빌헬름 슈타이니츠 (Wilhelm Steinitz)), whose length is real.
    kept = latin_vocabulary(ko_texts)
    zh = [UnitFeatures(text_length(t, kept), frozenset(a & shared)) for t, a in zip(zh_texts, zh_raw, strict=True)]
    ko = [UnitFeatures(text_length(t), frozenset(a & shared)) for t, a in zip(ko_texts, ko_raw, strict=True)]
    zh_total = sum(u.length for u in zh) or 1
    ko_total = sum(u.length for u in ko) or 1
    return DocumentFeatures(zh, ko, weights, ko_total / zh_total)
