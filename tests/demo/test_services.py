"""The demo's follow-up rounds hold what seed 002 (Årsredovisning 2023, RUF) prints."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from styrkort.demo.services import ANNUAL_REPORT_2023_WORKBOOK, demo_load
from styrkort.exchange.services import followup_workbook_export
from styrkort.followup.models import (
    ActionReport,
    FollowUpRound,
    GoalAssessment,
    IndicatorAssessment,
    Measurement,
    Narrative,
)
from styrkort.followup.report import round_report
from styrkort.org.models import Unit
from styrkort.plans.enums import Comparator
from tests.exchange.conftest import workbook_content

pytestmark = pytest.mark.integration

# Seed 002, Bilaga 2, RF1, with the broken lines joined.
RF1_COMMENT = (
    "För att kunna tillgängliggöra resultaten från befolkningsundersökningarna utvecklas och lanseras ett "
    "flexibelt, användarvänligt och målgruppsanpassat digitalt statistikverktyg. Under 2023 har flertalet "
    "hälsoekonomiska analyser genomförts, bland annat en analys inför införandet av ett "
    "Seniorhälsovårdsprogram. Vidare har folkhälsa tagit fram och bidragit till hälsoekonomiska "
    "konsekvensanalyser till Hälso- och sjukvårdsförvaltningen samt till sjukvårdsregionen."
)


def annual_report():
    return round_report(FollowUpRound.objects.get(code="AR-2023-RUF"))


def indicator(code: str):
    return next(line for line in annual_report().indicators if line.code == code)


def followup_rows() -> dict[str, int]:
    models = (ActionReport, Measurement, IndicatorAssessment, GoalAssessment, Narrative, FollowUpRound)
    return {model.__name__: model.objects.count() for model in models}


def test_the_annual_report_2023_is_closed_by_the_administrator(full_demo):
    followup_round = FollowUpRound.objects.get(code="AR-2023-RUF")

    assert followup_round.name == "Årsredovisning 2023 – Regionala utvecklingsförvaltningen"
    assert (followup_round.kind, followup_round.as_of) == ("annual", dt.date(2023, 12, 31))
    assert not followup_round.is_open
    assert followup_round.closed_by.username == "admin"
    assert [unit.code for unit in followup_round.units.all()] == ["RUF"]


def test_every_action_of_the_annual_report_is_reported(full_demo):
    report = annual_report()

    assert len(report.actions) == 28
    assert report.not_reported == []
    assert ActionReport.objects.filter(round__code="AR-2023-RUF").count() == 28


def test_rf1_has_the_appendix_comment(full_demo):
    rf1 = next(action for action in annual_report().actions if action.code == "RF1")

    assert rf1.comment == RF1_COMMENT
    assert (rf1.status, rf1.colour) == ("done", "green")


@pytest.mark.parametrize(
    ("code", "status", "colour"),
    [
        ("RF3", "done", "green"),  # "flödesschemat är klart och har distribuerats ut"
        ("RF7", "in_progress", "green"),  # "slutförs Q1 2024", within its 2023–2024 timeline
        ("RUN 1", "in_progress", "yellow"),  # planned for 2023, "beräknas klart Q2 2024"
        ("RUN 8", "done", "green"),  # "Översyn är genomförd och levererad till RUN 25/5 2023"
    ],
)
def test_action_status_as_judged_from_its_comment(full_demo, code, status, colour):
    action = next(action for action in annual_report().actions if action.code == code)

    assert (action.status, action.colour) == (status, colour)


def test_young_peoples_mental_health_as_the_seed_prints_it(full_demo):
    line = indicator("RUF-I1.4")

    assert line.name == "Andel ungdomar med fullgod psykisk hälsa"
    assert (line.target_comparator, line.target_value) == (Comparator.GT, Decimal(41))
    assert [(o.breakdown, o.period, o.value) for o in line.outcomes] == [
        ("", 2023, Decimal(40)),
        ("Pojkar", 2023, Decimal(49)),
        ("Flickor", 2023, Decimal(31)),
    ]
    assert line.trend == "negative"
    assert (
        line.override_reason
        == "Trend enligt årsredovisningen 2023 (tidigare mätvärden finns inte i Styrkort)"
    )


def test_sick_leave_trend_is_the_printed_one_not_the_computed_one(full_demo):
    """5,5 % → 5,3 % is printed "Oförändrad"; without a threshold Styrkort computes "positiv"."""
    line = indicator("RUF-I5.2")

    assert (line.computed_trend, line.trend) == ("positive", "unchanged")
    assert next(o.value for o in line.outcomes if o.breakdown == "") == Decimal("5.3")


def test_missing_data_is_grey_without_an_override(full_demo):
    line = indicator("RUF-I5.1")

    assert [(o.period, o.missing) for o in line.outcomes] == [(2023, True)]
    assert (line.status, line.override_reason) == ("grey", "")


def test_the_report_texts_of_the_annual_report(full_demo):
    texts = {line.section: line.text for line in annual_report().narratives}

    assert sorted(texts) == ["economy", "events", "introduction", "long_term", "near_future", "staff"]
    assert texts["introduction"].startswith("Under 2023 har förvaltningens ekonomi har hanterats inom budget")
    assert texts["near_future"].splitlines()[0] == "• Uppdatering av RUS"
    assert texts["long_term"].splitlines()[0] == "• WestmannaArvet, förvaring av länsmuseets föremål"
    assert texts["economy"].splitlines()[0] == "Årets resultat +1,0 mnkr"
    assert texts["staff"].splitlines()[0] == "Orsaker"


def test_the_interim_report_2024_is_open_and_due_in_two_weeks(full_demo):
    followup_round = FollowUpRound.objects.get(code="DR1-2024-RUF")

    assert followup_round.is_open
    assert (followup_round.kind, followup_round.as_of) == ("interim_1", dt.date(2024, 4, 30))
    assert followup_round.deadline == timezone.localdate() + dt.timedelta(days=14)
    assert not ActionReport.objects.filter(round=followup_round).exists()


def test_loading_the_demo_again_changes_nothing(full_demo):
    before = followup_rows()
    snapshot = FollowUpRound.objects.get(code="AR-2023-RUF").snapshot

    result = demo_load()

    assert result.ok, [str(p) for p in result.problems]
    assert followup_rows() == before
    assert FollowUpRound.objects.get(code="AR-2023-RUF").snapshot == snapshot


def test_the_committed_workbook_is_what_styrkort_exports_for_the_round(full_demo):
    """The demo's workbook is in the export's own form, so export, edit and import again round-trips."""
    exported = followup_workbook_export(
        round=FollowUpRound.objects.get(code="AR-2023-RUF"), unit=Unit.objects.get(code="RUF")
    )

    assert workbook_content(exported) == workbook_content(ANNUAL_REPORT_2023_WORKBOOK.read_bytes())
