from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import include, path


@login_required
def bare(request):
    """The baseline: the same base template, no data."""
    return render(request, "base.html")


urlpatterns = [path("bench/bare/", bare), path("", include("styrkort.urls"))]
