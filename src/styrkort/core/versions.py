"""Versions of the data that cached pages and built facts are stored under (core/page_cache.py).

A version is a fresh random value, never a counter: an object read before another write and saved
again writes its old value back, and the next raise must not land on a value already stored under.
Each scope is raised once a transaction, at its first change (first_change_in_transaction), and a
transaction that has raised one stores nothing in the cache until it commits (changes_pending).
"""

import secrets

from django.db import connection, transaction

from .models import DataVersion

CONTENT = "content"  # plans, the organisation, economy, measurements, people's names and roles
FOLLOWUP = "followup"  # what is reported in any round, and the rounds themselves


def new_version() -> int:
    return secrets.randbits(62)


def raise_version(scope: str) -> None:
    if first_change_in_transaction(("scope", scope)):
        updated = DataVersion.objects.filter(scope=scope).update(value=new_version())
        if not updated:
            DataVersion.objects.get_or_create(scope=scope, defaults={"value": new_version()})


def versions(*scopes: str) -> tuple[int, ...]:
    """The scopes' versions, in one query (0 for a scope never raised)."""
    found = dict(DataVersion.objects.filter(scope__in=scopes).values_list("scope", "value"))
    return tuple(found.get(scope, 0) for scope in scopes)


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
