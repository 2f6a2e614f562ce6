"""Whole signed-in pages kept per person under the data's versions (core/page_cache.cached_page):
served again until something they show is written, and never with another's token or messages."""

import pytest
from django.test import Client
from django.urls import reverse

from styrkort.followup.models import FollowUpRound
from styrkort.followup.queries import actions_in_round
from styrkort.followup.services import action_report_save
from styrkort.plans.models import Plan
from styrkort.plans.services import action_upsert
from tests.commits import as_committed
from tests.people import superuser

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("swedish")]


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def state(response) -> str:
    return response["X-Styrkort-Cache"]


def test_a_page_is_kept_per_person_until_a_plan_or_a_report_it_shows_is_written(
    full_demo, real_cache, reader, planner
):
    plan_page = Plan.objects.get(code="RUF-2023").get_absolute_url()
    round = FollowUpRound.objects.get(code="DR1-2024-RUF")
    action = actions_in_round(round).first()
    reading, planning = logged_in(reader), logged_in(planner)
    as_committed()

    assert [state(reading.get(plan_page)) for _ in range(2)] == ["miss", "hit"]
    assert state(planning.get(plan_page)) == "miss"  # their own: the page names them, and their rights

    action_upsert(
        user=superuser(),
        plan=action.plan,
        code=action.code,
        timeline=action.timeline,
        units=list(action.units.all()),
        text="En åtgärd som just fått ny text",
    )
    changed = reading.get(plan_page)
    assert state(changed) == "miss"
    assert "En åtgärd som just fått ny text" in changed.content.decode()

    as_committed()
    assert state(reading.get(plan_page)) == "miss"  # stored again, now that the change is committed
    assert state(reading.get(plan_page)) == "hit"
    action_report_save(user=superuser(), round=round, action=action, status="done", colour="green")
    assert state(reading.get(plan_page)) == "miss"  # the plan page shows each action's latest status


def test_a_kept_page_carries_the_visitors_own_token(full_demo, real_cache, reader, make_user):
    from styrkort.org.enums import Role

    first, second = logged_in(reader), Client(enforce_csrf_checks=True)
    second.force_login(make_user("lotta", role=Role.READER))
    as_committed()
    page = "/planer/"
    first.get(page)
    first_again = first.get(page)
    hit = second.get(page)
    second_again = second.get(page)

    assert state(first_again) == state(second_again) == "hit"
    assert state(hit) == "miss"  # per person
    token = second_again.content.decode().split('name="csrfmiddlewaretoken" value="', 1)[1].split('"')[0]
    assert token not in first_again.content.decode()
    # The language switch in the header posts with the token of the kept page.
    switched = second.post("/i18n/setlang/", {"language": "en", "next": page, "csrfmiddlewaretoken": token})
    assert switched.status_code == 302


def test_a_page_with_a_message_waiting_is_neither_served_from_the_cache_nor_kept(
    full_demo, real_cache, reporter
):
    client = logged_in(reporter)
    as_committed()
    client.get("/planer/")
    assert state(client.get("/planer/")) == "hit"

    # A closed round's report page sends the reporter on with a message, shown on the next page.
    closed = client.get(reverse("followup:unit_report", args=["AR-2023-RUF", "FH"]))
    assert closed.status_code == 302
    with_message = client.get("/planer/")

    assert "X-Styrkort-Cache" not in with_message
    assert "Uppföljningen är stängd." in with_message.content.decode()
    again = client.get("/planer/")
    assert state(again) == "hit"
    assert "Uppföljningen är stängd." not in again.content.decode()
