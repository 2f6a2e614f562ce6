"""A follow-up round and what is reported in it (docs/glossary.md: uppföljningstillfälle)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from styrkort.core.fields import FreeTextField
from styrkort.org.models import Unit
from styrkort.plans.models import (
    Action,
    Assignment,
    Breakdown,
    Goal,
    Indicator,
    Plan,
    code_validator,
    year_validators,
)

from .enums import ActionStatus, Colour, NarrativeSection, ReportContent, RoundEventKind, RoundKind
from .status import IndicatorStatus, Trend


class FollowUpRound(models.Model):
    """Uppföljningstillfälle: what is reported, as of which date, by when; open or closed."""

    code = models.CharField(_("code"), max_length=40, unique=True, validators=[code_validator])
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=RoundKind.choices)
    as_of = models.DateField(_("as of"))
    deadline = models.DateField(_("deadline"))
    plans = models.ManyToManyField(Plan, verbose_name=_("plans"), related_name="rounds")
    units = models.ManyToManyField(
        Unit,
        verbose_name=_("units"),
        related_name="rounds",
        help_text=_("The units that report, with the units below them."),
    )
    asks_for = models.CharField(
        _("each action report holds"),
        max_length=30,
        choices=ReportContent.choices,
        default=ReportContent.STATUS_AND_ASSESSMENT,
    )
    asks_deviation = models.BooleanField(
        _("a deviation is required for yellow and red"),
        default=True,
        help_text=_("Off for documents that write the deviation in the comment."),
    )
    # The report's cover (seed 002: "Denna rapport behandlas av Regionala utvecklingsnämnden
    # 2024-01-23, Diarienummer: RUF230038"); frozen with the round's facts when it is closed.
    treated_by = models.ForeignKey(
        Unit,
        verbose_name=_("treated by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The body whose meeting treats the report."),
    )
    treated_on = models.DateField(_("meeting date"), null=True, blank=True)
    diary_number = models.CharField(_("diary number"), max_length=60, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    # A closed round a planner has published: its facts are shown on the open web (issue 15).
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # What the round showed when it was closed (followup/report.py); shown instead of live data.
    snapshot = models.JSONField(null=True, blank=True, editable=False)
    # A new value with every write that changes what the round shows (followup/versions.py): pages
    # and built reports are cached under it.
    data_version = models.BigIntegerField(default=0, editable=False)
    history = HistoricalRecords(excluded_fields=["snapshot", "data_version"])

    class Meta:
        ordering = ["-as_of", "code"]
        verbose_name = _("follow-up round")
        verbose_name_plural = _("follow-up rounds")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("followup:round", args=[self.code])

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    @property
    def year(self) -> int:
        return self.as_of.year

    # A round describes a year the register can hold plans for; a typo such as 20024 is refused. (The
    # deadline may lie years after the date: the demo's interim round 2024 is due two weeks from today.)
    FIRST_YEAR, LAST_YEAR = 1990, 2100

    def clean(self) -> None:
        errors = {}
        years = {"first": self.FIRST_YEAR, "last": self.LAST_YEAR}
        if self.as_of and not self.FIRST_YEAR <= self.as_of.year <= self.LAST_YEAR:
            errors["as_of"] = _("The as-of date must be in the years %(first)s–%(last)s.") % years
        if self.deadline and not self.FIRST_YEAR <= self.deadline.year <= self.LAST_YEAR:
            errors["deadline"] = _("The deadline must be in the years %(first)s–%(last)s.") % years
        elif self.as_of and self.deadline and self.deadline < self.as_of:
            errors["deadline"] = _("The deadline cannot be before the as-of date.")
        if errors:
            raise ValidationError(errors)


class RoundEvent(models.Model):
    """Closing and reopening are explicit acts; this is their log."""

    round = models.ForeignKey(FollowUpRound, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("event"), max_length=10, choices=RoundEventKind.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(_("when"), auto_now_add=True)
    reason = FreeTextField(_("reason"), blank=True)
    # On closing: what the round showed, kept even if it is reopened and closed again.
    snapshot = models.JSONField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("round event")
        verbose_name_plural = _("round events")

    def __str__(self) -> str:
        return f"{self.round.code} {self.get_kind_display()}"


class Reported(models.Model):
    """Who reported last, when, and a version that refuses a stale second save."""

    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reported_at = models.DateTimeField(_("reported"), auto_now=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True


class ActionReport(Reported):
    """One per action and round; no row means "not reported"."""

    round = models.ForeignKey(FollowUpRound, on_delete=models.CASCADE, related_name="action_reports")
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="reports")
    # Either may be empty when the round does not ask for it, and both when only a comment is given
    # ("commented, not assessed": shown, but not counted as reported); followup/status.py says which.
    status = models.CharField(_("status"), max_length=20, choices=ActionStatus.choices, blank=True)
    colour = models.CharField(_("assessment"), max_length=10, choices=Colour.choices, blank=True)
    comment = FreeTextField(_("comment"), blank=True)
    deviation = FreeTextField(_("deviation"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["round", "action"]
        verbose_name = _("action report")
        verbose_name_plural = _("action reports")
        constraints = [
            models.UniqueConstraint(fields=["round", "action"], name="one_report_per_action_and_round")
        ]

    def __str__(self) -> str:
        return f"{self.round.code} {self.action.code}"


class AssignmentReport(Reported):
    """What the receiving unit says about an assignment in a round (seed 002: "Tillkommande uppdrag
    under året", Kommentar); no row means nothing is said yet."""

    round = models.ForeignKey(FollowUpRound, on_delete=models.CASCADE, related_name="assignment_reports")
    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="reports")
    comment = FreeTextField(_("comment"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["round", "assignment"]
        verbose_name = _("assignment report")
        verbose_name_plural = _("assignment reports")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "assignment"], name="one_report_per_assignment_and_round"
            )
        ]

    def __str__(self) -> str:
        return f"{self.round.code} {self.assignment.reference}"


