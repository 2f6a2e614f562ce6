from django.db import models
from django.utils.translation import gettext_lazy as _

from styrkort.plans.models import TOTAL_BREAKDOWN


class Section(models.TextChoices):
    """Which half of the income statement a line belongs to; it decides the sum it adds to."""

    REVENUE = "revenue", _("revenues")
    COST = "cost", _("costs")


class LedgerKind(models.TextChoices):
    OUTCOME = "outcome", _("outcome (accumulated)")
    BUDGET = "budget", _("budget")
    FORECAST = "forecast", _("full-year forecast")
    # The previous year's outcome as the finance system restates it for this year's comparison
    # (seed 002's "Bokslut 2022*": without a department that has since moved).
    PREVIOUS = "previous", _("previous year's outcome")


class Total(models.TextChoices):
    """Control totals a finance export may carry beside its accounts; checked against the lines."""

    REVENUES = "revenues", _("total revenues")
    COSTS = "costs", _("total costs")
    RESULT = "result", _("result")


class StaffMeasure(models.TextChoices):
    SICK_LEAVE = "sick_leave", _("sick leave")
    EMPLOYEES = "employees", _("employees")
    FTE = "fte", _("full-time equivalents")


# The breakdowns of staff figures, as HR systems and seed 002 name them; also the indicator
# breakdowns a linked indicator (Sjukfrånvaro) reports. "Totalt" is the total.
DAY_BANDS = ("Sjukdag 1-14", "Sjukdag 15-90", "Sjukdag 91-365", "Sjukdag 366-")
GENDERS = ("Kvinnor", "Män")
AGE_BANDS = ("Anställda -29 år", "Anställda 30-49 år", "Anställda 50 år -")
STAFF_BREAKDOWNS = (TOTAL_BREAKDOWN, *DAY_BANDS, *GENDERS, *AGE_BANDS)
