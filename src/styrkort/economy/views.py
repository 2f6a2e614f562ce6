"""The economy and staff page of a unit in a round: tables, and charts with their data beside them."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from styrkort.followup.models import FollowUpRound
from styrkort.followup.queries import round_unit_ids
from styrkort.followup.rules import may_manage_round
from styrkort.org.models import Unit

from . import report_charts
from .report import economy_report


def _round_and_unit(code: str, unit_code: str) -> tuple[FollowUpRound, Unit]:
    followup_round = get_object_or_404(FollowUpRound.objects.prefetch_related("plans", "units"), code=code)
    unit = get_object_or_404(Unit, code=unit_code)
    if unit.pk not in round_unit_ids(followup_round):
        raise Http404(_("The unit %(unit)s does not report in this round.") % {"unit": unit.code})
    return followup_round, unit


@login_required
def economy_page(request, code: str, unit_code: str):
    followup_round, unit = _round_and_unit(code, unit_code)
    report = economy_report(round=followup_round, unit=unit)
    context = {
        "round": followup_round,
        "unit": unit,
        "report": report,
        "result_chart": report_charts.department_results_chart(report),
        "sick_leave_chart": report_charts.sick_leave_chart(report),
        "may_import": followup_round.is_open and may_manage_round(request.user, followup_round),
    }
    return render(request, "economy/economy_page.html", context)
