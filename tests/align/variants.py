"""Variants of seed 000 that a real translation has, each with its gold alignment
adapted: Korean sentences omitted, a whole Korean clause missing, paragraph breaks
lost, Korean-only translator's notes, Markdown, ASCII punctuation. Used by the tests and by
benchmarks/align_bench.py (which puts the repository root on sys.path)."""

from __future__ import annotations

import copy
import json
import random
import re
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import GOLD_000, SEED_000

_HANGUL = re.compile(r"[가-힣]")
_KO_HEADING = re.compile(r"^(?:\d{1,2}\. |\(\d{1,3}\) |- )")

TRANSLATOR_NOTES = {
    # after the Korean sentence that starts with the key: an inline note in brackets
    "산업이전은 생산력의": "(역주: 중서부지역은 중국의 중부 6개 성과 서부 12개 성·자치구·직할시를 가리킨다.)",
    "과학발전관을 심도": "(역주: 과학발전관은 2000년대 중국 지도부가 내세운 발전 이념이다.)",
    "“大通关” 건설과": "(역주: ‘대통관’은 세관, 검역 등 통관 절차를 한 번에 처리하는 체제를 말한다.)",
}
#: Whole paragraphs added after the Korean paragraph that starts with the key.
TRANSLATOR_NOTE_PARAGRAPHS = {
    "(9) 가공무역.": "※ 역자 주: 가공무역은 원자재를 수입하여 가공한 후 다시 수출하는 무역 형태이다.",
    "(28) 토지정책.": "[역주] 출양(出讓)은 국유 토지사용권을 일정 기간 유상으로 넘기는 제도이다.",
}


@dataclass
class Variant:
    name: str
    text: str
    gold: dict
    suffix: str = ".txt"

    def write(self, folder: Path) -> Path:
        path = folder / f"000_{self.name}{self.suffix}"
        path.write_text(self.text, encoding="utf-8")
        return path


def load_gold() -> dict:
    return json.loads(GOLD_000.read_text(encoding="utf-8"))


def split_languages(text: str) -> tuple[list[str], list[str]]:
    """The seed's lines: the Korean translation first, then the Chinese original."""
    lines = text.split("\n")
    first_zh = next(i for i, line in enumerate(lines) if line.strip() and not _HANGUL.search(line))
    return lines[:first_zh], lines[first_zh:]


def seed() -> Variant:
    return Variant("clean", SEED_000.read_text(encoding="utf-8"), load_gold())


def _without_ko_units(gold: dict, removed: set[str]) -> dict:
    gold = copy.deepcopy(gold)
    for link in gold["links"]:
        link["ko"] = [unit for unit in link["ko"] if unit not in removed]
    gold["links"] = [link for link in gold["links"] if link["zh"] or link["ko"]]
    return gold


def omit_sentences(fraction: float, rng_seed: int) -> Variant:
    """About ``fraction`` of the Korean body sentences left out by the translator."""
    base = seed()
    ko_lines, zh_lines = split_languages(base.text)
    gold_ko = [unit for link in base.gold["links"] for unit in link["ko"]]
    body = [unit for unit in gold_ko if not _KO_HEADING.match(unit) and not unit.endswith(":")]
    rng = random.Random(rng_seed)
    removed = set(rng.sample(body, round(fraction * len(gold_ko))))
    out = []
    for line in ko_lines:
        for unit in removed:
            if unit in line:
                line = line.replace(unit, "", 1)
        line = re.sub(r" {2,}", " ", line).strip()
        if line:
            out.append(line)
    return Variant(f"omit{rng_seed}", "\n".join(out + zh_lines), _without_ko_units(base.gold, removed))


def omit_clause(label: str, renumber: bool = False) -> Variant:
    """A whole Korean clause, e.g. "(5)", missing; with ``renumber`` the translator also
    numbered the following clauses on, so the numbers no longer match the Chinese."""
    base = seed()
    ko_lines, zh_lines = split_languages(base.text)
    gone = next(line for line in ko_lines if line.startswith(label + " "))
    removed = {unit for link in base.gold["links"] for unit in link["ko"] if unit in gone}
    assert removed, label
    ko_lines = [line for line in ko_lines if line is not gone]
    gold = _without_ko_units(base.gold, removed)
    name = "omit_clause" + label.strip("()")
    if renumber:
        dropped = int(label.strip("()"))

        def shifted(text: str) -> str:
            match = re.match(r"^\((\d+)\) ", text)
            if match and int(match.group(1)) > dropped:
                return f"({int(match.group(1)) - 1}) {text[match.end() :]}"
            return text

        ko_lines = [shifted(line) for line in ko_lines]
        for link in gold["links"]:
            link["ko"] = [shifted(unit) for unit in link["ko"]]
        name += "_renumbered"
    return Variant(name, "\n".join(ko_lines + zh_lines), gold)


