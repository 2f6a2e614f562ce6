from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgConfig(AppConfig):
    name = "styrkort.org"
    label = "org"
    verbose_name = _("Organisation")  # as the back office names it
