"""Reading through the API: an anonymous caller sees what the open web shows (public plans; of
follow-up only published rounds, and measurements entered with the plan), a token's person what the
signed-in pages show (everything). Lists are paginated, filtered by code, and their query counts do
not grow with the data."""

import pytest

from styrkort.followup.models import ActionReport
from tests.api.conftest import INTERNAL, PUBLIC, add_plan_content, grow, sv

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("swedish")]


def items(response) -> list[dict]:
    assert response.status_code == 200, response.content
    return response.json()["items"]


def test_anonymous_sees_only_the_public_plan_and_its_goals_indicators_and_actions(client, region):
    plans = items(client.get("/api/v1/plans"))
    goals = items(client.get("/api/v1/goals"))
    indicators = items(client.get("/api/v1/indicators"))
    actions = items(client.get("/api/v1/actions"))

    assert [plan["code"] for plan in plans] == [PUBLIC]
    assert [goal["code"] for goal in goals] == [f"{PUBLIC}-M1"]
    assert [(i["code"], i["targets"][0]["year"], i["targets"][0]["value"]) for i in indicators] == [
        (f"{PUBLIC}-I1", 2024, "80.0000")
    ]
    assert [(action["plan"], action["code"], action["units"]) for action in actions] == [
        (PUBLIC, "A1", ["FH"])
    ]


def test_anonymous_gets_404_for_an_internal_plan_saying_nothing_of_it(client, region):
    response = client.get(f"/api/v1/plans/{INTERNAL}")

    assert response.status_code == 404
    assert response.json() == {"detail": sv("There is no plan with the code %(code)s.", code=INTERNAL)}


def test_anonymous_sees_only_published_rounds_and_their_reports(client, region):
    rounds = items(client.get("/api/v1/rounds"))
    reports = items(client.get("/api/v1/action-reports"))

    assert [(r["code"], r["plans"]) for r in rounds] == [("R-2022", [PUBLIC])]  # the internal plan unnamed
    assert [(r["round"], r["plan"], r["action"], r["comment"]) for r in reports] == [
        ("R-2022", PUBLIC, "A1", "2022")
    ]
    assert client.get("/api/v1/rounds/R-2024").status_code == 404  # open
    assert client.get("/api/v1/rounds/R-2023").status_code == 404  # closed, not published
    assert items(client.get("/api/v1/action-reports?round=R-2024")) == []


def test_anonymous_sees_measurements_entered_with_the_plan_or_of_a_published_round(client, region):
    measurements = items(client.get("/api/v1/measurements"))

    assert [(m["indicator"], m["period"], m["round"]) for m in measurements] == [
        (f"{PUBLIC}-I1", 2021, None),
        (f"{PUBLIC}-I1", 2022, "R-2022"),
    ]


def test_a_readers_token_sees_what_the_signed_in_pages_show(client, bearer):
    headers = bearer("reader")

    plans = items(client.get("/api/v1/plans", headers=headers))
    rounds = items(client.get("/api/v1/rounds", headers=headers))
    reports = items(client.get("/api/v1/action-reports", headers=headers))
    measurements = items(client.get("/api/v1/measurements", headers=headers))
    internal = client.get(f"/api/v1/plans/{INTERNAL}", headers=headers).json()

    assert [plan["code"] for plan in plans] == [INTERNAL, PUBLIC]
    assert [(r["code"], r["is_open"], sorted(r["plans"])) for r in rounds] == [
        ("R-2024", True, [INTERNAL, PUBLIC]),
        ("R-2023", False, [INTERNAL, PUBLIC]),
        ("R-2022", False, [INTERNAL, PUBLIC]),
    ]
    assert len(reports) == 6
    assert len(measurements) == 8
    assert (internal["name"], [area["code"] for area in internal["goal_areas"]]) == (
        "Den interna planen",
        [f"{INTERNAL}-MO"],
    )


def test_a_round_in_detail(client, bearer):
    response = client.get("/api/v1/rounds/R-2024", headers=bearer("reader"))

    assert response.json() | {"plans": None} == {
        "code": "R-2024",
        "name": "Uppföljning 2024",
        "kind": "annual",
        "as_of": "2024-12-31",
        "deadline": "2025-01-31",
        "is_open": True,
        "closed_at": None,
        "published_at": None,
        "asks_for": "status_and_assessment",
        "asks_deviation": True,
        "plans": None,
        "units": ["RUF"],
    }


