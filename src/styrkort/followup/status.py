"""Indicator status, trend and share of green: pure calculations for the follow-up.

No queries, no request, no clock. Callers pass the measurement, the target and the
indicator's settings; round_close() stores what comes back, so a closed round never changes.
"""

import operator
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

from styrkort.plans.enums import Comparator, Direction

from .enums import ReportContent

_HUNDRED = Decimal(100)
_ZERO = Decimal(0)

_HOLDS: dict[str, Callable[[Decimal, Decimal], bool]] = {
    Comparator.GT: operator.gt,
    Comparator.GTE: operator.ge,
    Comparator.LT: operator.lt,
    Comparator.LTE: operator.le,
}


class IndicatorStatus(models.TextChoices):
    GREEN = "green", _("target met")
    YELLOW = "yellow", _("close to target")
    RED = "red", _("target not met")
    GREY = "grey", _("no data")

    @property
    def symbol(self) -> str:
        # Colour alone must not carry the meaning (WCAG 1.4.1); the same signs as followup's Colour.
        return {"green": "✓", "yellow": "!", "red": "✕", "grey": "–"}[self.value]


class Trend(models.TextChoices):
    POSITIVE = "positive", _("positive")
    NEGATIVE = "negative", _("negative")
    UNCHANGED = "unchanged", _("unchanged")

    @property
    def arrow(self) -> str:
        # Diagonal, unlike the desired-direction arrows (↑ ↓), so the two columns are not confused.
        return {"positive": "↗", "negative": "↘", "unchanged": "→"}[self.value]


def indicator_status(
    value: Decimal | None,
    *,
    missing: bool,
    comparator: str | None,
    target: Decimal | None,
    direction: str,
    tolerance: Decimal | None,
    baseline: Decimal | None = None,
    baseline_year: int | None = None,
    by_year: int | None = None,
    year: int | None = None,
) -> IndicatorStatus | None:
    """Green when the target is met, yellow when short of it by no more than the tolerance, else red.

    Grey when the data is missing. None when there is nothing to assess against: no target,
    or a "keep" or "reduce by" target without the baseline or years it needs.
    """
    if missing or value is None:
        return IndicatorStatus.GREY
    if comparator is None:
        return None
    kind = Comparator(comparator)
    band = _non_negative(tolerance, "tolerance")

    if kind is Comparator.KEEP:
        reference = target if target is not None else baseline
        if reference is None:
            return None
        return _keep_status(value, reference, Direction(direction), band)

    if kind is Comparator.REDUCE_BY:
        required = _required_level(
            target, baseline=baseline, baseline_year=baseline_year, by_year=by_year, year=year
        )
        if required is None:
            return None
        return _grade(met=value <= required, gap=value - required, band=band)

    if target is None:
        return None
    met = value == target if kind is Comparator.EQ else _HOLDS[kind](value, target)
    return _grade(met=met, gap=abs(value - target), band=band)


def trend(
    current: Decimal | None, previous: Decimal | None, *, direction: str, threshold: Decimal | None
) -> Trend | None:
    """Compare with the previous measurement, read in the indicator's desired direction.

    None when either value is missing or the indicator has no desired direction ("actual").
    """
    wanted = Direction(direction)
    if current is None or previous is None or wanted is Direction.ACTUAL:
        return None
    change = current - previous
    if abs(change) <= _non_negative(threshold, "threshold"):
        return Trend.UNCHANGED
    if wanted is Direction.KEEP:
        # The level is the goal, so any move away from it counts against, up or down.
        return Trend.NEGATIVE
    improved = change > 0 if wanted is Direction.HIGHER else change < 0
    return Trend.POSITIVE if improved else Trend.NEGATIVE


