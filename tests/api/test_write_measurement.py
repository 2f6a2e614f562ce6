"""Reporting a measurement through the API: the token's person with the same rule and checks as the
report page (followup.report_indicator, check_entered_by_hand), through
followup.services.measurement_save, with the row's version."""

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from styrkort.followup.models import FollowUpRound, Measurement
from styrkort.plans.models import Breakdown, Indicator
from tests.api.conftest import INTERNAL, PUBLIC, sv

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("swedish")]


def indicator(plan=PUBLIC) -> Indicator:
    return Indicator.objects.get(code=f"{plan}-I1")


def url(round_code="R-2024", plan=PUBLIC) -> str:
    return f"/api/v1/rounds/{round_code}/measurements/{indicator(plan).pk}"


def put(client, address, body, headers=None, **extra):
    return client.put(address, body, content_type="application/json", headers=headers or {}, **extra)


def stored(period=2024, breakdown=None, plan=PUBLIC) -> Measurement:
    return Measurement.objects.get(indicator=indicator(plan), period=period, breakdown=breakdown)


def women() -> Breakdown:
    breakdown, _created = Breakdown.objects.get_or_create(name="Kvinnor")
    indicator().breakdowns.add(breakdown)
    return breakdown


VALUE = {"period": 2024, "value": "72.5", "note": "Preliminärt", "source": "Enkät 2024"}


def test_a_planners_token_writes_the_value_and_it_is_stored(client, region, bearer):
    before = stored()

    response = put(client, url(), VALUE | {"version": before.version}, bearer("planner"))

    after = stored()
    assert response.status_code == 200, response.content
    assert response.json() == {
        "id": after.pk,
        "indicator": f"{PUBLIC}-I1",
        "plan": PUBLIC,
        "breakdown": None,
        "period": 2024,
        "value": "72.5000",
        "missing": False,
        "note": "Preliminärt",
        "source": "Enkät 2024",
        "round": "R-2024",
        "version": before.version + 1,
    }
    assert (after.value, after.period, after.breakdown, after.round.code) == (
        Decimal("72.5"),
        2024,
        None,
        "R-2024",
    )
    assert (after.note, after.source, after.missing) == ("Preliminärt", "Enkät 2024", False)
    assert after.reported_by.username == "planner-ruf"
    assert after.history.latest().history_user == after.reported_by


def test_a_first_value_of_a_breakdown_is_sent_with_version_0(client, region, bearer):
    breakdown = women()

    response = put(
        client, url(), {"period": 2024, "breakdown": "Kvinnor", "value": 70, "version": 0}, bearer("reporter")
    )

    assert response.status_code == 200, response.content
    assert (response.json()["breakdown"], response.json()["version"]) == ("Kvinnor", 1)
    row = stored(breakdown=breakdown)
    assert (row.value, row.round.code) == (Decimal(70), "R-2024")
    assert stored().value == 60  # the total is another row


def test_the_total_may_be_named_as_the_indicators_breakdowns_list_it(client, region, bearer):
    total, _created = Breakdown.objects.get_or_create(name="Totalt")
    indicator().breakdowns.add(total)
    version = stored().version

    response = put(client, url(), VALUE | {"breakdown": "Totalt", "version": version}, bearer("planner"))

    assert (response.status_code, response.json()["breakdown"]) == (200, None)
    assert stored().value == Decimal("72.5")


def test_data_missing_is_stored_without_a_value(client, region, bearer):
    response = put(client, url(), {"period": 2020, "missing": True, "version": 0}, bearer("planner"))

    assert response.status_code == 200, response.content
    assert (stored(2020).missing, stored(2020).value, stored(2020).round.code) == (True, None, "R-2024")


@pytest.mark.parametrize(("role", "unit"), [("reader", "RUF"), ("reporter", "FH")])
def test_a_reader_or_a_reporter_of_another_unit_is_refused_with_403_and_nothing_changes(
    client, region, bearer, role, unit
):
    before = stored()

    response = put(client, url(), VALUE | {"version": before.version}, bearer(role, unit))

    assert response.status_code == 403
    assert response.json() == {
        "detail": sv("You may not report for the indicator %(code)s.", code=f"{PUBLIC}-I1")
    }
    after = stored()
    assert (after.value, after.version, after.note) == (60, before.version, "")


def test_a_stale_version_is_409_and_nothing_changes(client, region, bearer):
    headers = bearer("planner")
    current = stored().version
    put(client, url(), VALUE | {"version": current}, headers)  # someone saves first

    response = put(client, url(), VALUE | {"value": "10", "version": current}, headers)

    assert response.status_code == 409
    body = response.json()
    assert (body["current"]["value"], body["current"]["version"]) == ("72.5000", current + 1)
    assert body["detail"].startswith(("Someone saved this value", "Någon"))  # translated by the lead
    assert (stored().value, stored().version) == (Decimal("72.5"), current + 1)


def test_a_value_removed_since_it_was_read_is_409(client, region, bearer):
    version = stored().version
    stored().delete()

    response = put(client, url(), VALUE | {"version": version}, bearer("planner"))

    assert response.status_code == 409
    assert response.json() == {"detail": sv("What you edited has been removed.")}
    assert not Measurement.objects.filter(indicator=indicator(), period=2024).exists()


def test_a_closed_round_is_409_and_nothing_changes(client, region, bearer):
    response = put(
        client, url("R-2023"), VALUE | {"period": 2023, "version": 1}, bearer("administrator", "RF")
    )

    assert response.status_code == 409
    assert response.json() == {
        "detail": "Uppföljningen Uppföljning 2023 är stängd; ingenting kan ändras i den."
    }
    assert stored(2023).value == 60


