"""`styrkort create-round`: a round set up from the command line, by the page's rules (issue 12)."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from styrkort.followup.models import FollowUpRound

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("swedish")]

OPTIONS = ("--name", "Delårsrapport 1 2024", "--kind", "interim_1", "--as-of", "2024-04-30")


def test_a_planner_sets_up_a_round_from_the_command_line(planner):
    out = StringIO()

    call_command(
        "create-round",
        "DR1-2024-NY",
        *OPTIONS,
        "--deadline",
        "2024-05-15",
        "--plans",
        "RUF-2023",
        "--units",
        "RUF",
        "--user",
        planner.username,
        stdout=out,
    )

    created = FollowUpRound.objects.get(code="DR1-2024-NY")
    assert ([p.code for p in created.plans.all()], [u.code for u in created.units.all()]) == (
        ["RUF-2023"],
        ["RUF"],
    )
    assert out.getvalue().strip() == "Uppföljningen DR1-2024-NY är upplagd."


@pytest.mark.parametrize(
    ("deadline", "plans", "units", "problems"),
    [
        ("2024-05-15", "RUF-2023;NOPE", "RUF", ["--plans: Ingen plan har koden NOPE."]),
        (
            "30/5",
            "RUF-2023",
            "XYZ",
            ["--deadline: Fyll i ett giltigt datum.", "--units: Ingen enhet har koden XYZ."],
        ),
        (
            "2024-04-01",
            "RUF-2023",
            "RUF",
            ["--deadline: Sista dagen kan inte vara före uppföljningsdatumet."],
        ),
        (
            "2024-05-15",
            "RUF-2023",
            "RF",
            ["--units: Bara dina egna enheter och de under dem får redovisa i din uppföljning; inte RF."],
        ),
    ],
)
def test_bad_options_are_named_and_nothing_is_set_up(planner, deadline, plans, units, problems):
    options = ("--deadline", deadline, "--plans", plans, "--units", units, "--user", planner.username)

    with pytest.raises(CommandError) as refused:
        call_command("create-round", "DR1-2024-NY", *OPTIONS, *options)

    assert str(refused.value).splitlines() == problems
    assert not FollowUpRound.objects.filter(code="DR1-2024-NY").exists()


def test_the_reports_cover_is_set_up_with_the_round_and_a_wrong_body_is_refused(planner):
    common = (*OPTIONS, "--deadline", "2024-05-15", "--plans", "RUF-2023", "--units", "RUF")
    call_command(
        "create-round",
        "DR1-2024-NY",
        *common,
        "--treated-by",
        "RUN",
        "--treated-on",
        "2024-05-28",
        "--diary-number",
        "RUF240012",
        "--user",
        planner.username,
        stdout=StringIO(),
    )

    created = FollowUpRound.objects.get(code="DR1-2024-NY")
    assert (created.treated_by.code, str(created.treated_on), created.diary_number) == (
        "RUN",
        "2024-05-28",
        "RUF240012",
    )
    with pytest.raises(CommandError) as refused:
        call_command(
            "create-round", "DR2-2024-NY", *common, "--treated-by", "NOPE", "--user", planner.username
        )
    assert str(refused.value) == "--treated-by: Ingen enhet har koden NOPE."
