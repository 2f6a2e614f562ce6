import functools

from django.http import HttpResponseNotAllowed, JsonResponse
from django.urls import URLPattern, path
from django.utils.translation import gettext as _

from . import views
from .api import api
from .auth import use_request_language

app_name = "api"
urlpatterns = [
    path("konto/api-nycklar/", views.tokens, name="tokens"),
    path("konto/api-nycklar/<int:pk>/aterkalla/", views.token_revoke, name="token_revoke"),
    path("api/docs", views.docs, name="docs"),
]


def _json_not_allowed(view):
    """ninja answers a method a path does not take with a bare 405; the API answers JSON."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if isinstance(response, HttpResponseNotAllowed):
            use_request_language(request)
            message = _("This address does not take %(method)s; it takes %(allowed)s.") % {
                "method": request.method,
                "allowed": response["Allow"],
            }
            return JsonResponse({"detail": message}, status=405, headers={"Allow": response["Allow"]})
        return response

    return wrapped


def _versioned():
    patterns, app, namespace = api.urls
    for pattern in patterns:
        if isinstance(pattern, URLPattern):
            if pattern.name == "api-root":  # ninja's own raises a bare 404; ours points to the docs
                pattern.callback = views.root
            else:
                pattern.callback = _json_not_allowed(pattern.callback)
    return patterns, app, namespace


# Included at the root (styrkort/urls.py), so ninja's own namespace ("api-v1") is the one it reverses.
versioned = [
    path("api/v1/", _versioned()),
    path("api/v1/<path:rest>", views.not_found),
]
