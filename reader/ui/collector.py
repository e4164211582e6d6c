"""Python's cyclic garbage collector held off while a document is built.

Opening a long document makes hundreds of thousands of small objects (segments, links,
unit spans, outline nodes) in a few hundred milliseconds. Each 700 of them start a
collection, and every tenth of those and then every tenth again walks older
objects too: on a 2 MB document the collector took about a fifth of the time to the first
paint (one full collection over some 150,000 objects), and later collections walking
the same objects again were among the longest events of scrolling. None of these objects
form cycles that need collecting, so the collector waits until the document is up, and
what is alive then (the document on screen, the window, the modules) is frozen: left out
of later collections until the next document opens, when it is unfrozen and collectable
again (so cyclic garbage is never kept longer than one document).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collection_paused() -> Iterator[None]:
    """No cyclic collection inside the block; what is alive after it is frozen (see above)."""
    was_enabled = gc.isenabled()
    gc.disable()
    gc.unfreeze()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()
