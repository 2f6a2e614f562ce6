"""Writes to plans and their content. Each validates fully and saves in a transaction."""

from styrkort.core.services import upsert
from styrkort.org.models import Unit

from .models import (
    Action,
    Assignment,
    Breakdown,
    Goal,
    GoalArea,
    Indicator,
    Perspective,
    Plan,
    Target,
    TimelineFields,
)
from .timeline import Timeline


def plan_upsert(*, code: str, **values) -> tuple[Plan, bool]:
    return upsert(Plan, lookup={"code": code}, values=values)


def perspective_upsert(*, code: str, **values) -> tuple[Perspective, bool]:
    return upsert(Perspective, lookup={"code": code}, values=values)


def goal_area_upsert(*, code: str, **values) -> tuple[GoalArea, bool]:
    return upsert(GoalArea, lookup={"code": code}, values=values)


def goal_upsert(*, code: str, **values) -> tuple[Goal, bool]:
    return upsert(Goal, lookup={"code": code}, values=values)


def breakdowns_ensure(names: list[str]) -> list[Breakdown]:
    """Breakdowns are a shared vocabulary: a new name in a workbook adds it."""
    found = []
    for name in names:
        breakdown, _ = Breakdown.objects.get_or_create(
            name=name, defaults={"order": Breakdown.objects.count()}
        )
        found.append(breakdown)
    return found


def indicator_upsert(*, code: str, breakdowns: list[Breakdown], **values) -> tuple[Indicator, bool]:
    return upsert(Indicator, lookup={"code": code}, values=values, many={"breakdowns": breakdowns})


def target_upsert(*, indicator: Indicator, year: int, breakdown: Breakdown | None, **values):
    return upsert(
        Target, lookup={"indicator": indicator, "year": year, "breakdown": breakdown}, values=values
    )


def assignment_upsert(*, plan: Plan, number: str, timeline: Timeline, **values):
    values = _with_timeline(values, timeline=timeline, plan=plan)
    return upsert(Assignment, lookup={"plan": plan, "number": number}, values=values)


def action_upsert(*, plan: Plan, code: str, timeline: Timeline, units: list[Unit], **values):
    values = _with_timeline(values, timeline=timeline, plan=plan)
    return upsert(Action, lookup={"plan": plan, "code": code}, values=values, many={"units": units})


def _with_timeline(values: dict, *, timeline: Timeline, plan: Plan) -> dict:
    return {**values, **TimelineFields.timeline_values(timeline, plan=plan)}
