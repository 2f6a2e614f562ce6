"""The test database, loaded once per session (and per xdist worker) instead of once per test.

Each test asks for one of three states of the database: empty (just migrated), the demo's plans and
users (`demo`), or the whole demo with its follow-up rounds (`full_demo`). Each state is loaded once,
committed and kept as a snapshot: an in-memory copy through SQLite's backup API, or a template
database on PostgreSQL. A test then runs on its state inside a transaction that is rolled back after
it, as pytest-django's `db` does. A transactional test (live server, `transaction=True`) commits and
flushes, so the state it leaves is unknown and the next test restores its snapshot, which takes
milliseconds on SQLite and a fraction of a second on PostgreSQL.

Tests are ordered by the state they need so that each state is loaded and restored as seldom as
possible; the order changes how fast the suite runs, never what a test sees.
"""

from __future__ import annotations

import enum
import sqlite3
import time
from dataclasses import dataclass, field

from django.db import connection
from django.utils import translation


class State(enum.IntEnum):
    EMPTY = 0
    DEMO = 1
    FULL_DEMO = 2


def state_of(item) -> State:
    """The state of the database that a test asks for through its fixtures."""
    names = getattr(item, "fixturenames", ())
    if "full_demo" in names:
        return State.FULL_DEMO
    if "demo" in names:
        return State.DEMO
    return State.EMPTY


def is_transactional(item) -> bool:
    """Whether the test commits (as pytest-django decides it: the marker, or a live server)."""
    marker = item.get_closest_marker("django_db")
    if marker is not None and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")):
        return True
    names = getattr(item, "fixturenames", ())
    return any(name in names for name in ("transactional_db", "live_server", "django_db_reset_sequences"))


def order_key(item) -> tuple[int, int]:
    """Tests of one state together, the state's committing tests last (each one leaves the state
    unknown, so the next test restores the snapshot)."""
    return (state_of(item), is_transactional(item))


def _load(state: State):
    from styrkort.demo.services import demo_load, demo_rounds_load

    with translation.override("sv"):
        loaded = demo_load(rounds=False) if state == State.DEMO else demo_rounds_load()
    assert loaded.ok, [str(problem) for problem in loaded.problems]
    return loaded


class SqliteSnapshots:
    """Copies of the in-memory test database, made and put back with SQLite's backup API."""

    def __init__(self):
        self.copies: dict[State, sqlite3.Connection] = {}

    def __contains__(self, state: State) -> bool:
        return state in self.copies

    def save(self, state: State) -> None:
        connection.ensure_connection()
        copy = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(copy)
        self.copies[state] = copy

    def restore(self, state: State) -> None:
        connection.ensure_connection()
        self.copies[state].backup(connection.connection)

    def drop(self) -> None:
        for copy in self.copies.values():
            copy.close()
        self.copies.clear()


class PostgresSnapshots:
    """Template databases beside the test database; restoring recreates it from one."""

    def __init__(self):
        self.saved: set[State] = set()
        self.database = connection.settings_dict["NAME"]

    def __contains__(self, state: State) -> bool:
        return state in self.saved

    def _template(self, state: State) -> str:
        return f"{self.database}_{state.name.lower()}"

    def _execute(self, *statements: str) -> None:
        import psycopg

        settings = connection.settings_dict
        # Django's connection to the test database must be closed: PostgreSQL copies a database only
        # while nobody is connected to it. The live server's thread closes its own after each request.
        connection.close()
        with psycopg.connect(
            dbname="postgres",
            user=settings["USER"],
            password=settings["PASSWORD"],
            host=settings["HOST"],
            port=settings["PORT"] or None,
            autocommit=True,
        ) as admin:
            for statement in statements:
                _with_retries(admin, statement)

    def save(self, state: State) -> None:
        template = self._template(state)
        self._execute(
            f'DROP DATABASE IF EXISTS "{template}"',
            f'CREATE DATABASE "{template}" TEMPLATE "{self.database}"',
        )
        self.saved.add(state)

    def restore(self, state: State) -> None:
        self._execute(
            f'DROP DATABASE "{self.database}" WITH (FORCE)',
            f'CREATE DATABASE "{self.database}" TEMPLATE "{self._template(state)}"',
        )

    def drop(self) -> None:
        self._execute(*(f'DROP DATABASE IF EXISTS "{self._template(state)}"' for state in self.saved))
        self.saved.clear()


@dataclass
class TestDatabase:
    """The committed state of the test database and the snapshots to put it back."""

    snapshots: SqliteSnapshots | PostgresSnapshots
    current: State | None = State.EMPTY  # None: unknown, after a test that committed
    loaded: dict[State, object] = field(default_factory=dict)  # each state's import result
    prepared_for: str | None = None  # the test the database was last prepared for
    load_seconds: dict[str, float] = field(default_factory=dict)
    restores: int = 0
    restore_seconds: float = 0.0

    __test__ = False  # not a test class, whatever its name

    @classmethod
    def create(cls) -> TestDatabase:
        snapshots = SqliteSnapshots() if connection.vendor == "sqlite" else PostgresSnapshots()
        database = cls(snapshots=snapshots)
        snapshots.save(State.EMPTY)
        return database

    def prepare(self, item) -> float:
        """Commit the state the test needs, before its transaction (if any) begins; the seconds it took."""
        started = time.perf_counter()
        self._reach(state_of(item))
        self.prepared_for = item.nodeid
        if is_transactional(item):
            self.current = None
        return time.perf_counter() - started

    def _reach(self, wanted: State) -> None:
        if self.current == wanted:
            return
        started = time.perf_counter()
        if wanted in self.snapshots:
            self.snapshots.restore(wanted)
            self.restores += 1
            self.restore_seconds += time.perf_counter() - started
        else:
            self._reach(State(wanted - 1))
            started = time.perf_counter()
            self.loaded[wanted] = _load(wanted)
            self.snapshots.save(wanted)
            self.load_seconds[wanted.name.lower()] = time.perf_counter() - started
        self.current = wanted

    def summary(self) -> dict:
        return {
            "load_seconds": self.load_seconds,
            "restores": self.restores,
            "restore_seconds": self.restore_seconds,
        }

    def result(self, request, state: State):
        """The import result of the state a test's fixture stands for; fails if it was not prepared."""
        if self.prepared_for != request.node.nodeid or state_of(request.node) < state:
            raise RuntimeError(
                f"The test database was not prepared for {request.node.nodeid}. The state a test needs "
                "is read from its fixtures before it starts: name demo or full_demo in the test's "
                "signature (or a fixture's it uses), not only through request.getfixturevalue()."
            )
        return self.loaded[State.DEMO]


def _with_retries(admin, statement: str, attempts: int = 20) -> None:
    """DROP DATABASE … WITH (FORCE) may not end a connection it has no right to, such as an
    autovacuum worker that has just started on the test database after a large load; that worker is
    done in moments, so the statement is tried again (a CI run once failed here)."""
    import psycopg

    for attempt in range(attempts):
        try:
            admin.execute(statement)
            return
        except (psycopg.errors.InsufficientPrivilege, psycopg.errors.ObjectInUse):
            if attempt == attempts - 1:
                raise
            time.sleep(0.25 * (attempt + 1))
