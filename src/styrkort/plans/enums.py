from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class PlanKind(models.TextChoices):
    REGION_PLAN = "region_plan", _("region plan")
    ADMINISTRATION_PLAN = "administration_plan", _("administration plan")
    OPERATIONAL_PLAN = "operational_plan", _("operational plan")
    DEVELOPMENT_STRATEGY = "development_strategy", _("regional development strategy")
    ACTION_PLAN = "action_plan", _("action plan")
    PROGRAMME = "programme", _("programme")


class PlanState(models.TextChoices):
    DRAFT = "draft", _("draft")
    ADOPTED = "adopted", _("adopted")


class GoalKind(models.TextChoices):
    RESULT = "result", _("result goal")
    PROCESS = "process", _("process goal")
    SUB = "sub", _("sub-goal")
    PRIORITY_SUB = "priority_sub", _("prioritised sub-goal")
    FOCUS = "focus", _("focus area")


class Direction(models.TextChoices):
    HIGHER = "higher", _("higher is better")
    LOWER = "lower", _("lower is better")
    KEEP = "keep", _("keep the level")
    ACTUAL = "actual", _("actual value")

    @property
    def arrow(self) -> str:
        return {"higher": "↑", "lower": "↓", "keep": "→", "actual": "–"}[self.value]


class Frequency(models.TextChoices):
    MONTH = "month", _("monthly")
    INTERIM = "interim", _("each interim report")
    YEAR = "year", _("yearly")
    EVERY_2_YEARS = "every_2_years", _("every second year")
    EVERY_3_YEARS = "every_3_years", _("every third year")
    EVERY_4_YEARS = "every_4_years", _("every fourth year")


class SourceKind(models.TextChoices):
    OWN = "own", _("own measurement")
    KOLADA = "kolada", "Kolada"
    SCB = "scb", "SCB"


class Figure(models.TextChoices):
    """A figure of the economy and staff import that an indicator takes its measurements from."""

    NONE = "", _("entered in the follow-up")
    ECONOMIC_RESULT = "economic_result", _("economic result (mnkr)")
    SICK_LEAVE = "sick_leave", _("sick leave (%)")
    FTE = "fte", _("full-time equivalents")
    EMPLOYEES = "employees", _("employees")


class Comparator(models.TextChoices):
    GT = "gt", ">"
    GTE = "gte", "≥"
    LT = "lt", "<"
    LTE = "lte", "≤"
    EQ = "eq", "="
    KEEP = "keep", pgettext_lazy("target comparator", "keep")
    REDUCE_BY = "reduce_by", pgettext_lazy("target comparator", "reduce by")

    @property
    def needs_value(self) -> bool:
        return self is not Comparator.KEEP

    @classmethod
    def implied_by(cls, direction: str) -> "Comparator":
        """A target printed as a bare value ("0 mnkr", "100 %") is to be reached in the indicator's
        desired direction: at least it when higher is better, at most when lower is, else exactly."""
        return {Direction.HIGHER: cls.GTE, Direction.LOWER: cls.LTE}.get(Direction(direction), cls.EQ)


class TimelineKind(models.TextChoices):
    NONE = "", _("no timeline")
    YEAR = "year", _("year")
    RANGE = "range", _("years")
    QUARTER = "quarter", _("quarter")
    DATE = "date", _("date")
    PLAN_PERIOD = "plan_period", _("the plan period")
