"""The economy and staff part of a unit's report in a round, built once as data (docs/decisions.md).

`build_economy_report(round, unit) -> EconomyReport`; the page and any document render it. Amounts
are in kronor; renderers print mnkr.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from styrkort.core import snapshots
from styrkort.followup.enums import NarrativeSection
from styrkort.followup.models import FollowUpRound, Narrative
from styrkort.org.models import Unit
from styrkort.plans.enums import Figure

from .enums import AGE_BANDS, DAY_BANDS, GENDERS, TOTAL_BREAKDOWN, LedgerKind, Section, StaffMeasure, Total
from .models import EconomySnapshot, Investment, SavingsMeasure
from .queries import (
    MNKR,
    RESULT_YEARS,
    LedgerRow,
    StaffRow,
    ledger_rows,
    line_of,
    mapping,
    results_by_unit_and_year,
    staff_rows,
)

COLUMNS = ("budget", "outcome", "previous", "forecast", "deviation")
KIND_COLUMN = {
    LedgerKind.BUDGET: "budget",
    LedgerKind.OUTCOME: "outcome",
    LedgerKind.PREVIOUS: "previous",
    LedgerKind.FORECAST: "forecast",
}


# A total's and a staff figure's heading, translated when shown: facts hold codes, and a closed round's
# snapshot (older ones hold the words of the language it was closed in) reads in the reader's language.
TOTAL_LABELS = {
    Total.REVENUES: gettext_lazy("Total revenues"),
    Total.COSTS: gettext_lazy("Total costs"),
    Total.RESULT: gettext_lazy("Result"),
}
STAFF_LABELS = {
    StaffMeasure.SICK_LEAVE: gettext_lazy("Total sick leave"),
    StaffMeasure.EMPLOYEES: gettext_lazy("Employees"),
    StaffMeasure.FTE: gettext_lazy("Full-time equivalents"),
}
# Snapshots from before the measure was kept: the heading they froze, in Swedish or English.
_FROZEN_STAFF_LABELS = {
    "Total sjukfrånvaro": StaffMeasure.SICK_LEAVE,
    "Total sick leave": StaffMeasure.SICK_LEAVE,
    "Anställda": StaffMeasure.EMPLOYEES,
    "Employees": StaffMeasure.EMPLOYEES,
    "Årsarbetare": StaffMeasure.FTE,
    "Full-time equivalents": StaffMeasure.FTE,
}


@dataclass
class StatementRow:
    name: str  # a line's name from the chart of accounts; empty for a total
    kind: str  # "revenue", "cost", or a total: "revenues", "costs", "result"
    budget: Decimal | None = None
    outcome: Decimal | None = None
    previous: Decimal | None = None
    forecast: Decimal | None = None
    # Against the year's budget: the forecast, or at the year end the outcome.
    deviation: Decimal | None = None

    @property
    def is_total(self) -> bool:
        return self.kind in Total.values

    @property
    def label(self) -> str:
        return str(TOTAL_LABELS[self.kind]) if self.is_total else self.name

    def add(self, column: str, amount: Decimal) -> None:
        setattr(self, column, (getattr(self, column) or 0) + amount)


@dataclass
class DepartmentRow:
    code: str
    name: str
    results: list[Decimal | None]


@dataclass
class InvestmentRow:
    project: str
    budget: Decimal
    outcome: Decimal
    remaining: Decimal


@dataclass
class SavingsRow:
    measure: str
    timeline: str
    owner: str
    estimated_effect: Decimal | None
    realised_effect: Decimal | None
    comment: str
    # Fields added after the first snapshots were stored need a default, or old snapshots will not load.
    pk: int | None = None
    version: int = 1


@dataclass
class StaffComparison:
    breakdown: str  # a staff breakdown's name (data, as the HR system names it); empty for a total
    this_year: Decimal | None
    last_year: Decimal | None
    note: str = ""
    measure: str = ""  # set for a total: sick leave, employees, full-time equivalents

    @property
    def label(self) -> str:
        return str(STAFF_LABELS[self.measure]) if self.measure else self.breakdown


@dataclass
class EconomyReport:
    round_code: str
    unit_code: str
    unit_name: str
    year: int
    outcome_month: int | None  # the month the outcome is accumulated to; None: no outcome yet
    statement: list[StatementRow] = field(default_factory=list)
    result_years: list[int] = field(default_factory=list)
    departments: list[DepartmentRow] = field(default_factory=list)
    department_total: list[Decimal | None] = field(default_factory=list)
    investments: list[InvestmentRow] = field(default_factory=list)
    savings: list[SavingsRow] = field(default_factory=list)
    staff_month: int | None = None
    staff_last_month: int | None = None
    sick_leave_total: StaffComparison | None = None
    sick_leave_days: list[StaffComparison] = field(default_factory=list)
    sick_leave_gender: list[StaffComparison] = field(default_factory=list)
    sick_leave_age: list[StaffComparison] = field(default_factory=list)
    headcount: list[StaffComparison] = field(default_factory=list)
    staff_figures: list[StaffRow] = field(default_factory=list)
    # The unit's own words in the round (follow-up texts "ekonomi" and "personal").
    economy_comment: str = ""
    staff_comment: str = ""

    @property
    def result(self) -> StatementRow | None:
        return next((row for row in self.statement if row.kind == Total.RESULT), None)

    @property
    def columns(self) -> list[str]:
        """The statement's columns that hold any figure (an annual report has no forecast)."""
        return [c for c in COLUMNS if any(getattr(row, c) is not None for row in self.statement)]

    @property
    def column_titles(self) -> list[str]:
        """The headers of `columns`, for every renderer of the statement."""
        titles = {
            "budget": _("Budget %(year)s") % {"year": self.year},
            "outcome": _("Outcome %(year)s") % {"year": self.year},
            "previous": _("Outcome %(year)s") % {"year": self.year - 1},
            "forecast": _("Forecast %(year)s") % {"year": self.year},
            "deviation": _("Deviation from budget"),
        }
        return [titles[column] for column in self.columns]

    @property
    def statement_cells(self) -> list[tuple[StatementRow, list[Decimal | None]]]:
        """Each row of the statement with its figures in the order of `columns`."""
        columns = self.columns
        return [(row, [getattr(row, column) for column in columns]) for row in self.statement]

    def investments_total(self) -> InvestmentRow | None:
        if not self.investments:
            return None
        return InvestmentRow(
            pgettext("sum row", "Total"),
            sum(i.budget for i in self.investments),
            sum(i.outcome for i in self.investments),
            sum(i.remaining for i in self.investments),
        )

    def savings_total(self) -> tuple[Decimal | None, Decimal | None]:
        estimated = [s.estimated_effect for s in self.savings if s.estimated_effect is not None]
        realised = [s.realised_effect for s in self.savings if s.realised_effect is not None]
        return (sum(estimated) if estimated else None, sum(realised) if realised else None)

    @property
    def is_empty(self) -> bool:
        return not (
            self.statement or self.departments or self.investments or self.savings or self.staff_figures
        )


