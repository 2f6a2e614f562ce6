"""A breakdown's "keep" target is measured from that breakdown's own baseline (seed 003, ch. 15:
one nuläge per breakdown, e.g. vårdgaranti "Primär v Tel 87 % Bes 81 %")."""

import datetime as dt
from decimal import Decimal

import pytest

from styrkort.followup import services
from styrkort.followup.report import (
    IndicatorFigures,
    indicator_figures,
    indicator_line,
    indicators_with_figures,
)
from styrkort.plans.enums import Comparator
from styrkort.plans.models import Breakdown, Indicator
from styrkort.plans.services import target_upsert
from tests.people import superuser

pytestmark = pytest.mark.integration


@pytest.fixture
def region_round(make_round):
    return make_round(
        "TEST-RP-2023",
        name="Årsredovisning 2023",
        kind="annual",
        as_of=dt.date(2023, 12, 31),
        deadline=dt.date(2024, 1, 31),
        plans=("RPB-2022",),
        units=("RF",),
    )


@pytest.mark.parametrize(
    ("telephone", "visit", "statuses"),
    [
        (Decimal("88"), Decimal("81"), ["green", "green"]),  # each at or above its own 2020 level
        (Decimal("84"), Decimal("84"), ["red", "green"]),  # 84 is below telephone's 87, above visits' 81
    ],
)
def test_a_breakdowns_keep_target_is_measured_from_its_own_baseline(region_round, telephone, visit, statuses):
    indicator = Indicator.objects.get(code="RP-I4.1.1")  # higher is better; no total baseline
    for name, value in (("Primärvård telefon", telephone), ("Primärvård besök", visit)):
        breakdown = Breakdown.objects.get(name=name)
        target_upsert(
            user=superuser(), indicator=indicator, year=2023, breakdown=breakdown, comparator=Comparator.KEEP
        )
        services.measurement_save(
            user=superuser(),
            round=region_round,
            indicator=indicator,
            breakdown=breakdown,
            period=2023,
            value=value,
        )

    loaded = IndicatorFigures.of(indicators_with_figures(region_round).get(pk=indicator.pk))
    line = indicator_line(loaded, 2023, {})
    # The round's facts read the same figures as rows.
    (as_rows,) = [figures for figures in indicator_figures(region_round) if figures.pk == indicator.pk]
    assert as_rows == loaded

    assert [(o.breakdown, o.status) for o in line.outcomes] == [
        ("Primärvård telefon", statuses[0]),
        ("Primärvård besök", statuses[1]),
    ]
