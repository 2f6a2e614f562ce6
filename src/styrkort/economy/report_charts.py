"""The economy page's two charts, drawn from the report's data (the same figures as the tables)."""

from django.utils.translation import gettext as _

from styrkort.core.charts import BarChart, Series, grouped_bar_chart

from .queries import MNKR
from .report import EconomyReport


def department_results_chart(report: EconomyReport) -> BarChart | None:
    """Result per department, one group per department, one bar per year."""
    if not report.departments:
        return None
    return grouped_bar_chart(
        title=_("Result per department %(first)s–%(last)s, mnkr")
        % {"first": report.result_years[0], "last": report.result_years[-1]},
        categories=[row.name for row in report.departments],
        series=[
            Series(
                str(year),
                tuple(
                    None if row.results[i] is None else row.results[i] / MNKR for row in report.departments
                ),
            )
            for i, year in enumerate(report.result_years)
        ],
        unit="mnkr",
    )


def sick_leave_chart(report: EconomyReport) -> BarChart | None:
    """Sick leave by length of absence, this year against last."""
    if not report.sick_leave_days:
        return None
    rows = report.sick_leave_days
    return grouped_bar_chart(
        title=_("Sick leave by length of absence, %(year)s against %(last)s, %%")
        % {"year": report.year, "last": report.year - 1},
        categories=[row.label for row in rows],
        series=[
            Series(str(report.year - 1), tuple(row.last_year for row in rows)),
            Series(str(report.year), tuple(row.this_year for row in rows)),
        ],
        unit="%",
    )
