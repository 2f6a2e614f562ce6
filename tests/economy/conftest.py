import datetime as dt

import pytest

from styrkort.exchange.services import economy_import
from styrkort.followup.enums import RoundKind

CHART = """Konto;Rad;Grupp;Ordning
30;Försäljning;intäkt;1
38;Regionersättning;intäkt;2
50;Personalkostnader;kostnad;1
6;Övriga kostnader;kostnad;2
"""


@pytest.fixture
def annual_round(make_round):
    """An open annual report 2023 for the development administration (RUF) and its departments."""
    return make_round(
        "TEST-AR-2023",
        name="Årsredovisning 2023 – test",
        kind=RoundKind.ANNUAL,
        as_of=dt.date(2023, 12, 31),
        deadline=dt.date(2024, 1, 20),
    )


@pytest.fixture
def chart(annual_round, administrator, swedish):
    """A small chart of accounts: two revenue lines, two cost lines (6 catches all of class 6).

    The chart is shared by every unit, so an administrator imports it."""
    result = economy_import(source=CHART.encode(), round=annual_round, user=administrator)
    assert result.ok, [str(p) for p in result.problems]
    return result


def csv_bytes(text: str, encoding: str = "utf-8") -> bytes:
    return text.encode(encoding)
