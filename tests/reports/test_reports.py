"""Every report in every format, for the demo's rounds and plans; and the odd inputs a region has."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from styrkort.followup import services
from styrkort.followup.models import FollowUpRound
from styrkort.org.models import Unit
from styrkort.plans.models import Action, Plan
from styrkort.reports.builders import (
    action_plan_followup,
    activity_card,
    annual_report,
    indicator_overview,
    operational_plan,
)
from styrkort.reports.catalogue import REPORTS
from styrkort.reports.renderers import render

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("swedish")]


def annual_round() -> FollowUpRound:
    return FollowUpRound.objects.prefetch_related("plans", "units").get(code="AR-2023-RUF")


def xlsx_rows(document) -> dict[str, list[list]]:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(render(document, "xlsx")))
    return {sheet.title: [[c.value for c in row] for row in sheet.iter_rows()] for sheet in workbook}


def built(kind: str):
    round, unit = annual_round(), Unit.objects.get(code="RUF")
    arguments = {
        "annual": (round, unit),
        "activity-card": (round, Unit.objects.get(code="FH")),
        "economy": (round, unit),
        "action-plan": (round, Plan.objects.get(code="RUF-2023")),
        "indicators": (Plan.objects.get(code="RPB-2022"),),
        "operational-plan": (Plan.objects.get(code="VP-RU-2020"),),
    }[kind]
    return REPORTS[kind].build(*arguments)


@pytest.mark.slow(reason="five reports through WeasyPrint, python-docx and openpyxl")
@pytest.mark.parametrize("kind", list(REPORTS))
def test_every_report_comes_out_in_every_format(full_demo, kind):
    from docx import Document as Docx

    document = built(kind)

    pdf = PdfReader(io.BytesIO(render(document, "pdf")))
    docx = Docx(io.BytesIO(render(document, "docx")))
    sheets = xlsx_rows(document)
    html = render(document, "html").decode()
    assert document.title in " ".join(pdf.pages[0].extract_text().split())
    assert len(docx.tables) == len(document.tables) > 0
    assert len(sheets) == len(document.tables) + 1
    assert html.startswith("<!DOCTYPE html>")
    assert f"<title>{document.title}" in html


def test_the_activity_card_marks_each_activity_once_under_its_status(full_demo):
    card = xlsx_rows(activity_card(annual_round(), Unit.objects.get(code="FH")))

    rows = {row[0]: row for sheet in list(card.values())[1:] for row in sheet[1:]}
    header = list(card.values())[1][0]
    assert header[:4] == ["Aktivitet", "ej påbörjat", "pågår", "klart"]
    assert rows[next(r for r in rows if r.startswith("RF1 "))][1:4] == [None, None, "X"]  # klart
    assert rows[next(r for r in rows if r.startswith("RUN 1 "))][1:4] == [None, "X", None]  # pågår
    assert all(sum(1 for v in row[1:-1] if v == "X") == 1 for row in rows.values())


def test_the_action_plan_follow_up_counts_green_per_goal_area_and_in_total(full_demo):
    sheets = xlsx_rows(action_plan_followup(annual_round(), Plan.objects.get(code="RUF-2023")))

    shares = list(sheets.values())[1]
    assert shares[0] == ["Målområde", "Aktiviteter", "Gröna", "Andel gröna"]
    assert shares[1] == ["Ett välmående Västmanland", 7, 5, 71]
    assert shares[-1] == ["Totalt", 28, 26, 93]  # 26 of seed 002's 28 actions on plan, 2 yellow


def test_the_indicator_overview_prints_direction_baseline_with_year_and_frequency(full_demo):
    sheets = xlsx_rows(indicator_overview(Plan.objects.get(code="RPB-2022")))

    rows = {row[1]: row for sheet in list(sheets.values())[1:] for row in sheet[1:]}
    waiting = rows["Andel patienter som får sin vård minst enligt vårdgarantin"]
    assert waiting[2] == "↑ högre är bättre"
    assert (
        waiting[3]
        .replace("\xa0", " ")
        .startswith("Primärvård telefon 87 % (2020); Primärvård besök 81 % (2020)")
    )
    assert waiting[4] == "varje delårsrapport"


def test_the_operational_plan_lists_each_departments_focus_areas_and_activities(full_demo):
    document = operational_plan(Plan.objects.get(code="VP-RU-2020"))

    headings = [block.text for block in document.contents]
    staff = document.blocks[
        document.blocks.index(next(b for b in document.contents if b.text == "Ledningsstaben")) :
    ]
    focus, activities = staff[1], staff[2]
    assert "Hållbarhet" in headings
    assert focus.rows[0][0].text == "Arbete med regionala utvecklingsstrategi, RUS"
    assert "Arbete med framtagande och genomförande av ny RUS" in [row[1].text for row in activities.rows]


def test_a_unit_with_nothing_to_report_gets_a_document_that_says_so(full_demo):
    document = annual_report(annual_round(), Unit.objects.get(code="MS"))

    text = " ".join(PdfReader(io.BytesIO(render(document, "pdf"))).pages[2].extract_text().split())
    assert "Uppföljningen har inga åtgärder eller indikatorer för den här enheten." in text


def test_markup_and_long_text_are_printed_as_text(make_round, planner):
    round = make_round(
        "TEST-DR2-2023",
        name="Delårsrapport 2 2023",
        kind="interim_2",
        as_of=__import__("datetime").date(2023, 8, 31),
        deadline=__import__("datetime").date(2023, 9, 15),
    )
    markup = '<script>alert(1)</script> =HYPERLINK("http://x") ' + "lång text " * 500
    services.action_report_save(
        user=planner,
        round=round,
        action=Action.objects.get(code="RF1"),
        status="done",
        colour="green",
        comment=markup,
    )
    document = annual_report(round, Unit.objects.get(code="RUF"))

    html = render(document, "html").decode()
    sheets = xlsx_rows(document)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html
    appendix = [sheet for sheet in sheets.values() if sheet[0] == ["Kod", "Åtgärd", "Status", "Kommentar"]]
    comment = next(row[3] for sheet in appendix for row in sheet if row[0] == "RF1")
    assert comment.startswith("<script>")
    assert len(comment) > 5000


def test_a_report_of_a_plan_not_in_the_round_is_not_found(client, reader, full_demo):
    client.force_login(reader)

    assert (
        client.get(
            reverse("reports:round_plan", args=["AR-2023-RUF", "RPB-2022", "handlingsplan"])
        ).status_code
        == 404
    )
    assert client.get(reverse("reports:plan", args=["NOPE", "indikatoroversikt"])).status_code == 404
    assert client.get(reverse("reports:plan", args=["RPB-2022", "indikatoroversikt"])).status_code == 200