def economy_report(*, round: FollowUpRound, unit: Unit) -> EconomyReport:
    """What the page shows: frozen when the round is closed (an empty report if nothing was frozen
    for the unit), live while it is open."""
    if round.is_open:
        return build_economy_report(round=round, unit=unit)
    frozen = EconomySnapshot.objects.filter(round=round, unit=unit).values_list("data", flat=True).first()
    if frozen is None:
        return EconomyReport(round.code, unit.code, unit.name, round.year, None)
    return snapshots.from_json(EconomyReport, upgrade_snapshot(frozen))


ECONOMY_SNAPSHOT_FORMAT = 2


def upgrade_snapshot(data: dict) -> dict:
    """A snapshot of an older format in today's: format 1 froze the headings of totals and staff
    figures as words of the language it was closed in (totals are told apart by their kind anyway)."""
    if data.get("format", 1) >= ECONOMY_SNAPSHOT_FORMAT:
        return {k: v for k, v in data.items() if k != "format"}

    def upgraded(comparison: dict, *, total: bool) -> dict:
        comparison = dict(comparison)
        label = comparison.pop("label", "")
        measure = _FROZEN_STAFF_LABELS.get(label, "") if total else ""
        return comparison | {"breakdown": "" if measure else label, "measure": measure}

    data = dict(data)
    if data.get("sick_leave_total") is not None:
        data["sick_leave_total"] = upgraded(data["sick_leave_total"], total=True)
    data["headcount"] = [upgraded(c, total=True) for c in data.get("headcount", [])]
    for group in ("sick_leave_days", "sick_leave_gender", "sick_leave_age"):
        data[group] = [upgraded(c, total=False) for c in data.get(group, [])]
    return data


