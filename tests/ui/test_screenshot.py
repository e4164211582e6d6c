"""`python -m reader screenshot`: a PNG of the reader window at a sentence."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage

from reader.cli import main
from reader.ui.pane import LIGHT
from tests.ui.conftest import SEED_000_ID


def test_screenshot_renders_the_window_at_a_sentence(corpus_library, tmp_path, capsys):
    document = corpus_library.documents.get(SEED_000_ID)
    unit = next(u for u in document.units("zh") if u.id.startswith("zh.p2.c1.s1"))
    out = tmp_path / "reader.png"
    assert main(["screenshot", "--doc", SEED_000_ID, "--at", unit.id, "--out", str(out), "--size", "1000x700"]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1000, 700)
    # Real text was drawn: many distinct colours (glyph antialiasing), not an empty window,
    # and the highlight colour of the sentence at the reading line is on the image.
    colours = {image.pixel(x, y) for x in range(0, 1000, 7) for y in range(0, 700, 7)}
    assert len(colours) > 50
    highlight = QImage(1, 1, QImage.Format.Format_RGB32)
    highlight.fill(QColor(LIGHT.hover))
    assert highlight.pixel(0, 0) in colours


def test_screenshot_of_the_default_size(corpus_library, tmp_path):
    out = tmp_path / "default.png"
    assert main(["screenshot", "--doc", "guofa", "--at", "ko.pre1.s1.95a583", "--out", str(out)]) == 0
    assert QImage(str(out)).size().toTuple() == (1400, 900)


def test_screenshot_takes_a_unit_id_without_its_hash(corpus_library, tmp_path, capsys):
    out = tmp_path / "short.png"
    assert main(["screenshot", "--doc", "guofa", "--at", "zh.p2.c1.s1", "--out", str(out), "--size", "800x600"]) == 0
    assert QImage(str(out)).size().toTuple() == (800, 600)
    # A structural path that names a container, not a unit, is refused.
    assert main(["screenshot", "--doc", "guofa", "--at", "zh.pre1", "--out", str(out)]) == 1
    assert "--at zh.pre1: no such sentence or heading" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--doc", "nope", "--at", "x"], "no document matches 'nope'"),
        (["--doc", SEED_000_ID, "--at", "zh.p9.c9.000000"], "--at zh.p9.c9.000000: no such sentence"),
        (["--doc", SEED_000_ID, "--at", "zh.t1.403d19", "--size", "big"], "expected WIDTHxHEIGHT"),
    ],
)
def test_screenshot_errors_are_one_clear_line(corpus_library, tmp_path, capsys, args, message):
    assert main(["screenshot", *args, "--out", str(tmp_path / "x.png")]) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_screenshot_on_a_fresh_data_dir_shows_the_bundled_corpus(data_dir, tmp_path):
    out = tmp_path / "fresh.png"
    assert (
        main(["screenshot", "--doc", SEED_000_ID, "--at", "zh.t1.403d19", "--out", str(out), "--size", "800x500"]) == 0
    )
    assert QImage(str(out)).size().toTuple() == (800, 500)


def test_screenshot_of_the_compare_view(corpus_library, tmp_path):
    from reader.ui.pane import LIGHT_CHANGES

    out = tmp_path / "compare.png"
    args = ["screenshot", "--doc", SEED_000_ID, "--compare", "manufacturing-transfer", "--at", "zh.p1.c1.s1"]
    assert main([*args, "--out", str(out), "--size", "1200x800"]) == 0
    image = QImage(str(out))
    assert image.size().toTuple() == (1200, 800)
    colours = {image.pixel(x, y) for x in range(0, 1200, 5) for y in range(0, 800, 5)}
    # At the first clause: provisions of the 2010 guidance that 002 dropped, and a reworded one, are tinted.
    for tint in (LIGHT_CHANGES.dropped, LIGHT_CHANGES.reworded):
        swatch = QImage(1, 1, QImage.Format.Format_RGB32)
        swatch.fill(QColor(tint))
        assert swatch.pixel(0, 0) in colours
