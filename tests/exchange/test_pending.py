"""Checked uploads nobody confirms are removed after a day (issue 11)."""

import os
import time
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from styrkort.exchange.pending import pending_dir

pytestmark = pytest.mark.usefixtures("swedish")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def aged(hours: float, name: str = "00000000-0000-4000-8000-000000000000"):
    path = pending_dir() / f"{name}.xlsx"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"PK")
    then = time.time() - hours * 3600
    os.utime(path, (then, then))
    return path


def test_the_command_removes_unconfirmed_uploads_older_than_a_day():
    old = aged(25)
    fresh = aged(1, name="11111111-1111-4111-8111-111111111111")
    out = StringIO()

    call_command("purge-pending-imports", stdout=out)

    assert not old.exists()
    assert fresh.exists()
    assert out.getvalue().strip() == "1 obekräftad uppladdning togs bort."


def test_a_younger_upload_stays_and_hours_can_be_given():
    recent = aged(2)

    call_command("purge-pending-imports", stdout=StringIO())
    assert recent.exists()
    call_command("purge-pending-imports", "--hours", "1", stdout=StringIO())
    assert not recent.exists()


def test_every_checked_upload_removes_the_old_ones(client, planner, demo_workbook):
    from .conftest import save

    old = aged(30)
    client.force_login(planner)

    client.post(
        reverse("exchange:import"), {"workbook": SimpleUploadedFile("plan.xlsx", save(demo_workbook))}
    )

    assert not old.exists()
    assert len(list(pending_dir().glob("*.xlsx"))) == 1  # the one just checked
