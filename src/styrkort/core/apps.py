from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "styrkort.core"
    label = "core"
