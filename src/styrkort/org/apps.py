from django.apps import AppConfig


class OrgConfig(AppConfig):
    name = "styrkort.org"
    label = "org"
