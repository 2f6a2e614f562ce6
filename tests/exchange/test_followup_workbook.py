"""The follow-up workbook: what a unit reports in a round, exported, filled in and imported back.

Messages are checked in English (the msgids), so that translating them does not break the tests.
"""

from decimal import Decimal

import pytest
from django.utils import timezone, translation

from styrkort.exchange.services import followup_workbook_export, followup_workbook_import
from styrkort.followup.models import (
    ActionReport,
    GoalAssessment,
    IndicatorAssessment,
    Measurement,
    Narrative,
)
from styrkort.followup.services import round_close
from styrkort.org.enums import Role
from styrkort.org.models import Unit

from .conftest import cells, find_row, load, save, workbook_content

pytestmark = pytest.mark.integration


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def ruf():
    return Unit.objects.get(code="RUF")


@pytest.fixture
def fh():
    return Unit.objects.get(code="FH")


def reported() -> int:
    return sum(
        model.objects.count()
        for model in (ActionReport, Measurement, IndicatorAssessment, GoalAssessment, Narrative)
    )


def refused(content: bytes, **kwargs) -> list[str]:
    """Import that must fail and write nothing; its problems as the person reads them."""
    before = reported()
    result = followup_workbook_import(source=content, **kwargs)
    assert not result.ok
    assert reported() == before, "a refused workbook must write nothing"
    return [str(problem) for problem in result.problems]


def report(workbook, code: str, status: str = "pågår", colour: str = "grön", comment: str = "") -> int:
    sheet = workbook["Åtgärder"]
    row = find_row(sheet, Kod=code)
    by_header = cells(sheet, row)
    by_header["Status"].value, by_header["Bedömning"].value = status, colour
    by_header["Kommentar"].value = comment
    return row


def measure(workbook, indicator: str, value, breakdown: str = "Totalt", period: int = 2023) -> int:
    sheet = workbook["Mätvärden"]
    row = find_row(sheet, Indikator=indicator, Indelning=breakdown, Mätperiod=period)
    cells(sheet, row)["Värde"].value = value
    return row


# --- export ------------------------------------------------------------------------------------


def test_export_holds_every_action_of_the_unit_and_the_units_below_it(followup_round, fh, ruf):
    department = load(followup_workbook_export(round=followup_round, unit=fh))
    administration = load(followup_workbook_export(round=followup_round, unit=ruf))

    codes = [row[1] for row in department["Åtgärder"].iter_rows(min_row=2, values_only=True)]
    assert codes == ["RF1", "RF3", "RF6", "RF7", "RUN 1", "RUN 3"]
    assert administration["Åtgärder"].max_row - 1 == 28
    assert [
        row[:2] for row in department["Uppföljning"].iter_rows(min_row=2, max_row=3, values_only=True)
    ] == [
        ("Uppföljningstillfälle", "TEST-AR-2023"),
        ("Enhet", "FH"),
    ]


def test_export_offers_the_total_and_every_breakdown_of_the_rounds_year(followup_round, ruf, fh):
    sheet = load(followup_workbook_export(round=followup_round, unit=ruf))["Mätvärden"]
    department = load(followup_workbook_export(round=followup_round, unit=fh))["Mätvärden"]

    rows = [row[:4] for row in sheet.iter_rows(min_row=2, values_only=True) if row[0] == "RUF-I1.4"]
    assert [row[2:] for row in rows] == [("Totalt", 2023), ("Pojkar", 2023), ("Flickor", 2023)]
    assert department.max_row == 1, "the plan owner (RUF) reports the indicators, not its departments"


def test_an_unfilled_export_imports_as_nothing(followup_round, planner, ruf):
    result = followup_workbook_import(
        source=followup_workbook_export(round=followup_round, unit=ruf), user=planner
    )

    assert result.ok, [str(p) for p in result.problems]
    assert (result.round, result.unit) == (followup_round, ruf)
    assert reported() == 0


# --- round trip -------------------------------------------------------------------------------


