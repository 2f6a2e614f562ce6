"""The follow-up in a real browser: report, see, close, and the closed round stays as it was."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from styrkort.plans.models import Action
from styrkort.plans.services import action_upsert
from styrkort.plans.timeline import parse_timeline
from tests.people import superuser

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, live_server, username: str) -> None:
    page.goto(f"{live_server.url}/konto/logga-in/")
    page.get_by_label("Användarnamn").fill(username)
    page.get_by_label("Lösenord").fill("pw-for-tests-only")
    page.locator("main button[type=submit]").click()


def report(page, code: str, *, status: str, colour: str, comment: str) -> None:
    row = page.locator(".report-row", has=page.locator(".code", has_text=code)).first
    row.get_by_label(f"Status {code}").select_option(label=status)
    row.get_by_label(f"Bedömning {code}").select_option(label=colour)
    row.get_by_label(f"Kommentar {code}").fill(comment)
    row.get_by_role("button", name=f"Spara {code}").click()
    # htmx swaps the row for the saved one; the page's live region says so.
    expect(page.locator("#announcer")).to_contain_text(f"{code} sparad")


@pytest.mark.slow(reason="the whole round in Chromium: two people log in, one reports, one closes it")
def test_reporter_reports_planner_closes_and_the_closed_round_does_not_change(
    live_server, page, reporter, planner, interim_round
):
    log_in(page, live_server, reporter.username)
    page.get_by_role("link", name="Uppföljning", exact=True).click()
    expect(page.get_by_role("row", name="Delårsrapport 2 2023")).to_contain_text("0 / 6")
    page.get_by_role("link", name="Rapportera för Folkhälsa").click()
    report(page, "RF1", status="pågår", colour="✓ grön – enligt plan", comment="Statistikverktyget lanseras.")
    report(
        page, "RF3", status="klart", colour="✓ grön – enligt plan", comment="Flödesschemat är distribuerat."
    )
    page.reload()
    expect(page.get_by_text("2 av 6 åtgärder rapporterade")).to_be_visible()
    page.get_by_role("button", name="Logga ut").click()

    log_in(page, live_server, planner.username)
    page.goto(f"{live_server.url}/uppfoljning/{interim_round.code}/oversikt/")
    folkhalsa = page.get_by_role("row", name="Folkhälsa")
    expect(folkhalsa).to_contain_text("6")
    expect(page.locator("#not-reported ~ ul")).not_to_contain_text(re.compile(r"\bRF1\b"))
    expect(page.locator("#not-reported ~ ul")).to_contain_text("RUN 2")
    page.get_by_role("link", name="Stäng uppföljningen…").click()
    expect(page.get_by_role("status")).to_contain_text("åtgärder är ännu inte rapporterade")  # asked first
    page.get_by_role("button", name="Stäng uppföljningen").click()
    expect(page.get_by_text("Uppföljningen är stängd.")).to_be_visible()

    page.get_by_role("link", name="Som den rapporterats").click()
    expect(page.get_by_role("link", name="Som den rapporterats")).to_have_attribute("aria-current", "page")
    rf1_row = page.locator("#action-RUF-2023-RF1")
    expect(rf1_row).to_contain_text("Statistikverktyget lanseras.")
    expect(rf1_row).to_contain_text("pågår")
    shown_before = page.locator("main").inner_text()

    # An edit afterwards: the plan's text of RF1 changes.
    rf1 = Action.objects.get(plan__code="RUF-2023", code="RF1")
    action_upsert(
        user=superuser(),
        plan=rf1.plan,
        code="RF1",
        text="En helt ny formulering",
        timeline=parse_timeline("2023"),
        units=list(rf1.units.all()),
    )
    page.reload()
    assert page.locator("main").inner_text() == shown_before
    expect(page.locator("main")).not_to_contain_text("En helt ny formulering")


@pytest.mark.parametrize(
    "path",
    [
        "/uppfoljning/",
        "/uppfoljning/DR2-2023-TEST/enheter/FH/",
        "/uppfoljning/DR2-2023-TEST/oversikt/",
        "/uppfoljning/DR2-2023-TEST/stang/",
        "/uppfoljning/DR2-2023-TEST/",
        "/uppfoljning/DR2-2023-TEST/enheter/RUF/importera/",
        "/uppfoljning/jamfor/",
        "/uppfoljning/ny/",
    ],
)
def test_follow_up_pages_pass_axe(live_server, logged_in_page, planner, interim_round, path):
    page = logged_in_page(planner)
    page.goto(f"{live_server.url}{path}")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
