import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_reader_opens_the_plan_tree_and_finds_run_6(live_server, logged_in_page, reader):
    page = logged_in_page(reader)

    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="Planer", exact=True).click()
    page.get_by_role("link", name="Förvaltningsplan 2023–2025, Regionala utvecklingsförvaltningen").click()
    area = page.locator("details.tree-area", has_text="En effektiv verksamhet av god kvalitet")
    run_6 = area.get_by_role("link", name="RUN 6 RUF kommer genomföra uppdateringen av RUS i bred samverkan.")

    # Playwright's expect waits for the page to arrive; a bare is_visible() does not (it failed in CI).
    expect(run_6).to_be_visible()
    run_6.click()
    expect(page.locator("h1")).to_have_text("RUN 6")
    expect(page.locator(".facts")).to_contain_text("2023-2024")
    expect(page.locator(".facts")).to_contain_text("Ledningsstaben")


def test_goal_details_open_with_the_keyboard(live_server, logged_in_page, reader):
    page = logged_in_page(reader)
    page.goto(f"{live_server.url}/planer/RUF-2023/")
    goal = page.locator("details.tree-goal", has_text="Invånarnas hälsoläge ska vara gott och jämlikt")

    goal.locator("summary").focus()
    page.keyboard.press("Enter")

    expect(goal).to_have_attribute("open", "")
    expect(goal.get_by_role("link", name="RF1 Tillämpning av hälsoekonomiska beräkningar")).to_be_visible()


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/planer/RUF-2023/",
        "/atgarder/?q=RUS",
        "/planarbetsbok/importera/",
        "/planer/RPB-2022/indikatoroversikt/",
        "/planer/VP-RU-2020/verksamhetsplan/",
    ],
)
def test_pages_pass_axe(live_server, logged_in_page, planner, path):
    page = logged_in_page(planner)
    page.goto(f"{live_server.url}{path}")

    results = Axe().run(page)

    assert results.violations_count == 0, results.generate_report()
