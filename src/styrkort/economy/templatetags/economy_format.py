"""Amounts in mnkr and percentages with one decimal, as the reports print them."""

from django import template
from django.utils.dates import MONTHS

from styrkort.core.numbers import format_number
from styrkort.economy.formatting import format_mnkr

register = template.Library()


@register.filter
def mnkr(amount_kr) -> str:
    return format_mnkr(amount_kr, 1)


@register.filter
def mnkr_exact(amount_kr) -> str:
    return format_mnkr(amount_kr, None)


@register.filter
def one_decimal(value) -> str:
    return "–" if value is None else format_number(value, 1)


@register.filter
def month_name(month: int | None) -> str:
    return str(MONTHS[month]) if month else ""
