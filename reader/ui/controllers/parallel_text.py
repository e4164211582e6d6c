"""File ▸ Export parallel text: the open document as a 대조표 (Chinese | Korean), the same
file ``python -m reader export-text`` writes, in the format the chosen name ends in."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QWidget

from ...export.legend import read_meanings
from ...export.parallel_formats import write_parallel_table
from ...export.parallel_table import parallel_table_from_library
from .compare import EXPORT_SUFFIXES, ask_export_path


def ask_path(parent: QWidget | None, suggested: str) -> str:
    """Where to write the 대조표 (the comparison's file dialog; tests replace it)."""
    return ask_export_path(parent, suggested, QCoreApplication.translate("ParallelTextExport", "Export parallel text"))


def export_parallel_text(window) -> Path | None:
    """Ask where, then write the open document's 대조표; the status bar says where it went.
    Errors (a one-language document, a refused target, a full disk) are reported in one line."""
    document = window.document
    if document is None:
        return None
    if "zh" not in document.languages or "ko" not in document.languages:
        window.status.show_message(
            QCoreApplication.translate(
                "ParallelTextExport", "A parallel text needs both languages: attach the translation first."
            )
        )
        return None
    suggested = f"{document.id}_대조표.docx"
    chosen = ask_path(window, str(Path.home() / suggested))
    if not chosen:
        return None
    path = Path(chosen)
    fmt = EXPORT_SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        path, fmt = path.with_name(path.name + ".docx"), "docx"
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        table = parallel_table_from_library(window.library, document.id, meanings=read_meanings())
        written = write_parallel_table(table, fmt, path, force=True)  # the dialog asked about overwriting
    except Exception as exc:
        window.errors.report(exc, "exporting the parallel text")
        return None
    finally:
        QApplication.restoreOverrideCursor()
    window.status.show_message(
        QCoreApplication.translate("ParallelTextExport", "Parallel text written to {path} ({rows} rows)").format(
            path=written, rows=len(table.rows)
        )
    )
    return written
