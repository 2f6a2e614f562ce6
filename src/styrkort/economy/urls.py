from django.urls import path

from . import views

app_name = "economy"
urlpatterns = [
    path("uppfoljning/<str:code>/enheter/<str:unit_code>/ekonomi/", views.economy_page, name="page"),
]
