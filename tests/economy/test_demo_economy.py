"""The demo's economy and staff for the annual report 2023 equal seed 002's, from the imported files.

Figures are the seed's (/work/shared/seeds/002_*.txt, "Resultaträkning", "Verksamheter",
"Investeringsprojekt", "Åtgärdsplan ekonomi i balans", "Sjukfrånvaro %"), not read from our files.
"""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from styrkort.economy.models import LedgerEntry, StaffFigure
from styrkort.followup.models import FollowUpRound, Measurement

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("swedish")]


def log_in(client, username: str) -> None:
    """Through the login page with the demo's published password, as a visitor of the demo would."""
    response = client.post(reverse("login"), {"username": username, "password": "styrkort-demo"})
    assert response.status_code == 302, response.content.decode()[:300]


def cells(html: str, heading: str) -> list[str]:
    """The cells of the table row whose header cell is `heading`, as text."""
    row = re.search(
        rf"<tr[^>]*><th scope=\"row\">(?:<a [^>]*>)?{re.escape(heading)}(?:</a>)?</th>(.*?)</tr>", html, re.S
    )
    assert row, heading
    return [
        re.sub(r"<[^>]+>", "", cell).strip()
        for cell in re.findall(r"<td[^>]*>(.*?)</td>", row.group(1), re.S)
    ]


