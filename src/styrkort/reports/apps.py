from django.apps import AppConfig


class ReportsConfig(AppConfig):
    """Pages and documents built from the facts of every other app; nothing imports this app."""

    name = "styrkort.reports"
    label = "reports"
