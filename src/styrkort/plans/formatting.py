"""How plan values read in Swedish text: targets, baselines. Pure functions."""

from decimal import Decimal

from django.utils.translation import gettext as _

from styrkort.core.numbers import format_number, with_unit

from .enums import Comparator, Figure


def describe_target(target) -> str:
    """ ">41 %", "behålla", "minska 50 % till 2030"; the unit comes from the indicator."""
    unit = target.indicator.unit_of_measure if target.indicator_id else ""
    return target_text(target.comparator, target.value, target.by_year, unit)


def target_text(comparator: str, value: Decimal | None, by_year: int | None, unit: str) -> str:
    """A target in words from its parts. "Reduce by" is a share of the baseline, so it reads in per
    cent whatever the indicator is measured in ("minska 50 % till 2030", never "50 ton")."""
    kind = Comparator(comparator)
    if kind is Comparator.REDUCE_BY:
        return _("reduce by %(value)s by %(year)s") % {
            "value": with_unit(format_number(value), "%"),
            "year": by_year,
        }
    value_with_unit = with_unit(format_number(value), unit)
    if kind is Comparator.KEEP:
        return _("keep") + (f" {value_with_unit}" if value is not None else "")
    return f"{kind.label} {value_with_unit}"


def measurement_text(value: Decimal, unit: str, figure: str = "") -> str:
    """An outcome as the reports print it: "69 %", "4,2 ton". An economic result is a surplus or a
    deficit, so it carries its sign and tenths of mnkr as amounts do ("+1,0 mnkr", "−0,5 mnkr")."""
    if figure == Figure.ECONOMIC_RESULT:
        text = format_number(value, 1)
        if value.quantize(Decimal("0.1")) > 0:
            text = "+" + text
    else:
        text = format_number(value)
    return with_unit(text, unit)
