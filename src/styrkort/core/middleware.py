import time

from django.conf import settings
from django.contrib.auth import logout
from django.utils import translation
from django.utils.cache import patch_cache_control

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
