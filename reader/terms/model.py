"""What the terms features produce: aligned pairs, renderings and glossary entries.

Plain data with no heavy imports, so the store can read and write them without
loading jieba or Kiwi."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class AlignedPair:
    """The two sides of one two-sided alignment link."""

    doc_id: str
    zh_id: str
    ko_id: str
    zh: str
    ko: str


@dataclass
class Rendering:
    ko: str
    count: int
    by_document: dict[str, int] = field(default_factory=dict)
    preferred: bool = False
    score: float = 0.0

    @property
    def documents(self) -> list[str]:
        return sorted(self.by_document)

    def as_dict(self) -> dict:
        return {"ko": self.ko, "count": self.count, "preferred": self.preferred}


@dataclass
class GlossaryEntry:
    zh: str
    reading: str
    frequency: int
    renderings: list[Rendering]
    documents: list[str]
    examples: list[AlignedPair] = field(default_factory=list)
    log_dice: float = 0.0

    @property
    def top(self) -> str:
        return self.renderings[0].ko if self.renderings else ""

    def as_dict(self) -> dict:
        return {
            "zh": self.zh,
            "reading": self.reading,
            "renderings": [r.as_dict() for r in self.renderings],
            "documents": list(self.documents),
        }
