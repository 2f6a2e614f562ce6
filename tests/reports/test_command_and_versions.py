"""`styrkort report` on the command line, and the final version of a round's report (issue 13)."""

import datetime as dt
import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("swedish")]


def test_the_command_writes_the_closed_rounds_final_report(full_demo, tmp_path):
    from openpyxl import load_workbook

    target = tmp_path / "rapport.xlsx"
    call_command(
        "report",
        "annual",
        "--round",
        "AR-2023-RUF",
        "--unit",
        "RUF",
        "--format",
        "xlsx",
        "--final",
        "-o",
        str(target),
    )

    cover = load_workbook(io.BytesIO(target.read_bytes()))["Rapport"]
    assert cover.cell(5, 1).value == "Diarienummer: RUF230038"


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["annual", "--round", "AR-2023-RUF"], "behöver --unit"),
        (
            ["annual", "--round", "NOPE", "--unit", "RUF"],
            "Det finns inget uppföljningstillfälle med koden NOPE",
        ),
        (["annual", "--round", "AR-2023-RUF", "--unit", "RS"], "RS rapporterar inte i den här uppföljningen"),
        (["action-plan", "--round", "AR-2023-RUF", "--plan", "RPB-2022"], "RPB-2022 följs inte upp"),
        (["indicators", "--plan", "NOPE"], "Det finns ingen plan med koden NOPE"),
    ],
)
def test_the_command_says_what_is_wrong_with_its_arguments(full_demo, arguments, message):
    with pytest.raises(CommandError, match=message):
        call_command("report", *arguments, "--format", "html")


def test_an_open_round_has_no_final_version_on_the_command_line_or_the_web(make_round, client, reader):
    make_round(
        "DR-2024",
        name="Delår 2024",
        kind="interim_2",
        as_of=dt.date(2024, 8, 31),
        deadline=dt.date(2024, 9, 15),
    )
    client.force_login(reader)
    url = reverse("reports:round_unit_file", args=["DR-2024", "RUF", "rapport", "pdf"])

    with pytest.raises(CommandError, match="DR-2024 är fortfarande öppen"):
        call_command("report", "annual", "--round", "DR-2024", "--unit", "RUF", "--final", "-o", "-")
    refused = client.get(url + "?version=final")
    page = client.get(reverse("reports:round_unit", args=["DR-2024", "RUF", "rapport"])).content.decode()

    assert refused.status_code == 409
    assert "DR-2024 är fortfarande öppen" in refused.content.decode()
    assert "Preliminär" in page
    assert url + '"' in page  # the open round's downloads are the preliminary version


def test_a_closed_rounds_downloads_are_its_final_version(client, reader, full_demo):
    client.force_login(reader)

    page = client.get(reverse("reports:round_unit", args=["AR-2023-RUF", "RUF", "rapport"])).content.decode()
    url = reverse("reports:round_unit_file", args=["AR-2023-RUF", "RUF", "rapport", "docx"])

    assert "Slutlig version" in page
    assert url + "?version=final" in page
    assert client.get(url + "?version=final").status_code == 200
