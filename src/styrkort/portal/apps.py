from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The open web: public plans and their published rounds, for everyone, without an account."""

    name = "styrkort.portal"
    label = "portal"
    verbose_name = _("Open web")

    def ready(self) -> None:
        from .cache import connect_signals

        connect_signals()
