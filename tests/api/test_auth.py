"""Authorization: Bearer <token>. No header: anonymous; a wrong, revoked or deactivated token: 401
as JSON; the browser's login session gives the API nothing."""

import pytest
from django.utils import timezone

from styrkort.api.models import ApiToken
from styrkort.api.services import api_token_create, api_token_revoke
from tests.api.conftest import INTERNAL, PUBLIC

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("swedish")]


def plan_codes(response) -> list[str]:
    return sorted(plan["code"] for plan in response.json()["items"])


@pytest.mark.parametrize(
    "header",
    ["Bearer sk_wrong", "Bearer ", "Token sk_x", "Basic dXNlcjpwdw==", "Bearer " + "x" * 300],
)
def test_a_wrong_token_is_refused_with_401_in_json(client, region, header):
    response = client.get("/api/v1/plans", headers={"Authorization": header})

    assert response.status_code == 401
    assert response["Content-Type"] == "application/json"
    assert response["WWW-Authenticate"] == "Bearer"
    assert response.json()["detail"]


def test_a_revoked_token_is_refused(client, person):
    user = person("reader")
    token, secret = api_token_create(user=user, name="Skript")
    api_token_revoke(user=user, token=token)

    response = client.get("/api/v1/plans", headers={"Authorization": f"Bearer {secret}"})

    assert response.status_code == 401


def test_a_deactivated_persons_token_is_refused(client, person):
    user = person("reader")
    _token, secret = api_token_create(user=user, name="Skript")
    user.is_active = False
    user.save()

    response = client.get("/api/v1/plans", headers={"Authorization": f"Bearer {secret}"})

    assert response.status_code == 401


def test_a_token_reads_as_its_person_and_is_stamped_as_used(client, person):
    user = person("reader")
    token, secret = api_token_create(user=user, name="Skript")

    response = client.get("/api/v1/plans", headers={"Authorization": f"Bearer {secret}"})

    token.refresh_from_db()
    assert plan_codes(response) == [INTERNAL, PUBLIC]
    assert token.last_used_at is not None
    assert token.last_used_at <= timezone.now()
    assert token.history.count() == 1  # the stamp of use is not a change with a history row


def test_a_login_session_gives_the_api_nothing(client, person):
    client.force_login(person("administrator", "RF"))

    response = client.get("/api/v1/plans")

    assert plan_codes(response) == [PUBLIC]


def test_no_header_is_the_anonymous_caller(client, region):
    response = client.get("/api/v1/plans")

    assert (response.status_code, plan_codes(response)) == (200, [PUBLIC])
    assert ApiToken.objects.count() == 0
