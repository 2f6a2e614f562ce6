from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from styrkort.core.fields import FreeTextField
from styrkort.org.models import Unit

from .enums import (
    Comparator,
    Direction,
    Figure,
    Frequency,
    GoalKind,
    PlanKind,
    PlanState,
    SourceKind,
    TimelineKind,
)
from .timeline import Timeline

# "/" separates plan and code in workbook references and ";" separates list items.
# / and ; separate references and lists in the workbooks; markup and control characters have no place
# in a code that is printed in every document.
code_validator = RegexValidator(
    r"^[^/;<>\"&\x00-\x1f]+$", _('A code cannot contain / ; < > " & or control characters.')
)
year_validators = [MinValueValidator(1900), MaxValueValidator(2200)]


def _ancestors(obj, parent_attr: str = "parent"):
    """Walk up a parent chain; stops at a cycle instead of looping forever."""
    seen = set()
    node = getattr(obj, parent_attr)
    while node is not None and node.pk not in seen:
        seen.add(node.pk)
        yield node
        node = getattr(node, parent_attr)


def _refuse_cycle(obj, message) -> None:
    if obj.pk is None:
        return
    for ancestor in _ancestors(obj):
        if ancestor.pk == obj.pk:
            raise ValidationError({"parent": message})


class Plan(models.Model):
    """A governing document: region plan, administration plan, operational plan, RUS, programme."""

    code = models.CharField(_("code"), max_length=40, unique=True, validators=[code_validator])
    name = models.CharField(_("name"), max_length=300)
    kind = models.CharField(_("kind"), max_length=30, choices=PlanKind.choices)
    owner = models.ForeignKey(Unit, verbose_name=_("owner"), on_delete=models.PROTECT, related_name="plans")
    start_year = models.PositiveSmallIntegerField(_("first year"), validators=year_validators)
    end_year = models.PositiveSmallIntegerField(_("last year"), validators=year_validators)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent plan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    state = models.CharField(_("state"), max_length=10, choices=PlanState.choices, default=PlanState.DRAFT)
    decided_by = models.ForeignKey(
        Unit,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="decided_plans",
    )
    decided_on = models.DateField(_("decision date"), null=True, blank=True)
    diary_number = models.CharField(_("diary number"), max_length=60, blank=True)
    # Shown on the open web (issue 15) with the follow-up of its published rounds, never their drafts.
    is_public = models.BooleanField(_("public"), default=False)
    vision = FreeTextField(_("vision"), blank=True)
    values = FreeTextField(_("core values"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-start_year", "name"]
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_year__gte=models.F("start_year")), name="plan_period_not_reversed"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("plans:plan", args=[self.code])

    @property
    def period(self) -> str:
        if self.start_year == self.end_year:
            return str(self.start_year)
        return f"{self.start_year}–{self.end_year}"

    def ancestors(self) -> list["Plan"]:
        return list(_ancestors(self))

    def clean(self) -> None:
        errors = {}
        if self.start_year and self.end_year and self.end_year < self.start_year:
            errors["end_year"] = _("The last year comes before the first year.")
        if self.state == PlanState.ADOPTED:
            if not self.decided_by_id:
                errors["decided_by"] = _("An adopted plan needs the body that decided it.")
            if not self.decided_on:
                errors["decided_on"] = _("An adopted plan needs the date of the decision.")
        if errors:
            raise ValidationError(errors)
        _refuse_cycle(self, _("A plan cannot be placed under itself or one of its own sub-plans."))


class Perspective(models.Model):
    """A Balanced Scorecard perspective (invånare/kund, process, medarbetare, ekonomi)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="perspectives")
    code = models.CharField(_("code"), max_length=40, unique=True, validators=[code_validator])
    name = models.CharField(_("name"), max_length=200)
    order = models.PositiveIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("perspective")
        verbose_name_plural = _("perspectives")

    def __str__(self) -> str:
        return self.name


class GoalArea(models.Model):
    """Målområde: the political intention under which goals are set."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="goal_areas")
    code = models.CharField(_("code"), max_length=40, unique=True, validators=[code_validator])
    name = models.CharField(_("name"), max_length=300)
    perspective = models.ForeignKey(
        Perspective,
        verbose_name=_("perspective"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="goal_areas",
    )
    intention = FreeTextField(_("intention"), blank=True)
    # Måldokument: the programmes and strategies that say more about the area (seed 003, "Mål och
    # måldokument"). One document may serve several areas, of one plan or of several.
    documents = models.ManyToManyField(
        Plan, verbose_name=_("goal documents"), blank=True, related_name="linked_areas"
    )
    order = models.PositiveIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("goal area")
        verbose_name_plural = _("goal areas")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("plans:goal_area", args=[self.pk])

    def clean(self) -> None:
        if self.perspective_id and self.plan_id and self.perspective.plan_id != self.plan_id:
            raise ValidationError({"perspective": _("The perspective belongs to another plan.")})


class Goal(models.Model):
    """A goal of a plan; may serve a goal in a higher plan."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="goals")
    code = models.CharField(_("code"), max_length=40, unique=True, validators=[code_validator])
    name = models.CharField(_("name"), max_length=400)
    kind = models.CharField(_("kind"), max_length=20, choices=GoalKind.choices, default=GoalKind.RESULT)
    area = models.ForeignKey(
        GoalArea,
        verbose_name=_("goal area"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="goals",
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="goals",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent goal"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    description = FreeTextField(_("description"), blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("goal")
        verbose_name_plural = _("goals")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("plans:goal", args=[self.pk])

    def clean(self) -> None:
        if not self.plan_id:
            return
        plan_chain = [self.plan, *self.plan.ancestors()]
        if self.area_id and self.area.plan_id not in {p.pk for p in plan_chain}:
            raise ValidationError(
                {"area": _("The goal area belongs to a plan that is neither this plan nor one above it.")}
            )
        if self.parent_id:
            higher = {p.pk for p in plan_chain[1:]}
            if self.parent.plan_id not in higher:
                raise ValidationError(
                    {
                        "parent": _(
                            "The parent goal must belong to a higher plan (the plan's parent plan or above)."
                        )
                    }
                )
            _refuse_cycle(self, _("A goal cannot serve itself, directly or through other goals."))


# The breakdown that stands for the whole; stored as "no breakdown" on targets and measurements.
TOTAL_BREAKDOWN = "Totalt"


class Breakdown(models.Model):
    """A way an indicator is split: Totalt, Kvinnor, Män, Flickor, Pojkar, Hushåll, Företag …"""

    name = models.CharField(_("name"), max_length=80, unique=True)
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("breakdown")
        verbose_name_plural = _("breakdowns")

    def __str__(self) -> str:
        return self.name


class Indicator(models.Model):
    """What is measured to follow a goal."""

    goal = models.ForeignKey(
        Goal, verbose_name=_("goal"), on_delete=models.CASCADE, related_name="indicators"
    )
    code = models.CharField(_("code"), max_length=40, unique=True, validators=[code_validator])
    name = models.CharField(_("name"), max_length=400)
    definition = FreeTextField(_("definition"), blank=True)
    unit_of_measure = models.CharField(_("unit of measure"), max_length=20)
    direction = models.CharField(_("desired direction"), max_length=10, choices=Direction.choices)
    frequency = models.CharField(_("reporting frequency"), max_length=20, choices=Frequency.choices)
    source_kind = models.CharField(_("source"), max_length=10, choices=SourceKind.choices, blank=True)
    source_ref = models.CharField(_("source reference"), max_length=100, blank=True)
    breakdowns = models.ManyToManyField(Breakdown, verbose_name=_("breakdowns"), blank=True)
    baseline_value = models.DecimalField(
        _("baseline"), max_digits=14, decimal_places=4, null=True, blank=True
    )
    baseline_year = models.PositiveSmallIntegerField(
        _("baseline year"), null=True, blank=True, validators=year_validators
    )
    baseline_note = models.CharField(_("baseline note"), max_length=200, blank=True)
    # Follow-up: how far from the target still counts as yellow, and how small a change is "unchanged".
    tolerance = models.DecimalField(
        _("tolerance"),
        max_digits=14,
        decimal_places=4,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("How far short of the target the status is yellow, not red; in the unit of measure."),
    )
    trend_threshold = models.DecimalField(
        _("trend threshold"),
        max_digits=14,
        decimal_places=4,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Changes no larger than this count as unchanged."),
    )
    figure = models.CharField(
        _("measured by"),
        max_length=20,
        choices=Figure.choices,
        blank=True,
        help_text=_("Take the measurements from the economy and staff figures, so a figure is entered once."),
    )
    order = models.PositiveIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("plans:indicator", args=[self.pk])

    @property
    def direction_arrow(self) -> str:
        return Direction(self.direction).arrow

    def clean(self) -> None:
        if self.baseline_value is not None and not self.baseline_year:
            raise ValidationError({"baseline_year": _("A baseline needs the year it refers to.")})


class Target(models.Model):
    """Målvärde: per indicator, year and (optionally) breakdown."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    year = models.PositiveSmallIntegerField(_("year"), validators=year_validators)
    breakdown = models.ForeignKey(
        Breakdown, verbose_name=_("breakdown"), null=True, blank=True, on_delete=models.PROTECT
    )
    comparator = models.CharField(_("comparator"), max_length=10, choices=Comparator.choices)
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=4, null=True, blank=True)
    by_year = models.PositiveSmallIntegerField(
        _("reached by year"), null=True, blank=True, validators=year_validators
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["year", "breakdown__order"]
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "year", "breakdown"],
                name="target_one_per_indicator_year_breakdown",
            ),
            models.UniqueConstraint(
                fields=["indicator", "year"],
                condition=Q(breakdown__isnull=True),
                name="target_one_total_per_indicator_year",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.year}: {self.describe()}"

    def describe(self) -> str:
        from .formatting import describe_target

        return describe_target(self)

    def clean(self) -> None:
        errors = {}
        if self.comparator and Comparator(self.comparator).needs_value and self.value is None:
            errors["value"] = _("The comparator %(comparator)s needs a value.") % {
                "comparator": Comparator(self.comparator).label
            }
        if self.comparator == Comparator.REDUCE_BY and not self.by_year:
            errors["by_year"] = _("“Reduce by” needs the year by which the reduction is to be reached.")
        errors |= _unreported_breakdown(self)
        if errors:
            raise ValidationError(errors)


