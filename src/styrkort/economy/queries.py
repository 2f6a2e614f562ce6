"""Reading economy and staff figures for a unit as of a round's date; a fixed number of queries.

Outcome, budget and forecast are accumulated: the figures of a year are those of the latest month
up to the round's month. Staff figures lag a month behind in the HR system, so they are those of
the latest month reported, whatever it is; the page says which.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import F, Max, Q, Sum, Window

from styrkort.org.models import Unit

from .enums import LedgerKind, Total
from .models import AccountMapping, LedgerEntry, StaffFigure

MNKR = Decimal(1_000_000)
RESULT_YEARS = 4  # the department table: this year and the three before, as seed 002 shows


def _latest_month(queryset, group: tuple[str, ...]):
    """The rows of each group's latest month in `queryset`: one pass with a window function (a
    correlated MAX subquery per row made the page quadratic in a unit's accounts)."""
    latest = Window(Max("month"), partition_by=[F(name) for name in group])
    return queryset.annotate(latest_month=latest).filter(month=F("latest_month"))


@dataclass(frozen=True)
class LedgerRow:
    year: int
    month: int
    kind: str
    account: str
    total: str
    amount: Decimal


def ledger_rows(unit: Unit, year: int, month: int) -> list[LedgerRow]:
    """The unit's accounts and control totals of `year` and the year before, latest month ≤ `month`."""
    rows = LedgerEntry.objects.filter(unit=unit, year__in=(year - 1, year), month__lte=month)
    return [
        LedgerRow(*values)
        for values in _latest_month(rows, ("unit", "year", "kind"))
        .order_by()
        .values_list("year", "month", "kind", "account", "total", "amount")
    ]


def mapping() -> list[tuple[str, int, str, str, int]]:
    """(prefix, line pk, line name, section, order) longest prefix first, so the first match wins."""
    rows = AccountMapping.objects.values_list(
        "prefix", "line_id", "line__name", "line__section", "line__order"
    )
    return sorted(rows, key=lambda row: -len(row[0]))


def line_of(account: str, prefixes) -> tuple | None:
    return next((row for row in prefixes if account.startswith(row[0])), None)


def results_by_unit_and_year(unit_ids: list[int], year: int, month: int) -> dict[tuple[int, int], Decimal]:
    """{(unit pk, year): result} for the years of the department table: the control total Resultat of
    the unit's latest month that has one, or, for a unit and year without any, the sum of its accounts
    in their latest month. This year is accumulated to `month`.

    The totals are read first, by the index `ledger_totals`: a department reports Resultat, so the
    accounts (some 60 rows a month per unit) are only summed where it does not."""
    years = (year - RESULT_YEARS + 1, year)
    outcome = LedgerEntry.objects.filter(kind=LedgerKind.OUTCOME, year__range=years).filter(
        Q(year__lt=year) | Q(month__lte=month)
    )
    results: dict[tuple[int, int], tuple[int, Decimal]] = {}
    for unit_id, row_year, row_month, amount in (
        outcome.filter(unit__in=unit_ids, total=Total.RESULT)
        .order_by()
        .values_list("unit_id", "year", "month", "amount")
    ):
        if (unit_id, row_year) not in results or results[unit_id, row_year][0] < row_month:
            results[unit_id, row_year] = (row_month, amount)
    found = {key: amount for key, (_month, amount) in results.items()}
    without = [pk for pk in unit_ids if any((pk, y) not in found for y in range(years[0], year + 1))]
    if without:
        accounts = outcome.filter(unit__in=without, total="")
        for unit_id, row_year, amount in (
            _latest_month(accounts, ("unit", "year"))
            .order_by()
            .values_list("unit_id", "year")
            .annotate(amount=Sum("amount"))
        ):
            found.setdefault((unit_id, row_year), amount)
    return found


@dataclass(frozen=True)
class StaffRow:
    year: int
    month: int
    measure: str
    breakdown: str
    value: Decimal
    note: str


def staff_rows(unit: Unit, year: int, month: int) -> tuple[list[StaffRow], list[StaffRow]]:
    """(this year's, last year's) staff figures: this year's latest month ≤ `month`, and last year's
    figures for that same month, so the two years compare like with like."""
    rows = [
        StaffRow(*values)
        for values in StaffFigure.objects.filter(unit=unit, year__in=(year - 1, year), month__lte=month)
        .order_by()
        .values_list("year", "month", "measure", "breakdown", "value", "note")
    ]
    this_year = [row for row in rows if row.year == year]
    latest = max((row.month for row in this_year), default=month)
    last_year = [row for row in rows if row.year == year - 1 and row.month <= latest]
    last_latest = max((row.month for row in last_year), default=latest)
    return (
        [row for row in this_year if row.month == latest],
        [row for row in last_year if row.month == last_latest],
    )
