"""The economy page and the import page: permissions, the upload in three steps, a closed round frozen,
and queries that do not grow with the figures."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from styrkort.economy.models import LedgerEntry, StaffFigure
from styrkort.exchange.services import economy_import
from styrkort.followup.services import round_close, round_reopen
from styrkort.org.models import Unit

from .conftest import csv_bytes

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("swedish")]

LEDGER = "Enhet;Konto;Period;Typ;Belopp (mnkr)\n"
# Pinned: session, user, round (+ plans), unit, the round's subtree; ledger, mapping, departments,
# results (and the accounts of a unit without a Resultat: RUF here), investments, savings, staff,
# comments; the person's roles (may import? may write the plan?); the data's versions (the page cache's key).
EXPECTED_QUERIES = 19


def page_url(round, unit="RUF"):
    return reverse("economy:page", args=[round.code, unit])


def import_url(round):
    return reverse("exchange:economy_import", args=[round.code])


def add_figures(round, user, departments: int) -> None:
    """Accounts for RUF, results for `departments` departments over four years, sick leave by band."""
    units = list(Unit.objects.filter(parent__code="RUF").order_by("code"))[:departments]
    rows = [
        f"RUF;{account};2023;{kind};{amount}"
        for account, amount in (("3010", "10,0"), ("5010", "-9,0"))
        for kind in ("utfall", "budget", "prognos")
    ]
    rows += [
        f"{unit.code};Resultat;{year};utfall;0,{year % 10}" for unit in units for year in range(2020, 2024)
    ]
    result = economy_import(source=csv_bytes(LEDGER + "\n".join(rows) + "\n"), round=round, user=user)
    assert result.ok, [str(p) for p in result.problems]
    staff = "Enhet;Mått;Indelning;Period;Värde\n" + "".join(
        f"RUF;Sjukfrånvaro;{band};{year};{year - 2020},5\n"
        for band in ("Totalt", "Sjukdag 1-14", "Kvinnor", "Anställda -29 år")
        for year in (2022, 2023)
    )
    assert economy_import(source=csv_bytes(staff), round=round, user=user).ok


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_page_queries_do_not_grow_with_the_figures(client, chart, annual_round, planner):
    client.force_login(planner)
    add_figures(annual_round, planner, departments=2)
    few = count_queries(client, page_url(annual_round))
    add_figures(annual_round, planner, departments=9)
    many = count_queries(client, page_url(annual_round))

    assert (few, many) == (EXPECTED_QUERIES, EXPECTED_QUERIES)


def test_the_page_shows_forecast_and_charts_with_their_tables(client, chart, annual_round, planner):
    client.force_login(planner)
    add_figures(annual_round, planner, departments=3)

    html = client.get(page_url(annual_round)).content.decode()

    assert "Prognos helår 2023" in html
    assert html.count('<figure class="chart"') == 2
    # every bar can be reached with the keyboard and says what it is
    assert 'tabindex="0" role="img" aria-label="Folkhälsa 2023: 0,3 mnkr"' in html
    assert 'aria-label="Sjukdag 1-14 2023: 3,5 %"' in html


def test_a_page_without_figures_says_so(client, annual_round, reader):
    client.force_login(reader)
    html = client.get(page_url(annual_round)).content.decode()
    assert "Det finns inga ekonomi- eller personaluppgifter för Regionala utvecklingsförvaltningen" in html


def test_a_unit_outside_the_round_is_not_found(client, annual_round, reader):
    client.force_login(reader)
    assert client.get(page_url(annual_round, "RS")).status_code == 404


def test_upload_check_confirm(client, chart, annual_round, planner):
    client.force_login(planner)
    upload = csv_bytes(LEDGER + "RUF;3010;2023;utfall;12,5\n")

    from django.core.files.uploadedfile import SimpleUploadedFile

    checked = client.post(import_url(annual_round), {"workbook": SimpleUploadedFile("ekonomi.csv", upload)})
    assert checked.status_code == 200
    assert LedgerEntry.objects.count() == 0  # checked, not saved
    token = checked.context["token"]
    saved = client.post(import_url(annual_round), {"token": token})

    assert saved.status_code == 302
    assert LedgerEntry.objects.get().amount == 12_500_000


def test_a_bad_upload_names_the_row_and_saves_nothing(client, chart, annual_round, planner):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(planner)
    upload = SimpleUploadedFile("ekonomi.csv", csv_bytes(LEDGER + "RUF;3010;2023;utfall;tolv\n"))

    response = client.post(import_url(annual_round), {"workbook": upload})

    assert response.status_code == 422
    html = response.content.decode()
    assert "<td>Ekonomi</td><td>2</td><td>Belopp (mnkr)</td><td>tolv är inte ett tal." in html
    assert LedgerEntry.objects.count() == 0


def test_readers_and_reporters_may_not_import(client, annual_round, reader, reporter):
    for user in (reader, reporter):
        client.force_login(user)
        assert client.get(import_url(annual_round)).status_code == 403


def test_a_closed_round_shows_what_it_showed_when_closed(
    client, chart, annual_round, make_round, planner, administrator
):
    client.force_login(planner)
    economy_import(source=csv_bytes(LEDGER + "RUF;3010;2023;utfall;12,5\n"), round=annual_round, user=planner)
    round_close(user=administrator, round=annual_round)
    later = make_round(
        "TEST-DR1-2024",
        name="Delårsrapport 1 2024",
        kind="interim_1",
        as_of=annual_round.as_of.replace(year=2024, month=4, day=30),
        deadline=annual_round.as_of.replace(year=2024, month=5, day=15),
    )
    # 2023 restated through a later round: allowed (it is before that round's date) ...
    assert economy_import(
        source=csv_bytes(LEDGER + "RUF;3010;2023;utfall;99,0\n"), round=later, user=planner
    ).ok

    frozen = client.get(page_url(annual_round)).content.decode()
    # ... but the closed annual report still shows what it showed when it was closed
    assert "12,5" in frozen
    assert "99,0" not in frozen

    round_reopen(user=administrator, round=annual_round, reason="Rättelse")
    assert "99,0" in client.get(page_url(annual_round)).content.decode()
    assert StaffFigure.objects.count() == 0


def savings_url(round, unit="RUF"):
    return reverse("economy:savings_save", args=[round.code, unit])


def new_measure(**values):
    return {f"new-{k}": v for k, v in {"measure": "Minskning av resor", "timeline": "2024", **values}.items()}


def test_a_reporter_writes_the_units_action_plan(client, annual_round, make_user):
    from styrkort.economy.models import SavingsMeasure
    from styrkort.org.enums import Role

    fh_reporter = make_user("fia", role=Role.REPORTER, unit=Unit.objects.get(code="FH"))
    client.force_login(fh_reporter)

    added = client.post(savings_url(annual_round, "FH"), new_measure(estimated_effect="0,07"))
    assert added.status_code == 302
    measure = SavingsMeasure.objects.get()
    assert (measure.unit.code, measure.estimated_effect, measure.realised_effect) == ("FH", 70_000, None)

    changed = client.post(
        savings_url(annual_round, "FH"),
        {
            "pk": measure.pk,
            **{
                f"s{measure.pk}-{k}": v
                for k, v in {
                    "measure": "Minskning av resor",
                    "estimated_effect": "0,07",
                    "realised_effect": "−0,02",
                    "comment": "Hälften genomfört",
                }.items()
            },
        },
    )
    assert changed.status_code == 302
    measure.refresh_from_db()
    assert (measure.realised_effect, measure.comment) == (-20_000, "Hälften genomfört")
    page = client.get(page_url(annual_round, "FH")).content.decode()
    assert '<td class="num">0,07</td><td class="num">−0,02</td><td>Hälften genomfört</td>' in page
    # The edit form is made when asked for, filled in with what is stored.
    assert f'name="s{measure.pk}-measure"' not in page
    assert f'href="?andra={measure.pk}#change-measure"' in page
    editing = client.get(page_url(annual_round, "FH") + f"?andra={measure.pk}").content.decode()
    assert f'id="id_s{measure.pk}-realised_effect" value="−0,02"' in editing
    assert "Hälften genomfört</textarea>" in editing
    assert "Ändra åtgärden Minskning av resor" in editing

    removed = client.post(reverse("economy:savings_delete", args=[annual_round.code, "FH", measure.pk]))
    assert removed.status_code == 302
    assert not SavingsMeasure.objects.exists()
    assert SavingsMeasure.history.filter(history_user=fh_reporter).count() == 3

    again = client.post(
        reverse("economy:savings_delete", args=[annual_round.code, "FH", measure.pk]), follow=True
    )
    assert "Åtgärden finns inte längre; kanske har någon annan tagit bort den." in again.content.decode()


def test_a_bad_effect_is_named_and_nothing_is_saved(client, annual_round, planner):
    from styrkort.economy.models import SavingsMeasure

    client.force_login(planner)
    response = client.post(savings_url(annual_round), new_measure(estimated_effect="en halv"))

    assert response.status_code == 422
    assert "en halv är inte ett tal" in response.content.decode()
    assert not SavingsMeasure.objects.exists()


def test_others_may_not_write_the_action_plan(client, annual_round, reader, reporter, administrator):
    from styrkort.economy.models import SavingsMeasure

    for user in (reader, reporter):  # the reporter reports for FH, not for RUF
        client.force_login(user)
        assert client.post(savings_url(annual_round), new_measure()).status_code == 403
    round_close(user=administrator, round=annual_round)
    client.force_login(administrator)
    assert client.post(savings_url(annual_round), new_measure()).status_code == 403
    assert not SavingsMeasure.objects.exists()


def test_the_excel_download_keeps_text_that_looks_like_a_formula_as_text(
    client, chart, annual_round, planner
):
    """Text typed as =HYPERLINK(…), or starting with +, - or @, is a text cell in the workbook, never a
    formula a spreadsheet would run."""
    from openpyxl import load_workbook

    savings = (
        "Enhet;Åtgärd;Tidplan;Ansvarig;Beräknad effekt (mnkr);Realiserad effekt (mnkr);Kommentar\n"
        'RUF;=HYPERLINK("http://example.invalid/");2024;+Ledningsstaben;0,5;;@SUM(A1)\n'
    )
    investments = "Enhet;År;Projekt;Budget (mnkr);Utfall (mnkr)\nRUF;2023;-1+1 Datorer;0,2;0,1\n"
    staff = "Enhet;Mått;Indelning;Period;Värde;Anteckning\nRUF;Sjukfrånvaro;Totalt;2023;5,3;=1+1\n"
    for text in (savings, investments, staff):
        result = economy_import(source=csv_bytes(text), round=annual_round, user=planner)
        assert result.ok, [str(p) for p in result.problems]
    client.force_login(planner)

    response = client.get(
        reverse("reports:round_unit_file", args=[annual_round.code, "RUF", "ekonomi-och-personal", "xlsx"])
    )

    workbook = load_workbook(io.BytesIO(response.content))
    cells = {
        cell.value: cell.data_type
        for sheet in workbook
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and cell.value[:1] in "=+-@"
    }
    assert cells == {
        '=HYPERLINK("http://example.invalid/")': "s",
        "+Ledningsstaben": "s",
        "@SUM(A1)": "s",
        "-1+1 Datorer": "s",
        "=1+1": "s",
    }


def test_a_second_measure_with_the_same_text_is_refused_and_the_first_is_kept(client, annual_round, planner):
    from styrkort.economy.models import SavingsMeasure

    client.force_login(planner)
    client.post(savings_url(annual_round), new_measure(owner="Petra"))

    again = client.post(savings_url(annual_round), new_measure(owner="Någon annan"))

    assert again.status_code == 422
    assert "Åtgärdsplanen har redan åtgärden ”Minskning av resor”: ändra den." in again.content.decode()
    assert SavingsMeasure.objects.get().owner == "Petra"


def test_a_stale_edit_of_a_measure_is_refused_and_keeps_the_values_typed(client, annual_round, planner):
    from styrkort.economy.models import SavingsMeasure

    client.force_login(planner)
    client.post(savings_url(annual_round), new_measure())
    measure = SavingsMeasure.objects.get()

    def edit(comment):
        fields = {"measure": "Minskning av resor", "comment": comment, "version": 1}
        return {"pk": measure.pk, **{f"s{measure.pk}-{k}": v for k, v in fields.items()}}

    client.post(savings_url(annual_round), edit("Första kommentaren"))
    stale = client.post(savings_url(annual_round), edit("Andra kommentaren"))

    page = stale.content.decode()
    assert stale.status_code == 422
    assert "Någon annan har ändrat åtgärden efter att du öppnade formuläret" in page
    assert ">Andra kommentaren</textarea>" in page
    assert f'name="s{measure.pk}-version" value="2"' in page
    measure.refresh_from_db()
    assert (measure.comment, measure.version) == ("Första kommentaren", 2)
