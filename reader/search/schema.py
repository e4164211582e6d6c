"""The Whoosh schema: one index entry per reading unit (sentence or heading).

Each entry is searchable in the field of its language (``zh`` or ``ko``) and in its
annotation notes; it stores what a result line shows (text, its counterpart in the
other language, part and clause) so a search never goes back to the database.
"""

from __future__ import annotations

from whoosh import fields

from .analysis import ANALYZER_VERSION, package_version
from .tokenizers import ChineseTokenizer, KoreanTokenizer, MixedTokenizer

#: Bump when fields change: the index is then rebuilt.
SCHEMA_VERSION = 1

#: Text fields by language.
TEXT_FIELDS = {"zh": "zh", "ko": "ko"}


def build_schema() -> fields.Schema:
    return fields.Schema(
        doc=fields.ID(stored=True),
        lang=fields.ID(stored=True),
        segment_id=fields.STORED(),
        kind=fields.STORED(),
        position=fields.STORED(),
        text=fields.STORED(),
        zh=fields.TEXT(analyzer=ChineseTokenizer(), phrase=True, chars=True),
        ko=fields.TEXT(analyzer=KoreanTokenizer(), phrase=True, chars=True),
        counterpart=fields.STORED(),
        counterpart_ids=fields.STORED(),
        part=fields.STORED(),
        clause=fields.STORED(),
        notes=fields.TEXT(analyzer=MixedTokenizer(), phrase=False, chars=True, stored=True),
        tags=fields.KEYWORD(stored=True, lowercase=True, commas=True),
        colors=fields.KEYWORD(stored=True, commas=True),
        annotated=fields.ID(),
    )


def index_version() -> dict[str, str]:
    """What the terms in an index depend on; any change means a rebuild.

    The versions are read from the installed packages' metadata: importing kiwipiepy
    (and, with it, its native library) only to read its version would put that import
    on the path of every index open, including the reader's start.
    """
    return {
        "schema": str(SCHEMA_VERSION),
        "analyzer": str(ANALYZER_VERSION),
        "jieba": package_version("jieba"),
        "kiwipiepy": package_version("kiwipiepy"),
        "kiwipiepy_model": package_version("kiwipiepy_model"),
        "opencc": package_version("opencc"),
    }