def test_export_fill_in_import_export_again_gives_the_same_workbook(followup_round, planner, ruf):
    workbook = load(followup_workbook_export(round=followup_round, unit=ruf))
    report(workbook, "RF1", "klart", "grön", "Verktyget är lanserat.")
    report(workbook, "RUN 2", "pågår", "gul", "Under beslutsprocess.")
    cells(workbook["Åtgärder"], find_row(workbook["Åtgärder"], Kod="RUN 2"))[
        "Avvikelse"
    ].value = "Beslut 2024."
    measure(workbook, "RUF-I1.4", 40)
    measure(workbook, "RUF-I1.4", 49, "Pojkar")
    measure(workbook, "RUF-I5.4", 15)
    missing = cells(workbook["Mätvärden"], find_row(workbook["Mätvärden"], Indikator="RUF-I5.1"))
    missing["Data saknas"].value = "ja"
    workbook["Indikatorbedömningar"].append(["RUF-I1.4", None, "negativ", "Enligt Liv och hälsa ung."])
    goals = workbook["Målbedömningar"]
    cells(goals, find_row(goals, Mål="RUF-M1.1"))["Bedömning"].value = "gul"
    cells(goals, find_row(goals, Mål="RUF-M1.1"))["Analys"].value = "Psykisk hälsa bland unga minskar."
    texts = workbook["Texter"]
    cells(texts, find_row(texts, Avsnitt="inledning"))["Text"].value = "Året i korthet.\n\nEtt nytt stycke."
    assignments = workbook["Uppdrag"]
    cells(assignments, find_row(assignments, Nummer="1"))[
        "Kommentar"
    ].value = "Resor och konferenser minskade."
    filled = save(workbook)

    result = followup_workbook_import(source=filled, user=planner)

    assert result.ok, [str(p) for p in result.problems]
    assert {sheet: (c.created, c.updated) for sheet, c in result.counts.items()} == {
        "Åtgärder": (2, 0),
        "Uppdrag": (1, 0),
        "Mätvärden": (4, 0),
        "Indikatorbedömningar": (1, 0),
        "Målbedömningar": (1, 0),
        "Texter": (1, 0),
    }
    again = followup_workbook_export(round=followup_round, unit=ruf)
    assert workbook_content(again) == workbook_content(filled)
    actions = load(again)["Åtgärder"]
    assert cells(actions, find_row(actions, Kod="RF1"))["Version"].value == 1  # 0 when downloaded
    rf1 = ActionReport.objects.get(round=followup_round, action__code="RF1")
    assert (rf1.status, rf1.colour, rf1.comment, rf1.reported_by) == (
        "done",
        "green",
        "Verktyget är lanserat.",
        planner,
    )
    assert Narrative.objects.get().text == "Året i korthet.\n\nEtt nytt stycke."

    again = followup_workbook_import(source=filled, user=planner)

    assert again.ok
    assert sum(c.created for c in again.counts.values()) == 0


# --- numbers as people write them ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("indicator", "typed", "stored"),
    [
        ("RUF-I1.4", "69 %", Decimal(69)),  # the indicator's own unit may follow the number
        ("RUF-I1.4", "69%", Decimal(69)),
        ("RUF-I2.3", "214 262", Decimal(214262)),
        ("RUF-I4.4", "1 234,5", Decimal("1234.5")),
        ("RUF-I4.4", "−93,9", Decimal("-93.9")),  # typographic minus
        ("RUF-I4.4", "-93,9", Decimal("-93.9")),
        ("RUF-I4.4", 1.3, Decimal("1.3")),
    ],
)
def test_swedish_numbers_are_read(followup_round, planner, ruf, indicator, typed, stored):
    workbook = load(followup_workbook_export(round=followup_round, unit=ruf))
    measure(workbook, indicator, typed)

    result = followup_workbook_import(source=save(workbook), user=planner)

    assert result.ok, [str(p) for p in result.problems]
    assert Measurement.objects.get(indicator__code=indicator).value == stored


def test_a_cell_shown_as_a_percentage_is_read_as_shown(followup_round, planner, ruf):
    """A spreadsheet stores "69 %" typed into a cell as 0.69; that is 69, not 0.69."""
    workbook = load(followup_workbook_export(round=followup_round, unit=ruf))
    row = measure(workbook, "RUF-I1.4", 0.69)
    workbook["Mätvärden"].cell(row=row, column=5).number_format = "0%"

    result = followup_workbook_import(source=save(workbook), user=planner)

    assert result.ok, [str(p) for p in result.problems]
    assert Measurement.objects.get(indicator__code="RUF-I1.4").value == Decimal(69)


