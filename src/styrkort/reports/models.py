"""Documents of closed rounds, kept so the board's copy is served again as it was built."""

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
