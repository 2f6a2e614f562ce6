"""A large region for benchmarks: at scale 1 about 500 units, 12,000 actions and 2,500 indicators.

Scale N multiplies the organisation (boards, administrations, departments and their plans), so each
plan keeps its size and the totals grow N times. Written with bulk_create for speed: benchmark data,
not user writes, so it leaves no history rows.
"""

import random

from styrkort.org.enums import UnitKind
from styrkort.org.models import Unit
from styrkort.plans.enums import Direction, Frequency, GoalKind, PlanKind, PlanState, TimelineKind
from styrkort.plans.models import Action, Goal, GoalArea, Indicator, Perspective, Plan, Target

BOARDS_PER_SCALE = 8
ADMINISTRATIONS_PER_BOARD = 4
DEPARTMENTS_PER_ADMINISTRATION = 15  # 1 + 8 + 32 + 480 = 521 units at scale 1
GOALS_PER_DEPARTMENT_PLAN = 5
INDICATORS_PER_GOAL = 1  # 480 plans × 5 goals = 2,400 indicators, plus the region plan's
ACTIONS_PER_DEPARTMENT_PLAN = 25  # 480 × 25 = 12,000 actions


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
    return {
        "units": Unit.objects.count(),
        "plans": Plan.objects.count(),
        "indicators": Indicator.objects.count(),
        "actions": Action.objects.count(),
    }


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
