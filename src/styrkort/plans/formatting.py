"""How plan values read in Swedish text: targets, baselines. Pure functions."""

from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from .enums import Comparator


def format_number(value: Decimal | None) -> str:
    """A decimal without trailing zeros, with the active language's decimal separator."""
    if value is None:
        return ""
    normalized = value.normalize()
    places = max(0, -normalized.as_tuple().exponent)
    return number_format(normalized, decimal_pos=places, use_l10n=True, force_grouping=True)


def describe_target(target) -> str:
    """ ">41 %", "behålla", "minska 50 % till 2030"; the unit comes from the indicator."""
    comparator = Comparator(target.comparator)
    unit = target.indicator.unit_of_measure if target.indicator_id else ""
    value = format_number(target.value)
    value_with_unit = f"{value} {unit}".strip()
    if comparator is Comparator.KEEP:
        return _("keep") + (f" {value_with_unit}" if target.value is not None else "")
    if comparator is Comparator.REDUCE_BY:
        return _("reduce by %(value)s by %(year)s") % {"value": value_with_unit, "year": target.by_year}
    return f"{comparator.label} {value_with_unit}"
