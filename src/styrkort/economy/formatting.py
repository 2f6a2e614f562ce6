"""Amounts as Swedish reports print them: mnkr with a decimal comma and a true minus sign."""

from decimal import Decimal

from styrkort.core.numbers import format_number

from .queries import MNKR


def format_mnkr(amount_kr: Decimal | None, decimals: int | None = 1) -> str:
    """−309,0 for −309 000 000 kr; "–" for no figure. `decimals=None`: one decimal, or two where the
    figure has them (a savings measure of 0,07 mnkr)."""
    if amount_kr is None:
        return "–"
    mnkr = amount_kr / MNKR
    if decimals is None:
        decimals = 1 if mnkr.quantize(Decimal("0.01")) == mnkr.quantize(Decimal("0.1")) else 2
    return format_number(mnkr, decimals)
