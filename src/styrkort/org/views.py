from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from styrkort.core.page_cache import cached_page
from styrkort.core.versions import CONTENT, FOLLOWUP

from .models import Unit
from .queries import ancestors, tree_page

UNIT_ACTIONS_SHOWN = 50
UNITS_PER_PAGE = 200


@login_required
@cached_page(CONTENT, FOLLOWUP)
def unit_list(request):
    # The page is counted and paged by number; only its units are walked to in tree order.
    page = Paginator(range(Unit.objects.count()), UNITS_PER_PAGE).get_page(request.GET.get("sida"))
    units = tree_page(page.start_index() - 1, UNITS_PER_PAGE) if page.paginator.count else []
    return render(request, "org/unit_list.html", {"page": page, "units": units, "query": ""})


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
        "ancestors": ancestors(unit),
        "children": list(unit.children.all()),
        "plans": list(unit.plans.all()),
        "goals": list(unit.goals.select_related("plan")),
        "actions": list(actions[:UNIT_ACTIONS_SHOWN]),
        "action_count": actions.count(),
    }
    return render(request, "org/unit_detail.html", context)
