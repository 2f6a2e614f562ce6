from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EconomyConfig(AppConfig):
    name = "styrkort.economy"
    label = "economy"
    verbose_name = _("Economy and staff")

    def ready(self):
        from styrkort.followup import closing, versions

        from . import models, services

        closing.on_close(services.economy_snapshots_save)
        closing.on_reopen(services.economy_snapshots_remove)
        # Economy figures feed indicators and the round's documents: a write raises the open rounds.
        versions.watch_content(
            models.StatementLine,
            models.AccountMapping,
            models.LedgerEntry,
            models.StaffFigure,
            models.Investment,
            models.SavingsMeasure,
        )
