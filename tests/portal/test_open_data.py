"""Open data (issue 15): the public tables as CSV (for Excel in Swedish) and JSON, one indicator's
values, and the whole public plan as a ZIP with a description of its columns. Only published data."""

import csv
import io
import json
import zipfile

import pytest
from django.urls import reverse

from styrkort.followup.models import FollowUpRound, Measurement
from styrkort.plans.models import Indicator

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("swedish")]


def rows_of(response) -> list[dict]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")  # Excel reads UTF-8 only with its mark
    return list(csv.DictReader(io.StringIO(text[1:]), delimiter=";"))


def test_an_indicators_values_are_the_seeds_with_unit_series_and_year(client, full_demo):
    """Seed 002: young people with good mental health 2023, 40 % (Pojkar 49, Flickor 31); target > 41 %."""
    response = client.get(reverse("portal:indicator_data", args=["RUF-2023", "RUF-I1.4", "csv"]))
    rows = rows_of(response)
    outcomes = {(r["serie"], r["ar"]): r["varde"] for r in rows if r["typ"] == "utfall"}

    assert response["Content-Disposition"] == 'attachment; filename="RUF-2023-RUF-I1.4.csv"'
    assert outcomes[("Totalt", "2023")] == "40"
    assert outcomes[("Pojkar", "2023")] == "49"
    assert outcomes[("Flickor", "2023")] == "31"
    assert {r["enhet"] for r in rows} == {"%"}
    target = next(r for r in rows if r["typ"] == "målvärde" and r["ar"] == "2023")
    assert (target["jamforelse"], target["varde"]) == (">", "41")
    assert {r["uppfoljning"] for r in rows if r["typ"] == "utfall"} == {"AR-2023-RUF"}


def test_a_value_of_a_round_not_published_is_in_no_file(client, full_demo):
    Measurement.objects.create(
        indicator=Indicator.objects.get(code="RUF-I1.4"),
        period=2024,
        value=77,
        round=FollowUpRound.objects.get(code="DR1-2024-RUF"),  # open
    )

    csv_rows = rows_of(client.get(reverse("portal:open_data", args=["PRG-RUS", "varden", "csv"])))
    archive = zipfile.ZipFile(
        io.BytesIO(client.get(reverse("portal:open_data_zip", args=["PRG-RUS"])).content)
    )

    assert not [r for r in csv_rows if r["ar"] == "2024"]
    assert "2024" not in archive.read("varden.json").decode()


def test_the_activities_table_carries_the_published_assessment_and_narrows_to_a_goal_area(client, full_demo):
    url = reverse("portal:open_data", args=["PRG-RUS", "aktiviteter", "json"])
    document = json.loads(client.get(url, {"malomrade": "RUS-MO2"}).content)

    assert document["licens"].startswith("CC0")
    assert [row["kod"] for row in document["rader"]] == ["RF8", "RF11", "RUN 4"]
    assert document["rader"][0]["bedomning"] == "grön – enligt plan"
    assert document["rader"][0]["uppfoljning"] == "AR-2023-RUF"
    assert {c["namn"] for c in document["kolumner"]} >= {"kod", "bedomning", "kommentar"}


def test_the_zip_holds_every_table_in_both_formats_and_a_readme_of_the_columns(client, full_demo):
    archive = zipfile.ZipFile(
        io.BytesIO(client.get(reverse("portal:open_data_zip", args=["PRG-RUS"])).content)
    )
    readme = archive.read("LASMIG.txt").decode("utf-8-sig")

    assert sorted(archive.namelist()) == sorted(
        [
            "LASMIG.txt",
            *(f"{t}.{f}" for t in ("varden", "indikatorer", "aktiviteter") for f in ("csv", "json")),
        ]
    )
    assert "serie: Indelning" in readme
    assert "Licens: CC0" in readme
    indicators = list(
        csv.DictReader(io.StringIO(archive.read("indikatorer.csv").decode("utf-8-sig")), delimiter=";")
    )
    youth = next(r for r in indicators if r["kod"] == "RUF-I1.4")
    assert youth["status"] == "målet nås inte"


def test_a_plan_that_is_not_public_has_no_open_data(client, full_demo):
    assert client.get(reverse("portal:open_data_zip", args=["VP-RU-2020"])).status_code == 404
    assert client.get(reverse("portal:open_data", args=["PRG-RUS", "hemligt", "csv"])).status_code == 404
