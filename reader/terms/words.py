"""Chinese terms and Korean candidate renderings of one aligned sentence pair.

A Chinese *term* is a jieba word of two or more Han characters, or two or three
adjacent content words (产业 + 转移 → 产业转移, 承接 + 产业 + 转移 → 承接产业转移):
policy vocabulary is made of such compounds, and jieba (without its HMM, as the
search index uses it) splits most of them. Words that only glue a sentence together
(的, 和, 进一步 …) never start or end a multi-word term.

A Korean *candidate* is a run of content morphemes as written, spaces included
(노동 + 집약 + 형 → 노동집약형, 노동집약형 산업), or a verb or adjective stem with 다
(다그치다). Particles and endings are never part of a candidate, so 산업이전을 and
산업이전이 are the same rendering.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..align.readings import is_han, is_hangul

#: Longest multi-word Chinese term, in words and in characters.
MAX_TERM_WORDS = 3
MAX_TERM_CHARS = 8
#: Longest Korean candidate, in morphemes.
MAX_CANDIDATE_MORPHEMES = 4

#: Function words: never the first or last word of a multi-word term.
CHINESE_FUNCTION_WORDS = frozenset(
    [
        "的",
        "地",
        "得",
        "和",
        "与",
        "及",
        "以及",
        "并",
        "并且",
        "或",
        "或者",
        "等",
        "等等",
        "在",
        "对",
        "为",
        "以",
        "了",
        "是",
        "有",
        "将",
        "把",
        "被",
        "从",
        "向",
        "由",
        "于",
        "其",
        "之",
        "而",
        "也",
        "都",
        "要",
        "进一步",
        "不断",
        "加快",
        "积极",
        "大力",
        "着力",
        "切实",
        "逐步",
        "充分",
        "有序",
        "合理",
        "按照",
        "通过",
        "关于",
        "各",
        "各类",
        "一批",
        "相关",
        "有关",
        "重点",
    ]
)

#: Korean morpheme tags that can be part of a noun-like rendering.
NOUN_TAGS = frozenset({"NNG", "NNP", "NR", "XPN", "XSN", "XR", "SH", "SL", "SN"})
VERB_TAGS = frozenset({"VV", "VA", "VV-I", "VA-I", "VV-R", "VA-R"})  # -I irregular (돕다), -R regular
#: Adverbs render Chinese adverbial words (充分 → 충분히, 积极 → 적극).
ADVERB_TAGS = frozenset({"MAG"})
#: A rendering of a Chinese term has at least this many Hangul syllables.
MIN_SYLLABLES = 2


class Span(NamedTuple):
    text: str
    start: int
    end: int


_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")  # as align.readings.is_han


def han_count(text: str) -> int:
    return len(_HAN.findall(text))


def hangul_count(text: str) -> int:
    return sum(1 for c in text if is_hangul(c))


def chinese_words(text: str) -> list[Span]:
    """jieba words of a Chinese text (dictionary only, no HMM), with their offsets."""
    from ..search.analysis import RESOURCES

    return [Span(w, s, e) for w, s, e in RESOURCES.jieba.tokenize(text, mode="default", HMM=False)]


def chinese_terms(text: str) -> list[Span]:
    """Terms of a Chinese text: words of two or more Han characters and runs of two or
    three adjacent words of Han characters that neither start nor end with a function word."""
    words = chinese_words(text)
    terms: list[Span] = []
    for i, word in enumerate(words):
        if han_count(word.text) != len(word.text):
            continue
        if len(word.text) >= 2 and word.text not in CHINESE_FUNCTION_WORDS:
            terms.append(word)
        if word.text in CHINESE_FUNCTION_WORDS:
            continue
        for j in range(i + 1, min(i + MAX_TERM_WORDS, len(words))):
            last = words[j]
            if han_count(last.text) != len(last.text):
                break
            if words[j - 1].text in CHINESE_FUNCTION_WORDS and j - 1 > i:
                break
            if last.end - word.start > MAX_TERM_CHARS:
                break
            if last.text in CHINESE_FUNCTION_WORDS:
                continue
            terms.append(Span(text[word.start : last.end], word.start, last.end))
    return terms


def korean_candidates(text: str, morphemes: list | None = None) -> list[Span]:
    """Candidate renderings in a Korean text: every run of up to four noun-like morphemes
    (adjacent, or across one space) and every verb or adjective stem (as 다그치다)."""
    if morphemes is None:
        from ..search.analysis import korean_morphemes

        morphemes = korean_morphemes([text])[0]
    spans: list[Span] = []
    run: list = []

    def close_run() -> None:
        for i in range(len(run)):
            if run[i].tag in ("XSN",):
                continue
            for j in range(i, min(i + MAX_CANDIDATE_MORPHEMES, len(run))):
                if run[j].tag == "XPN":
                    continue
                start, end = run[i].start, run[j].end
                surface = text[start:end]
                if hangul_count(surface) >= MIN_SYLLABLES:
                    spans.append(Span(surface, start, end))
        run.clear()

    for m in morphemes:
        if m.tag in NOUN_TAGS:
            if run and not (run[-1].end == m.start or (run[-1].end + 1 == m.start and text[run[-1].end] == " ")):
                close_run()
            run.append(m)
            continue
        close_run()
        if m.tag in VERB_TAGS and hangul_count(m.form) >= MIN_SYLLABLES:
            spans.append(Span(m.form + "다", m.start, m.end))
        elif m.tag in ADVERB_TAGS and hangul_count(m.form) >= MIN_SYLLABLES:
            spans.append(Span(m.form, m.start, m.end))
    close_run()
    return spans


def korean_candidates_many(texts: list[str]) -> list[list[Span]]:
    """Candidates of many texts with one batched Kiwi analysis."""
    if not texts:
        return []
    from ..search.analysis import korean_morphemes

    return [korean_candidates(text, morphemes) for text, morphemes in zip(texts, korean_morphemes(texts), strict=True)]


def word_at(text: str, offset: int) -> Span | None:
    """The Chinese word of ``text`` at character ``offset`` (jieba, as the glossary
    splits it), or None where there is no Han character."""
    if not 0 <= offset < len(text) or not is_han(text[offset]):
        return None
    # Only the run of Han characters around the offset matters to jieba.
    start = offset
    while start > 0 and is_han(text[start - 1]):
        start -= 1
    end = offset
    while end < len(text) and is_han(text[end]):
        end += 1
    for word in chinese_words(text[start:end]):
        if word.start <= offset - start < word.end:
            return Span(word.text, start + word.start, start + word.end)
    return None
