import datetime as dt
import io

import pytest

from styrkort.demo.services import DEMO_WORKBOOK
from styrkort.followup.enums import RoundKind


def load(content: bytes):
    from openpyxl import load_workbook

    return load_workbook(io.BytesIO(content))


def save(workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def demo_workbook():
    """The demo workbook, opened for a test to spoil."""
    return load(DEMO_WORKBOOK.read_bytes())


def workbook_content(content: bytes, *, versions: bool = False) -> dict[str, list[tuple]]:
    """Every sheet's rows; without the follow-up workbook's Version column unless `versions` (each save
    raises a row's version, so a file that was imported and exported again differs there)."""
    workbook = load(content)
    content = {}
    for sheet in workbook:
        rows = [tuple(row) for row in sheet.iter_rows(values_only=True)]
        if not versions and rows and "Version" in rows[0]:
            at = rows[0].index("Version")
            rows = [row[:at] + row[at + 1 :] for row in rows]
        content[sheet.title] = rows
    return content


@pytest.fixture
def followup_round(make_round):
    """An open annual round of 2023 for the development administration (RUF) and the units below it."""
    return make_round(
        "TEST-AR-2023",
        name="Årsredovisning 2023 – test",
        kind=RoundKind.ANNUAL,
        as_of=dt.date(2023, 12, 31),
        deadline=dt.date(2024, 1, 17),
    )


@pytest.fixture
def other_round(make_round, followup_round):
    """A second open round for the same plan and units."""
    return make_round(
        "TEST-DR1-2024",
        name="Delårsrapport 1 2024 – test",
        kind=RoundKind.INTERIM_1,
        as_of=dt.date(2024, 4, 30),
        deadline=dt.date(2024, 5, 15),
    )


def cells(worksheet, row: int) -> dict:
    """The cells of one row by header, to read or fill in like a person would."""
    headers = [cell.value for cell in worksheet[1]]
    return dict(zip(headers, worksheet[row], strict=False))


def find_row(worksheet, **wanted) -> int:
    """The number of the first row whose cells (by header) hold the wanted values."""
    for row in range(2, worksheet.max_row + 1):
        by_header = cells(worksheet, row)
        if all(by_header[header].value == value for header, value in wanted.items()):
            return row
    raise LookupError(wanted)
