"""An index written before the tokenizers moved out of ``reader.search.analysis`` still opens:
its pickled schema names them there."""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

from reader.search import tokenizers


def test_old_pickled_tokenizer_names_resolve():
    for name in ("ChineseTokenizer", "KoreanTokenizer", "MixedTokenizer"):
        old = f"creader.search.analysis\n{name}\n.".encode("ascii")  # protocol 0 global, as pickled then
        assert pickle.loads(old) is getattr(tokenizers, name)


def test_the_alias_does_not_import_whoosh_with_the_module():
    code = "import sys, reader.search.analysis; print('whoosh' in sys.modules)"
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.stdout.strip() == "False"
