"""Reporting, the overview, closing and the round as reported: through the pages, as people use them."""

import pytest
from django.urls import reverse

from styrkort.followup import services
from styrkort.followup.models import (
    ActionReport,
    FollowUpRound,
    GoalAssessment,
    Measurement,
    Narrative,
    RoundEvent,
)
from styrkort.plans.models import Goal, Indicator
from styrkort.plans.services import action_upsert
from styrkort.plans.timeline import parse_timeline
from tests.people import superuser

from .conftest import action

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("swedish")]


def report_data(act, *, status="in_progress", colour="green", comment="", deviation="", version=0, unit="FH"):
    prefix = f"a{act.pk}-"
    return {
        f"{prefix}status": status,
        f"{prefix}colour": colour,
        f"{prefix}comment": comment,
        f"{prefix}deviation": deviation,
        f"{prefix}version": version,
        "unit": unit,
    }


def save_url(round, act):
    return reverse("followup:action_report", args=[round.code, act.pk])


def test_reporter_inbox_lists_the_units_round_with_missing_count(client, reporter, round):
    client.force_login(reporter)
    page = client.get(reverse("followup:inbox")).content.decode()
    assert round.name in page
    assert "Folkhälsa" in page
    # FH is responsible for RF1, RF3, RF6, RF7, RUN 1 and RUN 3 in 2023; none reported yet.
    assert "0 / 6" in page
    assert reverse("followup:unit_report", args=[round.code, "FH"]) in page


def test_reporter_reports_an_action_without_javascript(client, reporter, round):
    client.force_login(reporter)
    rf1 = action("RF1")
    response = client.post(save_url(round, rf1), report_data(rf1, comment="Verktyget lanseras i maj."))
    assert response.status_code == 302
    assert response["Location"].endswith(f"/uppfoljning/{round.code}/enheter/FH/#a-{rf1.pk}")
    report = ActionReport.objects.get(round=round, action=rf1)
    assert (report.status, report.colour, report.comment, report.reported_by) == (
        "in_progress",
        "green",
        "Verktyget lanseras i maj.",
        reporter,
    )
    assert report.history.first().history_user == reporter


