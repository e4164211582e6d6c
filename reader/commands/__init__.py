"""Command-line commands, one module per group (see reader.cli)."""

from __future__ import annotations

import json
import sys


def print_json(value: object) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def report_encoder() -> None:
    """One line on stderr if alignment ran without the sentence encoder."""
    from ..align.embeddings import encoder_notice

    if notice := encoder_notice():
        print(notice, file=sys.stderr)


def open_library():
    from ..library import Library

    return Library()
