"""A test runs in one transaction that never commits; some code asks what a commit would have done."""

from django.db import connection


def as_committed() -> None:
    """What a commit does to cached data: the transaction's writes no longer keep the cache from
    storing (core/versions.changes_pending), and the next write raises its version again (each
    scope is raised once a transaction: core/versions.first_change_in_transaction)."""
    pending = connection.run_on_commit
    pending[:] = [entry for entry in pending if not hasattr(entry[1], "scope")]
