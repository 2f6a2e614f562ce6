"""A large region for benchmarks: at scale 1 about 500 units, 12,000 actions and 2,500 indicators.

Scale N multiplies the organisation (boards, administrations, departments and their plans), so each
plan keeps its size and the totals grow N times. Written with bulk_create for speed: benchmark data,
not user writes, so it leaves no history rows.

Follow-up: one open round per administration (32 at scale 1), covering its administration plan and
the operational plans below it, with a report for about half of the round's actions and measurements
for about half of its indicators. Two users for the page script: `bench` reports for the department
REPORTER_UNIT, `bench-planner` plans for the administration PLANNER_UNIT above it.

Economy (_economy): a chart of accounts of 14 income-statement lines, then, for the administration
PLANNER_UNIT (its round's economy page is benchmarked) and its 15 departments, a full ledger: 60
accounts × 12 months × outcome/budget/forecast for the round's year and the year before, with a
control total Resultat for each, and Resultat alone for the two years before those (the department
table shows four years); staff figures (sick leave Totalt and its 9 breakdowns, employees, FTE)
monthly; investments; savings measures. Every other administration with a round gets its Resultat
(four years) and its staff totals (two years), and each round its savings measures.

Scale N gives those units 2 × N years of history: at 10× the full ledger of 18 more years (2003–2020,
before the department table's four), and staff figures and investments for 20 years rather than 2.
So the ledger, staff and investment tables are about N times larger while the page shows as many
figures at every scale, as every plan keeps its size. (Not more accounts a unit: the page's time
grows with the square of a unit's accounts × months in a year, see README.md.)
"""

import datetime as dt
import random
from decimal import Decimal

from django.contrib.auth import get_user_model

