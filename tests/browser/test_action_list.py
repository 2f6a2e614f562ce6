"""The action list in a real browser: filtered on yellow in the demo's closed round, then downloaded."""

import io

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from .test_economy import log_in_as_the_demo_reader

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_yellow_actions_of_the_closed_round_are_listed_and_downloaded(live_server, page, full_demo):
    from openpyxl import load_workbook

    log_in_as_the_demo_reader(page, live_server)
    page.get_by_role("link", name="Åtgärder", exact=True).click()
    page.get_by_label("Uppföljning", exact=True).select_option(
        label="Årsredovisning 2023 – Regionala utvecklingsförvaltningen"
    )
    page.get_by_label("Bedömning").select_option(label="! gul – risk eller avvikelse")
    page.get_by_role("button", name="Filtrera").click()

    expect(page.get_by_role("status").filter(has_text="hittades")).to_have_text("2 åtgärder hittades.")
    rows = page.get_by_role("table", name="Åtgärder").locator("tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_contain_text("RUN 1")
    expect(rows.nth(1)).to_contain_text("RUN 2")
    expect(rows.nth(0)).to_contain_text("gul – risk eller avvikelse")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()

    with page.expect_download() as downloaded:
        page.get_by_role("link", name="Ladda ner dessa som Excel").click()
    sheet = load_workbook(io.BytesIO(downloaded.value.path().read_bytes()))["Åtgärder"]
    assert [row[0].value for row in sheet.iter_rows(min_row=2)] == ["RUN 1", "RUN 2"]
