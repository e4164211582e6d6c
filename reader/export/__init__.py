"""Export of annotations as briefings: Markdown, DOCX, HWPX, PDF, HTML, CSV, W3C JSON.

briefing (what is said: pure) → one writer per format (how it looks) → an atomic
write (all or nothing). No QtWidgets here; the PDF writer uses QtGui only.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path

from .atomic import ExportRefused, check_target, write_atomically
from .briefing import (
    GROUP_BY,
    LANGS,
    LAYOUTS,
    REPORT_FORMATS,
    Briefing,
    BriefingItem,
    BriefingOptions,
    EmptySelection,
    Section,
    briefing_from_library,
    build_briefing,
)


@dataclass(frozen=True)
class ExportFormat:
    name: str
    suffix: str
    description: str
    module: str

    def writer(self):
        return importlib.import_module(f"{__name__}.{self.module}").write


FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("md", ".md", "Markdown", "markdown"),
        ExportFormat("docx", ".docx", "Word (DOCX)", "word"),
        ExportFormat("hwpx", ".hwpx", "Hangul (HWPX)", "hangul"),
        ExportFormat("pdf", ".pdf", "PDF", "pdf"),
        ExportFormat("html", ".html", "HTML", "html_page"),
        ExportFormat("csv", ".csv", "CSV (Excel)", "csv_table"),
        ExportFormat("json", ".json", "W3C Web Annotation (JSON)", "web_annotation"),
    )
}


def _check_suffix(fmt: str, path: Path) -> None:
    """Refuse a file name that says another format (``--format pdf --out x.docx``)."""
    suffix = path.suffix.lower()
    named = next((f for f in FORMATS.values() if f.suffix == suffix), None)
    if named is not None and named.name != fmt:
        raise ExportRefused(f"{path}: the name says {named.description} but the format is {FORMATS[fmt].description}")


def _check_layout(fmt: str, options: BriefingOptions) -> None:
    if options.layout == "report" and fmt not in REPORT_FORMATS:
        raise ExportRefused(
            f"the report layout (보고서형) is made in {', '.join(REPORT_FORMATS)}, not {FORMATS[fmt].description}; "
            "choose one of those or --layout memo"
        )


def _check_template(fmt: str, options: BriefingOptions) -> None:
    """A Markdown template is for Markdown, and a broken one is found before anything is built."""
    if options.template and fmt != "md":
        raise ExportRefused(f"--template is for the Markdown export, not {FORMATS[fmt].description}")
    if fmt == "md":
        from .md_template import chosen_template

        chosen_template(options.template)


def _check_machine(fmt: str, path: Path) -> None:
    """What the machine must have for a format, checked before anything is built:
    a PDF without CJK fonts would be blank."""
    if fmt == "pdf":
        from .pdf import check_fonts

        check_fonts(path)


def write_briefing(briefing: Briefing, fmt: str, path: str | Path, force: bool = False) -> Path:
    """Write a briefing in a format to path, atomically; refuses to overwrite unless force."""
    if fmt not in FORMATS:
        raise ExportRefused(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    _check_suffix(fmt, Path(path))
    _check_layout(fmt, briefing.options)
    _check_template(fmt, briefing.options)
    _check_machine(fmt, Path(path))
    writer = FORMATS[fmt].writer()
    return write_atomically(path, lambda temporary: writer(briefing, temporary), force=force)


def export_library(library, options: BriefingOptions, fmt: str, path: str | Path, force: bool = False) -> Briefing:
    """Build the briefing the options choose from a library and write it; returns the briefing.

    The target is checked before anything is built, and an empty selection raises
    EmptySelection before any file is made.
    """
    check_target(Path(path), force)
    if fmt in FORMATS:
        _check_suffix(fmt, Path(path))
        _check_layout(fmt, options)
        _check_template(fmt, options)
        _check_machine(fmt, Path(path))
    briefing = briefing_from_library(library, options)
    write_briefing(briefing, fmt, path, force=force)
    return briefing


__all__ = [
    "FORMATS",
    "GROUP_BY",
    "LANGS",
    "LAYOUTS",
    "REPORT_FORMATS",
    "Briefing",
    "BriefingItem",
    "BriefingOptions",
    "EmptySelection",
    "ExportFormat",
    "ExportRefused",
    "Section",
    "briefing_from_library",
    "build_briefing",
    "export_library",
    "write_briefing",
]
