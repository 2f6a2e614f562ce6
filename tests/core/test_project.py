"""Narrow checks of the project itself (after djangoproject.com's tests)."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]


def test_no_pending_migrations(db):
    out = StringIO()

    call_command("makemigrations", "--check", "--dry-run", stdout=out)

    assert "No changes detected" in out.getvalue()


def test_swedish_catalogue_is_compiled():
    with translation.override("sv"):
        assert translation.gettext("Goal area") == "Målområde"
        assert translation.gettext("Log out") == "Logga ut"


@pytest.mark.parametrize(
    "url_name",
    ["reports:home", "plans:plan_list", "followup:action_list", "org:unit_list", "exchange:import", "login"],
)
def test_each_page_has_exactly_one_h1(client, planner, url_name):
    if url_name != "login":
        client.force_login(planner)

    html = client.get(reverse(url_name)).content.decode()

    assert html.count("<h1") == 1


def test_pages_send_a_content_security_policy(client, reader):
    client.force_login(reader)

    response = client.get(reverse("plans:plan_list"))

    assert "default-src 'self'" in response["Content-Security-Policy"]


def test_interface_is_swedish_even_when_the_browser_asks_for_english(client, reader):
    client.force_login(reader)

    response = client.get(reverse("plans:plan_list"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")

    assert '<h1 class="ds-heading" data-size="lg">Planer</h1>' in response.content.decode()


def test_english_when_chosen(client, reader):
    client.force_login(reader)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})

    response = client.get(reverse("plans:plan_list"))

    assert '<h1 class="ds-heading" data-size="lg">Plans</h1>' in response.content.decode()


def test_apps_import_only_from_the_layers_below_them(capsys):
    """pyproject.toml's import-linter contract: org ← plans ← followup ← economy ← reports, exchange
    ← demo, and core under all of them; nothing imports reports or demo."""
    from importlinter.cli import lint_imports

    exit_code = lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True, no_logo=True)

    assert exit_code == 0, capsys.readouterr().out
