import operator
from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from styrkort.followup.status import (
    GreenShare,
    IndicatorStatus,
    Trend,
    green_share,
    indicator_status,
    trend,
)
from styrkort.plans.enums import Comparator, Direction

pytestmark = pytest.mark.unit

GREEN, YELLOW, RED, GREY = (
    IndicatorStatus.GREEN,
    IndicatorStatus.YELLOW,
    IndicatorStatus.RED,
    IndicatorStatus.GREY,
)
D = Decimal

amounts = st.decimals(min_value=-10_000, max_value=10_000, places=2, allow_nan=False, allow_infinity=False)
tolerances = st.none() | st.decimals(
    min_value=0, max_value=1_000, places=2, allow_nan=False, allow_infinity=False
)
ordering_comparators = st.sampled_from([Comparator.GT, Comparator.GTE, Comparator.LT, Comparator.LTE])
HOLDS = {
    Comparator.GT: operator.gt,
    Comparator.GTE: operator.ge,
    Comparator.LT: operator.lt,
    Comparator.LTE: operator.le,
}
WORSENESS = {GREEN: 0, YELLOW: 1, RED: 2}


def status(value, comparator, target, tolerance=None, direction=Direction.HIGHER, **reduction):
    return indicator_status(
        value,
        missing=False,
        comparator=comparator,
        target=target,
        direction=direction,
        tolerance=tolerance,
        **reduction,
    )


def reduce_by_half(value, tolerance=None):
    return status(
        value,
        Comparator.REDUCE_BY,
        D(50),
        tolerance,
        Direction.LOWER,
        baseline=D(100),
        baseline_year=2020,
        by_year=2030,
        year=2025,
    )


# From the annual report: targets as printed in the indicator tables, outcomes beside them.
@pytest.mark.parametrize(
    ("value", "comparator", "target", "tolerance", "expected"),
    [
        (D(40), Comparator.GT, D(41), None, RED),
        (D(40), Comparator.GT, D(41), D(2), YELLOW),
        (D(37), Comparator.GT, D(30), None, GREEN),
        (D(11), Comparator.LT, D(11), None, RED),
        (D(11), Comparator.LT, D(11), D(1), YELLOW),
        (D(11), Comparator.LTE, D(11), None, GREEN),
        (D("69.5"), Comparator.GTE, D(70), D("0.5"), YELLOW),
        (D("69.4"), Comparator.GTE, D(70), D("0.5"), RED),
        (D(95), Comparator.EQ, D(95), None, GREEN),
        (D(94), Comparator.EQ, D(95), D(1), YELLOW),
        (D(96), Comparator.EQ, D(95), D(1), YELLOW),
        (D(97), Comparator.EQ, D(95), D(1), RED),
    ],
)
def test_indicator_status_against_targets_from_the_report(value, comparator, target, tolerance, expected):
    assert status(value, comparator, target, tolerance) == expected


@pytest.mark.parametrize("value", [None, D(40)])
def test_indicator_status_is_grey_when_data_is_missing(value):
    result = indicator_status(
        value,
        missing=True,
        comparator=Comparator.GT,
        target=D(41),
        direction=Direction.HIGHER,
        tolerance=None,
    )

    assert result == GREY


def test_indicator_status_is_grey_when_value_is_none():
    assert status(None, Comparator.GT, D(41)) == GREY


def test_indicator_status_is_not_assessed_without_a_target():
    assert status(D(40), None, None) is None


@pytest.mark.parametrize(
    ("value", "tolerance", "expected"), [(D(75), None, GREEN), (D(80), None, RED), (D(80), D(5), YELLOW)]
)
def test_indicator_status_reduce_by_half_over_ten_years_asks_for_a_quarter_after_five(
    value, tolerance, expected
):
    assert reduce_by_half(value, tolerance) == expected


@pytest.mark.parametrize(
    ("year", "value", "expected"), [(2019, D(100), GREEN), (2031, D(50), GREEN), (2031, D(51), RED)]
)
def test_indicator_status_reduce_by_holds_the_baseline_before_and_the_goal_after(year, value, expected):
    result = status(
        value, Comparator.REDUCE_BY, D(50), baseline=D(100), baseline_year=2020, by_year=2030, year=year
    )

    assert result == expected


@pytest.mark.parametrize("missing", ["baseline", "baseline_year", "by_year", "year"])
def test_indicator_status_reduce_by_is_not_assessed_without_baseline_or_years(missing):
    reduction = {"baseline": D(100), "baseline_year": 2020, "by_year": 2030, "year": 2025} | {missing: None}

    assert status(D(75), Comparator.REDUCE_BY, D(50), **reduction) is None


