"""Files in, one structured document out.

One file holding both languages (Korean first or Chinese first) becomes one
bilingual document; two files, one per language in any order, become one
document; a file in one language is a monolingual document that can receive its
translation later.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from ..errors import ImportFailed
from ..model import Document, Segment
from .characters import strip_unsafe
from .cleanup import paragraphs
from .formats.ocr import PageCallback
from .loaders import LoadedFile, load
from .structure import Line, ParsedLanguage, parse_language


def _parse_file(
    path: Path, encoding: str | None, ocr: str = "auto", on_page: PageCallback | None = None
) -> tuple[dict[str, ParsedLanguage], LoadedFile]:
    loaded = load(path, encoding, ocr_mode=ocr, on_page=on_page)
    paras = paragraphs(loaded.lines, wrapped=loaded.wrapped, authored=loaded.authored)
    by_lang: dict[str, list[Line]] = {}
    for para in paras:
        if para.lang:
            by_lang.setdefault(para.lang, []).append(Line(para.text, para.heading, para.bold))
    if not by_lang:
        raise ImportFailed(path, "no Chinese or Korean text found")
    return {lang: parse_language(texts, lang) for lang, texts in by_lang.items()}, loaded


def slug(text: str) -> str:
    cleaned = re.sub(r"[^0-9A-Za-z_-]+", "-", text).strip("-").lower()
    return cleaned[:40] or "doc"


def parse_files(
    paths: Sequence[str | Path],
    encoding: str | None = None,
    doc_id: str = "",
    title: str = "",
    metadata: dict[str, str] | None = None,
    ocr: str = "auto",
    on_page: PageCallback | None = None,
) -> Document:
    """Parse one or two files into a Document (not stored).

    ``metadata`` (title_ko, doc_number, issuer, date, date_published, source_url, given
    by the user or a manifest) wins over what the files say (a gov.cn page's metadata
    table), which wins over what the structure parser reads from the text.
    """
    if not 1 <= len(paths) <= 2:
        raise ValueError("import takes one file, or two files (one per language)")
    parsed: dict[str, ParsedLanguage] = {}
    sources: list[str] = []
    stated: dict[str, str] = {}
    ocr_report: dict = {}
    for raw in paths:
        path = Path(raw)
        found, loaded = _parse_file(path, encoding, ocr, on_page)
        clash = set(found) & set(parsed)
        if clash:
            lang = "Chinese" if "zh" in clash else "Korean"
            raise ImportFailed(path, f"both files contain {lang} text; give one file per language")
        parsed.update(found)
        sources.append(str(path.resolve()))
        for name, value in loaded.metadata.items():
            stated.setdefault(name, value)
        ocr_report = ocr_report or loaded.ocr
    given = {name: value for name, value in (metadata or {}).items() if value}
    if title:
        given["title"] = title
    document = assemble(parsed, sources, doc_id or slug(Path(paths[0]).stem), {**stated, **given})
    document.ocr = ocr_report
    return document


def assemble(
    parsed: dict[str, ParsedLanguage], sources: list[str], doc_id: str, metadata: dict[str, str] | None = None
) -> Document:
    segments: list[Segment] = []
    for lang in ("zh", "ko"):
        if lang in parsed:
            segments.extend(parsed[lang].segments)
    zh, ko = parsed.get("zh"), parsed.get("ko")
    first = zh or ko
    assert first is not None
    metadata = metadata or {}
    # A title given by hand is one line without control characters (it is printed in lists).
    title = " ".join(strip_unsafe(metadata.get("title", "")).split())
    document = Document(
        id=doc_id,
        title=title or (zh.title if zh else "") or (ko.title if ko else ""),
        title_ko=metadata.get("title_ko") or (ko.title if ko else ""),
        doc_number=metadata.get("doc_number") or (zh.doc_number if zh else "") or (ko.doc_number if ko else ""),
        issuer=metadata.get("issuer") or (zh.issuer if zh else "") or (ko.issuer if ko else ""),
        date=metadata.get("date") or (zh.date if zh else "") or (ko.date if ko else ""),
        date_published=metadata.get("date_published", ""),
        source_url=metadata.get("source_url", ""),
        sources=sources,
        segments=segments,
    )
    if not document.title:
        document.title = Path(sources[0]).stem
        document.warnings.append(
            f"{sources[0]}: no title line found; the document is titled after its file name "
            f"(set one with `python -m reader meta {doc_id} --title …`)"
        )
    return document


def parse_translation(
    path: str | Path, existing: Document, encoding: str | None = None, on_page: PageCallback | None = None
) -> Document:
    """Add the missing language of a monolingual document from a file (``on_page`` as for
    ``parse_files``)."""
    found, loaded = _parse_file(Path(path), encoding, on_page=on_page)
    missing = [lang for lang in ("zh", "ko") if lang not in existing.languages]
    if not missing:
        raise ImportFailed(path, f"document {existing.id} already has both languages")
    if missing[0] not in found:
        name = "Chinese" if missing[0] == "zh" else "Korean"
        raise ImportFailed(path, f"has no {name} text to add to document {existing.id}")
    added = found[missing[0]]
    kept = existing.segments
    segments = kept + added.segments if missing[0] == "ko" else added.segments + kept
    return Document(
        id=existing.id,
        title=existing.title or added.title,
        title_ko=existing.title_ko or (added.title if added.lang == "ko" else ""),
        doc_number=existing.doc_number or added.doc_number,
        issuer=existing.issuer or added.issuer,
        date=existing.date or added.date,
        date_published=existing.date_published or loaded.metadata.get("date_published", ""),
        source_url=existing.source_url or loaded.metadata.get("source_url", ""),
        ocr=existing.ocr or loaded.ocr,
        sources=[*existing.sources, str(Path(path).resolve())],
        segments=segments,
    )
