"""The economy and staff page of a unit in a round: tables, and charts with their data beside them."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from styrkort.followup.rules import may_manage_round
from styrkort.followup.shortcuts import get_round_and_unit

from . import report_charts
from .report import economy_report


@login_required
def economy_page(request, code: str, unit_code: str):
    followup_round, unit = get_round_and_unit(code, unit_code)
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
