from django.urls import path

from . import views

app_name = "org"
urlpatterns = [
    path("enheter/", views.unit_list, name="unit_list"),
    path("enheter/<str:code>/", views.unit_detail, name="unit"),
]