def _unreported_breakdown(row) -> dict[str, str]:
    """A target's or a baseline's breakdown must be one the indicator reports."""
    if (
        row.breakdown_id
        and row.indicator_id
        and row.indicator.pk
        and not row.indicator.breakdowns.filter(pk=row.breakdown_id).exists()
    ):
        return {
            "breakdown": _("The indicator does not report the breakdown %(name)s.")
            % {"name": row.breakdown.name}
        }
    return {}


class BreakdownBaseline(models.Model):
    """Nuläge of one breakdown, with its year (seed 003: "Primär v Tel 87 % Bes 81 %"). The total's
    baseline is on the indicator itself."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="breakdown_baselines")
    breakdown = models.ForeignKey(Breakdown, verbose_name=_("breakdown"), on_delete=models.PROTECT)
    year = models.PositiveSmallIntegerField(_("year"), validators=year_validators)
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=4)
    note = models.CharField(_("note"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["breakdown__order", "breakdown__name"]
        verbose_name = _("baseline per breakdown")
        verbose_name_plural = _("baselines per breakdown")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "breakdown"], name="baseline_one_per_breakdown")
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.breakdown}: {self.value} ({self.year})"

    def clean(self) -> None:
        errors = _unreported_breakdown(self)
        if errors:
            raise ValidationError(errors)


TIMELINE_PARTS = ("kind", "start_year", "end_year", "quarter", "date")


class TimelineFields(models.Model):
    """A timeline as the plans write it (see timeline.py); the years are stored resolved, for filtering."""

    timeline_kind = models.CharField(
        _("timeline"), max_length=12, choices=TimelineKind.choices, blank=True, default=TimelineKind.NONE
    )
    timeline_start_year = models.PositiveSmallIntegerField(_("from year"), null=True, blank=True)
    timeline_end_year = models.PositiveSmallIntegerField(_("to year"), null=True, blank=True)
    timeline_quarter = models.PositiveSmallIntegerField(_("quarter"), null=True, blank=True)
    timeline_date = models.DateField(_("date"), null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def timeline(self) -> Timeline:
        return self.timeline_from(
            {f"timeline_{part}": getattr(self, f"timeline_{part}") for part in TIMELINE_PARTS}
        )

    @staticmethod
    def timeline_from(values: dict) -> Timeline:
        """The Timeline that the fields' values (by their names, as values() gives a row) store."""
        plan_period = values["timeline_kind"] == TimelineKind.PLAN_PERIOD
        return Timeline(
            kind=values["timeline_kind"],
            start_year=None if plan_period else values["timeline_start_year"],
            end_year=None if plan_period else values["timeline_end_year"],
            quarter=values["timeline_quarter"],
            date=values["timeline_date"],
        )

    @staticmethod
    def timeline_values(timeline: Timeline, *, plan: Plan) -> dict:
        """The field values that store `timeline`, its years resolved against the plan's period."""
        start_year, end_year = timeline.year_span(plan.start_year, plan.end_year)
        return {
            "timeline_kind": timeline.kind,
            "timeline_start_year": start_year,
            "timeline_end_year": end_year,
            "timeline_quarter": timeline.quarter,
            "timeline_date": timeline.date,
        }

    @property
    def timeline_text(self) -> str:
        return self.timeline.as_text()


