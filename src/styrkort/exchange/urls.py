from django.urls import path

from . import views

app_name = "exchange"
urlpatterns = [
    path("planarbetsbok/ladda-ner/", views.workbook_download, name="download"),
    path("planarbetsbok/importera/", views.workbook_import, name="import"),
]
