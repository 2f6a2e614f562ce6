"""What every benchmark does first: a temporary SQLite database and var folder, the bench settings,
and Django set up. `WORK = prepare("reports")` before importing anything of Styrkort."""

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def prepare(name: str) -> str:
    sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
    work = tempfile.mkdtemp(prefix=f"styrkort-bench-{name}-")
    os.environ.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        DATABASE_URL=f"sqlite:///{work}/bench.sqlite3",
        STYRKORT_SECRET_KEY="bench-only-" + "k3y-" * 12,
        STYRKORT_DEBUG="false",
        STYRKORT_VAR_DIR=work,
    )
    import django

    django.setup()
    return work
