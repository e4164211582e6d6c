"""Reading the paragraphs of a file: plain text, Markdown, DOCX, PDF and HWPX.

Every loader returns the file's lines in order, blank lines kept (a blank line is
where a page or paragraph ended, which the cleanup step needs to know). A Markdown
file's paragraphs come as one line each, their soft line breaks joined
(formats.markdown).
"""

from __future__ import annotations

import errno
import logging
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ImportFailed
from .archive import check_zip
from .encoding import BinaryData, UndecodableText, decode
from .formats import html, hwp, markdown, ocr

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ""}
SUFFIXES = TEXT_SUFFIXES | {".docx", ".pdf", ".hwpx"} | html.SUFFIXES | hwp.SUFFIXES | ocr.SUFFIXES


@dataclass
class LoadedFile:
    path: Path
    lines: list[str]
    encoding: str = ""
    wrapped: bool = False  # lines cut at the page width (PDF), not at paragraph ends
    #: Every line ends where its author ended a paragraph or line (a Markdown file written
    #: with blank lines between its paragraphs): an open end is not a page break.
    authored: bool = False
    #: What the file states about the document (a web page's metadata table): title, issuer, …
    metadata: dict[str, str] = field(default_factory=dict)
    #: How the text was recognised when the file was a scan (see formats.ocr), else empty.
    ocr: dict = field(default_factory=dict)


def load(
    path: str | Path,
    encoding: str | None = None,
    ocr_mode: str = "auto",
    on_page: ocr.PageCallback | None = None,
) -> LoadedFile:
    """Read a file's lines; raises ImportFailed naming the file and the problem.

    ``ocr_mode`` (auto, always, never) says when scans are recognised (see
    formats.ocr); ``on_page(done, total)`` is told of each recognised page.
    """
    path = Path(path)
    if not path.exists():
        raise ImportFailed(path, _missing(path))
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
        return _pdf(path, ocr_mode, on_page)
    if suffix in ocr.SUFFIXES:
        if ocr_mode == "never":
            raise ImportFailed(path, "is an image; its text can only be recognised by OCR (import without --ocr never)")
        recognition = ocr.read_image(path, on_page)
        return LoadedFile(path, _recognised_lines(recognition), wrapped=True, ocr=recognition.report())
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
    authored = False
    if suffix in markdown.SUFFIXES:
        lines, authored = markdown.join_soft_breaks(lines)
    return LoadedFile(path, lines, used, authored=authored)


def _missing(path: Path) -> str:
    """Why a path that does not exist cannot be read: a symlink loop, a dangling link, or nothing there."""
    if path.is_symlink():
        try:
            path.resolve(strict=True)
        except RuntimeError:
            return "is a symbolic link that loops back on itself"
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                return "is a symbolic link that loops back on itself"
            return "is a symbolic link to a file that does not exist"
        return "is a symbolic link to a file that does not exist"
    return "no such file"


def _docx_lines(path: Path, data: bytes) -> list[str]:
    import docx

    check_zip(path, "DOCX")
    try:
        document = docx.Document(str(path))
        return _docx_text(document)
    except MemoryError:
        raise ImportFailed(path, "DOCX file is too large to read") from None
    except Exception as exc:  # python-docx and lxml raise many kinds on broken packages and XML
        raise ImportFailed(path, f"not a readable DOCX file ({_reason(exc)})") from None


def _reason(exc: Exception) -> str:
    """A short reason for a broken package: the exception's kind and first line."""
    text = str(exc).strip().splitlines()[0][:160] if str(exc).strip() else ""
    return f"{exc.__class__.__name__}: {text}" if text else exc.__class__.__name__


def _docx_text(document) -> list[str]:
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


def _pdf_pages(path: Path) -> list[str]:
    import pypdf
    from pypdf.errors import DependencyError, FileNotDecryptedError

    # pypdf logs every oddity of a damaged file as a warning on stderr; the one line
    # that counts is the ImportFailed below.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = pypdf.PdfReader(str(path))
        if reader.is_encrypted:
            # Most encrypted PDFs only restrict editing (an owner password): their
            # user password is empty and any reader opens them, so do we.
            reader.decrypt("")
        return [page.extract_text() or "" for page in reader.pages]
    except FileNotDecryptedError:
        raise ImportFailed(
            path, "PDF is protected by a password; open it in a PDF reader and save a copy without one"
        ) from None
    except DependencyError as exc:
        raise ImportFailed(path, f"PDF uses an encryption this installation cannot read ({exc})") from None
    except MemoryError:
        raise ImportFailed(path, "PDF file is too large to read") from None
    except RecursionError:
        raise ImportFailed(path, "not a readable PDF file (nested too deeply)") from None
    except Exception as exc:  # pypdf raises many kinds on damaged files
        raise ImportFailed(path, f"not a readable PDF file ({_reason(exc)})") from None


def _pdf(path: Path, ocr_mode: str, on_page: ocr.PageCallback | None) -> LoadedFile:
    """A PDF's text layer; pages without one are recognised by OCR (unless ``never``)."""
    pages = _pdf_pages(path)
    scanned = [n for n, page in enumerate(pages, start=1) if ocr_mode == "always" or not page.strip()]
    if ocr_mode == "never" or not scanned:
        if not any(page.strip() for page in pages):
            raise ImportFailed(path, "PDF has no text layer (a scanned image?); import it with --ocr auto")
        scanned = []
    report: dict = {}
    if scanned:
        recognition = ocr.read_pdf_pages(path, scanned, on_page)
        for read in recognition.pages:
            pages[read.page - 1] = "\n".join(read.lines)
        report = recognition.report()
        if not any(page.strip() for page in pages):
            raise ImportFailed(path, "no text was recognised on the scanned pages")
    lines: list[str] = []
    for page in pages:
        lines.extend(page.split("\n"))
        lines.append("")  # a page end is a possible page-break split
    return LoadedFile(path, lines, wrapped=True, ocr=report)


def _recognised_lines(recognition: ocr.Recognition) -> list[str]:
    lines: list[str] = []
    for page in recognition.pages:
        lines.extend(page.lines)
        lines.append("")
    return lines


def _hwpx_lines(path: Path, data: bytes) -> list[str]:
    if not zipfile.is_zipfile(path):
        raise ImportFailed(path, "not a readable HWPX file (not a zip package)")
    check_zip(path, "HWPX")
    from hwpx import TextExtractor

    try:
        with TextExtractor(str(path)) as extractor:
            text = extractor.extract_text(paragraph_separator="\n", skip_empty=False)
    except MemoryError:
        raise ImportFailed(path, "HWPX file is too large to read") from None
    except Exception as exc:  # python-hwpx raises many kinds on broken packages
        raise ImportFailed(path, f"not a readable HWPX file ({_reason(exc)})") from None
    return text.split("\n")
