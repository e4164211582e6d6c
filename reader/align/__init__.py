"""Chinese↔Korean sentence alignment: structure first, then sentences by dynamic
programming scored on length and Sino-Korean cognates; see ``aligner``."""

from .aligner import CostModel, align_document
from .readings import load_tables

__all__ = ["CostModel", "align_document", "load_tables"]
