"""Assignments in a round: the receiving unit says what it has done (seed 002, "Tillkommande uppdrag
under året": Uppdrag, Tidplan, Ansvarig, Kommentar)."""

import datetime as dt
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from styrkort.errors import NotAllowed
from styrkort.exchange.services import followup_workbook_export, followup_workbook_import
from styrkort.followup import services
from styrkort.followup.models import AssignmentReport
from styrkort.org.models import Unit
from styrkort.plans.models import Assignment
from tests.exchange.conftest import cells, find_row, load, save

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("swedish")]


@pytest.fixture
def round(make_round):
    return make_round(
        "TEST-AR-2023",
        name="Årsredovisning 2023",
        kind="annual",
        as_of=dt.date(2023, 12, 31),
        deadline=dt.date(2024, 1, 31),
    )


def assignment(number: str) -> Assignment:
    return Assignment.objects.get(plan__code="RUF-2023", number=number)


def section_text(html: str, heading_id: str) -> str:
    """The words of the section whose heading has this id, cells apart."""
    start = html.rindex("<", 0, html.index(f'id="{heading_id}"'))
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html[start : html.index("</section>", start)])).strip()


def test_the_annual_report_lists_the_assignments_added_during_the_year_as_the_seed_prints_them(
    client, reader, full_demo
):
    client.force_login(reader)

    page = client.get(reverse("followup:round", args=["AR-2023-RUF"])).content.decode()

    assert section_text(page, "added-assignments") == (
        "Tillkommande uppdrag under året Uppdrag Tidplan Ansvarig Kommentar "
        "Kostnadsrestriktivitet 2023 RUF – Dämpa kostnadsökningstakten 2023 RUF –"
    )


def test_a_planner_comments_an_assignment_on_the_report_page_and_the_round_shows_it(client, planner, round):
    client.force_login(planner)
    page = client.get(reverse("followup:unit_report", args=[round.code, "RUF"])).content.decode()
    first = assignment("1")
    assert f'name="u{first.pk}-comment"' in page

    saved = client.post(
        reverse("followup:assignment_report", args=[round.code, first.pk]),
        {
            f"u{first.pk}-comment": "Resor och konferenser har minskat.",
            f"u{first.pk}-version": 0,
            "unit": "RUF",
        },
    )

    assert saved.status_code == 302
    assert saved["Location"].endswith(f"#u-{first.pk}")
    shown = client.get(reverse("followup:round", args=[round.code])).content.decode()
    assert "Kostnadsrestriktivitet 2023 RUF Resor och konferenser har minskat." in section_text(
        shown, "added-assignments"
    )


def test_an_empty_comment_is_refused_and_nothing_is_saved(client, planner, round):
    client.force_login(planner)
    first = assignment("1")

    response = client.post(
        reverse("followup:assignment_report", args=[round.code, first.pk]),
        {f"u{first.pk}-comment": "  ", f"u{first.pk}-version": 0, "unit": "RUF"},
    )

    assert response.status_code == 400
    assert "Ingenting sparades." in response.content.decode()
    assert not AssignmentReport.objects.exists()


def test_a_department_reporter_may_not_comment_the_administrations_assignment(reporter, round):
    with pytest.raises(NotAllowed):
        services.assignment_report_save(
            user=reporter, round=round, assignment=assignment("1"), comment="Klart."
        )

    assert not AssignmentReport.objects.exists()


def test_the_service_refuses_an_empty_comment_and_a_closed_round(planner, round):
    with pytest.raises(ValidationError) as refused:
        services.assignment_report_save(user=planner, round=round, assignment=assignment("1"), comment="")
    assert refused.value.message_dict == {"comment": ["Skriv vad som gjorts med uppdraget."]}

    services.round_close(user=planner, round=round)
    with pytest.raises(services.RoundClosed):
        services.assignment_report_save(
            user=planner, round=round, assignment=assignment("1"), comment="Klart."
        )


def test_the_workbook_refuses_an_assignment_that_is_not_the_units(planner, round):
    workbook = load(followup_workbook_export(round=round, unit=Unit.objects.get(code="RUF")))
    sheet = workbook["Uppdrag"]
    row = find_row(sheet, Nummer="2")
    cells(sheet, row)["Nummer"].value = "15"
    cells(sheet, row)["Plan"].value = "RPB-2022"
    cells(sheet, row)["Kommentar"].value = "Inte vårt."

    result = followup_workbook_import(source=save(workbook), user=planner)

    assert [str(p) for p in result.problems] == [
        f"Blad Uppdrag, rad {row}, kolumn Nummer: Arbetsboken gäller RUF, och uppdraget RPB-2022/15 "
        "ingår inte i den vid uppföljningstillfället TEST-AR-2023."
    ]
    assert not AssignmentReport.objects.exists()
