from django.urls import path

from . import story_views, views
from .cache import cached_public_page

app_name = "portal"
urlpatterns = [
    path("oppet/", views.index, name="index"),
    path("oppet/tillganglighet/", views.accessibility, name="accessibility"),
    path("oppet/personuppgifter/", views.privacy, name="privacy"),
    path("oppet/bilder/<int:pk>-<int:width>.webp", story_views.story_image_file, name="story_image"),
    path("oppet/<str:code>/", views.plan, name="plan"),
    path("oppet/<str:code>/sok/", views.search, name="search"),
    path("oppet/<str:code>/flode.atom", cached_public_page(views.PlanFeed()), name="feed"),
    path("oppet/<str:code>/malomraden/<str:area_code>/", views.goal_area, name="goal_area"),
    path("oppet/<str:code>/indikatorer/<str:indicator_code>/", views.indicator, name="indicator"),
    path("oppet/<str:code>/berattelser/<slug:slug>/", views.story, name="story"),
    path("oppet/<str:code>/data/<str:table>.<str:fmt>", views.open_data_table, name="open_data"),
    path("oppet/<str:code>/oppna-data.zip", views.open_data_zip, name="open_data_zip"),
    path(
        "oppet/<str:code>/indikatorer/<str:indicator_code>/data.<str:fmt>",
        views.indicator_data,
        name="indicator_data",
    ),
    path("berattelser/", story_views.story_list, name="story_list"),
    path("berattelser/ny/", story_views.story_create, name="story_create"),
    path("berattelser/<int:pk>/", story_views.story_edit, name="story_edit"),
    path("berattelser/<int:pk>/bilder/", story_views.story_image_add, name="story_image_add"),
    path("berattelser/<int:pk>/publicering/", story_views.story_publication, name="story_publication"),
    path("berattelser/bilder/<int:pk>/ta-bort/", story_views.story_image_remove, name="story_image_remove"),
]
