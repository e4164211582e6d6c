"""Terms: how the Chinese words of the library have been rendered in Korean.

- ``words``: Chinese terms of a sentence (jieba words and multi-word terms) and Korean
  candidate renderings (runs of Kiwi content morphemes);
- ``glossary``: term ↔ rendering pairs mined from the aligned sentences of the library;
- ``lookup``: the reading aid for one Chinese word (한자음, pinyin, renderings, examples);
- ``numbers``: numbers, percentages and dates of either language as comparable values;
- ``checks``: translation checks that point at a translator's slips.

Nothing here imports Qt; the GUI shows what these functions return.
"""
