"""Queries per follow-up page are pinned, and do not grow with the number of actions and reports."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from styrkort.followup import services
from styrkort.org.models import Unit
from styrkort.plans.models import Goal, Plan
from styrkort.plans.services import action_upsert
from styrkort.plans.timeline import parse_timeline
from tests.people import superuser

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("swedish")]

# Pinned counts; a change here is a decision, not a drift.
EXPECTED = {
    # Every page: + the data's versions, for the page cache's key (the round's pages read them with the
    # round). The counts are of a cache miss: tests/followup/test_page_cache.py pins a hit.
    "inbox": 13,  # … and the open rounds anyone may follow
    # + the unit's assignments with their reports (one query: prefetched to none); the actions' reports in
    # this round and the last (one query); the unit's ready mark. The unit and those below it are read
    # from the round's units, its plans as a subquery.
    "unit_report": 15,
    # + the indicators' baselines per breakdown; the assignments and their reports
    # (the goal areas come with the actions and goals, the breakdowns' order with the values)
    # The round's own units for the header come with the walk below them (round_own_units).
    "overview": 20,  # … and the units' ready marks
    "round": 18,
    "round_closed": 6,
    "action_history": 5,
    "indicator_history": 7,
    # One action's report saved with htmx: session, user, round (+ plans), action (+ units), its report now
    # and last time; in the transaction (a savepoint here): the round locked, the round's units walked,
    # the person's memberships and the units below them, the report locked, updated and its history row,
    # the round's and the follow-up version raised; after: the unit's "N of M reported".
    "save": 17,
}


def add_reported_actions(round, user, count: int) -> None:
    plan = Plan.objects.get(code="RUF-2023")
    goal = Goal.objects.get(code="RUF-M1.1")
    fh = Unit.objects.get(code="FH")
    for number in range(count):
        extra, _ = action_upsert(
            user=superuser(),
            plan=plan,
            code=f"EXTRA {number}",
            text="Extra",
            timeline=parse_timeline("2023"),
            units=[fh],
            goal=goal,
        )
        services.action_report_save(
            user=user, round=round, action=extra, status="in_progress", colour="green"
        )


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def urls(round):
    from styrkort.plans.models import Action, Indicator

    return {
        "inbox": reverse("followup:inbox"),
        "unit_report": reverse("followup:unit_report", args=[round.code, "FH"]),
        "overview": reverse("followup:overview", args=[round.code]),
        "round": reverse("followup:round", args=[round.code]),
        "action_history": reverse(
            "followup:action_history", args=[Action.objects.get(plan__code="RUF-2023", code="RF1").pk]
        ),
        "indicator_history": reverse(
            "followup:indicator_history", args=[Indicator.objects.get(code="RUF-I1.4").pk]
        ),
    }


def test_follow_up_pages_have_pinned_query_counts_that_do_not_grow(client, reporter, planner, round):
    client.force_login(reporter)
    add_reported_actions(round, planner, 2)
    few = {name: count_queries(client, url) for name, url in urls(round).items()}
    add_reported_actions(round, planner, 12)  # codes EXTRA 0..11: 10 more actions, reported
    many = {name: count_queries(client, url) for name, url in urls(round).items()}
    assert few == many
    assert few == {k: v for k, v in EXPECTED.items() if k in few}


def test_a_closed_round_is_read_from_its_snapshot(client, reader, planner, round):
    add_reported_actions(round, planner, 3)
    services.round_close(user=planner, round=round)
    client.force_login(reader)
    assert count_queries(client, reverse("followup:round", args=[round.code])) == EXPECTED["round_closed"]


def test_the_inbox_does_not_read_rounds_that_do_not_concern_the_person(client, reporter, round):
    client.force_login(reporter)
    before = count_queries(client, reverse("followup:inbox"))
    for number in range(5):
        services.round_upsert(
            code=f"OTHER-{number}",
            name=f"Annan förvaltning {number}",
            kind="interim_1",
            as_of=round.as_of,
            deadline=round.deadline,
            plans=list(round.plans.all()),
            units=[Unit.objects.get(code="KFN")],
        )
    assert count_queries(client, reverse("followup:inbox")) == before


def test_saving_a_report_has_a_pinned_query_count_that_does_not_grow(client, reporter, planner, round):
    from styrkort.followup.models import ActionReport
    from styrkort.plans.models import Action

    client.force_login(reporter)
    rf1 = Action.objects.get(plan__code="RUF-2023", code="RF1")
    counts = []
    for more in (2, 12):
        add_reported_actions(round, planner, more)
        version = getattr(ActionReport.objects.filter(round=round, action=rf1).first(), "version", 0)
        fields = {
            "status": "in_progress",
            "colour": "green",
            "comment": "",
            "deviation": "",
            "version": version,
        }
        data = {f"a{rf1.pk}-{name}": value for name, value in fields.items()} | {"unit": "FH"}
        with CaptureQueriesContext(connection) as queries:
            response = client.post(
                reverse("followup:action_report", args=[round.code, rf1.pk]), data, HTTP_HX_REQUEST="true"
            )
        assert response.status_code == 200
        assert "RF1 sparad" in response.content.decode()
        counts.append(len(queries))
    assert counts == [EXPECTED["save"], EXPECTED["save"]]
