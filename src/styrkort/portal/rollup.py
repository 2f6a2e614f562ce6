"""A public plan's goal areas with the work that serves them, rolled up from the plans below.

A strategy such as the RUS sets goals that other plans serve: the regional plan's goals name a RUS
goal as their parent, an administration's goals name the regional plan's, and actions hang under
those. A goal area's page shows its own goals, every goal of a public plan that serves one of them
(at any depth), the indicators of all these goals and the actions under them, each with its status
in the latest published round of its plan. Only public plans are walked: a plan that is not public
contributes nothing, not even a count.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext as _

from styrkort.followup.models import FollowUpRound
from styrkort.followup.report import TOTAL, ActionLine, IndicatorLine, RoundReport, round_report
from styrkort.followup.status import GreenShare, green_share
from styrkort.plans.formatting import measurement_text
from styrkort.plans.models import Action, Goal, GoalArea, Indicator, Plan

from .queries import latest_published_rounds

# Plans rarely nest more than four deep (RUS → regional plan → administration → department); the
# walk stops here so that a cycle in bad data cannot loop.
MAX_DEPTH = 8


@dataclass
class PublicAction:
    action: Action
    line: ActionLine | None  # None: no published round of its plan reports it

    @property
    def colour(self) -> str:
        """The assessment as published; "" when no published round reports it (not green)."""
        return self.line.colour if self.line else ""

    @property
    def responsible(self) -> str:
        """The responsible units; none named, the plan's owner, who then reports it."""
        return ", ".join(str(unit) for unit in self.action.units.all()) or str(self.action.plan.owner)


@dataclass
class PublicIndicator:
    indicator: Indicator
    line: IndicatorLine | None

    @property
    def latest(self) -> tuple[str, int | None]:
        """The latest value a visitor may see, with its year: the published round's outcome for the
        whole (or its first breakdown), else the baseline the plan was adopted with."""
        outcomes = self.line.outcomes if self.line else []
        outcome = next((o for o in outcomes if o.breakdown == TOTAL), outcomes[0] if outcomes else None)
        indicator = self.indicator
        if outcome is not None:
            if outcome.missing or outcome.value is None:
                return _("data missing"), outcome.period
            name = "" if outcome.breakdown == TOTAL else f"{outcome.breakdown}: "
            return name + measurement_text(
                outcome.value, indicator.unit_of_measure, indicator.figure
            ), outcome.period
        if indicator.baseline_value is not None:
            return measurement_text(indicator.baseline_value, indicator.unit_of_measure, indicator.figure), (
                indicator.baseline_year
            )
        return "", None


@dataclass
class PublicGoal:
    goal: Goal
    serving: list[Goal] = field(default_factory=list)  # of public plans below, nearest first


@dataclass
class PublicArea:
    area: GoalArea
    goals: list[PublicGoal] = field(default_factory=list)
    indicators: list[PublicIndicator] = field(default_factory=list)
    actions: list[PublicAction] = field(default_factory=list)

    @property
    def green(self) -> GreenShare:
        return green_share(item.colour for item in self.actions)

    @property
    def colour_counts(self) -> list[tuple[str, int]]:
        """How many actions have each assessment; unreported ones under ""."""
        counts: dict[str, int] = defaultdict(int)
        for item in self.actions:
            counts[item.colour] += 1
        return sorted(counts.items(), key=lambda pair: _COLOUR_ORDER.get(pair[0], 9))


_COLOUR_ORDER = {"green": 0, "yellow": 1, "red": 2, "": 3}


@dataclass
class PublicRollup:
    areas: list[PublicArea]
    rounds: dict[int, FollowUpRound]  # by plan pk: the latest published round that covers it

    @property
    def green(self) -> GreenShare:
        return green_share(item.colour for area in self.areas for item in area.actions)

    @property
    def latest_round(self) -> FollowUpRound | None:
        return max(self.rounds.values(), key=lambda r: (r.as_of, r.pk), default=None)

    def area(self, code: str) -> PublicArea | None:
        return next((item for item in self.areas if item.area.code == code), None)


