from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """The REST API (/api/v1/) and the personal tokens it is called with."""

    name = "styrkort.api"
    label = "api"
    verbose_name = _("API")
