"""`python -m reader --self-test` checks a whole installation, from source here."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import ROOT


def test_self_test_passes_and_leaves_user_data_alone(data_dir):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "reader", "--self-test"], capture_output=True, text=True, cwd=ROOT, env=env, timeout=240
    )
    lines = result.stdout.strip().splitlines()
    assert result.returncode == 0, result.stdout + result.stderr
    steps = [line.split(":")[0] for line in lines[1:-1]]
    assert steps == [
        "ok    import corpus",
        "ok    align",
        "ok    search zh",
        "ok    search ko",
        "ok    annotate",
        "ok    export",
        "ok    screenshot",
        "ok    Korean UI",
    ]
    assert lines[-1] == "self-test passed"
    # It worked in a temporary data directory, not in the user's.
    assert not (data_dir / "duizhao.sqlite3").exists()


def test_a_failing_step_is_reported_and_fails_the_run(qapp, monkeypatch, capsys):
    from reader import selftest

    monkeypatch.setattr(selftest, "DOC", "no-such-document")
    code = selftest.run_self_test()
    out = capsys.readouterr().out
    assert code == 1
    assert "FAIL  align: `qa no-such-document --json` exited 1: error: no document matches" in out
    assert "ok    import corpus" not in out  # the corpus has no such document either
    assert out.strip().splitlines()[-1].startswith("self-test FAILED")
