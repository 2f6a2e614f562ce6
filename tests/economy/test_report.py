"""What a round shows from figures of several months and years: accumulated to the round's month,
staff a month behind and compared with the same months last year."""

import datetime as dt
from decimal import Decimal

import pytest

from styrkort.economy import services
from styrkort.economy.models import AccountMapping
from styrkort.economy.report import build_economy_report
from styrkort.followup.enums import RoundKind
from styrkort.org.models import Unit

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("swedish")]
MNKR = Decimal(1_000_000)


@pytest.fixture
def interim(make_round, chart):
    return make_round(
        "TEST-DR1-2024",
        name="Delårsrapport 1 2024",
        kind=RoundKind.INTERIM_1,
        as_of=dt.date(2024, 4, 30),
        deadline=dt.date(2024, 5, 15),
    )


def ledger(year, month, kind, account, mnkr):
    services.ledger_entry_upsert(
        unit=Unit.objects.get(code="RUF"),
        year=year,
        month=month,
        kind=kind,
        account=account,
        total="",
        amount=Decimal(mnkr) * MNKR,
    )


def staff(year, month, value, breakdown="Totalt"):
    services.staff_figure_upsert(
        unit=Unit.objects.get(code="RUF"),
        year=year,
        month=month,
        measure="sick_leave",
        breakdown=breakdown,
        value=Decimal(value),
    )


def line(report, name):
    return next(row for row in report.statement if row.name == name)


def test_the_outcome_is_accumulated_to_the_rounds_month_and_compared_with_the_same_months(interim):
    for month in range(1, 13):
        ledger(2023, month, "outcome", "3010", month)  # 1 mnkr a month
        ledger(2023, month, "outcome", "5010", -month)
    for month in range(1, 6):  # May is after the round's date
        ledger(2024, month, "outcome", "3010", 2 * month)
    ledger(2024, 1, "budget", "3010", 20)
    ledger(2024, 3, "budget", "3010", 22)  # a revised budget
    ledger(2024, 4, "forecast", "3010", 25)

    report = build_economy_report(round=interim, unit=Unit.objects.get(code="RUF"))

    assert report.outcome_month == 4
    sales = line(report, "Försäljning")
    assert (sales.outcome, sales.budget, sales.forecast) == (8 * MNKR, 22 * MNKR, 25 * MNKR)
    assert sales.previous == 4 * MNKR  # January–April 2023, not the whole year
    assert line(report, "Personalkostnader").previous == -4 * MNKR
    assert report.result.previous == 0
    assert report.columns == ["budget", "outcome", "previous", "forecast", "deviation"]
    assert sales.deviation == 3 * MNKR  # the forecast against the revised budget


def test_staff_figures_lag_a_month_and_compare_like_with_like(interim):
    for month in range(1, 13):
        staff(2023, month, f"5.{month}")
    for month in range(1, 4):  # the HR system has reached March by the end of April
        staff(2024, month, f"4.{month}")

    report = build_economy_report(round=interim, unit=Unit.objects.get(code="RUF"))

    assert (report.staff_month, report.staff_last_month) == (3, 3)
    total = report.sick_leave_total
    assert (total.this_year, total.last_year) == (Decimal("4.3"), Decimal("5.3"))


def test_a_changed_mapping_moves_the_amounts_without_a_new_import(interim):
    ledger(2024, 4, "outcome", "6110", -3)
    AccountMapping.objects.filter(prefix="6").update(line=AccountMapping.objects.get(prefix="50").line)

    report = build_economy_report(round=interim, unit=Unit.objects.get(code="RUF"))

    assert line(report, "Personalkostnader").outcome == -3 * MNKR
    assert "Övriga kostnader" not in [row.name for row in report.statement]


def test_the_economic_result_of_an_interim_round_is_the_forecast_not_part_of_the_year(interim, planner):
    from styrkort.economy.report import figures_for_indicator

    ruf = Unit.objects.get(code="RUF")
    ledger(2024, 4, "outcome", "3010", 10)  # January–April: not the year's result
    report = build_economy_report(round=interim, unit=ruf)
    assert figures_for_indicator("economic_result", report, {}) == []

    services.ledger_entry_upsert(
        unit=ruf,
        year=2024,
        month=4,
        kind="forecast",
        account="",
        total="result",
        amount=Decimal("-0.5") * MNKR,
    )
    report = build_economy_report(round=interim, unit=ruf)
    [value] = figures_for_indicator("economic_result", report, {})
    assert (value.year, value.value, value.note) == (2024, Decimal("-0.5"), "helårsprognos")


def test_a_snapshot_stored_before_later_fields_still_loads():
    """Closed rounds keep their economy page as JSON; fields added since must not break old ones."""
    from styrkort.core import snapshots
    from styrkort.economy.report import EconomyReport

    stored = {
        "round_code": "AR-2023-RUF",
        "unit_code": "RUF",
        "unit_name": "RUF",
        "year": 2023,
        "outcome_month": 12,
        "statement": [
            {
                "name": "Resultat",
                "kind": "result",
                "budget": "0",
                "outcome": "1000000",
                "previous": None,
                "forecast": None,
            }
        ],
        "savings": [
            {
                "measure": "Resor",
                "timeline": "2024",
                "owner": "RUF",
                "estimated_effect": "70000",
                "realised_effect": None,
                "comment": "",
            }
        ],
    }
    report = snapshots.from_json(EconomyReport, stored)

    assert report.result.outcome == Decimal(1_000_000)
    assert report.savings[0].estimated_effect == Decimal(70_000)
    assert report.economy_comment == ""
