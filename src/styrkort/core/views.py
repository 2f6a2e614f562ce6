from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.csrf import csrf_failure as django_csrf_failure

from .lockout import cool_off
from .responses import row_message


def locked_out(request, response=None, credentials=None):
    """django-axes' answer to a login after too many failures: when the person may try again."""
    pause = cool_off(request)
    context = {"minutes": int(pause.total_seconds() // 60), "until": timezone.localtime() + pause}
    return render(request, "registration/locked_out.html", context, status=429)


@login_required
def logged_in_again(request):
    """Where "log in again in a new tab" ends: the person goes back to the tab with their text."""
    return render(request, "registration/logged_in_again.html")


def csrf_failure(request, reason: str = ""):
    """A form older than the person's login: for an htmx row a message in the row, else Django's page."""
    if getattr(request, "htmx", False):
        message = _("The page is older than your login. Reload it and save again.")
        return row_message(request, message, status=403)
    return django_csrf_failure(request, reason)
