"""The demo's closed annual round shows what seed 002 (Årsredovisning 2023, RUF) prints."""

import html
import re

import pytest
from django.urls import reverse
from django.utils.html import strip_tags

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("swedish")]


def row_text(page: str, row_id: str) -> str:
    start = page.index(f'id="{row_id}"')
    return re.sub(r"\s+", " ", html.unescape(strip_tags(page[start : page.index("</tr>", start)]))).strip()


@pytest.fixture
def annual_page(client, reader, full_demo):
    client.force_login(reader)
    return client.get(reverse("followup:round", args=["AR-2023-RUF"])).content.decode()


def test_the_annual_round_is_closed_and_says_so(annual_page):
    assert "Stängd" in annual_page
    assert "Årsredovisning 2023" in annual_page


@pytest.mark.parametrize(
    ("code", "printed"),
    [
        # "Andel ungdomar med fullgod psykisk hälsa >41% 2023: Totalt 40% Pojkar 49 % Flickor 31% Negativ"
        (
            "RUF-I1.4",
            [
                "Andel ungdomar med fullgod psykisk hälsa",
                "> 41 %",
                "2023:",
                "Totalt 40 %",
                "Pojkar 49 %",
                "Flickor 31 %",
                "negativ",
            ],
        ),
        # "Andel vuxnas med självupplevd god hälsa > 69% 2022: Totalt 69% Män 71% Kvinnor 67% Positiv"
        ("RUF-I1.2", ["> 69 %", "2022:", "Totalt 69 %", "Män 71 %", "Kvinnor 67 %", "positiv"]),
        # "Andel barn och unga som nås av regionala kulturinstitutioner > 30% 2022: 37% Positiv"
        ("RUF-I1.1", ["> 30 %", "2022:", "37 %", "positiv", "målet nås"]),
        # "Antal kommuner som ingår i den lokala arbetsmarknaden > 10 st 2022: 10 st Oförändrat"
        ("RUF-I2.1", ["> 10 st", "2022:", "10 st", "oförändrad"]),
    ],
)
def test_indicator_rows_print_what_the_seed_prints(annual_page, code, printed):
    text = row_text(annual_page, f"indicator-{code}")
    for fragment in printed:
        assert fragment in text, (fragment, text)


def test_the_young_peoples_mental_health_is_red_against_its_target(annual_page):
    # 40 % against "> 41 %": not met, and the status says so in words, not colour only.
    assert "målet nås inte" in row_text(annual_page, "indicator-RUF-I1.4")


def test_a_result_above_a_bare_zero_target_is_met(annual_page):
    """Seed 002: "Ekonomiskt resultat 0 mnkr +1,0 mnkr Positiv". A target printed as a bare value is
    reached in the indicator's direction (higher is better: at least 0), so +1,0 meets it."""
    text = row_text(annual_page, "indicator-RUF-I6.1")

    assert "≥ 0 mnkr" in text
    assert "2023: +1,0 mnkr ✓ målet nås" in text
    assert "målet nås inte" not in text
    assert "Tryckt" not in annual_page  # no transcription note reaches a reader


def test_targets_per_breakdown_are_printed_with_their_values(annual_page):
    """Seed 002: "Tärna folkhögskola: andel ekologiska och kravmärkta livsmedel Ekologiskt: 30% Krav: 20%"."""
    assert "≥ 30 % Ekologiskt, ≥ 20 % Krav" in row_text(annual_page, "indicator-RUF-I4.1")


def test_a_reduction_target_reads_in_per_cent_whatever_the_indicator_is_measured_in(annual_page):
    """Seed 002: "Totalt utsläpp koldioxid Minska totalt 50%" (the indicator counts tonnes)."""
    assert "minska med 50 % till 2030" in row_text(annual_page, "indicator-RUF-I4.4")


def test_every_action_of_the_seed_has_its_appendix_comment(annual_page):
    text = row_text(annual_page, "action-RUF-2023-RF6")
    assert "Fyra av länets kommuner är nu involverade i det arbetet." in text
    assert "ej rapporterad" not in annual_page
