"""Login throttling (django-axes): wrong passwords in a row lock the account and the address for a
while, the page says when to try again, and an administrator can lift it (issue 11, item 12)."""

import pytest
from django.core.management import call_command
from django.urls import reverse

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("swedish")]

PASSWORD = "pw-for-tests-only"  # noqa: S105 - the fixtures' password


def try_login(client, username: str, password: str, address: str = "10.0.0.1"):
    return client.post(reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address)


def test_five_wrong_passwords_lock_the_account_and_the_right_one_no_longer_works(client, reader, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        assert try_login(client, reader.username, "fel-lösenord").status_code == 200
    fifth = try_login(client, reader.username, "fel-lösenord")
    assert fifth.status_code == 429
    assert "Försök igen om 15 minuter, kl." in fifth.content.decode()

    locked = try_login(client, reader.username, PASSWORD)

    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lock_holds_for_the_account_from_another_address_too(client, reader, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        try_login(client, reader.username, "fel-lösenord", address="10.0.0.1")

    assert try_login(client, reader.username, PASSWORD, address="10.0.0.2").status_code == 429


def test_the_back_office_login_is_throttled_as_well(client, administrator, settings):
    url = reverse("admin:login")
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post(url, {"username": administrator.username, "password": "fel"}, REMOTE_ADDR="10.0.0.3")

    response = client.post(
        url, {"username": administrator.username, "password": PASSWORD}, REMOTE_ADDR="10.0.0.3"
    )

    assert response.status_code == 429


def test_an_administrator_lifts_the_lock(client, reader, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        try_login(client, reader.username, "fel-lösenord")

    call_command("axes_reset_username", reader.username, verbosity=0)

    assert try_login(client, reader.username, PASSWORD).status_code == 302


def test_a_right_password_before_the_limit_clears_the_count(client, reader, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        try_login(client, reader.username, "fel-lösenord")
    assert try_login(client, reader.username, PASSWORD).status_code == 302
    client.logout()

    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        try_login(client, reader.username, "fel-lösenord")

    assert try_login(client, reader.username, PASSWORD).status_code == 302


def test_every_further_try_during_the_pause_doubles_it(client, reader, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        try_login(client, reader.username, "fel-lösenord")

    sixth = try_login(client, reader.username, "fel-lösenord").content.decode()
    seventh = try_login(client, reader.username, PASSWORD).content.decode()  # even the right one

    assert "Försök igen om 30 minuter, kl." in sixth
    assert "Försök igen om 60 minuter, kl." in seventh


def test_the_pause_is_at_most_a_day(rf, reader, settings):
    from axes.models import AccessAttempt

    from styrkort.core.lockout import cool_off

    AccessAttempt.objects.create(username=reader.username, ip_address="10.0.0.9", failures_since_start=40)
    request = rf.post(reverse("login"), {"username": reader.username}, REMOTE_ADDR="10.0.0.8")

    assert cool_off(request).total_seconds() == settings.LOCKOUT_MAX_HOURS * 3600
