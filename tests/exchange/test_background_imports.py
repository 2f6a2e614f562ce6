"""Large uploads are checked and saved by the background worker, on the real database queue, while the
page says how far it has come (issue 11). Small ones run at once (the other page tests)."""

import uuid
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from styrkort.exchange.jobs import job_progress, result_from_json, result_to_json
from styrkort.exchange.models import ImportJob
from styrkort.exchange.services import plan_workbook_import
from styrkort.plans.models import Action
from tests.people import superuser

from .conftest import find_row, save

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("swedish")]

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def worker() -> None:
    """`styrkort db_worker` as it runs in production, until the queue is empty."""
    call_command(
        "db_worker", "--batch", "--no-startup-delay", "--no-reload", stdout=StringIO(), stderr=StringIO()
    )


@pytest.mark.django_db(transaction=True)
def test_the_worker_checks_then_saves_a_large_workbook_while_the_page_waits(
    client, planner, demo_workbook, settings
):
    settings.TASKS = DATABASE_QUEUE
    actions = demo_workbook["Åtgärder"]
    actions.cell(row=find_row(actions, Plan="RUF-2023", Kod="RUN 6"), column=3, value="RUF uppdaterar RUS.")
    content = save(demo_workbook)
    assert len(content) > settings.BACKGROUND_IMPORT_KB * 1024
    client.force_login(planner)
    url = reverse("exchange:import")

    started = client.post(url, {"workbook": SimpleUploadedFile("plan.xlsx", content, content_type=XLSX)})

    job_url = started["Location"]
    assert job_url.startswith("/importer/")
    assert "Väntar på sin tur." in client.get(job_url).content.decode()
    worker()
    preview = client.get(job_url, follow=True)
    assert preview.redirect_chain[-1][0].startswith(f"{url}?jobb=")
    assert preview.context["result"].ok
    assert Action.objects.get(plan__code="RUF-2023", code="RUN 6").text != "RUF uppdaterar RUS."

    confirmed = client.post(url, {"token": preview.context["token"]})
    assert confirmed["Location"].startswith("/importer/")
    worker()
    done = client.get(confirmed["Location"], follow=True)

    assert done.redirect_chain[-1][0] == reverse("plans:plan_list")
    assert "Arbetsboken sparades: 0 nya," in done.content.decode()
    assert Action.objects.get(plan__code="RUF-2023", code="RUN 6").text == "RUF uppdaterar RUS."
    assert ImportJob.objects.filter(state=ImportJob.State.DONE).count() == 2


def test_a_finished_job_sends_the_polling_page_on_and_is_nobody_elses(client, planner, reader, demo_workbook):
    client.force_login(planner)
    upload = SimpleUploadedFile("plan.xlsx", save(demo_workbook), content_type=XLSX)
    job_url = client.post(reverse("exchange:import"), {"workbook": upload})["Location"]

    polled = client.get(job_url, HTTP_HX_REQUEST="true")

    assert polled["HX-Redirect"].startswith(reverse("exchange:import") + "?jobb=")
    client.force_login(reader)
    assert client.get(job_url).status_code == 404


def test_a_bomb_is_refused_at_once_not_queued(client, planner):
    from .test_upload_limits import bomb

    client.force_login(planner)

    response = client.post(
        reverse("exchange:import"), {"workbook": SimpleUploadedFile("plan.xlsx", bomb(), content_type=XLSX)}
    )

    assert response.status_code == 422
    assert not ImportJob.objects.exists()


def test_an_import_says_how_far_it_has_come_every_hundred_rows(demo, demo_workbook):
    reports = []

    plan_workbook_import(
        source=save(demo_workbook), user=superuser(), dry_run=True, progress=lambda *at: reports.append(at)
    )

    assert ("Åtgärder", 100) in reports


def test_the_job_page_shows_the_progress_the_worker_wrote(client, planner, demo):
    from styrkort.exchange.jobs import _progress_writer

    job = ImportJob.objects.create(
        kind=ImportJob.Kind.PLAN,
        stage=ImportJob.Stage.CHECK,
        user=planner,
        token=uuid.uuid4(),
        language="sv",
        state=ImportJob.State.RUNNING,
    )
    _progress_writer(job)("Åtgärder", 300)
    client.force_login(planner)

    page = client.get(reverse("exchange:job", args=[job.pk])).content.decode()

    assert job_progress(job).rows == 300
    assert "Blad Åtgärder: 300 rader lästa." in page


def test_a_stored_result_reads_back_as_it_was(demo, demo_workbook):
    demo_workbook["Indikatorer"]["B2"] = "RP-9.9"
    result = plan_workbook_import(source=save(demo_workbook), user=superuser(), dry_run=True)

    again = result_from_json(result_to_json(result))

    assert [str(p) for p in again.problems] == [str(p) for p in result.problems]
    assert again.counts == result.counts


def test_a_checked_job_is_confirmed_after_logging_in_again(client, planner, demo_workbook):
    client.force_login(planner)
    upload = SimpleUploadedFile("plan.xlsx", save(demo_workbook), content_type=XLSX)
    preview = client.post(reverse("exchange:import"), {"workbook": upload}, follow=True)
    token = preview.context["token"]
    client.logout()
    client.force_login(planner)

    confirmed = client.post(reverse("exchange:import"), {"token": token}, follow=True)

    assert confirmed.redirect_chain[-1][0] == reverse("plans:plan_list")


def test_someone_elses_checked_file_is_not_confirmed(client, planner, administrator, demo_workbook):
    client.force_login(planner)
    upload = SimpleUploadedFile("plan.xlsx", save(demo_workbook), content_type=XLSX)
    token = client.post(reverse("exchange:import"), {"workbook": upload}, follow=True).context["token"]
    client.force_login(administrator)

    refused = client.post(reverse("exchange:import"), {"token": token}, follow=True)

    assert "Den kontrollerade filen finns inte längre kvar." in refused.content.decode()
    assert ImportJob.objects.filter(stage=ImportJob.Stage.SAVE).count() == 0
