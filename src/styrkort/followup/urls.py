from django.urls import path

from . import views

app_name = "followup"
urlpatterns = [
    path("uppfoljning/", views.inbox, name="inbox"),
    path("uppfoljning/jamfor/", views.compare, name="compare"),
    path("uppfoljning/ny/", views.round_create, name="round_create"),
    path("uppfoljning/<str:code>/", views.round_detail, name="round"),
    path("uppfoljning/<str:code>/oversikt/", views.overview, name="overview"),
    path("uppfoljning/<str:code>/stang/", views.close, name="close"),
    path("uppfoljning/<str:code>/paminn/", views.remind, name="remind"),
    path("uppfoljning/<str:code>/publicera/", views.publish, name="publish"),
    path("uppfoljning/<str:code>/dra-tillbaka/", views.withdraw, name="withdraw"),
    path("uppfoljning/<str:code>/oppna-igen/", views.reopen, name="reopen"),
    path("uppfoljning/<str:code>/enheter/<str:unit_code>/", views.unit_report, name="unit_report"),
    path("uppfoljning/<str:code>/enheter/<str:unit_code>/klar/", views.unit_ready, name="unit_ready"),
    path("uppfoljning/<str:code>/enheter/<str:unit_code>/texter/", views.narrative_save, name="narrative"),
    path("uppfoljning/<str:code>/atgarder/<int:action_pk>/", views.action_report_save, name="action_report"),
    path(
        "uppfoljning/<str:code>/indikatorer/<int:indicator_pk>/", views.measurement_save, name="measurement"
    ),
    path(
        "uppfoljning/<str:code>/indikatorer/<int:indicator_pk>/bedomning/",
        views.indicator_assessment_save,
        name="indicator_assessment",
    ),
    path("uppfoljning/<str:code>/mal/<int:goal_pk>/", views.goal_assessment_save, name="goal_assessment"),
    path(
        "uppfoljning/<str:code>/uppdrag/<int:assignment_pk>/",
        views.assignment_report_save,
        name="assignment_report",
    ),
    path("atgarder/", views.action_list, name="action_list"),
    path("atgarder/ladda-ner/", views.action_list_download, name="action_list_download"),
    path("atgarder/<int:pk>/historik/", views.action_history, name="action_history"),
    path("indikatorer/<int:pk>/historik/", views.indicator_history, name="indicator_history"),
]
