"""The economy and staff import: what finance and HR systems export, read right or refused whole."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from styrkort.economy.models import AccountMapping, Investment, LedgerEntry, SavingsMeasure, StaffFigure
from styrkort.exchange.services import economy_import
from styrkort.followup.services import round_close
from styrkort.org.models import Unit

from .conftest import csv_bytes

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("swedish")]

HEADER = "Enhet;Konto;Period;Typ;Belopp (mnkr)\n"


def run(text: str, round, user, **kwargs):
    return economy_import(source=csv_bytes(text), round=round, user=user, **kwargs)


def messages(result) -> list[str]:
    return [str(problem) for problem in result.problems]


def amounts() -> dict[str, Decimal]:
    return {e.account or e.total: e.amount for e in LedgerEntry.objects.all()}


def test_swedish_numbers_are_read_right(chart, annual_round, planner):
    text = HEADER + (
        "RUF;3010;2023;utfall;1 300,5\n"  # thousands separated by a space
        "RUF;5010;2023;utfall;-93,9\n"
        "RUF;6110;2023;utfall;−0,7\n"  # a typographic minus
        "RUF;3810;2023;utfall;\u00a012\u00a0000\n"  # no-break spaces, as spreadsheets write them
    )
    result = run(text, annual_round, planner)

    assert result.ok, messages(result)
    assert amounts() == {
        "3010": Decimal("1300500000"),
        "5010": Decimal("-93900000"),
        "6110": Decimal("-700000"),
        "3810": Decimal("12000000000"),
    }


def test_the_amount_column_says_its_unit(chart, annual_round, planner):
    run("Enhet;Konto;Period;Typ;Belopp\nRUF;3010;2023;utfall;1234,50\n", annual_round, planner)
    run("Enhet;Konto;Period;Typ;Belopp (tkr)\nRUF;3010;2023;budget;-93,9\n", annual_round, planner)

    assert sorted(LedgerEntry.objects.values_list("kind", "amount")) == [
        ("budget", Decimal("-93900")),
        ("outcome", Decimal("1234.50")),
    ]


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (
            "RUF;9999;2023;utfall;1,0",
            "Blad Ekonomi, rad 3, kolumn Konto: Kontot 9999 hör inte till någon rad",
        ),
        (
            "XYZ;3010;2023;utfall;1,0",
            "Blad Ekonomi, rad 3, kolumn Enhet: Det finns ingen enhet med koden XYZ.",
        ),
        (
            "RS;3010;2023;utfall;1,0",
            "Blad Ekonomi, rad 3, kolumn Enhet: Du får inte skriva siffror för RS: enheten är inte en av",
        ),
        ("RUF;3010;2024-01;utfall;1,0", "Blad Ekonomi, rad 3, kolumn Period: Perioden 2024-01 är efter"),
        (
            "RUF;3010;2023;utfall;ett tal",
            "Blad Ekonomi, rad 3, kolumn Belopp (mnkr): ett tal är inte ett tal.",
        ),
        (
            "RUF;3010;2023;utfall;1.234,5",
            "Blad Ekonomi, rad 3, kolumn Belopp (mnkr): 1.234,5 är inte ett tal.",
        ),
        ("RUF;3010;13/2023;utfall;1,0", "Blad Ekonomi, rad 3, kolumn Period: 13/2023 är inte en period."),
        ("RUF;3010;2023;ack;1,0", "Blad Ekonomi, rad 3, kolumn Typ: ack är inte ett av de tillåtna värdena"),
        ("RUF;3010;2023;utfall;", "Blad Ekonomi, rad 3, kolumn Belopp (mnkr): Ett värde måste anges."),
        (
            "RUF;3010;2023;budget;5,0",
            "Blad Ekonomi, rad 3, kolumn Typ: Samma värde i Enhet + Konto + Period + Typ finns redan på rad",
        ),
    ],
)
def test_a_bad_row_is_named_and_nothing_is_written(chart, annual_round, planner, row, expected):
    mappings = AccountMapping.objects.count()
    text = HEADER + "RUF;3010;2023;budget;5,0\n" + row + "\n"

    result = run(text, annual_round, planner)

    assert not result.ok
    assert any(message.startswith(expected) for message in messages(result)), messages(result)
    assert LedgerEntry.objects.count() == 0  # not even the good first row
    assert AccountMapping.objects.count() == mappings


def test_control_totals_allow_rounding_and_refuse_more(chart, annual_round, planner):
    lines = (
        "RUF;3010;2023;utfall;10,0\n"
        "RUF;5010;2023;utfall;-6,0\n"
        "RUF;6110;2023;utfall;-3,1\n"
        "RUF;Summa intäkter;2023;utfall;10,0\n"
    )
    rounded = run(
        HEADER + lines + "RUF;Summa kostnader;2023;utfall;-9,0\nRUF;Resultat;2023;utfall;1,0\n",
        annual_round,
        planner,
        dry_run=True,
    )
    wrong = run(
        HEADER + lines + "RUF;Summa kostnader;2023;utfall;-8,0\nRUF;Resultat;2023;utfall;2,0\n",
        annual_round,
        planner,
    )

    assert rounded.ok, messages(rounded)  # −9,1 against −9,0: within 3 × 0,05
    assert messages(wrong) == [
        "Blad Ekonomi, rad 6, kolumn Belopp (mnkr): Summa kostnader för RUF, 2023 (utfall) är −8,0 mnkr, "
        "men raderna summerar till −9,1 mnkr: en skillnad på 1,10 mnkr, "
        "mer än avrundning förklarar (0,15 mnkr).",
        "Blad Ekonomi, rad 7, kolumn Belopp (mnkr): Resultat för RUF, 2023 (utfall) är 2,0 mnkr, "
        "men raderna summerar till 0,9 mnkr: en skillnad på 1,10 mnkr, "
        "mer än avrundning förklarar (0,20 mnkr).",
    ]
    assert LedgerEntry.objects.count() == 0


def test_a_dry_run_checks_and_writes_nothing(chart, annual_round, planner):
    result = run(HEADER + "RUF;3010;2023;utfall;10,0\n", annual_round, planner, dry_run=True)

    assert result.ok
    assert result.counts["Ekonomi"].created == 1
    assert LedgerEntry.objects.count() == 0


def test_windows_csv_with_commas_is_read(chart, annual_round, planner):
    text = (
        "Enhet,Konto,Period,Typ,Belopp (mnkr)\r\n"
        'RUF,3010,2023,utfall,"1,5"\r\nRUF,5010,2023,utfall,"-1,0"\r\n'
    )
    result = economy_import(source=text.encode("cp1252"), round=annual_round, user=planner)

    assert result.ok, messages(result)
    assert amounts() == {"3010": Decimal("1500000"), "5010": Decimal("-1000000")}


def test_an_unknown_header_is_refused(chart, annual_round, planner):
    result = run("Enhet;Kto;Belopp\nRUF;3010;1\n", annual_round, planner)

    assert messages(result) == [
        "Rad 1: Rubrikraden passar ingen tabell. Tabellerna är: Kontoplan, Ekonomi, Investeringar, "
        "Åtgärdsplan, Personal (docs/ekonomiimport.md)."
    ]


def test_staff_investments_and_savings(chart, annual_round, planner):
    staff = (
        "Enhet;Mått;Indelning;Period;Värde;Anteckning\n"
        "RUF;Sjukfrånvaro;Totalt;2023;5,3 %;\n"
        "RUF;Sjukfrånvaro;Sjukdag 1–14;2023;1,9;\n"  # an en dash, as Word writes it
        "FH;Årsarbetare;;2023-11;42,5;\n"
    )
    investments = "Enhet;År;Projekt;Budget (mnkr);Utfall (mnkr);Kvarvarande (mnkr)\nRUF;2023;Konst;0,5;0,1;\n"
    savings = (
        "Enhet;Åtgärd;Tidplan;Ansvarig;Beräknad effekt (mnkr);Realiserad effekt (mnkr);Kommentar\n"
        "RUF;Minskning av resor;2024;RUF;0,07;;\n"
    )
    for text in (staff, investments, savings):
        result = run(text, annual_round, planner)
        assert result.ok, messages(result)

    assert sorted(
        StaffFigure.objects.values_list("unit__code", "month", "measure", "breakdown", "value")
    ) == [
        ("FH", 11, "fte", "Totalt", Decimal("42.50")),
        ("RUF", 12, "sick_leave", "Sjukdag 1-14", Decimal("1.90")),
        ("RUF", 12, "sick_leave", "Totalt", Decimal("5.30")),
    ]
    konst = Investment.objects.get()
    assert (konst.budget, konst.outcome, konst.remaining) == (
        Decimal(500000),
        Decimal(100000),
        Decimal(400000),
    )
    assert SavingsMeasure.objects.get().estimated_effect == Decimal(70000)


def test_an_unknown_breakdown_is_refused(chart, annual_round, planner):
    result = run("Enhet;Mått;Indelning;Period;Värde\nRUF;Sjukfrånvaro;Barn;2023;1\n", annual_round, planner)

    assert messages(result)[0].startswith(
        "Blad Personal, rad 2, kolumn Indelning: Barn är inte en av indelningarna"
    )


def test_a_unit_outside_the_round_is_named(chart, annual_round, administrator):
    result = run(HEADER + "RS;3010;2023;utfall;1,0\n", annual_round, administrator)

    assert messages(result) == [
        "Blad Ekonomi, rad 2, kolumn Enhet: Enheten RS redovisar inte i uppföljningen TEST-AR-2023."
    ]
    assert LedgerEntry.objects.count() == 0


def test_a_planner_writes_no_figures_for_units_not_theirs_even_in_a_round_they_manage(
    chart, region_round, planner
):
    """The attack: a round of RUF's plan in which the whole region (RF) reports, set up by an
    administrator; RUF's planner manages it, and tried to write -999 mnkr into Regionstyrelsen's result."""

    result = run(HEADER + "RS;Resultat;2024-03;utfall;-999\n", region_round, planner)

    assert messages(result) == [
        "Blad Ekonomi, rad 2, kolumn Enhet: Du får inte skriva siffror för RS: enheten är inte en av dina."
    ]
    assert LedgerEntry.objects.count() == 0


def test_only_an_administrator_changes_the_chart_of_accounts(chart, annual_round, planner, administrator):
    changed = "Konto;Rad;Grupp;Ordning\n30;Försäljning;intäkt;1\n39;Övriga intäkter;intäkt;3\n"
    unchanged = "Konto;Rad;Grupp;Ordning\n30;Försäljning;intäkt;1\n38;Regionersättning;intäkt;2\n"
    mappings = AccountMapping.objects.count()

    refused = run(changed, annual_round, planner)
    repeated = run(unchanged, annual_round, planner)

    assert messages(refused) == [
        "Blad Kontoplan, rad 3: Bara en administratör eller ekonomifunktionen ändrar kontoplanen: "
        "alla enheter delar den."
    ]
    assert repeated.ok, messages(repeated)
    assert AccountMapping.objects.count() == mappings
    assert run(changed, annual_round, administrator).ok
    assert AccountMapping.objects.count() == mappings + 1


def test_a_workbook_holds_one_table_per_sheet(annual_round, administrator):
    from openpyxl import Workbook

    workbook = Workbook()
    accounts = workbook.active
    accounts.title = "Kontoplan"
    accounts.append(["Konto", "Rad", "Grupp", "Ordning"])
    accounts.append(["50", "Personalkostnader", "kostnad", 1])
    ledger = workbook.create_sheet("Blad2")  # known by its header
    ledger.append(["Enhet", "Konto", "Period", "Typ", "Belopp (mnkr)"])
    ledger.append(["RUF", 5010, 2023, "utfall", -93.9])
    buffer = io.BytesIO()
    workbook.save(buffer)

    result = economy_import(source=buffer.getvalue(), round=annual_round, user=administrator)

    assert result.ok, messages(result)
    assert amounts() == {"5010": Decimal("-93900000")}


def test_only_the_rounds_planners_import_and_only_into_an_open_round(
    chart, annual_round, reporter, planner, administrator
):
    text = HEADER + "RUF;3010;2023;utfall;1,0\n"

    assert messages(run(text, annual_round, reporter)) == [
        "Bara uppföljningens planerare och administratörer läser in ekonomiuppgifter."
    ]
    round_close(user=administrator, round=annual_round)
    assert messages(run(text, annual_round, planner))[0].startswith(
        "Uppföljningen Årsredovisning 2023 – test är stängd"
    )
    assert LedgerEntry.objects.count() == 0


def test_the_command_checks_then_imports(chart, annual_round, planner, tmp_path):
    path = tmp_path / "ekonomi.csv"
    path.write_text(HEADER + "RUF;3010;2023;utfall;1,0\n", encoding="utf-8")
    out = io.StringIO()

    with translation.override("sv"):
        call_command(
            "import-economy",
            str(path),
            "--round",
            annual_round.code,
            "--user",
            "petra",
            "--dry-run",
            stdout=out,
        )
        assert LedgerEntry.objects.count() == 0
        call_command("import-economy", str(path), "--round", annual_round.code, "--user", "petra", stdout=out)

    assert LedgerEntry.objects.count() == 1
    assert "Ekonomi: 1 nya, 0 uppdaterade" in out.getvalue()


def test_the_command_names_the_problem_rows(chart, annual_round, planner, tmp_path):
    path = tmp_path / "ekonomi.csv"
    path.write_text(HEADER + "RUF;9999;2023;utfall;1,0\n", encoding="utf-8")
    err = io.StringIO()

    with translation.override("sv"), pytest.raises(CommandError, match="1 fel; ingenting sparades"):
        call_command("import-economy", str(path), "--round", annual_round.code, "--user", "petra", stderr=err)

    assert "rad 2, kolumn Konto: Kontot 9999" in err.getvalue()
    assert Unit.objects.filter(code="RUF").exists()


def test_investments_need_budget_and_outcome_and_may_be_of_the_rounds_year(make_round, planner):
    interim = make_round(
        "TEST-DR1-2024",
        name="Delårsrapport 1 2024",
        kind="interim_1",
        as_of=dt.date(2024, 4, 30),
        deadline=dt.date(2024, 5, 15),
    )
    header = "Enhet;År;Projekt;Budget (mnkr);Utfall (mnkr)\n"

    missing = run(header + "RUF;2024;Konst;;0,1\n", interim, planner)
    this_year = run(header + "RUF;2024;Konst;0,5;0,1\n", interim, planner)
    next_year = run(header + "RUF;2025;Konst;0,5;0,0\n", interim, planner)

    assert messages(missing) == ["Blad Investeringar, rad 2, kolumn Budget (mnkr): Ett värde måste anges."]
    assert this_year.ok
    assert messages(next_year)[0].startswith("Blad Investeringar, rad 2, kolumn År: Perioden 2025 är efter")


def test_a_text_longer_than_an_excel_cell_is_named_by_its_row(annual_round, planner):
    """Every text goes into workbooks, and an Excel cell holds 32,767 characters; a CSV can hold more."""
    savings = (
        "Enhet;Åtgärd;Tidplan;Ansvarig;Beräknad effekt (mnkr);Realiserad effekt (mnkr);Kommentar\n"
        f"RUF;Minskning av resor;2024;RUF;0,07;;{'x' * 32_768}\n"
    )

    result = run(savings, annual_round, planner)

    assert messages(result) == [
        "Blad Åtgärdsplan, rad 2, kolumn Kommentar: "
        "Säkerställ att detta värde har som mest 32767 tecken (den har 32768)."
    ]
