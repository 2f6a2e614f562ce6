from django.urls import path

from . import views

app_name = "plans"
urlpatterns = [
    path("planer/", views.plan_list, name="plan_list"),
    path("planer/<str:code>/", views.plan_detail, name="plan"),
    path("planer/<str:code>/oppen/", views.plan_publicity, name="publicity"),
    path("malomraden/<int:pk>/", views.goal_area_detail, name="goal_area"),
    path("mal/<int:pk>/", views.goal_detail, name="goal"),
    path("indikatorer/<int:pk>/", views.indicator_detail, name="indicator"),
    path("atgarder/<int:pk>/", views.action_detail, name="action"),
]
