"""Closing the index cancels its background work: no thread survives ``close``, an
unfinished rebuild leaves nothing behind, and the next start rebuilds or catches up."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

from reader.search import SearchIndex
from reader.search.index import STAMP
from tests.conftest import SEED_002

from .conftest import SEED_000_ID


def _index_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("search-index")]


def _generations(index: SearchIndex) -> set[str]:
    return {p.name for p in index.directory.iterdir() if p.is_dir()} if index.directory.exists() else set()


def _held_until_closed(index: SearchIndex, steps: list[tuple[int, int]], reached: threading.Event):
    """A progress callback that holds the rebuild after its first document until ``close`` begins."""

    def progress(done: int, total: int) -> None:
        steps.append((done, total))
        reached.set()
        deadline = time.monotonic() + 30
        while not index.closed and time.monotonic() < deadline:
            time.sleep(0.005)

    return progress


def test_close_cancels_a_first_build_and_the_next_start_rebuilds(corpus_library):
    assert not _index_threads()
    index = SearchIndex(corpus_library)
    steps: list[tuple[int, int]] = []
    reached = threading.Event()
    assert index.start(_held_until_closed(index, steps, reached)) is True
    assert reached.wait(60)
    assert _generations(index)  # the generation being written
    index.close()
    assert not _index_threads()  # the worker and the reader thread were joined
    assert len(steps) == 1 and steps[0][0] < steps[0][1]  # stopped between documents
    assert _generations(index) == set()  # the unfinished generation is gone
    assert not (index.directory / STAMP).exists()
    assert not index.ready and not index.building

    again = SearchIndex(corpus_library)
    assert again.open() == "no index yet"
    again.ensure_current()
    assert again.search("产业转移", doc=SEED_000_ID).hits
    again.close()


def test_close_cancels_a_rebuild_and_keeps_the_previous_generation(corpus_library):
    index = SearchIndex(corpus_library)
    index.ensure_current()
    index.close()
    stamp_path = index.directory / STAMP
    stamp = json.loads(stamp_path.read_text(encoding="utf-8"))
    stamp["version"]["analyzer"] = "0"  # as after an upgrade: the next start rebuilds
    stamp_path.write_text(json.dumps(stamp), encoding="utf-8")

    index = SearchIndex(corpus_library)
    steps: list[tuple[int, int]] = []
    reached = threading.Event()
    assert index.start(_held_until_closed(index, steps, reached)) is True
    assert reached.wait(60)
    assert len(_generations(index)) == 2
    index.close()
    assert not _index_threads()
    assert _generations(index) == {stamp["generation"]}
    assert json.loads(stamp_path.read_text(encoding="utf-8")) == stamp

    again = SearchIndex(corpus_library)
    assert again.open() == "index built by another version"
    again.ensure_current()
    assert again.search("산업이전").hits
    again.close()


def test_close_drops_queued_updates_and_the_next_start_catches_up(corpus_library, tmp_path: Path):
    index = SearchIndex(corpus_library)
    index.ensure_current()
    assert index.start() is False  # current: the worker only syncs
    index.wait(60)
    path = tmp_path / "copy.txt"
    path.write_text(SEED_002.read_text(encoding="utf-8").replace("制造业", "鲲鹏制造业"), encoding="utf-8")
    corpus_library.import_files([path], doc_id="copy")  # queued for the worker
    index.close()
    assert not _index_threads()
    corpus_library.import_files([path], doc_id="copy2")  # a closed index no longer follows
    assert not _index_threads()

    again = SearchIndex(corpus_library)
    again.ensure_current()
    assert {h.doc for h in again.search("鲲鹏", limit=2000).hits} == {"copy", "copy2"}
    again.close()


def test_background_updates_leave_searches_on_the_committed_generation(corpus_library, tmp_path: Path):
    index = SearchIndex(corpus_library)
    finished = threading.Event()
    index.start(done=finished.set)
    assert finished.wait(120)
    finished.clear()
    path = tmp_path / "copy.txt"
    path.write_text(SEED_002.read_text(encoding="utf-8").replace("制造业", "鲲鹏制造业"), encoding="utf-8")
    with index._write_lock:  # the worker waits here: searches see what was committed before
        corpus_library.import_files([path], doc_id="copy")  # returns before the index has it
        assert index.building
        assert index.search("鲲鹏").hits == []
        assert index.search("产业转移", doc=SEED_000_ID).hits
    assert finished.wait(60)
    assert {h.doc for h in index.search("鲲鹏", limit=2000).hits} == {"copy"}
    index.close()


def test_opening_the_index_and_a_chinese_search_never_import_kiwipiepy(corpus_library, data_dir):
    """The version stamp is read from package metadata: opening the index (what the
    reader does right after its first paint) does not import kiwipiepy, let alone load
    Kiwi's model; a Chinese query does not need it either."""
    import os
    import subprocess
    import sys

    index = SearchIndex(corpus_library)
    index.ensure_current()
    index.close()
    script = (
        "import sys\n"
        "from reader.library import Library\n"
        "from reader.search import SearchIndex\n"
        "index = SearchIndex(Library())\n"
        "assert index.open() is None, index.open()\n"
        "hits = index.search('产业转移').hits\n"
        "print(len(hits), 'kiwipiepy' in sys.modules)\n"
        "index.close()\n"
    )
    env = {**os.environ, "DUIZHAO_DATA_DIR": str(data_dir)}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120)
    count, imported = result.stdout.split()
    assert int(count) > 0, result.stderr
    assert imported == "False", result.stderr
