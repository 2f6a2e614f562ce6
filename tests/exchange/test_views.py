import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from styrkort.demo.services import DEMO_WORKBOOK
from styrkort.plans.models import Action

from .conftest import load, save

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("swedish")]

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def upload(content: bytes, name: str = "plan.xlsx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=XLSX)


@pytest.mark.slow(reason="the page checks and then saves the whole demo workbook: two whole imports")
def test_planner_checks_then_confirms_a_workbook(client, planner, demo_workbook):
    sheet = demo_workbook["Åtgärder"]
    sheet.append(["RUF-2023", "RUN 10", "En ny åtgärd från planeraren", "2024", "LS", "MO4", "", "", "", 30])
    client.force_login(planner)
    url = reverse("exchange:import")

    preview = client.post(url, {"workbook": upload(save(demo_workbook))}, follow=True)

    assert preview.redirect_chain[0][0].startswith("/importer/")  # the demo's 33 KB: in the background
    assert preview.status_code == 200
    assert not Action.objects.filter(code="RUN 10").exists()
    token = preview.context["token"]
    assert preview.context["result"].counts["Åtgärder"].created == 1

    saved = client.post(url, {"token": token}, follow=True)

    assert saved.redirect_chain[-1][0] == reverse("plans:plan_list")
    assert "Arbetsboken sparades: 1 nya, " in saved.content.decode()
    assert Action.objects.get(plan__code="RUF-2023", code="RUN 10").text == "En ny åtgärd från planeraren"


@pytest.mark.slow(reason="the page reads the whole demo workbook before it names the bad cell")
def test_bad_workbook_lists_problems_and_saves_nothing(client, planner, demo_workbook):
    demo_workbook["Indikatorer"]["B2"] = "RP-9.9"
    client.force_login(planner)

    response = client.post(reverse("exchange:import"), {"workbook": upload(save(demo_workbook))}, follow=True)

    html = response.content.decode()
    assert response.status_code == 422
    assert "Ingenting sparades." in html
    assert "Det finns inget mål med koden RP-9.9." in html
    assert response.context["token"] is None


def test_non_xlsx_upload_is_refused_with_a_message(client, planner):
    client.force_login(planner)

    response = client.post(reverse("exchange:import"), {"workbook": upload(b"%PDF-1.4 not a workbook")})

    assert response.status_code == 422
    assert "Filen är inte en Excel-arbetsbok (.xlsx)." in response.content.decode()


def test_confirm_with_a_stale_token_saves_nothing(client, planner):
    client.force_login(planner)

    response = client.post(
        reverse("exchange:import"), {"token": "00000000-0000-0000-0000-000000000000"}, follow=True
    )

    assert "Den kontrollerade filen finns inte längre kvar." in response.content.decode()


@pytest.mark.parametrize("role_fixture", ["reader", "reporter"])
def test_only_planners_and_administrators_may_import(client, demo, request, role_fixture):
    client.force_login(request.getfixturevalue(role_fixture))
    before = Action.objects.count()

    response = client.post(reverse("exchange:import"), {"workbook": upload(DEMO_WORKBOOK.read_bytes())})

    assert response.status_code == 403
    assert Action.objects.count() == before


def test_anonymous_cannot_import(client, demo):
    response = client.get(reverse("exchange:import"))

    assert response.status_code == 302


def test_download_is_the_plan_workbook(client, reader):
    client.force_login(reader)

    response = client.get(reverse("exchange:download"))

    assert response["Content-Type"] == XLSX
    assert response["Content-Disposition"].startswith('attachment; filename="planarbetsbok-')
    workbook = load(response.content)
    codes = [row[1] for row in workbook["Åtgärder"].iter_rows(min_row=2, values_only=True)]
    assert "RUN 6" in codes
