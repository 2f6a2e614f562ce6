from django.apps import AppConfig


class FollowupConfig(AppConfig):
    name = "styrkort.followup"
    label = "followup"
