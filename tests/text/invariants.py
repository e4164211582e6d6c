"""The invariants every parsed file must keep, as functions the tests share.

1. *Nothing lost, nothing moved*: in each language, the units' texts concatenated in document order equal that language's clean
   paragraphs concatenated in file order, whitespace aside; a label is also in its
   unit's text. Cleanup itself only
   removes what ``reader/text/cleanup.py`` lists (markup, page numbers, invisible
   characters), so every Han and Hangul character of the file is in some unit.
2. *Parents first*: each segment's parent comes before it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path

from reader.model import Document
from reader.text.cleanup import paragraphs, split_markup_lines, strip_markup
from reader.text.loaders import load

_SPACE = re.compile(r"\s+")
_SCRIPT = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf\uac00-\ud7a3]")
_PAGE_LINE = re.compile(r"^[-—–\s]*(?:第\s*)?\d{1,3}(?:\s*页|\s*/\s*\d{1,3})?[-—–\s]*$")


def squeeze(text: str) -> str:
    return _SPACE.sub("", text)


def printed(segment) -> str:
    """What a segment contributes to the text: its own text, numbering included."""
    return segment.text


def language_streams(path: Path) -> dict[str, str]:
    """Each language's clean paragraphs, concatenated in file order, without spaces."""
    loaded = load(path)
    streams: dict[str, list[str]] = {}
    for para in paragraphs(loaded.lines, wrapped=loaded.wrapped, authored=loaded.authored):
        if para.lang:
            streams.setdefault(para.lang, []).append(para.text)
    return {lang: squeeze("".join(texts)) for lang, texts in streams.items()}


def file_characters(path: Path) -> Counter:
    """The Han and Hangul characters of a text file, as cleanup keeps them."""
    lines = split_markup_lines(load(path).lines)
    kept = [strip_markup(line) for line in lines if not _PAGE_LINE.match(line.strip())]
    text = unicodedata.normalize("NFKC", "\n".join(kept))
    return Counter(_SCRIPT.findall(text))


def check_document(document: Document, path: Path) -> None:
    seen: set[str] = set()
    segments = document.segments
    for i, segment in enumerate(segments):
        if segment.label:
            # A label opens its unit's text, or (a clause without a heading) its first sentence's.
            holder = segment if segment.text else next((s for s in segments[i + 1 :] if s.text), None)
            assert holder is not None and holder.text.startswith(segment.label), (
                f"{path.name}: {segment} lost its label"
            )
        assert segment.parent is None or segment.parent in seen, f"{path.name}: {segment.id} before its parent"
        seen.add(segment.id)
    streams = language_streams(path)
    assert set(document.languages) == set(streams), path.name
    for lang, expected in streams.items():
        got = squeeze("".join(printed(s) for s in document.segments_in(lang)))
        if got != expected:
            at = next(
                (i for i, (a, b) in enumerate(zip(got, expected, strict=False)) if a != b), min(len(got), len(expected))
            )
            raise AssertionError(
                f"{path.name} [{lang}]: units differ from the file at {at}: "
                f"units …{got[max(0, at - 20) : at + 20]}… file …{expected[max(0, at - 20) : at + 20]}…"
            )
    if path.suffix.lower() in (".txt", ".md", ".markdown", ""):
        units = Counter(_SCRIPT.findall(unicodedata.normalize("NFKC", "".join(printed(s) for s in document.segments))))
        assert units == file_characters(path), f"{path.name}: Han/Hangul characters lost or added"
