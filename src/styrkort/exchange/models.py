import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from styrkort.followup.models import FollowUpRound
from styrkort.org.models import Unit


class FrozenWorkbook(models.Model):
    """A unit's follow-up workbook as it was when its round was closed.

    A closed round's download serves it, so what later rounds report (a re-reported measurement of the
    same year, a renamed unit) does not change it. Reopening the round removes it.
    """

    round = models.ForeignKey(FollowUpRound, on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    content = models.BinaryField()

    class Meta:
        verbose_name = _("frozen follow-up workbook")
        verbose_name_plural = _("frozen follow-up workbooks")
        constraints = [models.UniqueConstraint(fields=["round", "unit"], name="one_frozen_workbook")]

    def __str__(self) -> str:
        return f"{self.round_id} {self.unit_id}"


class ImportJob(models.Model):
    """An import too large to run in a web request: checked, then saved, by the background worker.

    The file waits under pending-imports (exchange/pending.py) by its token; the page polls the job
    and shows its result as the inline import does (exchange/jobs.py).
    """

    class Kind(models.TextChoices):
        PLAN = "plan", _("plan workbook")
        FOLLOWUP = "followup", _("follow-up workbook")
        ECONOMY = "economy", _("economy and staff figures")

    class Stage(models.TextChoices):
        CHECK = "check", _("check")
        SAVE = "save", _("save")

    class State(models.TextChoices):
        QUEUED = "queued", _("waiting")
        RUNNING = "running", _("running")
        DONE = "done", _("done")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    stage = models.CharField(max_length=10, choices=Stage.choices)
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    round = models.ForeignKey(
        FollowUpRound, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    unit = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    token = models.UUIDField()  # the pending file
    overwrite = models.BooleanField(default=False)  # follow-up workbooks: rows others changed since
    language = models.CharField(max_length=10)  # the messages are written in the person's language
    result = models.JSONField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("import job")
        verbose_name_plural = _("import jobs")

    def __str__(self) -> str:
        return f"{self.kind} {self.stage} {self.state}"
