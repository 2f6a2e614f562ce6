from django.shortcuts import render
from django.utils import timezone

from .lockout import cool_off


def locked_out(request, response=None, credentials=None):
    """django-axes' answer to a login after too many failures: when the person may try again."""
    pause = cool_off(request)
    context = {"minutes": int(pause.total_seconds() // 60), "until": timezone.localtime() + pause}
    return render(request, "registration/locked_out.html", context, status=429)
