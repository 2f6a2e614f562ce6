"""What a person may change through the plan workbook: a planner their units' plans and what belongs
to them; units, owners and other plans are the administrator's. The attack came from a planner at RUF
who downloaded the register, changed it and uploaded it (issue 11)."""

from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from styrkort.exchange.services import plan_workbook_import
from styrkort.org.models import Unit
from styrkort.plans.models import Action, Plan

from .conftest import find_row, save

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("swedish")]

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def problems(result) -> list[str]:
    return [str(problem) for problem in result.problems]


def set_cell(sheet, row: int, header: str, value) -> None:
    headers = [cell.value for cell in sheet[1]]
    sheet.cell(row=row, column=headers.index(header) + 1, value=value)


def test_a_planner_uploads_the_whole_register_with_others_plans_left_as_they_are(planner, demo_workbook):
    actions = demo_workbook["Åtgärder"]
    set_cell(actions, find_row(actions, Plan="RUF-2023", Kod="RUN 6"), "Text", "RUF uppdaterar RUS.")

    result = plan_workbook_import(source=save(demo_workbook), user=planner)

    assert result.ok, problems(result)
    assert Action.objects.get(plan__code="RUF-2023", code="RUN 6").text == "RUF uppdaterar RUS."
    assert result.counts["Åtgärder"].created == 0


def test_a_planner_may_not_rename_the_region_plan(planner, demo_workbook):
    plans = demo_workbook["Planer"]
    set_cell(plans, find_row(plans, Kod="RPB-2022"), "Namn", "Vår regionplan")

    result = plan_workbook_import(source=save(demo_workbook), user=planner)

    assert problems(result) == [
        "Blad Planer, rad 3: Du får inte ändra planen RPB-2022: den ägs av Regionfullmäktige."
    ]
    assert Plan.objects.get(code="RPB-2022").name == "Regionplan och budget 2022–2024"


def test_a_planner_may_not_take_over_the_region_plan(planner, demo_workbook):
    plans = demo_workbook["Planer"]
    set_cell(plans, find_row(plans, Kod="RPB-2022"), "Ägare", "RUF")

    result = plan_workbook_import(source=save(demo_workbook), user=planner)

    assert "Blad Planer, rad 3: Du får inte ändra planen RPB-2022: den ägs av Regionfullmäktige." in (
        problems(result)
    )
    assert Plan.objects.get(code="RPB-2022").owner.code == "RF"


def test_a_planner_may_not_give_their_plan_to_another_unit(planner, demo_workbook):
    plans = demo_workbook["Planer"]
    set_cell(plans, find_row(plans, Kod="RUF-2023"), "Ägare", "RS")

    result = plan_workbook_import(source=save(demo_workbook), user=planner)

    assert problems(result)[0].endswith(
        "Du får inte låta Regionstyrelsen äga planen RUF-2023: bara dina egna enheter och de under dem."
    )
    assert Plan.objects.get(code="RUF-2023").owner.code == "RUF"


def test_a_planner_may_not_move_a_board_in_the_unit_tree(planner, demo_workbook):
    units = demo_workbook["Enheter"]
    row = find_row(units, Kod="HMN")
    set_cell(units, row, "Överordnad", "RUF")

    result = plan_workbook_import(source=save(demo_workbook), user=planner)

    assert problems(result) == [
        f"Blad Enheter, rad {row}: "
        "Bara en administratör lägger upp och ändrar enheter och enhetsträdet (HMN)."
    ]
    assert Unit.objects.get(code="HMN").parent.code == "RF"


def test_a_planner_may_not_add_actions_to_the_region_plan(planner, demo_workbook):
    demo_workbook["Åtgärder"].append(["RPB-2022", "X1", "En åtgärd i regionplanen", "2024", "RUF"])

    result = plan_workbook_import(source=save(demo_workbook), user=planner)

    assert problems(result)[-1].endswith("Du får inte ändra planen RPB-2022: den ägs av Regionfullmäktige.")
    assert not Action.objects.filter(code="X1").exists()


def test_a_planner_sets_up_a_plan_for_a_department_of_their_own(planner, demo_workbook):
    demo_workbook["Planer"].append(
        ["VP-FH-2024", "Verksamhetsplan 2024, Folkhälsa", "verksamhetsplan", "FH", 2024, 2024, "", "utkast"]
    )

    result = plan_workbook_import(source=save(demo_workbook), user=planner)

    assert result.ok, problems(result)
    assert Plan.objects.get(code="VP-FH-2024").owner.code == "FH"


def test_an_administrator_changes_anything(administrator, demo_workbook):
    plans, units = demo_workbook["Planer"], demo_workbook["Enheter"]
    set_cell(plans, find_row(plans, Kod="RPB-2022"), "Namn", "Regionplan och budget 2022–2025")
    set_cell(units, find_row(units, Kod="HMN"), "Namn", "Hjälpmedelsnämnden i Västmanland")

    result = plan_workbook_import(source=save(demo_workbook), user=administrator)

    assert result.ok, problems(result)
    assert Plan.objects.get(code="RPB-2022").name == "Regionplan och budget 2022–2025"
    assert Unit.objects.get(code="HMN").name == "Hjälpmedelsnämnden i Västmanland"


def test_the_page_refuses_a_planners_change_of_another_units_plan(client, planner, demo_workbook):
    plans = demo_workbook["Planer"]
    set_cell(plans, find_row(plans, Kod="RPB-2022"), "Namn", "Vår regionplan")
    client.force_login(planner)
    upload = SimpleUploadedFile("plan.xlsx", save(demo_workbook), content_type=XLSX)

    response = client.post(reverse("exchange:import"), {"workbook": upload}, follow=True)

    assert response.status_code == 422
    assert "Du får inte ändra planen RPB-2022: den ägs av Regionfullmäktige." in response.content.decode()
    assert Plan.objects.get(code="RPB-2022").name == "Regionplan och budget 2022–2024"


def test_the_command_imports_as_the_person_it_names(planner, demo_workbook, tmp_path):
    plans = demo_workbook["Planer"]
    set_cell(plans, find_row(plans, Kod="RPB-2022"), "Namn", "Vår regionplan")
    path = tmp_path / "plan.xlsx"
    path.write_bytes(save(demo_workbook))
    err = StringIO()

    with pytest.raises(CommandError, match="ingenting sparades"):
        call_command("import-plan", str(path), "--user", planner.username, stderr=err, stdout=StringIO())
    with pytest.raises(CommandError, match="--user"):
        call_command("import-plan", str(path), stdout=StringIO())

    assert "Du får inte ändra planen RPB-2022" in err.getvalue()
    assert Plan.objects.get(code="RPB-2022").name == "Regionplan och budget 2022–2024"
