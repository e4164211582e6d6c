"""backup, restore: the rolling database backups by hand."""

from __future__ import annotations

import argparse
from pathlib import Path

from .. import config
from ..errors import DuizhaoError
from ..store import backup
from . import back_up_first


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("backup", help="back up the database now (the reader also does at start and daily)")
    p.add_argument("--list", action="store_true", help="list the backups, newest first")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("restore", help="put a backup in place of the database (the current file is kept aside)")
    p.add_argument("backup", nargs="?", metavar="BACKUP", help="backup file (default: the latest)")
    p.set_defaults(func=cmd_restore)


def cmd_backup(args: argparse.Namespace) -> int:
    db_path, backup_dir = config.database_path(), config.backup_dir()
    if args.list:
        backups = backup.list_backups(backup_dir)
        if not backups:
            print(f"No backups in {backup_dir}.")
        for path in backups:
            print(path)
        return 0
    backup.clean_leftovers(db_path, backup_dir)
    check = backup.check_database(db_path, writable=False)
    if check.damaged:
        raise DuizhaoError(f"{db_path} is damaged ({check.problem}): `python -m reader restore` puts back a backup")
    if check.error is not None:
        raise check.error
    if check.status == backup.MISSING:
        raise DuizhaoError(f"{db_path}: no database to back up yet")
    made = backup.make_backup(db_path, backup_dir)
    if made is None:
        print(f"Unchanged since the latest backup: {backup.list_backups(backup_dir)[0]}")
    else:
        print(made)
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    db_path, backup_dir = config.database_path(), config.backup_dir()
    if args.backup:
        chosen = Path(args.backup)
        problem = backup.check_database(chosen, writable=False)
        if problem.status != backup.OK:
            raise DuizhaoError(f"{chosen}: not a sound database backup ({problem.problem or 'file not found'})")
    else:
        backups = [
            p for p in backup.list_backups(backup_dir) if backup.check_database(p, writable=False).status == backup.OK
        ]
        if not backups:
            raise DuizhaoError(f"no sound backup in {backup_dir}")
        chosen = backups[0]
    backup.clean_leftovers(db_path, backup_dir)
    back_up_first()  # the current state, if sound, stays among the backups too
    aside = backup.recover(backup.check_database(db_path), chosen)
    if aside is not None:
        print(f"The previous database was kept as {aside}")
    print(f"Restored {chosen}")
    return 0
