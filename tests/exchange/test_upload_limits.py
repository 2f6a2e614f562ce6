"""Uploads that would hold a worker: compression bombs and giant sheets are refused before they are
unpacked, with a message, and nothing is written (issue 11)."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from styrkort.demo.services import DEMO_WORKBOOK
from styrkort.exchange import engine
from styrkort.exchange.services import economy_import, plan_workbook_import
from styrkort.plans.models import Plan
from tests.people import superuser

from .conftest import load, save

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("swedish")]

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def bomb(*, inflated_mb: int = 100) -> bytes:
    """The demo workbook with one sheet replaced by `inflated_mb` MB of the same cell over and over:
    a few hundred kilobytes on disk, as the attacker's file was."""
    source = zipfile.ZipFile(DEMO_WORKBOOK)
    buffer = io.BytesIO()
    row = b'<row r="2"><c r="A2" t="inlineStr"><is><t>RF</t></is></c></row>'
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for member in source.infolist():
            content = source.read(member)
            if member.filename == "xl/worksheets/sheet1.xml":
                head, _separator, tail = content.partition(b"</sheetData>")
                content = head + row * (inflated_mb * 1024 * 1024 // len(row)) + b"</sheetData>" + tail
            target.writestr(member, content)
    return buffer.getvalue()


def messages(result) -> list[str]:
    return [str(problem) for problem in result.problems]


def test_a_compression_bomb_is_refused_before_it_is_unpacked(db):
    content = bomb()
    assert len(content) < 1024 * 1024  # the attack: small on disk

    result = plan_workbook_import(source=content, user=superuser())

    assert messages(result) == [
        "Arbetsboken packas upp till 100 MB, mer än de 50 MB en arbetsbok får rymma. "
        "Spara bara de blad som importen behöver och försök igen."
    ]
    assert not Plan.objects.exists()


def test_a_part_that_inflates_a_thousand_times_is_refused_even_under_the_size_limit(db):
    result = plan_workbook_import(source=bomb(inflated_mb=20), user=superuser())

    assert messages(result)[0].startswith("En del av arbetsboken (xl/worksheets/sheet1.xml) sväller ")
    assert messages(result)[0].endswith(
        " gånger när den packas upp, som en komprimeringsbomb; den öppnas inte."
    )


def test_the_economy_import_refuses_the_same_bomb(full_demo, administrator):
    from styrkort.followup.models import FollowUpRound

    result = economy_import(
        source=bomb(), round=FollowUpRound.objects.get(code="DR1-2024-RUF"), user=administrator
    )

    assert messages(result)[0].startswith("Arbetsboken packas upp till 100 MB")


def test_the_page_answers_a_bomb_with_the_message(client, planner):
    client.force_login(planner)

    response = client.post(
        reverse("exchange:import"), {"workbook": SimpleUploadedFile("plan.xlsx", bomb(), content_type=XLSX)}
    )

    assert response.status_code == 422
    assert "Arbetsboken packas upp till 100 MB" in response.content.decode()


def test_a_sheet_with_too_many_rows_is_refused(db, demo_workbook, monkeypatch):
    monkeypatch.setattr(engine, "MAX_ROWS", 5)

    result = plan_workbook_import(source=save(demo_workbook), user=superuser())

    assert "Blad Enheter, rad 7: Bladet har fler än 5 rader, det mesta ett blad får ha." in messages(result)
    assert not Plan.objects.exists()


def test_the_demo_workbook_is_far_inside_the_limits():
    assert engine.zip_problem(DEMO_WORKBOOK.read_bytes()) is None
    assert load(DEMO_WORKBOOK.read_bytes()).sheetnames[0] == "Enheter"


def _with_sheet1(transform) -> bytes:
    source = zipfile.ZipFile(DEMO_WORKBOOK)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            content = source.read(member)
            if member.filename == "xl/worksheets/sheet1.xml":
                content = transform(content)
            target.writestr(member, content)
    return buffer.getvalue()


def test_a_sheet_claiming_the_widest_range_is_read_to_its_last_real_column_only(db):
    """A dimension of A1:XFD1048576 would pad every row to 16,384 cells; only 101 are read."""
    import re

    content = _with_sheet1(
        lambda xml: re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD1048576"/>', xml)
    )

    result = plan_workbook_import(source=content, user=superuser(), dry_run=True)

    assert result.ok, messages(result)


def test_a_cell_beyond_the_hundredth_column_is_named(db):
    cell = b'<c r="CW1" t="inlineStr"><is><t>x</t></is></c>'  # column 101 of the header row
    content = _with_sheet1(lambda xml: xml.replace(b"</row>", cell + b"</row>", 1))

    result = plan_workbook_import(source=content, user=superuser(), dry_run=True)

    assert "Raden har fler än 100 kolumner, det mesta ett blad får ha." in " ".join(messages(result))


def test_a_workbook_with_too_many_texts_is_refused_before_it_is_opened(db):
    source = zipfile.ZipFile(DEMO_WORKBOOK)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            if member.filename != "xl/sharedStrings.xml":
                target.writestr(member, source.read(member))
        strings = b"".join(b"<si><t>%d</t></si>" % i for i in range(800_000))
        target.writestr("xl/sharedStrings.xml", b"<sst>" + strings + b"</sst>")

    result = plan_workbook_import(source=buffer.getvalue(), user=superuser())

    assert messages(result)[0].startswith("Arbetsbokens texter tar 1")