@dataclass(frozen=True)
class GreenShare:
    total: int
    green: int

    @property
    def share(self) -> Decimal | None:
        """Percent green, rounded half up to a whole percent; None when there is nothing to count."""
        if self.total == 0:
            return None
        share = (Decimal(self.green) * _HUNDRED / self.total).quantize(Decimal(1), rounding=ROUND_HALF_UP)
        # 199 of 200 would round to 100 %, which a board reads as "all done" (and 1 of 201 to 0 %
        # as "none"); the ends are kept for when they are literally true.
        if self.green < self.total:
            share = min(share, Decimal(99))
        if self.green > 0:
            share = max(share, Decimal(1))
        return share


def green_share(colours: Iterable[str]) -> GreenShare:
    """Count the green items among all given; an empty string (not reported) counts as not green."""
    items = list(colours)
    # followup's Colour.GREEN has the same value, so action colours can be passed as they are stored.
    return GreenShare(total=len(items), green=sum(1 for colour in items if colour == IndicatorStatus.GREEN))


def _grade(*, met: bool, gap: Decimal, band: Decimal) -> IndicatorStatus:
    if met:
        return IndicatorStatus.GREEN
    # band > 0: without it, a value equal to a strict target (11 for "< 11") would be yellow.
    if band > 0 and gap <= band:
        return IndicatorStatus.YELLOW
    return IndicatorStatus.RED


def _keep_status(value: Decimal, reference: Decimal, direction: Direction, band: Decimal) -> IndicatorStatus:
    if direction is Direction.HIGHER:
        return _grade(met=value >= reference, gap=reference - value, band=band)
    if direction is Direction.LOWER:
        return _grade(met=value <= reference, gap=value - reference, band=band)
    # Keep or actual: there is no wrong side, so the tolerance is the level itself and nothing is yellow.
    return IndicatorStatus.GREEN if abs(value - reference) <= band else IndicatorStatus.RED


def _required_level(
    percent: Decimal | None,
    *,
    baseline: Decimal | None,
    baseline_year: int | None,
    by_year: int | None,
    year: int | None,
) -> Decimal | None:
    """The level a "reduce by percent" target asks for in year, on the straight line from the baseline."""
    if percent is None or baseline is None or baseline_year is None or by_year is None or year is None:
        return None
    goal = baseline * (1 - percent / _HUNDRED)
    if year >= by_year:
        return goal
    if year <= baseline_year:
        return baseline
    return baseline + (goal - baseline) * (year - baseline_year) / (by_year - baseline_year)


def _non_negative(amount: Decimal | None, name: str) -> Decimal:
    if amount is None:
        return _ZERO
    if amount < 0:
        raise ValueError(f"The {name} must not be negative: {amount}")
    return amount


def action_report_problems(
    *, asks_for: str, asks_deviation: bool, status: str, colour: str, comment: str, deviation: str
) -> dict[str, str]:
    """What is wrong with an action report in a round that asks for `asks_for`, by field; empty if
    nothing. The one place this is decided: pages, workbooks and the API call it through the service.

    A comment without a mark is always accepted: the department wrote something, and it is shown
    ("commented, not assessed") but not counted as reported. Otherwise the marks the round asks for
    are needed, and a mark it does not ask for is refused. A yellow or red assessment needs its
    deviation described, in rounds that ask for it (documents that write it in the comment do not).
    """
    content = ReportContent(asks_for)
    problems: dict[str, str] = {}
    if status and not content.asks_status:
        problems["status"] = str(_("This follow-up asks for an assessment only, not a status."))
    if colour and not content.asks_assessment:
        problems["colour"] = str(_("This follow-up asks for a status only, not an assessment."))
    if problems:
        return problems
    if not (status or colour):
        if not (comment.strip() or deviation.strip()):
            problems["__all__"] = str(_("Give a status, an assessment or a comment."))
        return problems
    if content.asks_status and not status:
        problems["status"] = str(_("Give the status too."))
    if content.asks_assessment and not colour:
        problems["colour"] = str(_("Give the assessment too."))
    if asks_deviation and colour in ("yellow", "red") and not deviation.strip():
        problems["deviation"] = str(_("Describe the deviation when the assessment is yellow or red."))
    return problems
