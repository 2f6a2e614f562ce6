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
