"""The signed-in person's API tokens: list, create (the secret shown once), revoke."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from styrkort.core.forms import add_errors

from .api import api
from .auth import use_request_language
from .forms import TokenForm
from .models import ApiToken
from .services import api_token_create, api_token_revoke


@never_cache
@login_required
def tokens(request):
    """GET lists the person's tokens with a form for a new one; POST creates it and shows its secret,
    this once, on the page that answers the POST (never in a URL, a session or a log)."""
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            token, secret = api_token_create(user=request.user, name=form.cleaned_data["name"])
        except ValidationError as error:
            add_errors(form, error)
        else:
            return render(request, "api/token_created.html", {"token": token, "secret": secret})
    context = {"form": form, "tokens": list(ApiToken.objects.filter(user=request.user))}
    return render(request, "api/tokens.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def token_revoke(request, pk: int):
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)  # another's token: 404, not a hint
    api_token_revoke(user=request.user, token=token)
    messages.success(request, _("The token %(name)s is revoked; it no longer works.") % {"name": token.name})
    return redirect("api:tokens")


def docs(request):
    """Swagger UI for the API, from ninja's own static files (no CDN)."""
    return api.docs.render_page(request, api)


def root(request, **kwargs):
    """/api/v1/ itself: where the schema and the docs are."""
    return JsonResponse({"openapi": reverse("api-v1:openapi-json"), "docs": reverse("api:docs")})


def not_found(request, rest: str = ""):
    """An address under /api/v1/ that is none of the API's: JSON like every other answer."""
    use_request_language(request)
    return JsonResponse({"detail": _("There is nothing at this address.")}, status=404)
