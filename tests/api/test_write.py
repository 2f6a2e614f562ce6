"""Reporting an action through the API: the token's person with the same rule as the report page
(followup.report_action), through followup.services.action_report_save, with the row's version."""

import pytest

from styrkort.followup.models import ActionReport
from tests.api.conftest import INTERNAL, PUBLIC, sv

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("swedish")]


def url(region, round_code="R-2024", plan=PUBLIC, code="A1") -> str:
    return f"/api/v1/rounds/{round_code}/action-reports/{region.action(plan, code).pk}"


def put(client, address, body, headers=None, **extra):
    return client.put(address, body, content_type="application/json", headers=headers or {}, **extra)


def report_in(region, round_code="R-2024", plan=PUBLIC) -> ActionReport:
    return ActionReport.objects.get(round__code=round_code, action=region.action(plan))


REPORT = {"status": "done", "colour": "yellow", "comment": "Klart i tid", "deviation": "Dyrare än planerat"}


def test_a_reporters_token_writes_the_report_and_it_is_stored(client, region, bearer):
    before = report_in(region)

    response = put(client, url(region), REPORT | {"version": before.version}, bearer("reporter", "FH"))

    stored = report_in(region)
    assert response.status_code == 200, response.content
    assert response.json() | {"reported_at": None} == {
        "id": stored.pk,
        "round": "R-2024",
        "action_id": stored.action_id,
        "action": "A1",
        "plan": PUBLIC,
        **REPORT,
        "reported_at": None,
        "version": before.version + 1,
    }
    assert (stored.status, stored.colour, stored.comment, stored.deviation) == tuple(REPORT.values())
    assert stored.reported_by.username == "reporter-fh"
    assert stored.history.latest().history_user == stored.reported_by


def test_a_first_report_is_sent_with_version_0(client, region, bearer):
    ActionReport.objects.filter(round__code="R-2024").delete()

    response = put(
        client, url(region), {"status": "in_progress", "colour": "green", "version": 0}, bearer("planner")
    )

    assert (response.status_code, response.json()["version"]) == (200, 1)
    assert report_in(region).status == "in_progress"


def test_a_readers_token_is_refused_with_403_and_nothing_changes(client, region, bearer):
    before = report_in(region)

    response = put(client, url(region), REPORT | {"version": before.version}, bearer("reader"))

    assert response.status_code == 403
    assert response.json() == {"detail": sv("You may not report for the action %(code)s.", code="A1")}
    assert report_in(region).comment == before.comment == "2024"
    assert report_in(region).version == before.version


def test_a_reporter_of_another_unit_is_refused(client, region, bearer, person):
    from styrkort.org.enums import UnitKind
    from styrkort.org.models import Unit

    region.units["VF"] = Unit.objects.create(
        code="VF", name="Välfärd", kind=UnitKind.DEPARTMENT, parent=region.units["RUF"]
    )

    response = put(client, url(region), REPORT | {"version": 1}, bearer("reporter", "VF"))

    assert response.status_code == 403
    assert report_in(region).comment == "2024"


def test_a_stale_version_is_409_and_nothing_changes(client, region, bearer):
    headers = bearer("reporter", "FH")
    current = report_in(region).version
    put(client, url(region), REPORT | {"version": current}, headers)  # someone saves first

    response = put(client, url(region), REPORT | {"comment": "Min text", "version": current}, headers)

    assert response.status_code == 409
    body = response.json()
    assert (body["current"]["comment"], body["current"]["version"]) == ("Klart i tid", current + 1)
    assert body["detail"].startswith(("Someone saved this report", "Någon"))  # translated by the lead
    assert report_in(region).comment == "Klart i tid"


def test_a_closed_round_is_409_and_nothing_changes(client, region, bearer):
    response = put(client, url(region, "R-2023"), REPORT | {"version": 1}, bearer("administrator", "RF"))

    assert response.status_code == 409
    assert response.json() == {
        "detail": "Uppföljningen Uppföljning 2023 är stängd; ingenting kan ändras i den."
    }
    assert report_in(region, "R-2023").comment == "2023"