class Measurement(Reported):
    """A value of an indicator for a period (a year), per breakdown; or "data saknas"."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="measurements")
    breakdown = models.ForeignKey(
        Breakdown, verbose_name=_("breakdown"), null=True, blank=True, on_delete=models.PROTECT
    )
    period = models.PositiveSmallIntegerField(_("measurement period"), validators=year_validators)
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=4, null=True, blank=True)
    missing = models.BooleanField(_("data missing"), default=False)
    note = models.CharField(_("note"), max_length=500, blank=True)
    source = models.CharField(_("source"), max_length=200, blank=True)
    round = models.ForeignKey(
        FollowUpRound,
        verbose_name=_("reported in round"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="measurements",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "period", "breakdown__order"]
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "breakdown", "period"], name="one_measurement_per_period_breakdown"
            ),
            models.UniqueConstraint(
                fields=["indicator", "period"],
                condition=Q(breakdown__isnull=True),
                name="one_total_measurement_per_period",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.period}"

    def clean(self) -> None:
        if self.missing and self.value is not None:
            raise ValidationError({"value": _("Give a value or mark the data as missing, not both.")})
        if not self.missing and self.value is None:
            raise ValidationError({"value": _("Give a value or mark the data as missing.")})
        if (
            self.breakdown_id
            and self.indicator_id
            and not self.indicator.breakdowns.filter(pk=self.breakdown_id).exists()
        ):
            raise ValidationError({"breakdown": _("The indicator is not broken down this way.")})


class IndicatorAssessment(Reported):
    """A person's override of the computed status or trend in a round, with the reason shown."""

    round = models.ForeignKey(FollowUpRound, on_delete=models.CASCADE, related_name="indicator_assessments")
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="assessments")
    status = models.CharField(_("status"), max_length=10, choices=IndicatorStatus.choices, blank=True)
    trend = models.CharField(_("trend"), max_length=10, choices=Trend.choices, blank=True)
    reason = FreeTextField(_("reason"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("indicator assessment")
        verbose_name_plural = _("indicator assessments")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "indicator"], name="one_assessment_per_indicator_and_round"
            )
        ]

    def __str__(self) -> str:
        return f"{self.round.code} {self.indicator.code}"

    def clean(self) -> None:
        if not self.status and not self.trend:
            raise ValidationError(_("Give the status or the trend that replaces the computed one."))


class GoalAssessment(Reported):
    """Målbedömning: per goal and round."""

    round = models.ForeignKey(FollowUpRound, on_delete=models.CASCADE, related_name="goal_assessments")
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="assessments")
    colour = models.CharField(_("assessment"), max_length=10, choices=Colour.choices)
    analysis = FreeTextField(_("analysis"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("goal assessment")
        verbose_name_plural = _("goal assessments")
        constraints = [
            models.UniqueConstraint(fields=["round", "goal"], name="one_assessment_per_goal_and_round")
        ]

    def __str__(self) -> str:
        return f"{self.round.code} {self.goal.code}"


class Narrative(Reported):
    """The report's texts per unit and round: introduction, events, challenges."""

    round = models.ForeignKey(FollowUpRound, on_delete=models.CASCADE, related_name="narratives")
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="narratives")
    section = models.CharField(_("section"), max_length=20, choices=NarrativeSection.choices)
    text = FreeTextField(_("text"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("report text")
        verbose_name_plural = _("report texts")
        constraints = [
            models.UniqueConstraint(fields=["round", "unit", "section"], name="one_text_per_section")
        ]

    def __str__(self) -> str:
        return f"{self.round.code} {self.unit.code} {self.get_section_display()}"


class UnitReady(models.Model):
    """A unit says its report in a round is complete and ready for the planner to review."""

    round = models.ForeignKey(FollowUpRound, on_delete=models.CASCADE, related_name="ready_units")
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    marked_at = models.DateTimeField(_("marked ready"), auto_now_add=True)

    class Meta:
        verbose_name = _("unit ready for review")
        verbose_name_plural = _("units ready for review")
        constraints = [models.UniqueConstraint(fields=["round", "unit"], name="one_ready_mark_per_unit")]

    def __str__(self) -> str:
        return f"{self.round.code} {self.unit.code}"


class Reminder(models.Model):
    """A reminder sent before a deadline; its uniqueness makes sending safe to repeat."""

    round = models.ForeignKey(FollowUpRound, on_delete=models.CASCADE, related_name="reminders")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["round", "user"], name="one_reminder_per_round_and_user")
        ]

    def __str__(self) -> str:
        return f"{self.round.code} {self.user}"
