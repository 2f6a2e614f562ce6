"""Status, assessment and trend as symbol and words (never colour alone), and outcomes with their year."""

from functools import lru_cache

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from styrkort.core.numbers import with_unit
from styrkort.followup.enums import ActionStatus, Colour
from styrkort.followup.status import IndicatorStatus, Trend
from styrkort.plans.formatting import measurement_text

register = template.Library()


def _badge(choice) -> str:
    if choice is None:
        return format_html('<span class="badge" data-tone="none">{}</span>', _("not assessed"))
    return format_html(
        '<span class="badge" data-tone="{}"><span aria-hidden="true">{}</span> {}</span>',
        choice.value,
        choice.symbol,
        choice.label,
    )


@lru_cache(maxsize=64)
def _badge_of(kind, value: str, language: str) -> str:
    """Made once per value and language: a long table repeats the same few badges."""
    return _badge(kind(value) if value else None)


@register.simple_tag
def colour_badge(value: str):
    """The reporter's assessment of an action or goal."""
    return _badge_of(Colour, value, get_language())


@register.simple_tag
def status_badge(value: str):
    """An indicator's status."""
    return _badge_of(IndicatorStatus, value, get_language())


@register.simple_tag
def trend_text(value: str):
    if not value:
        return "–"
    trend = Trend(value)
    return format_html('<span aria-hidden="true">{}</span> {}', trend.arrow, trend.label)


@register.filter
def action_status(value: str) -> str:
    return ActionStatus(value).label if value else _("not reported")


@register.simple_tag
def outcome_value(outcome, indicator) -> str:
    if outcome.missing or outcome.value is None:
        return _("data missing")
    return measurement_text(outcome.value, indicator.unit_of_measure, indicator.figure)


@register.filter
def percent(share) -> str:
    return "–" if share is None else with_unit(str(share), "%")
