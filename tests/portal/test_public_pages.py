"""The open web, first step (issue 15): public plans without an account, the latest published round's
progress, and nothing of a plan that is not public or a round that is not published."""

import pytest
from django.urls import reverse

from styrkort.followup import services
from styrkort.followup.models import FollowUpRound
from styrkort.plans.models import Plan
from tests.people import superuser

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("swedish")]


@pytest.fixture
def public_ruf(full_demo):
    Plan.objects.filter(code="RUF-2023").update(is_public=True)
    return Plan.objects.get(code="RUF-2023")


def test_a_visitor_without_an_account_sees_a_public_plan_but_no_unpublished_round(client, public_ruf):
    index = client.get(reverse("portal:index"))
    page = client.get(reverse("portal:plan", args=["RUF-2023"]))
    html = page.content.decode()

    assert index.status_code == 200
    assert "Förvaltningsplan 2023–2025" in index.content.decode()
    assert page.status_code == 200
    assert "Ingen uppföljning har publicerats ännu." in html
    assert "Ett välmående Västmanland" in html
    assert "csrfmiddlewaretoken" not in html  # a page of no one's: it can be cached whole
    assert page["Cache-Control"] == "public, max-age=300"
    assert '<html lang="sv"' in html


def test_a_published_round_gives_the_progress_per_goal_area(client, public_ruf):
    services.round_publish(user=superuser(), round=FollowUpRound.objects.get(code="AR-2023-RUF"))

    html = client.get(reverse("portal:plan", args=["RUF-2023"])).content.decode()

    assert "Senast uppdaterad: Årsredovisning 2023 – Regionala utvecklingsförvaltningen" in html
    assert "93 % av aktiviteterna går enligt plan (26 av 28)." in html
    assert "71 % av aktiviteterna enligt plan (5 av 7)" in html  # Ett välmående Västmanland


def test_a_plan_that_is_not_public_is_not_found_and_says_nothing_more(client, full_demo):
    response = client.get(reverse("portal:plan", args=["RPB-2022"]))

    assert response.status_code == 404
    assert "Regionplan" not in response.content.decode()


def test_an_indicator_shows_its_published_values_as_a_chart_and_table_and_nothing_of_an_open_round(
    client, public_ruf
):
    from styrkort.followup.models import Measurement
    from styrkort.plans.models import Indicator

    services.round_publish(user=superuser(), round=FollowUpRound.objects.get(code="AR-2023-RUF"))
    indicator = Indicator.objects.get(code="RUF-I1.4")
    Measurement.objects.create(  # reported in the open interim round: not public
        indicator=indicator, period=2024, value=99, round=FollowUpRound.objects.get(code="DR1-2024-RUF")
    )
    plan_page = client.get(reverse("portal:plan", args=["RUF-2023"])).content.decode()

    html = client.get(reverse("portal:indicator", args=["RUF-2023", "RUF-I1.4"])).content.decode()

    assert reverse("portal:indicator", args=["RUF-2023", "RUF-I1.4"]) in plan_page
    assert 'aria-label="2023 Totalt: 40 %"' in html  # seed 002: 40 %, Pojkar 49, Flickor 31
    assert 'aria-label="Mål 2023: &gt; 41\u00a0%"' in html
    assert '<td class="num">49&nbsp;%</td>' in html
    assert "målet nås inte" in html
    assert "2024" not in html
    assert client.get(reverse("portal:indicator", args=["RUF-2023", "RP-I1.1.1"])).status_code == 404
