"""The action list with the follow-up (issue 14): status and assessment columns, filters on them and
on a round, and a workbook of exactly what the filters show."""

import io

import pytest
from django.urls import reverse

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("swedish")]

YELLOW_IN_2023 = ["RUN 1", "RUN 2"]  # the demo's closed round (docs/demo-transcription-notes.md)


def listed(client, **filters) -> list[str]:
    return [action.code for action in client.get(reverse("followup:action_list"), filters).context["actions"]]


def test_yellow_in_the_closed_round_lists_exactly_its_yellow_actions(client, reader, full_demo):
    client.force_login(reader)

    page = client.get(reverse("followup:action_list"), {"round": "AR-2023-RUF", "colour": "yellow"})
    html = page.content.decode()

    assert [action.code for action in page.context["actions"]] == YELLOW_IN_2023
    assert "2 åtgärder hittades." in html
    assert '<span aria-hidden="true">!</span> gul – risk eller avvikelse' in html
    assert listed(client, round="AR-2023-RUF", colour="green").__len__() == 26


def test_the_workbook_holds_exactly_what_the_filters_show(client, reader, full_demo):
    from openpyxl import load_workbook

    client.force_login(reader)
    download = client.get(
        reverse("followup:action_list_download"), {"round": "AR-2023-RUF", "colour": "yellow"}
    )

    sheet = load_workbook(io.BytesIO(download.content))["Åtgärder"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert download["Content-Disposition"] == 'attachment; filename="atgarder.xlsx"'
    assert rows[0][:7] == ["Kod", "Åtgärd", "Tidplan", "Ansvarig", "Plan", "Status", "Bedömning"]
    assert [row[0] for row in rows[1:]] == YELLOW_IN_2023
    assert rows[1][5:7] == ["pågår", "! gul – risk eller avvikelse"]
    assert rows[1][9] == "Årsredovisning 2023 – Regionala utvecklingsförvaltningen"
    assert rows[1][7].startswith("Ett arbete med att utveckla en struktur")  # seed 002's comment


def test_without_a_round_each_action_shows_its_latest_report(client, reader, full_demo):
    client.force_login(reader)

    page = client.get(
        reverse("followup:action_list"), {"plan": "ruf-2023", "q": "hälsoekonomiska beräkningar i länet"}
    )
    (rf_run1,) = page.context["actions"]

    assert rf_run1.code == "RUN 1"  # the plan's code typed in lower case is found
    assert rf_run1.follow_up.round.code in {"AR-2023-RUF", "DR1-2024-RUF"}
    assert rf_run1.follow_up.round.as_of == max(
        r.round.as_of for r in rf_run1.reports.select_related("round")
    )


def test_not_reported_lists_the_actions_without_a_report_in_the_round(client, reader, full_demo):
    from styrkort.followup.models import ActionReport, FollowUpRound
    from styrkort.followup.queries import actions_in_round

    client.force_login(reader)
    round = FollowUpRound.objects.get(code="DR1-2024-RUF")
    expected = {
        a.code
        for a in actions_in_round(round)
        if not ActionReport.objects.filter(round=round, action=a).exists()
    }

    assert set(listed(client, round=round.code, status="none")) == expected
    assert listed(client, round="NOPE") == []  # an unknown round is a form error, listed below
    assert (
        "Välj ett giltigt alternativ"
        in client.get(reverse("followup:action_list"), {"round": "NOPE"}).content.decode()
    )


def test_the_overview_lists_the_yellow_and_red_actions_with_their_deviation(client, reader, full_demo):
    client.force_login(reader)

    page = client.get(reverse("followup:overview", args=["AR-2023-RUF"]))
    html = page.content.decode()
    section = html[html.index('id="deviations"') : html.index('id="not-reported"')]

    assert [a.code for a in page.context["deviating"]] == YELLOW_IN_2023
    assert "RUN 1" in section
    assert "RUN 2" in section
    assert "RF1" not in section
    assert "gul – risk eller avvikelse" in section


def test_a_list_of_more_than_a_thousand_says_so_instead_of_counting_them_all(client, reader, demo):
    from styrkort.plans.models import Action, Plan

    plan = Plan.objects.get(code="RUF-2023")
    Action.objects.bulk_create(
        Action(plan=plan, code=f"MÅNGA-{n}", text=f"Åtgärd nummer {n}") for n in range(1001)
    )
    client.force_login(reader)

    many = client.get(reverse("followup:action_list"), {"q": "Åtgärd nummer"}).content.decode()
    exactly = client.get(reverse("followup:action_list"), {"q": "Åtgärd nummer 100"}).content.decode()

    assert "Fler än 1\xa0000 åtgärder hittades: smalna av filtret för att se alla." in many
    assert "2 åtgärder hittades." in exactly  # 100 and 1000
