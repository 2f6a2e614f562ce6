from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowupConfig(AppConfig):
    name = "styrkort.followup"
    label = "followup"
    verbose_name = _("Follow-up")  # as the back office names it

    def ready(self):
        from styrkort.plans import follow_up

        from .plan_pages import READER
        from .versions import connect_signals

        connect_signals()

        follow_up.register(READER)  # the plan pages show each action's latest status from here
