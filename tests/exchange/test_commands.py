from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from styrkort.demo.services import DEMO_WORKBOOK
from styrkort.plans.models import Action
from tests.people import superuser

from .conftest import load

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("swedish")]


def test_import_plan_dry_run_saves_nothing(db):
    out = StringIO()

    call_command("import-plan", str(DEMO_WORKBOOK), "--dry-run", "--user", superuser().username, stdout=out)

    assert "Åtgärder: 106 nya, 0 uppdaterade" in out.getvalue()
    assert "Provkörning: ingenting sparades." in out.getvalue()
    assert Action.objects.count() == 0


def test_import_plan_refuses_a_bad_file_and_names_the_problem(db, tmp_path):
    bad = tmp_path / "plan.xlsx"
    bad.write_text("inte en arbetsbok")
    err = StringIO()

    with pytest.raises(CommandError, match="ingenting sparades"):
        call_command("import-plan", str(bad), "--user", superuser().username, stderr=err)

    assert ".xlsx" in err.getvalue()


def test_export_plan_writes_the_workbook(demo, tmp_path):
    target = tmp_path / "out.xlsx"

    call_command("export-plan", "-o", str(target), stdout=StringIO())

    # the strategy the region plan serves comes first
    assert load(target.read_bytes())["Planer"]["A2"].value == "PRG-RUS"


@pytest.mark.slow(reason="the command loads the whole demo into an empty database, as `make run` does")
def test_demo_command_prints_the_logins(db):
    out = StringIO()

    call_command("demo", stdout=out)

    assert "planerare" in out.getvalue()
    assert "styrkort-demo" in out.getvalue()