def test_lists_are_paginated_with_a_count(client, region, bearer):
    for number in range(2, 6):
        add_plan_content(region.plans[PUBLIC], region.units["FH"], number)
    headers = bearer("reader")

    first = client.get("/api/v1/actions?plan=PUB-2023&limit=2", headers=headers).json()
    last = client.get("/api/v1/actions?plan=PUB-2023&limit=2&offset=4", headers=headers).json()
    too_many = client.get("/api/v1/actions?limit=501", headers=headers)

    assert (first["count"], [a["code"] for a in first["items"]]) == (5, ["A1", "A2"])
    assert (last["count"], [a["code"] for a in last["items"]]) == (5, ["A5"])
    assert too_many.status_code == 422
    assert too_many.json()["detail"] == "limit: " + sv(
        "Ensure this value is less than or equal to %(limit_value)s.", limit_value=500
    )


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/api/v1/plans?unit=RUF", [INTERNAL, PUBLIC]),
        ("/api/v1/plans?unit=FH", []),
        ("/api/v1/goals?plan=INT-2023", ["INT-2023-M1"]),
        ("/api/v1/goals?unit=RUF", ["INT-2023-M1", "PUB-2023-M1"]),  # no unit of their own: the owner's
        ("/api/v1/indicators?plan=PUB-2023", ["PUB-2023-I1"]),
        ("/api/v1/indicators?goal=INT-2023-M1", ["INT-2023-I1"]),
        ("/api/v1/actions?unit=FH&plan=INT-2023", ["INT-2023/A1"]),
        ("/api/v1/actions?unit=RUF", []),
        ("/api/v1/rounds?is_open=true", ["R-2024"]),
        ("/api/v1/rounds?plan=PUB-2023&unit=RUF", ["R-2024", "R-2023", "R-2022"]),
        ("/api/v1/rounds?unit=FH", []),  # a named unit only
        ("/api/v1/measurements?round=R-2023&plan=INT-2023", ["INT-2023-I1/2023"]),
        ("/api/v1/measurements?indicator=PUB-2023-I1&period=2021", ["PUB-2023-I1/2021"]),
        ("/api/v1/action-reports?round=R-2024&unit=FH", ["R-2024/INT-2023/A1", "R-2024/PUB-2023/A1"]),
        ("/api/v1/action-reports?plan=PUB-2023&round=R-2022", ["R-2022/PUB-2023/A1"]),
    ],
)
def test_lists_are_filtered_by_code(client, bearer, url, expected):
    found = items(client.get(url, headers=bearer("reader")))

    def key(item):
        if "action_id" in item:
            return f"{item['round']}/{item['plan']}/{item['action']}"
        if "period" in item:
            return f"{item['indicator']}/{item['period']}"
        if "text" in item:
            return f"{item['plan']}/{item['code']}"
        return item["code"]

    assert [key(item) for item in found] == expected


@pytest.mark.parametrize(
    "url", ["/api/v1/plans?unit=a/b", "/api/v1/goals?plan=" + "x" * 41, "/api/v1/rounds?is_open=kanske"]
)
def test_a_bad_filter_is_422_in_swedish(client, region, url):
    response = client.get(url)

    assert response.status_code == 422
    assert response.json()["detail"].split(": ", 1)[1] in {
        sv("Enter a valid value."),
        sv(
            "Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",
            "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
            n=40,
            limit_value=40,
            show_value=41,
        ),
    }


def test_an_unknown_address_is_json_404_and_a_wrong_method_json_405(client, region):
    missing = client.get("/api/v1/nothing-here")
    wrong_method = client.delete("/api/v1/plans")

    assert (missing.status_code, missing["Content-Type"]) == (404, "application/json")
    assert (wrong_method.status_code, wrong_method["Allow"]) == (405, "GET")
    assert wrong_method.json()["detail"]


# What each list costs, the anonymous caller's way (no token): the count and the page, then one query
# per prefetched relation. With a token, one more finds the token and its person.
QUERIES = {
    "/api/v1/plans": 2,  # count, plans with owner and parent
    "/api/v1/goals": 2,  # count, goals with plan, area, unit and parent
    "/api/v1/indicators": 4,  # count, indicators with goal and plan, breakdowns, targets with breakdown
    "/api/v1/measurements": 2,  # count, measurements with indicator, plan, breakdown and round
    "/api/v1/actions": 3,  # count, actions with plan, goal and area, units
    "/api/v1/rounds": 4,  # count, rounds, plans, units
    "/api/v1/action-reports": 2,  # count, reports with round, action and plan
}


@pytest.mark.parametrize("url", list(QUERIES))
@pytest.mark.parametrize("size", [1, 10])
def test_list_queries_are_pinned_and_do_not_grow(client, region, url, size, django_assert_num_queries):
    grow(region, size)

    with django_assert_num_queries(QUERIES[url]):
        response = client.get(url)

    assert response.status_code == 200
    assert len(response.json()["items"]) == response.json()["count"] >= size


@pytest.mark.parametrize("size", [1, 10])
def test_a_tokens_list_costs_one_query_more_once_stamped(
    client, region, bearer, size, django_assert_num_queries
):
    grow(region, size)
    headers = bearer("reader")
    client.get("/api/v1/plans", headers=headers)  # the first use stamps the token (an UPDATE)

    with django_assert_num_queries(3):  # the token with its person, count, reports
        response = client.get("/api/v1/action-reports", headers=headers)

    assert response.json()["count"] == ActionReport.objects.count() == 6 + 3 * (size - 1)