@pytest.fixture
def page(client, full_demo):
    log_in(client, "lasare")
    response = client.get(reverse("economy:page", args=["AR-2023-RUF", "RUF"]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_income_statement_is_the_seeds(page):
    # Columns: Budget 2023, Utfall 2023, Utfall 2022 (seed: "Bokslut 2023", "Bokslut 2022*", "Budget 2023"),
    # and the deviation from budget, which the seed does not print (outcome − budget at the year end).
    assert '<th scope="col" class="num">Budget 2023</th>' in page
    assert cells(page, "Summa intäkter") == ["240,1", "310,0", "291,9", "69,9"]
    assert cells(page, "Summa kostnader") == ["−240,1", "−309,0", "−290,6", "−68,9"]
    assert cells(page, "Resultat") == ["0,0", "1,0", "1,3", "1,0"]
    assert cells(page, "Personalkostnader") == ["−95,9", "−93,9", "−87,1", "2,0"]
    assert cells(page, "Lämnade bidrag") == ["−86,8", "−141,5", "−128,9", "−54,7"]
    assert cells(page, "Regionersättning") == ["167,0", "209,9", "189,7", "42,9"]


def test_a_department_shows_its_own_result_only(client, full_demo):
    log_in(client, "lasare")
    html = client.get(reverse("economy:page", args=["AR-2023-RUF", "FH"])).content.decode()

    assert cells(html, "Resultat") == ["1,0", "1,6"]
    assert "Summa intäkter" not in html


def test_the_department_results_are_the_seeds(page):
    assert cells(page, "Folkhälsa") == ["4,8", "2,0", "1,6", "1,0"]
    assert cells(page, "Mobilitetsstöd") == ["−0,3", "−0,2", "0,1", "−1,5"]
    assert cells(page, "Hållbarhet") == ["−2,1", "0,9", "−0,9", "–"]  # moved to Regionkontoret in 2023
    assert cells(page, "Summa Regionala utvecklingsförvaltningen") == ["0,1", "0,0", "0,4", "1,0"]


def test_investments_carry_over_the_seeds_07(page):
    assert cells(page, "Övriga maskiner och inventarier") == ["0,6", "0,1", "0,5"]
    assert cells(page, "Summa") == ["1,3", "0,6", "0,7"]
    assert "0,7 mnkr förs över till 2024." in page


def test_savings_measures_keep_two_decimals_where_the_seed_has_them(page):
    assert cells(page, "Minskning av resor och konferenser") == ["2024", "RUF", "0,07", "–", ""]
    assert cells(page, "Intern rekrytering till projektledartjänst")[:3] == [
        "2024",
        "Samhällsutveckling",
        "0,5",
    ]


def test_sick_leave_is_the_seeds(page):
    assert "Total sjukfrånvaro <strong>5,3 %</strong> (2022: 5,5 %)" in page
    assert cells(page, "Sjukdag 1-14") == ["1,9", "2,3"]
    assert cells(page, "Sjukdag 366-") == ["1,3", "1,1"]
    assert cells(page, "Kvinnor") == ["5,3", "6,2"]
    assert cells(page, "Anställda 50 år -") == ["8,5", "5,7"]
    assert "2022 inkl. Hållbarhet med som från 2023 tillhör Regionkontoret" in page


def test_the_figures_came_through_the_import(full_demo):
    assert LedgerEntry.objects.filter(unit__code="RUF", year=2023, kind="outcome").count() == 14 + 3
    assert StaffFigure.objects.count() == 20
    assert (
        LedgerEntry.history.filter(history_user__username="planerare").count() == LedgerEntry.objects.count()
    )


def test_linked_indicators_take_their_measurements_from_the_figures(full_demo):
    """Sjukfrånvaro and Ekonomiskt resultat are entered once, in the import; the seed prints 5,3 % and
    +1,0 mnkr for 2023."""
    values = {
        (m.indicator.code, m.period, m.breakdown.name if m.breakdown else "Totalt"): m.value
        for m in Measurement.objects.filter(indicator__code__in=["RUF-I5.2", "RUF-I6.1"]).select_related(
            "indicator", "breakdown"
        )
    }
    assert values["RUF-I5.2", 2023, "Totalt"] == Decimal("5.3")
    assert values["RUF-I5.2", 2022, "Totalt"] == Decimal("5.5")
    assert values["RUF-I5.2", 2023, "Anställda 50 år -"] == Decimal("8.5")
    assert values["RUF-I6.1", 2023, "Totalt"] == Decimal("1.0")
    assert values["RUF-I6.1", 2022, "Totalt"] == Decimal("1.3")
    assert len(values) == 22
    snapshot = FollowUpRound.objects.get(code="AR-2023-RUF").snapshot
    assert "RUF-I5.2" in str(snapshot)


def test_the_units_comments_on_economy_and_staff_are_the_seeds(page):
    assert "Höga kostnader för mobilitetsstöd utan full finansiering, -1,5 mnkr" in page
    assert "kvarvarande investeringsmedel som förs över till 2024 är 0,7 mnkr" in page
    assert "Tärna folkhögskola har nyttjat timvikarier för att täcka upp vid sjukskrivning." in page


def test_the_excel_download_has_the_same_figures(client, full_demo):
    """The same report as the page, as numbers a spreadsheet can sum; read back with openpyxl."""
    import io

    from openpyxl import load_workbook

    log_in(client, "lasare")
    response = client.get(
        reverse("reports:round_unit_file", args=["AR-2023-RUF", "RUF", "ekonomi-och-personal", "xlsx"])
    )
    assert (
        response["Content-Disposition"] == 'attachment; filename="ekonomi-och-personal-ar-2023-ruf-ruf.xlsx"'
    )
    workbook = load_workbook(io.BytesIO(response.content))

    assert workbook.sheetnames[:5] == [
        "Rapport",
        "Resultaträkning",
        "Resultat per verksamhet",
        "Investeringar",
        "Åtgärdsplan ekonomi i balans",
    ]
    statement = {
        row[0]: row[1:] for row in workbook["Resultaträkning"].iter_rows(min_row=2, values_only=True)
    }
    assert [round(v, 1) for v in statement["Summa kostnader"]] == [-240.1, -309.0, -290.6, -68.9]
    assert [round(v, 1) for v in statement["Resultat"]] == [0.0, 1.0, 1.3, 1.0]
    investments = list(workbook["Investeringar"].iter_rows(values_only=True))
    assert investments[-1][0] == "Summa"
    assert round(investments[-1][3], 1) == 0.7
    savings = list(workbook["Åtgärdsplan ekonomi i balans"].iter_rows(values_only=True))
    assert savings[4][3] == 0.07
    staff = {
        row[0]: row[1:3] for row in workbook["Sjukfrånvaro, procent"].iter_rows(min_row=2, values_only=True)
    }
    assert staff["Total sjukfrånvaro"] == (5.3, 5.5)
    assert workbook["Åtgärdsplan ekonomi i balans"].cell(5, 4).number_format == "#,##0.0#;−#,##0.0#"


def test_the_closed_round_reads_in_the_readers_language(client, full_demo):
    """The snapshot holds codes, not the words of the language the round was closed in."""
    log_in(client, "lasare")
    client.post(reverse("set_language"), {"language": "en", "next": "/"})

    html = client.get(reverse("economy:page", args=["AR-2023-RUF", "RUF"])).content.decode()

    assert cells(html, "Total revenues")[:3] == ["240,1", "310,0", "291,9"]
    assert "Summa intäkter" not in html
    assert "Total sick leave" in html


def test_a_snapshot_of_the_first_format_shows_as_today():
    from styrkort.core import snapshots
    from styrkort.economy.report import EconomyReport, upgrade_snapshot

    old = {
        "round_code": "AR-2023-RUF",
        "unit_code": "RUF",
        "unit_name": "Regionala utvecklingsförvaltningen",
        "year": 2023,
        "outcome_month": 12,
        "statement": [{"name": "Summa intäkter", "kind": "revenues", "outcome": "310000000"}],
        "sick_leave_total": {"label": "Total sjukfrånvaro", "this_year": "5.3", "last_year": "5.5"},
        "sick_leave_days": [{"label": "Sjukdag 1-14", "this_year": "2.1", "last_year": None}],
        "headcount": [{"label": "Årsarbetare", "this_year": "230", "last_year": "228"}],
    }

    report = snapshots.from_json(EconomyReport, upgrade_snapshot(old))

    assert (report.statement[0].label, report.sick_leave_total.label) == (
        "Summa intäkter",
        "Total sjukfrånvaro",
    )
    assert (report.sick_leave_total.measure, report.headcount[0].measure) == ("sick_leave", "fte")
    assert report.sick_leave_days[0].label == "Sjukdag 1-14"
