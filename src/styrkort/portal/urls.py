from django.urls import path

from . import views

app_name = "portal"
urlpatterns = [
    path("oppet/", views.index, name="index"),
    path("oppet/<str:code>/", views.plan, name="plan"),
    path("oppet/<str:code>/indikatorer/<str:indicator_code>/", views.indicator, name="indicator"),
]
