"""The open web's pages: no login, no cookies of ours, nothing but public plans and published rounds.
They render without a CSRF token or anything of the visitor, so a page can be cached whole."""

from django.shortcuts import render
from django.views.decorators.cache import cache_control

from styrkort.plans.queries import plan_tree

from .queries import latest_published, public_plan, public_plans

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
