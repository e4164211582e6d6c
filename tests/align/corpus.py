"""The alignment evaluation corpus: every set the tests and the benchmark score.

A set on disk is a folder of ``tests/data/align/``: the text files the importer reads
(``zh.*`` and ``ko.*``, or one bilingual file), ``gold.json`` (the format of
``reader.align.evaluation``) and ``SOURCE.md`` (where from, licence, how made, how the
gold was checked). Seed 000's text is the bundled ``reader/corpus/`` file; its variants are
built in memory by ``tests.align.variants``. ``floors.json`` holds the F1 each set must
keep, with the sentence encoder (the default) and without it (a little below what the
aligner measures today; raise them as it improves).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests.align import variants
from tests.conftest import ALIGN_DATA, SEED_000

FLOORS = ALIGN_DATA / "floors.json"
_NOT_TEXT = {"gold.json", "SOURCE.md"}


@dataclass(frozen=True)
class EvalSet:
    """One scored document pair: ``files(folder)`` gives the paths to import (variants
    are written into ``folder``; sets on disk are read in place)."""

    name: str
    gold: dict
    files: Callable[[Path], list[Path]]


def _on_disk(folder: Path) -> EvalSet:
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    texts = sorted(p for p in folder.iterdir() if p.is_file() and p.name not in _NOT_TEXT)
    if folder.name == "seed000":
        texts = [SEED_000]
    if not texts:
        raise FileNotFoundError(f"{folder}: no text files beside gold.json")
    return EvalSet(folder.name, gold, lambda _folder, texts=texts: list(texts))


def _variant(variant: variants.Variant) -> EvalSet:
    return EvalSet(f"seed000-{variant.name}", variant.gold, lambda folder: [variant.write(folder)])


def set_folders() -> list[Path]:
    return sorted(p for p in ALIGN_DATA.iterdir() if (p / "gold.json").is_file())


def all_sets() -> list[EvalSet]:
    """Every set on disk, then seed 000's variants."""
    return [_on_disk(folder) for folder in set_folders()] + [_variant(v) for v in variants.all_variants()]


def floors(encoder: bool = True) -> dict[str, float]:
    """Set name → the F1 the aligner must reach on it: the product's default (with the
    sentence encoder), or on length and cognates alone (the encoder switched off or
    unable to load)."""
    return json.loads(FLOORS.read_text(encoding="utf-8"))["f1" if encoder else "f1_without_encoder"]
