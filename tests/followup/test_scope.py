"""Nothing silently dropped (issue 12): an action without a responsible unit is its plan owner's to
report, and a round with nothing to report says so and is not closed as "all reported"."""

import datetime as dt

import pytest
from django.urls import reverse

from styrkort.followup import services
from styrkort.followup.queries import actions_in_round
from styrkort.followup.report import build_round_report
from styrkort.org.models import Unit
from styrkort.plans.models import Action, Plan
from styrkort.plans.services import action_upsert
from styrkort.plans.timeline import parse_timeline
from tests.people import superuser

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("swedish")]


def test_a_round_with_nothing_to_report_says_so_and_is_not_closed(client, make_round):
    """RPB-2022's goals are the council's, and Folkhälsa reports none of them: nothing in common."""
    empty = make_round(
        "TEST-TOM",
        name="Tom uppföljning",
        kind="interim_1",
        as_of=dt.date(2024, 4, 30),
        deadline=dt.date(2024, 5, 15),
        plans=("RPB-2022",),
        units=("FH",),
    )
    client.force_login(superuser())

    overview = client.get(reverse("followup:overview", args=[empty.code])).content.decode()
    closed = client.post(reverse("followup:close", args=[empty.code]), follow=True).content.decode()

    assert "Uppföljningen rymmer ingen åtgärd eller indikator" in overview
    assert "rymmer ingen åtgärd eller indikator att rapportera, så den stängs inte" in closed
    empty.refresh_from_db()
    assert empty.is_open


def test_an_action_without_a_responsible_unit_is_its_plan_owners_to_report(round, planner):
    action_upsert(
        user=superuser(),
        plan=Plan.objects.get(code="RUF-2023"),
        code="UTAN",
        text="Utan ansvarig enhet",
        timeline=parse_timeline("2023"),
        units=[],
    )

    assert "UTAN" in [a.code for a in actions_in_round(round)]
    assert "UTAN" in [a.code for a in actions_in_round(round, frozenset({Unit.objects.get(code="RUF").pk}))]
    assert "UTAN" not in [
        a.code for a in actions_in_round(round, frozenset({Unit.objects.get(code="FH").pk}))
    ]
    line = next(a for a in build_round_report(round).actions if a.code == "UTAN")
    assert "RUF" in line.units
    services.action_report_save(
        user=planner,
        round=round,
        action=Action.objects.get(code="UTAN"),
        status="in_progress",
        colour="green",
    )
