"""Numbers as Swedish users write them: "1 234,5", "-93,9", "−0,7", read and written. Pure functions.

`format_number` is the product's one way to print a number: pages, workbooks, charts and reports.
"""

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.translation import gettext as _

_SPACES = re.compile(r"[\s\u00a0\u202f]")
_PLAIN = re.compile(r"^[+-]?(\d+([.,]\d+)?|\d{1,3}( \d{3})+([.,]\d+)?)$")


class NumberError(ValueError):
    pass


def parse_decimal(value) -> Decimal:
    """A number from a cell: int, float, Decimal or text with a decimal comma or point.

    Thousands may be grouped with spaces ("1 300,5"); a typographic minus (−) counts as minus.
    Anything else ("69 %", "1.234,5", "12,3,4") is refused with a message, never guessed.
    """
    if isinstance(value, bool):
        raise NumberError(_("%(value)s is not a number.") % {"value": value})
    if isinstance(value, int | Decimal | float):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        if not number.is_finite():  # 1E999 in a cell is read as infinity
            raise NumberError(_("%(value)s is not a number.") % {"value": value})
        return number
    text = str(value).strip().replace("\u2212", "-").replace("\u2013", "-")
    grouped = _SPACES.sub(" ", text)
    if not _PLAIN.match(grouped):
        raise NumberError(
            _("%(value)s is not a number. Write digits with a decimal comma, e.g. 1 234,5.") % {"value": text}
        )
    try:
        return Decimal(grouped.replace(" ", "").replace(",", "."))
    except InvalidOperation:
        raise NumberError(_("%(value)s is not a number.") % {"value": text}) from None


def parse_quantity(value, unit: str) -> Decimal:
    """A number that may carry the indicator's own unit: "69 %" for a % indicator, "10 st".

    Only that unit is accepted, so "69 %" for an indicator counted in kronor is still refused.
    """
    if isinstance(value, str) and unit:
        text = value.strip()
        if text.endswith(unit):
            value = text.removesuffix(unit).rstrip()
    return parse_decimal(value)


NBSP, MINUS = "\u00a0", "\u2212"


def format_number(value: Decimal | int | None, decimals: int | None = None) -> str:
    """A decimal comma, U+00A0 between thousands and a typographic minus, as Swedish reports print:
    "−1 234,5". `decimals`: rounded half up to that many; None: as many as the value has, without
    trailing zeros (a measurement stored as 69.0000 prints "69"). None prints as "".
    """
    if value is None:
        return ""
    number = Decimal(value)
    if decimals is None:
        number = number.normalize()
        decimals = max(0, -number.as_tuple().exponent)
    rounded = number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    text = f"{abs(rounded):,.{decimals}f}".replace(",", NBSP).replace(".", ",")
    return MINUS + text if rounded < 0 else text  # -0,04 is "0,0", not "−0,0"


def with_unit(number_text: str, unit: str) -> str:
    """ "5,3 %", "8 496 ton": the unit kept on the number's line by a no-break space."""
    return f"{number_text}{NBSP}{unit}" if unit else number_text
