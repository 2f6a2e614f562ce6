import time

from django.conf import settings
from django.contrib.auth import logout
from django.core.exceptions import PermissionDenied
from django.shortcuts import resolve_url
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from .responses import row_message

SESSION_STARTED = "styrkort_started"  # when the person logged in (seconds since the epoch)
SESSION_SEEN = "styrkort_seen"  # when the idle time was last renewed
RENEW_EVERY = 300  # seconds: renewing on every request would write the session on every request


class SwedishFirstLocaleMiddleware:
    """Swedish unless the person has chosen another language with the language button.

    Django's LocaleMiddleware follows the browser's Accept-Language, which would show most
    Swedish civil servants (whose browsers often say en-US) an English interface.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.languages = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in self.languages:
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


class SessionLifetimeMiddleware:
    """A session ends STYRKORT_SESSION_IDLE_HOURS after the last request and SESSION_MAX_HOURS after
    logging in, whatever happens; and no page of a logged-in person is kept by a shared cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = time.time()
            started = request.session.setdefault(SESSION_STARTED, now)
            if now - started > settings.SESSION_MAX_HOURS * 3600:
                logout(request)
            elif now - request.session.get(SESSION_SEEN, started) > RENEW_EVERY:
                request.session[SESSION_SEEN] = now  # saving the session renews its expiry
        response = self.get_response(request)
        if request.user.is_authenticated:
            patch_cache_control(response, private=True)
        return response


def session_started(sender, request, user, **kwargs) -> None:
    """Connected to user_logged_in (core/apps.py): the session's clock starts at the login."""
    request.session[SESSION_STARTED] = request.session[SESSION_SEEN] = time.time()


class HtmxFailuresMiddleware:
    """An htmx request that fails gets a short message for the row that sent it, never a whole page
    to swap into the row: not the login page after the session has run out, not the 403 page when
    the round was closed meanwhile. The row keeps what the person typed (static/styrkort/styrkort.js
    puts the message in the row)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            getattr(request, "htmx", False)
            and response.status_code == 302
            and response.get("Location", "").startswith(resolve_url(settings.LOGIN_URL))
        ):
            return row_message(
                request, _("You have been logged out, so this was not saved."), status=401, log_in=True
            )
        return response

    def process_exception(self, request, exception):
        if getattr(request, "htmx", False) and isinstance(exception, PermissionDenied):
            return row_message(request, str(exception) or _("You may not do this."), status=403)
        return None
