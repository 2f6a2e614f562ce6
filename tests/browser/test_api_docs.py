"""The API's docs page in a real browser: Swagger UI draws the operations under the project's
Content-Security-Policy, and nothing is requested from another origin (no CDN)."""

from urllib.parse import urlsplit

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_api_docs_work_under_the_policy_and_ask_nothing_of_another_origin(live_server, page):
    origins, refused = set(), []
    page.on("request", lambda request: origins.add(urlsplit(request.url).netloc))
    page.on(
        "console",
        lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None,
    )

    page.goto(f"{live_server.url}/api/docs")
    page.locator(".opblock-summary-path", has_text="/api/v1/action-reports").first.wait_for()

    assert origins == {urlsplit(live_server.url).netloc}
    assert refused == []
    schema = page.request.get(f"{live_server.url}/api/v1/openapi.json").json()
    operations = sum(len(methods) for methods in schema["paths"].values())
    assert operations >= 11  # every read, and the two writes
    assert page.locator(".opblock").count() == operations
