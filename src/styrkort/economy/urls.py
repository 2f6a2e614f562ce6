from django.urls import path

from . import views

app_name = "economy"
urlpatterns = [
    path("uppfoljning/<str:code>/enheter/<str:unit_code>/ekonomi/", views.economy_page, name="page"),
    path(
        "uppfoljning/<str:code>/enheter/<str:unit_code>/ekonomi/atgardsplan/",
        views.savings_measure_save,
        name="savings_save",
    ),
    path(
        "uppfoljning/<str:code>/enheter/<str:unit_code>/ekonomi/atgardsplan/<int:pk>/ta-bort/",
        views.savings_measure_delete,
        name="savings_delete",
    ),
]
