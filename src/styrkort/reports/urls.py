from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("", views.home, name="home"),
    path("uppfoljning/<str:code>/enheter/<str:unit_code>/rapport/", views.annual, name="annual"),
    path(
        "uppfoljning/<str:code>/enheter/<str:unit_code>/rapport.<str:fmt>",
        views.annual_file,
        name="annual_file",
    ),
]
