"""Text from scans: images (.png, .jpg, .tif) and PDF pages without a text layer,
recognised offline by Tesseract (Debian/Ubuntu packages ``tesseract-ocr``,
``tesseract-ocr-chi-sim``, ``tesseract-ocr-kor``).

Each page is recognised as one block of text (``--psm 6``: Tesseract's automatic
page segmentation tears dense Chinese pages into fragments) with one language
model: simplified Chinese or Korean. The first page is tried in Chinese; a page
whose confidence stays under :data:`WRONG_LANGUAGE` is tried in the other language
and keeps the better reading, and the next page starts with the language that won
(a bilingual scan switches once). Recognised Chinese is put back into Chinese
typography: the spaces Tesseract puts between Han characters are removed (Korean
word spacing is kept) and ASCII punctuation next to Han characters becomes the
full-width mark the text uses (``(一)`` and ``《十四)`` → ``（一）`` and ``（十四）``, ``国发[2010]`` → ``国发〔2010〕``).
Pages under :data:`LOW_CONFIDENCE` are flagged in the document's OCR record.

PDF pages are rendered with pypdfium2 at 300 dpi; Tesseract runs as a subprocess
with one thread (``OMP_THREAD_LIMIT=1``), which is faster than its default on a
busy two-core machine and keeps memory under 200 MB.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ...errors import ImportFailed
from ..scripts import is_han

SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp"})
MODES = ("auto", "always", "never")

LANGUAGES = {"zh": "chi_sim", "ko": "kor"}
PACKAGES = {"chi_sim": "tesseract-ocr-chi-sim", "kor": "tesseract-ocr-kor"}
INSTALL = "sudo apt install tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-kor"
#: A page read with under this mean word confidence is flagged for checking.
LOW_CONFIDENCE = 80.0
#: Under this, the page is probably in the other language: it is read again in that one.
WRONG_LANGUAGE = 60.0
RENDER_DPI = 300
PAGE_TIMEOUT = 300

#: Called after each page with (pages done, pages in all); raising stops the recognition.
PageCallback = Callable[[int, int], None]


@dataclass
class PageText:
    page: int
    lines: list[str]
    confidence: float
    language: str

    @property
    def low(self) -> bool:
        return self.confidence < LOW_CONFIDENCE


@dataclass
class Recognition:
    """The recognised pages of one file, and the record the document keeps of them."""

    pages: list[PageText] = field(default_factory=list)
    engine: str = ""

    def report(self) -> dict:
        return {
            "engine": self.engine,
            "pages": [
                {"page": p.page, "confidence": round(p.confidence, 1), "low": p.low, "language": p.language}
                for p in self.pages
            ],
        }


# -- the engine -----------------------------------------------------------------------
def _tesseract() -> str:
    return os.environ.get("DUIZHAO_TESSERACT") or shutil.which("tesseract") or ""


@lru_cache(maxsize=4)
def _engine(binary: str) -> tuple[str, frozenset[str]]:
    """(version line, installed languages) of a Tesseract binary."""
    version = subprocess.run([binary, "--version"], capture_output=True, text=True, timeout=30)
    listed = subprocess.run([binary, "--list-langs"], capture_output=True, text=True, timeout=30)
    first = (version.stdout or version.stderr).strip().splitlines()
    languages = frozenset(line.strip() for line in listed.stdout.splitlines()[1:] if line.strip())
    return (first[0] if first else "tesseract"), languages


def check_engine(path: Path) -> str:
    """The engine's version; raises ImportFailed naming what to install when it is missing."""
    binary = _tesseract()
    if not binary:
        raise ImportFailed(path, f"needs OCR, but Tesseract is not installed (package tesseract-ocr; {INSTALL})")
    try:
        version, languages = _engine(binary)
    except (OSError, subprocess.SubprocessError) as exc:
        raise ImportFailed(
            path, f"needs OCR, but Tesseract does not run ({exc.__class__.__name__}; {INSTALL})"
        ) from None
    missing = [PACKAGES[code] for code in LANGUAGES.values() if code not in languages]
    if missing:
        raise ImportFailed(
            path, f"needs OCR, but Tesseract lacks the language data: install {' '.join(missing)} ({INSTALL})"
        )
    return version


def _run(path: Path, image: Path, language: str) -> tuple[list[str], float]:
    """Lines and mean word confidence (weighted by length) of one image in one language.

    One recognition writes both the text (whose word spacing Tesseract decides from the
    gaps: its TSV cuts Korean words into syllables) and the TSV (word confidences).
    """
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    with tempfile.TemporaryDirectory(prefix="duizhao-ocr-") as folder:
        base = Path(folder) / "page"
        command = [_tesseract(), str(image), str(base), "-l", language, "--psm", "6", "txt", "tsv"]
        try:
            done = subprocess.run(command, capture_output=True, env=env, timeout=PAGE_TIMEOUT)
        except subprocess.TimeoutExpired:
            raise ImportFailed(path, f"OCR of a page took more than {PAGE_TIMEOUT} s; stopped") from None
        if done.returncode != 0 or not base.with_suffix(".txt").exists():
            problem = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise ImportFailed(path, f"cannot be recognised ({problem[-1] if problem else 'Tesseract failed'})")
        text = base.with_suffix(".txt").read_text(encoding="utf-8", errors="replace")
        table = base.with_suffix(".tsv").read_text(encoding="utf-8", errors="replace")
    weight = total = 0.0
    for row in csv.DictReader(io.StringIO(table), delimiter="\t", quoting=csv.QUOTE_NONE):
        word = (row.get("text") or "").strip()
        confidence = float(row.get("conf") or -1)
        if row.get("level") == "5" and word and confidence >= 0:
            weight += len(word)
            total += confidence * len(word)
    lines = [line.strip() for line in text.replace("\f", "\n").split("\n")]
    return [line for line in lines if line], (total / weight if weight else 0.0)


