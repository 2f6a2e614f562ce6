from django.apps import AppConfig


class ExchangeConfig(AppConfig):
    name = "styrkort.exchange"
    label = "exchange"

    def ready(self):
        from styrkort.followup import closing

        from . import services

        closing.on_close(services.followup_workbooks_freeze)
        closing.on_reopen(services.followup_workbooks_release)
