"""The open web's pages are kept whole in the shared cache per public version, and any write that a
public page may show raises the version (portal/cache.py)."""

import pytest
from django.urls import reverse

from styrkort.followup.models import FollowUpRound
from styrkort.followup.services import round_publication_withdraw
from styrkort.plans.models import GoalArea
from styrkort.plans.services import goal_area_upsert
from tests.people import superuser

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("swedish")]


def test_a_page_is_served_from_the_cache_until_something_public_changes(
    client, full_demo, real_cache, django_capture_on_commit_callbacks, django_assert_num_queries
):
    url = reverse("portal:goal_area", args=["PRG-RUS", "RUS-MO1"])
    first = client.get(url)
    with django_assert_num_queries(0):
        second = client.get(url)
    area = GoalArea.objects.get(code="RUS-MO1")
    with django_capture_on_commit_callbacks(execute=True):
        goal_area_upsert(user=superuser(), code=area.code, plan=area.plan, name="Ett friskare Västmanland")
    third = client.get(url)

    assert (first["X-Styrkort-Cache"], second["X-Styrkort-Cache"], third["X-Styrkort-Cache"]) == (
        "miss",
        "hit",
        "miss",
    )
    assert second.content == first.content
    assert "Ett friskare Västmanland" in third.content.decode()
    assert first["Cache-Control"] == "public, max-age=300"


def test_a_withdrawn_round_leaves_the_cached_pages_at_once(
    client, full_demo, real_cache, django_capture_on_commit_callbacks
):
    url = reverse("portal:plan", args=["RUF-2023"])
    assert "Senast uppdaterad: Årsredovisning 2023" in client.get(url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        round_publication_withdraw(
            user=superuser(), round=FollowUpRound.objects.get(code="AR-2023-RUF"), reason="Fel siffror"
        )

    assert "Ingen uppföljning har publicerats ännu." in client.get(url).content.decode()


def test_a_proxy_holding_the_page_is_told_it_has_not_changed(client, full_demo, real_cache):
    url = reverse("portal:plan", args=["PRG-RUS"])
    etag = client.get(url)["ETag"]

    again = client.get(url, headers={"If-None-Match": etag})
    other_language = client.get(url, headers={"If-None-Match": etag, "Accept-Language": "en"})

    assert again.status_code == 304
    assert again["ETag"] == etag
    assert other_language.status_code in (
        200,
        304,
    )  # the public pages are Swedish; the key holds the language


def test_a_value_reported_in_an_open_round_leaves_the_pages_cached_and_one_entered_with_the_plan_does_not(
    client, full_demo, real_cache, django_capture_on_commit_callbacks
):
    from styrkort.followup.models import Measurement
    from styrkort.plans.models import Indicator

    url = reverse("portal:indicator", args=["RUF-2023", "RUF-I1.4"])
    client.get(url)
    indicator = Indicator.objects.get(code="RUF-I1.4")
    with django_capture_on_commit_callbacks(execute=True):
        Measurement.objects.create(
            indicator=indicator, period=2024, value=55, round=FollowUpRound.objects.get(code="DR1-2024-RUF")
        )
    after_open_round = client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        Measurement.objects.create(indicator=indicator, period=2022, value=38)
    after_plan_value = client.get(url)

    assert after_open_round["X-Styrkort-Cache"] == "hit"
    assert after_plan_value["X-Styrkort-Cache"] == "miss"
    assert 'aria-label="2022 Totalt: 38 %"' in after_plan_value.content.decode()
