from django.apps import AppConfig


class ExchangeConfig(AppConfig):
    name = "styrkort.exchange"
    label = "exchange"
