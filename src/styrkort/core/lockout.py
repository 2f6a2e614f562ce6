"""How long logging in is paused after wrong passwords (django-axes' AXES_COOLOFF_TIME).

STYRKORT_LOCKOUT_MINUTES after the last failure allowed (STYRKORT_LOGIN_FAILURES), doubled for each
failure after it, at most STYRKORT_LOCKOUT_MAX_HOURS: a person who mistypes waits a while, a script
that keeps guessing waits longer each time. The failures are counted per account and per address,
as the lock-out itself, and forgotten when the pause ends or the right password is given.
"""

import datetime as dt

from django.conf import settings
from django.db.models import Sum


def cool_off(request=None) -> dt.timedelta:
    base = dt.timedelta(minutes=settings.LOCKOUT_MINUTES)
    beyond_limit = max(0, failures(request) - settings.AXES_FAILURE_LIMIT)
    longest = dt.timedelta(hours=settings.LOCKOUT_MAX_HOURS)
    return min(base * 2 ** min(beyond_limit, 16), longest)


def failures(request) -> int:
    """Failures on record for the account named in the login form, or from the request's address."""
    from axes.helpers import get_client_ip_address
    from axes.models import AccessAttempt

    if request is None:
        return 0
    username = request.POST.get("username", "") if request.method == "POST" else ""
    address = getattr(request, "axes_ip_address", None) or get_client_ip_address(request)
    counts = [
        AccessAttempt.objects.filter(**{field: value}).aggregate(n=Sum("failures_since_start"))["n"] or 0
        for field, value in (("username", username), ("ip_address", address))
        if value
    ]
    return max(counts, default=0)
