"""Files no spreadsheet would write: each gets a Swedish message naming the place, never an exception
(they gave 500s before, issue 11 item 6); and a fuzz test over the three import readers."""

import functools
import io
import os
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from styrkort.demo.services import DEMO_WORKBOOK
from styrkort.economy.models import LedgerEntry
from styrkort.exchange.services import (
    economy_import,
    followup_workbook_export,
    followup_workbook_import,
    plan_workbook_import,
)
from styrkort.followup.models import FollowUpRound
from styrkort.plans.models import Plan

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("swedish")]

HEADER = b"Enhet;Konto;Period;Typ;Belopp\n"
FUZZ_EXAMPLES = int(os.environ.get("STYRKORT_FUZZ_EXAMPLES", "20"))  # 10 000 by hand: docs/development.md


def messages(result) -> list[str]:
    return [str(problem) for problem in result.problems]


@functools.cache
def small(workbook, keep: tuple[str, ...]) -> bytes:
    """The workbook with only the sheets `keep`: the same reader, a fraction of the rows to save."""
    from openpyxl import load_workbook

    opened = load_workbook(workbook)
    for name in opened.sheetnames:
        if name not in keep:
            del opened[name]
    buffer = io.BytesIO()
    opened.save(buffer)
    return buffer.getvalue()


def edited(workbook, member: str, edit) -> bytes:
    """The workbook with one of its XML parts changed by `edit`, as a hand-made file would be."""
    source = zipfile.ZipFile(io.BytesIO(workbook) if isinstance(workbook, bytes) else workbook)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            target.writestr(info, edit(content) if info.filename == member else content)
    return buffer.getvalue()


@pytest.fixture
def open_round(full_demo):
    return FollowUpRound.objects.get(code="DR1-2024-RUF")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            HEADER + b"RUF;3010;2023;utfall;1\x81\x8d\n",
            "Filen är varken UTF-8- eller Windows-1252-text: byte 53 går inte att läsa.",
        ),
        (HEADER.replace(b"\n", b"\r") + b"RUF;3010;2023;utfall;1\r", "read"),  # old Mac line ends
        (
            HEADER + b"RUF;" + b"3" * 200_000 + b";2023;utfall;1\n",
            "Rad 2 i filen gick inte att läsa: ett fält är längre än 131,072 tecken.",
        ),
        (b"\x00\x01\x02binary", "Filen är inte text"),
        (HEADER + b'RUF;"3010;2023;utfall;1\n', None),  # an open quote runs to the end: a row problem
    ],
    ids=["neither utf-8 nor cp1252", "cr only", "a field over 131 072 characters", "binary", "open quote"],
)
def test_a_broken_csv_is_refused_with_its_place(open_round, administrator, content, expected):
    result = economy_import(source=content, round=open_round, user=administrator)

    if expected == "read":
        assert result.ok, messages(result)
    elif expected is None:
        assert messages(result), "a problem, not an exception"
    else:
        assert messages(result)[0].startswith(expected), messages(result)
    assert not LedgerEntry.objects.filter(year=2024).exists()


@pytest.mark.parametrize(
    "edit",
    [
        lambda xml: xml.replace(b"<v>2022</v>", b"<v>abc</v>", 1),
        lambda xml: xml.replace(b"<v>2022</v>", b"<v>1E999</v>", 1),
        lambda xml: xml.replace(b'r="E2"', b'r="E!2"', 1),
        lambda xml: xml.replace(b"<v>2022</v>", b'<v t="d">inte ett datum</v>', 1).replace(
            b'r="E2"', b'r="E2" t="d"', 1
        ),
        lambda xml: xml.replace(b"<sheetData>", b"<sheetData><row r='1'><c r='A1' t='s'><v>99999</v></c>", 1),
        lambda xml: xml[: len(xml) // 2],  # cut short: broken XML
    ],
    ids=[
        "text for a number",
        "1E999",
        "bad coordinate",
        "garbage in a date",
        "shared string out of range",
        "cut short",
    ],
)
def test_a_hand_made_workbook_is_refused_with_its_place(db, edit):
    from tests.people import superuser

    result = plan_workbook_import(
        source=edited(DEMO_WORKBOOK, "xl/worksheets/sheet2.xml", edit), user=superuser()
    )

    assert not result.ok
    assert any(text.startswith(("Blad Planer", "Filen kunde inte läsas")) for text in messages(result)), (
        messages(result)
    )
    assert not Plan.objects.exists()


def _no_exception_escapes(run) -> None:
    result = run()
    assert result is not None


@settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.binary(max_size=2000))
def test_fuzz_the_economy_reader_with_bytes(open_round, administrator, data):
    _no_exception_escapes(lambda: economy_import(source=HEADER + data, round=open_round, user=administrator))


@settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(position=st.integers(min_value=0, max_value=10**6), replacement=st.binary(min_size=1, max_size=8))
def test_fuzz_the_plan_workbook_reader_with_damaged_sheets(administrator, position, replacement):
    def damage(xml: bytes) -> bytes:
        at = position % len(xml)
        return xml[:at] + replacement + xml[at + len(replacement) :]

    content = edited(small(DEMO_WORKBOOK, ("Enheter", "Planer")), "xl/worksheets/sheet2.xml", damage)
    _no_exception_escapes(lambda: plan_workbook_import(source=content, user=administrator, dry_run=True))


@settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(position=st.integers(min_value=0, max_value=10**6), replacement=st.binary(min_size=1, max_size=8))
def test_fuzz_the_followup_workbook_reader_with_damaged_sheets(open_round, planner, position, replacement):
    def damage(xml: bytes) -> bytes:
        at = position % len(xml)
        return xml[:at] + replacement + xml[at + len(replacement) :]

    content = edited(exported(open_round), "xl/worksheets/sheet2.xml", damage)
    _no_exception_escapes(lambda: followup_workbook_import(source=content, user=planner, dry_run=True))


_exported: dict[str, bytes] = {}


def exported(followup_round) -> bytes:
    """The open round's follow-up workbook for RUF, as a reporter downloads it; made once."""
    if followup_round.code not in _exported:
        from styrkort.org.models import Unit

        unit = Unit.objects.get(code="RUF")
        _exported[followup_round.code] = followup_workbook_export(round=followup_round, unit=unit)
    return _exported[followup_round.code]
