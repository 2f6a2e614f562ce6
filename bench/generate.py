"""A large region for benchmarks: at scale 1 about 500 units, 12,000 actions and 2,500 indicators.

Scale N multiplies the organisation (boards, administrations, departments and their plans), so each
plan keeps its size and the totals grow N times. Written with bulk_create for speed: benchmark data,
not user writes, so it leaves no history rows.

Follow-up: one open round per administration (32 at scale 1), covering its administration plan and
the operational plans below it, with a report for about half of the round's actions and measurements
for about half of its indicators. Two users for the page script: `bench` reports for the department
REPORTER_UNIT, `bench-planner` plans for the administration PLANNER_UNIT above it.
"""

import datetime as dt
import random
from decimal import Decimal

from django.contrib.auth import get_user_model

from styrkort.followup.enums import ActionStatus, Colour, RoundKind
from styrkort.followup.models import ActionReport, FollowUpRound, Measurement
from styrkort.org.enums import Role, UnitKind
from styrkort.org.models import Membership, Unit
from styrkort.plans.enums import Direction, Frequency, GoalKind, PlanKind, PlanState, TimelineKind
from styrkort.plans.models import Action, Goal, GoalArea, Indicator, Perspective, Plan, Target

BOARDS_PER_SCALE = 8
ADMINISTRATIONS_PER_BOARD = 4
DEPARTMENTS_PER_ADMINISTRATION = 15  # 1 + 8 + 32 + 480 = 521 units at scale 1
GOALS_PER_DEPARTMENT_PLAN = 5
INDICATORS_PER_GOAL = 1  # 480 plans × 5 goals = 2,400 indicators, plus the region plan's
ACTIONS_PER_DEPARTMENT_PLAN = 25  # 480 × 25 = 12,000 actions
ROUND_AS_OF = dt.date(2024, 8, 31)  # every generated action (2024–2026) is in a 2024 round
REPORTER_UNIT = "B-RF-N1-F1-V1"
PLANNER_UNIT = "B-RF-N1-F1"


def generate(scale: int = 1, seed: int = 1) -> dict[str, int]:
    rng = random.Random(seed)
    council = Unit.objects.create(code="B-RF", name="Regionfullmäktige", kind=UnitKind.COUNCIL)
    region_plan = Plan.objects.create(
        code="B-RP",
        name="Regionplan",
        kind=PlanKind.REGION_PLAN,
        owner=council,
        start_year=2024,
        end_year=2026,
        state=PlanState.ADOPTED,
        decided_by=council,
        decided_on="2023-06-15",
    )
    perspective = Perspective.objects.create(plan=region_plan, code="B-P1", name="Invånare/kund")
    areas = GoalArea.objects.bulk_create(
        GoalArea(plan=region_plan, code=f"B-MO{n}", name=f"Målområde {n}", perspective=perspective, order=n)
        for n in range(1, 7)
    )
    region_goals = Goal.objects.bulk_create(
        Goal(plan=region_plan, code=f"B-RP-{a.order}.{n}", name=f"Resultatmål {a.order}.{n}", area=a, order=n)
        for a in areas
        for n in range(1, 4)
    )
    Indicator.objects.bulk_create(
        Indicator(
            goal=g,
            code=f"B-RI-{g.code}",
            name=f"Indikator för {g.name}",
            unit_of_measure="%",
            direction=Direction.HIGHER,
            frequency=Frequency.YEAR,
        )
        for g in region_goals
    )

    boards = _units(council, UnitKind.BOARD, "N", BOARDS_PER_SCALE * scale)
    administrations = [
        a for b in boards for a in _units(b, UnitKind.ADMINISTRATION, "F", ADMINISTRATIONS_PER_BOARD)
    ]
    departments = [
        d
        for a in administrations
        for d in _units(a, UnitKind.DEPARTMENT, "V", DEPARTMENTS_PER_ADMINISTRATION)
    ]
    admin_plans = Plan.objects.bulk_create(
        Plan(
            code=f"P-{a.code}",
            name=f"Förvaltningsplan {a.name}",
            kind=PlanKind.ADMINISTRATION_PLAN,
            owner=a,
            parent=region_plan,
            start_year=2024,
            end_year=2026,
        )
        for a in administrations
    )
    admin_plan_of = {p.owner_id: p for p in admin_plans}
    dept_plans = Plan.objects.bulk_create(
        Plan(
            code=f"P-{d.code}",
            name=f"Verksamhetsplan {d.name}",
            kind=PlanKind.OPERATIONAL_PLAN,
            owner=d,
            parent=admin_plan_of[d.parent_id],
            start_year=2024,
            end_year=2026,
        )
        for d in departments
    )
    goals = Goal.objects.bulk_create(
        Goal(
            plan=p,
            code=f"G-{p.code}-{n}",
            name=f"Mål {n} för {p.owner.name}",
            kind=GoalKind.SUB,
            area=areas[n % 6],
            parent=rng.choice(region_goals),
            unit=p.owner,
            order=n,
        )
        for p in dept_plans
        for n in range(GOALS_PER_DEPARTMENT_PLAN)
    )
    indicators = Indicator.objects.bulk_create(
        Indicator(
            goal=g,
            code=f"I-{g.code}-{n}",
            name=f"Andel nöjda ({g.code}, {n})",
            unit_of_measure="%",
            direction=Direction.HIGHER,
            frequency=Frequency.YEAR,
            baseline_value=rng.randint(40, 90),
            baseline_year=2023,
        )
        for g in goals
        for n in range(INDICATORS_PER_GOAL)
    )
    Target.objects.bulk_create(
        Target(indicator=i, year=year, comparator="gt", value=80) for i in indicators for year in (2024, 2025)
    )
    goals_of_plan: dict[int, list[Goal]] = {}
    for goal in goals:
        goals_of_plan.setdefault(goal.plan_id, []).append(goal)
    actions = Action.objects.bulk_create(
        Action(
            plan=p,
            code=f"A{n}",
            text=f"Åtgärd {n} för {p.owner.name}: utveckla arbetssätt och samverkan",
            goal=rng.choice(goals_of_plan[p.pk]),
            timeline_kind=TimelineKind.YEAR,
            timeline_start_year=2024 + n % 3,
            timeline_end_year=2024 + n % 3,
            order=n,
        )
        for p in dept_plans
        for n in range(ACTIONS_PER_DEPARTMENT_PLAN)
    )
    plan_owner = {p.pk: p.owner_id for p in dept_plans}
    Action.units.through.objects.bulk_create(
        Action.units.through(action_id=a.pk, unit_id=plan_owner[a.plan_id]) for a in actions
    )
    reporter = _users()
    _rounds(rng, admin_plans, dept_plans, actions, indicators, reporter)
    return {
        "units": Unit.objects.count(),
        "plans": Plan.objects.count(),
        "indicators": Indicator.objects.count(),
        "actions": Action.objects.count(),
        "rounds": FollowUpRound.objects.count(),
        "action_reports": ActionReport.objects.count(),
        "measurements": Measurement.objects.count(),
    }


