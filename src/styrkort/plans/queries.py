"""Reads that pages, exports and reports share. Each runs a fixed number of queries, whatever the data."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from styrkort.org.models import Unit

from .models import (
    TOTAL_BREAKDOWN,
    Action,
    Assignment,
    BreakdownBaseline,
    Goal,
    GoalArea,
    Indicator,
    Plan,
    Target,
)


def actions_with_units() -> QuerySet[Action]:
    return Action.objects.select_related("plan", "goal", "area").prefetch_related(
        Prefetch("units", queryset=Unit.objects.only("id", "code", "name", "short_name"))
    )


def plans_listed() -> QuerySet[Plan]:
    # Counted in subqueries: two joined Counts would multiply goals by actions for every plan.
    return (
        Plan.objects.select_related("owner", "parent")
        .annotate(goal_count=_count_of(Goal), action_count=_count_of(Action))
        .order_by("-start_year", "name", "pk")
    )


def _count_of(model) -> Subquery:
    counted = model.objects.filter(plan=OuterRef("pk")).order_by().values("plan").annotate(n=Count("pk"))
    return Coalesce(Subquery(counted.values("n")), 0)


@dataclass
class GoalNode:
    goal: Goal
    indicators: list[Indicator] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)


@dataclass
class AreaNode:
    area: GoalArea | None
    goals: list[GoalNode] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)  # linked to the area, not to a goal
    assignments: list[Assignment] = field(default_factory=list)

    @property
    def indicator_count(self) -> int:
        return sum(len(node.indicators) for node in self.goals)

    @property
    def action_count(self) -> int:
        return len(self.actions) + sum(len(node.actions) for node in self.goals)


@dataclass
class PlanTree:
    plan: Plan
    areas: list[AreaNode]

    @property
    def goal_count(self) -> int:
        return sum(len(area.goals) for area in self.areas)

    @property
    def actions(self) -> list[Action]:
        return [
            action
            for area in self.areas
            for action in [*area.actions, *(a for node in area.goals for a in node.actions)]
        ]

    @property
    def indicator_count(self) -> int:
        return sum(area.indicator_count for area in self.areas)

    @property
    def action_count(self) -> int:
        return sum(area.action_count for area in self.areas)


def baselines_per_breakdown() -> Prefetch:
    """An indicator's baselines per breakdown, with their breakdowns, in one query."""
    return Prefetch("breakdown_baselines", queryset=BreakdownBaseline.objects.select_related("breakdown"))


def plan_tree(plan: Plan) -> PlanTree:
    """Plan → goal areas (with their goal documents) → goals → indicators and actions, in six queries."""
    goals = list(Goal.objects.filter(plan=plan).select_related("area", "unit", "parent"))
    indicators = list(Indicator.objects.filter(goal__plan=plan).order_by("order", "code"))
    actions = list(actions_with_units().filter(plan=plan))
    assignments = list(Assignment.objects.filter(plan=plan).select_related("receiver"))
    area_ids = {g.area_id for g in goals} | {a.area_id for a in actions} | {a.area_id for a in assignments}
    areas = list(
        GoalArea.objects.filter(Q(plan=plan) | Q(pk__in=area_ids - {None}))
        .select_related("perspective")
        .prefetch_related("documents")
    )

    nodes = {area.pk: AreaNode(area=area) for area in areas}
    without_area = AreaNode(area=None)
    goal_nodes = {goal.pk: GoalNode(goal=goal) for goal in goals}
    for goal in goals:
        nodes.get(goal.area_id, without_area).goals.append(goal_nodes[goal.pk])
    for indicator in indicators:
        goal_nodes[indicator.goal_id].indicators.append(indicator)
    for action in actions:
        if action.goal_id in goal_nodes:
            goal_nodes[action.goal_id].actions.append(action)
        else:
            nodes.get(action.area_id, without_area).actions.append(action)
    for assignment in assignments:
        nodes.get(assignment.area_id, without_area).assignments.append(assignment)
    ordered = [nodes[area.pk] for area in areas]
    if without_area.goals or without_area.actions or without_area.assignments:
        ordered.append(without_area)
    return PlanTree(plan=plan, areas=ordered)


def goal_chain_up(goal: Goal) -> list[Goal]:
    """The goals this goal serves, nearest first, up to the council's goal. One query per level;
    levels are plan levels (region plan → administration → department), not data volume."""
    chain, seen = [], {goal.pk}
    node = goal
    while node.parent_id and node.parent_id not in seen:
        node = Goal.objects.select_related("plan", "area").get(pk=node.parent_id)
        seen.add(node.pk)
        chain.append(node)
    return chain


def targets_by_year(indicator: Indicator) -> tuple[list, list[dict]]:
    """Rows of (year, targets per breakdown column) and the breakdown columns, total first."""
    targets = list(Target.objects.filter(indicator=indicator).select_related("breakdown", "indicator"))
    return by_year_and_breakdown(targets, year_of=lambda t: t.year)


def measurements_by_year(indicator: Indicator) -> tuple[list, list[dict]]:
    """The indicator's measurements (followup.Measurement) laid out like its targets."""
    measurements = list(indicator.measurements.select_related("breakdown"))
    return by_year_and_breakdown(measurements, year_of=lambda m: m.period)


def by_year_and_breakdown(items: list, *, year_of) -> tuple[list, list[dict]]:
    """Rows of {"year", "cells"} with one cell per breakdown column; the total column is left out
    when no row has a total."""
    columns = [TOTAL_BREAKDOWN]
    by_year: dict[int, dict[str, object]] = defaultdict(dict)
    for item in items:
        name = item.breakdown.name if item.breakdown else TOTAL_BREAKDOWN
        if name not in columns:
            columns.append(name)
        by_year[year_of(item)][name] = item
    rows = [
        {"year": year, "cells": [by_year[year].get(name) for name in columns]} for year in sorted(by_year)
    ]
    if all(row["cells"][0] is None for row in rows) and len(columns) > 1:
        columns = columns[1:]
        rows = [{"year": row["year"], "cells": row["cells"][1:]} for row in rows]
    return columns, rows
