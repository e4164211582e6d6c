"""Reading the paragraphs of a file: plain text, Markdown, DOCX, PDF and HWPX.

Every loader returns the file's lines in order, blank lines kept (a blank line is
where a page or paragraph ended, which the cleanup step needs to know).
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ImportFailed
from .encoding import BinaryData, UndecodableText, decode
from .formats import html, hwp

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ""}
SUFFIXES = TEXT_SUFFIXES | {".docx", ".pdf", ".hwpx"} | html.SUFFIXES | hwp.SUFFIXES


@dataclass
class LoadedFile:
    path: Path
    lines: list[str]
    encoding: str = ""
    wrapped: bool = False  # lines cut at the page width (PDF), not at paragraph ends
    #: What the file states about the document (a web page's metadata table): title, issuer, …
    metadata: dict[str, str] = field(default_factory=dict)
    #: How the text was recognised when the file was a scan (see formats.ocr), else empty.
    ocr: dict = field(default_factory=dict)


def load(path: str | Path, encoding: str | None = None, ocr: str = "auto") -> LoadedFile:
    """Read a file's lines; raises ImportFailed naming the file and the problem."""
    path = Path(path)
    if not path.exists():
        raise ImportFailed(path, "no such file")
    if path.is_dir():
        raise ImportFailed(path, "is a folder, not a file")
    suffix = path.suffix.lower()
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFailed(path, f"cannot be read ({exc.strerror or exc})") from None
    if not data.strip():
        raise ImportFailed(path, "empty file")
    if suffix == ".docx":
        return LoadedFile(path, _docx_lines(path, data))
    if suffix == ".pdf":
        return LoadedFile(path, _pdf_lines(path, data), wrapped=True)
    if suffix == ".hwpx":
        return LoadedFile(path, _hwpx_lines(path, data))
    if suffix in hwp.SUFFIXES:
        return LoadedFile(path, hwp.read_hwp(path, data))
    if suffix in html.SUFFIXES:
        page = html.read_html_file(path, data)
        return LoadedFile(path, page.lines, metadata=page.metadata)
    if suffix not in TEXT_SUFFIXES and zipfile.is_zipfile(path):
        raise ImportFailed(
            path,
            f"unsupported file type {suffix!r} (use .txt, .md, .docx, .pdf, .hwpx, .hwp, .html, .mhtml or an image)",
        )
    try:
        text, used = decode(data, encoding)
    except BinaryData as exc:
        raise ImportFailed(path, str(exc)) from None
    except UndecodableText as exc:
        raise ImportFailed(path, str(exc)) from None
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return LoadedFile(path, lines, used)


def _docx_lines(path: Path, data: bytes) -> list[str]:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ImportFailed(path, f"not a readable DOCX file ({exc.__class__.__name__})") from None
    lines: list[str] = []
    for paragraph in document.paragraphs:
        lines.append(paragraph.text)
        lines.append("")
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                lines.append(cell.text)
                lines.append("")
    return lines


def _pdf_lines(path: Path, data: bytes) -> list[str]:
    import pypdf
    from pypdf.errors import PdfReadError

    try:
        reader = pypdf.PdfReader(str(path))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, OSError) as exc:
        raise ImportFailed(path, f"not a readable PDF file ({exc.__class__.__name__})") from None
    if not any(page.strip() for page in pages):
        raise ImportFailed(path, "PDF has no text layer (a scanned image?); run OCR first")
    lines: list[str] = []
    for page in pages:
        lines.extend(page.split("\n"))
        lines.append("")  # a page end is a possible page-break split
    return lines


def _hwpx_lines(path: Path, data: bytes) -> list[str]:
    if not zipfile.is_zipfile(path):
        raise ImportFailed(path, "not a readable HWPX file (not a zip package)")
    from hwpx import TextExtractor

    try:
        with TextExtractor(str(path)) as extractor:
            text = extractor.extract_text(paragraph_separator="\n", skip_empty=False)
    except Exception as exc:  # python-hwpx raises many kinds on broken packages
        raise ImportFailed(path, f"not a readable HWPX file ({exc.__class__.__name__})") from None
    return text.split("\n")
