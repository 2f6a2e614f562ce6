"""Every write of economy and staff figures goes through one of these functions.

They validate fully and leave a history row naming the person (core.services.upsert). Imports call
them row by row inside one transaction (exchange/economy_file.py), so a bad file writes nothing.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from styrkort.core.services import upsert
from styrkort.errors import StyrkortError
from styrkort.followup.models import FollowUpRound
from styrkort.followup.queries import round_units
from styrkort.followup.rules import may_report_for_unit
from styrkort.followup.services import NotAllowed, RoundClosed, measurement_save
from styrkort.org.models import Unit
from styrkort.plans.models import TOTAL_BREAKDOWN, Indicator

from .enums import Section
from .models import (
    AccountMapping,
    EconomySnapshot,
    Investment,
    LedgerEntry,
    SavingsMeasure,
    StaffFigure,
    StatementLine,
)
from .report import build_economy_report, economy_snapshot_json, figures_for_indicator
from .rules import may_change_chart_of_accounts

SOURCE = gettext_noop("Economy and staff import")


class MeasureGone(StyrkortError):
    """The savings measure to change or remove is not (any longer) in the round and unit."""

    def __init__(self):
        super().__init__(_("The measure is no longer there; perhaps someone else removed it."))


def _authorise_chart_of_accounts(user):
    """The chart of accounts is shared by every unit: only an administrator or the finance function
    adds to it or changes it (a file that repeats it as it stands passes, as upsert asks only about
    changes)."""

    def authorise(before, after) -> None:
        if not may_change_chart_of_accounts(user):
            raise NotAllowed(
                _(
                    "Only an administrator or the finance function changes the chart of accounts: "
                    "every unit shares it."
                )
            )

    return authorise


def statement_line_upsert(*, name: str, section: Section, order: int, user):
    return upsert(
        StatementLine,
        lookup={"name": name},
        values={"section": section, "order": order},
        user=user,
        authorise=_authorise_chart_of_accounts(user),
    )


def account_mapping_upsert(*, prefix: str, line: StatementLine, user):
    return upsert(
        AccountMapping,
        lookup={"prefix": prefix},
        values={"line": line},
        user=user,
        authorise=_authorise_chart_of_accounts(user),
    )


def ledger_entry_upsert(
    *, unit: Unit, year: int, month: int, kind: str, account: str, total: str, amount: Decimal, user=None
):
    lookup = {"unit": unit, "year": year, "month": month, "kind": kind, "account": account, "total": total}
    return upsert(LedgerEntry, lookup=lookup, values={"amount": amount}, user=user)


def staff_figure_upsert(
    *,
    unit: Unit,
    year: int,
    month: int,
    measure: str,
    breakdown: str,
    value: Decimal,
    note: str = "",
    user=None,
):
    lookup = {"unit": unit, "year": year, "month": month, "measure": measure, "breakdown": breakdown}
    return upsert(StaffFigure, lookup=lookup, values={"value": value, "note": note.strip()}, user=user)


def investment_upsert(
    *,
    unit: Unit,
    year: int,
    project: str,
    budget: Decimal,
    outcome: Decimal,
    remaining: Decimal | None,
    user=None,
):
    values = {
        "budget": budget,
        "outcome": outcome,
        "remaining": budget - outcome if remaining is None else remaining,
    }
    return upsert(
        Investment, lookup={"unit": unit, "year": year, "project": project}, values=values, user=user
    )


def savings_measure_upsert(*, user, round: FollowUpRound, unit: Unit, measure: str, **values):
    """A measure of the unit's action plan in the round, found by its text (imports)."""
    _check_may_write_savings(user, round, unit)
    return upsert(
        SavingsMeasure, lookup={"round": round, "unit": unit, "measure": measure}, values=values, user=user
    )


class MeasureChanged(StyrkortError):
    """Someone else saved the measure after this form was opened; `current` is what they saved."""

    def __init__(self, current: SavingsMeasure):
        super().__init__(
            _(
                "Someone else changed the measure after you opened the form; nothing was saved. "
                "Theirs: %(measure)s. Your values are still in the form: compare, then save again."
            )
            % {"measure": current.measure}
        )
        self.current = current


