"""Word-level differences inside a matched pair, as a 新旧对照表 marks them.

Chinese is cut into jieba words (no HMM, so the same text always cuts the same way),
Korean into eojeol (a word with the spaces after it). The word sequences are diffed;
then the characters at the edges of each changed stretch that are the same on both
sides are given back to ``equal``: jieba may cut an edited sentence differently around
the edit (支持企业 → 鼓励企业 can move a boundary), and a mark should never cover a
character that did not change. So ``推动`` → ``推进`` marks ``动``/``进`` only.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from .model import DiffOp

_EOJEOL = re.compile(r"\S+\s*|\s+")


def tokens(text: str, lang: str) -> list[str]:
    """The words of ``text`` in order; joined they give the text back exactly."""
    if not text:
        return []
    if lang == "ko":
        return _EOJEOL.findall(text)
    from ..search.analysis import RESOURCES  # the search's own jieba, loaded once, quietly

    return RESOURCES.jieba.lcut(text, HMM=False)


def word_diff(a: str, b: str, lang: str) -> tuple[DiffOp, ...]:
    """``(op, text)`` runs from A to B: ``equal`` + ``delete`` texts give ``a``,
    ``equal`` + ``insert`` texts give ``b``. Adjacent runs never share an op."""
    if a == b:
        return (("equal", a),) if a else ()
    if not a or not b:  # a new or dropped provision: nothing to cut into words
        return (("insert", b),) if b else (("delete", a),)
    ta, tb = tokens(a, lang), tokens(b, lang)
    ops: list[DiffOp] = []
    matcher = SequenceMatcher(None, ta, tb, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        old, new = "".join(ta[i1:i2]), "".join(tb[j1:j2])
        if tag == "equal":
            ops.append(("equal", old))
        else:
            ops.extend(_trimmed(old, new))
    return _merged(ops)


def _trimmed(old: str, new: str) -> list[DiffOp]:
    """A changed stretch with the characters it shares at its edges made ``equal``."""
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    ops = [("equal", old[:start])]
    ops += [("delete", old[start : len(old) - end]), ("insert", new[start : len(new) - end])]
    ops.append(("equal", old[len(old) - end :]))
    return [op for op in ops if op[1]]


def _merged(ops: list[DiffOp]) -> tuple[DiffOp, ...]:
    """Adjacent runs of one op joined (a trimmed change can leave two ``equal`` runs side by side)."""
    out: list[list[str]] = []
    for op, text in ops:
        if out and out[-1][0] == op:
            out[-1][1] += text
        else:
            out.append([op, text])
    return tuple((op, text) for op, text in out)


def side_text(ops: tuple[DiffOp, ...], side: str) -> str:
    """The text of one side (``"a"`` or ``"b"``) put back together from a diff."""
    skip = "insert" if side == "a" else "delete"
    return "".join(text for op, text in ops if op != skip)
