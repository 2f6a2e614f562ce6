"""Personal API tokens: the secret is shown once and only its SHA-256 hash is stored."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class ApiToken(models.Model):
    """A person's key to the API (`Authorization: Bearer <secret>`); it acts with the person's rights."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100)
    # The first characters of the secret, shown so a person can tell their tokens apart.
    prefix = models.CharField(_("begins with"), max_length=12, editable=False)
    # hashlib.sha256(secret).hexdigest(): a secret of 256 random bits needs no salt or slow hash. The
    # unique index serves the lookup of every API request.
    secret_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    # last_used_at is a stamp of use, not a person's change: it is written without a history row.
    history = HistoricalRecords(excluded_fields=["last_used_at"])

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