@transaction.atomic
def savings_measure_save(
    *, user, round: FollowUpRound, unit: Unit, pk: int | None = None, version: int | None = None, **values
):
    """A measure written on the economy page: a new one, or measure `pk` of this round and unit changed
    (refused with MeasureChanged when it is no longer at `version`)."""
    _check_may_write_savings(user, round, unit)
    if pk is None:
        return _savings_measure_add(user, round, unit, **values)
    instance = SavingsMeasure.objects.select_for_update().filter(round=round, unit=unit, pk=pk).first()
    if instance is None:
        raise MeasureGone
    if version is not None and version != instance.version:
        raise MeasureChanged(instance)
    for name, value in values.items():
        setattr(instance, name, value)
    instance.full_clean()
    instance._history_user = user
    instance.save()
    return instance


def _savings_measure_add(user, round: FollowUpRound, unit: Unit, *, measure: str, **values) -> SavingsMeasure:
    """A new measure; one with the same text is refused, also when two people add it at once (the
    database's constraint decides, as a check before the insert could not)."""
    order = SavingsMeasure.objects.filter(round=round, unit=unit).count() + 1
    instance = SavingsMeasure(round=round, unit=unit, measure=measure, order=order, **values)
    instance.full_clean(validate_constraints=False)
    instance._history_user = user
    try:
        with transaction.atomic():
            instance.save()
    except IntegrityError:
        raise ValidationError(
            {
                "measure": _("The action plan already has the measure “%(measure)s”: change that one.")
                % {"measure": measure}
            }
        ) from None
    return instance


@transaction.atomic
def savings_measure_delete(*, user, round: FollowUpRound, unit: Unit, pk: int) -> None:
    _check_may_write_savings(user, round, unit)
    instance = SavingsMeasure.objects.filter(round=round, unit=unit, pk=pk).first()
    if instance is None:
        raise MeasureGone
    instance._history_user = user
    instance.delete()


def _check_may_write_savings(user, round: FollowUpRound, unit: Unit) -> None:
    """Open round; those who report for the unit (or manage the round)."""
    if not round.is_open:
        raise RoundClosed(round)
    if not may_report_for_unit(user, round, unit):
        raise NotAllowed(_("You may not write for the unit %(code)s.") % {"code": unit.code})


@transaction.atomic
def indicator_figures_save(*, user, round: FollowUpRound, units: list[Unit]) -> int:
    """Measurements of the round's indicators that take their figures from `units`' economy and staff.

    An indicator of the unit (its goal's unit, or its plan's owner) marked "measured by" a figure gets
    that figure for the round's year and the year before, per breakdown, as the economy page shows
    them; entered once, in the import. Returns how many measurements were written.
    """
    written = 0
    indicators = (
        Indicator.objects.exclude(figure="")
        .filter(goal__plan__in=round.plans.all())
        .select_related("goal", "goal__plan")
        .prefetch_related("breakdowns")
    )
    by_pk = {unit.pk: unit for unit in units}
    reports = {}  # one economy page per unit, however many of its indicators take figures from it
    for indicator in indicators:
        unit = by_pk.get(indicator.goal.unit_id or indicator.goal.plan.owner_id)
        if unit is None:
            continue
        if unit.pk not in reports:
            reports[unit.pk] = build_economy_report(round=round, unit=unit)
        # The total is stored without a breakdown, even where the indicator lists "Totalt".
        breakdowns = {b.name: b for b in indicator.breakdowns.all() if b.name != TOTAL_BREAKDOWN}
        for figure in figures_for_indicator(indicator.figure, reports[unit.pk], breakdowns):
            measurement_save(
                user=user,
                round=round,
                indicator=indicator,
                breakdown=breakdowns.get(figure.breakdown),
                period=figure.year,
                value=figure.value,
                note=figure.note,
                source=_(SOURCE),
            )
            written += 1
    return written


def economy_snapshots_save(round: FollowUpRound) -> int:
    """Freeze every unit's economy page of `round` as it is now; a step of closing the round."""
    EconomySnapshot.objects.filter(round=round).delete()
    frozen = [
        EconomySnapshot(round=round, unit=unit, data=economy_snapshot_json(report))
        for unit in round_units(round)
        if not (report := build_economy_report(round=round, unit=unit)).is_empty
    ]
    EconomySnapshot.objects.bulk_create(frozen)
    return len(frozen)


def economy_snapshots_remove(round: FollowUpRound) -> None:
    """A step of reopening the round: its economy pages are live again."""
    EconomySnapshot.objects.filter(round=round).delete()