def test_reporter_reports_an_action_with_htmx_and_gets_the_row_back(client, reporter, round):
    client.force_login(reporter)
    rf3 = action("RF3")
    response = client.post(save_url(round, rf3), report_data(rf3, status="done"), HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert response.status_code == 200
    assert f'id="a-{rf3.pk}"' in page
    assert "RF3 sparad" in page
    assert '<span id="reported-count" hx-swap-oob="true">1 av 6 åtgärder rapporterade.</span>' in page
    assert "<html" not in page  # the row only
    assert ActionReport.objects.get(round=round, action=rf3).status == "done"


def test_the_unit_page_shows_every_action_and_indicator_of_the_unit(client, reporter, round):
    client.force_login(reporter)
    page = client.get(reverse("followup:unit_report", args=[round.code, "FH"])).content.decode()
    for code in ("RF1", "RF3", "RF6", "RF7", "RUN 1", "RUN 3"):
        assert f'<span class="code">{code}</span>' in page
    assert '<span class="code">RUN 2</span>' not in page  # Välfärd's


def test_the_second_of_two_simultaneous_saves_is_told_and_the_first_text_is_kept(
    client, reporter, planner, round
):
    rf1 = action("RF1")
    client.force_login(reporter)
    client.post(save_url(round, rf1), report_data(rf1, comment="Rasmus text", version=0))
    client.force_login(planner)
    response = client.post(
        save_url(round, rf1), report_data(rf1, comment="Petras text", version=0), HTTP_HX_REQUEST="true"
    )
    page = response.content.decode()
    assert "Rasmus text" in page  # their saved text is shown
    assert "Petras text" in page  # and mine is still in the form
    assert "Spara min ändå" in page
    assert ActionReport.objects.get(round=round, action=rf1).comment == "Rasmus text"
    # Saving again, having seen the conflict, goes through.
    client.post(save_url(round, rf1), report_data(rf1, comment="Petras text", version=1))
    assert ActionReport.objects.get(round=round, action=rf1).comment == "Petras text"


@pytest.mark.parametrize(
    ("field", "value"),
    [("status", "halvklart"), ("colour", "blå"), ("status", "")],
)
def test_a_status_outside_the_list_is_refused_and_nothing_written(client, reporter, round, field, value):
    client.force_login(reporter)
    rf1 = action("RF1")
    data = report_data(rf1) | {f"a{rf1.pk}-{field}": value}
    response = client.post(save_url(round, rf1), data)
    assert response.status_code == 400
    assert "ds-validation-message" in response.content.decode()
    assert not ActionReport.objects.filter(round=round).exists()


def test_two_statuses_for_one_action_are_refused(client, reporter, round):
    client.force_login(reporter)
    rf1 = action("RF1")
    data = report_data(rf1)
    data[f"a{rf1.pk}-status"] = ["in_progress", "done"]
    response = client.post(save_url(round, rf1), data)
    assert response.status_code == 400
    assert "Ange en status" in response.content.decode()
    assert not ActionReport.objects.filter(round=round).exists()


def test_yellow_or_red_needs_a_deviation(client, reporter, round):
    client.force_login(reporter)
    rf1 = action("RF1")
    response = client.post(save_url(round, rf1), report_data(rf1, colour="yellow"))
    assert response.status_code == 400
    assert "Beskriv avvikelsen" in response.content.decode()
    assert not ActionReport.objects.filter(round=round).exists()


def test_reporting_on_another_units_action_is_refused(client, reporter, round):
    client.force_login(reporter)
    run2 = action("RUN 2")  # Välfärd's
    response = client.post(save_url(round, run2), report_data(run2))
    assert response.status_code == 403
    assert "RUN 2" in response.content.decode()
    assert not ActionReport.objects.filter(round=round).exists()


def test_an_action_outside_the_round_is_refused(client, planner, round):
    client.force_login(planner)
    rf8 = action("RF8")
    # RF8 runs 2024 only, which is later than 2023 but not over: it is in the round.
    assert client.post(save_url(round, rf8), report_data(rf8)).status_code == 302
    ended = action_upsert(
        user=superuser(),
        plan=rf8.plan,
        code="OLD 1",
        text="Avslutad 2022",
        timeline=parse_timeline("2022"),
        units=[rf8.units.first()],
    )[0]
    assert client.post(save_url(round, ended), report_data(ended)).status_code == 403
    assert not ActionReport.objects.filter(action=ended).exists()


def test_measurements_accept_swedish_numbers_and_refuse_the_rest(client, planner, round):
    client.force_login(planner)
    indicator = Indicator.objects.get(code="RUF-I1.2")  # %, broken down by Män, Kvinnor
    url = reverse("followup:measurement", args=[round.code, indicator.pk])
    prefix = f"i{indicator.pk}-"
    bad = {f"{prefix}period": 2023, f"{prefix}value_0": "12,3,4", "unit": "RUF"}
    response = client.post(url, bad)
    assert response.status_code == 400
    assert "12,3,4 är inte ett tal" in response.content.decode()
    assert not Measurement.objects.filter(round=round).exists()

    good = {
        f"{prefix}period": 2022,
        f"{prefix}value_0": "69 %",
        f"{prefix}value_1": "71",
        f"{prefix}missing_2": "on",
    }
    assert client.post(url, good).status_code == 302
    values = {
        (m.breakdown.name if m.breakdown else "Totalt"): m
        for m in Measurement.objects.filter(indicator=indicator, period=2022)
    }
    assert values["Totalt"].value == 69
    assert values["Män"].value == 71
    assert values["Kvinnor"].missing
    assert values["Totalt"].round == round


def test_a_measurement_period_after_the_round_is_refused(client, planner, round):
    client.force_login(planner)
    indicator = Indicator.objects.get(code="RUF-I1.1")
    prefix = f"i{indicator.pk}-"
    url = reverse("followup:measurement", args=[round.code, indicator.pk])
    response = client.post(url, {f"{prefix}period": 2024, f"{prefix}value_0": "1 234,5", "unit": "RUF"})
    assert response.status_code == 400
    assert not Measurement.objects.filter(round=round).exists()


def test_planner_sees_reports_closes_and_the_closed_view_never_changes(client, reporter, planner, round):
    rf1, rf3 = action("RF1"), action("RF3")
    client.force_login(reporter)
    client.post(save_url(round, rf1), report_data(rf1, comment="Första kommentaren"))
    client.post(save_url(round, rf3), report_data(rf3, status="done"))

    client.force_login(planner)
    overview = client.get(reverse("followup:overview", args=[round.code])).content.decode()
    assert "Folkhälsa" in overview
    assert "RUN 2" in overview  # in the not-reported list
    assert client.post(reverse("followup:close", args=[round.code])).status_code == 302
    round.refresh_from_db()
    assert not round.is_open

    before = client.get(reverse("followup:round", args=[round.code])).content.decode()
    assert "Första kommentaren" in before
    # Later edits: the plan's text, the report (refused), a new round's report.
    action_upsert(
        user=superuser(),
        plan=rf1.plan,
        code="RF1",
        text="Helt ny text",
        timeline=parse_timeline("2023"),
        units=list(rf1.units.all()),
    )
    client.force_login(reporter)
    assert client.post(save_url(round, rf1), report_data(rf1, comment="Ändrad", version=1)).status_code == 403
    after = client.get(reverse("followup:round", args=[round.code])).content.decode()
    assert "Första kommentaren" in after
    assert "Ändrad" not in after
    assert "Helt ny text" not in after
    assert ActionReport.objects.get(round=round, action=rf1).comment == "Första kommentaren"


def test_only_an_administrator_reopens_with_a_reason_and_it_is_logged(client, planner, administrator, round):
    services.round_close(user=planner, round=round)
    client.force_login(planner)
    assert client.post(reverse("followup:reopen", args=[round.code]), {"reason": "Fel"}).status_code == 403
    client.force_login(administrator)
    response = client.post(reverse("followup:reopen", args=[round.code]), {"reason": ""})
    assert response.status_code == 200
    assert not FollowUpRound.objects.get(pk=round.pk).is_open
    client.post(reverse("followup:reopen", args=[round.code]), {"reason": "Siffra för RF1 rättas"})
    round.refresh_from_db()
    assert round.is_open
    assert round.snapshot is None
    event = RoundEvent.objects.filter(round=round).last()
    assert (event.kind, event.by, event.reason) == ("reopened", administrator, "Siffra för RF1 rättas")
    overview = client.get(reverse("followup:overview", args=[round.code])).content.decode()
    assert "Siffra för RF1 rättas" in overview


def test_history_tab_shows_who_changed_the_report_from_what_to_what(client, reporter, reader, round):
    rf1 = action("RF1")
    client.force_login(reporter)
    client.post(save_url(round, rf1), report_data(rf1, status="not_started"))
    client.post(save_url(round, rf1), report_data(rf1, status="in_progress", version=1))
    client.force_login(reader)
    page = client.get(reverse("followup:action_history", args=[rf1.pk])).content.decode()
    assert "rasmus" in page
    assert "ej påbörjat" in page
    assert "pågår" in page


def test_comparing_two_rounds_lists_what_changed(client, reporter, planner, round):
    rf1 = action("RF1")
    client.force_login(reporter)
    client.post(save_url(round, rf1), report_data(rf1, status="in_progress"))
    services.round_close(user=planner, round=round)
    later, _ = services.round_upsert(
        code="TEST-AR-2023",
        name="Årsredovisning 2023 – test",
        kind="annual",
        as_of=round.as_of.replace(month=12, day=31),
        deadline=round.deadline.replace(year=2024, month=2),
        plans=list(round.plans.all()),
        units=list(round.units.all()),
    )
    services.action_report_save(user=reporter, round=later, action=rf1, status="done", colour="green")
    client.force_login(planner)
    page = client.get(
        reverse("followup:compare"), {"before": round.code, "after": later.code}
    ).content.decode()
    assert '<span class="code">RF1</span>' in page
    assert "status ändrad" in page


def test_a_manual_status_needs_a_reason_and_shows_beside_the_computed_one(client, planner, round):
    indicator = Indicator.objects.get(code="RUF-I1.4")
    client.force_login(planner)
    url = reverse("followup:indicator_assessment", args=[round.code, indicator.pk])
    client.post(url, {f"o{indicator.pk}-status": "yellow", f"o{indicator.pk}-reason": "", "unit": "RUF"})
    assert not indicator.assessments.filter(round=round).exists()
    client.post(
        url,
        {f"o{indicator.pk}-status": "yellow", f"o{indicator.pk}-reason": "Nytt mätsätt 2023", "unit": "RUF"},
    )
    page = client.get(reverse("followup:round", args=[round.code])).content.decode()
    row = page[page.index('id="indicator-RUF-I1.4"') :]
    row = row[: row.index("</tr>")]
    assert "nära målet" in row
    assert "Manuellt bedömd: Nytt mätsätt 2023" in row


def test_a_goal_is_assessed_with_colour_and_analysis(client, planner, round):
    goal = Goal.objects.get(code="RUF-M1.1")
    client.force_login(planner)
    response = client.post(
        reverse("followup:goal_assessment", args=[round.code, goal.pk]),
        {
            f"g{goal.pk}-colour": "yellow",
            f"g{goal.pk}-analysis": "Hälsan går åt olika håll.",
            f"g{goal.pk}-version": 0,
            "unit": "RUF",
        },
    )
    assert response.status_code == 302
    page = client.get(reverse("followup:round", args=[round.code])).content.decode()
    assert "Hälsan går åt olika håll." in page


def round_form(**changes):
    data = {
        "code": "DR1-2024-NY",
        "name": "Delårsrapport 1 2024",
        "kind": "interim_1",
        "as_of": "2024-04-30",
        "deadline": "2024-05-15",
        "plans": "RUF-2023",
        "units": "RUF",
    }
    return data | changes


def test_a_planner_sets_up_a_round_for_the_plans_of_their_unit(client, planner):
    client.force_login(planner)
    response = client.post(reverse("followup:round_create"), round_form())
    assert response.status_code == 302
    created = FollowUpRound.objects.get(code="DR1-2024-NY")
    assert [p.code for p in created.plans.all()] == ["RUF-2023"]
    assert created.is_open


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"plans": "RUF-2023; NOPE"}, "Ingen plan har koden NOPE."),
        ({"units": "XYZ"}, "Ingen enhet har koden XYZ."),
        ({"deadline": "2024-04-01"}, "Sista dagen kan inte vara före uppföljningsdatumet."),
        ({"as_of": "30/4 2024"}, "Fyll i ett giltigt datum."),
        ({"plans": " ; "}, "Välj minst en."),
        (
            {"as_of": "2924-04-30", "deadline": "2924-05-15"},
            "Uppföljningsdatumet måste ligga åren 1990–2100.",
        ),
        ({"deadline": "3024-05-15"}, "Sista dagen måste ligga åren 1990–2100."),
        ({"code": "<b>DR1<b>"}, "En kod får inte innehålla / ; &lt; &gt; &quot; &amp; eller styrtecken."),
    ],
)
def test_a_bad_round_is_refused_with_a_message_and_nothing_written(client, planner, changes, message):
    client.force_login(planner)
    response = client.post(reverse("followup:round_create"), round_form(**changes))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not FollowUpRound.objects.filter(code="DR1-2024-NY").exists()