@pytest.mark.parametrize(
    ("indicator", "typed", "message"),
    [
        ("RUF-I4.4", "12,3,4", "12,3,4 is not a number. Write digits with a decimal comma, e.g. 1 234,5."),
        ("RUF-I4.4", "abc", "abc is not a number. Write digits with a decimal comma, e.g. 1 234,5."),
        ("RUF-I4.4", "1.234,5", "1.234,5 is not a number. Write digits with a decimal comma, e.g. 1 234,5."),
        # "%" belongs to % indicators only: the result is in mnkr.
        ("RUF-I4.4", "69 %", "69 % is not a number. Write digits with a decimal comma, e.g. 1 234,5."),
    ],
)
def test_numbers_that_cannot_be_read_are_refused(followup_round, planner, ruf, indicator, typed, message):
    workbook = load(followup_workbook_export(round=followup_round, unit=ruf))
    row = measure(workbook, indicator, typed)

    assert refused(save(workbook), user=planner) == [f"Sheet Mätvärden, row {row}, column Värde: {message}"]


# --- bad input: a message naming sheet, row and column, and nothing written ----------------------


def test_a_status_outside_the_list(followup_round, planner, ruf):
    workbook = load(followup_workbook_export(round=followup_round, unit=ruf))
    report(workbook, "RF3")
    row = report(workbook, "RF1", status="påbörjad")

    assert refused(save(workbook), user=planner) == [
        f"Sheet Åtgärder, row {row}, column Status: påbörjad is not one of the allowed values: "
        "ej påbörjat, ej påbörjad, pågår, klart, klar, vilande, avbruten, avbrutet."
    ]


def test_a_status_without_an_assessment(followup_round, planner, ruf):
    workbook = load(followup_workbook_export(round=followup_round, unit=ruf))
    row = report(workbook, "RF1", colour=None)

    assert refused(save(workbook), user=planner) == [
        f"Sheet Åtgärder, row {row}, column Bedömning: Give the assessment too."
    ]


def test_two_rows_for_one_action_refuse_the_second(followup_round, planner, ruf):
    workbook = load(followup_workbook_export(round=followup_round, unit=ruf))
    first = report(workbook, "RF1", "pågår")
    sheet = workbook["Åtgärder"]
    sheet.append(["RUF-2023", "RF1", None, None, None, "klart", "grön", "Eller klart?", None])

    assert refused(save(workbook), user=planner) == [
        f"Sheet Åtgärder, row {sheet.max_row}, column Kod: "
        f"The same Plan + Kod is already on row {first} of this sheet."
    ]


def test_an_action_of_another_unit(followup_round, planner, fh):
    workbook = load(followup_workbook_export(round=followup_round, unit=fh))
    sheet = workbook["Åtgärder"]
    sheet.append(["RUF-2023", "RF8", None, None, None, "pågår", "grön", "Samhällsutvecklings åtgärd", None])

    assert refused(save(workbook), user=planner) == [
        f"Sheet Åtgärder, row {sheet.max_row}, column Kod: The workbook is for FH, and the action "
        "RUF-2023/RF8 is not part of it in the round TEST-AR-2023."
    ]


def test_an_action_that_does_not_exist(followup_round, planner, fh):
    workbook = load(followup_workbook_export(round=followup_round, unit=fh))
    sheet = workbook["Åtgärder"]
    sheet.append(["RUF-2023", "RF99", None, None, None, "pågår", "grön", None, None])

    assert refused(save(workbook), user=planner) == [
        f"Sheet Åtgärder, row {sheet.max_row}, column Kod: There is no action RUF-2023/RF99."
    ]


def test_a_workbook_for_another_round(followup_round, other_round, planner, ruf):
    content = followup_workbook_export(round=followup_round, unit=ruf)

    assert refused(content, user=planner, round=other_round, unit=ruf) == [
        "Sheet Uppföljning, row 2, column Värde: The workbook is for the follow-up round TEST-AR-2023, "
        "not TEST-DR1-2024."
    ]


