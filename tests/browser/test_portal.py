"""The open web in a real browser, without an account: accessible, as wide as a phone, and nothing
requested from another origin (issue 15, first step)."""

from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from styrkort.followup import services
from styrkort.followup.models import FollowUpRound
from styrkort.plans.models import Plan
from tests.people import superuser

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_public_pages_pass_axe_fit_a_phone_and_ask_nothing_of_another_origin(live_server, browser, full_demo):
    Plan.objects.filter(code="RUF-2023").update(is_public=True)
    services.round_publish(user=superuser(), round=FollowUpRound.objects.get(code="AR-2023-RUF"))
    page = browser.new_context(viewport={"width": 390, "height": 800}).new_page()
    origins = set()
    page.on("request", lambda request: origins.add(urlsplit(request.url).netloc))

    found = {}
    for path in ("/oppet/", "/oppet/RUF-2023/", "/oppet/RUF-2023/indikatorer/RUF-I1.4/"):
        page.goto(f"{live_server.url}{path}")
        found[path] = (page.evaluate("document.documentElement.scrollWidth"), Axe().run(page))

    assert origins == {urlsplit(live_server.url).netloc}
    assert {path: width for path, (width, _) in found.items() if width > 390} == {}
    assert {path: r.generate_report() for path, (_, r) in found.items() if r.violations_count} == {}
