from django.apps import AppConfig


class FollowupConfig(AppConfig):
    name = "styrkort.followup"
    label = "followup"

    def ready(self):
        from styrkort.plans import follow_up

        from .plan_pages import READER

        follow_up.register(READER)  # the plan pages show each action's latest status from here
