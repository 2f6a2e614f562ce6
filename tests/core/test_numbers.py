from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from styrkort.core.numbers import NumberError, parse_decimal

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("-93,9", Decimal("-93.9")),
        ("1 300,5", Decimal("1300.5")),
        ("1\u00a0300,5", Decimal("1300.5")),
        ("−0,7", Decimal("-0.7")),
        ("18.5", Decimal("18.5")),
        ("200 736", Decimal(200736)),
        (41, Decimal(41)),
        (1.76, Decimal("1.76")),
    ],
)
def test_parse_decimal_reads_swedish_numbers(value, expected):
    assert parse_decimal(value) == expected


@pytest.mark.parametrize("value", ["69 %", "1.234,5", "12,3,4", "ungefär 5", "", "1 23,4", True])
def test_parse_decimal_refuses_what_it_cannot_read_unambiguously(value):
    with pytest.raises(NumberError):
        parse_decimal(value)


@given(st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_parse_decimal_reads_back_swedish_formatting(number):
    whole, _, fraction = f"{abs(number):.2f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", " ")
    text = ("−" if number < 0 else "") + f"{grouped},{fraction}"

    assert parse_decimal(text) == number


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("69.0000"), "69"),  # a measurement as stored
        (Decimal("-2"), "\u22122"),
        (Decimal("1234.50"), "1\u00a0234,5"),
        (None, ""),
    ],
)
def test_a_number_prints_as_many_decimals_as_it_has(value, expected):
    from styrkort.core.numbers import format_number

    assert format_number(value) == expected
