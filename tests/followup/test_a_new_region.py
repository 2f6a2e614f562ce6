"""Issue 12's "done when": a new region enters its own documents from an empty database, through
the product's imports and pages, without inventing a value.

(a) a regional strategy's action plan whose activities have no codes, followed up by colour only;
(b) a department's activity card followed up by status only, one row carrying only a comment.
"""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from styrkort.exchange.services import plan_workbook_export
from styrkort.followup.models import ActionReport, FollowUpRound
from styrkort.org.enums import Role
from styrkort.org.models import Unit
from styrkort.org.services import user_ensure
from styrkort.plans.models import Action
from tests.exchange.conftest import cells, find_row, load, save
from tests.people import superuser

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("swedish")]

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

UNITS = [
    ("RX", "Regionfullmäktige", "", "fullmäktige", ""),
    ("RUX", "Regionala utvecklingsnämnden", "", "nämnd", "RX"),
    ("UTV", "Utvecklingsförvaltningen", "", "förvaltning", "RX"),
    ("KUL", "Kultur", "", "verksamhet", "UTV"),
]
# The strategy's action plan: three goal areas, activities printed without codes or units.
STRATEGY_ACTIVITIES = [
    ("1", "Ta fram en regional kompetensplan", "2024"),
    ("1", "Stärka samverkan med lärosätena", "Planperioden"),
    ("2", "Utveckla kollektivtrafiken på landsbygden", "2024-2025"),
    ("2", "Bygga ut laddinfrastrukturen", "Planperioden"),
    ("3", "Arrangera en länsgemensam kulturvecka", "2024 Q3"),
]
# The department's activity card: coded actions, a status each, and one row with only a comment.
CARD = [
    ("K1", "Öppna biblioteken på söndagar", "klart", ""),
    ("K2", "Digitalisera arkivet", "pågår", ""),
    ("K3", "Turnerande teater i länet", "pågår", ""),
    ("K4", "Ny konsthall", None, "Väntar på beslut om lokal."),
]


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=XLSX)


def plan_workbook() -> bytes:
    """The empty database's own export, filled in as a region would: the template has the headers."""
    workbook = load(plan_workbook_export())
    for row in UNITS:
        workbook["Enheter"].append(row)
    plans = workbook["Planer"]
    plans.append(["HP-2024", "Handlingsplan för den regionala utvecklingsstrategin", "handlingsplan", "RUX"])
    plans.append(["KUL-2024", "Verksamhetsplan 2024 Kultur", "verksamhetsplan", "KUL"])
    for row_number, decided_by in ((2, "RUX"), (3, "UTV")):  # years and decision of both plans
        plans.cell(row_number, 5).value, plans.cell(row_number, 6).value = 2024, 2026
        plans.cell(row_number, 8).value, plans.cell(row_number, 9).value = "antagen", decided_by
        plans.cell(row_number, 10).value = "2024-01-20"
    areas = workbook["Målområden"]
    for code, name in (("1", "Kompetens"), ("2", "Tillgänglighet"), ("3", "Kultur och livsmiljö")):
        areas.append([code, "HP-2024", name])
    areas.append(["K", "KUL-2024", "Kultur för alla"])
    actions = workbook["Åtgärder"]
    for area, text, timeline in STRATEGY_ACTIVITIES:
        actions.append(["HP-2024", None, text, timeline, None, area])
    for code, text, _status, _comment in CARD:
        actions.append(["KUL-2024", code, text, "2024", "KUL", "K"])
    return save(workbook)


def check_then_confirm(client, url: str, field: str, content: bytes):
    preview = client.post(url, {field: upload("fil.xlsx", content)}, follow=True)
    result = preview.context["result"]
    assert result.ok, [str(problem) for problem in result.problems]
    return client.post(url, {"token": preview.context["token"]}, follow=True)


def set_up_round(client, code: str, *, plan: str, unit: str, asks_for: str, name: str):
    response = client.post(
        reverse("followup:round_create"),
        {
            "code": code,
            "name": name,
            "kind": "followup",
            "as_of": "2024-08-31",
            "deadline": "2024-09-15",
            "plans": plan,
            "units": unit,
            "asks_for": asks_for,
        },
    )
    assert response.status_code == 302, response.content.decode()
    return FollowUpRound.objects.get(code=code)


