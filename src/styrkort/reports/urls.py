from django.urls import path, re_path

from . import views
from .catalogue import PLAN, ROUND_PLAN, ROUND_UNIT, kinds

app_name = "reports"


def _slugs(scope: str) -> str:
    # Only the reports' own names: the follow-up's and the exchange's pages under the same prefixes
    # (…/enheter/FH/texter/, …/arbetsbok/) stay theirs.
    return "|".join(kind.slug for kind in kinds(scope))


_FORMAT = r"\.(?P<fmt>[a-z]+)"
_ROUND_UNIT = rf"^uppfoljning/(?P<code>[^/]+)/enheter/(?P<unit_code>[^/]+)/(?P<slug>{_slugs(ROUND_UNIT)})"
_ROUND_PLAN = rf"^uppfoljning/(?P<code>[^/]+)/planer/(?P<plan_code>[^/]+)/(?P<slug>{_slugs(ROUND_PLAN)})"
_PLAN = rf"^planer/(?P<plan_code>[^/]+)/(?P<slug>{_slugs(PLAN)})"

urlpatterns = [
    path("", views.home, name="home"),
    path("rapporter/<uuid:pk>/", views.job, name="job"),
    path("rapporter/<uuid:pk>/fil/", views.job_file, name="job_file"),
    re_path(_ROUND_UNIT + "/$", views.round_unit, name="round_unit"),
    re_path(_ROUND_UNIT + _FORMAT + "$", views.round_unit_file, name="round_unit_file"),
    re_path(_ROUND_PLAN + "/$", views.round_plan, name="round_plan"),
    re_path(_ROUND_PLAN + _FORMAT + "$", views.round_plan_file, name="round_plan_file"),
    re_path(_PLAN + "/$", views.plan, name="plan"),
    re_path(_PLAN + _FORMAT + "$", views.plan_file, name="plan_file"),
]
