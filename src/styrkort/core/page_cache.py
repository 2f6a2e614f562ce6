"""Signed-in pages kept as HTML in the cache every worker shares (settings.CACHES), under a key that
names everything they depend on: the data's versions (core/versions.py), the language, the filter,
the viewer's rights.

- cached_html: the costly part of a page shared by everyone with the same rights (a round's pages);
  the page around it (header, messages, the viewer's name) is rendered per request.
- cached_page: a view's whole answer, per person (their name is in the header, their rights in the
  page), for pages whose every part is cheap to key but not to build.

No CSRF token is ever stored or shared: a fragment is rendered with a placeholder where
`{% csrf_token %}` stands, a whole page has its tokens replaced by it, and the request's own token is
put in after the cache is read.
"""

import hashlib
import re
from collections.abc import Callable
from functools import wraps

from django.contrib.messages import get_messages
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from .versions import changes_pending, versions

CSRF_PLACEHOLDER = "styrkort-csrf-placeholder-4e0c9a"
SECONDS = 24 * 3600  # a stale version's entries are never read again; they expire by then
HEADER = "X-Styrkort-Cache"


def cached(key: tuple, build: Callable[[], object], seconds: int = SECONDS):
    """(The value stored under key or, stored under it, build(); whether it was stored before).

    Nothing is stored by a transaction that has changed cached data: its version was raised once,
    at the first change, so what it builds now may miss its later writes (or its rollback).
    """
    digest = hashlib.sha256(repr(key).encode()).hexdigest()[:40]
    name = f"styrkort:{key[0]}:{digest}"
    value = cache.get(name)
    if value is not None:
        return value, True
    value = build()
    if not changes_pending():
        cache.set(name, value, seconds)
    return value, False


def cached_html(request, key: tuple, render: Callable[[dict], str]) -> SafeString:
    """The fragment render(extra_context) returns, per key and language, with the request's CSRF token.

    render is given the context to add ({"csrf_token": placeholder}); `request.page_cache` says
    "hit" or "miss" for the response header (mark_cache_state).
    """
    html, hit = cached((*key, get_language()), lambda: render({"csrf_token": CSRF_PLACEHOLDER}))
    request.page_cache = "hit" if hit else "miss"
    return mark_safe(_with_token(request, html))  # noqa: S308 - rendered by our own templates, with autoescape


def _with_token(request, html: str) -> str:
    """The stored HTML with the request's own CSRF token where the placeholder stands."""
    return html.replace(CSRF_PLACEHOLDER, get_token(request)) if CSRF_PLACEHOLDER in html else html


TOKEN_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')


def cached_page(*scopes: str):
    """Keep the view's 200 answers to GET per person, full path, language, day and the versions of
    `scopes`. Not used while the person has messages waiting: they are shown once."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method != "GET" or len(get_messages(request)):
                return view(request, *args, **kwargs)
            key = (
                "page",
                request.get_full_path(),
                request.user.pk,
                timezone.localdate().isoformat(),
                *versions(*scopes),
            )

            def build():
                response = view(request, *args, **kwargs)
                if response.status_code != 200 or response.streaming:
                    raise _NotKept(response)
                html = TOKEN_FIELD.sub(
                    f'name="csrfmiddlewaretoken" value="{CSRF_PLACEHOLDER}"', response.text
                )
                return html, response["Content-Type"]

            try:
                (html, content_type), hit = cached((*key, get_language()), build)
            except _NotKept as not_kept:
                return not_kept.response
            request.page_cache = "hit" if hit else "miss"
            return mark_cache_state(
                request, HttpResponse(_with_token(request, html), content_type=content_type)
            )

        return wrapper

    return decorator


class _NotKept(Exception):
    """The view answered with something other than a page to keep: it is passed on as it is."""

    def __init__(self, response):
        self.response = response


def mark_cache_state(request, response):
    """X-Styrkort-Cache: hit or miss, for the bench and for whoever wonders why a page was quick."""
    state = getattr(request, "page_cache", "")
    if state:
        response[HEADER] = state
    return response
