"""The round's pages are kept as HTML in the shared cache per (round, version, language, filter,
rights) and the round's facts per (round, version): a hit skips the work, every write shows at once,
and no visitor ever gets another's CSRF token (core/page_cache.py, followup/versions.py)."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from styrkort.core.page_cache import CSRF_PLACEHOLDER
from styrkort.followup.models import FollowUpRound
from styrkort.followup.queries import actions_in_round
from styrkort.followup.services import round_reopen
from styrkort.plans.services import action_upsert
from tests.commits import as_committed
from tests.people import superuser

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("swedish")]

OPEN = "DR1-2024-RUF"
CLOSED = "AR-2023-RUF"
# Session, user; the round with the content version, its plans; the viewer's roles and units (their
# rights are part of the key). The round's units are walked only to build the page (round_units).
OVERVIEW_HIT_QUERIES = 6


def tokens(response) -> list[str]:
    return re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode())


def main_without_tokens(response) -> str:
    """The page's main part (the header names the visitor), without CSRF tokens."""
    main = response.content.decode().split('<main id="main"', 1)[1].split("</main>", 1)[0]
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", main)


def test_a_hit_serves_the_same_page_with_the_visitors_own_token_and_few_queries(
    full_demo, real_cache, planner, make_user, django_assert_num_queries
):
    from styrkort.org.enums import Role

    other = make_user("pelle", role=Role.PLANNER)
    url = reverse("followup:overview", args=[OPEN])
    first, second = Client(), Client(enforce_csrf_checks=True)
    first.force_login(planner)
    second.force_login(other)
    as_committed()

    miss = first.get(url)
    with django_assert_num_queries(OVERVIEW_HIT_QUERIES):
        hit = second.get(url)

    assert (miss["X-Styrkort-Cache"], hit["X-Styrkort-Cache"]) == ("miss", "hit")
    assert main_without_tokens(hit) == main_without_tokens(miss)
    assert CSRF_PLACEHOLDER not in hit.content.decode()
    assert tokens(hit)
    assert set(tokens(hit)).isdisjoint(tokens(miss))
    # The token in the cached page is the second visitor's own: their form posts go through.
    remind = second.post(
        reverse("followup:remind", args=[OPEN]), {"csrfmiddlewaretoken": tokens(hit)[0]}, follow=False
    )
    assert remind.status_code == 302


def test_a_report_saved_shows_at_once_on_the_cached_pages(
    full_demo, real_cache, reporter, planner, django_capture_on_commit_callbacks
):
    round = FollowUpRound.objects.get(code=OPEN)
    action = actions_in_round(round).filter(units__code="FH").first()
    reporting, planning = Client(), Client()
    reporting.force_login(reporter)
    planning.force_login(planner)
    as_committed()
    unit_page = reverse("followup:unit_report", args=[OPEN, "FH"])
    round_page = reverse("followup:round", args=[OPEN])
    assert reporting.get(unit_page)["X-Styrkort-Cache"] == "miss"
    assert reporting.get(unit_page)["X-Styrkort-Cache"] == "hit"
    assert planning.get(round_page)["X-Styrkort-Cache"] == "miss"
    assert planning.get(round_page)["X-Styrkort-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        saved = reporting.post(
            reverse("followup:action_report", args=[OPEN, action.pk]),
            {
                f"a{action.pk}-status": "in_progress",
                f"a{action.pk}-colour": "yellow",
                f"a{action.pk}-comment": "Försenat av sjukskrivningar i våras.",
                f"a{action.pk}-deviation": "Två månader efter plan.",
                f"a{action.pk}-version": "0",
                "unit": "FH",
            },
            headers={"HX-Request": "true"},
        )
    assert saved.status_code == 200

    after_unit, after_round = reporting.get(unit_page), planning.get(round_page)
    assert after_unit["X-Styrkort-Cache"] == after_round["X-Styrkort-Cache"] == "miss"
    assert "Försenat av sjukskrivningar i våras." in after_unit.content.decode()
    assert "Försenat av sjukskrivningar i våras." in after_round.content.decode()


def test_a_plan_change_shows_at_once_in_an_open_round_and_leaves_a_closed_one_as_it_was(
    full_demo, real_cache, planner
):
    round = FollowUpRound.objects.get(code=OPEN)
    action = actions_in_round(round).first()
    client = Client()
    client.force_login(planner)
    as_committed()
    open_page, closed_page = (reverse("followup:round", args=[code]) for code in (OPEN, CLOSED))
    client.get(open_page)
    closed_before = main_without_tokens(client.get(closed_page))

    action_upsert(
        user=superuser(),
        plan=action.plan,
        code=action.code,
        timeline=action.timeline,
        units=list(action.units.all()),
        text="En omskriven åtgärd med ny text",
    )

    assert "En omskriven åtgärd med ny text" in client.get(open_page).content.decode()
    closed_after = client.get(closed_page)
    assert closed_after["X-Styrkort-Cache"] == "hit"
    assert main_without_tokens(closed_after) == closed_before


def test_a_reopened_round_is_never_shown_from_before(full_demo, real_cache, administrator):
    client = Client()
    client.force_login(administrator)
    as_committed()
    page = reverse("followup:round", args=[CLOSED])
    assert "Stängd" in client.get(page).content.decode()

    round_reopen(user=administrator, round=FollowUpRound.objects.get(code=CLOSED), reason="Komplettering.")

    reopened = client.get(page)
    assert reopened["X-Styrkort-Cache"] == "miss"
    assert "Öppen" in reopened.content.decode()