def economy_snapshot_json(report: EconomyReport) -> dict:
    return {**snapshots.to_json(report), "format": ECONOMY_SNAPSHOT_FORMAT}


def build_economy_report(*, round: FollowUpRound, unit: Unit) -> EconomyReport:
    year, month = round.year, round.as_of.month
    report = EconomyReport(round.code, unit.code, unit.name, year, None)
    rows = ledger_rows(unit, year, month)
    report.outcome_month = max(
        (r.month for r in rows if r.year == year and r.kind == LedgerKind.OUTCOME), default=None
    )
    report.statement = _statement(rows, year)
    for row in report.statement:
        expected = (
            row.forecast if row.forecast is not None else row.outcome if report.outcome_month == 12 else None
        )
        if expected is not None and row.budget is not None:
            row.deviation = expected - row.budget
    _department_results(report, unit, year, month)
    report.investments = [
        InvestmentRow(i.project, i.budget, i.outcome, i.remaining)
        for i in Investment.objects.filter(unit=unit, year=year).order_by("project")
    ]
    report.savings = [
        SavingsRow(
            s.measure, s.timeline, s.owner, s.estimated_effect, s.realised_effect, s.comment, s.pk, s.version
        )
        for s in SavingsMeasure.objects.filter(round=round, unit=unit)
    ]
    _staff(report, *staff_rows(unit, year, month))
    comments = dict(
        Narrative.objects.filter(
            round=round, unit=unit, section__in=(NarrativeSection.ECONOMY, NarrativeSection.STAFF)
        ).values_list("section", "text")
    )
    report.economy_comment = comments.get(NarrativeSection.ECONOMY, "")
    report.staff_comment = comments.get(NarrativeSection.STAFF, "")
    return report


def _statement(rows: list[LedgerRow], year: int) -> list[StatementRow]:
    """Lines in order, each section followed by its sum, then the result. A sum is the control total
    the finance system reported where there is one (the import checked it against the lines), else
    the sum of the lines. The previous year's column is its restated outcome, else last year's outcome."""
    prefixes = mapping()
    restated = any(r.kind == LedgerKind.PREVIOUS for r in rows)
    lines: dict[int, StatementRow] = {}
    order: dict[int, tuple] = {}
    reported: dict[tuple[str, str], Decimal] = {}
    for row in rows:
        column = _column(row, year, restated)
        if column is None:
            continue
        if row.total:
            reported[row.total, column] = row.amount
            continue
        found = line_of(row.account, prefixes)
        if found is None:  # the mapping changed after the import; the amount still counts in the result
            found = ("", 0, _("Unmapped accounts"), Section.COST if row.amount < 0 else Section.REVENUE, 999)
        _prefix, line_pk, name, section, line_order = found
        line = lines.setdefault(line_pk, StatementRow(name, section))
        order[line_pk] = (section != Section.REVENUE, line_order, name)
        line.add(column, row.amount)
    if not lines and not reported:
        return []
    ordered = [lines[pk] for pk in sorted(lines, key=order.get)]
    statement: list[StatementRow] = []
    sums = {}
    for section, total in ((Section.REVENUE, Total.REVENUES), (Section.COST, Total.COSTS)):
        section_lines = [line for line in ordered if line.kind == section]
        statement.extend(section_lines)
        sums[total] = _sum_row(total, section_lines, reported)
        if section_lines or any(key[0] == total for key in reported):
            statement.append(sums[total])
    result = StatementRow("", Total.RESULT)
    for column in COLUMNS:
        parts = [getattr(sums[t], column) for t in (Total.REVENUES, Total.COSTS)]
        computed = sum(p for p in parts if p is not None) if any(p is not None for p in parts) else None
        setattr(result, column, reported.get((Total.RESULT, column), computed))
    statement.append(result)
    return statement


def _column(row: LedgerRow, year: int, restated: bool) -> str | None:
    if row.year == year:
        return None if row.kind == LedgerKind.PREVIOUS and not restated else KIND_COLUMN[row.kind]
    if row.kind == LedgerKind.OUTCOME and not restated:
        return "previous"
    return None


