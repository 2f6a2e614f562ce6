from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    """Pages and documents built from the facts of every other app; nothing imports this app."""

    name = "styrkort.reports"
    label = "reports"
    verbose_name = _("Reports")  # as the back office names it

    def ready(self):
        from styrkort.followup import closing

        from . import services

        closing.on_reopen(services.stored_documents_remove)
