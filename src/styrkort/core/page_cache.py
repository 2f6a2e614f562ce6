"""The costly part of a signed-in page kept as HTML in the cache every worker shares, under a key that
names everything it depends on: the data's version, the language, the filter, the viewer's rights.

The page around it (header, messages, the viewer's name) is rendered per request. So is the CSRF
token: the fragment is rendered with a placeholder where `{% csrf_token %}` stands, and the
request's own token is put in after the cache is read, so no token is ever stored or shared.
"""

import hashlib
from collections.abc import Callable

from django.core.cache import cache
from django.db import connection, transaction
from django.middleware.csrf import get_token
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

CSRF_PLACEHOLDER = "styrkort-csrf-placeholder-4e0c9a"
SECONDS = 24 * 3600  # a stale version's entries are never read again; they expire by then
HEADER = "X-Styrkort-Cache"


class _Changed:
    """A mark in the connection's on-commit list that this transaction has changed cached data in
    `scope`; run on commit, it does nothing. Django drops it when its savepoint rolls back."""

    def __init__(self, scope):
        self.scope = scope

    def __call__(self):
        pass


def first_change_in_transaction(scope) -> bool:
    """True the first time a transaction changes data in scope (always, outside a transaction):
    the caller then raises that scope's version, once."""
    if not connection.in_atomic_block:
        return True
    if any(getattr(callback, "scope", None) == scope for _, callback, *_ in connection.run_on_commit):
        return False
    transaction.on_commit(_Changed(scope))
    return True


def changes_pending() -> bool:
    """The current transaction has changed cached data and not yet committed."""
    return connection.in_atomic_block and any(
        isinstance(callback, _Changed) for _, callback, *_ in connection.run_on_commit
    )


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
    if CSRF_PLACEHOLDER in html:
        html = html.replace(CSRF_PLACEHOLDER, get_token(request))
    return mark_safe(html)  # noqa: S308 - rendered by our own templates, with autoescape


def mark_cache_state(request, response):
    """X-Styrkort-Cache: hit or miss, for the bench and for whoever wonders why a page was quick."""
    state = getattr(request, "page_cache", "")
    if state:
        response[HEADER] = state
    return response