def _sum_row(total: str, lines: list[StatementRow], reported: dict) -> StatementRow:
    row = StatementRow("", total)
    for column in COLUMNS:
        values = [getattr(line, column) for line in lines if getattr(line, column) is not None]
        setattr(row, column, reported.get((total, column), sum(values) if values else None))
    return row


def _department_results(report: EconomyReport, unit: Unit, year: int, month: int) -> None:
    children = list(Unit.objects.filter(parent=unit).order_by("name").values_list("pk", "code", "name"))
    results = results_by_unit_and_year([unit.pk, *(pk for pk, _c, _n in children)], year, month)
    years = list(range(year - RESULT_YEARS + 1, year + 1))
    report.departments = [
        DepartmentRow(code, name, [results.get((pk, y)) for y in years])
        for pk, code, name in children
        if any((pk, y) in results for y in years)
    ]
    if report.departments:
        report.result_years = years
        report.department_total = [results.get((unit.pk, y)) for y in years]


def _staff(report: EconomyReport, this_year: list[StaffRow], last_year: list[StaffRow]) -> None:
    report.staff_figures = this_year + last_year
    report.staff_month = this_year[0].month if this_year else None
    report.staff_last_month = last_year[0].month if last_year else None
    now = {(r.measure, r.breakdown): r for r in this_year}
    before = {(r.measure, r.breakdown): r for r in last_year}

    def comparison(measure: str, breakdown: str) -> StaffComparison | None:
        current, previous = now.get((measure, breakdown)), before.get((measure, breakdown))
        if current is None and previous is None:
            return None
        notes = " ".join(r.note for r in (previous, current) if r is not None and r.note)
        total = breakdown == TOTAL_BREAKDOWN
        return StaffComparison(
            "" if total else breakdown,
            current.value if current else None,
            previous.value if previous else None,
            notes,
            measure=measure if total else "",
        )

    def comparisons(measure: str, breakdowns) -> list[StaffComparison]:
        found = (comparison(measure, b) for b in breakdowns)
        return [c for c in found if c is not None]

    report.sick_leave_total = comparison(StaffMeasure.SICK_LEAVE, TOTAL_BREAKDOWN)
    report.sick_leave_days = comparisons(StaffMeasure.SICK_LEAVE, DAY_BANDS)
    report.sick_leave_gender = comparisons(StaffMeasure.SICK_LEAVE, GENDERS)
    report.sick_leave_age = comparisons(StaffMeasure.SICK_LEAVE, AGE_BANDS)
    report.headcount = [
        c
        for c in (
            comparison(StaffMeasure.EMPLOYEES, TOTAL_BREAKDOWN),
            comparison(StaffMeasure.FTE, TOTAL_BREAKDOWN),
        )
        if c is not None
    ]


@dataclass(frozen=True)
class FigureValue:
    year: int
    breakdown: str  # a staff breakdown name, "Totalt" for the total
    value: Decimal
    note: str = ""


def figures_for_indicator(figure: str, report: EconomyReport, breakdowns: dict) -> list[FigureValue]:
    """The values an indicator "measured by" `figure` takes, for the round's year and the year before:
    the figures of the unit's economy page, `report`. Only the total and the indicator's own
    breakdowns."""
    values: list[FigureValue] = []
    if figure == Figure.ECONOMIC_RESULT:
        # A year's result: the outcome once the year is over, before that the full-year forecast.
        # Part of a year's outcome is not the year's result, so an interim round without a forecast
        # gives none.
        result = report.result
        if result is None:
            return values
        whole_year = report.outcome_month == 12
        candidates = [
            (report.year, result.outcome if whole_year else None, ""),
            (report.year, None if whole_year else result.forecast, _("full-year forecast")),
            (report.year - 1, result.previous if whole_year else None, ""),
        ]
        for year, amount, note in candidates:
            if amount is not None:
                values.append(
                    FigureValue(year, TOTAL_BREAKDOWN, (amount / MNKR).quantize(Decimal("0.0001")), note)
                )
        return values
    measure = {
        Figure.SICK_LEAVE: StaffMeasure.SICK_LEAVE,
        Figure.FTE: StaffMeasure.FTE,
        Figure.EMPLOYEES: StaffMeasure.EMPLOYEES,
    }[figure]
    for row in report.staff_figures:
        if row.measure == measure and (row.breakdown == TOTAL_BREAKDOWN or row.breakdown in breakdowns):
            values.append(FigureValue(row.year, row.breakdown, row.value, row.note))
    return values
