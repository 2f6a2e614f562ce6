"""The plan chain: plans, goals, indicators (with targets) and actions."""

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Path, Router
from ninja.pagination import paginate

from styrkort.api import queries
from styrkort.api.auth import read_auth
from styrkort.api.schemas import (
    CODE_MAX,
    CODE_PATTERN,
    ActionOut,
    GoalOut,
    IndicatorOut,
    PlanDetailOut,
    PlanOut,
)

from .common import DETAIL_ERRORS, READ_ERRORS, Pages, code_filter

router = Router(tags=["plans"], auth=read_auth)


@router.get("/plans", response={200: list[PlanOut], **READ_ERRORS}, url_name="plans")
@paginate(Pages)
def list_plans(request, unit: str | None = code_filter("Only plans owned by this unit (code).")):
    """Plans; without a token only the public ones."""
    plans = queries.plans_for(request.auth)
    if unit:
        plans = plans.filter(owner__code=unit)
    return plans


@router.get("/plans/{code}", response={200: PlanDetailOut, **DETAIL_ERRORS}, url_name="plan")
def get_plan(request, code: str = Path(..., max_length=CODE_MAX, pattern=CODE_PATTERN)):
    """A plan with its vision, values and goal areas; without a token only a public plan."""
    plan = queries.plans_for(request.auth).prefetch_related("goal_areas").filter(code=code).first()
    if plan is None:
        raise Http404(_("There is no plan with the code %(code)s.") % {"code": code})
    return plan


@router.get("/goals", response={200: list[GoalOut], **READ_ERRORS}, url_name="goals")
@paginate(Pages)
def list_goals(
    request,
    plan: str | None = code_filter("Only goals of this plan (code)."),
    unit: str | None = code_filter("Only goals this unit reports (code)."),
):
    goals = queries.goals_for(request.auth)
    if plan:
        goals = goals.filter(plan__code=plan)
    if unit:
        goals = goals.filter(queries.unit_q(unit, unit_field="unit", owner_field="plan__owner"))
    return goals


@router.get("/indicators", response={200: list[IndicatorOut], **READ_ERRORS}, url_name="indicators")
@paginate(Pages)
def list_indicators(
    request,
    plan: str | None = code_filter("Only indicators of this plan (code)."),
    goal: str | None = code_filter("Only indicators of this goal (code)."),
    unit: str | None = code_filter("Only indicators this unit reports (code)."),
):
    indicators = queries.indicators_for(request.auth)
    if plan:
        indicators = indicators.filter(goal__plan__code=plan)
    if goal:
        indicators = indicators.filter(goal__code=goal)
    if unit:
        indicators = indicators.filter(
            queries.unit_q(unit, unit_field="goal__unit", owner_field="goal__plan__owner")
        )
    return indicators


@router.get("/actions", response={200: list[ActionOut], **READ_ERRORS}, url_name="actions")
@paginate(Pages)
def list_actions(
    request,
    plan: str | None = code_filter("Only actions of this plan (code)."),
    unit: str | None = code_filter("Only actions this unit is responsible for (code)."),
):
    actions = queries.actions_for(request.auth)
    if plan:
        actions = actions.filter(plan__code=plan)
    if unit:
        actions = actions.filter(units__code=unit)
    return actions
