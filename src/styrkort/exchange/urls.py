from django.urls import path

from . import views

app_name = "exchange"
urlpatterns = [
    path("planarbetsbok/ladda-ner/", views.workbook_download, name="download"),
    path("planarbetsbok/importera/", views.workbook_import, name="import"),
    path("importer/<uuid:pk>/", views.job_status, name="job"),
    path(
        "uppfoljning/<str:round_code>/enheter/<str:unit_code>/arbetsbok/",
        views.followup_download,
        name="followup_download",
    ),
    path(
        "uppfoljning/<str:round_code>/enheter/<str:unit_code>/importera/",
        views.followup_import,
        name="followup_import",
    ),
    path(
        "uppfoljning/<str:round_code>/ekonomi/importera/",
        views.economy_file_import,
        name="economy_import",
    ),
]
