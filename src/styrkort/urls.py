from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from styrkort.api import urls as api_urls
from styrkort.core.views import logged_in_again

urlpatterns = [
    path("", include("styrkort.portal.urls")),
    path("", include("styrkort.reports.urls")),
    path("", include("styrkort.plans.urls")),
    path("", include("styrkort.org.urls")),
    path("", include("styrkort.exchange.urls")),
    path("", include("styrkort.followup.urls")),
    path("", include("styrkort.economy.urls")),
    path("", include("styrkort.api.urls")),
    *api_urls.versioned,
    path(
        "konto/logga-in/",
        auth_views.LoginView.as_view(extra_context={"account_contact": settings.STYRKORT_ACCOUNT_CONTACT}),
        name="login",
    ),
    path("konto/logga-ut/", auth_views.LogoutView.as_view(), name="logout"),
    path("konto/inloggad/", logged_in_again, name="logged_in_again"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
