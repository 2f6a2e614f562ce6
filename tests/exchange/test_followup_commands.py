"""export-followup and import-followup: what a municipality's script runs."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from styrkort.followup.models import ActionReport

from .conftest import cells, load, save

pytestmark = pytest.mark.integration


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def exported(followup_round, tmp_path):
    target = tmp_path / "fh.xlsx"
    call_command(
        "export-followup", "--round", "TEST-AR-2023", "--unit", "FH", "-o", str(target), stdout=StringIO()
    )
    return target


def fill_first_action(path, status: str = "pågår") -> None:
    workbook = load(path.read_bytes())
    row = cells(workbook["Åtgärder"], 2)
    row["Status"].value, row["Bedömning"].value, row["Kommentar"].value = status, "grön", "Enligt plan."
    path.write_bytes(save(workbook))


def test_export_followup_writes_the_units_workbook(exported):
    workbook = load(exported.read_bytes())

    assert workbook["Uppföljning"]["B2"].value == "TEST-AR-2023"
    assert workbook["Åtgärder"]["B2"].value == "RF1"


def test_export_followup_names_an_unknown_round(demo, tmp_path):
    with pytest.raises(CommandError, match="There is no follow-up round with the code AR-1999"):
        call_command("export-followup", "--round", "AR-1999", "--unit", "FH", "-o", str(tmp_path / "x.xlsx"))


def test_export_followup_refuses_a_unit_outside_the_round(followup_round, tmp_path):
    with pytest.raises(CommandError, match="The unit RS does not report in the round TEST-AR-2023"):
        call_command(
            "export-followup", "--round", "TEST-AR-2023", "--unit", "RS", "-o", str(tmp_path / "x.xlsx")
        )


def test_import_followup_in_a_reporters_name(exported, reporter):
    fill_first_action(exported)
    out = StringIO()

    call_command("import-followup", str(exported), "--user", "rasmus", stdout=out)

    assert out.getvalue().splitlines()[:2] == ["TEST-AR-2023 / FH", "Åtgärder: 1 new, 0 updated"]
    assert ActionReport.objects.get().reported_by == reporter


def test_import_followup_dry_run_saves_nothing(exported, reporter):
    fill_first_action(exported)
    out = StringIO()

    call_command("import-followup", str(exported), "--dry-run", "--user", "rasmus", stdout=out)

    assert "Dry run: nothing was saved." in out.getvalue()
    assert not ActionReport.objects.exists()


def test_import_followup_asks_who_imports(exported, reporter):
    fill_first_action(exported)

    with pytest.raises(CommandError, match="Give --user USERNAME"):
        call_command("import-followup", str(exported))

    assert not ActionReport.objects.exists()


def test_import_followup_names_an_unknown_user(exported):
    with pytest.raises(CommandError, match="There is no active user with the username nobody"):
        call_command("import-followup", str(exported), "--user", "nobody")


def test_import_followup_prints_the_problems_and_saves_nothing(exported, reporter):
    fill_first_action(exported, status="nästan klart")
    err = StringIO()

    with pytest.raises(CommandError, match="1 problem"):
        call_command("import-followup", str(exported), "--user", "rasmus", stderr=err)

    assert err.getvalue().startswith("Sheet Åtgärder, row 2, column Status: nästan klart is not one of")
    assert not ActionReport.objects.exists()
