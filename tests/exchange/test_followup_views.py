"""The follow-up workbook pages: download for readers, check-preview-confirm for those who report."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from styrkort.exchange.services import followup_workbook_export
from styrkort.followup.models import ActionReport
from styrkort.org.models import Unit

from .conftest import cells, load, save

pytestmark = pytest.mark.integration

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def download_url(round_code: str, unit_code: str) -> str:
    return reverse("exchange:followup_download", args=[round_code, unit_code])


def import_url(round_code: str, unit_code: str) -> str:
    return reverse("exchange:followup_import", args=[round_code, unit_code])


def upload(content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile("uppfoljning.xlsx", content, content_type=XLSX)


def filled_workbook(followup_round, unit_code: str) -> bytes:
    """The unit's workbook with its first action reported."""
    workbook = load(followup_workbook_export(round=followup_round, unit=Unit.objects.get(code=unit_code)))
    row = cells(workbook["Åtgärder"], 2)
    row["Status"].value, row["Bedömning"].value, row["Kommentar"].value = "klart", "grön", "Klart i maj."
    return save(workbook)


# --- download ----------------------------------------------------------------------------------


def test_a_reader_downloads_a_units_workbook(client, reader, followup_round):
    client.force_login(reader)

    response = client.get(download_url("TEST-AR-2023", "FH"))

    assert response.status_code == 200
    assert response["Content-Type"] == XLSX
    assert response["Content-Disposition"] == 'attachment; filename="uppfoljning-test-ar-2023-fh.xlsx"'
    workbook = load(response.content)
    assert [workbook["Uppföljning"]["B2"].value, workbook["Uppföljning"]["B3"].value] == [
        "TEST-AR-2023",
        "FH",
    ]
    assert workbook["Åtgärder"]["B2"].value == "RF1"


@pytest.mark.parametrize(
    ("round_code", "unit_code"),
    [("TEST-AR-2023", "RS"), ("TEST-AR-2023", "XYZ"), ("NO-SUCH-ROUND", "FH")],
    ids=["unit outside the round", "no such unit", "no such round"],
)
def test_download_of_something_that_is_not_there_is_404(
    client, reader, followup_round, round_code, unit_code
):
    client.force_login(reader)

    assert client.get(download_url(round_code, unit_code)).status_code == 404


def test_anonymous_is_asked_to_log_in(client, followup_round):
    assert client.get(download_url("TEST-AR-2023", "FH")).status_code == 302
    assert client.get(import_url("TEST-AR-2023", "FH")).status_code == 302


# --- import ------------------------------------------------------------------------------------


def test_a_reporter_checks_then_confirms_their_departments_workbook(client, reporter, followup_round):
    client.force_login(reporter)
    url = import_url("TEST-AR-2023", "FH")

    preview = client.post(url, {"workbook": upload(filled_workbook(followup_round, "FH"))})

    assert preview.status_code == 200
    assert preview.context["result"].counts["Åtgärder"].created == 1
    assert not ActionReport.objects.exists()

    saved = client.post(url, {"token": preview.context["token"]})

    assert saved.status_code == 302
    assert saved["Location"] == reverse("followup:unit_report", args=["TEST-AR-2023", "FH"])
    report = ActionReport.objects.get()
    assert (report.action.code, report.status, report.comment, report.reported_by) == (
        "RF1",
        "done",
        "Klart i maj.",
        reporter,
    )


def test_the_import_page_shows_the_upload_form(client, reporter, followup_round):
    client.force_login(reporter)

    response = client.get(import_url("TEST-AR-2023", "FH"))

    assert response.status_code == 200
    assert download_url("TEST-AR-2023", "FH") in response.content.decode()


@pytest.mark.parametrize(
    ("person", "unit_code"),
    [("reader", "FH"), ("reporter", "RUF"), ("reporter", "VF")],
    ids=["reader", "department reporter on the administration", "department reporter on a sibling"],
)
def test_only_those_who_report_for_the_unit_may_import(client, request, followup_round, person, unit_code):
    client.force_login(request.getfixturevalue(person))
    url = import_url("TEST-AR-2023", unit_code)

    assert client.get(url).status_code == 403
    assert (
        client.post(url, {"workbook": upload(filled_workbook(followup_round, unit_code))}).status_code == 403
    )
    assert not ActionReport.objects.exists()


def test_a_workbook_for_another_round_is_refused_on_the_page(client, planner, followup_round, other_round):
    client.force_login(planner)

    response = client.post(
        import_url(other_round.code, "FH"), {"workbook": upload(filled_workbook(followup_round, "FH"))}
    )

    assert response.status_code == 422
    assert response.context["token"] is None
    [problem] = response.context["result"].problems
    assert (problem.sheet, problem.row, problem.column) == ("Uppföljning", 2, "Värde")
    assert "TEST-AR-2023" in problem.message
    assert "TEST-DR1-2024" in problem.message
    assert problem.message in response.content.decode()
    assert not ActionReport.objects.exists()


def test_a_file_that_is_not_a_workbook_is_refused_on_the_page(client, reporter, followup_round):
    client.force_login(reporter)

    response = client.post(import_url("TEST-AR-2023", "FH"), {"workbook": upload(b"%PDF-1.4 not a workbook")})

    assert response.status_code == 422
    assert "Filen är inte en Excel-arbetsbok (.xlsx)." in response.content.decode()


def test_confirm_with_a_stale_token_saves_nothing(client, reporter, followup_round):
    client.force_login(reporter)

    response = client.post(
        import_url("TEST-AR-2023", "FH"), {"token": "00000000-0000-0000-0000-000000000000"}
    )

    assert response.status_code == 302
    assert response["Location"] == import_url("TEST-AR-2023", "FH")
    assert not ActionReport.objects.exists()


def test_the_preview_lists_what_others_changed_since_the_download_and_overwriting_is_a_choice(
    client, reporter, planner, followup_round
):
    from styrkort.followup.services import action_report_save

    downloaded = filled_workbook(followup_round, "FH")  # RF1 "Klart i maj.", on a report it never saw
    rf1 = ActionReport._meta.get_field("action").related_model.objects.get(plan__code="RUF-2023", code="RF1")
    action_report_save(user=planner, round=followup_round, action=rf1, status="in_progress", colour="green")
    client.force_login(reporter)
    url = import_url(followup_round.code, "FH")

    preview = client.post(url, {"workbook": upload(downloaded)})

    page = preview.content.decode()
    assert "Ändrade av någon annan sedan filen laddades ner" in page
    assert "petra sparade detta" in page
    assert 'name="overwrite"' in page
    client.post(url, {"token": preview.context["token"]})
    assert ActionReport.objects.get().status == "in_progress"  # left as the planner saved it

    preview = client.post(url, {"workbook": upload(downloaded)})
    client.post(url, {"token": preview.context["token"], "overwrite": "on"})
    assert (ActionReport.objects.get().status, ActionReport.objects.get().reported_by) == ("done", reporter)
