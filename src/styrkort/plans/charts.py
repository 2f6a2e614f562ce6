"""An indicator's measurements over the years as a line chart, its targets drawn beside them."""

from decimal import Decimal

from django.utils.translation import gettext as _

from styrkort.core.charts import MAX_SERIES, LineChart, Series, line_chart

from .enums import Comparator
from .formatting import describe_target


def _target_level(target, baseline: Decimal | None) -> Decimal | None:
    """Where a target lies on the chart: its value; a "keep" target at the baseline; a "reduce by"
    target that share below the baseline (none without a baseline)."""
    kind = Comparator(target.comparator)
    if kind is Comparator.REDUCE_BY:
        if baseline is None or target.value is None:
            return None
        return baseline * (1 - target.value / 100)
    if kind is Comparator.KEEP:
        return target.value if target.value is not None else baseline
    return target.value


def indicator_chart(
    indicator, measurement_columns, measurement_rows, target_columns, target_rows
) -> LineChart | None:
    """The chart of the indicator page's two tables (plans.queries.measurements_by_year and
    targets_by_year): a line per breakdown, the first column's target per year. None without values."""
    values_by_year = {
        row["year"]: [None if m is None or m.missing else m.value for m in row["cells"]]
        for row in measurement_rows
    }
    if not any(v is not None for values in values_by_year.values() for v in values):
        return None
    first_column = target_columns[0] if target_columns else None
    shown_column = measurement_columns[0]
    targets_by_year = {
        row["year"]: row["cells"][0]
        for row in target_rows
        if first_column == shown_column and row["cells"][0]
    }
    years = sorted(set(values_by_year) | set(targets_by_year))
    series = [
        Series(
            name, tuple(values_by_year.get(year, [None] * len(measurement_columns))[index] for year in years)
        )
        for index, name in enumerate(measurement_columns[:MAX_SERIES])
    ]
    targets = [
        (_target_level(t, indicator.baseline_value), describe_target(t))
        if (t := targets_by_year.get(year))
        else (None, "")
        for year in years
    ]
    return line_chart(
        title=_("%(indicator)s, by year") % {"indicator": indicator.name},
        categories=[str(year) for year in years],
        series=series,
        unit=indicator.unit_of_measure,
        targets=targets,
        target_name=_("Target"),
    )
