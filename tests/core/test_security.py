"""Accounts and deployment: password policy, session lifetime, caching of private pages and Django's
own deployment check with production settings (issue 11, items 13 and 14)."""

import os
import secrets
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse

from styrkort.core.middleware import SESSION_STARTED

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("swedish")]

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "password",
    ["kort-lösen", "123456789012345", "password1234", "rasmusrapportor"],
    ids=["under 12 characters", "all digits", "common", "the user name"],
)
def test_a_weak_password_is_refused(db, password):
    user = get_user_model()(username="rasmusrapportor", first_name="Rasmus")

    with pytest.raises(ValidationError):
        validate_password(password, user)


def test_a_long_sentence_is_a_good_password_without_composition_rules(db):
    user = get_user_model()(username="rasmus")

    validate_password("vi följer upp regionplanen varje höst", user)


def test_a_session_ends_a_working_day_after_logging_in_however_busy(client, reader):
    client.force_login(reader)
    assert client.get(reverse("reports:home")).status_code == 200
    session = client.session
    session[SESSION_STARTED] = time.time() - (settings.SESSION_MAX_HOURS * 3600 + 60)
    session.save()

    response = client.get(reverse("plans:plan_list"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_a_session_expires_after_the_idle_hours(client, reader):
    client.force_login(reader)

    assert client.session.get_expiry_age() == settings.SESSION_IDLE_HOURS * 3600 == 8 * 3600


def test_a_logged_in_persons_pages_are_private_to_caches(client, reader):
    client.force_login(reader)

    response = client.get(reverse("plans:plan_list"))

    assert "private" in response["Cache-Control"]


def _check_deploy(**environment) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("STYRKORT_", "DJANGO_"))}
    env |= {"DJANGO_SETTINGS_MODULE": "styrkort.settings", "PYTHONPATH": str(ROOT / "src"), **environment}
    return subprocess.run(
        [sys.executable, "-m", "styrkort", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    result = _check_deploy(
        STYRKORT_SECRET_KEY=secrets.token_urlsafe(50),
        STYRKORT_DEBUG="false",
        STYRKORT_ALLOWED_HOSTS="styrkort.example.se",
        STYRKORT_SSL_REDIRECT="true",
        STYRKORT_HSTS_SECONDS="31536000",
        STYRKORT_HSTS_INCLUDE_SUBDOMAINS="true",
        STYRKORT_HSTS_PRELOAD="true",
        STYRKORT_BEHIND_TLS_PROXY="true",
        STYRKORT_VAR_DIR=str(tmp_path),
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_the_example_environments_key_does_not_start_a_server(tmp_path):
    example = dict(
        line.split("=", 1)
        for line in (ROOT / ".env.example").read_text().splitlines()
        if line and not line.startswith("#")
    )

    result = _check_deploy(
        **{k: v for k, v in example.items() if k != "DATABASE_URL"}, STYRKORT_VAR_DIR=str(tmp_path)
    )

    assert result.returncode != 0
    assert "STYRKORT_SECRET_KEY is too weak" in result.stderr


def test_missing_configuration_is_one_clear_line_not_a_traceback(tmp_path):
    result = _check_deploy(STYRKORT_DEBUG="false", STYRKORT_SECRET_KEY="", STYRKORT_VAR_DIR=str(tmp_path))

    assert result.returncode == 1
    assert result.stderr.strip() == (
        "styrkort: STYRKORT_SECRET_KEY must be set when STYRKORT_DEBUG is not true "
        "(see docs/configuration.md)"
    )