def test_a_planners_round_holds_only_their_own_units(client, planner):
    """A planner at RUF may not let the whole region (RF) report in a round of RUF's plan: the round's
    units decide whose figures and texts the round's planners may then write."""
    client.force_login(planner)

    response = client.post(reverse("followup:round_create"), round_form(units="RUF; RF"))

    assert response.status_code == 200
    assert "Bara dina egna enheter och de under dem får redovisa i din uppföljning; inte RF." in (
        response.content.decode()
    )
    assert not FollowUpRound.objects.filter(code="DR1-2024-NY").exists()


def test_an_administrator_sets_up_a_round_for_any_units(client, administrator):
    client.force_login(administrator)

    response = client.post(reverse("followup:round_create"), round_form(units="RF"))

    assert response.status_code == 302
    assert [unit.code for unit in FollowUpRound.objects.get(code="DR1-2024-NY").units.all()] == ["RF"]


def test_a_planner_may_not_set_up_a_round_for_another_units_plan_nor_a_reader_at_all(client, planner, reader):
    client.force_login(planner)
    assert client.post(reverse("followup:round_create"), round_form(plans="RPB-2022")).status_code == 403
    client.force_login(reader)
    assert client.get(reverse("followup:round_create")).status_code == 403
    assert not FollowUpRound.objects.filter(code="DR1-2024-NY").exists()


