"""Personal API tokens: made and revoked by their own person, on the page and through the services;
only the secret's hash is stored and the secret is shown once."""

import hashlib

import pytest
from django.urls import reverse

from styrkort.api.models import ApiToken
from styrkort.api.services import api_token_create, api_token_revoke
from styrkort.errors import NotAllowed
from tests.api.conftest import sv

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("swedish")]


def test_api_token_create_stores_the_hash_and_a_prefix_never_the_secret(person):
    user = person("reader")

    _token, secret = api_token_create(user=user, name=" Mitt skript ")

    stored = ApiToken.objects.get()
    assert secret.startswith("sk_")
    assert len(secret) > 40
    assert (stored.user, stored.name, stored.prefix) == (user, "Mitt skript", secret[:10])
    assert stored.secret_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in {value for value in vars(stored).values() if isinstance(value, str)}
    assert stored.history.get().history_user == user


def test_api_token_revoke_is_for_the_tokens_own_person_only(person):
    owner, other = person("reporter", "FH"), person("administrator", "RF")
    token, _secret = api_token_create(user=owner, name="Skript")

    with pytest.raises(NotAllowed):
        api_token_revoke(user=other, token=token)
    token.refresh_from_db()
    assert token.revoked_at is None

    api_token_revoke(user=owner, token=token)
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_the_page_lists_only_the_persons_own_tokens(client, person):
    user, other = person("reader"), person("planner")
    api_token_create(user=user, name="Mitt skript")
    api_token_create(user=other, name="Någon annans")
    client.force_login(user)

    response = client.get(reverse("api:tokens"))

    assert response.status_code == 200
    assert [token.name for token in response.context["tokens"]] == ["Mitt skript"]
    assert "Någon annans" not in response.content.decode()
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]


def test_creating_a_token_on_the_page_shows_its_secret_once(client, person):
    user = person("reader")
    client.force_login(user)

    response = client.post(reverse("api:tokens"), {"name": "Rapportskript"})

    secret = response.context["secret"]
    token = ApiToken.objects.get(user=user)
    assert (response.status_code, token.name) == (200, "Rapportskript")
    assert token.secret_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert secret in response.content.decode()
    assert secret not in client.get(reverse("api:tokens")).content.decode()


def test_a_token_needs_a_name(client, person):
    client.force_login(person("reader"))

    response = client.post(reverse("api:tokens"), {"name": "  "})

    assert response.status_code == 400
    assert ApiToken.objects.count() == 0
    assert sv("This field is required.") in response.content.decode()


def test_revoking_on_the_page_stops_the_token(client, person):
    user = person("reader")
    token, secret = api_token_create(user=user, name="Skript")
    client.force_login(user)

    response = client.post(reverse("api:token_revoke", args=[token.pk]))

    token.refresh_from_db()
    assert response.status_code == 302
    assert token.revoked_at is not None
    assert client.get("/api/v1/plans", headers={"Authorization": f"Bearer {secret}"}).status_code == 401


def test_another_persons_token_is_not_found_and_stays(client, person):
    token, _secret = api_token_create(user=person("reader"), name="Skript")
    client.force_login(person("administrator", "RF"))

    response = client.post(reverse("api:token_revoke", args=[token.pk]))

    token.refresh_from_db()
    assert response.status_code == 404
    assert token.revoked_at is None


def test_revoking_takes_a_post(client, person):
    user = person("reader")
    token, _secret = api_token_create(user=user, name="Skript")
    client.force_login(user)

    response = client.get(reverse("api:token_revoke", args=[token.pk]))

    token.refresh_from_db()
    assert response.status_code == 405
    assert token.revoked_at is None


def test_an_anonymous_visitor_is_asked_to_log_in(client, db):
    for url, method in ((reverse("api:tokens"), client.get), (reverse("api:tokens"), client.post)):
        response = method(url)

        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    assert ApiToken.objects.count() == 0
