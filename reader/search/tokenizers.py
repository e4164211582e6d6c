"""Whoosh tokenizers over the term functions of ``analysis`` (the index's schema uses them)."""

from __future__ import annotations

from collections.abc import Iterable

from whoosh.analysis import Token, Tokenizer

from .analysis import Morpheme, Term, chinese_terms, korean_terms, mixed_terms


class KoreanText(str):
    """A Korean text with its morphemes already analysed (the indexer batches Kiwi)."""

    morphemes: list[Morpheme]


class _TermTokenizer(Tokenizer):
    """A Whoosh tokenizer over one of the term functions above."""

    def terms(self, value: str) -> Iterable[Term]:
        raise NotImplementedError

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other)

    def __hash__(self) -> int:
        return hash(type(self))

    def __call__(
        self,
        value,
        positions=False,
        chars=False,
        keeporiginal=False,
        removestops=True,
        start_pos=0,
        start_char=0,
        tokenize=True,
        mode="",
        **kwargs,
    ):
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for term in self.terms(value):
            token.text = term.text
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = term.text
            if positions:
                token.pos = start_pos + term.pos
            if chars:
                token.startchar = start_char + term.start
                token.endchar = start_char + term.end
            yield token


class ChineseTokenizer(_TermTokenizer):
    def terms(self, value: str) -> Iterable[Term]:
        return chinese_terms(value)


class KoreanTokenizer(_TermTokenizer):
    def terms(self, value: str) -> Iterable[Term]:
        return korean_terms(value, getattr(value, "morphemes", None))


class MixedTokenizer(_TermTokenizer):
    def terms(self, value: str) -> Iterable[Term]:
        return mixed_terms(value)