def test_the_back_office_lists_rounds_and_reports(admin_client, round, planner):
    services.action_report_save(
        user=planner, round=round, action=action("RF1"), status="done", colour="green"
    )
    assert round.name in admin_client.get("/admin/followup/followupround/").content.decode()
    assert "RF1" in admin_client.get("/admin/followup/actionreport/").content.decode()
    assert admin_client.get(f"/admin/followup/followupround/{round.pk}/change/").status_code == 200


def test_the_start_page_tells_a_reporter_what_to_report(client, reporter, round):
    client.force_login(reporter)
    page = client.get(reverse("reports:home")).content.decode()
    assert "Att rapportera" in page
    assert "0 av 6 åtgärder rapporterade" in page
    assert reverse("followup:unit_report", args=[round.code, "FH"]) in page


def test_every_closing_keeps_its_snapshot_even_after_reopening(planner, administrator, round):
    rf1 = action("RF1")
    services.action_report_save(user=planner, round=round, action=rf1, status="in_progress", colour="green")
    services.round_close(user=planner, round=round)
    services.round_reopen(user=administrator, round=round, reason="Rättelse")
    services.action_report_save(user=planner, round=round, action=rf1, status="done", colour="green")
    services.round_close(user=planner, round=round)
    first, second = (e.snapshot for e in RoundEvent.objects.filter(round=round, kind="closed"))

    def rf1_status(snapshot) -> str:
        return next(a for area in snapshot["areas"] for a in area["actions"] if a["code"] == "RF1")["status"]

    status_of = {"first": rf1_status(first), "second": rf1_status(second)}
    assert status_of == {"first": "in_progress", "second": "done"}


