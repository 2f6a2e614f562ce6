"""The open web's pages: no login, no cookies of ours, nothing but public plans and published rounds.
They render without a CSRF token or anything of the visitor, so a page can be cached whole."""

from django.shortcuts import render
from django.views.decorators.cache import cache_control

from styrkort.plans.charts import indicator_chart
from styrkort.plans.queries import plan_tree, targets_by_year

from .queries import (
    latest_published,
    public_indicator,
    public_measurements,
    public_plan,
    public_plans,
)

PUBLIC_CACHE_SECONDS = 300


@cache_control(public=True, max_age=PUBLIC_CACHE_SECONDS)
def index(request):
    return render(request, "portal/index.html", {"plans": list(public_plans())})


@cache_control(public=True, max_age=PUBLIC_CACHE_SECONDS)
def plan(request, code: str):
    """The strategy: vision, goal areas with their progress in the latest published round, goals."""
    found = public_plan(code)
    round, report = latest_published(found)
    progress = {area.code: area.green for area in report.areas} if report else {}
    areas = [
        {"node": node, "green": progress.get(node.area.code) if node.area else None}
        for node in plan_tree(found).areas
    ]
    context = {"plan": found, "round": round, "areas": areas, "total": report.green if report else None}
    return render(request, "portal/plan.html", context)


@cache_control(public=True, max_age=PUBLIC_CACHE_SECONDS)
def indicator(request, code: str, indicator_code: str):
    """An indicator: its values over the years as a chart with the target, the table beside it, and its
    status and trend as the latest published round gives them."""
    plan = public_plan(code)
    found = public_indicator(plan, indicator_code)
    columns, rows = public_measurements(found)
    target_columns, target_rows = targets_by_year(found)  # targets are the plan's own: public with it
    round, report = latest_published(plan)
    line = next((i for i in report.indicators if i.pk == found.pk), None) if report else None
    context = {
        "plan": plan,
        "indicator": found,
        "chart": indicator_chart(found, columns, rows, target_columns, target_rows) if rows else None,
        "measurement_columns": columns,
        "measurement_rows": rows,
        "round": round,
        "line": line,
    }
    return render(request, "portal/indicator.html", context)
