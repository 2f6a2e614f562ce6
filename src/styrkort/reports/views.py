from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from styrkort.followup.queries import to_report
from styrkort.followup.shortcuts import get_round_and_unit
from styrkort.org.models import Unit
from styrkort.org.queries import unit_ids_below
from styrkort.org.rules import memberships_of
from styrkort.plans.models import Action, Plan

from . import renderers
from .builders import annual_report
from .renderers import FORMATS


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


@login_required
def annual(request, code: str, unit_code: str):
    """The unit's report in the round as a page, with its downloads."""
    round, unit = get_round_and_unit(code, unit_code)
    context = {
        "round": round,
        "unit": unit,
        "document": annual_report(round, unit),
        "downloads": [name for name in FORMATS if name != "html"],
    }
    return render(request, "reports/document_page.html", context)


@login_required
def annual_file(request, code: str, unit_code: str, fmt: str):
    if fmt not in FORMATS:
        raise Http404(_("There is no report format %(format)s.") % {"format": fmt})
    round, unit = get_round_and_unit(code, unit_code)
    return document_response(annual_report(round, unit), fmt)


def document_response(document, fmt: str) -> HttpResponse:
    """The document as a file to download, in one format."""
    kind = FORMATS[fmt]
    response = HttpResponse(renderers.render(document, fmt), content_type=kind.media_type)
    response["Content-Disposition"] = f'attachment; filename="{document.filename}.{kind.extension}"'
    return response