def test_a_second_stale_save_of_a_measurement_is_refused_and_keeps_the_value_typed(client, planner, round):
    """Two people open the same indicator; the first saves 37, the second 41 on the form opened before:
    the second is told, 37 stays, 41 is still in their form, and saving again then is their choice."""
    indicator = Indicator.objects.get(code="RUF-I1.1")
    url = reverse("followup:measurement", args=[round.code, indicator.pk])
    prefix = f"i{indicator.pk}"
    opened = {
        f"{prefix}-period": 2023,
        f"{prefix}-shown_period": 2023,
        f"{prefix}-version_0": 0,
        "unit": "RUF",
    }
    client.force_login(planner)
    assert client.post(url, opened | {f"{prefix}-value_0": "37"}).status_code == 302

    stale = client.post(url, opened | {f"{prefix}-value_0": "41"}, HTTP_HX_REQUEST="true")

    html = stale.content.decode()
    assert "efter att du öppnade formuläret" in html
    assert "Deras värde: 37." in html
    assert f'name="{prefix}-value_0" id="id_{prefix}-value_0" value="41"' in html
    assert f'name="{prefix}-version_0" value="1"' in html
    assert Measurement.objects.get(indicator=indicator, period=2023, breakdown=None).value == 37

    again = client.post(url, opened | {f"{prefix}-version_0": 1, f"{prefix}-value_0": "41"})

    assert again.status_code == 302
    assert Measurement.objects.get(indicator=indicator, period=2023, breakdown=None).value == 41