def test_without_a_token_writing_is_401(client, region):
    response = put(client, url(), VALUE | {"version": 1})

    assert response.status_code == 401
    assert stored().value == 60


def test_an_unknown_breakdown_is_404_and_nothing_is_written(client, region, bearer):
    women()

    response = put(client, url(), VALUE | {"breakdown": "Män", "version": 0}, bearer("planner"))

    assert response.status_code == 404
    assert response.json() == {"detail": sv("The indicator is not broken down this way.")}
    assert Measurement.objects.filter(indicator=indicator(), period=2024).count() == 1


@pytest.mark.parametrize(
    "address",
    ["/api/v1/rounds/NO-SUCH/measurements/1", "/api/v1/rounds/R-2024/measurements/999999"],
    ids=["round", "indicator"],
)
def test_an_unknown_round_or_indicator_is_404(client, region, bearer, address):
    response = put(client, address, VALUE | {"version": 1}, bearer("administrator", "RF"))

    assert response.status_code == 404
    assert response.json()["detail"]


def test_an_indicator_outside_the_round_is_404(client, region, bearer):
    FollowUpRound.objects.get(code="R-2024").plans.remove(region.plans[INTERNAL])

    response = put(client, url(plan=INTERNAL), VALUE | {"version": 1}, bearer("administrator", "RF"))

    assert response.status_code == 404
    assert response.json() == {
        "detail": sv("The indicator %(code)s is not part of this round.", code=f"{INTERNAL}-I1")
    }
    assert stored(plan=INTERNAL).value == 60


def test_a_period_after_the_rounds_year_is_422_with_the_swedish_message(client, region, bearer):
    response = put(client, url(), VALUE | {"period": 2025, "version": 0}, bearer("planner"))

    message = sv("The period %(period)s is after the round's date.", period=2025)
    assert response.status_code == 422
    assert response.json() == {
        "detail": f"period: {message}",
        "errors": [{"loc": ["body", "period"], "msg": message, "type": "invalid"}],
    }
    assert not Measurement.objects.filter(indicator=indicator(), period=2025).exists()


@pytest.mark.parametrize(
    ("body", "field", "msgids", "values"),
    [
        ({"period": 2024, "value": 1}, "version", ["This field is required."], {}),
        ({"value": 1, "version": 1}, "period", ["This field is required."], {}),
        (VALUE | {"period": "i år", "version": 1}, "period", ["Enter a whole number."], {}),
        (VALUE | {"value": "69,5", "version": 1}, "value", ["Enter a valid value."], {}),
        (
            VALUE | {"note": "x" * 501, "version": 1},
            "note",
            [
                "Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",
                "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
            ],
            {"limit_value": 500, "show_value": 501},
        ),
        (
            VALUE | {"source": "x" * 201, "version": 1},
            "source",
            [
                "Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",
                "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
            ],
            {"limit_value": 200, "show_value": 201},
        ),
        (  # the model's rules, as on the report page
            VALUE | {"missing": True, "version": 1},
            "value",
            ["Give a value or mark the data as missing, not both."],
            {},
        ),
        (VALUE | {"value": None, "version": 1}, "value", ["Give a value or mark the data as missing."], {}),
        (
            VALUE | {"value": "1.23456", "version": 1},
            "value",
            [
                "Ensure that there are no more than %(max)s decimal place.",
                "Ensure that there are no more than %(max)s decimal places.",
            ],
            {"max": 4},
        ),
    ],
    ids=[
        "no-version",
        "no-period",
        "period-not-a-number",
        "decimal-comma",
        "note-too-long",
        "source-too-long",
        "value-and-missing",
        "neither",
        "too-many-decimals",
    ],
)
def test_a_bad_payload_is_422_with_a_swedish_message_and_nothing_changes(
    client, region, bearer, body, field, msgids, values
):
    message = sv(*msgids, n=values.get("limit_value", values.get("max", 1)), **values)
    version = stored().version

    response = put(client, url(), body, bearer("planner"))

    assert response.status_code == 422, response.content
    errors = response.json()["errors"]
    assert [(error["loc"][-1], error["msg"]) for error in errors] == [(field, message)]
    assert response.json()["detail"] == f"{field}: {message}"
    assert (stored().value, stored().version) == (60, version)


def test_an_indicator_measured_by_an_economy_figure_is_refused_as_on_the_report_page(
    client, region, bearer, person
):
    """Like the demo's economic result of RUF-2023: its values come from the economy import, so the
    API refuses them with the report page's message, through the same check_entered_by_hand."""
    Indicator.objects.filter(pk=indicator().pk).update(figure="economic_result")
    fed = indicator()
    message = sv(
        "%(code)s takes its measurements from the economy and staff import: %(figure)s. "
        "Import the figures there instead.",
        code=fed.code,
        figure=fed.get_figure_display(),
    )
    version = stored().version

    response = put(client, url(), VALUE | {"version": version}, bearer("administrator", "RF"))

    assert response.status_code == 422
    assert response.json()["errors"] == [{"loc": ["body", "value"], "msg": message, "type": "invalid"}]
    assert (stored().value, stored().version) == (60, version)
    page = Client()
    page.force_login(person("administrator", "RF", username="admin-on-the-page"))
    prefix = f"i{fed.pk}-"
    answer = page.post(
        reverse("followup:measurement", args=["R-2024", fed.pk]),
        {f"{prefix}period": 2024, f"{prefix}value_0": "72,5"},
    )
    assert answer.context["form"].non_field_errors() == [message]
    assert stored().value == 60