class Assignment(TimelineFields):
    """Uppdrag: a numbered task from an issuing body to a receiving body."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="assignments")
    number = models.CharField(_("number"), max_length=20, validators=[code_validator])
    text = FreeTextField(_("text"))
    issuer = models.ForeignKey(
        Unit, verbose_name=_("issued by"), on_delete=models.PROTECT, related_name="issued_assignments"
    )
    receiver = models.ForeignKey(
        Unit, verbose_name=_("given to"), on_delete=models.PROTECT, related_name="received_assignments"
    )
    area = models.ForeignKey(
        GoalArea,
        verbose_name=_("goal area"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assignments",
    )
    goal = models.ForeignKey(
        Goal,
        verbose_name=_("goal"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assignments",
    )
    added_during_year = models.BooleanField(_("added during the year"), default=False)
    order = models.PositiveIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "order", "number"]
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="assignment_number_unique_in_plan")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.text[:80]}"

    @property
    def reference(self) -> str:
        return f"{self.plan.code}/{self.number}"


class Action(TimelineFields):
    """Åtgärd or aktivitet: what an administration or department does, with a code unique in its plan."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="actions")
    code = models.CharField(_("code"), max_length=40, validators=[code_validator])
    # The plan gave the action no code (an activity list): `code` is then the product's display
    # number, "MO6.2" for the second such action of goal area MO6, and the import finds it by its text.
    numbered = models.BooleanField(_("numbered by Styrkort"), default=False, editable=False)
    text = FreeTextField(_("text"))
    units = models.ManyToManyField(
        Unit, verbose_name=_("responsible units"), related_name="actions", blank=True
    )
    goal = models.ForeignKey(
        Goal, verbose_name=_("goal"), null=True, blank=True, on_delete=models.SET_NULL, related_name="actions"
    )
    area = models.ForeignKey(
        GoalArea,
        verbose_name=_("goal area"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="actions",
    )
    assignment = models.ForeignKey(
        Assignment,
        verbose_name=_("assignment"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="actions",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent action"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    order = models.PositiveIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        constraints = [models.UniqueConstraint(fields=["plan", "code"], name="action_code_unique_in_plan")]
        indexes = [
            # the action list's timeline filter
            models.Index(fields=["timeline_start_year", "timeline_end_year"], name="action_timeline_years"),
            # the action list's order within a plan (plans in code order, by their unique index)
            models.Index(fields=["plan", "order", "code"], name="action_listed_in_plan"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.text[:80]}"

    def get_absolute_url(self) -> str:
        return reverse("plans:action", args=[self.pk])

    @property
    def reference(self) -> str:
        return f"{self.plan.code}/{self.code}"

    def validate_unique(self, exclude=None) -> None:
        # Say it in the planner's words rather than the constraint's name.
        if (
            self.plan_id
            and self.code
            and Action.objects.filter(plan_id=self.plan_id, code=self.code).exclude(pk=self.pk).exists()
        ):
            raise ValidationError(
                {"code": _("The code %(code)s is already used in this plan.") % {"code": self.code}}
            )
        super().validate_unique(exclude=exclude)

    def clean(self) -> None:
        if self.goal_id and self.area_id and self.goal.area_id and self.goal.area_id != self.area_id:
            raise ValidationError({"area": _("The goal belongs to another goal area than the one given.")})
        if self.parent_id:
            _refuse_cycle(self, _("An action cannot be placed under itself or one of its own sub-actions."))
