"""Command line: ``python -m reader CMD``.

Commands and their JSON output are contracts that scripts depend on. Each group of
commands lives in a module of ``reader.commands`` with a ``register(subparsers)``
function; errors a user can act on are one line on stderr and exit status 1.
"""

from __future__ import annotations

import argparse
import importlib
import sqlite3
import sys

from . import APP_NAME, __version__
from .errors import DuizhaoError
from .store.database import DatabaseTooNew
from .store.errors import classify

#: Modules of reader.commands, in the order their commands appear in --help.
COMMAND_MODULES = ["core", "compare", "align", "terms", "search", "notes", "backup", "export", "ui"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m reader",
        description=f"{APP_NAME}: read Chinese policy documents side by side with their Korean translation. "
        "Without a command, opens the reader window.",
        epilog="Without a command: --self-test checks the installation end to end (temporary data, one line "
        "per step); --measure-startup opens the window, prints when it was first painted, and quits.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"reader.commands.{name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return args.func(args)
    except (DuizhaoError, DatabaseTooNew) as exc:
        _error(exc)
        return 1
    except BrokenPipeError:
        sys.stderr.close()  # output piped into `head`: not an error
        return 0
    except (sqlite3.Error, OSError) as exc:
        # Full disk, permissions, read-only folder, lock, damage: one line naming the
        # cause; anything else (a bug, a constraint) stays a traceback.
        error = classify(exc, _database_path() if isinstance(exc, sqlite3.Error) else None)
        if error is None:
            raise
        _error(error)
        return 1
    except KeyboardInterrupt:
        return 130


def _error(exc: BaseException) -> None:
    """One line on stderr, whatever the message quotes (a file name with a newline or ESC)."""
    from .text.characters import printable

    print(f"error: {printable(str(exc))}", file=sys.stderr)


def _database_path():
    from . import config

    try:
        return config.database_path()
    except OSError:
        return None