def test_a_workbook_for_another_unit(followup_round, planner, ruf, fh):
    content = followup_workbook_export(round=followup_round, unit=ruf)

    assert refused(content, user=planner, round=followup_round, unit=fh) == [
        "Sheet Uppföljning, row 3, column Värde: The workbook is for the unit RUF, not FH."
    ]


def test_a_closed_round(followup_round, planner, ruf, make_user):
    workbook = load(followup_workbook_export(round=followup_round, unit=ruf))
    report(workbook, "RF1")
    round_close(user=make_user("alva", role=Role.ADMINISTRATOR), round=followup_round)

    assert refused(save(workbook), user=planner) == [
        "The round Årsredovisning 2023 – test is closed; nothing can be changed in it."
    ]


def test_a_file_that_is_not_a_workbook(followup_round, planner):
    assert refused(b"%PDF-1.4 not a workbook", user=planner) == [
        "The file is not an Excel workbook (.xlsx). Save it as .xlsx and try again."
    ]


def test_a_workbook_without_its_round_and_unit(followup_round, planner, ruf):
    workbook = load(followup_workbook_export(round=followup_round, unit=ruf))
    del workbook["Uppföljning"]

    assert refused(save(workbook), user=planner) == [
        "Sheet Uppföljning: Write the code on the row Uppföljningstillfälle (column Fält) of this sheet.",
        "Sheet Uppföljning: Write the code on the row Enhet (column Fält) of this sheet.",
    ]


def test_a_reason_is_needed_to_replace_the_computed_trend(followup_round, planner, ruf):
    workbook = load(followup_workbook_export(round=followup_round, unit=ruf))
    workbook["Indikatorbedömningar"].append(["RUF-I1.4", None, "negativ", None])

    assert refused(save(workbook), user=planner) == [
        "Sheet Indikatorbedömningar, row 2, column Motivering: "
        "Say why the computed status or trend is replaced."
    ]


def test_a_breakdown_the_indicator_does_not_have(followup_round, planner, ruf):
    workbook = load(followup_workbook_export(round=followup_round, unit=ruf))
    sheet = workbook["Mätvärden"]
    sheet.append(["RUF-I1.4", None, "Kvinnor", 2023, 40, None, None, None])

    assert refused(save(workbook), user=planner) == [
        f"Sheet Mätvärden, row {sheet.max_row}, column Indelning: The indicator is not broken down this way."
    ]


def test_one_bad_row_among_good_ones_writes_nothing(followup_round, planner, ruf):
    workbook = load(followup_workbook_export(round=followup_round, unit=ruf))
    for code in ("RF1", "RF3", "RF6"):
        report(workbook, code)
    measure(workbook, "RUF-I1.4", 40)
    row = measure(workbook, "RUF-I4.4", "ett")

    assert refused(save(workbook), user=planner) == [
        f"Sheet Mätvärden, row {row}, column Värde: "
        "ett is not a number. Write digits with a decimal comma, e.g. 1 234,5."
    ]


def test_dry_run_checks_and_saves_nothing(followup_round, planner, ruf):
    workbook = load(followup_workbook_export(round=followup_round, unit=ruf))
    report(workbook, "RF1")

    result = followup_workbook_import(source=save(workbook), user=planner, dry_run=True)

    assert result.ok
    assert result.counts["Åtgärder"].created == 1
    assert reported() == 0


# --- who may import what ----------------------------------------------------------------------


def test_a_reporter_imports_their_departments_workbook(followup_round, reporter, fh):
    workbook = load(followup_workbook_export(round=followup_round, unit=fh))
    report(workbook, "RF1", comment="Rapporterat av Folkhälsa.")

    result = followup_workbook_import(source=save(workbook), user=reporter)

    assert result.ok, [str(p) for p in result.problems]
    assert ActionReport.objects.get(action__code="RF1").reported_by == reporter