def _users():
    """The page script's reporter and planner; returns the reporter, who is named on the generated reports."""
    User = get_user_model()
    reporter = User.objects.create_user("bench", password="bench-password-1", first_name="Bench")
    planner = User.objects.create_user("bench-planner", password="bench-password-1", first_name="Planner")
    Membership.objects.create(user=reporter, unit=Unit.objects.get(code=REPORTER_UNIT), role=Role.REPORTER)
    Membership.objects.create(user=planner, unit=Unit.objects.get(code=PLANNER_UNIT), role=Role.PLANNER)
    return reporter


def _rounds(rng, admin_plans, dept_plans, actions, indicators, reporter) -> None:
    """One open round per administration plan, for the administration and the units below it."""
    rounds = FollowUpRound.objects.bulk_create(
        FollowUpRound(
            code=f"B-DR2-{p.owner.code}",
            name=f"Delårsrapport 2 2024 {p.owner.name}",
            kind=RoundKind.INTERIM_2,
            as_of=ROUND_AS_OF,
            deadline=ROUND_AS_OF + dt.timedelta(days=15),
        )
        for p in admin_plans
    )
    round_of_admin_plan = {p.pk: r for p, r in zip(admin_plans, rounds, strict=True)}
    round_of_plan = {p.pk: round_of_admin_plan[p.pk] for p in admin_plans} | {
        p.pk: round_of_admin_plan[p.parent_id] for p in dept_plans
    }
    FollowUpRound.plans.through.objects.bulk_create(
        FollowUpRound.plans.through(followupround_id=r.pk, plan_id=plan_pk)
        for plan_pk, r in round_of_plan.items()
    )
    FollowUpRound.units.through.objects.bulk_create(
        FollowUpRound.units.through(followupround_id=round_of_admin_plan[p.pk].pk, unit_id=p.owner_id)
        for p in admin_plans
    )
    statuses = [ActionStatus.IN_PROGRESS] * 6 + [ActionStatus.DONE] * 2 + [ActionStatus.NOT_STARTED]
    colours = [Colour.GREEN] * 6 + [Colour.YELLOW] * 2 + [Colour.RED]
    reports = []
    for action in actions:
        if rng.random() >= 0.5:
            continue
        colour = rng.choice(colours)
        reports.append(
            ActionReport(
                round=round_of_plan[action.plan_id],
                action=action,
                status=rng.choice(statuses),
                colour=colour,
                comment="Arbetet fortsätter enligt plan.",
                deviation="" if colour == Colour.GREEN else "Försenat; ny tidplan tas fram under hösten.",
                reported_by=reporter,
                version=1,
            )
        )
    ActionReport.objects.bulk_create(reports, batch_size=5000)
    plan_of_goal = dict(Goal.objects.filter(plan__in=dept_plans).values_list("pk", "plan_id"))
    measurements = []
    for indicator in indicators:
        if rng.random() >= 0.5:
            continue
        round = round_of_plan[plan_of_goal[indicator.goal_id]]
        for period in (ROUND_AS_OF.year - 1, ROUND_AS_OF.year):
            missing = rng.random() < 0.05
            measurements.append(
                Measurement(
                    indicator=indicator,
                    period=period,
                    value=None if missing else Decimal(rng.randint(40, 99)),
                    missing=missing,
                    source="Bench",
                    round=round if period == ROUND_AS_OF.year else None,
                    reported_by=reporter,
                    version=1,
                )
            )
    Measurement.objects.bulk_create(measurements, batch_size=5000)


def _units(parent: Unit, kind: str, letter: str, count: int) -> list[Unit]:
    return Unit.objects.bulk_create(
        Unit(
            code=f"{parent.code}-{letter}{n}",
            name=f"{parent.name[:40]} {letter}{n}",
            kind=kind,
            parent=parent,
        )
        for n in range(1, count + 1)
    )
