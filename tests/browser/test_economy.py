"""The economy page of the demo in a real browser: accessible, and the charts usable by keyboard."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in_as_the_demo_reader(page, live_server) -> None:
    """Through the login page, with the demo's published password."""
    page.goto(f"{live_server.url}/konto/logga-in/")
    page.get_by_label("Användarnamn").fill("lasare")
    page.get_by_label("Lösenord").fill("styrkort-demo")
    page.locator("main button[type=submit]").click()


def test_economy_page_is_accessible_and_its_bars_take_focus(live_server, page, full_demo):
    log_in_as_the_demo_reader(page, live_server)
    page.goto(f"{live_server.url}/uppfoljning/AR-2023-RUF/enheter/RUF/ekonomi/")

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Ekonomi och personal – Regionala utvecklingsförvaltningen"
    )
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()

    # Tab from the chart's first bar to the next: each says department, year and result.
    first = page.locator("#result-chart .chart-bar").first
    first.focus()
    expect(first).to_be_focused()
    expect(first).to_have_attribute("aria-label", "Folkhälsa 2020: 4,8 mnkr")
    page.keyboard.press("Tab")
    expect(page.locator("#result-chart .chart-bar").nth(1)).to_be_focused()
    expect(page.locator("#result-chart .chart-bar").nth(1)).to_have_attribute(
        "aria-label", "Folkhälsa 2021: 2,0 mnkr"
    )
    # The sick-leave chart compares the years band by band, with its table beside it.
    bar = page.locator("#sick-leave-chart .chart-bar[aria-label='Sjukdag 1-14 2023: 1,9 %']")
    expect(bar).to_have_count(1)
    expect(page.get_by_role("table", name="Sjukfrånvaro efter frånvarons längd, procent")).to_be_visible()


def test_the_annual_report_page_is_accessible(live_server, page, full_demo):
    log_in_as_the_demo_reader(page, live_server)
    page.goto(f"{live_server.url}/uppfoljning/AR-2023-RUF/enheter/RUF/rapport/")

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Årsredovisning 2023 – Regionala utvecklingsförvaltningen"
    )
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    expect(page.get_by_role("link", name="PDF")).to_have_attribute(
        "href", "/uppfoljning/AR-2023-RUF/enheter/RUF/rapport.pdf?version=final"
    )
