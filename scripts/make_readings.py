"""Write reader/align/hanja_readings.txt, the Sino-Korean reading of each Han character,
from the table of the ``hanja`` package (https://github.com/suminb/hanja, WTFPL v2).

The app reads the committed text file and does not depend on ``hanja`` at run time
(that package pulls pytest, pytest-cov and coveralls into a user's install). Run this
only to refresh the table:

    python -m pip install hanja && python scripts/make_readings.py
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "reader" / "align" / "hanja_readings.txt"

HEADER = """\
# Sino-Korean readings of Han characters: one line per Hangul syllable, then every
# character read so (code point order). Made by scripts/make_readings.py from the
# table.yml of the hanja package {version} (https://github.com/suminb/hanja),
# © Sumin Byeon, licensed under the WTFPL version 2 (do what you want with it).
"""


def main() -> int:
    try:
        from importlib.metadata import version

        from hanja.table import hanja_table
    except ImportError:
        print("error: the hanja package is not installed (python -m pip install hanja)", file=sys.stderr)
        return 1
    by_reading: dict[str, list[str]] = defaultdict(list)
    for char, reading in hanja_table.items():
        if len(char) != 1 or len(reading) != 1:
            print(f"error: {char!r} → {reading!r}: expected one character to one syllable", file=sys.stderr)
            return 1
        by_reading[reading].append(char)
    lines = [HEADER.format(version=version("hanja"))]
    lines += [f"{reading} {''.join(sorted(chars))}\n" for reading, chars in sorted(by_reading.items())]
    OUT.write_text("".join(lines), encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(hanja_table)} characters, {len(by_reading)} readings")
    return 0


if __name__ == "__main__":
    sys.exit(main())
