"""A small region built for the API's tests, without the demo: a public and an internal plan, each
with a goal, an indicator and an action, and three rounds (open, closed, published) with a report
and a measurement of each. Whatever the demo makes public or publishes, these tests decide it here."""

import datetime as dt
from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone, translation

from styrkort.api.services import api_token_create
from styrkort.followup.enums import RoundKind
from styrkort.followup.models import ActionReport, FollowUpRound, Measurement
from styrkort.followup.services import round_upsert
from styrkort.org.enums import Role, UnitKind
from styrkort.org.models import Membership, Unit
from styrkort.plans.models import Action, Goal, GoalArea, Indicator, Plan, Target

PUBLIC, INTERNAL = "PUB-2023", "INT-2023"


@dataclass
class Region:
    units: dict[str, Unit]
    plans: dict[str, Plan]
    open_round: FollowUpRound  # 2024, open: nothing of it is public
    closed_round: FollowUpRound  # 2023, closed but not published
    published_round: FollowUpRound  # 2022, closed and published

    def action(self, plan: str, code: str = "A1") -> Action:
        return Action.objects.get(plan__code=plan, code=code)


def add_plan_content(plan: Plan, unit: Unit, number: int) -> None:
    """Goal, indicator (with a target) and action number `number` of the plan."""
    area, _created = GoalArea.objects.get_or_create(
        code=f"{plan.code}-MO", defaults={"plan": plan, "name": "MO"}
    )
    goal = Goal.objects.create(plan=plan, code=f"{plan.code}-M{number}", name=f"Mål {number}", area=area)
    indicator = Indicator.objects.create(
        goal=goal,
        code=f"{plan.code}-I{number}",
        name=f"Indikator {number}",
        unit_of_measure="%",
        direction="higher",
        frequency="year",
    )
    Target.objects.create(indicator=indicator, year=2024, comparator="gte", value=80)
    action = Action.objects.create(
        plan=plan,
        code=f"A{number}",
        text=f"Åtgärd {number}",
        timeline_start_year=2022,
        timeline_end_year=2025,
    )
    action.units.set([unit])


def _round(code: str, year: int, plans: list[Plan], units: list[Unit]) -> FollowUpRound:
    created, _created = round_upsert(
        code=code,
        name=f"Uppföljning {year}",
        kind=RoundKind.ANNUAL,
        as_of=dt.date(year, 12, 31),
        deadline=dt.date(year + 1, 1, 31),
        plans=plans,
        units=units,
    )
    return created


def add_reports(region: "Region", number: int, plans: tuple[str, ...] = (PUBLIC, INTERNAL)) -> None:
    """For action and indicator `number` of each plan: a report and a measurement in each round, and
    a measurement entered with the plan (no round)."""
    rounds = {2022: region.published_round, 2023: region.closed_round, 2024: region.open_round}
    for plan in (region.plans[code] for code in plans):
        action = region.action(plan.code, f"A{number}")
        indicator = Indicator.objects.get(code=f"{plan.code}-I{number}")
        Measurement.objects.create(indicator=indicator, period=2021, value=50)
        for year, followup_round in rounds.items():
            ActionReport.objects.create(
                round=followup_round, action=action, status="in_progress", colour="green", comment=f"{year}"
            )
            Measurement.objects.create(indicator=indicator, period=year, value=60, round=followup_round)


@pytest.fixture
def region(db) -> Region:
    rf = Unit.objects.create(code="RF", name="Regionfullmäktige", kind=UnitKind.COUNCIL)
    ruf = Unit.objects.create(
        code="RUF", name="Utvecklingsförvaltningen", kind=UnitKind.ADMINISTRATION, parent=rf
    )
    fh = Unit.objects.create(code="FH", name="Folkhälsa", kind=UnitKind.DEPARTMENT, parent=ruf)
    plans = {
        code: Plan.objects.create(
            code=code,
            name=name,
            kind="administration_plan",
            owner=ruf,
            start_year=2022,
            end_year=2025,
            is_public=code == PUBLIC,
        )
        for code, name in ((PUBLIC, "Den öppna planen"), (INTERNAL, "Den interna planen"))
    }
    for plan in plans.values():
        add_plan_content(plan, fh, 1)
    both = list(plans.values())
    region = Region(
        units={"RF": rf, "RUF": ruf, "FH": fh},
        plans=plans,
        open_round=_round("R-2024", 2024, both, [ruf]),
        closed_round=_round("R-2023", 2023, both, [ruf]),
        published_round=_round("R-2022", 2022, both, [ruf]),
    )
    add_reports(region, 1)
    now = timezone.now()
    FollowUpRound.objects.filter(code__in=["R-2023", "R-2022"]).update(closed_at=now)
    FollowUpRound.objects.filter(code="R-2022").update(published_at=now)
    for followup_round in (region.closed_round, region.published_round):
        followup_round.refresh_from_db()
    return region


@pytest.fixture
def person(region):
    """A person with a role at a unit of the region: person("reporter", "FH")."""

    def make(role: str, unit: str = "RUF", username: str | None = None):
        user = get_user_model().objects.create_user(username=username or f"{role}-{unit}".lower())
        Membership.objects.create(user=user, unit=region.units[unit], role=Role(role))
        return user

    return make


@pytest.fixture
def bearer(person):
    """The Authorization header of a new token for a person with the role: bearer("reader")."""

    def make(role: str, unit: str = "RUF") -> dict[str, str]:
        _token, secret = api_token_create(user=person(role, unit), name="test")
        return {"Authorization": f"Bearer {secret}"}

    return make


def grow(region: Region, size: int) -> None:
    """`size` of everything an anonymous caller sees: actions, goals, indicators, reports and
    measurements of the public plan, and public plans, each with a published round of its own."""
    now = timezone.now()
    for number in range(2, size + 1):
        add_plan_content(region.plans[PUBLIC], region.units["FH"], number)
        add_reports(region, number, plans=(PUBLIC,))
        plan = Plan.objects.create(
            code=f"PUB-{number}",
            name=f"Öppen plan {number}",
            kind="administration_plan",
            owner=region.units["RUF"],
            start_year=2022,
            end_year=2025,
            is_public=True,
        )
        _round(f"R-2022-{number}", 2022, [plan], [region.units["RUF"]])
        FollowUpRound.objects.filter(code=f"R-2022-{number}").update(closed_at=now, published_at=now)


def sv(msgid: str, plural: str | None = None, n: int = 1, **values) -> str:
    """The Swedish catalogue's text of `msgid` (which must be translated), with its values: the
    catalogue's wording may change, what the API says is whatever it holds."""
    with translation.override("sv"):
        text = translation.ngettext(msgid, plural, n) if plural else translation.gettext(msgid)
    assert text not in (msgid, plural), f"not translated into Swedish: {msgid}"
    return text % values if values else text
