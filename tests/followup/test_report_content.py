"""What a round asks for (issue 12): status and assessment, status only or assessment only; a comment
without a mark is "commented, not assessed"; the deviation rule lives in the service."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from styrkort.exchange.services import followup_workbook_export, followup_workbook_import
from styrkort.followup import services
from styrkort.followup.enums import ReportContent
from styrkort.followup.models import ActionReport
from styrkort.followup.status import action_report_problems
from styrkort.org.models import Unit
from tests.exchange.conftest import cells, find_row, load, save

from .conftest import action

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("swedish")]


@pytest.fixture
def status_round(make_round):
    """A department's activity card: a status only (ej påbörjat │ pågår │ klart), no colour."""
    created = make_round(
        "TEST-KORT-2023",
        name="Verksamhetskort 2023",
        kind="followup",
        as_of=dt.date(2023, 8, 31),
        deadline=dt.date(2023, 9, 15),
    )
    created.asks_for = ReportContent.STATUS
    created.save()
    return created


@pytest.mark.parametrize(
    ("asks_for", "marks", "problems"),
    [
        ("status_and_assessment", {"status": "done", "colour": "green"}, {}),
        ("status_and_assessment", {"status": "done"}, {"colour": "Ange också en bedömning."}),
        ("status_and_assessment", {"comment": "Bara en kommentar."}, {}),
        ("status_and_assessment", {}, {"__all__": "Ange en status, en bedömning eller en kommentar."}),
        ("status", {"status": "done"}, {}),
        (
            "status",
            {"status": "done", "colour": "green"},
            {"colour": "Den här uppföljningen frågar bara efter status, inte efter bedömning."},
        ),
        ("assessment", {"colour": "green"}, {}),
        (
            "assessment",
            {"status": "done", "colour": "green"},
            {"status": "Den här uppföljningen frågar bara efter bedömning, inte efter status."},
        ),
        (
            "assessment",
            {"colour": "red"},
            {"deviation": "Beskriv avvikelsen när bedömningen är gul eller röd."},
        ),
    ],
)
def test_what_a_report_must_hold_follows_the_round(asks_for, marks, problems):
    report = {"status": "", "colour": "", "comment": "", "deviation": ""} | marks

    assert action_report_problems(asks_for=asks_for, asks_deviation=True, **report) == problems


def test_a_round_that_writes_deviations_in_comments_takes_yellow_without_one():
    report = {
        "status": "in_progress",
        "colour": "yellow",
        "comment": "Försenat: beslut 2024.",
        "deviation": "",
    }

    assert action_report_problems(asks_for="status_and_assessment", asks_deviation=False, **report) == {}


def test_the_service_refuses_what_the_page_and_the_workbook_would(planner, round):
    with pytest.raises(ValidationError) as refused:
        services.action_report_save(
            user=planner, round=round, action=action("RF1"), status="done", colour="red"
        )

    assert refused.value.message_dict == {
        "deviation": ["Beskriv avvikelsen när bedömningen är gul eller röd."]
    }
    assert not ActionReport.objects.exists()


def test_a_status_only_card_imported_with_a_comment_only_row_counts_per_status(client, planner, status_round):
    """Done when (b): a department plan followed up by status only, one row carrying only a comment."""
    ruf = Unit.objects.get(code="RUF")
    workbook = load(followup_workbook_export(round=status_round, unit=ruf))
    sheet = workbook["Åtgärder"]
    for code, status, comment in (
        ("RF1", "klart", ""),
        ("RF3", "pågår", ""),
        ("RF7", None, "Väntar på beslut."),
    ):
        row = cells(sheet, find_row(sheet, Kod=code))
        row["Status"].value, row["Kommentar"].value = status, comment

    result = followup_workbook_import(source=save(workbook), user=planner)

    assert result.ok, [str(p) for p in result.problems]
    client.force_login(planner)
    overview = client.get(reverse("followup:overview", args=[status_round.code])).content.decode()
    assert "Åtgärder per status och målområde" in overview
    assert "Andel gröna per målområde" not in overview
    total = overview[overview.index("<tfoot>", overview.index("status-counts")) :]
    total = total[: total.index("</tfoot>")]
    # ej påbörjat, pågår, klart, vilande, avbrutet, kommenterad, ej rapporterad (28 actions in all)
    assert [cell.split(">")[-1] for cell in total.split("</td>")[:-1]] == ["0", "1", "1", "0", "0", "1", "25"]
    not_reported = overview[overview.index('id="not-reported"') :]
    assert "kommenterad, ej bedömd" in not_reported
    assert "Väntar på beslut." in not_reported


def test_a_status_only_round_asks_the_page_for_no_assessment(client, reporter, status_round):
    client.force_login(reporter)

    page = client.get(reverse("followup:unit_report", args=[status_round.code, "FH"])).content.decode()

    rf1 = action("RF1")
    assert f'name="a{rf1.pk}-status"' in page
    assert f'name="a{rf1.pk}-colour"' not in page
    saved = client.post(
        reverse("followup:action_report", args=[status_round.code, rf1.pk]),
        {f"a{rf1.pk}-status": "done", f"a{rf1.pk}-version": 0, "unit": "FH"},
    )
    assert saved.status_code == 302
    assert (ActionReport.objects.get().status, ActionReport.objects.get().colour) == ("done", "")


def test_a_status_only_rounds_workbook_has_no_assessment_column_and_a_stray_one_is_refused(
    planner, status_round
):
    ruf = Unit.objects.get(code="RUF")
    workbook = load(followup_workbook_export(round=status_round, unit=ruf))
    headers = [cell.value for cell in workbook["Åtgärder"][1]]
    assert "Status" in headers
    assert "Bedömning" not in headers

    sheet = workbook["Åtgärder"]
    sheet.cell(row=1, column=len(headers) + 1, value="Bedömning")
    row = find_row(sheet, Kod="RF1")
    cells(sheet, row)["Status"].value = "klart"
    sheet.cell(row=row, column=len(headers) + 1, value="grön")
    result = followup_workbook_import(source=save(workbook), user=planner)

    assert [str(p) for p in result.problems] == [
        f"Blad Åtgärder, rad {row}, kolumn Bedömning: "
        "Den här uppföljningen frågar bara efter status, inte efter bedömning."
    ]
    assert not ActionReport.objects.exists()


def test_a_status_only_rounds_page_sums_up_per_status_not_in_share_green(client, planner, status_round):
    services.action_report_save(user=planner, round=status_round, action=action("RF1"), status="done")
    services.action_report_save(user=planner, round=status_round, action=action("RF3"), comment="Väntar.")
    client.force_login(planner)

    page = client.get(reverse("followup:round", args=[status_round.code])).content.decode()

    summary = page[page.index('<p class="summary">') :]
    summary = " ".join(summary[: summary.index("</p>")].split())
    assert summary == (
        '<p class="summary">28 åtgärder – klart: 1; kommenterad, ej bedömd: 1; ej rapporterad: 26.'
    )
    assert "gröna" not in summary
