"""Writes to plans and their content. Each validates fully and saves in a transaction.

`user` is the person writing: a plan and what belongs to it are changed only by those who may plan
for its owner (plans/rules.py), and they are named in the history row.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from styrkort.core.services import upsert
from styrkort.core.text import comparable
from styrkort.org.models import Unit
from styrkort.org.rules import is_administrator

from .enums import Comparator
from .models import (
    Action,
    Assignment,
    Breakdown,
    BreakdownBaseline,
    Goal,
    GoalArea,
    Indicator,
    Perspective,
    Plan,
    Target,
    TimelineFields,
)
from .rules import check_may_change_plan, check_may_own_plan
from .timeline import Timeline


def _authorise_plan(user):
    def authorise(before: Plan | None, after: Plan) -> None:
        if is_administrator(user):
            return
        if before is not None:
            check_may_change_plan(user, before)
        check_may_own_plan(user, after)

    return authorise


def _authorise_content(user, plan_of):
    """Content of a plan: the plan it belonged to and the plan it belongs to may be changed by `user`."""

    def authorise(before, after) -> None:
        if is_administrator(user):  # before walking up to the plan, a query or two
            return
        if before is not None:
            check_may_change_plan(user, plan_of(before))
        check_may_change_plan(user, plan_of(after))

    return authorise


def plan_upsert(*, user, code: str, **values) -> tuple[Plan, bool]:
    return upsert(Plan, lookup={"code": code}, values=values, user=user, authorise=_authorise_plan(user))


@transaction.atomic
def plan_publicity_set(*, user, plan: Plan, public: bool) -> Plan:
    """Whether the plan is shown on the open web; its history says who changed it."""
    check_may_change_plan(user, plan)
    plan.is_public = public
    plan._history_user = user
    plan.save(update_fields=["is_public"])
    return plan


def perspective_upsert(*, user, code: str, **values) -> tuple[Perspective, bool]:
    authorise = _authorise_content(user, lambda perspective: perspective.plan)
    return upsert(Perspective, lookup={"code": code}, values=values, user=user, authorise=authorise)


def goal_area_upsert(*, user, code: str, documents: list[Plan] = (), **values) -> tuple[GoalArea, bool]:
    if any(document == values.get("plan") for document in documents):
        raise ValidationError({"documents": _("A plan cannot be a goal document of its own goal area.")})
    authorise = _authorise_content(user, lambda area: area.plan)
    return upsert(
        GoalArea,
        lookup={"code": code},
        values=values,
        many={"documents": documents},
        user=user,
        authorise=authorise,
    )


def goal_upsert(*, user, code: str, **values) -> tuple[Goal, bool]:
    authorise = _authorise_content(user, lambda goal: goal.plan)
    return upsert(Goal, lookup={"code": code}, values=values, user=user, authorise=authorise)


def breakdowns_ensure(names: list[str]) -> list[Breakdown]:
    """Breakdowns are a shared vocabulary: a new name in a workbook adds it."""
    found = []
    for name in names:
        breakdown, _ = Breakdown.objects.get_or_create(
            name=name, defaults={"order": Breakdown.objects.count()}
        )
        found.append(breakdown)
    return found


def indicator_upsert(*, user, code: str, breakdowns: list[Breakdown], **values) -> tuple[Indicator, bool]:
    return upsert(
        Indicator,
        lookup={"code": code},
        values=values,
        many={"breakdowns": breakdowns},
        user=user,
        authorise=_authorise_content(user, lambda indicator: indicator.goal.plan),
    )


def target_upsert(*, user, indicator: Indicator, year: int, breakdown: Breakdown | None, **values):
    """A target; one given without a comparator takes it from the indicator's desired direction."""
    if not values.get("comparator") and values.get("value") is not None:
        values["comparator"] = Comparator.implied_by(indicator.direction)
    return upsert(
        Target,
        lookup={"indicator": indicator, "year": year, "breakdown": breakdown},
        values=values,
        user=user,
        authorise=_authorise_content(user, lambda target: target.indicator.goal.plan),
    )


def breakdown_baseline_upsert(*, user, indicator: Indicator, breakdown: Breakdown | None, **values):
    if breakdown is None:
        raise ValidationError(
            {"breakdown": _("The total's baseline is written on the indicator (Nuläge and Nulägesår).")}
        )
    return upsert(
        BreakdownBaseline,
        lookup={"indicator": indicator, "breakdown": breakdown},
        values=values,
        user=user,
        authorise=_authorise_content(user, lambda baseline: baseline.indicator.goal.plan),
    )


def assignment_upsert(*, user, plan: Plan, number: str, timeline: Timeline, **values):
    values = _with_timeline(values, timeline=timeline, plan=plan)
    authorise = _authorise_content(user, lambda assignment: assignment.plan)
    return upsert(
        Assignment, lookup={"plan": plan, "number": number}, values=values, user=user, authorise=authorise
    )


def action_upsert(*, user, plan: Plan, code: str, timeline: Timeline, units: list[Unit], **values):
    """An action found by its code in the plan; without a code, by its text among the actions the
    product numbered (action_number), and a new one gets the next number."""
    values = _with_timeline(values, timeline=timeline, plan=plan)
    if not code:
        existing = _numbered_with_text(plan, values.get("text", ""))
        code = existing.code if existing else action_number(plan, values.get("area"))
        values["numbered"] = True
    return upsert(
        Action,
        lookup={"plan": plan, "code": code},
        values=values,
        many={"units": units},
        user=user,
        authorise=_authorise_content(user, lambda action: action.plan),
    )


def _numbered_with_text(plan: Plan, text: str) -> Action | None:
    wanted = comparable(text)
    return next(
        (a for a in Action.objects.filter(plan=plan, numbered=True) if comparable(a.text) == wanted), None
    )


def action_number(plan: Plan, area: GoalArea | None) -> str:
    """The next display number for an action without a code: "MO6.3" within its goal area, "3"
    without one. Numbers given before, also to actions since removed, are never given again."""
    prefix = f"{area.code}." if area else ""
    used = set(Action.history.filter(plan_id=plan.pk, code__startswith=prefix).values_list("code", flat=True))
    number = 1
    while f"{prefix}{number}" in used:
        number += 1
    return f"{prefix}{number}"


def _with_timeline(values: dict, *, timeline: Timeline, plan: Plan) -> dict:
    return {**values, **TimelineFields.timeline_values(timeline, plan=plan)}
