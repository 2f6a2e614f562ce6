"""The reading pages: content from the demo, pinned query counts that do not grow, and no anonymous access."""

import pytest
from django.urls import reverse

from styrkort.plans.models import Action, Goal, GoalArea, Indicator, Plan
from styrkort.plans.services import action_upsert
from styrkort.plans.timeline import parse_timeline
from tests.people import superuser

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("swedish")]


def add_actions(count: int) -> None:
    """More actions in the administration plan, on a goal and with units, to prove no N+1."""
    plan = Plan.objects.get(code="RUF-2023")
    goal = Goal.objects.get(code="RUF-M1.1")
    units = list(plan.owner.children.all()[:2])
    for number in range(count):
        action_upsert(
            user=superuser(),
            plan=plan,
            code=f"EXTRA {number}",
            text="Extra åtgärd",
            timeline=parse_timeline("2024"),
            units=units,
            goal=goal,
        )


def page_urls():
    ruf_plan = Plan.objects.get(code="RUF-2023")
    return {
        "home": reverse("reports:home"),
        "plan_list": reverse("plans:plan_list"),
        "plan": ruf_plan.get_absolute_url(),
        "goal_area": GoalArea.objects.get(code="MO1").get_absolute_url(),
        "goal": Goal.objects.get(code="RUF-M1.1").get_absolute_url(),
        "indicator": Indicator.objects.filter(goal__code="RUF-M1.1").first().get_absolute_url(),
        "action_list": reverse("followup:action_list") + f"?plan={ruf_plan.code}",
        "action": Action.objects.get(plan=ruf_plan, code="RUN 6").get_absolute_url(),
        "unit_list": reverse("org:unit_list"),
        "unit": reverse("org:unit", args=["FH"]),
    }


# Queries per page (session and user are 2 of each): pinned as literals; equal before and after
# adding actions shows that the count does not grow with the data.
QUERIES = {
    # each page: session, user, the data's versions (the page cache's key, core/page_cache.py), then
    # its own reads
    # + memberships, units below, units with counts, plans, actions; open rounds to report …; the latest
    # closed round of the plans (how we are doing), the rounds in progress
    "home": 16,
    "plan_list": 8,  # + count, a page of plans with goal and action counts
    # + plan, goals, indicators, actions, units, assignments, areas, their goal documents, child plans,
    # perspectives, the areas the plan is a goal document for
    "plan": 16,  # … and the actions' latest reports, whether the person may change the plan (the units below)
    # + area, goals, goal count, goal documents, assignments, actions, their units, their latest reports,
    # count, the latest reports of all its actions (the counts per colour)
    "goal_area": 13,
    # + goal, one per level of the chain up, children, indicators, their baselines per breakdown,
    # actions, assignments
    "goal": 15,  # two levels up (RUF-M1.1 → RP-1.1 → RUS-1.1) … and the actions' latest reports
    # + indicator with goal and plan, baselines per breakdown, breakdowns, targets, values, the rounds that
    # follow it up (none here; with rounds see tests/plans/test_follow_up_on_plan_pages.py)
    "indicator": 9,
    # + the plan filter's plan, count, page of actions, their units, areas and rounds for the filters, the
    # page's latest reports, the plans and units to pick from: the person's units, those above and
    # below them (a capped count: no more than 1,001 rows are counted)
    "action_list": 15,
    "action": 7,  # + action with links, its units, sub-actions, its reports round by round
    "unit_list": 5,  # + count, a page of the unit tree
    "unit": 12,  # + unit, ancestors, children, plans, goals, actions, their units, action count
}


@pytest.mark.parametrize("page", list(QUERIES))
@pytest.mark.parametrize("extra_actions", [0, 5])
def test_page_query_count_is_pinned_and_does_not_grow(
    client, reporter, page, extra_actions, django_assert_num_queries
):
    add_actions(extra_actions)
    url = page_urls()[page]
    client.force_login(reporter)

    with django_assert_num_queries(QUERIES[page]):
        response = client.get(url)

    assert response.status_code == 200


@pytest.mark.parametrize("page", list(QUERIES))
def test_page_asks_an_anonymous_visitor_to_log_in(client, demo, page):
    url = page_urls()[page]

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_plan_tree_shows_the_chain_with_counts(client, reader):
    client.force_login(reader)

    html = client.get(reverse("plans:plan", args=["RUF-2023"])).content.decode()

    assert "Förvaltningsplan 2023–2025, Regionala utvecklingsförvaltningen</h1>" in html
    assert "17 mål, 25 indikatorer och 28 åtgärder." in html
    assert "RUN 6</span> RUF kommer genomföra uppdateringen av RUS i bred samverkan." in html
    assert "Tillkommande uppdrag" not in html  # added assignments are marked per assignment instead
    assert "Kostnadsrestriktivitet" in html


def test_goal_page_shows_the_chain_up_to_the_council(client, reader):
    client.force_login(reader)
    goal = Goal.objects.get(name="Den lokala arbetsmarknaden ska bli större")

    html = client.get(goal.get_absolute_url()).content.decode()

    assert "Länets arbetsmarknad blir mer sammanhållen" in html
    assert "Regionplan och budget 2022–2024" in html


def test_indicator_page_shows_targets_by_year_with_breakdowns(client, reader):
    client.force_login(reader)
    broadband = Indicator.objects.get(
        goal__plan__code="RUF-2023", name__startswith="Andel hushåll och företag"
    )

    html = client.get(broadband.get_absolute_url()).content.decode()

    assert '<th scope="col">Hushåll</th><th scope="col">Företag</th>' in html
    assert "<td>&gt; 95\u00a0%</td>" in html
    assert "<td>&gt; 89\u00a0%</td>" in html


def test_action_list_filters_by_search_unit_and_year(client, reader):
    client.force_login(reader)
    url = reverse("followup:action_list")
    ls = Plan.objects.get(code="RUF-2023").owner.children.get(code="LS")

    by_text = client.get(url, {"q": "uppdateringen RUS"}).context["actions"]
    by_unit_and_year = client.get(url, {"unit": ls.code, "year": 2024}).context["actions"]

    assert [a.code for a in by_text] == ["RUN 6"]
    assert {a.code for a in by_unit_and_year} >= {"RUN 6", "RUN 7", "RF28", "RF29"}
    assert "RUN 8" not in {a.code for a in by_unit_and_year}  # 2023 only


def test_action_list_with_a_bad_filter_says_so(client, reader):
    client.force_login(reader)

    response = client.get(reverse("followup:action_list"), {"year": "snart"})

    assert response.status_code == 200
    assert "Fyll i ett heltal." in response.content.decode()


def test_unknown_plan_is_404(client, reader):
    client.force_login(reader)

    assert client.get(reverse("plans:plan", args=["FINNS-INTE"])).status_code == 404


def test_action_list_unknown_unit_code_says_so(client, reader):
    client.force_login(reader)

    response = client.get(reverse("followup:action_list"), {"unit": "XYZ"})

    assert "Det finns ingen enhet med koden XYZ." in response.content.decode()