class Recogniser:
    """Recognises the pages of one file in order, carrying the language that won over
    to the next page (see the module)."""

    def __init__(self, path: Path):
        self.path = path
        self.recognition = Recognition(engine=check_engine(path))
        self.order = ["chi_sim", "kor"]

    def page(self, image: Path, number: int) -> PageText:
        lines, confidence = _run(self.path, image, self.order[0])
        language = self.order[0]
        if confidence < WRONG_LANGUAGE:
            other_lines, other_confidence = _run(self.path, image, self.order[1])
            if other_confidence > confidence:
                lines, confidence, language = other_lines, other_confidence, self.order[1]
                self.order.reverse()
        if language == "chi_sim":
            lines = [chinese_typography(line) for line in lines]
        else:
            lines = [remove_han_spaces(line) for line in lines]
        page = PageText(number, [line for line in lines if line], confidence, language)
        self.recognition.pages.append(page)
        return page


# -- typography of recognised text --------------------------------------------------------
_CJK = r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_HAN_SPACE = re.compile(rf"(?<=[{_CJK}])[ \t]+(?=[{_CJK}])|(?<=[{_CJK}])[ \t]+(?=\d)|(?<=\d)[ \t]+(?=[{_CJK}])")
_FULL_WIDTH = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
_DOC_NUMBER = re.compile(r"([\u4e00-\u9fff])\s*[\[［【〔(（]?\s*((?:19|20)\d{2})\s*[\]］】〕)）|]\s*(\d{1,4})\s*号")
#: A clause label whose full-width parentheses were read as other brackets: 《十四) → （十四）.
_CLAUSE_LABEL = re.compile(r"^[《〈<\[【(（]{1,2}\s*([一二三四五六七八九十]{1,3})\s*[)）》〉>\]】]")
_ITEM_DASH = re.compile(r"^(?:[-－—一]{2}|[-－—])(?=[\u4e00-\u9fff])")


def remove_han_spaces(line: str) -> str:
    """Remove spaces between Han characters (and Han and digits); Hangul spacing stays."""
    return _HAN_SPACE.sub("", line).strip()


def chinese_typography(line: str) -> str:
    """A recognised Chinese line in the typography of Chinese text (see the module)."""
    line = remove_han_spaces(line)
    out: list[str] = []
    for i, ch in enumerate(line):
        if ch in _FULL_WIDTH:
            # The nearest characters that are not spaces decide: Chinese around, or an edge.
            before = line[:i].rstrip()[-1:]
            after = line[i + 1 :].lstrip()[:1]
            if not before or not after or any(is_han(c) or c in "（）、。" for c in (before, after)):
                ch = _FULL_WIDTH[ch]
        out.append(ch)
    line = remove_han_spaces(re.sub(rf"[ \t]+(?=[{_CJK}])|(?<=[\uff00-\uffef\u3000-\u303f])[ \t]+", "", "".join(out)))
    line = _DOC_NUMBER.sub(r"\1〔\2〕\3号", line)
    line = _CLAUSE_LABEL.sub(r"（\1）", line)
    dash = _ITEM_DASH.match(line)
    if dash and any(ch in "-－—" for ch in dash.group(0)):
        line = "——" + line[dash.end() :]
    return line


# -- files ----------------------------------------------------------------------------
def read_image(path: Path, on_page: PageCallback | None = None) -> Recognition:
    """A scanned image (a multi-page TIFF is read page by page by Tesseract itself)."""
    recogniser = Recogniser(path)
    recogniser.page(path, 1)
    if on_page is not None:
        on_page(1, 1)
    recognition = recogniser.recognition
    if not any(line.strip() for page in recognition.pages for line in page.lines):
        raise ImportFailed(path, "no text was recognised in the image")
    return recognition


def render_pdf_pages(path: Path, numbers: list[int], folder: Path) -> list[Path]:
    """PDF pages (1-based numbers) as grayscale PGM images at RENDER_DPI."""
    import pypdfium2

    try:
        pdf = pypdfium2.PdfDocument(str(path))
    except pypdfium2.PdfiumError as exc:
        raise ImportFailed(path, f"not a readable PDF file ({exc})") from None
    images = []
    try:
        for number in numbers:
            page = pdf[number - 1]
            bitmap = page.render(scale=RENDER_DPI / 72, grayscale=True)
            width, height, stride = bitmap.width, bitmap.height, bitmap.stride
            buffer = bytes(bitmap.buffer)
            channels = stride // width if width else 1
            rows = (buffer[y * stride : y * stride + width * channels : channels] for y in range(height))
            image = folder / f"page-{number:04d}.pgm"
            image.write_bytes(b"P5\n%d %d\n255\n" % (width, height) + b"".join(rows))
            images.append(image)
            bitmap.close()
            page.close()
    finally:
        pdf.close()
    return images


def read_pdf_pages(path: Path, numbers: list[int], on_page: PageCallback | None = None) -> Recognition:
    """Recognise the given pages of a PDF, one rendered page at a time."""
    recogniser = Recogniser(path)
    with tempfile.TemporaryDirectory(prefix="duizhao-ocr-") as folder:
        for done, number in enumerate(numbers, start=1):
            (image,) = render_pdf_pages(path, [number], Path(folder))
            recogniser.page(image, number)
            image.unlink()
            if on_page is not None:
                on_page(done, len(numbers))
    return recogniser.recognition
