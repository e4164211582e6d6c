"""How close a Korean word is to the Sino-Korean reading of a Chinese term.

The reading comes from the traditional form (产业转移 → 產業轉移 → 산업전이); both
sides are compared syllable by syllable after undoing the initial-sound law (see
``align.readings``). The similarity is the Dice overlap of the two syllable
multisets, so renderings that reorder characters (转移 → 이전) or replace one
(劳动密集型 → 노동집약형: 4 of 5 syllables) still score high, while an unrelated word
(服装 → 의류) scores 0 and must be found by association alone.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from ..align.readings import is_han, is_hangul, normalise_syllable, reading_table, sino_reading, to_traditional


@lru_cache(maxsize=65536)
def traditional(word: str) -> str:
    return to_traditional([word])[0]


@lru_cache(maxsize=65536)
def reading(word: str) -> str:
    """The Hangul reading of a Chinese word (non-Han characters kept as they are)."""
    return sino_reading(traditional(word))


def character_readings(text: str) -> list[str]:
    """The Sino-Korean syllable of each character of a text ('' for all but Han
    characters), read from the traditional form of the whole text so that a character
    converts as it does in its words (发展 → 發展 → 발전, 头发 → 頭髮 → 두발): the readings
    shown above Chinese text."""
    converted = traditional(text) if len(text) <= 256 else to_traditional([text])[0]
    if len(converted) != len(text):  # never seen: a conversion must not shift characters
        converted = "".join((traditional(c) or c)[0] for c in text)
    table = reading_table()
    return [table.get(t, "") if is_han(c) else "" for c, t in zip(text, converted, strict=True)]


def syllables(text: str) -> list[str]:
    """The Hangul syllables of a text, normalised for the initial-sound law."""
    return list(_syllables(text))


@lru_cache(maxsize=1 << 16)
def _syllables(text: str) -> tuple[str, ...]:
    return tuple(normalise_syllable(c) for c in text if is_hangul(c))


@lru_cache(maxsize=1 << 18)
def similarity(term_reading: str, korean: str) -> float:
    """How much a Korean word agrees with a reading (0–1): the mean of the Dice overlap
    of their normalised syllables and the share of the reading's syllables that the
    word has. The second part makes the whole rendering win over a part of it
    (中西部地区 → 중서부지역 rather than 중서부)."""
    a, b = Counter(syllables(term_reading)), Counter(syllables(korean))
    if not a or not b:
        return 0.0
    shared = sum((a & b).values())
    dice = 2 * shared / (sum(a.values()) + sum(b.values()))
    return (dice + shared / sum(a.values())) / 2


def syllable_distance(a: str, b: str) -> int:
    """Levenshtein distance between the normalised syllables of two Hangul words."""
    x, y = syllables(a), syllables(b)
    previous = list(range(len(y) + 1))
    for i, cx in enumerate(x, 1):
        current = [i]
        for j, cy in enumerate(y, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (cx != cy)))
        previous = current
    return previous[-1]


def jamo(syllable: str) -> tuple[int, int, int]:
    """Initial, medial and final of a Hangul syllable (after the initial-sound law)."""
    code = ord(normalise_syllable(syllable)) - 0xAC00
    initial, rest = divmod(code, 21 * 28)
    return initial, rest // 28, rest % 28


def jamo_distance(a: str, b: str) -> int:
    """How many letters (initial, medial, final) differ between two syllables."""
    return sum(x != y for x, y in zip(jamo(a), jamo(b), strict=True))
