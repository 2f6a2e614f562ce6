"""The open web, first step (issue 15): public plans without an account, the latest published round's
progress, and nothing of a plan that is not public or a round that is not published."""

import pytest
from django.urls import reverse

from styrkort.followup.models import FollowUpRound
from styrkort.plans.models import Plan

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("swedish")]


@pytest.fixture
def public_ruf(full_demo):
    """The demo publishes RUF-2023 with its annual report 2023 (demo/services.py)."""
    return Plan.objects.get(code="RUF-2023", is_public=True)


def test_a_visitor_without_an_account_sees_a_public_plan_but_no_unpublished_round(client, public_ruf):
    FollowUpRound.objects.update(published_at=None, published_by=None)
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
    html = client.get(reverse("portal:plan", args=["RUF-2023"])).content.decode()

    assert "Senast uppdaterad: Årsredovisning 2023 – Regionala utvecklingsförvaltningen" in html
    assert "93 % av aktiviteterna går enligt plan (26 av 28)." in html
    assert "71 % av aktiviteterna enligt plan (5 av 7)" in html  # Ett välmående Västmanland


def test_a_plan_that_is_not_public_is_not_found_and_says_nothing_more(client, full_demo):
    response = client.get(reverse("portal:plan", args=["VP-RU-2020"]))

    assert response.status_code == 404
    assert "Verksamhetsplan" not in response.content.decode()


def test_an_indicator_shows_its_published_values_as_a_chart_and_table_and_nothing_of_an_open_round(
    client, public_ruf
):
    from styrkort.followup.models import Measurement
    from styrkort.plans.models import Indicator

    indicator = Indicator.objects.get(code="RUF-I1.4")
    Measurement.objects.create(  # reported in the open interim round: not public
        indicator=indicator, period=2024, value=99, round=FollowUpRound.objects.get(code="DR1-2024-RUF")
    )
    area_page = client.get(reverse("portal:goal_area", args=["RUF-2023", "MO1"])).content.decode()

    html = client.get(reverse("portal:indicator", args=["RUF-2023", "RUF-I1.4"])).content.decode()

    assert reverse("portal:indicator", args=["RUF-2023", "RUF-I1.4"]) in area_page
    assert 'aria-label="2023 Totalt: 40 %"' in html  # seed 002: 40 %, Pojkar 49, Flickor 31
    assert 'aria-label="Mål 2023: &gt; 41\u00a0%"' in html
    assert '<td class="num">49&nbsp;%</td>' in html
    assert "målet nås inte" in html
    assert "2024" not in html
    assert client.get(reverse("portal:indicator", args=["RUF-2023", "RP-I1.1.1"])).status_code == 404


def test_the_rus_rolls_up_the_goals_indicators_and_activities_of_the_plans_that_serve_it(client, full_demo):
    """RUS-1.1 is served by the regional plan's RP-1.1, which RUF-M1.1 serves; RF1 … RUN 3 hang under
    RUF-M1.1. Their statuses are the annual report's (seed 002: five green, RUN 1 and RUN 2 yellow)."""
    plan_page = client.get(reverse("portal:plan", args=["PRG-RUS"])).content.decode()
    html = client.get(reverse("portal:goal_area", args=["PRG-RUS", "RUS-MO1"])).content.decode()

    assert "Ett livskraftigt Västmanland" in plan_page
    assert "Hållbar utveckling" in plan_page
    assert "Digital omställning" in plan_page
    assert "85 % av aktiviteterna går enligt plan (11 av 13)." in plan_page
    assert "71 % av aktiviteterna enligt plan (5 av 7)" in html
    assert "Regionplan och budget 2022–2024: Invånarnas hälsoläge ska vara gott och jämlikt" in html
    for code in ("RF1", "RF3", "RF6", "RF7", "RUN 1", "RUN 2", "RUN 3"):
        assert f"<strong>{code}</strong>" in html
    assert "RF8" not in html  # Ett tillgängligt Västmanland's
    # the regional plan's indicator with its 2020 baseline, and RUF's with the 2023 outcome
    assert "Andel vuxna invånare med självupplevd god hälsa" in html
    assert '70\u00a0% <span class="meta">(2020)</span>' in html
    assert reverse("portal:indicator", args=["RUF-2023", "RUF-I1.4"]) in html


def test_a_plan_that_is_not_public_adds_nothing_to_the_rus(client, full_demo):
    Plan.objects.filter(code="RUF-2023").update(is_public=False)

    html = client.get(reverse("portal:goal_area", args=["PRG-RUS", "RUS-MO1"])).content.decode()

    assert "RF1" not in html
    assert "Förvaltningsplan 2023–2025" not in html
    assert "Andel vuxna invånare med självupplevd god hälsa" in html  # the regional plan's, still public
    assert client.get(reverse("portal:goal_area", args=["PRG-RUS", "MO1"])).status_code == 404


def test_the_goal_area_page_keeps_its_queries_whatever_serves_it(
    client, full_demo, django_assert_max_num_queries
):
    with django_assert_max_num_queries(14):
        response = client.get(reverse("portal:goal_area", args=["PRG-RUS", "RUS-MO1"]))
    assert response.status_code == 200


def test_search_finds_goals_indicators_activities_and_stories_in_any_case(client, full_demo):
    html = client.get(reverse("portal:search", args=["PRG-RUS"]), {"q": "PSYKISK hälsa"}).content.decode()
    upper = client.get(reverse("portal:search", args=["PRG-RUS"]), {"q": "ÖVERENSKOMMELSE"}).content.decode()

    assert "Andel ungdomar med fullgod psykisk hälsa" in html  # an indicator
    assert "<strong>RF7</strong>" in html  # "Utvecklingsarbete kring psykisk ohälsa …" holds both words
    assert "Färre unga mår bra" in html  # a story
    assert "<strong>RUN 2</strong>" in upper  # "En överenskommelse …"


def test_search_sees_nothing_of_a_plan_that_is_not_public(client, full_demo):
    Plan.objects.filter(code="RUF-2023").update(is_public=False)

    html = client.get(reverse("portal:search", args=["PRG-RUS"]), {"q": "överenskommelse"}).content.decode()

    assert "RUN 2" not in html
    assert "Aktiviteter (" not in html  # the one hit left is the story that tells of it
    assert "1 träff för ”överenskommelse”." in html
