"""Economy and staff figures per unit and period (docs/glossary.md: ekonomi, personal).

Figures are facts about a unit and a period (a year and the month they are accumulated to), not
about a follow-up round: a round shows the figures up to its date. Savings measures are written for
a round. Amounts are kept in kronor; pages print mnkr as the reports do.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from styrkort.core.fields import FreeTextField
from styrkort.followup.models import FollowUpRound
from styrkort.org.models import Unit
from styrkort.plans.models import year_validators

from .enums import STAFF_BREAKDOWNS, TOTAL_BREAKDOWN, LedgerKind, Section, StaffMeasure, Total

month_validators = [MinValueValidator(1), MaxValueValidator(12)]
account_validator = RegexValidator(r"^\d+$", _("An account number is digits only."))
AMOUNT = {"max_digits": 16, "decimal_places": 2}


class StatementLine(models.Model):
    """A line of the income statement (resultaträkning), e.g. Personalkostnader."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    section = models.CharField(_("group"), max_length=10, choices=Section.choices)
    order = models.PositiveIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["section", "order", "name"]
        verbose_name = _("income-statement line")
        verbose_name_plural = _("income-statement lines")

    def __str__(self) -> str:
        return self.name


class AccountMapping(models.Model):
    """Accounts that start with `prefix` add to `line`; the longest matching prefix wins."""

    prefix = models.CharField(_("account prefix"), max_length=20, unique=True, validators=[account_validator])
    line = models.ForeignKey(
        StatementLine, verbose_name=_("line"), on_delete=models.PROTECT, related_name="accounts"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["prefix"]
        verbose_name = _("account mapping")
        verbose_name_plural = _("account mappings")

    def __str__(self) -> str:
        return f"{self.prefix} → {self.line}"


class Period(models.Model):
    unit = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField(_("year"), validators=year_validators)
    # Figures are accumulated from January to the end of this month; 12 is the whole year.
    month = models.PositiveSmallIntegerField(_("month"), default=12, validators=month_validators)

    class Meta:
        abstract = True


class LedgerEntry(Period):
    """An amount from the finance system: an account, or a control total, of one kind."""

    kind = models.CharField(_("type"), max_length=10, choices=LedgerKind.choices)
    account = models.CharField(_("account"), max_length=20, blank=True, validators=[account_validator])
    total = models.CharField(_("total"), max_length=10, choices=Total.choices, blank=True)
    amount = models.DecimalField(_("amount (kr)"), **AMOUNT)
    history = HistoricalRecords()

    class Meta:
        ordering = ["unit", "year", "month", "kind", "account", "total"]
        verbose_name = _("ledger amount")
        verbose_name_plural = _("ledger amounts")
        # The department table reads each unit's control totals (economy/queries.py).
        indexes = [models.Index(fields=["unit", "kind", "total", "year", "month"], name="ledger_totals")]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "year", "month", "kind", "account", "total"], name="one_ledger_amount"
            ),
            models.CheckConstraint(
                condition=(Q(account="") & ~Q(total="")) | (~Q(account="") & Q(total="")),
                name="ledger_account_or_total",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.year}-{self.month:02} {self.account or self.total} {self.kind}"

    def clean(self) -> None:
        if bool(self.account) == bool(self.total):
            raise ValidationError(_("An amount is either on an account or a control total."))


class StaffFigure(Period):
    """A figure from the HR system: sick leave in %, employees or full-time equivalents."""

    measure = models.CharField(_("measure"), max_length=12, choices=StaffMeasure.choices)
    breakdown = models.CharField(
        _("breakdown"),
        max_length=40,
        choices=[(name, name) for name in STAFF_BREAKDOWNS],
        default=TOTAL_BREAKDOWN,
    )
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=2)
    note = models.CharField(_("note"), max_length=500, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["unit", "measure", "year", "month"]
        verbose_name = _("staff figure")
        verbose_name_plural = _("staff figures")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "year", "month", "measure", "breakdown"], name="one_staff_figure"
            )
        ]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.year}-{self.month:02} {self.measure} {self.breakdown}"


class Investment(models.Model):
    unit = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField(_("year"), validators=year_validators)
    project = models.CharField(_("project"), max_length=200)
    budget = models.DecimalField(_("budget (kr)"), **AMOUNT)
    outcome = models.DecimalField(_("outcome (kr)"), **AMOUNT)
    # What is carried over to next year; budget − outcome unless the file says otherwise.
    remaining = models.DecimalField(_("remaining (kr)"), **AMOUNT)
    history = HistoricalRecords()

    class Meta:
        ordering = ["unit", "year", "project"]
        verbose_name = _("investment")
        verbose_name_plural = _("investments")
        constraints = [
            models.UniqueConstraint(fields=["unit", "year", "project"], name="one_investment_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.project} {self.year}"


class SavingsMeasure(models.Model):
    """A measure of the round's "åtgärdsplan ekonomi i balans"."""

    round = models.ForeignKey(
        FollowUpRound, verbose_name=_("round"), on_delete=models.CASCADE, related_name="savings_measures"
    )
    unit = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.CASCADE, related_name="+")
    measure = models.CharField(_("measure"), max_length=300)
    timeline = models.CharField(_("timeline"), max_length=100, blank=True)
    owner = models.CharField(_("responsible"), max_length=200, blank=True)
    estimated_effect = models.DecimalField(_("estimated effect (kr)"), null=True, blank=True, **AMOUNT)
    realised_effect = models.DecimalField(_("realised effect (kr)"), null=True, blank=True, **AMOUNT)
    comment = FreeTextField(_("comment"), blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)
    # Raised by every save: an edit made on an older version is refused (economy/services.py).
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["round", "unit", "order", "pk"]
        verbose_name = _("savings measure")
        verbose_name_plural = _("savings measures")
        constraints = [
            models.UniqueConstraint(fields=["round", "unit", "measure"], name="one_savings_measure")
        ]

    def __str__(self) -> str:
        return self.measure

    def save(self, *args, **kwargs):
        if self.pk is not None:
            self.version += 1
        super().save(*args, **kwargs)


class EconomySnapshot(models.Model):
    """What a unit's economy page showed when its round was closed (economy/report.py as JSON).

    A closed round is shown from it, so figures imported later, for the same periods, do not change
    a report already sent to the board. Reopening the round removes it.
    """

    round = models.ForeignKey(FollowUpRound, on_delete=models.CASCADE, related_name="economy_snapshots")
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    data = models.JSONField()

    class Meta:
        verbose_name = _("economy snapshot")
        verbose_name_plural = _("economy snapshots")
        constraints = [models.UniqueConstraint(fields=["round", "unit"], name="one_economy_snapshot")]

    def __str__(self) -> str:
        return f"{self.round_id} {self.unit_id}"