def _saves_of_one_text(client, first, second, url, data):
    """`first` and `second` open the same form (version 0); `first` saves, then `second`."""
    client.force_login(first)
    client.post(url, data("Rasmus text", 0))
    client.force_login(second)
    return client.post(url, data("Petras text", 0))


def test_a_stale_narrative_shows_their_text_and_keeps_mine_in_the_form(client, reporter, planner, round):
    def data(text, version):
        return {
            "section": "events",
            "n-events-section": "events",
            "n-events-text": text,
            "n-events-version": version,
        }

    url = reverse("followup:narrative", args=[round.code, "FH"])

    response = _saves_of_one_text(client, reporter, planner, url, data)

    page = response.content.decode()
    assert response.status_code == 409
    assert "<blockquote>Rasmus text</blockquote>" in page
    assert ">Petras text</textarea>" in page
    assert 'name="n-events-version" value="1"' in page
    assert Narrative.objects.get(round=round, unit__code="FH").text == "Rasmus text"
    client.post(url, data("Petras text", 1))  # saving again, having seen theirs, is a choice
    assert Narrative.objects.get(round=round, unit__code="FH").text == "Petras text"


def test_a_stale_goal_assessment_shows_their_analysis_and_keeps_mine(client, planner, administrator, round):
    goal = Goal.objects.get(code="RUF-M1.1")

    def data(text, version):
        return {f"g{goal.pk}-colour": "yellow", f"g{goal.pk}-analysis": text, f"g{goal.pk}-version": version}

    url = reverse("followup:goal_assessment", args=[round.code, goal.pk])

    response = _saves_of_one_text(client, administrator, planner, url, data)

    page = response.content.decode()
    assert response.status_code == 409
    assert "<blockquote>Rasmus text</blockquote>" in page
    assert ">Petras text</textarea>" in page
    assert GoalAssessment.objects.get(round=round, goal=goal).analysis == "Rasmus text"


def test_a_text_longer_than_an_excel_cell_is_refused_and_kept_in_the_form(client, reporter, round):
    """Every text goes into workbooks, and an Excel cell holds 32,767 characters."""
    client.force_login(reporter)
    too_long = "x" * 32_768
    data = {
        "section": "events",
        "n-events-section": "events",
        "n-events-text": too_long,
        "n-events-version": 0,
    }

    response = client.post(reverse("followup:narrative", args=[round.code, "FH"]), data)

    page = response.content.decode()
    assert response.status_code == 400
    assert "Text: Säkerställ att detta värde har som mest 32767 tecken (den har 32768)." in page
    assert f">{too_long}</textarea>" in page
    assert not Narrative.objects.exists()


def test_what_a_reporter_types_is_shown_as_text_in_every_lean_row(client, reporter, planner, round):
    """followup/rows.py writes the rows in Python: a comment, a deviation and an analysis that look
    like HTML come out as text on the report page, the round view, the overview and the htmx answer."""
    typed = '<script>alert("x")</script> & <b>fet</b>'
    rf1 = action("RF1")
    client.force_login(reporter)
    saved = client.post(
        save_url(round, rf1),
        report_data(rf1, colour="red", comment=typed, deviation=f"{typed}\nrad två"),
        HTTP_HX_REQUEST="true",
    )
    assert saved.status_code == 200, saved.content.decode()[:500]
    escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;fet&lt;/b&gt;"
    pages = {
        "htmx answer": saved.content.decode(),
        "report page": client.get(reverse("followup:unit_report", args=[round.code, "FH"])).content.decode(),
    }
    client.force_login(planner)
    pages["round"] = client.get(reverse("followup:round", args=[round.code])).content.decode()
    pages["overview"] = client.get(reverse("followup:overview", args=[round.code])).content.decode()
    for name, page in pages.items():
        assert "<script>alert" not in page, name
        assert "<b>fet</b>" not in page, name
        assert escaped in page, name
    assert f"{escaped}<br>rad två" in pages["round"]  # the deviation's line break kept
