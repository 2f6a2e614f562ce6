"""Documents of closed rounds, kept so the board's copy is served again as it was built."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from styrkort.followup.models import FollowUpRound


class StoredDocument(models.Model):
    """A report of a closed round in one format and language; reopening the round removes it."""

    round = models.ForeignKey(FollowUpRound, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind"), max_length=40)
    subject = models.CharField(_("unit or plan"), max_length=40)
    format = models.CharField(_("format"), max_length=10)
    language = models.CharField(_("language"), max_length=10)
    content = models.BinaryField()
    built_at = models.DateTimeField(_("built"), auto_now_add=True)

    class Meta:
        verbose_name = _("stored report")
        verbose_name_plural = _("stored reports")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "kind", "subject", "format", "language"], name="one_stored_document"
            )
        ]

    def __str__(self) -> str:
        return f"{self.round.code} {self.kind} {self.subject}.{self.format} ({self.language})"


class ReportJob(models.Model):
    """A large report built by the background worker, so that no web worker is held for long; the
    person's page asks how it goes and downloads it when it is done (reports/jobs.py)."""

    class State(models.TextChoices):
        QUEUED = "queued", _("waiting")
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=40)
    round = models.ForeignKey(
        FollowUpRound, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    subject = models.CharField(max_length=40)  # the unit's or the plan's code
    format = models.CharField(max_length=10)
    language = models.CharField(max_length=10)
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    step = models.PositiveSmallIntegerField(default=0)  # how far a running job has come, of STEPS
    filename = models.CharField(max_length=200, blank=True)
    content = models.BinaryField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    # What the worker does, in order; the page shows "step 2 of 3" and what the step is. WeasyPrint
    # says nothing while it lays out the pages, so the steps are the honest measure of progress.
    STEPS = (_("gathering the facts"), _("laying out the pages"))

    def __str__(self) -> str:
        return f"{self.kind} {self.subject}.{self.format} ({self.state})"

    @property
    def step_label(self) -> str:
        return self.STEPS[max(self.step, 1) - 1]
