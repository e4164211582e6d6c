"""Errors a user can act on: each names the file and the problem in one line."""

from __future__ import annotations

from pathlib import Path


class DuizhaoError(Exception):
    """An error with a message fit to show the user as is."""


class ImportFailed(DuizhaoError):
    """A file could not be turned into a document; nothing was stored."""

    def __init__(self, path: str | Path, problem: str):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class UnknownDocument(DuizhaoError):
    def __init__(self, ref: str):
        self.ref = ref
        super().__init__(f"no document matches {ref!r} (see `python -m reader list`)")
