"""Builders read a fixed number of queries, whatever the data; renderers read none (issue 13)."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from styrkort.followup.models import FollowUpRound
from styrkort.org.models import Unit
from styrkort.plans.models import Plan
from styrkort.reports.catalogue import REPORTS
from styrkort.reports.renderers import FORMATS, render
from tests.followup.test_queries import add_reported_actions

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("swedish")]

# Pinned; a change here is a decision, not a drift.
EXPECTED = {
    # The round's facts: + the content version their cache key names; the goal areas come with the
    # actions and goals, the breakdowns' order with the values.
    # The economy's department table reads the control totals; a unit without one (RUF here) has its
    # accounts summed in one more query.
    "annual": 23,  # the round's facts and the economy's
    "activity-card": 14,  # the round's facts, without the economy
    "economy": 9,
    "action-plan": 14,
    "indicators": 8,  # the plan's tree and the indicators' baselines per breakdown
    "operational-plan": 7,  # the plan's tree
}


@pytest.fixture
def round(make_round):
    return make_round(
        "TEST-DR2-2023",
        name="Delårsrapport 2 2023",
        kind="interim_2",
        as_of=dt.date(2023, 8, 31),
        deadline=dt.date(2023, 9, 15),
    )


def arguments(kind: str, round: FollowUpRound) -> tuple:
    fresh = FollowUpRound.objects.prefetch_related("plans", "units").get(pk=round.pk)
    return {
        "annual": (fresh, Unit.objects.get(code="RUF")),
        "activity-card": (fresh, Unit.objects.get(code="FH")),
        "economy": (fresh, Unit.objects.get(code="RUF")),
        "action-plan": (fresh, Plan.objects.select_related("owner").get(code="RUF-2023")),
        "indicators": (Plan.objects.select_related("owner").get(code="RUF-2023"),),
        "operational-plan": (Plan.objects.select_related("owner").get(code="RUF-2023"),),
    }[kind]


def build_counted(kind: str, round: FollowUpRound):
    args = arguments(kind, round)
    with CaptureQueriesContext(connection) as queries:
        document = REPORTS[kind].build(*args)
    return document, len(queries)


@pytest.mark.parametrize("kind", list(REPORTS))
def test_a_builders_queries_are_pinned_and_do_not_grow_with_the_actions(round, planner, kind):
    add_reported_actions(round, planner, 2)
    _document, few = build_counted(kind, round)
    add_reported_actions(round, planner, 12)  # 10 more actions, reported
    document, many = build_counted(kind, round)

    assert (few, many) == (EXPECTED[kind], EXPECTED[kind])
    assert document.blocks


@pytest.mark.slow(reason="renders the annual report in every format")
def test_renderers_read_nothing_from_the_database(round, planner, django_assert_num_queries):
    add_reported_actions(round, planner, 2)
    document, _count = build_counted("annual", round)

    for fmt in FORMATS:
        with django_assert_num_queries(0):
            render(document, fmt)
