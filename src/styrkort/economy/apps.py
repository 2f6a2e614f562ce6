from django.apps import AppConfig


class EconomyConfig(AppConfig):
    name = "styrkort.economy"
    label = "economy"
    verbose_name = "Ekonomi och personal"

    def ready(self):
        from styrkort.followup import closing

        from . import services

        closing.on_close(services.economy_snapshots_save)
        closing.on_reopen(services.economy_snapshots_remove)
