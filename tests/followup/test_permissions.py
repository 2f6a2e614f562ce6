"""The follow-up's rights beyond who may write what (tests/core/test_write_matrix.py): closed rounds,
and goals and indicators outside a round."""

import pytest
from django.urls import reverse

from styrkort.followup import services
from styrkort.followup.models import (
    ActionReport,
    GoalAssessment,
    IndicatorAssessment,
    Measurement,
    Narrative,
)
from styrkort.org.enums import Role
from styrkort.org.models import Unit
from styrkort.plans.models import Goal, Indicator

from .conftest import action

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("swedish")]


def _action_report(round):
    rf1 = action("RF1")  # Folkhälsa's
    prefix = f"a{rf1.pk}-"
    data = {f"{prefix}status": "in_progress", f"{prefix}colour": "green", f"{prefix}version": 0, "unit": "FH"}
    return reverse("followup:action_report", args=[round.code, rf1.pk]), data, ActionReport.objects.count


def _measurement(round):
    indicator = Indicator.objects.get(code="RUF-I1.1")  # reported by the administration (RUF)
    data = {f"i{indicator.pk}-period": 2023, f"i{indicator.pk}-value_0": "37", "unit": "RUF"}
    return reverse("followup:measurement", args=[round.code, indicator.pk]), data, Measurement.objects.count


def _narrative(round):
    data = {
        "section": "events",
        "n-events-section": "events",
        "n-events-text": "Händelse",
        "n-events-version": 0,
    }
    return reverse("followup:narrative", args=[round.code, "FH"]), data, Narrative.objects.count


def _goal_assessment(round, goal_code="RUF-M1.1"):  # the administration's (RUF) own goal
    goal = Goal.objects.get(code=goal_code)
    data = {f"g{goal.pk}-colour": "green", f"g{goal.pk}-analysis": "Enligt plan.", f"g{goal.pk}-version": 0}
    return reverse("followup:goal_assessment", args=[round.code, goal.pk]), data, GoalAssessment.objects.count


def _indicator_assessment(round, indicator_code="RUF-I1.1"):
    indicator = Indicator.objects.get(code=indicator_code)
    data = {f"o{indicator.pk}-status": "green", f"o{indicator.pk}-reason": "Bedömt av förvaltningen."}
    url = reverse("followup:indicator_assessment", args=[round.code, indicator.pk])
    return url, data, IndicatorAssessment.objects.count


WRITES = {"action_report": _action_report, "measurement": _measurement, "narrative": _narrative}


@pytest.fixture
def people(reader, reporter, other_reporter, planner, administrator):
    return {
        "reader": reader,
        "reporter": reporter,
        "other_reporter": other_reporter,
        "planner": planner,
        "administrator": administrator,
    }


@pytest.mark.parametrize("write", ["action_report", "measurement", "narrative"])
def test_nobody_writes_in_a_closed_round_not_even_an_administrator(client, people, round, write):
    prepare = WRITES[write]
    url, data, count = prepare(round)
    services.round_close(user=people["planner"], round=round)
    client.force_login(people["administrator"])
    before = count()
    response = client.post(url, data)
    assert response.status_code == 403
    assert "stängd" in response.content.decode()
    assert count() == before


def test_a_goal_outside_the_round_is_not_assessed_in_it(client, make_user, round):
    """A reporter at Kultur och ideell sektor may assess the department's focus area VP-KIS-1, but not
    in a round whose plans do not include it (RUF-2023 only)."""
    client.force_login(make_user("kim", role=Role.REPORTER, unit=Unit.objects.get(code="KIS")))
    url, data, count = _goal_assessment(round, "VP-KIS-1")

    response = client.post(url, data)

    assert response.status_code == 403
    assert "VP-KIS-1 ingår inte i den här uppföljningen" in response.content.decode()
    assert count() == 0


def test_an_indicator_outside_the_round_is_not_assessed_in_it_not_even_by_an_administrator(
    client, administrator, round
):
    url, data, count = _indicator_assessment(round, "RP-I1.1.1")  # the region plan's, not in the round
    client.force_login(administrator)

    response = client.post(url, data)

    assert response.status_code == 403
    assert count() == 0


def test_managing_a_round_gives_no_right_to_write_for_units_not_ones_own(client, region_round, planner):
    """An administrator's round of RUF's plan in which the whole region reports: RUF's planner manages
    it, but writes Regionstyrelsen's (RS) texts no more than before."""
    client.force_login(planner)
    data = {"section": "events", "n-events-section": "events", "n-events-text": "−999", "n-events-version": 0}

    response = client.post(reverse("followup:narrative", args=[region_round.code, "RS"]), data)

    assert response.status_code == 403
    assert Narrative.objects.count() == 0
