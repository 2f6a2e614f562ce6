"""The SQLite backup and restore of docs/deploy.md, done as written, on an installation of its own."""

import contextlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

UNIT_NAME = "SELECT name FROM org_unit WHERE code = 'BK'"


def styrkort(database: Path, *args: str) -> str:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "STYRKORT_DEBUG": "true"}
    command = [sys.executable, "-m", "django", *args, "--settings", "styrkort.settings"]
    return subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout  # noqa: S603 (our own command)


@pytest.mark.slow(
    reason="migrates an installation of its own twice, in subprocesses, as an administrator would"
)
def test_a_copy_taken_while_running_restores_what_was_committed(tmp_path):
    live, copy = tmp_path / "styrkort.sqlite3", tmp_path / "kopia.sqlite3"
    styrkort(live, "migrate", "-v0")
    with contextlib.closing(sqlite3.connect(live)) as setup, setup:
        setup.execute(
            "INSERT INTO org_unit (code, name, short_name, kind, parent_id)"
            " VALUES ('BK', 'Före kopian', '', 'department', NULL)"
        )
    writer = sqlite3.connect(live, isolation_level=None)
    writer.execute("BEGIN")
    writer.execute("UPDATE org_unit SET name = 'Inte bekräftad' WHERE code = 'BK'")  # a save in progress

    with contextlib.closing(sqlite3.connect(live)) as backup:
        backup.execute(f"VACUUM INTO '{copy}'")  # what the doc's sqlite3 command runs

    writer.execute("COMMIT")
    writer.execute("UPDATE org_unit SET name = 'Efter kopian' WHERE code = 'BK'")
    writer.close()  # the service stopped: its last connection gone, SQLite folds the WAL back in
    copy.replace(live)  # restore: the service stopped, the file replaced, then migrate
    styrkort(live, "migrate", "-v0")
    assert sqlite3.connect(live).execute(UNIT_NAME).fetchone() == ("Före kopian",)
