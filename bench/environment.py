"""What every benchmark does first: a temporary database and var folder, the bench settings, and
Django set up. `WORK = prepare("reports")` before importing anything of Styrkort.

The database is SQLite in the temporary folder, or, given `database="postgres://user:pw@host/db"`, a
new database `styrkort_bench_<pid>` made on that server (the URL's database is only connected to, to
make and drop it); `reset_database()` empties it between scales and `drop_database()` removes it.
"""

import os
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
_server: dict = {}


def prepare(name: str, database: str | None = None) -> str:
    sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
    work = tempfile.mkdtemp(prefix=f"styrkort-bench-{name}-")
    url = f"sqlite:///{work}/bench.sqlite3"
    if database:
        parts = urlsplit(database)
        bench_name = f"styrkort_bench_{os.getpid()}"
        _server.update(url=database, name=bench_name)
        url = urlunsplit(parts._replace(path=f"/{bench_name}"))
        _create(bench_name)
    os.environ.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        DATABASE_URL=url,
        STYRKORT_SECRET_KEY="bench-only-" + "k3y-" * 12,
        STYRKORT_DEBUG="false",
        STYRKORT_VAR_DIR=work,
    )
    import django

    django.setup()
    return work


def is_postgres() -> bool:
    return bool(_server)


def database_label() -> str:
    return "PostgreSQL" if _server else "SQLite"


def reset_database(work: str) -> None:
    """An empty database for the next scale (migrate it next)."""
    from django.db import connections

    connections.close_all()
    if _server:
        _drop(_server["name"])
        _create(_server["name"])
    else:
        Path(f"{work}/bench.sqlite3").unlink(missing_ok=True)


def drop_database() -> None:
    from django.db import connections

    connections.close_all()
    if _server:
        _drop(_server["name"])


def _admin():
    import psycopg

    return psycopg.connect(_server["url"], autocommit=True)


def _create(name: str) -> None:
    with _admin() as connection:
        connection.execute(f'CREATE DATABASE "{name}"')


def _drop(name: str) -> None:
    with _admin() as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
