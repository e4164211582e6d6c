"""Keep the committed translation sources in step with the code.

    python scripts/translations.py update   # run pyside6-lupdate over reader/ into the .ts files
    python scripts/translations.py check    # fail if a .ts is out of date or has an unfinished entry

``check`` runs ``pyside6-lupdate`` over ``reader/`` into a temporary copy of each committed
``.ts`` and compares the messages (context, source, comment, plural) with the committed
file; line numbers of ``<location>`` are not compared. Then every message must have a
finished translation (each plural form filled in). It prints one line per problem and
exits with status 1 if there is any. CI runs it (``.ci/run``), and so does the test suite.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def lupdate() -> str:
    here = Path(sys.executable).parent / "pyside6-lupdate"
    found = str(here) if here.exists() else shutil.which("pyside6-lupdate")
    if not found:
        raise SystemExit("pyside6-lupdate not found: install PySide6 (pip install -e .)")
    return found


def sources() -> list[str]:
    return sorted(str(p) for p in (ROOT / "reader").rglob("*.py"))


def translation_files() -> list[Path]:
    from reader import resources

    return sorted(resources.resource("translations").glob("*.ts"))


def run_lupdate(ts: Path) -> None:
    result = subprocess.run(
        [lupdate(), "-no-obsolete", *sources(), "-ts", str(ts)], capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise SystemExit(f"{ts}: pyside6-lupdate failed: {result.stderr.strip() or result.stdout.strip()}")


def messages(ts: Path) -> list[tuple[str, str, str, str]]:
    """(context, source, comment, numerus) of every message, in file order."""
    rows = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            rows.append(
                (name, message.findtext("source") or "", message.findtext("comment") or "", message.get("numerus", ""))
            )
    return rows


def unfinished(ts: Path) -> list[str]:
    problems = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            source = message.findtext("source") or ""
            forms = [] if translation is None else list(translation.iter("numerusform"))
            texts = (
                [f.text or "" for f in forms] if forms else [translation.text or "" if translation is not None else ""]
            )
            state = translation.get("type", "") if translation is not None else "missing"
            if state in ("unfinished", "missing") or not all(t.strip() for t in texts):
                problems.append(f"{ts.name}: unfinished translation in {name}: {source!r}")
    return problems


def check() -> int:
    problems = []
    for ts in translation_files():
        with tempfile.TemporaryDirectory() as tmp:
            fresh = Path(tmp) / ts.name
            shutil.copyfile(ts, fresh)
            run_lupdate(fresh)
            committed, current = messages(ts), messages(fresh)
        if committed != current:
            added = sorted(set(current) - set(committed))
            gone = sorted(set(committed) - set(current))
            for context, source, _comment, _n in added:
                problems.append(f"{ts.name}: not in the .ts yet: {context}: {source!r}")
            for context, source, _comment, _n in gone:
                problems.append(f"{ts.name}: no longer in the code: {context}: {source!r}")
            if not added and not gone:
                problems.append(f"{ts.name}: messages are in another order than pyside6-lupdate writes them")
        problems.extend(unfinished(ts))
    for line in problems:
        print(line)
    if problems:
        print("run `python scripts/translations.py update`, translate what is new (pyside6-linguist), and commit")
        return 1
    print(f"translations up to date: {', '.join(ts.name for ts in translation_files())}")
    return 0


def update() -> int:
    for ts in translation_files():
        run_lupdate(ts)
        print(f"updated {ts}")
    return 0


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "check"
    if command not in ("check", "update"):
        raise SystemExit("usage: python scripts/translations.py check|update")
    sys.exit(check() if command == "check" else update())