def public_plan_ids_below(plan: Plan) -> set[int]:
    """The plan and the public plans below it, at any depth: one query per level."""
    found, frontier = {plan.pk}, [plan.pk]
    for _depth in range(MAX_DEPTH):
        frontier = list(
            Plan.objects.filter(parent_id__in=frontier, is_public=True)
            .exclude(pk__in=found)
            .values_list("pk", flat=True)
        )
        if not frontier:
            break
        found.update(frontier)
    return found


def public_rollup(plan: Plan, *, area_code: str | None = None) -> PublicRollup:
    """The plan's goal areas (or the one asked for) with what serves them. Seven queries or so
    however much data there is, plus one per level of plans below."""
    # The plan's own goal areas, and those of a plan above that its goals and actions work under
    # (an administration's plan sets its goals in the regional plan's areas).
    areas = GoalArea.objects.filter(Q(plan=plan) | Q(goals__plan=plan) | Q(actions__plan=plan)).distinct()
    areas = list(
        (areas if area_code is None else areas.filter(code=area_code)).order_by(
            "plan__start_year", "order", "code"
        )
    )
    own_goals = list(Goal.objects.filter(plan=plan, area__in=areas).order_by("order", "code"))
    root_of: dict[int, int] = {goal.pk: goal.pk for goal in own_goals}  # goal → the area goal it serves
    serving: dict[int, list[Goal]] = defaultdict(list)
    frontier = [goal.pk for goal in own_goals]
    for _depth in range(MAX_DEPTH):
        if not frontier:
            break
        level = list(
            Goal.objects.filter(parent_id__in=frontier, plan__is_public=True)
            .exclude(pk__in=root_of)
            .select_related("plan")
            .order_by("plan__start_year", "order", "code")
        )
        for goal in level:
            root_of[goal.pk] = root_of[goal.parent_id]
            serving[root_of[goal.pk]].append(goal)
        frontier = [goal.pk for goal in level]

    goal_ids = list(root_of)
    area_of_goal = {goal.pk: goal.area_id for goal in own_goals}
    indicators = list(
        Indicator.objects.filter(goal_id__in=goal_ids)
        .select_related("goal__plan")
        .order_by("goal__order", "order")
    )
    actions = list(
        Action.objects.filter(Q(goal_id__in=goal_ids) | Q(area__in=areas), plan__is_public=True)
        .select_related("plan__owner")
        .prefetch_related("units")
        .order_by("plan__start_year", "order", "code")
    )
    plan_ids = {plan.pk} | {i.goal.plan_id for i in indicators} | {a.plan_id for a in actions}
    rounds = latest_published_rounds(plan_ids)
    reports: dict[int, RoundReport] = {}
    for round in rounds.values():
        if round.pk not in reports:
            reports[round.pk] = round_report(round)
    # An item's line is the one of its own plan's latest round, not of any round that also covers it.
    action_lines = {pk: {line.pk: line for line in report.actions} for pk, report in reports.items()}
    indicator_lines = {pk: {line.pk: line for line in report.indicators} for pk, report in reports.items()}

    def line_of(lines, plan_id: int, pk: int):
        round = rounds.get(plan_id)
        return lines[round.pk].get(pk) if round else None

    by_area = {area.pk: PublicArea(area=area) for area in areas}
    for goal in own_goals:
        by_area[goal.area_id].goals.append(PublicGoal(goal=goal, serving=serving[goal.pk]))
    for indicator in indicators:
        area_id = area_of_goal[root_of[indicator.goal_id]]
        line = line_of(indicator_lines, indicator.goal.plan_id, indicator.pk)
        by_area[area_id].indicators.append(PublicIndicator(indicator=indicator, line=line))
    for action in actions:
        area_id = area_of_goal[root_of[action.goal_id]] if action.goal_id in root_of else action.area_id
        line = line_of(action_lines, action.plan_id, action.pk)
        by_area[area_id].actions.append(PublicAction(action=action, line=line))
    return PublicRollup(areas=list(by_area.values()), rounds=rounds)