def table_rows(html: str, section_id: str) -> list[list[str]]:
    """The text of each row's cells in the table of one section of a page."""
    section = html[html.index(f'id="{section_id}"') :]
    section = section[: section.index("</table>")]
    rows = []
    for row in re.findall(r"<tr>(.*?)</tr>", section, re.S):
        cells_text = [
            re.sub(r"<[^>]+>", "", cell).strip()
            for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        ]
        rows.append([" ".join(text.split()) for text in cells_text])
    return rows


@pytest.fixture
def new_region(client, db):
    """An installation's first person imports the region's units and plans through the page, and
    gives a planner an account at the administration."""
    client.force_login(superuser())
    saved = check_then_confirm(client, reverse("exchange:import"), "workbook", plan_workbook())
    assert "Arbetsboken sparades" in saved.content.decode()
    planner, _created = user_ensure(
        username="planner",
        password="x",
        full_name="Pia Planerare",
        unit=Unit.objects.get(code="RX"),
        role=Role.PLANNER,
    )
    client.force_login(planner)
    return planner


def test_a_strategy_without_codes_followed_up_by_colour_only(client, new_region):
    numbered = Action.objects.filter(plan__code="HP-2024").order_by("code")
    assert [(a.code, a.numbered) for a in numbered] == [
        ("1.1", True),
        ("1.2", True),
        ("2.1", True),
        ("2.2", True),
        ("3.1", True),
    ]
    round = set_up_round(
        client, "UPP-HP-2024", plan="HP-2024", unit="RUX", asks_for="assessment", name="Uppföljning RUS 2024"
    )

    # The plan's owner reports the activities that have no responsible unit.
    download = client.get(reverse("exchange:followup_download", args=[round.code, "RUX"]))
    workbook = load(download.content)
    sheet = workbook["Åtgärder"]
    headers = [cell.value for cell in sheet[1]]
    assert "Bedömning" in headers
    assert "Status" not in headers
    assert [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)] == [
        "1.1",
        "1.2",
        "2.1",
        "2.2",
        "3.1",
    ]
    for code, colour in (("1.1", "grön"), ("1.2", "gul"), ("2.1", "grön"), ("2.2", "röd")):
        cells(sheet, find_row(sheet, Kod=code))["Bedömning"].value = colour
    check_then_confirm(
        client, reverse("exchange:followup_import", args=[round.code, "RUX"]), "workbook", save(workbook)
    )

    assert sorted(ActionReport.objects.values_list("action__code", "status", "colour")) == [
        ("1.1", "", "green"),
        ("1.2", "", "yellow"),
        ("2.1", "", "green"),
        ("2.2", "", "red"),
    ]
    overview = client.get(reverse("followup:overview", args=[round.code])).content.decode()
    assert table_rows(overview, "green-share")[1:] == [
        ["Kompetens", "2", "1", "50 %"],
        ["Tillgänglighet", "2", "1", "50 %"],
        ["Kultur och livsmiljö", "1", "0", "0 %"],
        ["Totalt", "5", "2", "40 %"],
    ]
    assert "3.1" in overview[overview.index('id="not-reported"') :]


def test_a_department_card_followed_up_by_status_only_with_a_comment_only_row(client, new_region):
    round = set_up_round(
        client, "KORT-KUL-2024", plan="KUL-2024", unit="KUL", asks_for="status", name="Verksamhetskort 2024"
    )
    workbook = load(client.get(reverse("exchange:followup_download", args=[round.code, "KUL"])).content)
    sheet = workbook["Åtgärder"]
    assert "Bedömning" not in [cell.value for cell in sheet[1]]
    for code, _text, status, comment in CARD:
        row = cells(sheet, find_row(sheet, Kod=code))
        row["Status"].value, row["Kommentar"].value = status, comment
    check_then_confirm(
        client, reverse("exchange:followup_import", args=[round.code, "KUL"]), "workbook", save(workbook)
    )

    overview = client.get(reverse("followup:overview", args=[round.code])).content.decode()
    assert 'id="green-share"' not in overview
    rows = table_rows(overview, "status-counts")
    # ej påbörjat, pågår, klart, vilande, avbrutet, kommenterad ej bedömd, ej rapporterad
    assert rows[-1] == ["Totalt", "0", "2", "1", "0", "0", "1", "0"]
    not_reported = overview[overview.index('id="not-reported"') :]
    assert "K4" in not_reported
    assert "kommenterad, ej bedömd" in not_reported
    assert "Väntar på beslut om lokal." in not_reported
    assert ActionReport.objects.get(action__code="K4").status == ""
