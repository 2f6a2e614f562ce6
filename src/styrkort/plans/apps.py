from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "styrkort.plans"
    label = "plans"
