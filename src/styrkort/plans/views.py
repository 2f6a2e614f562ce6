from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from styrkort.core.page_cache import cached_page
from styrkort.core.versions import CONTENT, FOLLOWUP

from . import follow_up, rules, services
from .charts import indicator_chart
from .models import Goal, GoalArea, Indicator, Plan
from .queries import (
    actions_with_units,
    baselines_per_breakdown,
    goal_chain_up,
    measurements_by_year,
    plan_tree,
    plans_listed,
    targets_by_year,
)

GOALS_SHOWN = 100  # on a goal area page; the region's goals come first


PLANS_PER_PAGE = 50


@login_required
@cached_page(CONTENT, FOLLOWUP)
def plan_list(request):
    page = Paginator(plans_listed(), PLANS_PER_PAGE).get_page(request.GET.get("sida"))
    return render(
        request, "plans/plan_list.html", {"page": page, "plans": list(page.object_list), "query": ""}
    )


@login_required
@cached_page(CONTENT, FOLLOWUP)
def plan_detail(request, code: str):
    plan = get_object_or_404(Plan.objects.select_related("owner", "parent", "decided_by"), code=code)
    tree = plan_tree(plan)
    follow_up.attach_latest(tree.actions)
    context = {
        "plan": plan,
        "may_change": rules.may_change_plan(request.user, plan),
        "tree": tree,
        "child_plans": list(plan.children.select_related("owner")),
        "perspectives": list(plan.perspectives.all()),
        "linked_areas": list(plan.linked_areas.select_related("plan")),
    }
    return render(request, "plans/plan_detail.html", context)


@login_required
@require_POST
def plan_publicity(request, code: str):
    """The plan is shown on the open web, or no longer."""
    plan = get_object_or_404(Plan.objects.select_related("owner"), code=code)
    public = request.POST.get("public") == "1"
    services.plan_publicity_set(user=request.user, plan=plan, public=public)
    messages.success(
        request, _("The plan is public.") if public else _("The plan is no longer shown on the open web.")
    )
    return redirect("plans:plan", code=plan.code)


@login_required
@cached_page(CONTENT, FOLLOWUP)
def goal_area_detail(request, pk: int):
    area = get_object_or_404(GoalArea.objects.select_related("plan", "perspective"), pk=pk)
    goals = Goal.objects.filter(area=area).select_related("plan", "unit", "parent").order_by("plan", "order")
    actions = list(actions_with_units().filter(area=area).order_by("plan", "order", "code")[:200])
    follow_up.attach_latest(actions)
    action_count = area.actions.count()
    context = {
        "area": area,
        "goals": list(goals[:GOALS_SHOWN]),
        "goal_count": goals.count(),
        "documents": list(area.documents.all()),
        "assignments": list(area.assignments.select_related("plan", "receiver")),
        "actions": actions,
        "action_count": action_count,
        "colour_counts": follow_up.colour_counts(area.actions.values("pk"), action_count),
    }
    return render(request, "plans/goal_area_detail.html", context)


@login_required
@cached_page(CONTENT, FOLLOWUP)
def goal_detail(request, pk: int):
    goal = get_object_or_404(Goal.objects.select_related("plan", "area", "unit"), pk=pk)
    actions = list(actions_with_units().filter(goal=goal))
    child_actions = list(actions_with_units().filter(goal__parent=goal))
    follow_up.attach_latest(actions, child_actions)
    context = {
        "goal": goal,
        "chain_up": goal_chain_up(goal),
        "children": list(goal.children.select_related("plan", "unit")),
        "indicators": list(goal.indicators.prefetch_related("breakdowns", baselines_per_breakdown())),
        "actions": actions,
        "child_actions": child_actions,
        "assignments": list(goal.assignments.select_related("plan", "receiver")),
    }
    return render(request, "plans/goal_detail.html", context)


@login_required
@cached_page(CONTENT, FOLLOWUP)
def indicator_detail(request, pk: int):
    indicator = get_object_or_404(
        Indicator.objects.select_related("goal__plan", "goal__area").prefetch_related(
            baselines_per_breakdown()
        ),
        pk=pk,
    )
    columns, rows = targets_by_year(indicator)
    measurement_columns, measurement_rows = measurements_by_year(indicator)
    chart = indicator_chart(indicator, measurement_columns, measurement_rows, columns, rows)
    context = {
        "chart": chart,
        "status": follow_up.indicator_status(indicator),
        "indicator": indicator,
        "breakdowns": list(indicator.breakdowns.all()),
        "target_columns": columns,
        "target_rows": rows,
        "measurement_columns": measurement_columns,
        "measurement_rows": measurement_rows,
    }
    return render(request, "plans/indicator_detail.html", context)


@login_required
@cached_page(CONTENT, FOLLOWUP)
def action_detail(request, pk: int):
    action = get_object_or_404(
        actions_with_units().select_related("assignment__plan", "parent__plan", "goal__area"), pk=pk
    )
    children = list(actions_with_units().filter(parent=action))
    follow_up.attach_latest(children)
    reports = follow_up.history(action.pk)
    context = {"action": action, "children": children, "reports": reports}
    return render(request, "plans/action_detail.html", context)
