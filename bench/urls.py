from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import Group
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST


@login_required
def bare(request):
    """The baseline: the same base template, no data."""
    return render(request, "base.html")


@csrf_exempt
@login_required
@require_POST
def bare_write(request):
    """The baseline for a save: read one small row (a Group, which keeps no history), change it, save it."""
    group, _ = Group.objects.get_or_create(name="bench-bare")
    group.name = "bench-bare"  # same value: one UPDATE, like a status saved again
    group.save()
    return HttpResponse(request.POST.get("value", ""))


def bare_public(request):
    """The open web's baseline: its base template, no data, no login."""
    return render(request, "portal/base.html")


urlpatterns = [
    path("bench/bare/", bare),
    path("bench/bare-public/", bare_public),
    path("bench/bare-write/", bare_write),
    path("", include("styrkort.urls")),
]
