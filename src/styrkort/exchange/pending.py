"""Checked uploads waiting for the person to confirm them, kept under MEDIA_ROOT/pending-imports.

A file nobody confirms is removed after a day (STYRKORT_PENDING_IMPORT_HOURS): by every new upload,
and by the command purge-pending-imports for installations that want it on a timer.
"""

import datetime as dt
import time
import uuid
from pathlib import Path

from django.conf import settings


def pending_dir() -> Path:
    return Path(settings.MEDIA_ROOT) / "pending-imports"


def pending_path(token: uuid.UUID | str) -> Path:
    return pending_dir() / f"{uuid.UUID(str(token))}.xlsx"


def pending_store(content: bytes) -> uuid.UUID:
    """Keep a checked file until it is confirmed; older unconfirmed files are removed first."""
    pending_purge()
    token = uuid.uuid4()
    path = pending_path(token)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return token


def pending_purge(older_than: dt.timedelta | None = None) -> int:
    """Remove unconfirmed files older than `older_than` (default STYRKORT_PENDING_IMPORT_HOURS);
    returns how many."""
    age = older_than if older_than is not None else dt.timedelta(hours=settings.PENDING_IMPORT_HOURS)
    cutoff = time.time() - age.total_seconds()
    removed = 0
    for path in pending_dir().glob("*.xlsx") if pending_dir().is_dir() else ():
        try:
            if path.stat().st_mtime < cutoff:
                path.unlink()
                removed += 1
        except FileNotFoundError:  # confirmed, or removed by another worker, meanwhile
            continue
    return removed
