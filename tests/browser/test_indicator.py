"""An indicator of the demo in a real browser: its chart with the target, and the table beside it."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from styrkort.plans.models import Indicator

from .test_economy import log_in_as_the_demo_reader

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_indicator_page_shows_its_chart_with_the_target_and_its_data_table(live_server, page, full_demo):
    indicator = Indicator.objects.get(code="RUF-I1.4")  # seed 002: > 41 %; 40 % (Pojkar 49, Flickor 31)
    log_in_as_the_demo_reader(page, live_server)
    page.goto(f"{live_server.url}/indikatorer/{indicator.pk}/")

    chart = page.get_by_role("group", name="Andel ungdomar med fullgod psykisk hälsa, per år")
    expect(chart).to_be_visible()
    expect(chart.get_by_role("img", name="Mål 2023: > 41\u00a0%")).to_have_count(1)
    first = chart.locator(".chart-point").first
    first.focus()
    expect(first).to_have_attribute("aria-label", "2023 Totalt: 40 %")
    page.keyboard.press("Tab")
    expect(chart.locator(".chart-point").nth(1)).to_be_focused()
    table = page.get_by_role("table", name="Mätvärden per år")
    expect(table.get_by_role("row", name="2023")).to_contain_text("49\u00a0%")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
