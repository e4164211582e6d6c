"""The Chinese numeral parser the aligner and the translation checks share."""

from __future__ import annotations

import pytest

from reader.align import features
from reader.terms import numbers
from reader.text.numerals import chinese_numeral


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("二○一○", 2010),
        ("二〇二四", 2024),
        ("三十一", 31),
        ("十", 10),
        ("十六", 16),
        ("二十八", 28),
        ("一千五百", 1500),
        ("一百零五", 105),
        ("两千零一十", 2010),
        ("三万五千", 35_000),
        ("十万", 100_000),
        ("万", 10_000),
        ("一亿二千万", 120_000_000),
        ("三万亿", 3 * 10**12),
    ],
)
def test_chinese_numerals(text, value):
    assert chinese_numeral(text) == value


def test_the_aligner_and_the_checks_read_numerals_with_the_same_parser():
    assert features.chinese_numeral is chinese_numeral
    assert numbers.chinese_numeral is chinese_numeral
    assert features.numbers_in("二○一○年八月三十一日", "zh") == {"2010", "8", "31"}
    assert [n.value for n in numbers.chinese_numbers("一百零五项，三万亿元")] == [105, 3e12]
