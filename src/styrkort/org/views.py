from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from styrkort.core.page_cache import cached_page
from styrkort.core.versions import CONTENT, FOLLOWUP

from .models import Unit

UNIT_ACTIONS_SHOWN = 50
UNITS_PER_PAGE = 200


@login_required
@cached_page(CONTENT, FOLLOWUP)
def unit_list(request):
    units = Unit.objects.with_tree_fields().order_by("tree_ordering")
    page = Paginator(units, UNITS_PER_PAGE).get_page(request.GET.get("sida"))
    return render(request, "org/unit_list.html", {"page": page, "units": list(page.object_list), "query": ""})


@login_required
@cached_page(CONTENT, FOLLOWUP)
def unit_detail(request, code: str):
    unit = get_object_or_404(Unit, code=code)
    # Through the unit's own relations: org sits below plans and imports nothing of it.
    actions = (
        unit.actions.select_related("plan", "goal", "area")
        .prefetch_related(Prefetch("units", queryset=Unit.objects.only("id", "code", "name", "short_name")))
        .order_by("plan__code", "order", "code")
    )
    context = {
        "unit": unit,
        "ancestors": list(unit.ancestors()),
        "children": list(unit.children.all()),
        "plans": list(unit.plans.all()),
        "goals": list(unit.goals.select_related("plan")),
        "actions": list(actions[:UNIT_ACTIONS_SHOWN]),
        "action_count": actions.count(),
    }
    return render(request, "org/unit_detail.html", context)
