from django.db import models


class DataVersion(models.Model):
    """The version of one scope of the data ("content": plans, organisation, economy, measurements;
    "followup": everything reported in any round), written in the same transaction as each change
    (core/versions.py) so that pages cached under it are never older than the data."""

    scope = models.CharField(max_length=20, primary_key=True)
    value = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.scope}: {self.value}"
