"""The glossary, the user's term base and verdicts on findings, in the database."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from ..terms.model import AlignedPair, GlossaryEntry, Rendering
from .database import Database

#: Meta key set when the library changed since the glossary was mined.
STALE_KEY = "glossary_stale"
DECISIONS = ("dismissed", "confirmed")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class TermStore:
    def __init__(self, db: Database):
        self.db = db

    # -- the mined glossary ---------------------------------------------------
    @property
    def stale(self) -> bool:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", [STALE_KEY]).fetchone()
        return row is None or row[0] != "0"

    def mark_stale(self) -> None:
        with self.db.atomic():
            self.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, '1')", [STALE_KEY])

    def replace_glossary(self, entries: list[GlossaryEntry]) -> None:
        """Store a newly mined glossary in place of the old one (one transaction)."""
        rows = [
            (
                e.zh,
                e.reading,
                e.frequency,
                json.dumps(
                    [{"ko": r.ko, "count": r.count, "by_document": r.by_document} for r in e.renderings],
                    ensure_ascii=False,
                ),
                json.dumps(e.documents, ensure_ascii=False),
                json.dumps(
                    [[p.doc_id, p.zh_id, p.ko_id, p.zh, p.ko] for p in e.examples],
                    ensure_ascii=False,
                ),
            )
            for e in entries
        ]
        with self.db.atomic():
            self.db.execute("DELETE FROM glossary")
            self.db.conn.executemany("INSERT INTO glossary VALUES (?, ?, ?, ?, ?, ?)", rows)
            self.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, '0')", [STALE_KEY])

    def glossary(self, examples: bool = True) -> list[GlossaryEntry]:
        """The stored glossary, most frequent first, with the user's preferences applied;
        without ``examples`` its entries have no example pairs (the checks need none, and
        reading them is most of the time a glossary takes to load)."""
        shown = "examples" if examples else "'[]'"
        rows = self.db.execute(
            f"SELECT zh, reading, frequency, renderings, documents, {shown} FROM glossary ORDER BY frequency DESC, zh"
        ).fetchall()
        return self._with_term_base([_entry(row) for row in rows])

    def entry(self, zh: str) -> GlossaryEntry | None:
        row = self.db.execute(
            "SELECT zh, reading, frequency, renderings, documents, examples FROM glossary WHERE zh = ?", [zh]
        ).fetchone()
        entries = self._with_term_base([_entry(row)] if row else [], only=zh)
        return entries[0] if entries else None

    def _with_term_base(self, entries: list[GlossaryEntry], only: str | None = None) -> list[GlossaryEntry]:
        """Mark preferred renderings and add the user's own entries."""
        from ..terms.readings import reading

        query = "SELECT zh, ko, preferred FROM term_base" + (" WHERE zh = ?" if only else "")
        base = self.db.execute(query, [only] if only else []).fetchall()
        by_zh = {e.zh: e for e in entries}
        for zh, ko, preferred in base:
            entry = by_zh.get(zh)
            if entry is None:
                entry = by_zh[zh] = GlossaryEntry(zh, reading(zh), 0, [], [])
                entries.append(entry)
            rendering = next((r for r in entry.renderings if r.ko == ko), None)
            if rendering is None:
                rendering = Rendering(ko, 0)
                entry.renderings.append(rendering)
            rendering.preferred = bool(preferred)
        for entry in entries:
            entry.renderings.sort(key=lambda r: (not r.preferred, -r.count, r.ko))
        return entries

    # -- analysed sentences (see terms.glossary.analyse) ----------------------------
    def analysed(self, keys: list[str]) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            rows = self.db.execute(
                f"SELECT key, items FROM term_analysis WHERE key IN ({', '.join('?' * len(chunk))})", chunk
            )
            found.update((key, json.loads(items)) for key, items in rows)
        return found

    def keep_analysed(self, items: dict[str, list[str]]) -> None:
        with self.db.atomic():
            self.db.conn.executemany(
                "INSERT OR REPLACE INTO term_analysis (key, items) VALUES (?, ?)",
                [(key, json.dumps(value, ensure_ascii=False)) for key, value in items.items()],
            )

    # -- the user's term base ---------------------------------------------------
    def preferred(self) -> dict[str, str]:
        return {zh: ko for zh, ko in self.db.execute("SELECT zh, ko FROM term_base WHERE preferred = 1")}

    def term_base(self) -> list[dict]:
        rows = self.db.execute("SELECT zh, ko, preferred, note, created, updated FROM term_base ORDER BY zh, ko")
        keys = ("zh", "ko", "preferred", "note", "created", "updated")
        return [dict(zip(keys, row, strict=True)) | {"preferred": bool(row[2])} for row in rows]

    def put_term(self, zh: str, ko: str, preferred: bool = False, note: str = "") -> None:
        """Add or update an entry; a preferred rendering is the only preferred one of its term."""
        now = _now()
        with self.db.atomic():
            if preferred:
                self.db.execute(
                    "UPDATE term_base SET preferred = 0, updated = ? WHERE zh = ? AND ko != ?", [now, zh, ko]
                )
            self.db.execute(
                "INSERT INTO term_base (zh, ko, preferred, note, created, updated) VALUES (?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (zh, ko) DO UPDATE SET preferred = excluded.preferred, note = excluded.note,"
                " updated = excluded.updated",
                [zh, ko, int(preferred), note, now, now],
            )

    def get_term(self, zh: str, ko: str) -> dict | None:
        return next((t for t in self.term_base() if t["zh"] == zh and t["ko"] == ko), None)

    def delete_term(self, zh: str, ko: str) -> None:
        with self.db.atomic():
            self.db.execute("DELETE FROM term_base WHERE zh = ? AND ko = ?", [zh, ko])

    # -- verdicts on findings ----------------------------------------------------
    def decide(
        self, doc_id: str, key: str, decision: str, kind: str = "", zh_term: str = "", ko_term: str = ""
    ) -> None:
        if decision not in DECISIONS and decision != "":
            raise ValueError(decision)
        with self.db.atomic():
            if not decision:
                self.db.execute("DELETE FROM finding_decisions WHERE doc_id = ? AND key = ?", [doc_id, key])
                return
            self.db.execute(
                "INSERT OR REPLACE INTO finding_decisions VALUES (?, ?, ?, ?, ?, ?, ?)",
                [doc_id, key, decision, kind, zh_term, ko_term, _now()],
            )

    def decisions(self, doc_id: str) -> dict[str, str]:
        return dict(self.db.execute("SELECT key, decision FROM finding_decisions WHERE doc_id = ?", [doc_id]))


def _entry(row) -> GlossaryEntry:
    zh, term_reading, frequency, renderings, documents, examples = row
    return GlossaryEntry(
        zh,
        term_reading,
        frequency,
        [Rendering(r["ko"], r["count"], r["by_document"]) for r in json.loads(renderings)],
        json.loads(documents),
        [AlignedPair(*e) for e in json.loads(examples)],
    )