from styrkort.economy.enums import STAFF_BREAKDOWNS, TOTAL_BREAKDOWN, LedgerKind, Section, StaffMeasure, Total
from styrkort.economy.models import (
    AccountMapping,
    Investment,
    LedgerEntry,
    SavingsMeasure,
    StaffFigure,
    StatementLine,
)
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
# The chart of accounts, as seed 002's (demo/data/economy-2023/kontoplan.csv): (line, section, order,
# account prefixes). The longest prefix wins: 50 is Personalkostnader, the rest of 5 is not.
CHART = (
    ("Försäljning av utbildning och kultur", Section.REVENUE, 1, ("30",)),
    ("Regionersättning", Section.REVENUE, 2, ("38",)),
    ("Specialdestinerat statsbidrag", Section.REVENUE, 3, ("35",)),
    ("Övriga intäkter", Section.REVENUE, 4, ("39",)),
    ("Personalkostnader", Section.COST, 5, ("50",)),
    ("Utbildning, kultur mm", Section.COST, 6, ("45",)),
    ("Lämnade bidrag", Section.COST, 7, ("46",)),
    ("Övriga kostnader i kkl 5", Section.COST, 8, ("5",)),
    ("Lokalkostnader", Section.COST, 9, ("61",)),
    ("IT-kostnader", Section.COST, 10, ("65",)),
    ("Konsultarvoden för speciella utredningar", Section.COST, 11, ("66",)),
    ("Avskrivningar", Section.COST, 12, ("78",)),
    ("Övriga kostnader i kkl 6+7", Section.COST, 13, ("6", "7")),
    ("Finansiella intäkter och kostnader", Section.COST, 14, ("8",)),
)
# The two-digit account groups the generated accounts are numbered in (every one matches a prefix);
# revenue groups first. Account n is group n % 21, followed by n // 21 as two digits.
REVENUE_GROUPS = ("30", "35", "38", "39")
COST_GROUPS = (
    "45",
    "46",
    "50",
    "51",
    "55",
    "58",
    "61",
    "62",
    "64",
    "65",
    "66",
    "69",
    "70",
    "73",
    "76",
    "78",
    "84",
)
ACCOUNTS_PER_UNIT = 60  # for the page's administration and its departments, at every scale
INVESTMENTS_PER_YEAR = 6
SAVINGS_PER_ROUND = 5


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
    _economy(random.Random(f"economy-{seed}"), scale, administrations)
    return {
        "units": Unit.objects.count(),
        "plans": Plan.objects.count(),
        "indicators": Indicator.objects.count(),
        "actions": Action.objects.count(),
        "rounds": FollowUpRound.objects.count(),
        "action_reports": ActionReport.objects.count(),
        "measurements": Measurement.objects.count(),
        "ledger_entries": LedgerEntry.objects.count(),
        "staff_figures": StaffFigure.objects.count(),
        "investments": Investment.objects.count(),
        "savings_measures": SavingsMeasure.objects.count(),
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


def _economy(rng, scale: int, administrations: list[Unit]) -> None:
    """The chart of accounts and the figures described in the module's docstring. Written with
    bulk_create: generated fixtures, not user writes, so no history rows and no import checks (the
    control totals are computed here and agree with the accounts)."""
    lines = StatementLine.objects.bulk_create(
        StatementLine(name=name, section=section, order=order) for name, section, order, _p in CHART
    )
    AccountMapping.objects.bulk_create(
        AccountMapping(prefix=prefix, line=line)
        for line, (_n, _s, _o, prefixes) in zip(lines, CHART, strict=True)
        for prefix in prefixes
    )
    year = ROUND_AS_OF.year
    rounds = {r.code: r for r in FollowUpRound.objects.all()}
    page_admin = next(a for a in administrations if a.code == PLANNER_UNIT)
    subtree = [page_admin, *Unit.objects.filter(parent=page_admin).order_by("code")]
    others = [a for a in administrations if a is not page_admin and f"B-DR2-{a.code}" in rounds]
    groups = REVENUE_GROUPS + COST_GROUPS
    accounts = [f"{groups[n % len(groups)]}{n // len(groups):02}" for n in range(ACCOUNTS_PER_UNIT)]
    kinds = (LedgerKind.OUTCOME, LedgerKind.BUDGET, LedgerKind.FORECAST)

    def result_entries(unit: Unit, years, kinds) -> list[LedgerEntry]:
        """Only the control total Resultat, accumulated month by month."""
        entries = []
        for entry_year in years:
            annual = rng.randint(-3_000_000, 3_000_000)
            entries += [
                LedgerEntry(
                    unit=unit,
                    year=entry_year,
                    month=month,
                    kind=kind,
                    total=Total.RESULT,
                    amount=Decimal(annual * month // 12),
                )
                for month in range(1, 13)
                for kind in kinds
            ]
        return entries

    # The round's year and the one before, then (at scale > 1) the history before the four years.
    ledger_years = [year - 1, year, *range(year - 3 - 2 * (scale - 1), year - 3)]
    for unit in subtree:  # one unit at a time: 43,000 rows a unit at 10×
        ledger: list[LedgerEntry] = []
        for account in accounts:
            # kronor a year; Regionersättning covers most of the costs, so results are near zero
            size = rng.uniform(45e6, 65e6) if account.startswith("38") else rng.uniform(0.2e6, 8e6)
            annual = size if account[:2] in REVENUE_GROUPS else -size
            for entry_year in ledger_years:
                budget = annual * rng.uniform(0.9, 1.1)
                outcome = budget * rng.uniform(0.9, 1.1)
                for month in range(1, 13):
                    amounts = (
                        outcome * month / 12 * rng.uniform(0.97, 1.03),
                        budget * month / 12,
                        outcome * rng.uniform(0.98, 1.02),
                    )
                    ledger += [
                        LedgerEntry(
                            unit=unit,
                            year=entry_year,
                            month=month,
                            kind=kind,
                            account=account,
                            amount=Decimal(round(amount)),
                        )
                        for kind, amount in zip(kinds, amounts, strict=True)
                    ]
        # The control total Resultat of each period and kind: the sum of the accounts.
        results: dict[tuple, Decimal] = {}
        for entry in ledger:
            key = (entry.year, entry.month, entry.kind)
            results[key] = results.get(key, 0) + entry.amount
        ledger += [
            LedgerEntry(unit=unit, year=y, month=m, kind=k, total=Total.RESULT, amount=amount)
            for (y, m, k), amount in results.items()
        ]
        # The two years before, for the department table's four years.
        ledger += result_entries(unit, range(year - 3, year - 1), (LedgerKind.OUTCOME,))
        LedgerEntry.objects.bulk_create(ledger, batch_size=5000)
    LedgerEntry.objects.bulk_create(
        (e for unit in others for e in result_entries(unit, range(year - 3, year + 1), kinds)),
        batch_size=5000,
    )

    staff_years = range(year - 2 * scale + 1, year + 1)  # 2023–2024 at scale 1
    staff = []
    for unit, years, breakdowns in (
        *((u, staff_years, STAFF_BREAKDOWNS) for u in subtree),
        *((u, (year - 1, year), (TOTAL_BREAKDOWN,)) for u in others),
    ):
        employees = rng.randint(20, 400)
        for entry_year in years:
            for month in range(1, 13):
                figures = [(StaffMeasure.SICK_LEAVE, b, rng.uniform(2, 12)) for b in breakdowns]
                figures += [
                    (StaffMeasure.EMPLOYEES, TOTAL_BREAKDOWN, employees + rng.randint(-5, 5)),
                    (StaffMeasure.FTE, TOTAL_BREAKDOWN, employees * rng.uniform(0.85, 0.95)),
                ]
                staff += [
                    StaffFigure(
                        unit=unit,
                        year=entry_year,
                        month=month,
                        measure=measure,
                        breakdown=breakdown,
                        value=Decimal(f"{value:.1f}"),
                    )
                    for measure, breakdown, value in figures
                ]
    StaffFigure.objects.bulk_create(staff, batch_size=5000)

    investments = []
    for unit in subtree:
        for entry_year in staff_years:
            for n in range(1, INVESTMENTS_PER_YEAR + 1):
                budget = rng.randrange(100_000, 20_000_000, 1000)
                investments.append(
                    Investment(
                        unit=unit,
                        year=entry_year,
                        project=f"Investering {n} {unit.code}",
                        budget=Decimal(budget),
                        outcome=Decimal(budget * 3 // 4),
                        remaining=Decimal(budget - budget * 3 // 4),
                    )
                )
    Investment.objects.bulk_create(investments, batch_size=5000)

    page_round = rounds[f"B-DR2-{PLANNER_UNIT}"]
    SavingsMeasure.objects.bulk_create(
        (
            SavingsMeasure(
                round=page_round if unit in subtree else rounds[f"B-DR2-{unit.code}"],
                unit=unit,
                measure=f"Åtgärd {n} för ekonomi i balans",
                timeline="2024–2025",
                owner="Förvaltningschef",
                estimated_effect=Decimal(rng.randint(1, 50) * 100_000),
                realised_effect=Decimal(rng.randint(0, 20) * 100_000) if n % 2 else None,
                comment="Genomförs stegvis.",
                order=n,
            )
            for unit in (*subtree, *others)
            for n in range(1, SAVINGS_PER_ROUND + 1)
        ),
        batch_size=5000,
    )


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
