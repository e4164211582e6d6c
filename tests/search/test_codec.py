"""Stored fields written with the small-window compressor read back, beside Whoosh's own."""

from __future__ import annotations

import zlib

from whoosh import columns, fields
from whoosh import index as whoosh_index
from whoosh.codec.whoosh3 import W3Codec

from reader.search.codec import WINDOW_BITS, SearchCodec, _SmallWindowWriter


def test_segments_of_both_codecs_read_back_in_one_index(tmp_path):
    schema = fields.Schema(key=fields.ID(stored=True), text=fields.STORED())
    ix = whoosh_index.create_in(str(tmp_path), schema)
    texts = {f"k{i}": "산업이전을 다그치는 중서부 지역 产业转移 " * (i % 7 + 1) for i in range(300)}
    for codec, keys in ((SearchCodec(), list(texts)[:200]), (W3Codec(), list(texts)[200:])):
        writer = ix.writer(codec=codec)
        for key in keys:
            writer.add_document(key=key, text=texts[key])
        writer.commit(merge=False)
    with ix.searcher() as searcher:
        assert len(ix._segments()) == 2
        assert {f["key"]: f["text"] for f in searcher.all_stored_fields()} == texts


def test_a_record_is_an_ordinary_zlib_stream_with_a_small_window(monkeypatch):
    records: list[bytes] = []
    monkeypatch.setattr(columns.VarBytesColumn.Writer, "__init__", lambda self, dbfile: None)
    monkeypatch.setattr(columns.VarBytesColumn.Writer, "add", lambda self, docnum, v: records.append(v))
    _SmallWindowWriter(None, 3, "zlib").add(0, b"x" * 700)
    assert zlib.decompress(records[0]) == b"x" * 700
    assert records[0][0] >> 4 == WINDOW_BITS - 8  # the window size in the stream's header