def merge_part(lang: str, part: int) -> Variant:
    """A whole part in one paragraph: the line breaks of part ``part`` lost."""
    base = seed()
    ko_lines, zh_lines = split_languages(base.text)
    lines = ko_lines if lang == "ko" else zh_lines
    heads = (
        [f"{part}. ", f"{part + 1}. "]
        if lang == "ko"
        else ["一二三四五六七八九十"[part - 1] + "、", "一二三四五六七八九十"[part] + "、"]
    )
    clean = [line.strip(" \u3000\t") for line in lines]
    start = next(i for i, line in enumerate(clean) if line.startswith(heads[0]))
    end = next(i for i, line in enumerate(clean) if i > start and line.startswith(heads[1]))
    joiner = " " if lang == "ko" else ""
    merged = [*lines[:start], joiner.join(c for c in clean[start:end] if c), *lines[end:]]
    if lang == "ko":
        ko_lines = merged
    else:
        zh_lines = merged
    return Variant(f"merged_{lang}_part{part}", "\n".join(ko_lines + zh_lines), base.gold)


def add_notes() -> Variant:
    """Korean-only translator's notes, inline and as paragraphs; the gold is unchanged
    (notes are no gold unit, and the aligner should leave them unpaired)."""
    base = seed()
    ko_lines, zh_lines = split_languages(base.text)
    out = []
    for line in ko_lines:
        for start, note in TRANSLATOR_NOTES.items():
            position = line.find(start)
            if position >= 0:
                end = re.compile(r"[.!?][”’)]?(?=\s|$)").search(line, position)
                assert end, start
                line = f"{line[: end.end()]} {note}{line[end.end() :]}"
        out.append(line)
        for start, note in TRANSLATOR_NOTE_PARAGRAPHS.items():
            if line.startswith(start):
                out.append(note)
    return Variant("notes", "\n".join(out + zh_lines), base.gold)


def repeated(times: int) -> str:
    """The seed's body ``times`` over (one head and one signature): a long document pair."""
    ko_lines, zh_lines = split_languages(SEED_000.read_text(encoding="utf-8"))
    ko_head, ko_body = ko_lines[:1], ko_lines[1:]
    start = next(i for i, line in enumerate(zh_lines) if line.rstrip().endswith("："))
    zh_head, zh_body = zh_lines[: start + 1], [line for line in zh_lines[start + 1 :] if line.strip()]
    zh_body, zh_signature = zh_body[:-1], zh_body[-1:]
    return "\n".join(ko_head + ko_body * times + zh_head + zh_body * times + zh_signature)


def all_variants() -> list[Variant]:
    return [
        omit_sentences(0.1, 1),
        omit_sentences(0.1, 2),
        omit_sentences(0.1, 3),
        omit_clause("(5)"),
        omit_clause("(14)"),
        omit_clause("(26)"),
        omit_clause("(5)", renumber=True),
        omit_clause("(19)", renumber=True),
        merge_part("ko", 2),
        merge_part("zh", 3),
        add_notes(),
        markdown(),
        ascii_punctuation(),
    ]


_ZH_PART = re.compile(r"^[一二三四五六七八九十]+、")
_KO_PART = re.compile(r"^\d{1,2}\. ")
_ZH_ASCII = str.maketrans({"，": ",", "；": ";", "：": ":", "（": "(", "）": ")", "？": "?", "！": "!"})


def markdown() -> Variant:
    """The seed as a Markdown file: ``#`` title, ``##`` parts, ``*`` / ``-`` bullets
    (Chinese ``——`` items become ``* ``); the gold is unchanged (the scorer ignores
    markup)."""
    base = seed()
    ko_lines, zh_lines = split_languages(base.text)

    def convert(line: str, lang: str) -> str:
        clean = line.strip(" \u3000\t")
        if not clean:
            return line
        if lang == "zh" and clean.startswith("国务院关于"):
            return "# " + clean
        if (_ZH_PART if lang == "zh" else _KO_PART).match(clean) and len(clean) < 40:
            return "## " + clean
        if lang == "zh" and clean.startswith("——"):
            return "* " + clean[2:]
        return clean

    text = "\n".join([convert(line, "ko") for line in ko_lines] + [convert(line, "zh") for line in zh_lines])
    return Variant("markdown", text, base.gold, suffix=".md")


def ascii_punctuation() -> Variant:
    """The Chinese with ASCII , ; : ( ) ? ! as copied from a web page (full stops and
    enumeration commas stay); the gold is unchanged."""
    base = seed()
    ko_lines, zh_lines = split_languages(base.text)
    return Variant("ascii_punct", "\n".join(ko_lines + [line.translate(_ZH_ASCII) for line in zh_lines]), base.gold)
