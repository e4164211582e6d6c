"""Command-line commands, one module per group (see reader.cli)."""

from __future__ import annotations

import json
import sys
from pathlib import Path


def print_json(value: object) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def report_encoder() -> None:
    """One line on stderr if alignment ran without the sentence encoder."""
    from ..align.embeddings import encoder_notice

    if notice := encoder_notice():
        print(notice, file=sys.stderr)


def open_library():
    """The library of the data directory, after clearing what a killed backup or
    restore left there (as the window does at start)."""
    from .. import config
    from ..export.atomic import clear_abandoned_exports
    from ..library import Library
    from ..store import backup

    backup.clean_leftovers(config.database_path(), config.backup_dir())
    clear_abandoned_exports()
    return Library()


def back_up_first() -> Path | None:
    """Back up the database before a command that replaces what is stored (a new
    version, a translation, a re-alignment, restored notes, a restore).

    A backup that cannot be made (a full disk) stops the command with that error,
    before anything changes. A damaged or missing database is not backed up: the
    command itself reports it. Returns the new backup (None: nothing to back up,
    or identical to the latest one).
    """
    from .. import config
    from ..store import backup

    db_path = config.database_path()
    if backup.check_database(db_path, writable=False).status != backup.OK:
        return None
    return backup.make_backup(db_path, config.backup_dir())