@pytest.mark.parametrize(
    ("value", "target", "baseline", "direction", "tolerance", "expected"),
    [
        (D(82), D(80), None, Direction.HIGHER, None, GREEN),
        (D(79), D(80), None, Direction.HIGHER, D(2), YELLOW),
        (D(77), D(80), None, Direction.HIGHER, D(2), RED),
        (D(78), None, D(80), Direction.LOWER, None, GREEN),
        (D(81), None, D(80), Direction.LOWER, D(2), YELLOW),
        (D(81), D(80), None, Direction.KEEP, D(1), GREEN),
        (D(79), D(80), None, Direction.ACTUAL, D(1), GREEN),
        (D(82), D(80), None, Direction.KEEP, D(1), RED),
    ],
)
def test_indicator_status_keep_is_not_worse_than_the_target_or_baseline(
    value, target, baseline, direction, tolerance, expected
):
    result = status(value, Comparator.KEEP, target, tolerance, direction, baseline=baseline)

    assert result == expected


def test_indicator_status_keep_is_not_assessed_without_target_or_baseline():
    assert status(D(80), Comparator.KEEP, None) is None


def test_indicator_status_refuses_a_negative_tolerance():
    with pytest.raises(ValueError, match="tolerance"):
        status(D(40), Comparator.GT, D(41), D(-1))


def test_indicator_status_symbols_tell_the_statuses_apart_without_colour():
    assert len({member.symbol for member in IndicatorStatus}) == len(IndicatorStatus)


@given(
    value=amounts,
    target=amounts,
    comparator=ordering_comparators,
    tolerances=st.lists(tolerances, min_size=2, max_size=2),
)
def test_indicator_status_never_worsens_as_tolerance_grows(value, target, comparator, tolerances):
    narrow, wide = sorted(tolerances, key=lambda tolerance: tolerance or 0)

    before, after = status(value, comparator, target, narrow), status(value, comparator, target, wide)

    assert WORSENESS[after] <= WORSENESS[before]


@given(value=amounts, target=amounts, comparator=ordering_comparators, tolerance=tolerances)
def test_indicator_status_is_green_whenever_the_target_is_met(value, target, comparator, tolerance):
    assume(HOLDS[comparator](value, target))

    assert status(value, comparator, target, tolerance) == GREEN


@pytest.mark.parametrize(
    ("current", "previous", "direction", "threshold", "expected"),
    [
        (D(69), D(65), Direction.HIGHER, None, Trend.POSITIVE),
        (D(65), D(69), Direction.HIGHER, None, Trend.NEGATIVE),
        (D(11), D(13), Direction.LOWER, None, Trend.POSITIVE),
        (D(70), D(69), Direction.HIGHER, D(1), Trend.UNCHANGED),
        (D(70), D(70), Direction.LOWER, None, Trend.UNCHANGED),
        (D(82), D(80), Direction.KEEP, D(1), Trend.NEGATIVE),
        (D(78), D(80), Direction.KEEP, D(1), Trend.NEGATIVE),
        (D(81), D(80), Direction.KEEP, D(1), Trend.UNCHANGED),
        (D(81), D(80), Direction.ACTUAL, None, None),
        (None, D(80), Direction.HIGHER, None, None),
        (D(80), None, Direction.HIGHER, None, None),
    ],
)
def test_trend_reads_the_change_in_the_desired_direction(current, previous, direction, threshold, expected):
    assert trend(current, previous, direction=direction, threshold=threshold) == expected


def test_trend_arrows_are_distinct():
    assert [member.arrow for member in Trend] == ["↗", "↘", "→"]


@given(
    current=amounts,
    previous=amounts,
    direction=st.sampled_from([Direction.HIGHER, Direction.LOWER]),
    threshold=tolerances,
)
def test_trend_swaps_positive_and_negative_when_the_years_are_swapped(
    current, previous, direction, threshold
):
    mirrored = {
        Trend.POSITIVE: Trend.NEGATIVE,
        Trend.NEGATIVE: Trend.POSITIVE,
        Trend.UNCHANGED: Trend.UNCHANGED,
    }

    forward = trend(current, previous, direction=direction, threshold=threshold)
    backward = trend(previous, current, direction=direction, threshold=threshold)

    assert backward == mirrored[forward]


def test_green_share_counts_the_rus_follow_up_as_99_percent():
    result = green_share(["green"] * 78 + ["yellow"])

    assert (result, result.share) == (GreenShare(total=79, green=78), D(99))


def test_green_share_counts_unreported_items_in_the_total():
    assert green_share(["green", "", "red", "green"]) == GreenShare(total=4, green=2)


def test_green_share_is_none_without_items():
    assert green_share([]).share is None


@pytest.mark.parametrize(("green", "total", "expected"), [(1, 8, D(13)), (199, 200, D(99)), (1, 201, D(1))])
def test_green_share_rounds_half_up_but_keeps_all_and_none_exact(green, total, expected):
    assert GreenShare(total=total, green=green).share == expected


@given(st.lists(st.sampled_from(["green", "yellow", "red", "grey", ""]), min_size=1, max_size=500))
def test_green_share_is_a_percentage_that_is_100_only_when_all_are_green(colours):
    share = green_share(colours).share

    assert D(0) <= share <= D(100)
    assert (share == 100) == all(colour == "green" for colour in colours)