def test_a_reporter_may_not_import_the_administrations_workbook(followup_round, reporter, ruf):
    """The department reporter (FH) would otherwise report for RUF's other departments' actions."""
    workbook = load(followup_workbook_export(round=followup_round, unit=ruf))
    report(workbook, "RF1")
    report(workbook, "RF8")

    assert refused(save(workbook), user=reporter) == [
        "You may not report for the unit RUF in the round TEST-AR-2023."
    ]


def test_a_reader_may_not_import(followup_round, reader, fh):
    workbook = load(followup_workbook_export(round=followup_round, unit=fh))
    report(workbook, "RF1")

    assert refused(save(workbook), user=reader) == [
        "You may not report for the unit FH in the round TEST-AR-2023."
    ]


def test_indicators_measured_by_economy_figures_are_not_entered_here(followup_round, planner, ruf):
    """Sjukfrånvaro comes with the economy import (docs/ekonomiimport.md): the workbook leaves it out
    and refuses a row for it, so the figure is entered once."""
    workbook = load(followup_workbook_export(round=followup_round, unit=ruf))
    with pytest.raises(LookupError):
        find_row(workbook["Mätvärden"], Indikator="RUF-I5.2")
    workbook["Mätvärden"].append(["RUF-I5.2", "Sjukfrånvaro", "Totalt", 2023, 5.3])

    problems = refused(save(workbook), user=planner)

    assert len(problems) == 1
    assert "RUF-I5.2 takes its measurements from the economy and staff import: sick leave (%)." in problems[0]


# --- a colleague's later save -----------------------------------------------------------------


def _rf7_saved_by(user, round, comment: str):
    from styrkort.followup.services import action_report_save
    from styrkort.plans.models import Action

    rf7 = Action.objects.get(plan__code="RUF-2023", code="RF7")
    return action_report_save(
        user=user, round=round, action=rf7, status="in_progress", colour="green", comment=comment
    )


def test_an_import_leaves_alone_what_a_colleague_saved_after_the_download(
    followup_round, planner, reporter, ruf
):
    """A downloads, B saves RF7, A imports having changed only RUN 3: RF7 stays as B saved it."""
    _rf7_saved_by(reporter, followup_round, "Första texten")
    downloaded = load(followup_workbook_export(round=followup_round, unit=ruf))
    _rf7_saved_by(reporter, followup_round, "Rasmus nyare text")
    report(downloaded, "RUN 3", "pågår", "grön", "Petras ändring")
    changed_run_3 = save(downloaded)

    result = followup_workbook_import(source=changed_run_3, user=planner)

    assert result.ok, [str(p) for p in result.problems]
    row = find_row(downloaded["Åtgärder"], Kod="RF7")
    saved_at = timezone.localtime(ActionReport.objects.get(action__code="RF7").reported_at)
    assert [str(p) for p in result.left_alone] == [
        f"Sheet Åtgärder, row {row}: rasmus saved this at {saved_at:%Y-%m-%d %H:%M}, "
        "after the file was downloaded; it is left as they saved it."
    ]
    assert ActionReport.objects.get(round=followup_round, action__code="RF7").comment == "Rasmus nyare text"
    assert ActionReport.objects.get(round=followup_round, action__code="RUN 3").comment == "Petras ändring"

    again = followup_workbook_import(source=changed_run_3, user=planner, overwrite=True)

    assert again.ok
    assert not again.left_alone
    assert ActionReport.objects.get(round=followup_round, action__code="RF7").comment == "Första texten"


def test_a_file_without_versions_does_not_overwrite_a_report_it_did_not_know(
    followup_round, planner, reporter, ruf
):
    """A hand-made file, or one from before versions: its rows are taken as knowing of no report."""
    downloaded = load(followup_workbook_export(round=followup_round, unit=ruf))
    _rf7_saved_by(reporter, followup_round, "Rasmus text")
    report(downloaded, "RF7", "klart", "grön", "Petras text")
    sheet = downloaded["Åtgärder"]
    sheet.delete_cols([cell.value for cell in sheet[1]].index("Version") + 1)

    result = followup_workbook_import(source=save(downloaded), user=planner)

    assert result.ok
    assert len(result.left_alone) == 1
    assert ActionReport.objects.get(round=followup_round, action__code="RF7").comment == "Rasmus text"
