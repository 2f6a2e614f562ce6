"""The API's documentation: the OpenAPI schema and a Swagger UI page served from ninja's own static
files, under the project's Content-Security-Policy, asking nothing of another origin."""

import re

import pytest
from django.contrib.staticfiles import finders

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("swedish")]


def test_the_openapi_schema_lists_every_operation(client, db):
    schema = client.get("/api/v1/openapi.json").json()

    assert schema["openapi"].startswith("3.")
    assert {(method, path) for path, ops in schema["paths"].items() for method in ops} == {
        ("get", "/api/v1/plans"),
        ("get", "/api/v1/plans/{code}"),
        ("get", "/api/v1/goals"),
        ("get", "/api/v1/indicators"),
        ("get", "/api/v1/actions"),
        ("get", "/api/v1/rounds"),
        ("get", "/api/v1/rounds/{code}"),
        ("get", "/api/v1/measurements"),
        ("get", "/api/v1/action-reports"),
        ("put", "/api/v1/rounds/{round_code}/action-reports/{action_id}"),
        ("put", "/api/v1/rounds/{round_code}/measurements/{indicator_id}"),
    }
    assert schema["components"]["securitySchemes"] == {"TokenAuth": {"type": "http", "scheme": "bearer"}}


def test_the_docs_page_loads_everything_from_this_site_under_the_usual_policy(client, db):
    response = client.get("/api/docs")
    html = response.content.decode()

    addresses = re.findall(r'(?:src|href)="([^"]*)"', html)
    assert response.status_code == 200
    assert sorted(addresses) == [
        "/static/ninja/favicon.png",
        "/static/ninja/favicon.svg",
        "/static/ninja/swagger-ui-bundle.js",
        "/static/ninja/swagger-ui-init.js",
        "/static/ninja/swagger-ui.css",
    ]
    assert "//" not in "".join(addresses)
    assert '"validatorUrl": null' in html  # Swagger UI's badge would ask validator.swagger.io
    # served by whitenoise from ninja's package (the browser test fetches them)
    assert [address for address in addresses if not finders.find(address.removeprefix("/static/"))] == []
    assert response["Content-Security-Policy"] == client.get("/api/v1/plans")["Content-Security-Policy"]
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_the_apis_root_says_where_the_schema_and_the_docs_are(client, db):
    response = client.get("/api/v1/")

    assert response.json() == {"openapi": "/api/v1/openapi.json", "docs": "/api/docs"}
