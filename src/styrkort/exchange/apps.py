from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangeConfig(AppConfig):
    name = "styrkort.exchange"
    label = "exchange"
    verbose_name = _("Imports and exports")  # as the back office names it

    def ready(self):
        from styrkort.followup import closing

        from . import services

        closing.on_close(services.followup_workbooks_freeze)
        closing.on_reopen(services.followup_workbooks_release)