def test_without_a_token_writing_is_401(client, region):
    response = put(client, url(region), REPORT | {"version": 1})

    assert response.status_code == 401
    assert report_in(region).comment == "2024"


@pytest.mark.parametrize(
    ("body", "field", "msgids", "values"),
    [
        ({}, "version", ["This field is required."], {}),
        ({"version": "ett"}, "version", ["Enter a whole number."], {}),
        (
            {"version": -1},
            "version",
            ["Ensure this value is greater than or equal to %(limit_value)s."],
            {"limit_value": 0},
        ),
        (
            {"version": 1, "status": "klart"},
            "status",
            ["Select a valid choice. %(value)s is not one of the available choices."],
            {"value": "klart"},
        ),
        (
            {"version": 1, "comment": "x" * 32_768},
            "comment",
            [
                "Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",
                "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
            ],
            {"limit_value": 32_767, "show_value": 32_768},
        ),
        (  # the service's rule (followup/status.py), as on the report page
            {"version": 1, "status": "done", "colour": "red"},
            "deviation",
            ["Describe the deviation when the assessment is yellow or red."],
            {},
        ),
        (  # PostgreSQL cannot store a NUL; the web form refuses it too
            {"version": 1, "comment": "före\x00efter"},
            "comment",
            ["Null characters are not allowed."],
            {},
        ),
    ],
    ids=["missing", "not-a-number", "negative", "unknown-status", "too-long", "no-deviation", "nul"],
)
def test_a_bad_payload_is_422_with_a_swedish_message_and_nothing_changes(
    client, region, bearer, body, field, msgids, values
):
    message = sv(*msgids, n=values.get("limit_value", 1), **values)

    response = put(client, url(region), body, bearer("reporter", "FH"))

    assert response.status_code == 422
    errors = response.json()["errors"]
    assert [(error["loc"][-1], error["msg"]) for error in errors] == [(field, message)]
    assert response.json()["detail"] == f"{field}: {message}"
    assert report_in(region).comment == "2024"


def test_a_body_that_is_not_json_is_400(client, region, bearer):
    response = client.put(
        url(region), "{inte json", content_type="application/json", headers=bearer("reporter", "FH")
    )

    assert response.status_code == 400
    assert response.json()["detail"] == sv("Enter a valid JSON.")


@pytest.mark.parametrize(
    ("address", "detail"),
    [
        (
            "/api/v1/rounds/NO-SUCH/action-reports/1",
            ("There is no follow-up round with the code %(code)s.", {"code": "NO-SUCH"}),
        ),
        ("/api/v1/rounds/R-2024/action-reports/999999", None),
    ],
)
def test_an_unknown_round_or_action_is_404(client, region, bearer, address, detail):
    response = put(client, address, REPORT | {"version": 1}, bearer("administrator", "RF"))

    assert response.status_code == 404
    assert detail is None or response.json()["detail"] == sv(detail[0], **detail[1])


def test_an_action_outside_the_round_is_404(client, region, bearer):
    from styrkort.followup.models import FollowUpRound

    FollowUpRound.objects.get(code="R-2024").plans.remove(region.plans[INTERNAL])

    response = put(client, url(region, plan=INTERNAL), REPORT | {"version": 1}, bearer("administrator", "RF"))

    assert response.status_code == 404
    assert response.json() == {"detail": sv("The action %(code)s is not part of this round.", code="A1")}


def test_english_when_the_caller_asks_for_it(client, region, bearer):
    response = put(
        client, url(region), REPORT | {"version": 1}, bearer("reader"), HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.8"
    )

    assert response.json() == {"detail": "You may not report for the action A1."}
    assert response["Content-Language"] == "en"
