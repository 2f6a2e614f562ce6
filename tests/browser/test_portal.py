"""The open web in a real browser, without an account: accessible, as wide as a phone, usable with
the keyboard alone, and nothing requested from another origin (issue 15)."""

from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from styrkort.portal.models import Story

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def public_paths() -> list[str]:
    stories = [f"/oppet/PRG-RUS/berattelser/{slug}/" for slug in Story.objects.values_list("slug", flat=True)]
    return [
        "/oppet/",
        "/oppet/PRG-RUS/",
        *(f"/oppet/PRG-RUS/malomraden/RUS-MO{n}/" for n in (1, 2, 3)),
        "/oppet/RUF-2023/",
        "/oppet/RUF-2023/indikatorer/RUF-I1.4/",
        "/oppet/RPB-2022/indikatorer/RP-I1.1.1/",
        *stories,
        "/oppet/tillganglighet/",
        "/oppet/personuppgifter/",
    ]


@pytest.mark.slow(reason="axe over every public page of the demo, some 16 pages")
def test_every_public_page_passes_axe_fits_a_phone_and_asks_nothing_of_another_origin(
    live_server, browser, full_demo
):
    page = browser.new_context(viewport={"width": 390, "height": 800}).new_page()
    origins = set()
    page.on("request", lambda request: origins.add(urlsplit(request.url).netloc))
    paths = public_paths()

    found = {}
    for path in paths:
        response = page.goto(f"{live_server.url}{path}")
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")  # lazy images load too
        page.wait_for_load_state("networkidle")
        found[path] = (
            response.status,
            page.evaluate("document.documentElement.scrollWidth"),
            Axe().run(page),
        )

    assert len(paths) >= 14
    assert {path: status for path, (status, _, _) in found.items() if status != 200} == {}
    assert origins == {urlsplit(live_server.url).netloc}
    assert {path: width for path, (_, width, _) in found.items() if width > 390} == {}
    assert {path: r.generate_report() for path, (_, _, r) in found.items() if r.violations_count} == {}
    assert page.context.cookies() == []  # the open web sets none


def tab_to(page, text: str, *, limit: int = 200) -> None:
    """Press Tab until the focused element's text starts with `text`; its focus must be visible."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "(() => { const e = document.activeElement; const s = getComputedStyle(e);"
            " return [e.innerText || '', s.outlineStyle, s.outlineWidth, s.boxShadow]; })()"
        )
        if focused[0].strip().startswith(text):
            outline_style, outline_width, shadow = focused[1:]
            assert (outline_style != "none" and outline_width != "0px") or shadow != "none", focused
            return
    raise AssertionError(f"{text!r} is not reached with Tab")


def test_a_visitor_with_the_keyboard_alone_reaches_a_goal_area_a_comment_an_indicator_and_a_story(
    live_server, browser, full_demo
):
    page = browser.new_page()
    page.goto(f"{live_server.url}/oppet/PRG-RUS/")

    tab_to(page, "Ett välmående Västmanland")
    page.keyboard.press("Enter")
    page.wait_for_url("**/malomraden/RUS-MO1/")
    tab_to(page, "Kommentar")
    page.keyboard.press("Enter")  # opens the first activity's comment
    opened = page.locator("details[open]").count()
    tab_to(page, "Andel ungdomar med fullgod psykisk hälsa")
    page.keyboard.press("Enter")
    page.wait_for_url("**/indikatorer/**")
    heading = page.locator("h1").inner_text()
    page.go_back()
    tab_to(page, Story.objects.filter(areas__code="RUS-MO1").order_by("-published_on").first().title)
    page.keyboard.press("Enter")
    page.wait_for_url("**/berattelser/**")

    assert opened == 1
    assert heading.startswith("Andel ungdomar med fullgod psykisk hälsa")
    assert page.locator("article.story img").first.get_attribute("alt")
