"""Scanned pages made here: seed text rendered with Qt and Noto CJK at a given dpi,
optionally with mild noise and skew, saved as PNG or put into a PDF with no text
layer. Shared by the OCR tests and benchmarks/intake_bench.py."""

from __future__ import annotations

import random
from pathlib import Path

from tests.conftest import SEED_000
from tests.text.formats.pages import seed_000_chinese

FONTS = {"zh": "Noto Serif CJK SC", "ko": "Noto Serif CJK KR"}
A4_INCHES = (8.27, 11.69)


def seed_000_korean() -> list[str]:
    lines = SEED_000.read_text(encoding="utf-8").split("\n")
    end = next(i for i, line in enumerate(lines) if line.strip() == seed_000_chinese()[0])
    return [" ".join(line.split()) for line in lines[:end] if line.strip()]


def render_pages(
    lines: list[str],
    lang: str,
    dpi: int = 300,
    points: float = 12,
    spacing: int = 150,
    noise: float = 0.0,
    skew: float = 0.0,
    seed: int = 7,
):
    """QImages (grayscale, A4) of the lines set in Noto CJK, one paragraph a line.

    ``noise`` is the share of pixels flipped to a random grey, ``skew`` the rotation in
    degrees: what a flatbed scan of a printed page adds.
    """
    from PySide6.QtCore import QRectF, QSizeF, Qt
    from PySide6.QtGui import QFont, QImage, QPainter, QTextBlockFormat, QTextCursor, QTextDocument

    width, height = int(A4_INCHES[0] * dpi), int(A4_INCHES[1] * dpi)
    margin = int(0.9 * dpi)
    body = QSizeF(width - 2 * margin, height - 2 * margin)
    document = QTextDocument()
    font = QFont(FONTS[lang])
    font.setPixelSize(round(points * dpi / 72))
    document.setDefaultFont(font)
    document.setDocumentMargin(0)
    document.setPlainText("\n".join(lines))
    cursor = QTextCursor(document)
    cursor.select(QTextCursor.SelectionType.Document)
    block = QTextBlockFormat()
    block.setLineHeight(spacing, 1)  # proportional height
    cursor.mergeBlockFormat(block)
    document.setPageSize(body)
    rng = random.Random(seed)
    pages = []
    for number in range(document.pageCount()):
        image = QImage(width, height, QImage.Format.Format_Grayscale8)
        image.fill(255)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if skew:
            painter.translate(width / 2, height / 2)
            painter.rotate(skew)
            painter.translate(-width / 2, -height / 2)
        painter.translate(margin, margin - number * body.height())
        document.drawContents(painter, QRectF(0, number * body.height(), body.width(), body.height()))
        painter.end()
        if noise:
            _add_noise(image, noise, rng)
        pages.append(image)
    del Qt
    return pages


def _add_noise(image, share: float, rng: random.Random) -> None:
    import numpy

    bits = image.bits()
    pixels = numpy.frombuffer(bits, dtype=numpy.uint8).reshape(image.height(), image.bytesPerLine())
    generator = numpy.random.default_rng(rng.randrange(1 << 30))
    mask = generator.random(pixels.shape) < share
    pixels[mask] = generator.integers(0, 256, int(mask.sum()), dtype=numpy.uint8)


def save_pngs(pages, folder: Path, stem: str) -> list[Path]:
    paths = []
    for number, image in enumerate(pages, start=1):
        path = folder / f"{stem}-{number}.png"
        assert image.save(str(path))
        paths.append(path)
    return paths


def scanned_pdf(pages, path: Path, dpi: int) -> Path:
    """A PDF whose pages are the images only (no text layer), as a scanner makes it."""
    from PySide6.QtCore import QMarginsF, QRectF
    from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

    writer = QPdfWriter(str(path))
    writer.setResolution(dpi)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF()))
    painter = QPainter(writer)
    for number, image in enumerate(pages):
        if number:
            writer.newPage()
        painter.drawImage(QRectF(0, 0, image.width(), image.height()), image)
    painter.end()
    return path
