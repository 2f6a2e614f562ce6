"""On a phone (390 px wide) no page is wider than the screen: wide tables scroll in their own box
(issue 14). Every kind of page of the demo, as the planner who sees the most of them."""

import pytest

from styrkort.plans.models import Action, Indicator

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def pages() -> list[str]:
    rf1 = Action.objects.get(plan__code="RUF-2023", code="RF1")
    indicator = Indicator.objects.get(code="RUF-I1.4")
    return [
        "/",
        "/planer/",
        "/planer/RUF-2023/",
        f"/malomraden/{rf1.area_id}/",
        f"/mal/{rf1.goal_id}/",
        f"/indikatorer/{indicator.pk}/",
        f"/indikatorer/{indicator.pk}/historik/",
        "/atgarder/",
        f"/atgarder/{rf1.pk}/",
        f"/atgarder/{rf1.pk}/historik/",
        "/enheter/",
        "/enheter/RUF/",
        "/uppfoljning/",
        "/uppfoljning/jamfor/",
        "/uppfoljning/ny/",
        "/uppfoljning/AR-2023-RUF/",
        "/uppfoljning/AR-2023-RUF/oversikt/",
        "/uppfoljning/DR1-2024-RUF/oversikt/",
        "/uppfoljning/DR1-2024-RUF/stang/",
        "/uppfoljning/DR1-2024-RUF/enheter/RUF/",
        "/uppfoljning/AR-2023-RUF/enheter/RUF/ekonomi/",
        "/uppfoljning/AR-2023-RUF/enheter/RUF/rapport/",
        "/uppfoljning/AR-2023-RUF/planer/RUF-2023/handlingsplan/",
        "/planer/RPB-2022/indikatoroversikt/",
        "/planer/VP-RU-2020/verksamhetsplan/",
        "/planarbetsbok/importera/",
    ]


@pytest.mark.slow(reason="26 pages in Chromium at phone width")
def test_no_page_is_wider_than_a_phone(live_server, browser, full_demo):
    page = browser.new_context(viewport={"width": 390, "height": 800}).new_page()
    wider = {}
    page.goto(f"{live_server.url}/konto/logga-in/")
    if page.evaluate("document.documentElement.scrollWidth") > 390:
        wider["/konto/logga-in/"] = page.evaluate("document.documentElement.scrollWidth")
    page.get_by_label("Användarnamn").fill("planerare")
    page.get_by_label("Lösenord").fill("styrkort-demo")
    page.locator("main button[type=submit]").click()
    for path in pages():
        page.goto(f"{live_server.url}{path}")
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 390:
            wider[path] = width
    assert wider == {}


@pytest.mark.slow(reason="axe on 27 pages in Chromium")
def test_every_page_passes_axe(live_server, page, full_demo):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    page.goto(f"{live_server.url}/konto/logga-in/")
    found = {"/konto/logga-in/": axe.run(page)}
    page.get_by_label("Användarnamn").fill("planerare")
    page.get_by_label("Lösenord").fill("styrkort-demo")
    page.locator("main button[type=submit]").click()
    for path in pages():
        page.goto(f"{live_server.url}{path}")
        found[path] = axe.run(page)

    failing = {path: result.generate_report() for path, result in found.items() if result.violations_count}
    assert failing == {}
