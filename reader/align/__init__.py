"""Chinese↔Korean sentence alignment: structure first, then sentences by dynamic
programming scored on length and Sino-Korean cognates; see ``aligner``.

The aligner (and numpy with it) is imported when first used, not with the package:
the window's start and commands that do not align never load it."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .aligner import CostModel, align_document
    from .readings import load_tables

__all__ = ["CostModel", "align_document", "load_tables"]
_HOMES = {"CostModel": ".aligner", "align_document": ".aligner", "load_tables": ".readings"}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(_HOMES[name], __name__), name)
