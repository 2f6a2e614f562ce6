"""Timelines as the plans write them: "2023", "2023-2024", "2023 Q2", "2023-06-30", "Planperioden".

Pure functions: parse text into a Timeline, format it back, and test whether it touches a year.
"""

import datetime as dt
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from .enums import TimelineKind

PLAN_PERIOD_WORDS = {"planperioden", "planperiod", "under planperioden", "plan period"}
_YEAR = re.compile(r"^(\d{4})$")
_RANGE = re.compile(r"^(\d{4})\s*[-–—]\s*(\d{4})$")
_QUARTER = re.compile(
    r"^(?:(\d{4})\s*(?:q|kv|kvartal)\s*([1-4])|(?:q|kv|kvartal)\s*([1-4])\s*(\d{4}))$", re.I
)
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


class TimelineError(ValueError):
    pass


@dataclass(frozen=True)
class Timeline:
    kind: str = TimelineKind.NONE
    start_year: int | None = None
    end_year: int | None = None
    quarter: int | None = None
    date: dt.date | None = None

    def as_text(self) -> str:
        """The canonical text, which parse_timeline reads back to the same Timeline."""
        if self.kind == TimelineKind.YEAR:
            return str(self.start_year)
        if self.kind == TimelineKind.RANGE:
            return f"{self.start_year}-{self.end_year}"
        if self.kind == TimelineKind.QUARTER:
            return f"{self.start_year} Q{self.quarter}"
        if self.kind == TimelineKind.DATE and self.date:
            return self.date.isoformat()
        if self.kind == TimelineKind.PLAN_PERIOD:
            return "Planperioden"
        return ""

    def touches_year(self, year: int, plan_start: int, plan_end: int) -> bool:
        first, last = self.year_span(plan_start, plan_end)
        return first is not None and first <= year <= last

    def year_span(self, plan_start: int, plan_end: int) -> tuple[int | None, int | None]:
        if self.kind == TimelineKind.PLAN_PERIOD:
            return plan_start, plan_end
        if self.kind == TimelineKind.DATE and self.date:
            return self.date.year, self.date.year
        return self.start_year, self.end_year


def parse_timeline(text: str) -> Timeline:
    """Read a timeline as planners write it; raise TimelineError with a Swedish message otherwise."""
    cleaned = " ".join(str(text or "").split()).strip().rstrip(".")
    if not cleaned:
        return Timeline()
    if cleaned.lower() in PLAN_PERIOD_WORDS:
        return Timeline(kind=TimelineKind.PLAN_PERIOD)
    if match := _YEAR.match(cleaned):
        year = int(match[1])
        return Timeline(kind=TimelineKind.YEAR, start_year=year, end_year=year)
    if match := _RANGE.match(cleaned):
        first, last = int(match[1]), int(match[2])
        if last < first:
            raise TimelineError(_("The period %(text)s ends before it starts.") % {"text": cleaned})
        return Timeline(kind=TimelineKind.RANGE, start_year=first, end_year=last)
    if match := _QUARTER.match(cleaned):
        year = int(match[1] or match[4])
        quarter = int(match[2] or match[3])
        return Timeline(kind=TimelineKind.QUARTER, start_year=year, end_year=year, quarter=quarter)
    if match := _DATE.match(cleaned):
        try:
            date = dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            raise TimelineError(_("%(text)s is not a date that exists.") % {"text": cleaned}) from None
        return Timeline(kind=TimelineKind.DATE, start_year=date.year, end_year=date.year, date=date)
    raise TimelineError(
        _(
            "Could not read the timeline %(text)s. Write a year (2023), years (2023-2024), "
            "a quarter (2023 Q2), a date (2023-06-30) or Planperioden."
        )
        % {"text": cleaned}
    )
