from django.apps import AppConfig


class EconomyConfig(AppConfig):
    name = "styrkort.economy"
    label = "economy"
    verbose_name = "Ekonomi och personal"
