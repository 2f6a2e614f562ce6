import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from styrkort.plans.enums import TimelineKind
from styrkort.plans.timeline import Timeline, TimelineError, parse_timeline

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023", Timeline(kind=TimelineKind.YEAR, start_year=2023, end_year=2023)),
        ("2023-2024", Timeline(kind=TimelineKind.RANGE, start_year=2023, end_year=2024)),
        ("2023–2024", Timeline(kind=TimelineKind.RANGE, start_year=2023, end_year=2024)),
        ("Q4 2023", Timeline(kind=TimelineKind.QUARTER, start_year=2023, end_year=2023, quarter=4)),
        ("kv2 2024", Timeline(kind=TimelineKind.QUARTER, start_year=2024, end_year=2024, quarter=2)),
        (
            "2023-06-30",
            Timeline(kind=TimelineKind.DATE, start_year=2023, end_year=2023, date=dt.date(2023, 6, 30)),
        ),
        ("Planperioden", Timeline(kind=TimelineKind.PLAN_PERIOD)),
        ("  under planperioden ", Timeline(kind=TimelineKind.PLAN_PERIOD)),
        ("", Timeline()),
    ],
)
def test_parse_timeline_reads_what_plans_write(text, expected):
    assert parse_timeline(text) == expected


@pytest.mark.parametrize("text", ["snart", "2024-2023", "2023-02-30", "Q5 2023", "23"])
def test_parse_timeline_refuses_with_the_text_in_the_message(text):
    with pytest.raises(TimelineError) as error:
        parse_timeline(text)

    assert text.strip() in str(error.value)


def test_plan_period_resolves_to_the_plans_years():
    assert parse_timeline("Planperioden").year_span(2023, 2025) == (2023, 2025)
    assert parse_timeline("Planperioden").touches_year(2024, 2023, 2025)
    assert not parse_timeline("2023").touches_year(2024, 2023, 2025)


timelines = st.one_of(
    st.integers(1990, 2100).map(lambda y: Timeline(kind=TimelineKind.YEAR, start_year=y, end_year=y)),
    st.tuples(st.integers(1990, 2100), st.integers(0, 10)).map(
        lambda t: Timeline(kind=TimelineKind.RANGE, start_year=t[0], end_year=t[0] + t[1])
    ),
    st.tuples(st.integers(1990, 2100), st.integers(1, 4)).map(
        lambda t: Timeline(kind=TimelineKind.QUARTER, start_year=t[0], end_year=t[0], quarter=t[1])
    ),
    st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31)).map(
        lambda d: Timeline(kind=TimelineKind.DATE, start_year=d.year, end_year=d.year, date=d)
    ),
    st.just(Timeline(kind=TimelineKind.PLAN_PERIOD)),
)


@given(timelines)
def test_timeline_text_reads_back_to_the_same_timeline(timeline):
    assert parse_timeline(timeline.as_text()) == timeline
