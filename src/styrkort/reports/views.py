from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.shortcuts import render

from styrkort.followup.queries import to_report
from styrkort.org.models import Unit
from styrkort.org.queries import unit_ids_below
from styrkort.org.rules import memberships_of
from styrkort.plans.models import Action, Plan


@login_required
def home(request):
    """The start page: what this person is responsible for, and where to go from here."""
    memberships = memberships_of(request.user)
    within = unit_ids_below(m.unit_id for m in memberships)
    units = list(
        Unit.objects.filter(pk__in=within)
        .annotate(action_count=Count("actions", distinct=True))
        .order_by("name")
    )
    context = {
        "to_report": to_report(request.user),
        "memberships": memberships,
        "units": units,
        "plans": list(
            Plan.objects.filter(owner_id__in=within)
            .select_related("owner")
            .order_by("-start_year", "name")[:20]
        ),
        "action_count": Action.objects.filter(units__in=within).distinct().count(),
        "latest_plans": list(Plan.objects.select_related("owner").order_by("-start_year", "name")[:5]),
    }
    return render(request, "reports/home.html", context)
