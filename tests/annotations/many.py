"""Ten thousand real annotation rows on seeds 000 and 002, written in one transaction.

Varied as a working library is: every colour, tags in two cases, notes in Chinese,
Korean and Latin with case to fold (``Straße``), stars, orphaned and deleted rows, and
creation times that repeat (ties are ordered as a stable sort orders them).
"""

from __future__ import annotations

import json
import uuid

from reader.annotations import COLORS
from tests.conftest import SEED_000, SEED_002

TOTAL = 10_000
TAGS = ["产业", "财税", "토지", "금융", "Review", "review", "개방", "Straße"]
NOTES = ["", "메모: 검토 필요", "关于产业转移的说明", "MEMO on land use", "die Straße", "국무원 방침 · 产业"]


def fill_many(library, total: int = TOTAL) -> tuple[str, str]:
    """Import seeds 000 (as "g") and 002 (as "m") and write ``total`` annotations on them."""
    g = library.import_files([SEED_000], doc_id="g")
    m = library.import_files([SEED_002], doc_id="m")
    colors = list(COLORS)
    rows = []
    for i in range(total):
        document = g if i % 5 else m
        units = document.units("zh") + document.units("ko")
        unit = units[i % len(units)]
        start = i % max(1, len(unit.text) - 4)
        first, second = TAGS[i % len(TAGS)], TAGS[(i * 3 + 1) % len(TAGS)]
        # As normalize_tags keeps them: no tag twice in one annotation, whatever its case.
        tags = ([first] + ([second] if second.casefold() != first.casefold() else [])) if i % 4 else []
        created = f"2026-01-{1 + i % 28:02d}T00:00:{i % 7:02d}.000000+00:00"  # many equal times
        rows.append(
            (
                str(uuid.UUID(int=i * 7919 % (1 << 64))),
                document.id,
                unit.id,
                unit.id.split(".", 1)[0],
                unit.text[start : start + 4 + i % 9],
                start,
                start + 4,
                colors[i % len(colors)],
                NOTES[i % len(NOTES)],
                json.dumps(tags, ensure_ascii=False),
                int(i % 11 == 0),
                "orphaned" if i % 97 == 0 else "anchored",
                created,
                f"2026-02-{1 + i % 13:02d}T00:00:00.000000+00:00",
                "2026-03-01T00:00:00.000000+00:00" if i % 101 == 0 else None,
            )
        )
    with library.db.atomic():
        library.db.conn.executemany(
            "INSERT INTO annotations (id, doc_id, segment_id, lang, quote, start_offset, end_offset, color, note,"
            " tags, starred, state, created, updated, deleted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    return g.id, m.id
