from django.apps import AppConfig


class ReportsConfig(AppConfig):
    """Pages and documents built from the facts of every other app; nothing imports this app."""

    name = "styrkort.reports"
    label = "reports"

    def ready(self):
        from styrkort.followup import closing

        from . import services

        closing.on_reopen(services.stored_documents_remove)
