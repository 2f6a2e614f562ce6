"""Status where people look (issue 14): the plan pages show each action's latest report, the goal area
counts its actions by colour, and an action's page lists its reports round by round."""

import re

import pytest

from styrkort.followup.models import ActionReport
from styrkort.plans.models import Action

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("swedish")]


def squeezed(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html.replace("&nbsp;", " ")))


def test_an_actions_page_lists_its_reports_round_by_round(client, reader, full_demo):
    run1 = Action.objects.get(plan__code="RUF-2023", code="RUN 1")
    client.force_login(reader)

    page = squeezed(client.get(run1.get_absolute_url()).content.decode())

    assert (
        "Årsredovisning 2023 – Regionala utvecklingsförvaltningen pågår ! gul – risk eller avvikelse" in page
    )
    assert "Ett arbete med att utveckla en struktur" in page  # the comment as reported


def test_the_plan_tree_shows_each_actions_latest_status_with_its_round(client, reader, full_demo):
    client.force_login(reader)

    page = squeezed(client.get("/planer/RUF-2023/").content.decode())

    assert re.search(
        r"RUN 2 En överenskommelse .*? ! gul – risk eller avvikelse pågår – Årsredovisning 2023", page
    )


def test_the_goal_area_counts_its_actions_by_their_latest_colour(client, reader, full_demo):
    area = Action.objects.get(plan__code="RUF-2023", code="RUN 1").area
    actions = list(area.actions.all())
    latest = {}
    for report in (
        ActionReport.objects.filter(action__in=actions).select_related("round").order_by("round__as_of")
    ):
        latest[report.action_id] = report.colour
    expected = {
        colour: sum(1 for c in latest.values() if c == colour) for colour in ("green", "yellow", "red")
    }
    client.force_login(reader)

    page = squeezed(client.get(area.get_absolute_url()).content.decode())

    assert expected["yellow"] >= 1
    assert (
        f"✓ {expected['green']} gröna ! {expected['yellow']} gula ✕ {expected['red']} röda "
        f"{len(actions) - sum(expected.values())} ej rapporterade"
    ) in page


def test_an_indicator_page_shows_its_status_and_trend_from_the_latest_round_that_gives_one(
    client, reader, full_demo, django_assert_num_queries
):
    from styrkort.plans.models import Indicator

    indicator = Indicator.objects.get(code="RUF-I1.4")  # seed 002: 40 % against > 41 %
    client.force_login(reader)

    # The page's 8, the rounds that follow it up, the open interim round's indicator with its figures:
    # that round already gives a status (from the 2023 measurement, the latest there is).
    with django_assert_num_queries(18):  # with the data's versions (the page cache's key)
        page = squeezed(client.get(indicator.get_absolute_url()).content.decode())

    assert (
        "Status ✕ målet nås inte · Trend: – – Delårsrapport 1 2024 – Regionala "
        "utvecklingsförvaltningen (öppen)" in page
    )


def test_the_start_page_says_how_we_are_doing_and_readers_see_the_open_rounds(client, reader, full_demo):
    client.force_login(reader)

    start = squeezed(client.get("/").content.decode())
    inbox = squeezed(client.get("/uppfoljning/").content.decode())

    assert "Hur går det Som senast rapporterat: Årsredovisning 2023" in start
    assert "En stark och uthållig ekonomi 100 % (2/2) 1 0 0 1" in start  # seed 002: result met, FTE no data
    assert "Totalt 93 %" in start  # 26 of the 28 actions green
    assert "Pågående uppföljningar Delårsrapport 1 2024" in start
    assert "Öppna uppföljningar Delårsrapport 1 2024 – Regionala utvecklingsförvaltningen" in inbox
